//! The payment provider interface and the built-in sandbox. A provider says where to send the
//! shopper to pay and checks the callback that comes back; everything else (idempotence,
//! reservations, invoices) is `payment::service`'s, the same for every provider.
//!
//! The sandbox signs its callbacks with HMAC-SHA-256 over the reference, outcome and amount,
//! like the Estonian banks' link protocols sign theirs; the secret is `TURG_PAYMENT_SECRET`
//! (at least 32 bytes; the development secret only with `TURG_DEV=1`: see `config`).

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::collections::HashMap;

/// The decision a callback reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Paid,
    Failed,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Paid => "paid",
            Outcome::Failed => "failed",
        }
    }
}

/// A verified callback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Callback {
    pub reference: String,
    pub outcome: Outcome,
    pub amount_cents: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("the callback lacks `{0}`")]
    Missing(&'static str),
    #[error("the callback's `{0}` is malformed")]
    Malformed(&'static str),
    #[error("the callback's signature does not match")]
    BadSignature,
}

/// One way to take a payment.
pub trait PaymentProvider: Send + Sync {
    /// The code stored with each payment.
    fn code(&self) -> &'static str;
    /// Where the shopper goes to pay the payment with this reference.
    fn start_url(&self, lang: crate::i18n::Lang, reference: &str) -> String;
    /// Checks a callback's parameters and reads them; anything unsigned or altered is refused.
    fn verify(&self, params: &HashMap<String, String>) -> Result<Callback, VerifyError>;
    /// Pays `amount_cents` of the payment with this reference back to the payer; the answer
    /// is the provider's reference of the refund.
    fn refund<'a>(
        &'a self,
        payment_reference: &'a str,
        amount_cents: i64,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<String, String>> + Send + 'a>>;
}

/// The shop's payment provider, as configured (`TURG_PAYMENT_PROVIDER`, checked at start-up
/// with its secret), made once. `None` when none is configured: then nothing can be paid,
/// and the sandbox bank's page and decision endpoint answer 404 — the sandbox exists only
/// where it was asked for.
pub fn configured() -> Option<&'static Sandbox> {
    static PROVIDER: std::sync::OnceLock<Option<Sandbox>> = std::sync::OnceLock::new();
    PROVIDER
        .get_or_init(|| {
            let config = crate::config::get();
            // The configuration refuses a provider without a secret outside TURG_DEV=1.
            config.payment_provider.map(|crate::config::PaymentProvider::Sandbox| {
                Sandbox::new(config.payment_secret.clone().unwrap_or_else(|| DEV_SECRET.to_owned()))
            })
        })
        .as_ref()
}

/// The sandbox bank, only when it is the configured provider.
pub fn sandbox() -> Option<&'static Sandbox> {
    configured()
}

/// The built-in sandbox bank.
#[derive(Clone)]
pub struct Sandbox {
    secret: Vec<u8>,
}

/// The well-known development secret (refused at start-up outside `TURG_DEV=1`).
pub use crate::config::DEV_PAYMENT_SECRET as DEV_SECRET;

impl Sandbox {
    pub fn new(secret: impl Into<Vec<u8>>) -> Sandbox {
        Sandbox { secret: secret.into() }
    }

    fn mac(&self, reference: &str, outcome: &str, amount: &str) -> Hmac<Sha256> {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.secret).expect("HMAC takes a key of any length");
        // Length-prefixed fields: no two different triples give the same message.
        for field in [reference, outcome, amount] {
            mac.update(&(field.len() as u32).to_be_bytes());
            mac.update(field.as_bytes());
        }
        mac
    }

    /// The signature the sandbox bank puts on a callback.
    pub fn sign(&self, reference: &str, outcome: Outcome, amount_cents: i64) -> String {
        hex::encode(self.mac(reference, outcome.code(), &amount_cents.to_string()).finalize().into_bytes())
    }

    /// The callback address the sandbox bank sends the shopper back to.
    pub fn callback_url(&self, reference: &str, outcome: Outcome, amount_cents: i64) -> String {
        format!(
            "/payment/callback?reference={reference}&status={}&amount={amount_cents}&sig={}",
            outcome.code(),
            self.sign(reference, outcome, amount_cents)
        )
    }
}

