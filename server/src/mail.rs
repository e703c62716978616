//! SMTP delivery of the outbox through lettre (rustls for TLS). `TURG_SMTP_URL` is lettre's
//! connection URL:
//!
//! - `smtp://host:25`: plain SMTP to a relay such as the host's MTA (which handles TLS onwards);
//! - `smtp://user:password@host:587?tls=required`: STARTTLS, refused if the server lacks it
//!   (`?tls=opportunistic` uses it when offered);
//! - `smtps://user:password@host:465`: TLS from the first byte.
//!
//! The password is percent-encoded in the URL and never logged. `TURG_MAIL_FROM` is the sender.

use app::db::entity::outbox;
use app::outbox::Transport;
use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::future::Future;
use std::pin::Pin;

pub struct Smtp {
    mailer: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

/// Why `TURG_SMTP_URL` or `TURG_MAIL_FROM` was refused.
#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    #[error(
        "TURG_SMTP_URL `{url}` is not usable: {reason}; use smtp://host:25 (a local relay), \
         smtp://user:password@host:587?tls=required (STARTTLS) or smtps://user:password@host:465"
    )]
    Url { url: String, reason: String },
    #[error("TURG_MAIL_FROM `{from}` is not a mailbox such as `Turg <no-reply@turg.ee>`: {reason}")]
    From { from: String, reason: String },
}

impl Smtp {
    /// A transport for `url` (see the module's documentation) sending as `from`. Connects
    /// only when it sends.
    pub fn new(url: &str, from: &str) -> Result<Smtp, MailConfigError> {
        let refuse = |reason: String| MailConfigError::Url { url: app::db::redact(url), reason };
        let scheme = url.split_once("://").map(|(s, _)| s);
        if !matches!(scheme, Some("smtp" | "smtps")) {
            return Err(refuse("the scheme must be smtp:// or smtps://".into()));
        }
        if let Some((_, query)) = url.split_once('?') {
            for pair in query.split('&') {
                if !matches!(pair, "tls=required" | "tls=opportunistic") {
                    return Err(refuse(format!("unknown parameter `{pair}` (tls=required or tls=opportunistic)")));
                }
            }
        }
        // lettre's own parser: host, port, credentials, and TLS by scheme and `?tls=`. Its
        // errors may quote the URL; they are replaced by a message that does not.
        let mailer = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| refuse(strip_secrets(&e.to_string(), url)))?
            .build();
        let from = from
            .parse::<Mailbox>()
            .map_err(|e| MailConfigError::From { from: from.to_owned(), reason: e.to_string() })?;
        Ok(Smtp { mailer, from })
    }
}

/// `message` with the URL's password removed, should lettre ever repeat it.
fn strip_secrets(message: &str, url: &str) -> String {
    let password = url
        .split_once("://")
        .and_then(|(_, rest)| rest.split(['/', '?']).next())
        .and_then(|authority| authority.rsplit_once('@'))
        .and_then(|(creds, _)| creds.split_once(':'))
        .map(|(_, p)| p)
        .filter(|p| !p.is_empty());
    match password {
        Some(p) => message.replace(p, "***"),
        None => message.to_owned(),
    }
}

impl Transport for Smtp {
    fn name(&self) -> &'static str {
        "smtp"
    }

    fn send<'a>(&'a self, m: &'a outbox::Model) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        Box::pin(async move {
            let to: Mailbox = m.to_address.parse().map_err(|e| format!("bad recipient: {e}"))?;
            let message = Message::builder()
                .from(self.from.clone())
                .to(to)
                .subject(m.subject.clone())
                .multipart(
                    MultiPart::alternative()
                        .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(m.body_text.clone()))
                        .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(m.body_html.clone())),
                )
                .map_err(|e| e.to_string())?;
            self.mailer.send(message).await.map(|_| ()).map_err(|e| e.to_string())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FROM: &str = "Turg <no-reply@turg.ee>";

    #[test]
    fn smtp_urls_are_accepted() {
        for url in [
            "smtp://127.0.0.1:2525",
            "smtp://localhost",
            "smtp://user:p%40ss@smtp.example.com:587?tls=required",
            "smtp://smtp.example.com?tls=opportunistic",
            "smtps://user:pass@smtp.example.com:465",
            "smtps://user:pass@smtp.example.com",
        ] {
            assert!(Smtp::new(url, FROM).is_ok(), "{url}: {:?}", Smtp::new(url, FROM).err());
        }
    }

    #[test]
    fn bad_urls_are_refused_without_the_password() {
        for url in [
            "http://user:hunter2@mail.example.com:25",
            "mail.example.com:25",
            "smtp://user:hunter2@mail.example.com:587?tls=maybe",
            "smtp://user:hunter2@mail.example.com:587?starttls=1",
            "smtp://user:hunter2@:25",
            "smtps://user:hunter2@mail.example.com:99999",
        ] {
            let e = Smtp::new(url, FROM).err().unwrap_or_else(|| panic!("{url} was accepted")).to_string();
            assert!(e.contains("TURG_SMTP_URL"), "{e}");
            assert!(!e.contains("hunter2"), "{e}");
        }
        assert!(Smtp::new("http://mail:25", FROM).err().is_some_and(|e| e.to_string().contains("smtp:// or smtps://")));
    }

    #[test]
    fn the_sender_must_be_a_mailbox() {
        let e = Smtp::new("smtp://localhost:25", "not an address").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.contains("TURG_MAIL_FROM"), "{e}");
    }

    #[test]
    fn secrets_are_stripped_from_messages() {
        assert_eq!(strip_secrets("bad url smtp://u:pw@h", "smtp://u:pw@h"), "bad url smtp://u:***@h");
        assert_eq!(strip_secrets("x", "smtp://h:25"), "x");
    }
}
