// Starts the release build (target/release/server, target/site; TURG_SERVER_BIN overrides the
// binary) for the scripts that drive it over HTTP: lighthouse.mjs and two-instances.mjs.
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Spawns a server on `port` with `env` over the defaults (production mode, logs at warn) and
 * waits until /healthz answers. Returns `{ base, stop() }`; throws if it exits or never answers.
 */
export async function spawnServer(port, env) {
  const child = spawn(process.env.TURG_SERVER_BIN ?? path.join(root, "target/release/server"), [], {
    cwd: root,
    env: {
      ...process.env,
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: "target/site",
      LEPTOS_OUTPUT_NAME: "turg",
      LEPTOS_ENV: "PROD",
      RUST_LOG: "warn",
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => child.kill("SIGTERM");
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) break;
    } catch {}
    if (i > 600 || child.exitCode !== null) {
      stop();
      throw new Error(`the server on port ${port} did not become ready`);
    }
    await sleep(200);
  }
  return { base, stop };
}

/**
 * A server on a fresh SQLite database `data/<name>.db` with the demo catalog. Returns
 * `{ base, sql(query) → first column of the first row, stop() }` once it answers.
 */
export async function startServer(port, name) {
  const dbFile = path.join(root, `data/${name}.db`);
  for (const f of ["", "-wal", "-shm"]) fs.rmSync(dbFile + f, { force: true });
  const server = await spawnServer(port, {
    DATABASE_URL: `sqlite://${dbFile}?mode=rwc`,
    TURG_DEMO: "1",
    TURG_PAYMENT_PROVIDER: "sandbox",
    TURG_DEV: "1",
  });
  const sql = (q) =>
    execFileSync("python3", ["-c", "import sqlite3,sys;print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])", dbFile, q], {
      encoding: "utf8",
    }).trim();
  return { ...server, sql };
}
