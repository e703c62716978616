// Accounts end to end, with JavaScript off and hydrated: register → confirm with the e-mailed
// code → sign in → buy → the order is in "My orders"; forgot password → the code from the
// outbox → sign in with the new password; the administrators' pages; axe on every form.
import { expect, test, type Page } from "@playwright/test";
import { query } from "./db";
import { TEXTS } from "./texts";
import { hydrated, ready } from "./hydration";
import { expectAccessible } from "./quality";
import { codeSentTo, DEMO_ADMIN, DEMO_SHOPPER, signIn } from "./account";
import { addToCart, checkoutAndPay, twoOffersFromTwoSellers } from "./shopping";

const t = TEXTS.en;
const PASSWORD = "sinine-jalgratas-41";

async function fillAndSubmit(page: Page, fields: Record<string, string>, button: string) {
  for (const [id, value] of Object.entries(fields)) await page.locator(`#acc-${id}`).fill(value);
  await page.getByRole("button", { name: button }).click();
}

test("register, confirm, sign in, buy, and find the order in My orders", async ({ page }, info) => {
  test.setTimeout(120_000);
  const project = info.project.name;
  const email = `liis.${project}.${Date.now()}@example.ee`;

  await page.goto("/en/account/register");
  await ready(page, project);
  await expectAccessible(page, "register", hydrated(project));
  // A guessable password is refused next to its field; what was typed stays (but the password).
  await fillAndSubmit(page, { email, name: "Liis Lill", password: "password123" }, t.account_register);
  await expect(page.locator("#acc-password-error")).toHaveText(t.account_password_guessable);
  await expect(page.locator("#acc-email")).toHaveValue(email);
  await expect(page.locator("#acc-name")).toHaveValue("Liis Lill");
  await expect(page.locator("#acc-password")).toHaveValue("");
  await expectAccessible(page, "register with errors", hydrated(project));
  expect(query("SELECT id FROM users WHERE email = ?", [email])).toHaveLength(0);

  await fillAndSubmit(page, { password: PASSWORD }, t.account_register);
  await expect(page).toHaveURL(/\/en\/account\/confirm$/);
  await expect(page.getByTestId("account-notice")).toHaveText(t.account_code_sent);
  await expect(page.locator("#acc-email")).toHaveValue(email);
  await ready(page, project);
  await expectAccessible(page, "confirm", hydrated(project));
  // A wrong code says how many tries are left.
  const code = codeSentTo(email);
  const wrong = code === "000000" ? "111111" : "000000";
  await fillAndSubmit(page, { code: wrong }, t.account_confirm_submit);
  await expect(page.locator("#acc-code-error")).toHaveText(t.account_wrong_code_tries.replace("{n}", "4"));
  await fillAndSubmit(page, { email, code }, t.account_confirm_submit);
  await expect(page).toHaveURL(/\/en\/account\/signin$/);
  await expect(page.getByTestId("account-notice")).toHaveText(t.account_confirmed);

  // Shopping as a guest first: the cart joins the account at sign-in.
  const [a] = twoOffersFromTwoSellers(hydrated(project) ? 40 : 0);
  await addToCart(page, project, a);
  await signIn(page, project, email, PASSWORD);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "turg_session");
  expect(session?.httpOnly && session.sameSite === "Lax").toBe(true);
  expect(session?.expires, "a browser session without remember me").toBe(-1);
  expect(cookies.find((c) => c.name === "turg_cart")).toBeUndefined();
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  const order = await checkoutAndPay(page, project, email);
  expect(query<{ user_id: number }>("SELECT user_id FROM orders WHERE id = ?", [order])[0].user_id).toBe(
    query<{ id: number }>("SELECT id FROM users WHERE email = ?", [email])[0].id,
  );

  await page.goto("/en/account/orders");
  await ready(page, project);
  await expect(page.getByTestId("my-order")).toHaveCount(1);
  await expect(page.getByTestId("my-order")).toContainText(t.order_title.replace("{n}", String(order)));
  await expectAccessible(page, "my orders", hydrated(project));
  await page.getByRole("link", { name: t.order_title.replace("{n}", String(order)) }).click();
  await expect(page.getByTestId("order-confirmed")).toBeVisible();
  await ready(page, project);

  // Cancel the shipment with a reason: the stock is back and the refund is recorded.
  const stockOf = () => query<{ stock: number }>("SELECT stock FROM offers WHERE id = ?", [a.id])[0].stock;
  const before = stockOf();
  await page.getByText(t.order_cancel_shipment).click();
  await page.getByLabel(t.order_cancel_reason).selectOption("found_cheaper");
  await page.getByRole("button", { name: t.order_cancel_submit }).click();
  await expect(page.getByTestId("order-notice")).toContainText(t.order_cancel_done.split(".")[0]);
  await expect(page.getByTestId("shipment-status")).toHaveText(t.status_cancelled);
  expect(stockOf()).toBe(before + 1);
  expect(query("SELECT id FROM refunds WHERE order_id = ?", [order])).toHaveLength(1);
  await expectAccessible(page, "order with a cancelled shipment", hydrated(project));

  // Signed out, "My orders" asks to sign in and shows nothing of the account.
  await page.goto("/en/account");
  await ready(page, project);
  await page.getByRole("button", { name: t.account_sign_out, exact: true }).click();
  await expect(page).toHaveURL(/\/en\/account\/signin$/);
  await expect(page.getByTestId("account-notice")).toHaveText(t.account_signed_out);
  const res = await page.goto("/en/account/orders");
  expect(res?.status()).toBe(401);
  await expect(page.locator("main")).toContainText(t.error_sign_in_first);
  await expect(page.locator("main")).not.toContainText(String(order));
});

