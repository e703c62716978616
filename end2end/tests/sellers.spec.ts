// Becoming a seller end to end, with JavaScript off and hydrated: a company applies at /sell
// (a wrong IBAN is refused next to its field and nothing typed is lost); an administrator asks
// for a change; the applicant makes it and sends the application again; the administrator
// approves; the applicant's account opens the seller area; the audit log has both decisions.
import { expect, test, type Page } from "@playwright/test";
import { query } from "./db";
import { TEXTS } from "./texts";
import { hydrated, ready } from "./hydration";
import { expectAccessible } from "./quality";
import { DEMO_ADMIN, registerAndSignIn, signIn } from "./account";
import { addToCart, checkoutAndPay, twoOffersFromTwoSellers } from "./shopping";

const t = TEXTS.en;

async function fill(page: Page, fields: Record<string, string>) {
  for (const [name, value] of Object.entries(fields)) await page.locator(`#sell-${name}`).fill(value);
}

test("a company applies, fixes what the administrator asked, is approved and opens the seller area", async ({ page, browser }, info) => {
  test.setTimeout(150_000);
  const project = info.project.name;
  const stamp = `${project}-${Date.now()}`;
  const email = `owner.${stamp}@example.ee`;
  // Markup in a name is text: it must reach every page as typed, never as markup.
  const company = `Proov <b>Kaubandus</b> ${stamp} OÜ`;

  // Signed out, the page says to sign in first and shows no form.
  await page.goto("/en/sell");
  await ready(page, project);
  await expect(page.getByTestId("sell-sign-in")).toBeVisible();
  await expect(page.locator("form.sell-form")).toHaveCount(0);

  await registerAndSignIn(page, project, email, "sinine-jalgratas-41", "Olev Omanik");
  await page.goto("/en/sell");
  await ready(page, project);
  await fill(page, {
    company_name: company,
    registry_code: "10137319",
    street: "Pikk 1",
    city: "Tallinn",
    postal_code: "10123",
    contact_name: "Olev Omanik",
    email: "olev@proov.example.ee",
    phone: "5123 4567",
    iban: "EE38 2200 2210 2014 5686",
  });
  await page.locator("#sell-country").selectOption("EE");
  await page.locator("#sell-certified").check();
  await page.getByRole("button", { name: t.sell_submit }).click();
  // One digit wrong: said next to the IBAN; everything typed is still there; nothing stored.
  await expect(page.locator("#sell-iban-error")).toHaveText(t.apply_invalid_check_digits);
  await expect(page.locator("#sell-company_name")).toHaveValue(company);
  await expect(page.locator("#sell-iban")).toHaveValue("EE38 2200 2210 2014 5686");
  await expect(page.locator("#sell-country")).toHaveValue("EE");
  await expect(page.locator("#sell-certified")).toBeChecked();
  expect(query("SELECT a.id FROM seller_applications a JOIN users u ON u.id = a.user_id WHERE u.email = ?", [email])).toHaveLength(0);
  await ready(page, project);
  await expectAccessible(page, "sell with errors", hydrated(project));

  await fill(page, { iban: "EE38 2200 2210 2014 5685" });
  await page.getByRole("button", { name: t.sell_submit }).click();
  await expect(page.getByTestId("sell-notice")).toHaveText(t.sell_saved);
  await expect(page.getByTestId("sell-status")).toHaveAttribute("data-status", "submitted");
  const [row] = query<{ id: number }>(
    "SELECT a.id FROM seller_applications a JOIN users u ON u.id = a.user_id WHERE u.email = ?",
    [email],
  );
  expect(row).toBeTruthy();

  // The administrator, in a browser of their own, asks for the VAT number.
  const adminContext = await browser.newContext({ baseURL: info.project.use.baseURL, javaScriptEnabled: hydrated(project) });
  const admin = await adminContext.newPage();
  await signIn(admin, project, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await admin.goto("/en/admin/applications");
  await ready(admin, project);
  const item = admin.locator(`li[data-application-id="${row.id}"]`);
  await expect(item.locator("h3")).toContainText(company);
  await expectAccessible(admin, "applications", hydrated(project));
  await item.getByLabel(t.admin_changes_label).fill("Please add the company's VAT number.");
  await item.getByRole("button", { name: t.admin_ask_changes }).click();
  await expect(admin.getByTestId("admin-notice")).toHaveText(t.admin_application_changes_asked.replace("{n}", String(row.id)));
  await expect(item).toHaveAttribute("data-status", "changes_requested");

  // The applicant sees the request, adds the number and sends it again.
  await page.goto("/en/sell");
  await ready(page, project);
  await expect(page.getByTestId("sell-status")).toHaveAttribute("data-status", "changes_requested");
  await expect(page.getByTestId("sell-admin-message")).toHaveText("Please add the company's VAT number.");
  await expect(page.locator("#sell-company_name")).toHaveValue(company);
  await fill(page, { vat_number: "100247019" });
  await page.getByRole("button", { name: t.sell_resubmit }).click();
  await expect(page.getByTestId("sell-notice")).toHaveText(t.sell_saved);
  await expect(page.getByTestId("sell-status")).toHaveAttribute("data-status", "submitted");

  // Approved: the seller exists, and the applicant's account acts for it.
  await admin.goto("/en/admin/applications");
  await ready(admin, project);
  await item.getByRole("button", { name: t.admin_approve }).click();
  await expect(admin.getByTestId("admin-notice")).toHaveText(t.admin_application_approved.replace("{n}", String(row.id)));
  await expect(item).toHaveAttribute("data-status", "approved");
  const [seller] = query<{ name: string; vat_number: string; status: string }>(
    "SELECT s.name, s.vat_number, s.status FROM sellers s JOIN seller_applications a ON a.seller_id = s.id WHERE a.id = ?",
    [row.id],
  );
  expect(seller).toEqual({ name: company, vat_number: "EE100247019", status: "active" });
  await admin.goto("/en/admin/audit");
  await ready(admin, project);
  const entries = admin.getByTestId("audit-row").filter({ hasText: `application:${row.id}` });
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText("application.approve");
  await expect(entries.first()).toContainText(DEMO_ADMIN.email);
  await expectAccessible(admin, "audit log", hydrated(project));
  await adminContext.close();

  await page.goto("/en/sell");
  await ready(page, project);
  await expect(page.getByTestId("sell-member")).toContainText(company);
  await page.getByRole("link", { name: t.seller_area_open }).click();
  await expect(page).toHaveURL(/\/en\/seller$/);
  await ready(page, project);
  await expect(page.getByTestId("seller-area-name")).toHaveText(t.seller_area_for.replace("{seller}", company));
  await expect(page.getByTestId("seller-members")).toContainText(email);
  await expectAccessible(page, "seller area", hydrated(project));
  // The markup stayed text everywhere.
  expect(await page.locator("b", { hasText: "Kaubandus" }).count()).toBe(0);
});

test("the seller area and the administrators' pages refuse everyone else", async ({ page }, info) => {
  const project = info.project.name;
  for (const path of ["/en/seller", "/en/admin/applications", "/en/admin/audit"]) {
    const res = await page.goto(path);
    expect(res?.status(), `${path} signed out`).toBe(401);
  }
  await signIn(page, project, "shopper@demo.turg.ee", "ostan-kirsse-2026");
  for (const path of ["/en/seller", "/en/admin/applications", "/en/admin/audit"]) {
    const res = await page.goto(path);
    expect(res?.status(), `${path} as a shopper`).toBe(403);
  }
});

test("a seller offers a product below the winner and the product page's buy box shows that seller", async ({ page }, info) => {
  test.setTimeout(90_000);
  const project = info.project.name;
  // A demo seller with a method for dry goods that reaches Harju County (the default county),
  // and a product it does not offer yet; each project takes its own (the newest products, which
  // the other specs do not pick).
  const [seller] = query<{ id: number; slug: string; name: string }>(
    `SELECT s.id, s.slug, s.name FROM sellers s WHERE s.status = 'active' AND EXISTS (
       SELECT 1 FROM delivery_methods m WHERE m.seller_id = s.id AND m.active = 1 AND m.kind != 'cold_courier'
         AND (m.regions = '[]' OR m.regions LIKE '%harju%'))
     ORDER BY s.id LIMIT 1 OFFSET ?`,
    [hydrated(project) ? 1 : 0],
  );
  const [product] = query<{ id: number; slug: string; ean: string }>(
    `SELECT p.id, p.slug, p.ean FROM products p WHERE p.cold_chain = 0 AND p.offer_count >= 1
       AND p.id NOT IN (SELECT product_id FROM offers WHERE seller_id = ?)
     ORDER BY p.id DESC LIMIT 1 OFFSET ?`,
    [seller.id, hydrated(project) ? 3 : 0],
  );
  await signIn(page, project, `${seller.slug}@sellers.demo.turg.ee`, "muun-kaupa-2026");
  await page.goto("/en/seller/offers/new");
  await ready(page, project);
  await page.getByLabel(t.seller_find_product).fill(product.ean);
  await page.locator("#find-product").press("Enter");
  const found = page.locator(`li[data-product-id="${product.id}"]`);
  await found.getByRole("link", { name: t.seller_offer_make }).click();
  await expect(page).toHaveURL(new RegExp(`/en/seller/offers/new\\?product=${product.id}$`));
  await ready(page, project);
  await expectAccessible(page, "new offer", hydrated(project));
  // A wrong price is refused next to its field, with the rest kept.
  await page.getByLabel(t.seller_offer_price_label).fill("12,345");
  await page.getByLabel(t.seller_offer_stock).fill("5");
  await page.getByLabel(t.seller_offer_handling).fill("0");
  await page.getByRole("button", { name: t.seller_offer_save }).click();
  await expect(page.locator("#offer-price-error")).toHaveText(t.offer_invalid_number);
  await expect(page.getByLabel(t.seller_offer_stock)).toHaveValue("5");
  expect(query("SELECT id FROM offers WHERE seller_id = ? AND product_id = ?", [seller.id, product.id])).toHaveLength(0);

  await page.getByLabel(t.seller_offer_price_label).fill("0,50");
  await page.getByRole("button", { name: t.seller_offer_save }).click();
  await expect(page.getByTestId("offer-notice")).toHaveText(t.seller_offer_saved);
  await expect(page.getByTestId("offer-standing")).toHaveAttribute("data-standing", "wins");
  const [made] = query<{ id: number }>("SELECT id FROM offers WHERE seller_id = ? AND product_id = ?", [seller.id, product.id]);

  // The product page's buy box follows (through the change feed, within a poll).
  await expect(async () => {
    await page.goto(`/en/p/${product.slug}`);
    await expect(page.locator(".buy-box .winner")).toHaveAttribute("data-offer-id", String(made.id), { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.locator(".buy-box .winner .seller")).toContainText(seller.name);

  // The offers list says it wins.
  await page.goto("/en/seller/offers");
  await ready(page, project);
  await expect(page.locator(`tr[data-offer-id="${made.id}"]`)).toHaveAttribute("data-standing", "wins");
  await expectAccessible(page, "seller offers", hydrated(project));
});

test("a seller ships with a tracking number, and the buyer's order page shows it", async ({ page, browser }, info) => {
  test.setTimeout(120_000);
  const project = info.project.name;
  // The buyer pays for one offer (each project its own).
  const [offer] = twoOffersFromTwoSellers(hydrated(project) ? 60 : 20);
  const email = `buyer.${project}.${Date.now()}@example.ee`;
  await addToCart(page, project, offer);
  const orderId = await checkoutAndPay(page, project, email);
  const [shipment] = query<{ id: number; slug: string }>(
    "SELECT sh.id, s.slug FROM shipments sh JOIN sellers s ON s.id = sh.seller_id WHERE sh.order_id = ?",
    [orderId],
  );

  // The seller's member accepts it and hands it to the carrier.
  const sellerContext = await browser.newContext({ baseURL: info.project.use.baseURL, javaScriptEnabled: hydrated(project) });
  const seller = await sellerContext.newPage();
  await signIn(seller, project, `${shipment.slug}@sellers.demo.turg.ee`, "muun-kaupa-2026");
  await seller.goto("/en/seller/shipments?status=paid");
  await ready(seller, project);
  const item = seller.locator(`li[data-shipment-id="${shipment.id}"]`);
  await expect(item).toHaveAttribute("data-status", "paid");
  await expectAccessible(seller, "seller shipments", hydrated(project));
  await item.getByRole("button", { name: t.ship_accept }).click();
  await expect(seller.getByTestId("ship-notice")).toHaveText(t.ship_accepted.replace("{n}", String(shipment.id)));
  // The list keeps its filter: the accepted shipment is no longer "paid".
  await expect(seller).toHaveURL(/status=paid/);
  await seller.goto("/en/seller/shipments?status=processing");
  await ready(seller, project);
  // No tracking number: refused, nothing changes.
  await item.getByLabel(t.ship_carrier).fill("Omniva");
  await item.getByRole("button", { name: t.ship_submit }).click();
  await expect(seller.getByTestId("ship-notice")).toContainText(t.ship_tracking_required);
  expect(query("SELECT status FROM shipments WHERE id = ?", [shipment.id])).toEqual([{ status: "processing" }]);
  await seller.goto("/en/seller/shipments?status=processing");
  await ready(seller, project);
  await item.getByLabel(t.ship_carrier).fill("Omniva");
  await item.getByLabel(t.ship_tracking).fill("ee123456789ee");
  await item.getByRole("button", { name: t.ship_submit }).click();
  await expect(seller.getByTestId("ship-notice")).toHaveText(t.ship_shipped.replace("{n}", String(shipment.id)));
  await sellerContext.close();

  // The buyer is e-mailed, and the order page shows the carrier and tracking number.
  const mails = query<{ subject: string; body_text: string }>("SELECT subject, body_text FROM outbox WHERE to_address = ? AND kind = 'shipped'", [email]);
  expect(mails).toHaveLength(1);
  expect(mails[0].body_text).toContain("EE123456789EE");
  await page.goto(`/en/orders/${orderId}`);
  await ready(page, project);
  const tracked = page.getByTestId("order-shipment").filter({ has: page.getByTestId("shipment-tracking") });
  await expect(tracked.getByTestId("shipment-tracking")).toHaveText("Omniva: EE123456789EE");
  await expect(tracked.getByTestId("shipment-status")).toHaveText(t.status_shipped);
});
