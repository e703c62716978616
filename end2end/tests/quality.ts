// Shared checks of what reaches the browser: accessibility (axe-core, every rule, any impact)
// and "hydration changes nothing the server painted".
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Fails with a readable list when axe-core finds any violation on the page as it is now. */
export async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const report = violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help}\n` + v.nodes.slice(0, 5).map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join(" ")}`).join("\n"),
  );
  expect(report, `axe-core on ${what} (${page.url()})`).toEqual([]);
}

/** Watches the document from its first byte: every element the server sent, and anything that
 *  later removes, replaces or rewrites it (install before `page.goto`). */
export async function watchHydration(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __turg: { removed: string[]; text: string[]; attrs: string[]; before?: string } };
    w.__turg = { removed: [], text: [], attrs: [] };
    const describe = (n: Node) => (n instanceof Element ? `<${n.localName}${n.id ? "#" + n.id : ""}${n.className ? "." + String(n.className).split(" ").join(".") : ""}>` : `${n.nodeName} "${(n.textContent ?? "").slice(0, 40)}"`);
    let parsed = false;
    document.addEventListener("DOMContentLoaded", () => {
      parsed = true;
      w.__turg.before = document.body.outerHTML;
    });
    new MutationObserver((records) => {
      if (!parsed) return; // the parser building the page
      for (const r of records) {
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
    const w = window as unknown as { __turg: { removed: string[]; text: string[]; attrs: string[]; before?: string } };
    const after = document.body.outerHTML.replace(' data-hydrated="true"', "");
    return { ...w.__turg, same: w.__turg.before === after, after };
  });
  expect({ removed: seen.removed, text: seen.text, attrs: seen.attrs }, `hydration of ${what}`).toEqual({ removed: [], text: [], attrs: [] });
  expect(seen.same, `the body of ${what} after hydration equals the server's`).toBe(true);
}
