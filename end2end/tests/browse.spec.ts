import { expect, test } from "@playwright/test";
import { LANGS, TEXTS } from "./texts";
import { ready } from "./hydration";

for (const lang of LANGS) {
  const t = TEXTS[lang];

  test(`home → category → product in ${lang}`, async ({ page }, info) => {
    const res = await page.goto(`/${lang}`);
    expect(res?.status()).toBe(200);
    await ready(page, info.project.name);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.locator("#categories-heading")).toHaveText(t.home_categories);
    await expect(page.locator("#featured-heading")).toHaveText(t.home_featured);
    await expect(page.locator(".product-grid .card")).toHaveCount(12);

    // Into the first top-level category.
    const tile = page.locator(".category-tile > a").first();
    const categoryName = (await tile.innerText()).trim();
    await tile.click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/c/[a-z0-9-]+$`));
    await expect(page.locator("h1")).toHaveText(categoryName);
    await expect(page.locator(".breadcrumbs")).toContainText(t.nav_home);
    const cards = page.locator(".product-grid .card");
    await expect(cards).toHaveCount(24);

    // Into the first product.
    const card = cards.first();
    const title = (await card.locator("h2, h3").innerText()).trim();
    await card.locator("a").click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/p/[a-z0-9-]+$`));
    await expect(page.locator("h1")).toHaveText(title);
    await expect(page.locator(".buy-box .winner .price")).toContainText("€");
    await expect(page.locator(".buy-box .winner .vat")).toHaveText(t.vat_included);
    await expect(page.locator("table.attributes")).toContainText(t.product_ean);
    await expect(page.locator(".gallery img").first()).toHaveAttribute("alt", title);
    await expect(page).toHaveTitle(`${title} — ${t.site_name}`);
  });
}

test("the language switch opens the same page in another language", async ({ page }, info) => {
  await page.goto("/et/c/food");
  await ready(page, info.project.name);
  const et = await page.locator("h1").innerText();
  await page.locator('.lang-switch a[hreflang="ru"]').click();
  await expect(page).toHaveURL(/\/ru\/c\/food$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.locator("h1")).not.toHaveText(et);
  await expect(page.locator("#search-q")).toHaveAttribute("placeholder", TEXTS.ru.search_placeholder);
});

test("category pages sort by price and page through", async ({ page }, info) => {
  await page.goto("/en/c/food");
  await ready(page, info.project.name);
  await page.getByRole("link", { name: TEXTS.en.sort_price_asc }).click();
  await expect(page).toHaveURL(/\?sort=price$/);
  await expect(page.getByRole("link", { name: TEXTS.en.sort_price_asc })).toHaveAttribute("aria-current", "true");
  const prices = await page.locator(".card .price").allInnerTexts();
  const cents = prices.filter((p) => p.includes("€")).map((p) => Math.round(parseFloat(p.replace(/[^0-9.]/g, "")) * 100));
  expect(cents.length).toBeGreaterThan(10);
  expect([...cents].sort((a, b) => a - b)).toEqual(cents);

  await page.locator('.pager a[rel="next"]').click();
  await expect(page).toHaveURL(/\?sort=price&page=2$/);
  await expect(page.locator(".pager")).toContainText("Page 2 of");
  const next = await page.locator(".card .price").first().innerText();
  const firstOnPage2 = Math.round(parseFloat(next.replace(/[^0-9.]/g, "")) * 100);
  expect(firstOnPage2).toBeGreaterThanOrEqual(cents[cents.length - 1]);
});

test("unknown addresses get a translated 404 page", async ({ page }) => {
  for (const lang of LANGS) {
    const res = await page.goto(`/${lang}/p/no-such-product`);
    expect(res?.status()).toBe(404);
    await expect(page.locator("h1")).toHaveText(TEXTS[lang].not_found_title);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
  }
  const res = await page.goto("/xx/whatever");
  expect(res?.status()).toBe(404);
  await expect(page.locator("h1")).toHaveText(TEXTS.et.not_found_title);
});

test("the root redirects by the browser's language", async ({ browser }) => {
  // The browser's locale decides its Accept-Language header.
  for (const [locale, lang] of [["ru-RU", "ru"], ["en-GB", "en"], ["de-DE", "et"], ["et-EE", "et"]]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(new RegExp(`/${lang}$`));
    await context.close();
  }
});

test("the layout fits a 360 px wide phone", async ({ page }, info) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/et", "/ru/c/electronics", "/en/c/food"]) {
    await page.goto(path);
    await ready(page, info.project.name);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow, path).toBeLessThanOrEqual(360);
  }
});

test("machine-facing files", async ({ request }) => {
  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", database: "ok", search: "ok" });

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/);

  const sitemap = await (await request.get("/sitemap.xml")).text();
  const urls = sitemap.match(/<loc>/g)?.length ?? 0;
  expect(urls).toBeGreaterThan(3 * 200);
  expect(sitemap).toContain("/ru/c/food</loc>");
  expect(sitemap).toContain("/en/sellers/turg-toidupood</loc>");
  expect(sitemap).toContain("/et/ranking</loc>");

  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.headers()["content-type"]).toContain("application/manifest+json");
  const m = await manifest.json();
  expect(m.display).toBe("standalone");
  const sizes = m.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes}/${i.purpose}`);
  expect(sizes).toEqual(expect.arrayContaining(["192x192/any", "512x512/any", "512x512/maskable"]));
  for (const icon of m.icons) expect((await request.get(icon.src)).status()).toBe(200);
});
