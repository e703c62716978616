import { defineConfig } from "@playwright/test";
import path from "node:path";

// Every spec runs twice: with JavaScript disabled (server-rendered HTML and plain links/forms)
// and hydrated (the WASM app takes over). The server is the release build cargo-leptos made,
// on a fresh SQLite database seeded with the demo catalog.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const root = path.join(__dirname, "..");

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "no-js", use: { javaScriptEnabled: false } },
    { name: "hydrated", use: { javaScriptEnabled: true } },
  ],
  webServer: {
    // TURG_SERVER_BIN: another build of the server (default: the release build).
    command: `rm -f data/e2e.db data/e2e.db-shm data/e2e.db-wal && exec ${process.env.TURG_SERVER_BIN ?? "target/release/server"}`,
    cwd: root,
    env: {
      DATABASE_URL: "sqlite://data/e2e.db?mode=rwc",
      TURG_DEMO: "1",
      TURG_PAYMENT_PROVIDER: "sandbox",
      TURG_DEV: "1",
      // Lets a test read the server's clock at an instant it sets (a cookie); refused without TURG_DEV.
      TURG_TEST_CLOCK: "1",
      LEPTOS_SITE_ADDR: `127.0.0.1:${PORT}`,
      LEPTOS_SITE_ROOT: "target/site",
      LEPTOS_OUTPUT_NAME: "turg",
      LEPTOS_ENV: "PROD",
      RUST_LOG: "warn",
    },
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
