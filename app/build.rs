//! Compiles the translation files `locales/{et,en,ru}/*.toml` (one file per part of the shop,
//! merged) into a `Texts` struct with one `&'static str` field per key and one static per
//! language. A key missing from (or extra in) any language, or defined twice, fails the build,
//! so a page can never show an untranslated key.

use std::{collections::BTreeMap, env, fmt::Write, fs, path::Path};

const LANGS: [&str; 3] = ["et", "en", "ru"];
/// Parts whose texts only the server uses (e-mails): they stay out of the WASM.
const SERVER_ONLY: [&str; 1] = ["email"];
/// Parts (`area_*.toml`) whose texts only the seller's and administrators' pages use: they go
/// into `AreaTexts`, which the server sends with those pages (see `i18n::area`), so they do
/// not weigh on every shopper's first visit as the `Texts` compiled into the WASM do.
const AREA_PREFIX: &str = "area_";

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("locales");
    let mut tables: Vec<(&str, BTreeMap<String, String>)> = Vec::new();
    let mut server_only = std::collections::BTreeSet::new();
    let mut area = std::collections::BTreeSet::new();
    for lang in LANGS {
        let lang_dir = dir.join(lang);
        println!("cargo:rerun-if-changed={}", lang_dir.display());
        let mut files: Vec<_> = fs::read_dir(&lang_dir)
            .unwrap_or_else(|e| panic!("{}: {e}", lang_dir.display()))
            .map(|entry| entry.expect("readable locale directory").path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        let mut table = BTreeMap::new();
        for path in files {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let part: BTreeMap<String, String> =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            for (key, value) in part {
                assert!(
                    !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                    "{}: key `{key}` must be snake_case",
                    path.display()
                );
                if path.file_stem().is_some_and(|stem| SERVER_ONLY.iter().any(|s| stem == *s)) {
                    server_only.insert(key.clone());
                }
                if path.file_stem().and_then(|s| s.to_str()).is_some_and(|stem| stem.starts_with(AREA_PREFIX)) {
                    area.insert(key.clone());
                }
                assert!(table.insert(key.clone(), value).is_none(), "{}: key `{key}` is defined twice", path.display());
            }
        }
        tables.push((lang, table));
    }
    let (_, reference) = &tables[1]; // English is the reference key set.
    let mut problems = Vec::new();
    for (lang, table) in &tables {
        for key in reference.keys().filter(|k| !table.contains_key(*k)) {
            problems.push(format!("locales/{lang}/ lacks `{key}`"));
        }
        for key in table.keys().filter(|k| !reference.contains_key(*k)) {
            problems.push(format!("locales/{lang}/ has `{key}`, which locales/en/ does not"));
        }
        // A placeholder misspelt in one language would reach shoppers as literal text.
        for (key, value) in table {
            if let Some(english) = reference.get(key) {
                let (theirs, ours) = (placeholders(value), placeholders(english));
                if theirs != ours {
                    problems.push(format!(
                        "locales/{lang}/ `{key}` has the placeholders {theirs:?}, locales/en/ has {ours:?}"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "translation files disagree:\n{}", problems.join("\n"));

    let mut out = String::from("/// Every user-facing text, one field per key of `locales/*/*.toml`.\n#[derive(Debug)]\npub struct Texts {\n");
    let cfg = |key: &str| if server_only.contains(key) { "#[cfg(feature = \"ssr\")] " } else { "" };
    for key in reference.keys().filter(|k| !area.contains(*k)) {
        writeln!(out, "    {}pub {key}: &'static str,", cfg(key)).unwrap();
    }
    out.push_str("}\n");
    for (lang, table) in &tables {
        writeln!(out, "pub static {}: Texts = Texts {{", lang.to_uppercase()).unwrap();
        for (key, value) in table.iter().filter(|(k, _)| !area.contains(*k)) {
            writeln!(out, "    {}{key}: {value:?},", cfg(key)).unwrap();
        }
        out.push_str("};\n");
    }
    // The area's texts: the same shape, plus the order in which they cross to the browser.
    let keys: Vec<&String> = area.iter().collect();
    out.push_str("/// The seller's and administrators' texts, one field per key of `locales/*/area_*.toml`.\n#[derive(Debug)]\npub struct AreaTexts {\n");
    for key in &keys {
        writeln!(out, "    pub {key}: &'static str,").unwrap();
    }
    out.push_str("}\n");
    writeln!(out, "impl AreaTexts {{\n    pub const LEN: usize = {};", keys.len()).unwrap();
    out.push_str("    /// Every text, in key order.\n    pub fn all(&self) -> [&'static str; Self::LEN] {\n        [");
    for key in &keys {
        write!(out, "self.{key}, ").unwrap();
    }
    out.push_str("]\n    }\n    /// The texts in key order (as [`AreaTexts::all`] lists them).\n    pub fn from_all(all: [&'static str; Self::LEN]) -> AreaTexts {\n        let [");
    for key in &keys {
        write!(out, "{key}, ").unwrap();
    }
    out.push_str("] = all;\n        AreaTexts { ");
    for key in &keys {
        write!(out, "{key}, ").unwrap();
    }
    out.push_str("}\n    }\n}\n");
    for (lang, table) in &tables {
        writeln!(out, "#[cfg(feature = \"ssr\")]\npub static AREA_{}: AreaTexts = AreaTexts {{", lang.to_uppercase()).unwrap();
        for key in &keys {
            writeln!(out, "    {key}: {:?},", table[*key]).unwrap();
        }
        out.push_str("};\n");
    }
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("texts.rs"), out).unwrap();
    help_articles();
}

/// The help centre's articles as the shop ships them (`help/articles/<slug>/<lang>.md`), as
/// `(slug, lang, text)` for `help::builtin` (server only), and the categories' names.
fn help_articles() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("help");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut out = String::from("pub static ARTICLES: &[(&str, &str, &str)] = &[\n");
    let articles = root.join("articles");
    let mut slugs: Vec<_> = fs::read_dir(&articles).map(|d| d.map(|e| e.expect("readable").path()).collect()).unwrap_or_default();
    slugs.sort();
    for dir in slugs.iter().filter(|p| p.is_dir()) {
        println!("cargo:rerun-if-changed={}", dir.display());
        let slug = dir.file_name().unwrap().to_str().unwrap().to_owned();
        assert!(slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "help article slug `{slug}`");
        let mut files: Vec<_> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "md")).collect();
        files.sort();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let lang = file.file_stem().unwrap().to_str().unwrap().to_owned();
            writeln!(out, "    ({slug:?}, {lang:?}, include_str!({:?})),", file.display().to_string()).unwrap();
        }
    }
    out.push_str("];\n");
    let categories = root.join("categories.toml");
    println!("cargo:rerun-if-changed={}", categories.display());
    out.push_str("pub static CATEGORIES: &[(&str, &str, &str, &str)] = &[\n");
    if let Ok(text) = fs::read_to_string(&categories) {
        let table: BTreeMap<String, BTreeMap<String, String>> = toml::from_str(&text).expect("help/categories.toml");
        for (slug, names) in &table {
            let name = |l: &str| names.get(l).cloned().unwrap_or_else(|| panic!("help category {slug}: no {l} name"));
            writeln!(out, "    ({slug:?}, {:?}, {:?}, {:?}),", name("et"), name("en"), name("ru")).unwrap();
        }
    }
    out.push_str("];\n");
    // The question set the retrieval is measured on (a test), as (lang, question, article).
    #[derive(serde::Deserialize)]
    struct Question {
        lang: String,
        q: String,
        article: String,
    }
    #[derive(serde::Deserialize)]
    struct Questions {
        #[serde(default)]
        question: Vec<Question>,
    }
    let questions = root.join("questions.toml");
    println!("cargo:rerun-if-changed={}", questions.display());
    out.push_str("#[cfg(test)]\npub static QUESTIONS: &[(&str, &str, &str)] = &[\n");
    if let Ok(text) = fs::read_to_string(&questions) {
        let set: Questions = toml::from_str(&text).expect("help/questions.toml");
        for q in set.question {
            writeln!(out, "    ({:?}, {:?}, {:?}),", q.lang, q.q, q.article).unwrap();
        }
    }
    out.push_str("];\n");
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("help_articles.rs"), out).unwrap();
}

/// The `{name}` placeholders of a text (as `i18n::fill` replaces them), sorted and distinct.
fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}
