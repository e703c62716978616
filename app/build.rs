//! Compiles the translation files `locales/{et,en,ru}.toml` into a `Texts` struct with one
//! `&'static str` field per key and one static per language. A key missing from (or extra in)
//! any language fails the build, so a page can never show an untranslated key.

use std::{collections::BTreeMap, env, fmt::Write, fs, path::Path};

const LANGS: [&str; 3] = ["et", "en", "ru"];

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("locales");
    let mut tables: Vec<(&str, BTreeMap<String, String>)> = Vec::new();
    for lang in LANGS {
        let path = dir.join(format!("{lang}.toml"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let table: BTreeMap<String, String> =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for key in table.keys() {
            assert!(
                !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{}: key `{key}` must be snake_case",
                path.display()
            );
        }
        tables.push((lang, table));
    }
    let (_, reference) = &tables[1]; // English is the reference key set.
    let mut problems = Vec::new();
    for (lang, table) in &tables {
        for key in reference.keys().filter(|k| !table.contains_key(*k)) {
            problems.push(format!("locales/{lang}.toml lacks `{key}`"));
        }
        for key in table.keys().filter(|k| !reference.contains_key(*k)) {
            problems.push(format!("locales/{lang}.toml has `{key}`, which en.toml does not"));
        }
    }
    assert!(problems.is_empty(), "translation files disagree:\n{}", problems.join("\n"));

    let mut out = String::from("/// Every user-facing text, one field per key of `locales/*.toml`.\n#[derive(Debug)]\npub struct Texts {\n");
    for key in reference.keys() {
        writeln!(out, "    pub {key}: &'static str,").unwrap();
    }
    out.push_str("}\n");
    for (lang, table) in &tables {
        writeln!(out, "pub static {}: Texts = Texts {{", lang.to_uppercase()).unwrap();
        for (key, value) in table {
            writeln!(out, "    {key}: {value:?},").unwrap();
        }
        out.push_str("};\n");
    }
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("texts.rs"), out).unwrap();
}
