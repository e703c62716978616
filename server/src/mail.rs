//! SMTP delivery of the outbox through lettre. `TURG_SMTP_URL=smtp://host:port` (plain SMTP
//! to a relay such as the host's MTA, which handles TLS onwards); `TURG_MAIL_FROM` is the
//! sender (default `Turg <no-reply@turg.ee>`).

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

impl Smtp {
    pub fn from_url(url: &str) -> Result<Smtp, String> {
        let rest = url.strip_prefix("smtp://").ok_or_else(|| format!("TURG_SMTP_URL `{url}` must start with smtp://"))?;
        let (host, port) = match rest.trim_end_matches('/').rsplit_once(':') {
            Some((h, p)) => (h, p.parse::<u16>().map_err(|_| format!("TURG_SMTP_URL `{url}`: bad port"))?),
            None => (rest.trim_end_matches('/'), 25),
        };
        let from = std::env::var("TURG_MAIL_FROM").unwrap_or_else(|_| "Turg <no-reply@turg.ee>".into());
        let from: Mailbox = from.parse().map_err(|e| format!("TURG_MAIL_FROM: {e}"))?;
        let mailer = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host).port(port).build();
        Ok(Smtp { mailer, from })
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
