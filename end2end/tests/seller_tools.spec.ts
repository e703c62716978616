// The seller area's tools end to end, with JavaScript off and hydrated: offers updated by a CSV
// file (a bad row is listed with its line and column and nothing changes; the corrected file is
// previewed and applied, all of it), a colleague invited by e-mail who joins with an account of
// that address and is removed again, the public profile (payment terms and a logo made by the
// server), and messages between a buyer and a seller about a shipment.
import { expect, test, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { query } from "./db";
import { TEXTS } from "./texts";
import { hydrated, ready } from "./hydration";
import { expectAccessible } from "./quality";
import { registerAndSignIn, signIn } from "./account";
import { addToCart, checkoutAndPay, twoOffersFromTwoSellers } from "./shopping";

const t = TEXTS.en;
const MEMBER_PASSWORD = "muun-kaupa-2026";

/** An active demo seller of its own for each project and each test (`n`: which test). */
function sellerFor(project: string, n: number) {
  const [s] = query<{ id: number; slug: string; name: string }>(
    "SELECT id, slug, name FROM sellers WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET ?",
    [2 + 2 * n + (hydrated(project) ? 1 : 0)],
  );
  return { ...s, email: `${s.slug}@sellers.demo.turg.ee` };
}

const fill = (s: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((out, [k, v]) => out.replaceAll(`{${k}}`, String(v)), s);

async function uploadCsv(page: Page, project: string, name: string, text: string) {
  await page.goto("/en/seller/imports");
  await ready(page, project);
  await page.getByLabel(t.import_file_label).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "latin1") });
  await page.getByRole("button", { name: t.import_upload }).click();
  await expect(page).toHaveURL(/\/en\/seller\/imports\/\d+$/);
  // The page refreshes itself while the server checks the file.
  await expect(page.getByTestId("import-status")).toHaveAttribute("data-status", /^(invalid|ready)$/, { timeout: 30_000 });
  await ready(page, project);
}

test("a seller updates offers by a CSV file: a bad row changes nothing, the corrected file is applied", async ({ page }, info) => {
  test.setTimeout(120_000);
  const project = info.project.name;
  const seller = sellerFor(project, 0);
  // Two products the seller does not offer (well away from the newest ones other specs use).
  const products = query<{ id: number; ean: string }>(
    `SELECT id, ean FROM products WHERE cold_chain = 0 AND id NOT IN (SELECT product_id FROM offers WHERE seller_id = ?)
     ORDER BY id DESC LIMIT 2 OFFSET ?`,
    [seller.id, hydrated(project) ? 12 : 8],
  );
  await signIn(page, project, seller.email, MEMBER_PASSWORD);
  // Semicolons and decimal commas as Estonian Excel writes them; the second price is wrong.
  const bad = `EAN;Hind;Laoseis;Toote nimi\n${products[0].ean};999,00;3;Esimene\n${products[1].ean};12,345;4;Teine\n`;
  await uploadCsv(page, project, "hinnad.csv", bad);
  await expect(page.getByTestId("import-status")).toHaveAttribute("data-status", "invalid");
  await expect(page.getByTestId("import-outcome")).toHaveText(fill(t.import_invalid, { n: 1 }));
  const row = page.getByTestId("import-errors").locator('tr[data-line="3"]');
  await expect(row.locator("td").nth(1)).toHaveText(t.import_col_price);
  await expect(row.locator("td").nth(2)).toHaveText(t.offer_invalid_number);
  await expect(page.getByTestId("import-apply")).toHaveCount(0);
  expect(query("SELECT id FROM offers WHERE seller_id = ? AND product_id IN (?, ?)", [seller.id, products[0].id, products[1].id])).toHaveLength(0);
  await expectAccessible(page, "import with errors", hydrated(project));

  const good = bad.replace("12,345", "998,50");
  await uploadCsv(page, project, "hinnad.csv", good);
  await expect(page.getByTestId("import-status")).toHaveAttribute("data-status", "ready");
  await expect(page.getByTestId("import-outcome")).toHaveText(fill(t.import_ready, { updates: 0, creates: 2, unchanged: 0 }));
  await expect(page.getByTestId("import-changes").locator("tbody tr")).toHaveCount(2);
  await expectAccessible(page, "import preview", hydrated(project));
  expect(query("SELECT id FROM offers WHERE seller_id = ? AND product_id IN (?, ?)", [seller.id, products[0].id, products[1].id])).toHaveLength(0);
  await page.getByTestId("import-apply").click();
  await expect(page.getByTestId("import-status")).toHaveAttribute("data-status", "applied", { timeout: 30_000 });
  const made = query<{ product_id: number; price_cents: number; stock: number }>(
    "SELECT product_id, price_cents, stock FROM offers WHERE seller_id = ? AND product_id IN (?, ?) ORDER BY product_id DESC",
    [seller.id, products[0].id, products[1].id],
  );
  expect(made).toEqual([
    { product_id: products[0].id, price_cents: 99900, stock: 3 },
    { product_id: products[1].id, price_cents: 99850, stock: 4 },
  ]);
  // The upload page lists both files.
  await page.goto("/en/seller/imports");
  await ready(page, project);
  await expect(page.getByTestId("import-recent").locator("li")).toHaveCount(2);
  await expectAccessible(page, "imports", hydrated(project));
});

