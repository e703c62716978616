import { expect, test, type Page } from "@playwright/test";
import { query } from "./db";
import { TEXTS } from "./texts";
import { hydrated, ready } from "./hydration";

const t = TEXTS.en;
const euros = (cents: number) => `€${(cents / 100).toFixed(2)}`;

type Contact = { name: string; email: string; phone: string; street: string; city: string; postal: string };

/** Fills the checkout form's contact and address (Harju County). */
async function fillContact(page: Page, c: Contact) {
  await page.getByLabel(t.checkout_name).fill(c.name);
  await page.getByLabel(t.checkout_email).fill(c.email);
  await page.getByLabel(t.checkout_phone).fill(c.phone);
  await page.getByLabel(t.checkout_street).fill(c.street);
  await page.getByLabel(t.checkout_city).fill(c.city);
  await page.getByLabel(t.checkout_postal_code).fill(c.postal);
  await page.locator("select#co-county").selectOption("harju");
}

/** Adds `quantity` of an offer from its product's offers page and waits until it is in. */
async function addToCart(page: Page, project: string, offer: Pick, quantity = 1) {
  await page.goto(`/en/p/${offer.slug}/offers`);
  await ready(page, project);
  const item = page.locator(`li.offer[data-offer-id="${offer.id}"]`);
  await item.getByLabel(t.quantity).fill(String(quantity));
  await item.getByRole("button", { name: t.add_to_cart }).click();
  if (hydrated(project)) await expect(item.locator(".form-status")).not.toBeEmpty();
  else await expect(page).toHaveURL(/\/en\/cart\?notice=/);
  return item;
}

type Pick = { id: number; slug: string; stock: number; price_cents: number };

/** A dry-goods offer of an active seller with little stock, delivered to Harju County. */
function lowStockOffer(skip: number): Pick {
  const rows = query<Pick>(
    `SELECT o.id, p.slug, o.stock, o.price_cents FROM offers o
     JOIN products p ON p.id = o.product_id JOIN sellers s ON s.id = o.seller_id
     WHERE o.active = 1 AND o.stock BETWEEN 2 AND 9 AND p.cold_chain = 0 AND s.status = 'active'
       AND o.delivery_method_ids IS NULL
       AND EXISTS (SELECT 1 FROM delivery_methods m WHERE m.seller_id = o.seller_id AND m.active = 1
                   AND m.kind <> 'cold_courier' AND (m.regions = '[]' OR m.regions LIKE '%harju%'))
     ORDER BY o.id`,
  );
  if (rows.length <= skip) throw new Error("the demo needs offers with little stock");
  return rows[skip];
}

test("the cart limits quantities to the stock, updates and removes lines", async ({ page }, info) => {
  const project = info.project.name;
  const offer = lowStockOffer(hydrated(project) ? 5 : 0);
  // All there is, then one more: the cart keeps what there is and says so. (The quantity
  // field's own maximum stops a single request for more in the browser.)
  await addToCart(page, project, offer, offer.stock);
  const item = await addToCart(page, project, offer, 1);
  const limited = t.cart_limited.replaceAll("{n}", String(offer.stock));
  if (hydrated(project)) {
    await expect(item.locator(".form-status")).toContainText(limited);
    await page.goto("/en/cart");
    await ready(page, project);
  } else {
    await expect(page).toHaveURL(/\/en\/cart\?notice=limited$/);
    await expect(page.locator("p.notice")).toHaveText(t.cart_limited_notice);
  }
  const line = page.getByTestId("cart-line");
  await expect(line).toHaveCount(1);
  await expect(line.getByLabel(t.quantity)).toHaveValue(String(offer.stock));
  await expect(page.getByTestId("cart-total")).toContainText("€");

  // One fewer: the line total follows, in place when hydrated.
  if (hydrated(project)) await page.evaluate(() => ((window as any).__sameDocument = true));
  await line.getByLabel(t.quantity).fill(String(offer.stock - 1));
  await line.getByRole("button", { name: t.cart_update }).click();
  await expect(line.locator(".cart-line-total")).toHaveText(euros(offer.price_cents * (offer.stock - 1)));
  await expect(page.getByTestId("cart-count")).toHaveText(String(offer.stock - 1));
  if (hydrated(project)) expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);

  // Remove: the cart is empty and the header count goes.
  await line.getByRole("button", { name: new RegExp(t.cart_remove) }).click();
  await expect(page.locator("p.cart-empty")).toHaveText(t.cart_empty);
  await expect(page.getByTestId("cart-count")).toHaveCount(0);
});

test("buy now, pay later: the schedule is offered, confirmed and stored", async ({ page }, info) => {
  const project = info.project.name;
  const offer = lowStockOffer(hydrated(project) ? 7 : 2);
  const email = `jaan.${project}.${Date.now()}@example.ee`;
  await addToCart(page, project, offer);
  await page.goto("/en/checkout");
  await ready(page, project);
  await fillContact(page, { name: "Jaan Tamm", email, phone: "+358 40 1234567", street: "Rüütli 2", city: "Tartu", postal: "51007" });
  await page.getByLabel(t.checkout_plan_3).check();
  await page.getByRole("button", { name: t.checkout_submit }).click();

  await expect(page).toHaveURL(/\/en\/pay\/sandbox\/[0-9a-f]{32}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.sandbox_pay_later_heading);
  const [order] = query<{ id: number; total_cents: number; phone: string; pay_later_plan: string }>(
    "SELECT id, total_cents, phone, pay_later_plan FROM orders WHERE email = ?",
    [email],
  );
  expect(order.phone).toBe("+358401234567");
  expect(order.pay_later_plan).toBe("monthly_3");
  const instalments = query<{ amount_cents: number; due_on: string }>(
    "SELECT amount_cents, due_on FROM instalments WHERE order_id = ? ORDER BY seq",
    [order.id],
  );
  expect(instalments).toHaveLength(3);
  expect(instalments.reduce((n, i) => n + i.amount_cents, 0)).toBe(order.total_cents);
  await expect(page.locator(".schedule-list li")).toHaveCount(3);

  await page.getByRole("button", { name: t.sandbox_confirm }).click();
  await expect(page.getByTestId("order-confirmed")).toBeVisible();
  await expect(page.locator(".schedule-list li")).toHaveCount(3);
  for (const i of instalments) await expect(page.locator(".schedule-list")).toContainText(euros(i.amount_cents));
});

test("a cancelled payment cancels the order and gives the stock back", async ({ page }, info) => {
  const project = info.project.name;
  const offer = lowStockOffer(hydrated(project) ? 9 : 4);
  const email = `kati.${project}.${Date.now()}@example.ee`;
  const stockOf = () => query<{ stock: number }>("SELECT stock FROM offers WHERE id = ?", [offer.id])[0].stock;
  const before = stockOf();
  await addToCart(page, project, offer);
  await page.goto("/en/checkout");
  await ready(page, project);
  await fillContact(page, { name: "Kati Karu", email, phone: "5555 1234", street: "Rüütli 2", city: "Tallinn", postal: "10130" });
  await page.getByLabel("LHV").check();
  await page.getByRole("button", { name: t.checkout_submit }).click();
  await expect(page).toHaveURL(/\/en\/pay\/sandbox\//);
  expect(stockOf()).toBe(before - 1);
  await page.getByRole("button", { name: t.sandbox_cancel }).click();
  await expect(page.getByText(t.order_cancelled)).toBeVisible();
  expect(stockOf()).toBe(before);
  // The goods are still in the cart: nothing the shopper chose is lost.
  await expect(page.getByTestId("cart-count")).toHaveText("1");
});
