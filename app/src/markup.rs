//! Escaping text for the places it is written into a document. Components render text through
//! Leptos, which escapes it; these helpers are for the few places that write markup by hand:
//! the document title (leptos_meta 0.8 writes it into the server's HTML unescaped), a
//! `<textarea>`'s content (tachys writes its children unescaped, as for `<script>`), JSON inside
//! a `<script>` element, and e-mails.

/// A value for a URL's query string (`application/x-www-form-urlencoded`: unreserved
/// characters as they are, space as `+`, every other byte as `%XX`).
pub fn query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Text escaped for HTML content and quoted attribute values (`& < > " '`).
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Serialised JSON made safe inside a `<script>` element: `<`, `>` and `&` become `\u003c`,
/// `\u003e` and `\u0026` (JSON only has them inside strings, where the escapes mean the same),
/// so no text can close the element (`</script>`) or open a comment (`<!--`).
pub fn json_in_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for ch in json.chars() {
        match ch {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(ch),
        }
    }
    out
}

/// The formatter of the document title, set once at the root of the app (`App`): on the
/// server the title is written into the HTML as it is, so it is escaped there; in the browser
/// it is set through `document.title`, which takes plain text.
pub fn document_title(title: String) -> String {
    if cfg!(feature = "ssr") {
        html(&title)
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(html(r#"</title><script>alert("x")</script> & 'y'"#),
            "&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
        assert_eq!(html("Šokolaad — 100 g"), "Šokolaad — 100 g");
    }

    #[test]
    fn json_cannot_leave_its_script() {
        let json = serde_json::json!({ "name": "</script><!--<script>&" }).to_string();
        let safe = json_in_script(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'), "{safe}");
        // The same value when parsed.
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["name"], "</script><!--<script>&");
    }
}