test("forgot password: the code from the e-mail and a new password, then sign in with it", async ({ page }, info) => {
  // Five password hashes, two axe runs and the answer's 300 ms floor: about 25 s on a quiet
  // two-core machine without JavaScript, more under load.
  test.setTimeout(90_000);
  const project = info.project.name;
  const email = `peeter.${project}.${Date.now()}@example.ee`;
  // An account made and confirmed through the pages.
  await page.goto("/en/account/register");
  await ready(page, project);
  await fillAndSubmit(page, { email, password: PASSWORD }, t.account_register);
  await expect(page).toHaveURL(/\/en\/account\/confirm$/);
  await ready(page, project);
  await fillAndSubmit(page, { code: codeSentTo(email) }, t.account_confirm_submit);
  await expect(page).toHaveURL(/\/en\/account\/signin$/);

  await page.goto("/en/account/signin");
  await ready(page, project);
  await page.getByRole("link", { name: t.account_forgot_link }).click();
  await expect(page).toHaveURL(/\/en\/account\/forgot$/);
  await ready(page, project);
  await expectAccessible(page, "forgot", hydrated(project));
  // An address without an account gets the very same answer.
  await fillAndSubmit(page, { email: `nobody.${Date.now()}@example.ee` }, t.account_forgot_submit);
  await expect(page).toHaveURL(/\/en\/account\/reset$/);
  await expect(page.getByTestId("account-notice")).toHaveText(t.account_reset_sent);
  await page.goto("/en/account/forgot");
  await ready(page, project);
  await fillAndSubmit(page, { email }, t.account_forgot_submit);
  await expect(page).toHaveURL(/\/en\/account\/reset$/);
  await expect(page.getByTestId("account-notice")).toHaveText(t.account_reset_sent);
  await expect(page.locator("#acc-email")).toHaveValue(email);
  await ready(page, project);
  await expectAccessible(page, "reset", hydrated(project));
  const newPassword = "roheline-kilpkonn-12";
  await fillAndSubmit(page, { code: codeSentTo(email), password: newPassword }, t.account_reset_submit);
  await expect(page).toHaveURL(/\/en\/account\/signin$/);
  await expect(page.getByTestId("account-notice")).toHaveText(t.account_password_changed);
  // The old password no longer works; the new one does.
  await ready(page, project);
  await fillAndSubmit(page, { email, password: PASSWORD }, t.account_sign_in);
  await expect(page.getByTestId("form-error")).toHaveText(t.account_wrong_credentials);
  await signIn(page, project, email, newPassword);
  const told = query<{ subject: string }>("SELECT subject FROM outbox WHERE to_address = ? ORDER BY id DESC LIMIT 1", [email]);
  expect(told[0].subject).toBe(TEXTS.en.mail_changed_subject);
});

