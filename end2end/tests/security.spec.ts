// Request hygiene over HTTP, against the running server: cross-site writes refused, security
// headers on every page, personal pages never stored, malformed server-function arguments
// answered 400, and the page cache not steerable by query strings.
import { expect, test } from "@playwright/test";
import { query } from "./db";

const EVIL = "https://evil.example";

function someProduct(): string {
  return query<{ slug: string }>("SELECT slug FROM products WHERE offer_count > 0 AND slug <> 'hostile-product' ORDER BY id LIMIT 1 OFFSET 57")[0].slug;
}

test("a cross-site POST to a server function or the bank's decision is refused and changes nothing", async ({ request, baseURL }) => {
  // Other specs run at the same time, so "nothing changed" is read from this request alone: a
  // refused post makes no cart (no cookie) and reserves nothing.
  const offer = query<{ id: number }>("SELECT id FROM offers WHERE active = 1 AND stock > 0 ORDER BY id LIMIT 1")[0].id;
  const refused = await request.post("/api/cart_add", {
    headers: { Origin: EVIL, Accept: "text/html", "Accept-Language": "en" },
    form: { lang: "en", offer_id: String(offer), quantity: "1" },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(403);
  expect(refused.headers()["set-cookie"]).toBeUndefined();
  expect(await refused.text()).toContain("another website");
  // Without Origin, the browser's fetch metadata or Referer tell.
  const bySite = await request.post("/api/cart_add", {
    headers: { "Sec-Fetch-Site": "cross-site" },
    form: { lang: "en", offer_id: String(offer), quantity: "1" },
  });
  expect(bySite.status()).toBe(403);
  const byReferer = await request.post("/api/cart_add", {
    headers: { Referer: `${EVIL}/page` },
    form: { lang: "en", offer_id: String(offer), quantity: "1" },
  });
  expect(byReferer.status()).toBe(403);
  for (const res of [bySite, byReferer]) expect(res.headers()["set-cookie"]).toBeUndefined();
  const bank = await request.post("/payment/sandbox/decide", {
    headers: { Origin: EVIL },
    form: { reference: "x", outcome: "paid" },
  });
  expect(bank.status()).toBe(403);
  // The same post from the shop itself works.
  const own = await request.post("/api/cart_add", {
    headers: { Origin: new URL(baseURL!).origin },
    form: { lang: "en", offer_id: String(offer), quantity: "1" },
  });
  expect(own.status()).toBe(200);
  expect(own.headers()["set-cookie"] ?? "").toContain("turg_cart=");
});

test("every page carries the security headers; personal pages are no-store", async ({ request }) => {
  const slug = someProduct();
  for (const path of ["/en", `/en/p/${slug}`, `/en/p/${slug}/offers`, "/en/sellers", "/en/search?q=milk", "/en/cart", "/en/checkout", "/en/nope"]) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("same-origin");
    expect(h["x-frame-options"], path).toBe("DENY");
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
    expect(csp, path).not.toContain("unsafe-inline");
  }
  for (const path of ["/en/cart", "/en/checkout", "/en/orders/1?key=0", "/en/admin/outbox", "/en/pay/sandbox/nothing"]) {
    const res = await request.get(path);
    expect(res.headers()["cache-control"], path).toBe("no-store");
  }
  expect((await request.get("/en")).headers()["cache-control"] ?? "").not.toContain("no-store");
});

test("malformed server function arguments get 400 and change nothing", async ({ request }) => {
  for (const [endpoint, form] of [
    ["cart_county", { lang: "en", county: "xx" }],
    ["cart_add", { lang: "en", offer_id: "1", quantity: "1e10" }],
    ["cart_add", { lang: "en", offer_id: "1" }],
  ] as const) {
    const res = await request.post(`/api/${endpoint}`, { form: { ...form } });
    expect(res.status(), `${endpoint} ${JSON.stringify(form)}`).toBe(400);
    expect(await res.text()).not.toMatch(/invalid digit|missing field|unknown variant/);
    expect(res.headers()["set-cookie"], "no cart was made").toBeUndefined();
  }
});

test("random query strings neither evict nor grow the product page cache", async ({ request }) => {
  const slug = someProduct();
  await request.get(`/en/p/${slug}`);
  expect((await request.get(`/en/p/${slug}`)).headers()["x-cache"]).toBe("hit");
  for (let i = 0; i < 5; i++) {
    expect((await request.get(`/en/p/${slug}?utm=${i}`)).headers()["x-cache"]).toBe("bypass");
  }
  expect((await request.get(`/en/p/${slug}`)).headers()["x-cache"]).toBe("hit");
  expect((await request.get(`/en/p/${slug}?county=tartu`)).headers()["x-cache"]).toMatch(/miss|hit/);
});
