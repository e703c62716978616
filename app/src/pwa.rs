//! Progressive-web-app glue: the theme colour, the service-worker registration and the names
//! of the hashed static assets. The worker itself is `public/sw.js`, the manifest
//! `public/manifest.webmanifest`.

use leptos::config::LeptosOptions;

pub const THEME_COLOUR: &str = "#0b6e4f";

/// Registers `/sw.js` once the page has loaded; runs before (and without) the WASM.
pub const REGISTER_SERVICE_WORKER: &str =
    "if('serviceWorker' in navigator){addEventListener('load',function(){navigator.serviceWorker.register('/sw.js').catch(function(){})})}";

/// The public path of a file cargo-leptos built into `pkg/` (`css`, `js`, `wasm`), with its
/// content hash in the name when the build hashed files.
pub fn asset_path(options: &LeptosOptions, ext: &str) -> String {
    let (pkg, name) = (&options.site_pkg_dir, &options.output_name);
    #[cfg(feature = "ssr")]
    if options.hash_files {
        if let Some(hash) = hashes(&options.hash_file).get(ext) {
            return format!("/{pkg}/{name}.{hash}.{ext}");
        }
    }
    format!("/{pkg}/{name}.{ext}")
}

/// `hash.txt` (written by cargo-leptos next to the server binary), read once.
#[cfg(feature = "ssr")]
fn hashes(file: &str) -> &'static std::collections::HashMap<String, String> {
    static HASHES: std::sync::OnceLock<std::collections::HashMap<String, String>> = std::sync::OnceLock::new();
    HASHES.get_or_init(|| {
        let path = std::env::current_exe().ok().and_then(|p| p.parent().map(|d| d.join(file)));
        path.and_then(|p| std::fs::read_to_string(p).ok()).map(|text| parse_hashes(&text)).unwrap_or_default()
    })
}

/// Parses `css: 1a2b…` lines.
pub fn parse_hashes(text: &str) -> std::collections::HashMap<String, String> {
    text.lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .filter(|(k, v)| !k.is_empty() && !v.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_file_lines() {
        let h = parse_hashes("js: abc\nwasm: def\ncss:  0f1 \n\nbroken line\n");
        assert_eq!(h.get("css").map(String::as_str), Some("0f1"));
        assert_eq!(h.get("wasm").map(String::as_str), Some("def"));
        assert_eq!(h.len(), 3);
    }
}
