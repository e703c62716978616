//! The rules of accounts, as plain functions: what a password must be, how long sessions and
//! codes live, when repeated failures lock a door and for how long. No I/O; the service
//! applies them and the unit tests below pin them.

use chrono::{DateTime, Duration, Utc};

/// A password has at least this many characters…
pub const PASSWORD_MIN_CHARS: usize = 10;
/// …and at most this many (argon2 would take anything; a limit keeps requests small).
pub const PASSWORD_MAX_CHARS: usize = 128;

/// A "remember me" session lasts this long from sign-in.
pub const REMEMBER_FOR: Duration = Duration::days(30);
/// A browser session ends this long after it was last used (and with the browser: its cookie
/// has no expiry).
pub const IDLE_FOR: Duration = Duration::hours(24);
/// `last_seen_at` is written at most this often (not on every request).
pub const SEEN_EVERY: Duration = Duration::minutes(10);

/// Codes sent by e-mail: six digits, valid 15 minutes, 5 tries.
pub const CODE_DIGITS: usize = 6;
pub const CODE_VALID_FOR: Duration = Duration::minutes(15);
pub const CODE_ATTEMPTS: i32 = 5;

/// "Forgot password" answers after at least this long, whether or not the address has an
/// account (queuing the e-mail takes a few milliseconds; the floor hides them).
pub const FORGOT_ANSWER_MS: u64 = 300;

/// Failed sign-ins are counted over this window…
pub const FAILURE_WINDOW: Duration = Duration::minutes(15);
/// …and this many for one account, or for one client address, close the door until the
/// oldest of them leaves the window.
pub const ACCOUNT_FAILURES: usize = 5;
pub const CLIENT_FAILURES: usize = 20;

/// Why a password is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    /// Among the passwords everybody tries first, made of the account's own e-mail or name,
    /// or a run of one character or a keyboard/alphabet sequence.
    Guessable,
}

/// The most common passwords of the public breach corpora (lower-cased), and the words they
/// are made of; a password equal to one, or one of them with digits or symbols around it, is
/// refused. The server also asks zxcvbn (its dictionaries hold 30,000 common passwords).
const COMMON: &[&str] = &[
    "password", "passw0rd", "parool", "salasana", "qwerty", "qwertyuiop", "asdfgh", "asdfghjkl", "zxcvbnm", "iloveyou",
    "princess", "sunshine", "football", "baseball", "dragon", "monkey", "letmein", "welcome", "master", "shadow",
    "superman", "michael", "starwars", "whatever", "trustno1", "admin", "administrator", "login", "abc123", "changeme",
    "secret", "freedom", "computer", "internet", "samsung", "pokemon", "liverpool", "chelsea", "arsenal", "tallinn",
    "eesti", "estonia", "turg", "пароль", "йцукен", "qazwsx", "1q2w3e4r", "1qaz2wsx", "zaq12wsx", "q1w2e3r4",
];

const SEQUENCES: &[&str] = &[
    "0123456789", "1234567890", "9876543210", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm",
    "йцукенгшщзхъфывапролджэячсмитьбю", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
];

/// Checks a new password against the account's e-mail and name. `None`: acceptable.
pub fn password_problem(password: &str, email: &str, name: &str) -> Option<PasswordProblem> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        return Some(PasswordProblem::TooShort);
    }
    if chars > PASSWORD_MAX_CHARS {
        return Some(PasswordProblem::TooLong);
    }
    let lower = password.to_lowercase();
    // What is left when digits and symbols around the letters are taken off ("Password123!").
    let core: String = lower.trim_matches(|c: char| !c.is_alphabetic()).to_owned();
    let distinct = {
        let mut c: Vec<char> = lower.chars().collect();
        c.sort_unstable();
        c.dedup();
        c.len()
    };
    let personal = email
        .split('@')
        .next()
        .into_iter()
        .chain(name.split_whitespace())
        .map(str::to_lowercase)
        .filter(|part| part.chars().count() >= 4)
        .any(|part| lower.contains(&part));
    let sequence = SEQUENCES.iter().any(|s| s.contains(lower.as_str()) || s.chars().rev().collect::<String>().contains(lower.as_str()));
    let common = COMMON.iter().any(|w| lower == *w || core == *w);
    (distinct <= 3 || personal || sequence || common).then_some(PasswordProblem::Guessable)
}

/// When a session ends: 30 days after sign-in when remembered, else a day after its last use.
pub fn session_expiry(remember: bool, signed_in_at: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
    if remember {
        signed_in_at + REMEMBER_FOR
    } else {
        now + IDLE_FOR
    }
}

/// How long until another try is allowed, given the times of the recent failures (any order)
/// and the limit: `None` while fewer than `limit` fall in the window. The door opens again
/// when the oldest of the last `limit` failures leaves the window.
pub fn retry_after(failures: &[DateTime<Utc>], limit: usize, now: DateTime<Utc>) -> Option<Duration> {
    let mut recent: Vec<DateTime<Utc>> = failures.iter().copied().filter(|t| *t > now - FAILURE_WINDOW && *t <= now).collect();
    if recent.len() < limit {
        return None;
    }
    recent.sort_unstable();
    let oldest_counted = recent[recent.len() - limit];
    Some(oldest_counted + FAILURE_WINDOW - now)
}

