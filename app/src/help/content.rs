//! Help articles as they are written: a front matter of `key = "value"` lines between `+++`
//! lines (title, category, summary, keywords), then a body of plain paragraphs, `## `
//! headings, `- ` list items and `[text](/path)` links. Pure: parsing the files the shop ships
//! with (and what agents save), and turning a body into blocks a page renders as text (never
//! as markup: nothing in an article can become HTML).

use serde::{Deserialize, Serialize};

/// An article's fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub title: String,
    pub category: String,
    pub summary: String,
    pub keywords: String,
    pub body: String,
}

/// Why an article file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("no front matter between +++ lines")]
    NoFrontMatter,
    #[error("line {0} of the file is not key = \"value\"")]
    BadLine(usize),
    #[error("{0} is missing")]
    Missing(&'static str),
}

/// Reads an article file.
pub fn parse(text: &str) -> Result<Article, ParseError> {
    let text = text.trim_start_matches('\u{feff}');
    let rest = text.trim_start().strip_prefix("+++").ok_or(ParseError::NoFrontMatter)?;
    let (front, body) = rest.split_once("\n+++").ok_or(ParseError::NoFrontMatter)?;
    let mut a = Article { body: body.trim_start_matches(['\r', '\n']).trim_end().to_owned(), ..Article::default() };
    for (i, line) in front.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line.split_once('=').ok_or(ParseError::BadLine(i + 1))?;
        let value = value.trim();
        // A trailing comment after the closing quote is allowed.
        let value = value.strip_prefix('"').and_then(|v| v.rfind('"').map(|end| &v[..end])).ok_or(ParseError::BadLine(i + 1))?;
        let value = value.replace("\\\"", "\"");
        match key.trim() {
            "title" => a.title = value,
            "category" => a.category = value,
            "summary" => a.summary = value,
            "keywords" => a.keywords = value,
            _ => {}
        }
    }
    for (field, name) in [(&a.title, "title"), (&a.category, "category"), (&a.summary, "summary")] {
        if field.trim().is_empty() {
            return Err(ParseError::Missing(name));
        }
    }
    Ok(a)
}

/// A piece of inline text: plain, or a link inside the shop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    /// Text and a path without the language (`/account/orders`).
    Link(String, String),
}

/// A block of an article's body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    Heading(String),
    Paragraph(Vec<Inline>),
    List(Vec<Vec<Inline>>),
}

/// `[text](/path)` links inside a line; only paths inside the shop (starting with one `/`)
/// become links, anything else stays text.
pub fn inlines(line: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut rest = line;
    let mut text = String::new();
    while let Some(start) = rest.find('[') {
        let after = &rest[start + 1..];
        let parsed = after.find("](").and_then(|mid| {
            let target = &after[mid + 2..];
            target.find(')').map(|end| (&after[..mid], &target[..end], &target[end + 1..]))
        });
        match parsed {
            Some((label, path, tail)) if path.starts_with('/') && !path.starts_with("//") && !label.contains('[') => {
                text.push_str(&rest[..start]);
                if !text.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut text)));
                }
                out.push(Inline::Link(label.to_owned(), path.to_owned()));
                rest = tail;
            }
            _ => {
                text.push_str(&rest[..start + 1]);
                rest = after;
            }
        }
    }
    text.push_str(rest);
    if !text.is_empty() {
        out.push(Inline::Text(text));
    }
    out
}

/// The body as blocks: `## ` headings, runs of `- ` items as one list, other lines joined
/// into paragraphs (a blank line ends one).
pub fn blocks(body: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut items: Vec<Vec<Inline>> = Vec::new();
    let flush = |out: &mut Vec<Block>, para: &mut Vec<&str>, items: &mut Vec<Vec<Inline>>| {
        if !para.is_empty() {
            out.push(Block::Paragraph(inlines(&para.join(" "))));
            para.clear();
        }
        if !items.is_empty() {
            out.push(Block::List(std::mem::take(items)));
        }
    };
    for line in body.lines().map(str::trim) {
        if line.is_empty() {
            flush(&mut out, &mut para, &mut items);
        } else if let Some(h) = line.strip_prefix("## ") {
            flush(&mut out, &mut para, &mut items);
            out.push(Block::Heading(h.trim().to_owned()));
        } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            if !para.is_empty() {
                out.push(Block::Paragraph(inlines(&para.join(" "))));
                para.clear();
            }
            items.push(inlines(item.trim()));
        } else {
            if !items.is_empty() {
                out.push(Block::List(std::mem::take(&mut items)));
            }
            para.push(line);
        }
    }
    flush(&mut out, &mut para, &mut items);
    out
}

/// The body's words without link syntax (for search).
pub fn plain(body: &str) -> String {
    let mut out = String::new();
    for b in blocks(body) {
        let parts: Vec<Vec<Inline>> = match b {
            Block::Heading(h) => vec![vec![Inline::Text(h)]],
            Block::Paragraph(p) => vec![p],
            Block::List(items) => items,
        };
        for p in parts {
            for i in p {
                match i {
                    Inline::Text(t) | Inline::Link(t, _) => out.push_str(&t),
                }
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "+++\ntitle = \"How do I cancel?\"\ncategory = \"orders\"\nsummary = \"Open the order.\"  # short\nkeywords = \"cancel, stop\"\n+++\nFirst line\nsecond line with [My orders](/account/orders).\n\n## Shipped?\n- Refuse the parcel\n- Or write to [us](https://evil.example)\n";

    #[test]
    fn front_matter_and_body() {
        let a = parse(FILE).unwrap();
        assert_eq!((a.title.as_str(), a.category.as_str(), a.summary.as_str(), a.keywords.as_str()), ("How do I cancel?", "orders", "Open the order.", "cancel, stop"));
        assert!(a.body.starts_with("First line"));
        assert_eq!(parse("no front matter"), Err(ParseError::NoFrontMatter));
        assert_eq!(parse("+++\ntitle = \"x\"\ncategory = \"y\"\n+++\n"), Err(ParseError::Missing("summary")));
        assert_eq!(parse("+++\ntitle: x\n+++\n"), Err(ParseError::BadLine(2)), "the line of the file");
    }

    #[test]
    fn blocks_and_only_inner_links() {
        let b = blocks(&parse(FILE).unwrap().body);
        assert_eq!(b.len(), 3);
        assert_eq!(
            b[0],
            Block::Paragraph(vec![
                Inline::Text("First line second line with ".into()),
                Inline::Link("My orders".into(), "/account/orders".into()),
                Inline::Text(".".into())
            ])
        );
        assert_eq!(b[1], Block::Heading("Shipped?".into()));
        let Block::List(items) = &b[2] else { panic!("{b:?}") };
        assert_eq!(items.len(), 2);
        assert_eq!(items[1], vec![Inline::Text("Or write to [us](https://evil.example)".into())], "an outside address stays text");
        assert_eq!(inlines("[x](//evil.example)"), vec![Inline::Text("[x](//evil.example)".into())]);
        assert!(plain("See [My orders](/account/orders) now").contains("See My orders now"));
    }
}
