//! The server's configuration: every setting Turg takes from the environment, read and checked
//! once at start-up ([`Config::from_env`], after an optional `.env` file) and kept for the
//! process ([`init`], [`get`]). Nothing else reads `std::env` (except Leptos's own `LEPTOS_*`
//! options it reads itself, and the payment provider until it is rewired).
//!
//! A configuration that would be unsafe in production is refused with a message that says
//! what to change; `TURG_DEV=1` allows the development shortcuts (the sandbox bank over
//! https, the well-known payment secret).

use std::fmt;
use std::net::SocketAddr;
use std::sync::OnceLock;

/// The sandbox bank's secret for development: known to everyone, so never accepted in
/// production (only with `TURG_DEV=1`).
pub const DEV_PAYMENT_SECRET: &str = "turg-sandbox-development-secret";
/// The shortest payment secret accepted outside development.
pub const MIN_SECRET_BYTES: usize = 32;
/// Where Turg listens when `LEPTOS_SITE_ADDR` is not set.
pub const DEFAULT_SITE_ADDR: &str = "127.0.0.1:3000";
/// The sender of e-mails when `TURG_MAIL_FROM` is not set.
pub const DEFAULT_MAIL_FROM: &str = "Turg <no-reply@turg.ee>";
/// Where the shop's own notices go when `TURG_SHOP_EMAIL` is not set.
pub const DEFAULT_SHOP_EMAIL: &str = "shop@turg.ee";

/// Which payment provider takes the shoppers' payments (`TURG_PAYMENT_PROVIDER`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaymentProvider {
    /// The built-in sandbox bank: imitates a bank, moves no money.
    Sandbox,
}

impl PaymentProvider {
    pub fn code(self) -> &'static str {
        match self {
            PaymentProvider::Sandbox => "sandbox",
        }
    }
}

/// How log lines are written (`TURG_LOG_FORMAT`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines (the default).
    #[default]
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

impl LogFormat {
    pub fn code(self) -> &'static str {
        match self {
            LogFormat::Text => "text",
            LogFormat::Json => "json",
        }
    }
}

/// Every setting, parsed and checked. Secrets are never printed: `Debug` and [`Config::settings`]
/// show them as `set`/`unset` and hide the passwords in URLs.
#[derive(Clone, PartialEq, Eq)]
pub struct Config {
    /// `DATABASE_URL` (default [`crate::db::DEFAULT_DATABASE_URL`]).
    pub database_url: String,
    /// `DATABASE_MAX_CONNECTIONS` (default: 8 on SQLite, 16 on PostgreSQL).
    pub database_max_connections: Option<u32>,
    /// `LEPTOS_SITE_ADDR`: where to listen (default 127.0.0.1:3000).
    pub site_addr: SocketAddr,
    /// `LEPTOS_HASH_FILES`: hashed asset names; unset, whether cargo-leptos wrote `hash.txt`.
    pub hash_files: Option<bool>,
    /// `RUST_LOG`: the log filter (unset: the server's default).
    pub log_filter: Option<String>,
    /// `TURG_LOG_FORMAT`: `text` (default) or `json`.
    pub log_format: LogFormat,
    /// `TURG_DEMO=1`: seed the demo catalog into an empty database.
    pub demo: bool,
    /// `TURG_PUBLIC_URL`: the absolute origin (no trailing slash) of links that leave the site.
    pub public_url: Option<String>,
    /// `TURG_PAYMENT_PROVIDER`: `sandbox`, or none.
    pub payment_provider: Option<PaymentProvider>,
    /// `TURG_PAYMENT_SECRET` (with `TURG_DEV=1` and none set: [`DEV_PAYMENT_SECRET`]).
    pub payment_secret: Option<String>,
    /// `TURG_SMTP_URL`: send e-mail over SMTP (unset: the outbox table is the mailbox).
    pub smtp_url: Option<String>,
    /// `TURG_MAIL_FROM`: the sender of e-mails.
    pub mail_from: String,
    /// `TURG_SHOP_EMAIL`: where the shop's own notices go (refunds due).
    pub shop_email: String,
    /// `TURG_PAGE_CACHE` (default on): the product page cache.
    pub page_cache: bool,
    /// `TURG_DEV=1`: allow settings that are unsafe in production.
    pub dev: bool,
    /// `TURG_TRUST_PROXY=1`: the client's address is the first `X-Forwarded-For` entry (set it
    /// only behind a proxy that writes that header).
    pub trust_proxy: bool,
    /// `TURG_TEST_CLOCK=1` (only with `TURG_DEV=1`): a request may set the time the server
    /// reads for it in the `turg_test_clock` cookie ([`crate::server::now`]), for end-to-end tests.
    pub test_clock: bool,
}

