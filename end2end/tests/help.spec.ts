// The help centre end to end, with JavaScript off and hydrated: a shopper asks how to cancel
// about an order not yet shipped and is told it can be cancelled, with the article cited and a
// cancel link that works; asked about a shipped order, the answer says to refuse the parcel;
// the contact channels follow the hour; an article counts "Was this helpful?".
import { expect, test } from "@playwright/test";
import { execute, query } from "./db";
import { TEXTS } from "./texts";
import { hydrated, ready } from "./hydration";
import { expectAccessible } from "./quality";
import { addToCart, checkoutAndPay, twoOffersFromTwoSellers } from "./shopping";
import { supportStaffed } from "./tallinn";
import { signIn } from "./account";

const t = TEXTS.en;

test("ask about an order: cancel it while it can be, refuse the parcel once shipped", async ({ page }, info) => {
  test.setTimeout(120_000);
  const project = info.project.name;
  const [a, b] = twoOffersFromTwoSellers(hydrated(project) ? 60 : 20);
  await addToCart(page, project, a);
  await addToCart(page, project, b);
  const order = await checkoutAndPay(page, project, `help.${project}.${Date.now()}@example.ee`);

  // From the order page to the help centre, about this order.
  await page.getByTestId("ask-about-order").click();
  await expect(page).toHaveURL(/\/en\/help\/ask\?order=\d+/);
  await ready(page, project);
  await page.getByLabel(t.help_ask_label).fill("how do I cancel my order");
  await page.getByRole("button", { name: t.help_ask_button }).click();
  await expect(page).toHaveURL(/[?&]q=how\+do\+I\+cancel\+my\+order/);
  await expect(page.getByTestId("help-citation").first()).toHaveAttribute("href", "/en/help/cancel-order");
  await expect(page.getByTestId("help-shipment")).toHaveCount(2);
  await expect(page.getByTestId("help-can-cancel")).toHaveCount(2);
  await expect(page.getByTestId("help-message-seller").first()).toBeVisible();
  // The channels open now: e-mail always, chat and phone only in working hours.
  const channels = page.getByTestId("help-channels").locator("li");
  await expect(channels).toHaveCount(supportStaffed() ? 3 : 1);
  await expect(channels.first()).toHaveAttribute("data-channel", "email");
  await ready(page, project);
  await expectAccessible(page, "help answer about an order", hydrated(project));

  // One shipment goes out meanwhile; the other is cancelled through the answer's link.
  const [first, second] = query<{ id: number; seller_id: number }>("SELECT id, seller_id FROM shipments WHERE order_id = ? ORDER BY id", [order]);
  expect(execute("UPDATE shipments SET status = 'shipped', shipped_at = status_at WHERE id = ?", [first.id])).toBe(1);
  await page.reload();
  await ready(page, project);
  await expect(page.locator(`[data-testid="help-shipment"]`).nth(0)).toHaveAttribute("data-next", "refuseparcel");
  await expect(page.getByTestId("help-refuse")).toHaveText(t.help_refuse);
  await page.getByTestId("help-cancel-link").click();
  await expect(page).toHaveURL(new RegExp(`/en/orders/${order}.*#shipment-${second.id}$`));
  await ready(page, project);
  const target = page.locator(`#shipment-${second.id}`);
  await target.getByText(t.order_cancel_shipment).click();
  await target.getByLabel(t.order_cancel_reason).selectOption("found_cheaper");
  await target.getByRole("button", { name: t.order_cancel_submit }).click();
  await expect(page.getByTestId("order-notice")).toContainText(t.order_cancel_done.split(".")[0]);
  expect(query<{ status: string }>("SELECT status FROM shipments WHERE id = ?", [second.id])[0].status).toBe("cancelled");
});

