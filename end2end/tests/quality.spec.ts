// Every page at 360 px: axe-core finds nothing (JavaScript off and hydrated), and hydrating the
// main pages leaves every element the server painted in place, unchanged.
import { expect, test } from "@playwright/test";
import { query } from "./db";
import { expectAccessible, expectHydrationChangedNothing, watchHydration } from "./quality";
import { TEXTS } from "./texts";
import { hydrated, ready } from "./hydration";

const t = TEXTS.en;
test.use({ viewport: { width: 360, height: 740 } });

/** Real addresses from the demo data: a category with subcategories, a product with several
 *  offers, the seller with the most offers. */
function pages(): Record<string, string> {
  const [category] = query<{ slug: string }>(
    "SELECT c.slug FROM categories c WHERE c.parent_id IS NULL AND EXISTS (SELECT 1 FROM categories d WHERE d.parent_id = c.id) ORDER BY c.position, c.id LIMIT 1",
  );
  const [product] = query<{ slug: string }>(
    "SELECT p.slug FROM products p WHERE p.offer_count >= 2 AND p.images <> '[]' ORDER BY p.offer_count DESC, p.id LIMIT 1",
  );
  const [seller] = query<{ slug: string }>(
    "SELECT s.slug FROM sellers s WHERE s.status = 'active' ORDER BY (SELECT COUNT(*) FROM offers o WHERE o.seller_id = s.id) DESC, s.id LIMIT 1",
  );
  return {
    home: "/en",
    "home (et)": "/et",
    "home (ru)": "/ru",
    category: `/en/c/${category.slug}`,
    "category, sorted, page 2": `/en/c/${category.slug}?sort=price&page=2`,
    product: `/en/p/${product.slug}`,
    "product (ru, another county)": `/ru/p/${product.slug}?county=ida-viru`,
    offers: `/en/p/${product.slug}/offers`,
    search: "/en/search?q=cheese",
    "search, nothing found": "/en/search?q=zzzzqqqq",
    sellers: "/en/sellers",
    seller: `/en/sellers/${seller.slug}`,
    ranking: "/en/ranking",
    "empty cart": "/en/cart",
    "not found": "/en/p/no-such-product",
  };
}

for (const [what, path] of Object.entries(pages())) {
  test(`axe: ${what}`, async ({ page }, info) => {
    await page.goto(path);
    await ready(page, info.project.name);
    await expectAccessible(page, what, hydrated(info.project.name));
  });
}

test("axe: cart with goods, checkout with its errors", async ({ page }, info) => {
  // Two pages and their error states, each analysed by axe (without JavaScript, in a second,
  // scripted context): about 25 s on a quiet two-core machine, more under load.
  test.setTimeout(90_000);
  const project = info.project.name;
  const [offer] = query<{ id: number; slug: string }>(
    `SELECT o.id, p.slug FROM offers o JOIN products p ON p.id = o.product_id JOIN sellers s ON s.id = o.seller_id
     WHERE o.active = 1 AND o.stock >= 5 AND s.status = 'active' ORDER BY o.id LIMIT 1`,
  );
  await page.goto(`/en/p/${offer.slug}/offers`);
  await ready(page, project);
  await page.locator(`li.offer[data-offer-id="${offer.id}"]`).getByRole("button", { name: t.add_to_cart }).click();
  if (hydrated(project)) await expect(page.getByTestId("cart-count")).toHaveText("1");
  await page.goto("/en/cart");
  await ready(page, project);
  await expectAccessible(page, "cart with goods", hydrated(project));
  await page.goto("/en/checkout");
  await ready(page, project);
  await expectAccessible(page, "checkout", hydrated(project));
  // Sent empty: every field says what is wrong, and the page is still accessible.
  await page.locator("form.checkout-form button[type=submit]").last().click();
  await expect(page.locator("[aria-invalid=true]").first()).toBeVisible();
  await expectAccessible(page, "checkout with errors", hydrated(project));
});

for (const what of ["home", "category", "product", "offers", "search", "seller", "empty cart"]) {
  test(`hydration changes nothing the server painted: ${what}`, async ({ page }, info) => {
    test.skip(!hydrated(info.project.name), "hydration needs JavaScript");
    const warnings: string[] = [];
    page.on("console", (m) => {
      if (/hydrat|mismatch/i.test(m.text())) warnings.push(m.text());
    });
    page.on("pageerror", (e) => warnings.push(String(e)));
    await watchHydration(page);
    await page.goto(pages()[what]);
    await expectHydrationChangedNothing(page, what);
    expect(warnings, `console of ${what}`).toEqual([]);
  });
}
