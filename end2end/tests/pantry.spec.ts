// The pantry end to end, with JavaScript off and hydrated: a shopper stores three products,
// pays, sees them in the pantry with their expiry dates, orders transport of part of one and
// all of another, gets the day the cold-courier rule gives (computed here, independently of
// the server) and the fee the food store's threshold rule predicts, pays it, and sees the rest
// remain.
import { expect, test } from "@playwright/test";
import { query } from "./db";
import { TEXTS } from "./texts";
import { hydrated, ready } from "./hydration";
import { expectAccessible } from "./quality";
import { registerAndSignIn } from "./account";
import { addToCart, type Pick } from "./shopping";
import { english, iso, nextColdCourierDay, tallinnNow } from "./tallinn";

const t = TEXTS.en;
const euros = (cents: number) => `€${(cents / 100).toFixed(2)}`;

/** Three storable products of the platform food store (cold courier only), different per project. */
function threeStorable(skip: number): Pick[] {
  const rows = query<Pick>(
    `SELECT o.id, p.slug, o.seller_id, s.name AS seller, o.price_cents, o.product_id
     FROM offers o JOIN products p ON p.id = o.product_id JOIN sellers s ON s.id = o.seller_id
     WHERE s.slug = 'turg-toidupood' AND p.storable = 1 AND o.active = 1 AND o.stock >= 20
     ORDER BY o.id`,
  );
  if (rows.length < skip + 3) throw new Error("the demo food store needs storable goods");
  return rows.slice(skip, skip + 3);
}

test("store three products, pay, and order transport of part of them", async ({ page }, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  const email = `pantry.${project}.${Date.now()}@example.ee`;
  await registerAndSignIn(page, project, email, "sahver-kapis-2026", "Piret Pantry");
  const picks = threeStorable(hydrated(project) ? 3 : 0) as (Pick & { product_id: number })[];
  for (const p of picks) {
    await addToCart(page, project, p);
    // Two of each.
    await addToCart(page, project, p);
  }

  // Store each line in the pantry.
  await page.goto("/en/cart");
  await ready(page, project);
  for (let n = 1; n <= 3; n++) {
    await page.getByRole("button", { name: new RegExp(`^${t.cart_store}`) }).first().click();
    await expect(page.getByTestId("cart-pantry-group").getByTestId("cart-line")).toHaveCount(n);
  }
  await expect(page.getByTestId("cart-group")).toHaveCount(0);
  await expectAccessible(page, "cart with pantry lines", hydrated(project));

  // Checkout: nothing is delivered now, so no address is asked for and no fee charged.
  await page.goto("/en/checkout");
  await ready(page, project);
  await expect(page.getByTestId("checkout-pantry-only")).toHaveText(t.checkout_pantry_only);
  await expect(page.getByLabel(t.checkout_street)).toHaveCount(0);
  const goods = picks.reduce((sum, p) => sum + 2 * p.price_cents, 0);
  await expect(page.getByTestId("checkout-total")).toHaveText(euros(goods));
  await page.getByLabel(t.checkout_name).fill("Piret Pantry");
  await page.getByLabel(t.checkout_phone).fill("5123 4567");
  await page.getByLabel("Swedbank").check();
  await page.getByRole("button", { name: t.checkout_submit }).click();
  await expect(page).toHaveURL(/\/en\/pay\/sandbox\/[0-9a-f]{32}$/);
  await page.getByRole("button", { name: t.sandbox_confirm }).click();
  await expect(page.getByTestId("order-confirmed")).toContainText(t.order_thanks);
  await expect(page.getByTestId("order-pantry-line")).toHaveCount(3);

  // The pantry: three products, two each, kept 12 months from today.
  const today = tallinnNow().date;
  const d = new Date(today);
  const expiry = Date.UTC(d.getUTCFullYear() + 1, d.getUTCMonth(), d.getUTCMonth() === 1 && d.getUTCDate() === 29 ? 28 : d.getUTCDate());
  await page.goto("/en/pantry");
  await ready(page, project);
  await expect(page.getByTestId("pantry-item")).toHaveCount(3);
  for (const p of picks) {
    const item = page.locator(`[data-testid="pantry-item"][data-product="${p.product_id}"]`);
    await expect(item.getByTestId("pantry-units")).toHaveText(t.pantry_units.replace("{n}", "2"));
    await expect(item.getByTestId("pantry-lot")).toHaveAttribute("data-expires", iso(expiry));
    await expect(item.getByTestId("pantry-lot")).toContainText(english(expiry));
  }
  await expect(page.getByTestId("pantry-expiry-rule")).toHaveText(t.pantry_expiry_rule);
  await expectAccessible(page, "pantry", hydrated(project));

  // Transport: one of the first, both of the second, none of the third.
  const [a, b, c] = picks;
  await page.locator(`input[name="n${a.product_id}"]`).fill("1");
  await page.locator(`input[name="n${b.product_id}"]`).fill("2");
  await page.getByTestId("pantry-continue").click();
  await expect(page).toHaveURL(/\/en\/pantry\/transport\?/);
  await ready(page, project);
  await expect(page.getByTestId("transport-line")).toHaveCount(2);
  const day = nextColdCourierDay();
  await expect(page.getByTestId("transport-date")).toHaveAttribute("data-date", iso(day));
  await expect(page.getByTestId("transport-date")).toHaveText(english(day));
  // The food store's rule on the goods at what they cost: free from 39.90 €, else 7.00 €.
  const value = a.price_cents + 2 * b.price_cents;
  const fee = value >= 3990 ? 0 : 700;
  await expect(page.getByTestId("transport-fee")).toHaveText(fee === 0 ? t.delivery_free : t.delivery_fee.replace("{fee}", euros(fee)));
  await expectAccessible(page, "transport order", hydrated(project));
  await page.getByLabel(t.checkout_name).fill("Piret Pantry");
  await page.getByLabel(t.checkout_phone).fill("5123 4567");
  await page.getByLabel(t.checkout_street).fill("Pikk 1");
  await page.getByLabel(t.checkout_city).fill("Tallinn");
  await page.getByLabel(t.checkout_postal_code).fill("10123");
  await page.getByTestId("transport-submit").click();
  if (fee > 0) {
    await expect(page).toHaveURL(/\/en\/pay\/sandbox\/[0-9a-f]{32}$/);
    await page.getByRole("button", { name: t.sandbox_confirm }).click();
  }
  await expect(page.getByTestId("order-transport")).toHaveText(t.order_transport);
  await expect(page.getByTestId("shipment-date")).toHaveText(english(day));
  await expect(page.getByTestId("order-total")).toHaveText(euros(fee));

  // What is left: one of the first, none of the second, both of the third.
  await page.goto("/en/pantry");
  await ready(page, project);
  await expect(page.getByTestId("pantry-item")).toHaveCount(2);
  await expect(page.locator(`[data-testid="pantry-item"][data-product="${a.product_id}"]`).getByTestId("pantry-units")).toHaveText(
    t.pantry_units.replace("{n}", "1"),
  );
  await expect(page.locator(`[data-testid="pantry-item"][data-product="${b.product_id}"]`)).toHaveCount(0);
  await expect(page.locator(`[data-testid="pantry-item"][data-product="${c.product_id}"]`).getByTestId("pantry-units")).toHaveText(
    t.pantry_units.replace("{n}", "2"),
  );
  // The account's home shows the pantry in figures.
  await page.goto("/en/account");
  await expect(page.getByTestId("account-pantry")).toContainText(t.account_pantry);
});