/// Whole minutes to tell a person to wait, rounded up (at least 1).
pub fn minutes_to_wait(wait: Duration) -> i64 {
    ((wait.num_seconds() + 59) / 60).max(1)
}

/// A code as the person typed it ("123 456", " 123456 "), as six digits; `None` if it cannot
/// be one.
pub fn parse_code(typed: &str) -> Option<String> {
    let digits: String = typed.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    (digits.len() == CODE_DIGITS && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// An e-mail address as accounts keep it: trimmed and lower-cased (addresses are
/// case-insensitive in practice, and one person must not get two accounts by case).
pub fn account_email(typed: &str) -> Result<String, crate::checkout::validate::Problem> {
    crate::checkout::validate::normalize_email(typed).map(|e| e.to_lowercase())
}

/// Where to go after signing in: a path on this site, never another site (`//evil`, `/\\evil`,
/// `https://…`); anything else is the account page.
pub fn local_next(next: &str, fallback: &str) -> String {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control() || c == '\\')
        && next.len() <= 512;
    if ok { next.to_owned() } else { fallback.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(min: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap() + Duration::minutes(min)
    }

    #[test]
    fn passwords() {
        let ok = |p: &str| password_problem(p, "mari.maasikas@example.ee", "Mari Maasikas");
        assert_eq!(ok("short1!"), Some(PasswordProblem::TooShort));
        assert_eq!(ok(&"x".repeat(129)), Some(PasswordProblem::TooLong));
        for guessable in [
            "password123",
            "Password123!",
            "1234567890",
            "qwertyuiop",
            "aaaaaaaaaaaa",
            "abababababab",
            "maasikas2026",
            "mari.maasikas1",
            "ПАРОЛЬ123456",
            "9876543210",
            "abcdefghijk",
        ] {
            assert_eq!(ok(guessable), Some(PasswordProblem::Guessable), "{guessable}");
        }
        for fine in ["correct horse battery", "Tallinna-Turg-42-kuu", "mu kass sööb kala", "vG8#qLw2!pZx"] {
            assert_eq!(ok(fine), None, "{fine}");
        }
        // Ten characters exactly is enough when it is not guessable.
        assert_eq!(password_problem("k8Fz!q2Lm0", "a@b.ee", ""), None);
    }

    #[test]
    fn sessions_expire() {
        assert_eq!(session_expiry(true, at(0), at(600)), at(0) + Duration::days(30));
        assert_eq!(session_expiry(false, at(0), at(600)), at(600) + Duration::hours(24));
    }

    #[test]
    fn lockout_opens_when_the_oldest_counted_failure_leaves_the_window() {
        let four: Vec<_> = (0..4).map(at).collect();
        assert_eq!(retry_after(&four, 5, at(5)), None);
        let five: Vec<_> = (0..5).map(at).collect();
        assert_eq!(retry_after(&five, 5, at(5)), Some(Duration::minutes(10)));
        assert_eq!(minutes_to_wait(Duration::minutes(10)), 10);
        assert_eq!(minutes_to_wait(Duration::seconds(61)), 2);
        assert_eq!(minutes_to_wait(Duration::seconds(1)), 1);
        // The oldest has left the window: four remain, the door is open.
        assert_eq!(retry_after(&five, 5, at(15)), None);
        // Failures older than the window never count; the order given does not matter.
        let mixed = vec![at(-40), at(4), at(1), at(3), at(2), at(0)];
        assert_eq!(retry_after(&mixed, 5, at(10)), Some(Duration::minutes(5)));
    }

    #[test]
    fn codes_as_typed() {
        assert_eq!(parse_code(" 123 456 ").as_deref(), Some("123456"));
        assert_eq!(parse_code("123-456").as_deref(), Some("123456"));
        assert_eq!(parse_code("12345"), None);
        assert_eq!(parse_code("1234567"), None);
        assert_eq!(parse_code("12345a"), None);
        assert_eq!(parse_code("１２３４５６"), None, "full-width digits are not ASCII digits");
    }

    #[test]
    fn after_sign_in_only_local_paths() {
        assert_eq!(local_next("/et/cart", "/et/account"), "/et/cart");
        for bad in ["//evil.example", "/\\evil.example", "https://evil.example", "", "et/cart", "/et/\u{0}x", "/a\\b"] {
            assert_eq!(local_next(bad, "/et/account"), "/et/account", "{bad:?}");
        }
    }

    #[test]
    fn emails_are_kept_lower_case() {
        assert_eq!(account_email("  Mari@Example.EE ").unwrap(), "mari@example.ee");
        assert!(account_email("not an address").is_err());
    }
}