test("the help centre's articles, and whether one helped", async ({ page }, info) => {
  const project = info.project.name;
  await page.goto("/en/help");
  await ready(page, project);
  await expect(page.getByTestId("help-category").first()).toBeVisible();
  await expectAccessible(page, "help centre", hydrated(project));
  await page.locator('a[href="/en/help/pantry"]').click();
  await expect(page).toHaveURL(/\/en\/help\/pantry$/);
  await ready(page, project);
  await expect(page.getByTestId("help-article")).toBeVisible();
  await expectAccessible(page, "help article", hydrated(project));
  const votes = () => query<{ n: number }>("SELECT helpful_yes AS n FROM help_articles WHERE slug = 'pantry' AND lang = 'en'")[0].n;
  const before = votes();
  await page.getByRole("button", { name: t.help_yes, exact: true }).click();
  await expect(page.getByTestId("help-voted")).toHaveText(t.help_thanks);
  expect(votes()).toBe(before + 1);
  // Estonian: the same article in Estonian, found by an Estonian question.
  await page.goto("/et/help/ask?q=kuidas+tellimust+t%C3%BChistada");
  await ready(page, project);
  await expect(page.getByTestId("help-citation").first()).toHaveAttribute("href", "/et/help/cancel-order");
});

test("a shopper asks for a person, opens a case, and an agent answers it", async ({ page }, info) => {
  test.setTimeout(120_000);
  const project = info.project.name;
  const email = `case.${project}.${Date.now()}@example.ee`;
  await page.goto("/en/help/ask?q=I+want+to+talk+to+a+person");
  await ready(page, project);
  await expect(page.getByTestId("help-no-answer")).toHaveText(t.help_person);
  await page.getByLabel(t.case_kind_label).selectOption("question");
  await page.getByLabel(t.case_email).fill(email);
  await page.getByLabel(t.case_body).fill("Can I change the delivery address of my order?");
  await page.getByTestId("case-open").click();
  await expect(page).toHaveURL(/\/en\/help\/cases\/\d+\?key=[0-9a-f]+$/);
  const casePage = page.url();
  const id = Number(new URL(casePage).pathname.split("/").pop());
  await ready(page, project);
  await expect(page.getByTestId("case-status")).toHaveText(`${t.case_kind_question} · ${t.case_status_open}`);
  await expectAccessible(page, "support case", hydrated(project));
  expect(query("SELECT id FROM outbox WHERE to_address = ? AND kind = 'case_opened'", [email])).toHaveLength(1);

  // The agent finds it in the queue, answers, and the shopper sees the answer.
  await signIn(page, project, "support@demo.turg.ee", "aitan-ostjaid-2026");
  await page.goto("/en/support?status=open");
  await ready(page, project);
  await expect(page.locator(`[data-testid="queue-row"][data-case="${id}"]`)).toBeVisible();
  await expectAccessible(page, "support queue", hydrated(project));
  await page.goto(`/en/support/${id}`);
  await ready(page, project);
  await page.getByLabel(t.agent_note_label).fill("Check whether it has shipped.");
  await page.getByRole("button", { name: t.agent_note }).click();
  await expect(page.getByTestId("case-message")).toHaveCount(2);
  await page.getByLabel(t.agent_reply_label).fill("Yes, until it ships: write the new address here.");
  await page.getByRole("button", { name: t.agent_reply }).click();
  await expect(page.getByTestId("agent-case-status")).toHaveText(t.case_status_answered);
  expect(query("SELECT id FROM outbox WHERE to_address = ? AND kind = 'case_reply'", [email])).toHaveLength(1);
  await page.goto(casePage);
  await ready(page, project);
  await expect(page.getByTestId("case-message")).toHaveCount(2);
  await expect(page.getByTestId("case-messages")).toContainText("Yes, until it ships");
  await expect(page.getByTestId("case-messages")).not.toContainText("Check whether it has shipped");
});

