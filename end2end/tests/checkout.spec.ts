import { expect, test, type Page } from "@playwright/test";
import { query } from "./db";
import { TEXTS } from "./texts";
import { hydrated, ready } from "./hydration";
import { addToCart, twoOffersFromTwoSellers } from "./shopping";
import { DEMO_ADMIN, signIn } from "./account";

const t = TEXTS.en;
test("a guest buys from two sellers, pays in the sandbox bank and gets the invoice by e-mail", async ({ page }, info) => {
  test.setTimeout(90_000);
  const project = info.project.name;
  const [a, b] = twoOffersFromTwoSellers(hydrated(project) ? 40 : 0);
  const email = `mari.${project}.${Date.now()}@example.ee`;

  await addToCart(page, project, a);
  await addToCart(page, project, b);
  await expect(page.getByTestId("cart-count")).toHaveText("2");

  await page.goto("/en/cart");
  await ready(page, project);
  const groups = page.getByTestId("cart-group");
  await expect(groups).toHaveCount(2);
  for (const g of await groups.all()) {
    await expect(g.getByTestId("group-fee")).not.toBeEmpty();
    await expect(g.getByTestId("group-date")).toContainText(/\d{4}|\d+\.\d+/);
  }
  await page.getByRole("link", { name: t.cart_to_checkout }).click();
  await expect(page).toHaveURL(/\/en\/checkout$/);
  await ready(page, project);
  await expect(page.getByTestId("checkout-shipment")).toHaveCount(2);

  // A mistake: the e-mail is incomplete. The error is shown and everything typed is kept.
  await page.getByLabel(t.checkout_name).fill("Mari Maasikas");
  await page.getByLabel(t.checkout_email).fill("mari@");
  await page.getByLabel(t.checkout_phone).fill("5123 4567");
  await page.getByLabel(t.checkout_street).fill("Pikk 1");
  await page.getByLabel(t.checkout_city).fill("Tallinn");
  await page.getByLabel(t.checkout_postal_code).fill("10123");
  await page.locator("select#co-county").selectOption("harju");
  await page.getByLabel(t.checkout_comment).fill("After 17:00, please");
  await page.getByLabel("Swedbank").check();
  await page.getByRole("button", { name: t.checkout_submit }).click();
  await expect(page.locator("#co-email-error")).toHaveText(t.invalid_email);
  await expect(page.getByLabel(t.checkout_name)).toHaveValue("Mari Maasikas");
  await expect(page.getByLabel(t.checkout_comment)).toHaveValue("After 17:00, please");
  await expect(page.getByLabel("Swedbank")).toBeChecked();
  expect(query("SELECT id FROM orders WHERE email LIKE ?", [`mari.${project}.%`])).toHaveLength(0);

  await page.getByLabel(t.checkout_email).fill(email);
  await page.getByRole("button", { name: t.checkout_submit }).click();

  // The sandbox bank.
  await expect(page).toHaveURL(/\/en\/pay\/sandbox\/[0-9a-f]{32}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Swedbank");
  const [order] = query<{ id: number; total_cents: number; status: string }>(
    "SELECT id, total_cents, status FROM orders WHERE email = ?",
    [email],
  );
  expect(order.status).toBe("awaiting_payment");
  await page.getByRole("button", { name: t.sandbox_confirm }).click();

  // Back on the order page: paid, two shipments with the fees and dates the database holds.
  // The bank notified the shop before sending the shopper back, so the order was paid (and its
  // plain key erased) first: the browser holding the cart opens the page without the key.
  await expect(page).toHaveURL(new RegExp(`/en/orders/${order.id}(\\?key=[0-9a-f]{32})?$`));
  await expect(page.getByTestId("order-confirmed")).toContainText(t.order_thanks);
  const shipments = query<{ fee_cents: number; earliest: string; latest: string; status: string }>(
    "SELECT fee_cents, earliest, latest, status FROM shipments WHERE order_id = ? ORDER BY id",
    [order.id],
  );
  expect(shipments).toHaveLength(2);
  expect(shipments.every((s) => s.status === "paid")).toBe(true);
  const shown = page.getByTestId("order-shipment");
  await expect(shown).toHaveCount(2);
  for (const [i, s] of shipments.entries()) {
    const fee = s.fee_cents === 0 ? t.delivery_free : `€${(s.fee_cents / 100).toFixed(2)}`;
    await expect(shown.nth(i).getByTestId("shipment-fee")).toHaveText(fee);
    await expect(shown.nth(i).getByTestId("shipment-status")).toHaveText(t.status_paid);
  }
  await expect(page.getByTestId("invoice-number")).toContainText("TRG-");
  await expect(page.getByTestId("order-total")).toHaveText(`€${(order.total_cents / 100).toFixed(2)}`);
  // The bought lines left the cart.
  await expect(page.getByTestId("cart-count")).toHaveCount(0);

  // The confirmation with the invoice is in the outbox, once, and the sender marks it sent.
  await expect
    .poll(() => query<{ status: string }>("SELECT status FROM outbox WHERE to_address = ?", [email]).map((r) => r.status), {
      timeout: 15_000,
    })
    .toEqual(["sent"]);
  const [mail] = query<{ subject: string; body_text: string; body_html: string }>(
    "SELECT subject, body_text, body_html FROM outbox WHERE to_address = ?",
    [email],
  );
  expect(mail.subject).toContain(String(order.id));
  expect(mail.body_text).toContain(a.seller);
  expect(mail.body_text).toContain(b.seller);
  expect(mail.body_html).toContain("TRG-");
  // Administrators read the outbox.
  await signIn(page, project, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await page.goto("/en/admin/outbox");
  await expect(page.getByTestId("outbox-message").filter({ hasText: email })).toHaveCount(1);
});

test("a wrong order key shows nothing", async ({ page }) => {
  const [order] = query<{ id: number }>("SELECT id FROM orders ORDER BY id LIMIT 1");
  const id = order?.id ?? 1;
  const res = await page.goto(`/en/orders/${id}?key=${"0".repeat(32)}`);
  expect(res?.status()).toBe(404);
});

test("a forged payment callback is refused", async ({ request }) => {
  const res = await request.get(`/payment/callback?reference=${"a".repeat(32)}&status=paid&amount=100&sig=${"0".repeat(64)}`, {
    maxRedirects: 0,
  });
  expect(res.status()).toBe(400);
});
