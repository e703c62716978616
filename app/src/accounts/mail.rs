//! The account e-mails, text and HTML, in the account's language. Pure: the service queues
//! them through the outbox.

use crate::i18n::{fill, Lang};
use crate::markup::html;
use crate::orders::email::Email;

/// What an account e-mail says.
pub enum AccountMail<'a> {
    /// Confirm the address of a new account with this code.
    Confirm { code: &'a str },
    /// Reset the password with this code.
    Reset { code: &'a str },
    /// Somebody tried to register this address, which already has an account.
    AlreadyRegistered,
    /// The password was changed (by a reset); every session was ended.
    PasswordChanged,
}

/// The e-mail, with a link to the account pages at `base_url`.
pub fn account_email(mail: AccountMail<'_>, lang: Lang, base_url: &str) -> Email {
    let t = lang.texts();
    let minutes = super::rules::CODE_VALID_FOR.num_minutes().to_string();
    let link = format!("{}/{}/account", base_url.trim_end_matches('/'), lang.code());
    let (subject, lines, code): (&str, Vec<String>, Option<&str>) = match mail {
        AccountMail::Confirm { code } => (
            t.mail_confirm_subject,
            vec![t.mail_confirm_intro.to_owned(), fill(t.mail_code_valid, &[("minutes", &minutes)]), t.mail_not_you.to_owned()],
            Some(code),
        ),
        AccountMail::Reset { code } => (
            t.mail_reset_subject,
            vec![t.mail_reset_intro.to_owned(), fill(t.mail_code_valid, &[("minutes", &minutes)]), t.mail_reset_not_you.to_owned()],
            Some(code),
        ),
        AccountMail::AlreadyRegistered => {
            (t.mail_exists_subject, vec![t.mail_exists_intro.to_owned(), t.mail_not_you.to_owned()], None)
        }
        AccountMail::PasswordChanged => {
            (t.mail_changed_subject, vec![t.mail_changed_intro.to_owned(), t.mail_changed_not_you.to_owned()], None)
        }
    };
    let mut text = String::new();
    let mut body = String::new();
    for (i, line) in lines.iter().enumerate() {
        text.push_str(line);
        text.push_str("\n\n");
        body.push_str(&format!("<p>{}</p>", html(line)));
        if i == 0 {
            if let Some(code) = code {
                text.push_str(&format!("    {code}\n\n"));
                body.push_str(&format!(
                    "<p style=\"font-size:28px;letter-spacing:6px;font-weight:bold\" data-code=\"{0}\">{0}</p>",
                    html(code)
                ));
            }
        }
    }
    text.push_str(&format!("{}: {link}\n", t.mail_account_link));
    body.push_str(&format!("<p><a href=\"{0}\">{1}</a></p>", html(&link), html(t.mail_account_link)));
    let html_doc = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body>{body}</body></html>",
        lang.code(),
        html(subject)
    );
    Email { subject: subject.to_owned(), text, html: html_doc }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_in_both_parts_and_every_language_differs() {
        for lang in Lang::ALL {
            let e = account_email(AccountMail::Reset { code: "042917" }, lang, "https://turg.ee/");
            assert!(e.text.contains("042917") && e.html.contains(">042917<"), "{lang:?}");
            assert!(e.text.contains(&format!("https://turg.ee/{}/account", lang.code())));
            assert!(e.html.starts_with(&format!("<!DOCTYPE html><html lang=\"{}\">", lang.code())));
        }
        let subjects: std::collections::HashSet<String> =
            Lang::ALL.iter().map(|&l| account_email(AccountMail::PasswordChanged, l, "http://x").subject).collect();
        assert_eq!(subjects.len(), Lang::ALL.len());
    }

    #[test]
    fn notices_carry_no_code() {
        let e = account_email(AccountMail::AlreadyRegistered, Lang::En, "http://x");
        assert!(!e.html.contains("data-code"));
    }
}