test("an agent decides a dispute with a partial refund; both sides see it and the refund is recorded", async ({ page }, info) => {
  test.setTimeout(150_000);
  const project = info.project.name;
  const [a] = twoOffersFromTwoSellers(hydrated(project) ? 80 : 100);
  await addToCart(page, project, a);
  const email = `dispute.${project}.${Date.now()}@example.ee`;
  const order = await checkoutAndPay(page, project, email);
  await page.getByTestId("ask-about-order").click();
  await ready(page, project);
  await page.getByLabel(t.help_ask_label).fill("the seller sent the wrong item and refuses to help");
  await page.getByRole("button", { name: t.help_ask_button }).click();
  await ready(page, project);
  await page.getByText(t.case_open_title).click();
  await page.getByLabel(t.case_kind_label).selectOption("dispute");
  await page.getByLabel(t.case_email).fill(email);
  await page.getByLabel(t.case_body).fill("Wrong colour; the seller does not answer.");
  await page.getByTestId("case-open").click();
  await expect(page).toHaveURL(/\/en\/help\/cases\/\d+\?key=/);
  const casePage = page.url();
  const id = Number(new URL(casePage).pathname.split("/").pop());
  expect(query<{ order_id: number }>("SELECT order_id FROM support_cases WHERE id = ?", [id])[0].order_id).toBe(order);

  await signIn(page, project, "support@demo.turg.ee", "aitan-ostjaid-2026");
  await page.goto(`/en/support/${id}`);
  await ready(page, project);
  await page.getByLabel(t.decide_partial).fill("1,50");
  await page.getByTestId("decide-submit").click();
  await expect(page.getByTestId("case-decision")).toContainText(t.decision_partial_refund.replace("{amount}", "€1.50"));
  await expect(page.getByTestId("agent-case-status")).toHaveText(t.case_status_closed);
  const [decision] = query<{ refund_cents: number; refund_reference: string | null }>(
    "SELECT refund_cents, refund_reference FROM case_decisions WHERE case_id = ?",
    [id],
  );
  expect(decision.refund_cents).toBe(150);
  expect(decision.refund_reference).toBeTruthy();
  expect(query("SELECT id FROM outbox WHERE kind = 'case_decision' AND to_address = ?", [email])).toHaveLength(1);
  const seller = query<{ email: string }>("SELECT s.email FROM sellers s WHERE s.id = ?", [a.seller_id])[0].email;
  expect(query("SELECT id FROM outbox WHERE kind = 'case_decision' AND to_address = ?", [seller]).length).toBeGreaterThan(0);

  // The shopper's side.
  await page.goto(casePage);
  await ready(page, project);
  await expect(page.getByTestId("case-decision")).toContainText(t.decision_partial_refund.replace("{amount}", "€1.50"));
  await expect(page.getByTestId("decision-refunded")).toHaveText(t.decision_refunded);
  await expect(page.getByTestId("case-status")).toHaveText(`${t.case_kind_dispute} · ${t.case_status_closed}`);
});

test("a case opened on a Saturday offers only e-mail; on a weekday morning chat and phone too", async ({ page, baseURL }, info) => {
  const project = info.project.name;
  // Saturday 5 December 2026, 12:00 in Tallinn: support reads e-mail only.
  await page.context().addCookies([{ name: "turg_test_clock", value: "2026-12-05T10:00:00Z", url: baseURL! }]);
  await page.goto("/en/help/ask?q=" + encodeURIComponent("where is my parcel"));
  await ready(page, project);
  await page.getByText(t.case_open_title).click();
  await page.getByLabel(t.case_email).fill(`saturday.${project}.${Date.now()}@example.ee`);
  await page.getByLabel(t.case_body).fill("My parcel has not arrived.");
  await page.getByTestId("case-open").click();
  await expect(page).toHaveURL(/\/en\/help\/cases\/\d+\?key=/);
  await ready(page, project);
  const channels = page.getByTestId("help-channels").locator("li");
  await expect(channels).toHaveCount(1);
  await expect(channels.first()).toHaveAttribute("data-channel", "email");
  // The same case on Monday 7 December at 10:00 Tallinn: e-mail, chat and phone.
  await page.context().addCookies([{ name: "turg_test_clock", value: "2026-12-07T08:00:00Z", url: baseURL! }]);
  await page.reload();
  await ready(page, project);
  await expect(channels).toHaveCount(3);
  await expect(channels.nth(1)).toHaveAttribute("data-channel", "chat");
  await expect(channels.nth(2)).toHaveAttribute("data-channel", "phone");
});
