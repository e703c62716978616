// Starts the release build (target/release/server, target/site) on a fresh SQLite database
// with the demo catalog, for the scripts that measure it (lighthouse.mjs).
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Returns `{ base, sql(query) → first column of the first row, stop() }` once /healthz answers. */
export async function startServer(port, name) {
  const dbFile = path.join(root, `data/${name}.db`);
  for (const f of ["", "-wal", "-shm"]) fs.rmSync(dbFile + f, { force: true });
  const child = spawn(process.env.TURG_SERVER_BIN ?? path.join(root, "target/release/server"), [], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: `sqlite://${dbFile}?mode=rwc`,
      TURG_DEMO: "1",
      TURG_PAYMENT_PROVIDER: "sandbox",
      TURG_DEV: "1",
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: "target/site",
      LEPTOS_OUTPUT_NAME: "turg",
      LEPTOS_ENV: "PROD",
      RUST_LOG: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) break;
    } catch {}
    if (i > 600 || child.exitCode !== null) {
      child.kill("SIGTERM");
      throw new Error("the server did not become ready");
    }
    await sleep(200);
  }
  const sql = (q) =>
    execFileSync("python3", ["-c", "import sqlite3,sys;print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])", dbFile, q], {
      encoding: "utf8",
    }).trim();
  return { base, sql, stop: () => child.kill("SIGTERM") };
}