/// Why a configuration was refused. Each message names the variable and what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("{name} is `{value}`; expected {expected}")]
    Invalid { name: &'static str, value: String, expected: &'static str },
    /// The switch that once opened the administrators' pages to everyone is gone: an instance
    /// that still sets it would expect pages it no longer opens.
    #[error(
        "TURG_DEMO is set and TURG_PUBLIC_URL is https: the demo seeds accounts whose passwords are published \
         (an administrator among them); set TURG_DEV=1 to allow it locally"
    )]
    DemoOverHttps,
    #[error("TURG_ADMIN_PAGES no longer exists: administrators sign in (make one with `server admin create`)")]
    AdminPagesRemoved,
    #[error(
        "TURG_PAYMENT_PROVIDER is `sandbox` and TURG_PUBLIC_URL is https: the sandbox bank moves no money: \
         it cannot serve over https; set TURG_DEV=1 to allow it locally"
    )]
    SandboxOverHttps,
    #[error("TURG_TEST_CLOCK lets a request set the server's clock: it is for tests only; set TURG_DEV=1 to allow it locally")]
    TestClockWithoutDev,
    #[error(
        "TURG_PAYMENT_SECRET is not set; a payment provider needs a secret of at least 32 bytes \
         shared by every instance (or set TURG_DEV=1 to use the development secret locally)"
    )]
    MissingSecret,
    #[error(
        "TURG_PAYMENT_SECRET is {len} bytes long; it must have at least 32 \
         (for example `openssl rand -hex 32`)"
    )]
    ShortSecret { len: usize },
    #[error(
        "TURG_PAYMENT_SECRET is the well-known development secret; set a secret of your own \
         (or TURG_DEV=1 to allow it locally)"
    )]
    DevSecret,
}

/// `1/true/yes/on` or `0/false/no/off` (empty counts as unset).
fn parse_bool(name: &'static str, value: Option<String>, default: bool) -> Result<bool, ConfigError> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(default),
        Some(v) => match v.to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => Ok(true),
            "0" | "false" | "no" | "off" => Ok(false),
            _ => Err(ConfigError::Invalid { name, value: v.to_owned(), expected: "1 or 0 (true/false, on/off)" }),
        },
    }
}

