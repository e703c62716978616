// Turg's service worker.
// - Hashed build assets (/pkg/*, names carry a content hash) are cached on first use and
//   served from the cache afterwards: they never change under the same name.
// - Images and icons: cache first, refreshed in the background.
// - Page navigations go to the network; when it is gone, the cached copy of that page or the
//   offline page is shown. Only public pages are kept: never the cart, checkout, orders,
//   payment, account, pantry, seller or admin pages, nor any response marked no-store/private.
// Bump VERSION when this file's caching rules change; old caches are removed on activation.
const VERSION = "v2";
const STATIC_CACHE = `turg-static-${VERSION}`;
const PAGE_CACHE = `turg-pages-${VERSION}`;
const PRECACHE = ["/offline.html", "/icons/icon.svg", "/icons/icon-192.png", "/manifest.webmanifest"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(STATIC_CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== STATIC_CACHE && k !== PAGE_CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

async function cacheFirst(request) {
  const cache = await caches.open(STATIC_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

async function staleWhileRevalidate(request) {
  const cache = await caches.open(STATIC_CACHE);
  const hit = await cache.match(request);
  const refresh = fetch(request)
    .then((response) => {
      if (response.ok) cache.put(request, response.clone());
      return response;
    })
    .catch(() => hit);
  return hit || refresh;
}

// Pages that belong to one visitor (the server also marks them Cache-Control: no-store).
const PERSONAL = /^\/[a-z]{2}\/(cart|checkout|orders|pay|account|pantry|seller|admin)(\/|$)/;

function keepable(url, response) {
  if (!response.ok || PERSONAL.test(url.pathname)) return false;
  const cacheControl = response.headers.get("Cache-Control") || "";
  return !/no-store|private/i.test(cacheControl);
}

async function networkFirstPage(request) {
  const cache = await caches.open(PAGE_CACHE);
  const url = new URL(request.url);
  try {
    const response = await fetch(request);
    if (keepable(url, response)) cache.put(request, response.clone());
    return response;
  } catch (err) {
    const kept = PERSONAL.test(url.pathname) ? undefined : await cache.match(request);
    return kept || (await caches.match("/offline.html"));
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirstPage(request));
  } else if (url.pathname.startsWith("/pkg/")) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname.startsWith("/img/") || url.pathname.startsWith("/icons/")) {
    event.respondWith(staleWhileRevalidate(request));
  }
});