test("the administrators' pages are for administrators only", async ({ page }, info) => {
  const project = info.project.name;
  let res = await page.goto("/en/admin/outbox");
  expect(res?.status()).toBe(401);
  await signIn(page, project, DEMO_SHOPPER.email, DEMO_SHOPPER.password);
  res = await page.goto("/en/admin/outbox");
  expect(res?.status()).toBe(403);
  await page.context().clearCookies();
  await signIn(page, project, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expectAccessible(page, "account", hydrated(project));
  await page.getByRole("link", { name: t.account_admin }).click();
  await expect(page).toHaveURL(/\/en\/admin\/outbox$/);
  await expect(page.locator("h1")).toBeVisible();
  res = await page.goto("/en/admin/outbox");
  expect(res?.status()).toBe(200);
  expect(res?.headers()["cache-control"]).toBe("no-store");
});

test("the sign-in form is accessible, with its error too", async ({ page }, info) => {
  const project = info.project.name;
  await page.goto("/en/account/signin");
  await ready(page, project);
  await expectAccessible(page, "sign in", hydrated(project));
  await fillAndSubmit(page, { email: "nobody@example.ee", password: "not-this-one-at-all" }, t.account_sign_in);
  await expect(page.getByTestId("form-error")).toHaveText(t.account_wrong_credentials);
  await expectAccessible(page, "sign in with an error", hydrated(project));
});

test("profile: details and an address are kept; deleting the account ends it", async ({ page }, info) => {
  test.setTimeout(90_000);
  const project = info.project.name;
  const email = `kadri.${project}.${Date.now()}@example.ee`;
  await page.goto("/en/account/register");
  await ready(page, project);
  await fillAndSubmit(page, { email, password: PASSWORD }, t.account_register);
  await expect(page).toHaveURL(/\/en\/account\/confirm$/);
  await ready(page, project);
  await fillAndSubmit(page, { code: codeSentTo(email) }, t.account_confirm_submit);
  await expect(page).toHaveURL(/\/en\/account\/signin$/);
  await signIn(page, project, email, PASSWORD);

  await page.goto("/en/account/profile");
  await ready(page, project);
  await page.locator("#pr-name").fill("Kadri Kask");
  await page.locator("#pr-phone").fill("5123 4567");
  await page.getByRole("button", { name: t.account_save, exact: true }).click();
  await expect(page.getByTestId("account-notice")).toHaveText(t.account_saved);
  await page.locator("#ad-street").fill("Pikk 1");
  await page.locator("#ad-city").fill("Tallinn");
  await page.locator("#ad-postal").fill("10123");
  await page.getByRole("button", { name: t.account_add_address }).click();
  await expect(page.getByTestId("saved-address")).toHaveCount(1);
  await expectAccessible(page, "profile", hydrated(project));
  const [row] = query<{ name: string; phone: string }>("SELECT name, phone FROM users WHERE email = ?", [email]);
  expect(row).toEqual({ name: "Kadri Kask", phone: "+37251234567" });

  await page.goto("/en/account/delete");
  await ready(page, project);
  await fillAndSubmit(page, { password: "not-the-right-one-9" }, t.account_delete_submit);
  await expect(page.locator("#acc-password-error")).toHaveText(t.account_wrong_password);
  await fillAndSubmit(page, { password: PASSWORD }, t.account_delete_submit);
  await expect(page).toHaveURL(/\/en\/account\/signin$/);
  await expect(page.getByTestId("account-notice")).toHaveText(t.account_deleted);
  expect(query("SELECT id FROM users WHERE email = ?", [email])).toHaveLength(0);
  await ready(page, project);
  await fillAndSubmit(page, { email, password: PASSWORD }, t.account_sign_in);
  await expect(page.getByTestId("form-error")).toHaveText(t.account_wrong_credentials);
});
