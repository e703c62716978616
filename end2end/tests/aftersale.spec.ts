// After delivery, with JavaScript off and hydrated: a guest's order of a perishable product and
// a lasting one from two sellers. The lasting one can be withdrawn from (once); the perishable
// one cannot, and says why; a defect can be complained about with the remedy asked for, and
// the answer's due date is shown. Both are e-mailed through the outbox.
import { expect, test } from "@playwright/test";
import { execute, query } from "./db";
import { TEXTS } from "./texts";
import { ready } from "./hydration";
import { expectAccessible } from "./quality";
import { addToCart, checkoutAndPay, type Pick } from "./shopping";

const t = TEXTS.en;

/** A perishable product that needs no cold chain, and a lasting one from another seller; both
 *  with plenty of stock and an ordinary delivery method to Harju County. */
function perishableAndLasting(skip: number): [Pick, Pick] {
  const pick = (perishable: number) =>
    query<Pick>(
      `SELECT o.id, p.slug, o.seller_id, s.name AS seller, o.price_cents
       FROM offers o JOIN products p ON p.id = o.product_id JOIN sellers s ON s.id = o.seller_id
       WHERE o.active = 1 AND o.stock >= 20 AND p.cold_chain = 0 AND p.perishable = ? AND s.status = 'active'
         AND o.delivery_method_ids IS NULL
         AND EXISTS (SELECT 1 FROM delivery_methods m WHERE m.seller_id = o.seller_id AND m.active = 1
                     AND m.kind <> 'cold_courier' AND (m.regions = '[]' OR m.regions LIKE '%harju%'))
       ORDER BY o.id`,
      [perishable],
    );
  const food = pick(1)[skip];
  const lasting = pick(0).filter((o) => o.seller_id !== food?.seller_id)[skip];
  if (!food || !lasting) throw new Error("the demo needs perishable dry goods and lasting goods from two sellers");
  return [food, lasting];
}

test("after delivery: withdraw from lasting goods, not from perishable ones, and complain about a defect", async ({ page }, info) => {
  test.setTimeout(90_000);
  const project = info.project.name;
  const [food, lasting] = perishableAndLasting(project === "hydrated" ? 1 : 0);
  await addToCart(page, project, food);
  await addToCart(page, project, lasting);
  const email = `after-${project}-${Date.now()}@example.ee`;
  const orderId = await checkoutAndPay(page, project, email);
  // No withdrawal before delivery.
  await expect(page.getByTestId("withdraw")).toHaveCount(0);

  // The carrier delivers both parcels (until the seller area exists, as its report would).
  expect(execute("UPDATE shipments SET status = 'delivered', delivered_at = status_at WHERE order_id = ?", [orderId])).toBe(2);
  await page.reload();
  await ready(page, project);
  const foodShipment = page.getByTestId("order-shipment").filter({ hasText: food.seller });
  const lastingShipment = page.getByTestId("order-shipment").filter({ hasText: lasting.seller });
  await expect(lastingShipment.getByTestId("delivered-on")).toBeVisible();
  await expect(foodShipment.getByTestId("no-withdrawal")).toHaveText(t.order_withdraw_perishable);
  await expect(foodShipment.getByTestId("withdraw")).toHaveCount(0);
  await expectAccessible(page);

  // Withdraw from the lasting goods.
  await lastingShipment.getByText(t.order_withdraw, { exact: true }).click();
  await lastingShipment.getByRole("button", { name: t.order_withdraw_submit }).click();
  await expect(page.getByTestId("order-notice")).toHaveText(t.order_withdrawn);
  await expect(lastingShipment.getByTestId("claim")).toContainText("Withdrawal made on");
  await expect(lastingShipment.getByTestId("withdraw")).toHaveCount(0);

  // Complain about the perishable goods, asking for the money back.
  await foodShipment.getByText(t.order_complain, { exact: true }).click();
  await foodShipment.getByLabel(t.remedy_refund).check();
  await foodShipment.getByLabel(t.order_complain_description).fill("Mouldy on arrival <b>twice</b>");
  await foodShipment.getByRole("button", { name: t.order_complain_submit }).click();
  await expect(page.getByTestId("order-notice")).toHaveText(t.order_complained);
  await expect(foodShipment.getByTestId("claim")).toContainText(`asking for: ${t.remedy_refund}`);
  await expect(foodShipment.getByTestId("complain")).toHaveCount(0);

  // Stored once each, and both parties were written to.
  const claims = query<{ kind: string; remedy: string | null; description: string | null }>(
    "SELECT kind, remedy, description FROM claims WHERE order_id = ? ORDER BY kind",
    [orderId],
  );
  expect(claims).toEqual([
    { kind: "complaint", remedy: "refund", description: "Mouldy on arrival <b>twice</b>" },
    { kind: "withdrawal", remedy: null, description: null },
  ]);
  const mails = query<{ kind: string }>("SELECT kind FROM outbox WHERE to_address = ? AND kind IN ('withdrawal', 'complaint')", [email]);
  expect(mails.map((m) => m.kind).sort()).toEqual(["complaint", "withdrawal"]);
});
