// Hostile texts in every field a page shows (a seller, its review and delivery methods, a
// category, a product: `server seed --hostile`) and in query strings and paths: no dialog may
// open and the Content-Security-Policy must not block anything the pages need, with
// JavaScript off and hydrated. The server-side twin (`server/src/hostile_tests.rs`) checks
// the HTML of every page, personal ones included.
import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { TEXTS } from "./texts";
import { DEMO_ADMIN, signIn } from "./account";

type Fixture = { product_slug: string; seller_slug: string; category_slug: string; offer_id: number };
const root = path.join(__dirname, "..", "..");
const PAYLOADS = [
  "</title><script>alert('title')</script>",
  "\"><img src=x onerror=alert('attr')>",
  "<!--<script>alert('comment')</script>",
  "</script><script>alert('script')</script>",
].join(" ");

function seedHostile(): Fixture {
  // Both projects' workers may ask at once; the seeder is idempotent, a lost race retries.
  let last: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      // The server the run drives (playwright.config.ts): TURG_SERVER_BIN or the release build.
      const server = path.resolve(root, process.env.TURG_SERVER_BIN ?? "target/release/server");
      const out = execFileSync(server, ["seed", "--hostile"], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: "sqlite://data/e2e.db?mode=rwc", RUST_LOG: "error" },
        encoding: "utf8",
      });
      return JSON.parse(out.trim().split("\n").pop()!);
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

/** Fails the test on any dialog or CSP violation the page reports. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on("dialog", async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`error: ${e.message}`));
  return problems;
}

let fixture: Fixture;
test.beforeAll(() => {
  fixture = seedHostile();
});

test("hostile texts stay text on every page, and the pages run under their CSP", async ({ page }, info) => {
  test.setTimeout(120_000);
  const hydrated = info.project.name === "hydrated";
  const problems = watch(page);
  const q = encodeURIComponent(PAYLOADS);
  const paths = [
    "/en",
    `/en/c/${fixture.category_slug}`,
    `/en/c/${fixture.category_slug}?sort=${q}&page=${q}`,
    `/en/p/${fixture.product_slug}`,
    `/et/p/${fixture.product_slug}?county=${q}`,
    `/ru/p/${fixture.product_slug}/offers`,
    `/en/p/${fixture.product_slug}/offers?sort=${q}`,
    "/en/sellers",
    `/en/sellers?q=${q}`,
    `/en/sellers/${fixture.seller_slug}`,
    "/en/ranking",
    `/en/search?q=${q}`,
    "/en/search?q=Title",
    `/en/p/${q}`,
    `/en/${q}`,
    `/en/cart?notice=${q}`,
  ];
  for (const p of paths) {
    await page.goto(p);
    if (hydrated) await expect(page.locator("body"), p).toHaveAttribute("data-hydrated", "true");
    expect(problems, p).toEqual([]);
  }
  // The texts are there, as text.
  await page.goto(`/en/p/${fixture.product_slug}`);
  await expect(page.locator("h1")).toContainText("</title><script>alert('title')</script>");
  expect(await page.title()).toContain("</title><script>");
  await page.goto(`/en/sellers/${fixture.seller_slug}`);
  await expect(page.locator("h1")).toContainText("<!--<script>");
  expect(problems).toEqual([]);
});

test("the hostile offer goes into the cart and the cart shows its texts as text", async ({ page }, info) => {
  const hydrated = info.project.name === "hydrated";
  const problems = watch(page);
  await page.goto(`/en/p/${fixture.product_slug}/offers`);
  if (hydrated) await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await page.locator(`li.offer[data-offer-id="${fixture.offer_id}"]`).getByRole("button").first().click();
  if (hydrated) await expect(page.getByTestId("cart-count")).toHaveText(/\d+/);
  await page.goto("/en/cart");
  if (hydrated) await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(page.locator("main")).toContainText("\"><img src=x onerror=alert('attr')>");
  await page.goto("/en/checkout");
  if (hydrated) await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  expect(problems).toEqual([]);
});

test("a shopper's own hostile texts stay text through checkout, the bank, the order and the outbox", async ({ page }, info) => {
  test.setTimeout(90_000);
  const hydrated = info.project.name === "hydrated";
  const ready = async () => {
    if (hydrated) await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  };
  const problems = watch(page);
  const name = `"><img src=x onerror=alert('name')> ${info.project.name}`;
  const email = `hostile.${info.project.name}.${Date.now()}@example.ee`;
  await page.goto(`/en/p/${fixture.product_slug}/offers`);
  await ready();
  await page.locator(`li.offer[data-offer-id="${fixture.offer_id}"]`).getByRole("button").first().click();
  if (hydrated) await expect(page.getByTestId("cart-count")).toHaveText(/\d+/);
  await page.goto("/en/checkout");
  await ready();
  await page.locator("#co-name").fill(name);
  await page.locator("#co-email").fill(email);
  await page.locator("#co-phone").fill("5123 4567");
  await page.locator("#co-street").fill("</title><script>alert('street')</script>");
  await page.locator("#co-city").fill("<!--<script>alert('city')</script>");
  await page.locator("#co-postal_code, #co-postal-code").first().fill("10123");
  await page.locator("select#co-county").selectOption("harju");
  await page.locator("#co-comment").fill(PAYLOADS);
  await page.getByLabel("Swedbank").check();
  await page.getByRole("button", { name: TEXTS.en.checkout_submit }).click();
  await expect(page).toHaveURL(/\/en\/pay\/sandbox\/[0-9a-f]{32}$/);
  await ready();
  expect(problems, "bank page").toEqual([]);
  await page.locator("button[name=outcome][value=paid]").click();
  await expect(page).toHaveURL(/\/en\/orders\/\d+/);
  await ready();
  await expect(page.locator("main")).toContainText("</title><script>alert('street')</script>");
  expect(problems, "order page").toEqual([]);
  await signIn(page, info.project.name, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await page.goto("/en/admin/outbox");
  await ready();
  await expect(page.locator("main")).toContainText(email);
  expect(problems, "outbox").toEqual([]);
});

test("hostile texts typed into the account forms come back as text", async ({ page }, info) => {
  const hydrated = info.project.name === "hydrated";
  const ready = async () => {
    if (hydrated) await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  };
  const problems = watch(page);
  await page.goto(`/en/account/register`);
  await ready();
  await page.locator("#acc-email").fill(PAYLOADS);
  await page.locator("#acc-name").fill(PAYLOADS);
  await page.locator("#acc-password").fill("x");
  await page.getByRole("button", { name: TEXTS.en.account_register }).click();
  await expect(page.locator("#acc-email-error")).toHaveText(TEXTS.en.invalid_email);
  await expect(page.locator("#acc-name")).toHaveValue(PAYLOADS);
  await page.goto(`/en/account/signin?next=${encodeURIComponent(PAYLOADS)}`);
  await ready();
  await page.locator("#acc-email").fill(PAYLOADS);
  await page.locator("#acc-password").fill("whatever-it-is");
  await page.getByRole("button", { name: TEXTS.en.account_sign_in }).click();
  await expect(page.getByTestId("form-error")).toHaveText(TEXTS.en.account_wrong_credentials);
  await expect(page.locator("#acc-email")).toHaveValue(PAYLOADS);
  expect(problems).toEqual([]);
});