test("a member invites a colleague, who joins with an account of that address and is removed again", async ({ page, browser }, info) => {
  test.setTimeout(150_000);
  const project = info.project.name;
  const seller = sellerFor(project, 1);
  const colleague = `colleague.${project}.${Date.now()}@example.ee`;
  await signIn(page, project, seller.email, MEMBER_PASSWORD);
  await page.goto("/en/seller/team");
  await ready(page, project);
  // The browser lets "a@b" through; the server refuses it, and the address typed stays.
  await page.getByLabel(t.team_email).fill("a@b");
  await page.getByRole("button", { name: t.team_invite }).click();
  await expect(page.getByTestId("team-notice")).toHaveText(t.team_email_invalid);
  await expect(page.getByLabel(t.team_email)).toHaveValue("a@b");
  await page.getByLabel(t.team_email).fill(colleague);
  await page.getByRole("button", { name: t.team_invite }).click();
  await expect(page.getByTestId("team-notice")).toHaveText(fill(t.team_invited, { email: colleague }));
  await expect(page.locator(`li[data-testid="team-invitation"][data-email="${colleague}"]`)).toBeVisible();
  await expectAccessible(page, "team", hydrated(project));
  const [mail] = query<{ body_text: string }>("SELECT body_text FROM outbox WHERE to_address = ? AND kind = 'team_invite'", [colleague]);
  const link = mail.body_text.match(/https?:\/\/[^\s]+\/en\/seller\/join\?token=[0-9a-f]{32}/)![0];
  const joinPath = new URL(link).pathname + new URL(link).search;

  // The colleague, in a browser of their own: signed out the link says to sign in first.
  const other = await browser.newContext({ baseURL: info.project.use.baseURL, javaScriptEnabled: hydrated(project) });
  const them = await other.newPage();
  await them.goto(joinPath);
  await ready(them, project);
  await expect(them.getByTestId("join-state")).toHaveText(fill(t.team_join_sign_in, { seller: seller.name, email: colleague }));
  await registerAndSignIn(them, project, colleague, "roheline-tool-2026", "Kati Kolleeg");
  await them.goto(joinPath);
  await ready(them, project);
  await expectAccessible(them, "join", hydrated(project));
  await them.getByTestId("join-button").click();
  if (hydrated(project)) {
    await expect(them.getByTestId("join-state")).toHaveText(fill(t.team_joined, { seller: seller.name }));
  } else {
    await expect(them).toHaveURL(/\/en\/seller$/);
  }
  await them.goto("/en/seller");
  await ready(them, project);
  await expect(them.getByTestId("seller-area-name")).toContainText(seller.name);

  // The first member removes the colleague, whose seller area is then refused.
  await page.goto("/en/seller/team");
  await ready(page, project);
  const member = page.locator(`li[data-testid="team-member"][data-email="${colleague}"]`);
  await member.getByRole("button", { name: fill(t.team_remove_who, { email: colleague }) }).click();
  await expect(page.getByTestId("team-notice")).toHaveText(fill(t.team_removed, { email: colleague }));
  const refused = await them.goto("/en/seller");
  expect(refused?.status()).toBe(403);
  await other.close();
});

