// Account steps shared by the specs: signing in through the form (JavaScript off and
// hydrated), and reading the code an e-mail carried from the outbox.
import { expect, type Page } from "@playwright/test";
import { query } from "./db";
import { TEXTS } from "./texts";
import { ready } from "./hydration";

const t = TEXTS.en;

/** The demo accounts the demo seed makes (README, "Demo accounts"). */
export const DEMO_ADMIN = { email: "admin@demo.turg.ee", password: "halda-poodi-2026" };
export const DEMO_SHOPPER = { email: "shopper@demo.turg.ee", password: "ostan-kirsse-2026" };

/** Signs in with the form at /en/account/signin and waits for the account page. */
export async function signIn(page: Page, project: string, email: string, password: string) {
  await page.goto("/en/account/signin");
  await ready(page, project);
  await page.getByLabel(t.account_email).fill(email);
  await page.getByLabel(t.account_password, { exact: true }).fill(password);
  await page.getByRole("button", { name: t.account_sign_in }).click();
  await expect(page).toHaveURL(/\/en\/account$/);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

/** The six-digit code in the newest e-mail to `to`. */
export function codeSentTo(to: string): string {
  const [mail] = query<{ body_html: string }>("SELECT body_html FROM outbox WHERE to_address = ? ORDER BY id DESC LIMIT 1", [to]);
  const m = mail?.body_html.match(/data-code="(\d{6})"/);
  if (!m) throw new Error(`no code was e-mailed to ${to}`);
  return m[1];
}

/** Registers an account through the forms (register, then the e-mailed code) and signs in. */
export async function registerAndSignIn(page: Page, project: string, email: string, password: string, name: string) {
  await page.goto("/en/account/register");
  await ready(page, project);
  await page.locator("#acc-email").fill(email);
  await page.locator("#acc-name").fill(name);
  await page.locator("#acc-password").fill(password);
  await page.getByRole("button", { name: t.account_register }).click();
  await expect(page).toHaveURL(/\/en\/account\/confirm$/);
  await ready(page, project);
  await page.locator("#acc-code").fill(codeSentTo(email));
  await page.getByRole("button", { name: t.account_confirm_submit }).click();
  await expect(page).toHaveURL(/\/en\/account\/signin$/);
  await signIn(page, project, email, password);
}
