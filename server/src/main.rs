//! Turg's server binary.
//!
//! ```text
//! server                                   serve (migrates first; TURG_DEMO=1 seeds an empty database)
//! server config                            print the effective configuration (secrets hidden) and exit
//! server migrate                           apply pending migrations and exit
//! server seed --demo                       add the demo catalog to an empty database
//! server seed --hostile                    hostile texts into the demo catalog (markup-injection tests)
//! server seed --products N --offers-per-product M
//!                                          add N synthetic products with M offers each (scale tests)
//! server admin create EMAIL                an administrator account (password from standard input)
//! server admin grant|revoke EMAIL ROLE     give or take a role (administrator, support)
//! server bench [--seconds S] [--concurrency C] [--samples N]
//!                                          latency and throughput against the catalog in DATABASE_URL
//! ```
//! Configuration is by environment (and a `.env` file in the working directory; the real
//! environment wins), read once into `app::config::Config`: see README.md for every variable.
//! An invalid configuration stops every command with a message and exit code 2.

// Leptos's view types of the app's pages nest deeply.
#![recursion_limit = "256"]

#[cfg(test)]
mod authz_tests;
mod bench;
mod compress;
mod health;
#[cfg(test)]
mod hostile_tests;
mod mail;
mod media;
mod observe;
mod page_cache;
mod payments;
mod routes;
mod security;
#[cfg(test)]
mod seo_tests;
mod sitemap;
mod visitor;
mod workers;

use app::{config, db};
use std::process::ExitCode;

enum Command {
    Serve,
    Config,
    Migrate,
    SeedDemo,
    SeedHostile,
    SeedScale { products: usize, offers_per_product: usize },
    Bench(bench::Options),
    /// `admin create EMAIL` (the password from standard input), `admin grant|revoke EMAIL ROLE`.
    Admin(AdminCommand),
    Help,
}

enum AdminCommand {
    Create { email: String },
    Grant { email: String, role: app::accounts::Role },
    Revoke { email: String, role: app::accounts::Role },
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let number = |flag: &str| -> Result<Option<usize>, String> {
        match args.iter().position(|a| a == flag) {
            None => Ok(None),
            Some(i) => args
                .get(i + 1)
                .and_then(|v| v.replace('_', "").parse().ok())
                .map(Some)
                .ok_or_else(|| format!("{flag} needs a whole number")),
        }
    };
    match args.first().map(String::as_str) {
        None | Some("serve") => Ok(Command::Serve),
        Some("config") => Ok(Command::Config),
        Some("migrate") => Ok(Command::Migrate),
        Some("seed") if args.iter().any(|a| a == "--demo") => Ok(Command::SeedDemo),
        Some("seed") if args.iter().any(|a| a == "--hostile") => Ok(Command::SeedHostile),
        Some("seed") => {
            let products = number("--products")?.ok_or("seed needs --demo or --products N")?;
            let offers_per_product = number("--offers-per-product")?.unwrap_or(5);
            Ok(Command::SeedScale { products, offers_per_product })
        }
        Some("bench") => {
            let d = bench::Options::default();
            Ok(Command::Bench(bench::Options {
                seconds: number("--seconds")?.map_or(d.seconds, |s| s as u64),
                concurrency: number("--concurrency")?.unwrap_or(d.concurrency).max(1),
                samples: number("--samples")?.unwrap_or(d.samples).max(1),
            }))
        }
        Some("admin") => {
            let role = |i: usize| -> Result<app::accounts::Role, String> {
                let code = args.get(i).ok_or("which role? administrator or support")?;
                app::accounts::Role::from_code(code).ok_or_else(|| format!("unknown role `{code}`: administrator or support"))
            };
            let email = args.get(2).cloned().ok_or("admin needs an e-mail address")?;
            match args.get(1).map(String::as_str) {
                Some("create") => Ok(Command::Admin(AdminCommand::Create { email })),
                Some("grant") => Ok(Command::Admin(AdminCommand::Grant { email, role: role(3)? })),
                Some("revoke") => Ok(Command::Admin(AdminCommand::Revoke { email, role: role(3)? })),
                _ => Err("admin create|grant|revoke EMAIL [ROLE]".into()),
            }
        }
        Some("-h" | "--help" | "help") => Ok(Command::Help),
        Some(other) => Err(format!("unknown command `{other}`")),
    }
}