impl Config {
    /// Reads the process environment (call `dotenvy` first to include a `.env` file).
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_vars(|name| std::env::var(name).ok())
    }

    /// Reads the settings from `var` (a variable's value, or `None` when unset) and checks them.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        // An empty value counts as unset, as the shell's `VAR= cmd` suggests.
        let get = |name: &str| var(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let dev = parse_bool("TURG_DEV", get("TURG_DEV"), false)?;

        let database_url = get("DATABASE_URL").unwrap_or_else(|| crate::db::DEFAULT_DATABASE_URL.to_owned());
        let database_max_connections = match get("DATABASE_MAX_CONNECTIONS") {
            None => None,
            Some(v) => Some(v.parse::<u32>().ok().filter(|n| *n > 0).ok_or(ConfigError::Invalid {
                name: "DATABASE_MAX_CONNECTIONS",
                value: v,
                expected: "a whole number above 0",
            })?),
        };
        let site_addr = match get("LEPTOS_SITE_ADDR") {
            None => SocketAddr::from(([127, 0, 0, 1], 3000)),
            Some(v) => v.parse().map_err(|_| ConfigError::Invalid {
                name: "LEPTOS_SITE_ADDR",
                value: v,
                expected: "an address and port such as 127.0.0.1:3000 or 0.0.0.0:8080",
            })?,
        };
        // Leptos reads this one itself too, and takes only `true` and `false`.
        let hash_files = match get("LEPTOS_HASH_FILES").as_deref() {
            None => None,
            Some("true") => Some(true),
            Some("false") => Some(false),
            Some(v) => {
                return Err(ConfigError::Invalid { name: "LEPTOS_HASH_FILES", value: v.to_owned(), expected: "true or false" })
            }
        };
        if get("TURG_ADMIN_PAGES").is_some() {
            return Err(ConfigError::AdminPagesRemoved);
        }
        let log_format = match get("TURG_LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(v) => {
                return Err(ConfigError::Invalid { name: "TURG_LOG_FORMAT", value: v.to_owned(), expected: "text or json" })
            }
        };
        let public_url = match get("TURG_PUBLIC_URL") {
            None => None,
            Some(v) if (v.starts_with("http://") || v.starts_with("https://")) && v.split("://").nth(1).is_some_and(|h| !h.is_empty()) => {
                Some(v.trim_end_matches('/').to_owned())
            }
            Some(v) => {
                return Err(ConfigError::Invalid {
                    name: "TURG_PUBLIC_URL",
                    value: v,
                    expected: "an origin such as https://turg.ee",
                })
            }
        };
        let payment_provider = match get("TURG_PAYMENT_PROVIDER").map(|v| v.to_ascii_lowercase()).as_deref() {
            None | Some("none") => None,
            Some("sandbox") => Some(PaymentProvider::Sandbox),
            Some(v) => {
                return Err(ConfigError::Invalid {
                    name: "TURG_PAYMENT_PROVIDER",
                    value: v.to_owned(),
                    expected: "sandbox (or unset: no payment provider)",
                })
            }
        };
        let smtp_url = match get("TURG_SMTP_URL") {
            None => None,
            Some(v) if v.starts_with("smtp://") || v.starts_with("smtps://") => Some(v),
            Some(v) => {
                return Err(ConfigError::Invalid {
                    name: "TURG_SMTP_URL",
                    value: crate::db::redact(&v),
                    expected: "smtp://host:port, smtp://user:password@host:587?tls=required or smtps://user:password@host:465",
                })
            }
        };

        let https = public_url.as_deref().is_some_and(|u| u.starts_with("https://"));
        if payment_provider == Some(PaymentProvider::Sandbox) && https && !dev {
            return Err(ConfigError::SandboxOverHttps);
        }
        let demo = parse_bool("TURG_DEMO", get("TURG_DEMO"), false)?;
        if demo && https && !dev {
            return Err(ConfigError::DemoOverHttps);
        }
        let test_clock = parse_bool("TURG_TEST_CLOCK", get("TURG_TEST_CLOCK"), false)?;
        if test_clock && !dev {
            return Err(ConfigError::TestClockWithoutDev);
        }
        let payment_secret = get("TURG_PAYMENT_SECRET");
        if payment_provider.is_some() && !dev {
            match payment_secret.as_deref() {
                None => return Err(ConfigError::MissingSecret),
                Some(DEV_PAYMENT_SECRET) => return Err(ConfigError::DevSecret),
                Some(s) if s.len() < MIN_SECRET_BYTES => return Err(ConfigError::ShortSecret { len: s.len() }),
                Some(_) => {}
            }
        }
        let payment_secret = payment_secret.or_else(|| dev.then(|| DEV_PAYMENT_SECRET.to_owned()));

        Ok(Config {
            database_url,
            database_max_connections,
            site_addr,
            hash_files,
            log_filter: get("RUST_LOG"),
            log_format,
            demo,
            public_url,
            payment_provider,
            payment_secret,
            smtp_url,
            mail_from: get("TURG_MAIL_FROM").unwrap_or_else(|| DEFAULT_MAIL_FROM.to_owned()),
            shop_email: get("TURG_SHOP_EMAIL").unwrap_or_else(|| DEFAULT_SHOP_EMAIL.to_owned()),
            page_cache: parse_bool("TURG_PAGE_CACHE", get("TURG_PAGE_CACHE"), true)?,
            dev,
            trust_proxy: parse_bool("TURG_TRUST_PROXY", get("TURG_TRUST_PROXY"), false)?,
            test_clock,
        })
    }

    /// The settings of a process started with nothing set: what [`get_or_default`] gives before
    /// [`init`] (tests, tools).
    pub fn defaults() -> Config {
        Config {
            database_url: crate::db::DEFAULT_DATABASE_URL.to_owned(),
            database_max_connections: None,
            site_addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            hash_files: None,
            log_filter: None,
            log_format: LogFormat::Text,
            demo: false,
            public_url: None,
            payment_provider: None,
            payment_secret: None,
            smtp_url: None,
            mail_from: DEFAULT_MAIL_FROM.to_owned(),
            shop_email: DEFAULT_SHOP_EMAIL.to_owned(),
            page_cache: true,
            dev: false,
            trust_proxy: false,
            test_clock: false,
        }
    }

    /// The shop's origin for links in e-mails and sitemaps: `TURG_PUBLIC_URL`, else the local
    /// address it listens on.
    pub fn public_url_or_local(&self) -> String {
        self.public_url.clone().unwrap_or_else(|| format!("http://{}", self.site_addr))
    }

    /// Cookies carry `Secure` when the shop is served over https.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.as_deref().is_some_and(|u| u.starts_with("https://"))
    }

    /// The effective settings as (variable, value) rows, secrets as `set`/`unset` and
    /// passwords in URLs hidden: for the start-up log and `server config`.
    pub fn settings(&self) -> Vec<(&'static str, String)> {
        let or = |v: &Option<String>, none: &str| v.clone().unwrap_or_else(|| none.to_owned());
        let flag = |b: bool| String::from(if b { "1" } else { "0" });
        let secret = match (&self.payment_secret, self.dev) {
            (None, _) => "unset".to_owned(),
            (Some(s), true) if s == DEV_PAYMENT_SECRET => "development secret".to_owned(),
            (Some(_), _) => "set".to_owned(),
        };
        vec![
            ("DATABASE_URL", crate::db::redact(&self.database_url)),
            ("DATABASE_MAX_CONNECTIONS", self.database_max_connections.map_or("default".to_owned(), |n| n.to_string())),
            ("LEPTOS_SITE_ADDR", self.site_addr.to_string()),
            ("LEPTOS_HASH_FILES", self.hash_files.map_or("auto".to_owned(), flag)),
            ("RUST_LOG", or(&self.log_filter, "default")),
            ("TURG_LOG_FORMAT", self.log_format.code().to_owned()),
            ("TURG_DEV", flag(self.dev)),
            ("TURG_DEMO", flag(self.demo)),
            ("TURG_PUBLIC_URL", or(&self.public_url, "unset (the request's host)")),
            ("TURG_PAYMENT_PROVIDER", self.payment_provider.map_or("none".to_owned(), |p| p.code().to_owned())),
            ("TURG_PAYMENT_SECRET", secret),
            ("TURG_SMTP_URL", self.smtp_url.as_deref().map_or("unset (the outbox table is the mailbox)".to_owned(), crate::db::redact)),
            ("TURG_MAIL_FROM", self.mail_from.clone()),
            ("TURG_SHOP_EMAIL", self.shop_email.clone()),
            ("TURG_PAGE_CACHE", flag(self.page_cache)),
            ("TURG_TRUST_PROXY", flag(self.trust_proxy)),
            ("TURG_TEST_CLOCK", flag(self.test_clock)),
        ]
    }

    /// The settings as an aligned two-column table (`server config`).
    pub fn table(&self) -> String {
        let rows = self.settings();
        let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        rows.iter().map(|(k, v)| format!("{k:<width$}  {v}\n")).collect()
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Config");
        for (k, v) in self.settings() {
            s.field(k, &v);
        }
        s.finish()
    }
}