impl PaymentProvider for Sandbox {
    fn code(&self) -> &'static str {
        super::SANDBOX
    }

    /// The sandbox moves no money: it accepts every refund of a positive amount and answers
    /// with a reference of its own (the shop records it in `refunds`).
    fn refund<'a>(
        &'a self,
        payment_reference: &'a str,
        amount_cents: i64,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<String, String>> + Send + 'a>> {
        Box::pin(async move {
            if amount_cents <= 0 || payment_reference.is_empty() {
                return Err(format!("nothing to refund for `{payment_reference}`"));
            }
            Ok(format!("sandbox-refund-{}", crate::server::random_token()))
        })
    }

    fn start_url(&self, lang: crate::i18n::Lang, reference: &str) -> String {
        format!("/{}/pay/sandbox/{reference}", lang.code())
    }

    fn verify(&self, params: &HashMap<String, String>) -> Result<Callback, VerifyError> {
        let get = |k: &'static str| params.get(k).map(String::as_str).ok_or(VerifyError::Missing(k));
        let (reference, status, amount, sig) = (get("reference")?, get("status")?, get("amount")?, get("sig")?);
        let sig = hex::decode(sig).map_err(|_| VerifyError::Malformed("sig"))?;
        // Constant-time comparison.
        self.mac(reference, status, amount).verify_slice(&sig).map_err(|_| VerifyError::BadSignature)?;
        let outcome = match status {
            "paid" => Outcome::Paid,
            "failed" => Outcome::Failed,
            _ => return Err(VerifyError::Malformed("status")),
        };
        let amount_cents = amount.parse().map_err(|_| VerifyError::Malformed("amount"))?;
        Ok(Callback { reference: reference.to_owned(), outcome, amount_cents })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(url: &str) -> HashMap<String, String> {
        url.split_once('?')
            .unwrap()
            .1
            .split('&')
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap();
                (k.to_owned(), v.to_owned())
            })
            .collect()
    }

    #[test]
    fn a_signed_callback_verifies() {
        let bank = Sandbox::new("s3cret");
        let cb = bank.verify(&params(&bank.callback_url("abc", Outcome::Paid, 4990))).unwrap();
        assert_eq!(cb, Callback { reference: "abc".into(), outcome: Outcome::Paid, amount_cents: 4990 });
    }

    #[test]
    fn altered_or_foreign_callbacks_are_refused() {
        let bank = Sandbox::new("s3cret");
        let good = params(&bank.callback_url("abc", Outcome::Failed, 4990));
        for (k, v) in [("status", "paid"), ("amount", "1"), ("reference", "abd")] {
            let mut forged = good.clone();
            forged.insert(k.into(), v.into());
            assert_eq!(bank.verify(&forged), Err(VerifyError::BadSignature), "{k}");
        }
        let other = Sandbox::new("other");
        assert_eq!(other.verify(&good), Err(VerifyError::BadSignature));
        let mut no_sig = good.clone();
        no_sig.remove("sig");
        assert_eq!(bank.verify(&no_sig), Err(VerifyError::Missing("sig")));
        let mut bad_hex = good;
        bad_hex.insert("sig".into(), "zz".into());
        assert_eq!(bank.verify(&bad_hex), Err(VerifyError::Malformed("sig")));
    }

    #[test]
    fn fields_cannot_be_shifted_between_each_other() {
        let bank = Sandbox::new("k");
        assert_ne!(bank.mac("ab", "c", "1").finalize().into_bytes(), bank.mac("a", "bc", "1").finalize().into_bytes());
    }
}
