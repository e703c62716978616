// Two server instances on one PostgreSQL database (the production topology), driven over
// HTTP. Shows that:
//   1. a price change is seen on the other instance's product page and search within the
//      change feed's delay (both page caches evicted);
//   2. the last unit of an offer, raced through both instances at once, is sold once;
//   3. a payment notification handled by one instance is seen by the other;
//   4. an instance without a configured payment provider has no sandbox bank (404).
// Usage: node end2end/two-instances.mjs   (needs target/release/server or TURG_SERVER_BIN, and the local
// PostgreSQL at 127.0.0.1:5432; creates and drops the database turg_two_instances).
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import { sleep, spawnServer } from "./server.mjs";

const PG = process.env.TEST_POSTGRES_BASE ?? "postgres://postgres@127.0.0.1:5432";
const DB = "turg_two_instances";
const SECRET = "two-instances-test-secret-of-at-least-32-bytes";
const PORTS = [3201, 3202, 3203];
const servers = [];
let passed = 0;
let failed = 0;

const psql = (sql) =>
  execFileSync("psql", ["-h", "127.0.0.1", "-U", "postgres", "-d", DB, "-tAq", "-c", sql], { encoding: "utf8" }).trim();
const admin = (sql) => execFileSync("psql", ["-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-tAq", "-c", sql]);

/** A server on the shared PostgreSQL database; `env` over the common settings. */
async function start(port, env = {}) {
  const server = await spawnServer(port, {
    DATABASE_URL: `${PG}/${DB}`,
    TURG_PAYMENT_PROVIDER: "sandbox",
    TURG_PAYMENT_SECRET: SECRET,
    ...env,
  });
  servers.push(server);
  return server.base;
}