/// The configuration from the environment and `./.env` (whose values never override the
/// environment's), checked as a whole, SMTP settings included.
fn load_config() -> Result<(config::Config, Option<&'static str>), String> {
    let dotenv = match dotenvy::from_path(".env") {
        Ok(()) => Some(".env"),
        Err(e) if e.not_found() => None,
        Err(e) => return Err(format!("cannot read .env: {e}")),
    };
    let config = config::Config::from_env().map_err(|e| e.to_string())?;
    if let Some(filter) = &config.log_filter {
        tracing_subscriber::EnvFilter::try_new(filter).map_err(|e| format!("RUST_LOG `{filter}` is not a log filter: {e}"))?;
    }
    if let Some(url) = &config.smtp_url {
        mail::Smtp::new(url, &config.mail_from).map_err(|e| e.to_string())?;
    }
    Ok((config, dotenv))
}

/// The administrator commands: the first administrator is made here, on the server's own
/// machine; later ones can also be granted the role by an administrator.
async fn admin(db: &sea_orm::DatabaseConnection, command: AdminCommand) -> Result<(), String> {
    use app::accounts::{service, Role};
    let now = chrono::Utc::now();
    let account = |email: String| async move {
        let email = app::accounts::rules::account_email(&email).map_err(|_| format!("`{email}` is not an e-mail address"))?;
        service::find_by_email(db, &email).await.map_err(|e| e.to_string())?.ok_or_else(|| format!("no account has the address {email}"))
    };
    match command {
        AdminCommand::Create { email } => {
            use std::io::{BufRead, IsTerminal};
            if std::io::stdin().is_terminal() {
                eprint!("password for {email} (at least {} characters): ", app::accounts::rules::PASSWORD_MIN_CHARS);
            }
            let mut password = String::new();
            std::io::stdin().lock().read_line(&mut password).map_err(|e| e.to_string())?;
            let password = password.trim_end_matches(['\r', '\n']);
            match service::ensure_account(db, &email, password, "", &[Role::Administrator], now).await {
                Ok(user) => {
                    println!("{} is an administrator (account {})", user.email, user.id);
                    Ok(())
                }
                Err(service::AccountError::Form(state)) => {
                    let t = app::i18n::Lang::En.texts();
                    let problems: Vec<String> = state.errors.iter().map(|(_, p)| app::accounts::message(t, *p)).collect();
                    Err(problems.join("; "))
                }
                Err(service::AccountError::Db(e)) => Err(e.to_string()),
            }
        }
        AdminCommand::Grant { email, role } => {
            let user = account(email).await?;
            service::grant(db, user.id, role, None, now).await.map_err(|e| e.to_string())?;
            println!("{} now holds the role {}", user.email, role.code());
            Ok(())
        }
        AdminCommand::Revoke { email, role } => {
            let user = account(email).await?;
            service::revoke(db, user.id, role).await.map_err(|e| e.to_string())?;
            println!("{} no longer holds the role {}", user.email, role.code());
            Ok(())
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match parse_args(&args) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("error: {message}\n\n{}", usage());
            return ExitCode::from(2);
        }
    };
    if let Command::Help = command {
        println!("{}", usage());
        return ExitCode::SUCCESS;
    }
    let (config, dotenv) = match load_config() {
        Ok(c) => c,
        Err(message) => {
            eprintln!("error: invalid configuration: {message}");
            return ExitCode::from(2);
        }
    };
    if let Command::Config = command {
        print!("{}", config.table());
        return ExitCode::SUCCESS;
    }
    let config = config::init(config);
    // The benchmark prints tables; only warnings and errors should come in between.
    let log = if matches!(command, Command::Bench(_)) { "warn" } else { "info,sqlx=warn,sea_orm=warn" };
    if let Err(message) = observe::init_logging(config, log) {
        eprintln!("error: invalid configuration: {message}");
        return ExitCode::from(2);
    }
    let settings: Vec<String> = config.settings().into_iter().map(|(k, v)| format!("{k}={v}")).collect();
    tracing::info!(env_file = dotenv.unwrap_or("none"), "configuration: {}", settings.join(" "));
    let url = config.database_url.clone();
    let database = match db::open(&url).await {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = match command {
        Command::Serve => routes::serve(database, config).await,
        Command::Migrate => {
            println!("migrations applied to {}", db::redact(&url));
            Ok(())
        }
        Command::SeedDemo => match db::seed::seed_demo(&database).await {
            Ok(Some(r)) => {
                println!(
                    "demo catalog: {} categories, {} sellers, {} products, {} offers",
                    r.categories, r.sellers, r.products, r.offers
                );
                Ok(())
            }
            Ok(None) => {
                println!("the database already has a catalog; nothing seeded");
                Ok(())
            }
            Err(e) => Err(e.to_string()),
        },
        Command::SeedHostile => db::seed::hostile::seed_hostile(&database)
            .await
            .map(|fixture| println!("{}", serde_json::to_string(&fixture).unwrap_or_default()))
            .map_err(|e| e.to_string()),
        Command::SeedScale { products, offers_per_product } => {
            let mut last = std::time::Instant::now();
            db::seed::seed_scale(&database, products, offers_per_product, |done, all| {
                if last.elapsed().as_secs() >= 5 || done == all {
                    println!("  {done}/{all} products");
                    last = std::time::Instant::now();
                }
            })
            .await
            .map(|r| {
                println!(
                    "added {} products and {} offers ({} new sellers) in {:.1} s",
                    r.products,
                    r.offers,
                    r.sellers_added,
                    r.elapsed.as_secs_f64()
                )
            })
            .map_err(|e| e.to_string())
        }
        Command::Bench(options) => bench::run(database, &url, options).await,
        Command::Admin(command) => admin(&database, command).await,
        Command::Help | Command::Config => Ok(()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> &'static str {
    "usage: server [serve | config | migrate | seed --demo | seed --products N [--offers-per-product M]\n\
     \x20             | bench [--seconds S] [--concurrency C] [--samples N] | admin create EMAIL\n\
     \x20             | admin grant|revoke EMAIL ROLE]\n\
     \n\
     \x20 serve     serve the shop (the default; migrates first)\n\
     \x20 admin     make an administrator (password from standard input), or grant/revoke a role\n\
     \x20 config    print the effective configuration, secrets hidden (exit 2 when invalid)\n\
     \x20 migrate   apply pending migrations and exit (run before rolling out a new version)\n\
     \n\
     environment (also read from ./.env; the real environment wins):\n\
     \x20 DATABASE_URL (default sqlite://data/turg.db?mode=rwc), DATABASE_MAX_CONNECTIONS, LEPTOS_SITE_ADDR,\n\
     \x20 RUST_LOG, TURG_LOG_FORMAT=text|json, TURG_DEV=1, TURG_DEMO=1, TURG_PUBLIC_URL, TURG_PAYMENT_PROVIDER=sandbox,\n\
     \x20 TURG_PAYMENT_SECRET, TURG_SMTP_URL, TURG_MAIL_FROM, TURG_PAGE_CACHE=0\n\
     \n\
     SIGTERM or Ctrl-C: finish the requests in flight, stop the workers, exit."
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn commands() {
        assert!(matches!(parse_args(&args("")), Ok(Command::Serve)));
        assert!(matches!(parse_args(&args("migrate")), Ok(Command::Migrate)));
        assert!(matches!(parse_args(&args("config")), Ok(Command::Config)));
        assert!(matches!(parse_args(&args("seed --demo")), Ok(Command::SeedDemo)));
        assert!(matches!(parse_args(&args("seed --hostile")), Ok(Command::SeedHostile)));
        assert!(matches!(
            parse_args(&args("seed --products 100_000 --offers-per-product 10")),
            Ok(Command::SeedScale { products: 100_000, offers_per_product: 10 })
        ));
        assert!(parse_args(&args("seed --products many")).is_err());
        assert!(parse_args(&args("seed")).is_err());
        assert!(parse_args(&args("frobnicate")).is_err());
        assert!(matches!(
            parse_args(&args("bench --seconds 3 --concurrency 8")),
            Ok(Command::Bench(bench::Options { seconds: 3, concurrency: 8, samples: 300 }))
        ));
        assert!(matches!(
            parse_args(&args("bench")),
            Ok(Command::Bench(bench::Options { seconds: 10, concurrency: 64, samples: 300 }))
        ));
        assert!(parse_args(&args("bench --samples")).is_err());
    }
}
