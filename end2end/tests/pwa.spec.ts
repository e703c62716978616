import { expect, test } from "@playwright/test";
import { TEXTS } from "./texts";

// Service workers need JavaScript: these run in the hydrated project only.
test.beforeEach(({}, info) => {
  test.skip(info.project.name !== "hydrated", "service workers need JavaScript");
});

test("the page hydrates and client-side navigation loads data", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/en");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  const api = page.waitForResponse((r) => r.url().includes("/api/category") && r.status() === 200);
  await page.locator(".category-tile > a").first().click();
  await api; // the hydrated router fetched the category through its server function
  await expect(page.locator(".product-grid .card")).toHaveCount(24);
  expect(errors).toEqual([]);
});

test("the service worker registers and serves the offline page", async ({ page, context }) => {
  await page.goto("/et");
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toMatch(/\/$/);
  // Once the worker controls the page, a navigation without network gets the offline page.
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.goto("/et/c/never-visited").catch(() => {});
  await expect(page.locator("section[lang=et] h2")).toHaveText(TEXTS.et.offline_title);
  await context.setOffline(false);
});
