// The UI texts, read from the same translation files the app is built from, so the tests
// check the real translations rather than copies of them.
import fs from "node:fs";
import path from "node:path";

export const LANGS = ["et", "en", "ru"] as const;
export type Lang = (typeof LANGS)[number];

function load(lang: Lang): Record<string, string> {
  const dir = path.join(__dirname, "..", "..", "app", "locales", lang);
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".toml"))) {
    for (const line of fs.readFileSync(path.join(dir, name), "utf8").split("\n")) {
      const m = line.match(/^([a-z0-9_]+)\s*=\s*"(.*)"\s*$/);
      if (m) out[m[1]] = JSON.parse(`"${m[2]}"`);
    }
  }
  return out;
}

export const TEXTS: Record<Lang, Record<string, string>> = {
  et: load("et"),
  en: load("en"),
  ru: load("ru"),
};