static CONFIG: OnceLock<Config> = OnceLock::new();
static DEFAULTS: OnceLock<Config> = OnceLock::new();

/// Installs the process's configuration (once, in `main`, before serving). A second call keeps
/// the first configuration and returns it.
pub fn init(config: Config) -> &'static Config {
    CONFIG.get_or_init(|| config)
}

/// The configuration installed by [`init`]. Before `init` (only tests and tools get there) it
/// is [`get_or_default`]'s defaults, with a warning in the log.
pub fn get() -> &'static Config {
    match CONFIG.get() {
        Some(c) => c,
        None => {
            static WARNED: std::sync::Once = std::sync::Once::new();
            WARNED.call_once(|| tracing::warn!("config::get() before config::init(): using the defaults"));
            get_or_default()
        }
    }
}

/// The configuration installed by [`init`], or [`Config::defaults`] (nothing set: no payment
/// provider, no SMTP, no public URL, page cache on) when there is none.
/// For code that service tests reach without a server (links in e-mails, cookies, pool size);
/// it never reads the environment, so a test sees the same settings whatever the shell has.
pub fn get_or_default() -> &'static Config {
    CONFIG.get().unwrap_or_else(|| DEFAULTS.get_or_init(Config::defaults))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const GOOD_SECRET: &str = "0123456789abcdef0123456789abcdef";

    fn parse(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_vars(|k| map.get(k).cloned())
    }

    #[test]
    fn nothing_set_gives_the_defaults() {
        assert_eq!(parse(&[]), Ok(Config::defaults()));
        let c = Config::defaults();
        assert_eq!(c.public_url_or_local(), "http://127.0.0.1:3000");
        assert!(!c.secure_cookies());
        assert_eq!(c.site_addr.to_string(), DEFAULT_SITE_ADDR);
        // Empty values count as unset.
        assert_eq!(parse(&[("TURG_PUBLIC_URL", ""), ("TURG_DEMO", " "), ("DATABASE_URL", "")]), Ok(Config::defaults()));
    }

    #[test]
    fn values_are_parsed() {
        let c = parse(&[
            ("DATABASE_URL", "postgres://turg:pw@db:5432/turg"),
            ("DATABASE_MAX_CONNECTIONS", "32"),
            ("LEPTOS_SITE_ADDR", "0.0.0.0:8080"),
            ("LEPTOS_HASH_FILES", "true"),
            ("RUST_LOG", "debug"),
            ("TURG_LOG_FORMAT", "json"),
            ("TURG_PUBLIC_URL", "https://turg.ee/"),
            ("TURG_PAYMENT_PROVIDER", "none"),
            ("TURG_SMTP_URL", "smtp://relay:25"),
            ("TURG_MAIL_FROM", "Shop <shop@example.com>"),
            ("TURG_PAGE_CACHE", "off"),
        ])
        .unwrap();
        assert_eq!(c.database_max_connections, Some(32));
        assert_eq!(c.site_addr.port(), 8080);
        assert_eq!(c.hash_files, Some(true));
        assert_eq!(c.log_filter.as_deref(), Some("debug"));
        assert_eq!(c.log_format, LogFormat::Json);
        assert!(!c.demo && !c.page_cache && !c.dev);
        assert_eq!(c.public_url.as_deref(), Some("https://turg.ee"));
        assert!(c.secure_cookies());
        assert_eq!(c.payment_provider, None);
        assert_eq!(c.smtp_url.as_deref(), Some("smtp://relay:25"));
        assert_eq!(c.mail_from, "Shop <shop@example.com>");
    }

    #[test]
    fn the_demo_and_its_published_passwords_stay_off_https_outside_development() {
        let https = [("TURG_DEMO", "1"), ("TURG_PUBLIC_URL", "https://turg.ee")];
        assert_eq!(parse(&https).unwrap_err(), ConfigError::DemoOverHttps);
        let mut dev = https.to_vec();
        dev.push(("TURG_DEV", "1"));
        assert!(parse(&dev).unwrap().demo);
        assert!(parse(&[("TURG_DEMO", "1")]).unwrap().demo, "a local run over http");
    }

    #[test]
    fn the_removed_admin_switch_stops_the_start() {
        assert!(matches!(parse(&[("TURG_ADMIN_PAGES", "1")]), Err(ConfigError::AdminPagesRemoved)));
    }

    #[test]
    fn bad_values_are_refused_with_the_variable_named() {
        for (name, value) in [
            ("DATABASE_MAX_CONNECTIONS", "many"),
            ("DATABASE_MAX_CONNECTIONS", "0"),
            ("LEPTOS_SITE_ADDR", "localhost"),
            ("LEPTOS_HASH_FILES", "1"),
            ("TURG_LOG_FORMAT", "xml"),
            ("TURG_DEMO", "maybe"),
            ("TURG_PUBLIC_URL", "turg.ee"),
            ("TURG_PAYMENT_PROVIDER", "paypal"),
            ("TURG_SMTP_URL", "http://mail:25"),
        ] {
            let e = parse(&[(name, value)]).unwrap_err();
            assert!(matches!(e, ConfigError::Invalid { name: n, .. } if n == name), "{name}={value}: {e}");
            assert!(e.to_string().contains(name), "{e}");
        }
    }

    #[test]
    fn the_sandbox_is_refused_over_https_outside_development() {
        let https = [("TURG_PAYMENT_PROVIDER", "sandbox"), ("TURG_PUBLIC_URL", "https://turg.ee"), ("TURG_PAYMENT_SECRET", GOOD_SECRET)];
        let e = parse(&https).unwrap_err();
        assert_eq!(e, ConfigError::SandboxOverHttps);
        assert!(e.to_string().contains("the sandbox bank moves no money: it cannot serve over https; set TURG_DEV=1 to allow it locally"));
        let mut dev = https.to_vec();
        dev.push(("TURG_DEV", "1"));
        assert_eq!(parse(&dev).unwrap().payment_provider, Some(PaymentProvider::Sandbox));
        // Over plain http (a local run) the sandbox needs only a good secret.
        let local = [("TURG_PAYMENT_PROVIDER", "sandbox"), ("TURG_PAYMENT_SECRET", GOOD_SECRET)];
        assert_eq!(parse(&local).unwrap().payment_secret.as_deref(), Some(GOOD_SECRET));
    }

    #[test]
    fn the_test_clock_only_in_development() {
        assert_eq!(parse(&[("TURG_TEST_CLOCK", "1")]), Err(ConfigError::TestClockWithoutDev));
        assert!(parse(&[("TURG_TEST_CLOCK", "1"), ("TURG_DEV", "1")]).unwrap().test_clock);
        assert!(!parse(&[]).unwrap().test_clock);
    }

    #[test]
    fn a_provider_needs_a_real_secret_outside_development() {
        let p = ("TURG_PAYMENT_PROVIDER", "sandbox");
        assert_eq!(parse(&[p]), Err(ConfigError::MissingSecret));
        assert_eq!(parse(&[p, ("TURG_PAYMENT_SECRET", "short")]), Err(ConfigError::ShortSecret { len: 5 }));
        assert_eq!(parse(&[p, ("TURG_PAYMENT_SECRET", DEV_PAYMENT_SECRET)]), Err(ConfigError::DevSecret));
        assert!(parse(&[p, ("TURG_PAYMENT_SECRET", GOOD_SECRET)]).is_ok());
        // Development: the well-known secret is used when none is set, and allowed when set.
        let dev = ("TURG_DEV", "1");
        assert_eq!(parse(&[p, dev]).unwrap().payment_secret.as_deref(), Some(DEV_PAYMENT_SECRET));
        assert!(parse(&[p, dev, ("TURG_PAYMENT_SECRET", "short")]).is_ok());
        // Without a provider no secret is needed.
        assert_eq!(parse(&[]).unwrap().payment_secret, None);
        assert!(parse(&[("TURG_PAYMENT_SECRET", "short")]).is_ok());
    }

    #[test]
    fn secrets_never_show() {
        let c = parse(&[
            ("DATABASE_URL", "postgres://turg:dbpass@db/turg"),
            ("TURG_PAYMENT_PROVIDER", "sandbox"),
            ("TURG_PAYMENT_SECRET", GOOD_SECRET),
            ("TURG_SMTP_URL", "smtp://mailer:mailpass@smtp.example.com:587?tls=required"),
        ])
        .unwrap();
        let shown = format!("{}\n{:?}", c.table(), c);
        for secret in [GOOD_SECRET, "dbpass", "mailpass"] {
            assert!(!shown.contains(secret), "{secret} leaked: {shown}");
        }
        assert!(shown.contains("TURG_PAYMENT_SECRET"));
        assert!(shown.contains("smtp://mailer:***@smtp.example.com:587?tls=required"));
        let rows = c.settings();
        assert_eq!(rows.iter().find(|(k, _)| *k == "TURG_PAYMENT_SECRET").map(|(_, v)| v.as_str()), Some("set"));
        let unset = Config::defaults().settings();
        assert_eq!(unset.iter().find(|(k, _)| *k == "TURG_PAYMENT_SECRET").map(|(_, v)| v.as_str()), Some("unset"));
    }

    #[test]
    fn defaults_before_init() {
        // Tests never call init: get_or_default gives the defaults, not the shell's environment.
        assert_eq!(get_or_default(), &Config::defaults());
    }
}