async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`  ✓ ${name}`);
  } catch (e) {
    failed++;
    console.log(`  ✘ ${name}\n    ${e.stack ?? e}`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

async function eventually(what, fn, ms = 8000) {
  const until = Date.now() + ms;
  for (;;) {
    if (await fn()) return;
    if (Date.now() > until) throw new Error(`not within ${ms} ms: ${what}`);
    await sleep(200);
  }
}

const euros = (cents) => (cents / 100).toFixed(2); // as the English pages write it (below 1,000 €)

/** A new cart on `base` holding `quantity` of the offer; returns its cookie. */
async function cartWith(base, offerId, quantity = 1) {
  const res = await fetch(`${base}/api/cart_add`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ lang: "en", offer_id: String(offerId), quantity: String(quantity) }),
  });
  assert(res.status === 200, `cart_add answered ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  assert(cookie.startsWith("turg_cart="), "a cart cookie");
  return cookie;
}

async function checkout(base, cookie, who) {
  return fetch(`${base}/api/place_order`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({
      lang: "en",
      name: `Racer ${who}`,
      email: `racer.${who}@example.ee`,
      phone: "+37251234567",
      street: "Pikk 1",
      city: "Tallinn",
      postal_code: "10123",
      county: "harju",
      comment: "",
      payment: "bank:lhv",
    }),
  });
}

/** The sandbox's signature: HMAC-SHA-256 over length-prefixed reference, outcome, amount. */
function sign(reference, outcome, amount) {
  const mac = crypto.createHmac("sha256", SECRET);
  for (const field of [reference, outcome, String(amount)]) {
    const bytes = Buffer.from(field, "utf8");
    const len = Buffer.alloc(4);
    len.writeUInt32BE(bytes.length);
    mac.update(len);
    mac.update(bytes);
  }
  return mac.digest("hex");
}

async function main() {
  admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  admin(`CREATE DATABASE ${DB}`);
  // The first instance migrates and seeds; the second starts on the ready database.
  const a = await start(PORTS[0], { TURG_DEMO: "1" });
  const b = await start(PORTS[1]);
  console.log(`two instances on one PostgreSQL database: ${a} and ${b}`);

  await check("a price change is seen on the other instance's product page and search", async () => {
    const row = psql(
      `SELECT o.id || '|' || p.slug || '|' || o.price_cents FROM offers o JOIN products p ON p.id = o.product_id
       WHERE o.active AND o.stock > 0 AND p.offer_count = 1 ORDER BY o.id LIMIT 1`,
    );
    const [offerId, slug] = row.split("|");
    const title = psql(`SELECT t.title FROM product_texts t JOIN products p ON p.id = t.product_id WHERE p.slug = '${slug}' AND t.lang = 'en'`);
    // Both instances have the page in their caches.
    for (const base of [a, b]) {
      await fetch(`${base}/en/p/${slug}`);
      assert((await fetch(`${base}/en/p/${slug}`)).headers.get("x-cache") === "hit", `${base} caches the page`);
    }
    const price = 12345 + Math.floor(Math.random() * 1000);
    // A writer (here: SQL, as a seller tool would through any instance) changes the price
    // and touches the product; each instance learns it from the change feed.
    psql(`UPDATE offers SET price_cents = ${price} WHERE id = ${offerId}`);
    psql(`UPDATE products SET min_price_cents = ${price}, updated_at = now() WHERE slug = '${slug}'`);
    for (const base of [a, b]) {
      await eventually(`${base} shows the new price`, async () => (await (await fetch(`${base}/en/p/${slug}`)).text()).includes(euros(price)));
      await eventually(`${base} search shows the new price`, async () => {
        const html = await (await fetch(`${base}/en/search?q=${encodeURIComponent(title)}`)).text();
        return html.includes(euros(price));
      });
    }
  });

  await check("the last unit raced through both instances is sold once", async () => {
    const offerId = psql(
      `SELECT o.id FROM offers o JOIN products p ON p.id = o.product_id WHERE o.active AND o.stock > 5 AND NOT p.cold_chain
       AND o.delivery_method_ids IS NULL ORDER BY o.id DESC LIMIT 1`,
    );
    const carts = [];
    for (let i = 0; i < 6; i++) carts.push(await cartWith(i % 2 ? b : a, offerId));
    psql(`UPDATE offers SET stock = 1 WHERE id = ${offerId}`);
    const answers = await Promise.all(carts.map((c, i) => checkout(i % 2 ? b : a, c, i)));
    const ok = answers.filter((r) => r.status === 200).length;
    const orders = Number(
      psql(`SELECT COUNT(DISTINCT l.order_id) FROM order_lines l JOIN orders o ON o.id = l.order_id
            WHERE l.offer_id = ${offerId} AND o.status = 'awaiting_payment'`),
    );
    assert(orders === 1, `one order holds the unit (${orders}; ${ok} answers 200: ${answers.map((r) => r.status)})`);
    assert(psql(`SELECT stock FROM offers WHERE id = ${offerId}`) === "0", "stock is 0, never negative");
  });

  await check("a payment notification handled by one instance is seen by the other", async () => {
    const offerId = psql(
      `SELECT o.id FROM offers o JOIN products p ON p.id = o.product_id WHERE o.active AND o.stock > 5 AND NOT p.cold_chain
       AND o.delivery_method_ids IS NULL ORDER BY o.id LIMIT 1`,
    );
    const cookie = await cartWith(a, offerId);
    const placed = await checkout(a, cookie, "payer");
    assert(placed.status === 200, `checkout answered ${placed.status}`);
    const body = await placed.text();
    const reference = body.match(/pay\/sandbox\/([0-9a-f]{32})/)?.[1];
    assert(reference, `a bank address in ${body}`);
    const amount = psql(`SELECT amount_cents FROM payments WHERE reference = '${reference}'`);
    const form = new URLSearchParams({ reference, status: "paid", amount, sig: sign(reference, "paid", amount) });
    const notified = await fetch(`${a}/payment/notify`, { method: "POST", body: form });
    assert(notified.status === 200, `notification answered ${notified.status}`);
    const again = await fetch(`${b}/payment/notify`, { method: "POST", body: form });
    assert(again.status === 200 && (await again.text()).includes("already"), "the repeat on the other instance changes nothing");
    // The other instance's bank page knows the payment is decided.
    const bankPage = await (await fetch(`${b}/en/pay/sandbox/${reference}`)).text();
    assert(!bankPage.includes('name="outcome"'), "the other instance's bank page shows the payment decided");
    // The order page on the other instance, opened by the browser that holds the order's cart.
    const orderId = psql(`SELECT order_id FROM payments WHERE reference = '${reference}'`);
    const page = await (await fetch(`${b}/en/orders/${orderId}`, { headers: { Cookie: cookie } })).text();
    assert(/TRG-\d{6}/.test(page), "the other instance shows the paid order with its invoice number");
    assert(psql(`SELECT COUNT(*) FROM outbox WHERE kind = 'order_confirmation' AND to_address = 'racer.payer@example.ee'`) === "1", "one confirmation");
  });

  await check("an instance without a payment provider has no sandbox bank", async () => {
    const c = await start(PORTS[2], { TURG_PAYMENT_PROVIDER: "" });
    const reference = psql(`SELECT reference FROM payments ORDER BY id LIMIT 1`);
    assert((await fetch(`${c}/en/pay/sandbox/${reference}`)).status === 404, "the bank page is 404");
    const decide = await fetch(`${c}/payment/sandbox/decide`, {
      method: "POST",
      body: new URLSearchParams({ reference, outcome: "paid" }),
    });
    assert(decide.status === 404, `the decision endpoint is 404 (${decide.status})`);
  });
}

try {
  await main();
} catch (e) {
  failed++;
  console.log(`  ✘ setup: ${e.stack ?? e}`);
} finally {
  for (const s of servers) s.stop();
  await sleep(500);
  try {
    admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  } catch {}
}
console.log(`two instances: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
