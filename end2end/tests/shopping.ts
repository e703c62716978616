// Shopping steps shared by the specs that buy: picking offers from the demo data, adding them
// to the cart (JavaScript off and hydrated), filling the checkout and paying in the sandbox.
import { expect, type Page } from "@playwright/test";
import { query } from "./db";
import { TEXTS } from "./texts";
import { hydrated, ready } from "./hydration";

const t = TEXTS.en;

export type Pick = { id: number; slug: string; seller_id: number; seller: string; price_cents: number };

/** Two offers of dry goods with plenty of stock, from two different sellers that deliver to
 *  Harju County with an ordinary method. The two projects pick different pairs. */
export function twoOffersFromTwoSellers(skip: number): [Pick, Pick] {
  const rows = query<Pick>(
    `SELECT o.id, p.slug, o.seller_id, s.name AS seller, o.price_cents
     FROM offers o JOIN products p ON p.id = o.product_id JOIN sellers s ON s.id = o.seller_id
     WHERE o.active = 1 AND o.stock >= 20 AND p.cold_chain = 0 AND s.status = 'active'
       AND o.delivery_method_ids IS NULL
       AND EXISTS (SELECT 1 FROM delivery_methods m WHERE m.seller_id = o.seller_id AND m.active = 1
                   AND m.kind <> 'cold_courier' AND (m.regions = '[]' OR m.regions LIKE '%harju%'))
     ORDER BY o.id`,
  );
  const picked: Pick[] = [];
  for (const r of rows.slice(skip)) {
    if (picked.length < 2 && !picked.some((p) => p.seller_id === r.seller_id)) picked.push(r);
  }
  if (picked.length < 2) throw new Error("the demo needs two sellers with dry goods");
  return [picked[0], picked[1]];
}

export async function addToCart(page: Page, project: string, offer: Pick) {
  await page.goto(`/en/p/${offer.slug}/offers`);
  await ready(page, project);
  const item = page.locator(`li.offer[data-offer-id="${offer.id}"]`);
  await item.getByRole("button", { name: t.add_to_cart }).click();
  if (hydrated(project)) {
    // Stays on the page and says so.
    await expect(item.locator(".form-status")).toContainText(t.cart_added);
  } else {
    await expect(page).toHaveURL(/\/en\/cart\?notice=added$/);
    await expect(page.locator("p.notice")).toHaveText(t.cart_added);
  }
}


/** Fills the checkout with a valid contact in Harju County and pays by Swedbank in the
 *  sandbox bank; returns the order's id from the address it lands on. */
export async function checkoutAndPay(page: Page, project: string, email: string): Promise<number> {
  await page.goto("/en/checkout");
  await ready(page, project);
  await page.getByLabel(t.checkout_name).fill("Mari Maasikas");
  await page.getByLabel(t.checkout_email).fill(email);
  await page.getByLabel(t.checkout_phone).fill("5123 4567");
  await page.getByLabel(t.checkout_street).fill("Pikk 1");
  await page.getByLabel(t.checkout_city).fill("Tallinn");
  await page.getByLabel(t.checkout_postal_code).fill("10123");
  await page.locator("select#co-county").selectOption("harju");
  await page.getByLabel("Swedbank").check();
  await page.getByRole("button", { name: t.checkout_submit }).click();
  await expect(page).toHaveURL(/\/en\/pay\/sandbox\/[0-9a-f]{32}$/);
  await page.getByRole("button", { name: t.sandbox_confirm }).click();
  await expect(page.getByTestId("order-confirmed")).toContainText(t.order_thanks);
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  expect(id).toBeGreaterThan(0);
  return id;
}
