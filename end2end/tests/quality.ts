// Shared checks of what reaches the browser: accessibility (axe-core, every rule, any impact)
// and "hydration changes nothing the server painted".
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Fails with a readable list when axe-core finds any violation on the page as it is now.
 *  axe-core is a script: on a page with JavaScript disabled it cannot run, so the same address
 *  is opened (with the same cookies) in a context where scripts run but the shop's own scripts
 *  and WASM are blocked: axe sees exactly what the server rendered. */
export async function expectAccessible(page: Page, what: string, javaScript: boolean) {
  let target = page;
  let scripted: import("@playwright/test").BrowserContext | undefined;
  if (!javaScript) {
    scripted = await page.context().browser()!.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
    await scripted.addCookies(await page.context().cookies());
    await scripted.route(/\/pkg\/|\/sw\.js/, (route) => route.abort());
    target = await scripted.newPage();
    await target.goto(page.url());
  }
  const { violations } = await new AxeBuilder({ page: target }).analyze().finally(() => scripted?.close());
  const report = violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help}\n` + v.nodes.slice(0, 5).map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join(" ")}`).join("\n"),
  );
  expect(report, `axe-core on ${what} (${page.url()})`).toEqual([]);
}

/** Watches the document from its first byte: every element the server sent, and anything that
 *  later removes, replaces or rewrites it (install before `page.goto`). */
export async function watchHydration(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __turg: { removed: string[]; text: string[]; attrs: string[]; before?: string; title?: string } };
    w.__turg = { removed: [], text: [], attrs: [] };
    const describe = (n: Node) => (n instanceof Element ? `<${n.localName}${n.id ? "#" + n.id : ""}${n.className ? "." + String(n.className).split(" ").join(".") : ""}>` : `${n.nodeName} "${(n.textContent ?? "").slice(0, 40)}"`);
    let parsed = false;
    document.addEventListener("DOMContentLoaded", () => {
      parsed = true;
      w.__turg.before = document.body.outerHTML;
      w.__turg.title = document.title;
    });
    new MutationObserver((records) => {
      if (!parsed) return; // the parser building the page
      for (const r of records) {
        // The head is leptos_meta's (it re-sets the title's text): compared as document.title.
        if (document.head.contains(r.target)) continue;
        if (r.type === "childList") {
          r.removedNodes.forEach((n) => {
            if (n.nodeType !== Node.COMMENT_NODE) w.__turg.removed.push(describe(n) + " from " + describe(r.target));
          });
        } else if (r.type === "characterData") {
          if (r.oldValue !== r.target.textContent) w.__turg.text.push(`"${r.oldValue}" → "${r.target.textContent}"`);
        } else if (r.type === "attributes" && r.attributeName !== "data-hydrated") {
          const now = (r.target as Element).getAttribute(r.attributeName!);
          if (now !== r.oldValue) w.__turg.attrs.push(`${describe(r.target)} ${r.attributeName}: ${r.oldValue} → ${now}`);
        }
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, characterDataOldValue: true, attributes: true, attributeOldValue: true });
  });
}

/** After `body[data-hydrated]`: nothing the server painted was removed or changed. */
export async function expectHydrationChangedNothing(page: Page, what: string) {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __turg: { removed: string[]; text: string[]; attrs: string[]; before?: string; title?: string } };
    const after = document.body.outerHTML.replace(' data-hydrated="true"', "");
    return { ...w.__turg, same: w.__turg.before === after, after, titleAfter: document.title };
  });
  expect({ removed: seen.removed, text: seen.text, attrs: seen.attrs }, `hydration of ${what}`).toEqual({ removed: [], text: [], attrs: [] });
  expect(seen.same, `the body of ${what} after hydration equals the server's`).toBe(true);
  expect(seen.titleAfter, `the title of ${what} after hydration`).toBe(seen.title);
  expect(seen.title, `the title of ${what}`).not.toBe("");
}