test("a seller's payment terms and logo show on its public profile", async ({ page }, info) => {
  test.setTimeout(90_000);
  const project = info.project.name;
  const seller = sellerFor(project, 2);
  await signIn(page, project, seller.email, MEMBER_PASSWORD);
  await page.goto("/en/seller/profile");
  await ready(page, project);
  const terms = `Invoice within 14 days <b>for companies</b> (${project})`;
  await page.locator("#terms_en").fill(terms);
  await page.locator("#email").fill("a@b");
  await page.getByTestId("profile-save").click();
  await expect(page.getByTestId("form-error")).toBeVisible();
  await expect(page.locator("#terms_en")).toHaveValue(terms);
  await page.locator("#email").fill(`shop.${project}@example.ee`);
  await page.getByTestId("profile-save").click();
  await expect(page.getByTestId("profile-notice")).toHaveText(t.profile_saved);
  await expectAccessible(page, "profile", hydrated(project));
  // A 512-pixel PNG becomes a 256-pixel logo.
  const icon = fs.readFileSync(path.join(__dirname, "..", "..", "public", "icons", "icon-512.png"));
  await page.getByLabel(t.profile_logo_file).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: icon });
  await page.getByRole("button", { name: t.profile_logo_upload }).click();
  await expect(page.getByTestId("logo-notice")).toHaveText(t.profile_logo_saved);
  await expect(page.getByTestId("profile-logo")).toHaveAttribute("width", "256");

  await page.goto(`/en/sellers/${seller.slug}`);
  await ready(page, project);
  await expect(page.getByTestId("payment-terms")).toHaveText(terms);
  const logo = page.locator("img.seller-logo");
  await expect(logo).toHaveAttribute("width", "256");
  const src = await logo.getAttribute("src");
  const served = await page.request.get(src!);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["cache-control"]).toContain("immutable");
});

test("a buyer messages the seller about a shipment, the seller answers, both see the conversation", async ({ page, browser }, info) => {
  test.setTimeout(150_000);
  const project = info.project.name;
  const [offer] = twoOffersFromTwoSellers(hydrated(project) ? 80 : 40);
  const email = `asker.${project}.${Date.now()}@example.ee`;
  await addToCart(page, project, offer);
  const orderId = await checkoutAndPay(page, project, email);
  const [shipment] = query<{ id: number; slug: string; email: string }>(
    "SELECT sh.id, s.slug, s.email FROM shipments sh JOIN sellers s ON s.id = sh.seller_id WHERE sh.order_id = ?",
    [orderId],
  );
  await page.goto(`/en/orders/${orderId}`);
  await ready(page, project);
  await page.getByTestId("message-seller").first().click();
  await expect(page).toHaveURL(new RegExp(`/en/messages/${shipment.id}`));
  await ready(page, project);
  await page.getByLabel(t.msg_write).fill("Can it come before Friday? <i>Thanks</i>");
  await page.getByTestId("message-send").click();
  await expect(page.getByTestId("message-notice")).toHaveText(t.msg_sent);
  await expect(page.getByTestId("messages").locator("li")).toHaveCount(1);
  await expect(page.getByTestId("messages").locator("li .body")).toHaveText("Can it come before Friday? <i>Thanks</i>");
  await expectAccessible(page, "buyer messages", hydrated(project));
  expect(query("SELECT id FROM outbox WHERE kind = 'message' AND to_address = ?", [shipment.email]).length).toBeGreaterThan(0);

  const sellerContext = await browser.newContext({ baseURL: info.project.use.baseURL, javaScriptEnabled: hydrated(project) });
  const seller = await sellerContext.newPage();
  await signIn(seller, project, `${shipment.slug}@sellers.demo.turg.ee`, MEMBER_PASSWORD);
  await seller.goto("/en/seller/messages");
  await ready(seller, project);
  const thread = seller.getByTestId("threads").locator("li").filter({ hasText: fill(t.msg_thread_line, { order: orderId, buyer: "Mari Maasikas" }) });
  await expect(thread).toHaveAttribute("data-unread", "true");
  await expectAccessible(seller, "seller messages", hydrated(project));
  await thread.getByRole("link").click();
  await ready(seller, project);
  await seller.getByLabel(t.msg_write).fill("Yes, on Thursday.");
  await seller.getByTestId("message-send").click();
  await expect(seller.getByTestId("message-notice")).toHaveText(t.msg_sent);
  await expectAccessible(seller, "seller thread", hydrated(project));
  await sellerContext.close();
  expect(query("SELECT id FROM outbox WHERE kind = 'message' AND to_address = ?", [email])).toHaveLength(1);

  await page.reload();
  await ready(page, project);
  await expect(page.getByTestId("messages").locator("li")).toHaveCount(2);
  await expect(page.getByTestId("messages").locator("li").nth(1)).toHaveAttribute("data-author", "seller");
});
