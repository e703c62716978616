// Read-only queries on the end-to-end server's SQLite database, so tests can predict what a
// page must show from the data itself. Python's sqlite3 module does the reading (no native
// Node module to build).
import { execFileSync } from "node:child_process";
import path from "node:path";

const DB = path.join(__dirname, "..", "..", "data", "e2e.db");
const PY =
  "import sqlite3, json, sys\n" +
  "c = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)\n" +
  "c.row_factory = sqlite3.Row\n" +
  "print(json.dumps([dict(r) for r in c.execute(sys.argv[2], json.loads(sys.argv[3]))]))\n";

export function query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): T[] {
  return JSON.parse(execFileSync("python3", ["-c", PY, DB, sql, JSON.stringify(params)], { encoding: "utf8" }));
}

/** Changes the database as a step no UI makes yet would (e.g. a carrier reporting a delivery
 *  before the seller area exists). Returns how many rows changed. */
export function execute(sql: string, params: unknown[] = []): number {
  const py =
    "import sqlite3, json, sys\n" +
    "c = sqlite3.connect(sys.argv[1], timeout=10)\n" +
    "n = c.execute(sys.argv[2], json.loads(sys.argv[3])).rowcount\n" +
    "c.commit()\n" +
    "print(n)\n";
  return Number(execFileSync("python3", ["-c", py, DB, sql, JSON.stringify(params)], { encoding: "utf8" }).trim());
}
