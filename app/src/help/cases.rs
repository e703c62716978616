//! Customer support cases: what a case is, when it must be answered, and what the shopper and
//! the agents see of it. Pure rules and DTOs; `case_service` keeps them in the database.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// What a case is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum CaseKind {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "question"))]
    Question,
    /// About a defect (answered within 15 days, as the law asks).
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "complaint"))]
    Complaint,
    /// Buyer and seller disagree about a shipment; support decides.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "dispute"))]
    Dispute,
}

/// Where a case stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum CaseStatus {
    /// Waiting for support.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "open"))]
    Open,
    /// Support answered; waiting for the shopper.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "answered"))]
    Answered,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "closed"))]
    Closed,
}

/// Who wrote a case message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(10))"))]
pub enum CaseAuthor {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "shopper"))]
    Shopper,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "agent"))]
    Agent,
    /// The seller of the shipment a dispute is about.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "seller"))]
    Seller,
}

/// Who looks at a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Viewer {
    /// The shopper who opened it.
    Shopper,
    /// The seller of the shipment a dispute is about.
    Seller,
    Agent,
}

/// Whether `viewer` sees a message (or file) of a case of `kind`: agents see everything; the
/// agents' internal notes reach no one else; a seller sees only disputes about their shipment,
/// and in a dispute both sides see what either side or support wrote.
pub fn sees(viewer: Viewer, kind: CaseKind, internal: bool) -> bool {
    match viewer {
        Viewer::Agent => true,
        Viewer::Shopper => !internal,
        Viewer::Seller => !internal && kind == CaseKind::Dispute,
    }
}

impl CaseKind {
    pub const ALL: [CaseKind; 3] = [CaseKind::Question, CaseKind::Complaint, CaseKind::Dispute];

    pub fn code(self) -> &'static str {
        match self {
            CaseKind::Question => "question",
            CaseKind::Complaint => "complaint",
            CaseKind::Dispute => "dispute",
        }
    }

    pub fn from_code(code: &str) -> Option<CaseKind> {
        CaseKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// How long support has to answer: complaints and disputes 15 days (the law's limit for
    /// complaints), questions 2 days.
    pub fn answer_within(self) -> Duration {
        match self {
            CaseKind::Question => Duration::days(2),
            CaseKind::Complaint | CaseKind::Dispute => Duration::days(15),
        }
    }
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 3] = [CaseStatus::Open, CaseStatus::Answered, CaseStatus::Closed];

    pub fn code(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::Answered => "answered",
            CaseStatus::Closed => "closed",
        }
    }

    pub fn from_code(code: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// When a case opened at `opened` must be answered.
pub fn due(kind: CaseKind, opened: DateTime<Utc>) -> DateTime<Utc> {
    opened + kind.answer_within()
}

/// Whether a case is overdue at `now`: still waiting for support after its due moment.
pub fn overdue(status: CaseStatus, due_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    status == CaseStatus::Open && now > due_at
}

/// At most this many characters in a case message.
pub const MAX_MESSAGE: usize = 4000;

/// Why a case message was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum MessageProblem {
    #[error("empty")]
    Empty,
    #[error("too long")]
    TooLong,
}

/// A message as kept: trimmed, not empty, at most [`MAX_MESSAGE`] characters.
pub fn message(text: &str) -> Result<String, MessageProblem> {
    let t = text.trim();
    if t.is_empty() {
        Err(MessageProblem::Empty)
    } else if t.chars().count() > MAX_MESSAGE {
        Err(MessageProblem::TooLong)
    } else {
        Ok(t.replace("\r\n", "\n"))
    }
}

/// One message as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseMessageView {
    pub author: CaseAuthor,
    pub internal: bool,
    /// The agent's name (only on the agents' page).
    pub who: String,
    pub body: String,
    #[serde(with = "crate::wire::instant")]
    pub at: DateTime<Utc>,
}

/// A case as its shopper or an agent sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseView {
    pub id: i32,
    pub kind: CaseKind,
    pub status: CaseStatus,
    pub question: String,
    pub answer_given: String,
    pub email: String,
    pub order_id: Option<i32>,
    #[serde(with = "crate::wire::instant")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::wire::instant")]
    pub due_at: DateTime<Utc>,
    pub overdue: bool,
    pub assignee: Option<String>,
    pub messages: Vec<CaseMessageView>,
    /// The guest's key (in the page's forms), when the case was opened by it.
    pub key: String,
    /// The ways to reach support open now.
    pub channels: Vec<super::hours::Channel>,
    /// A dispute's decision, shown to both sides.
    pub decision: Option<DecisionView>,
    /// For agents deciding a dispute: the order's shipments (id, seller).
    pub shipments: Vec<(i32, String)>,
    /// The shipment a dispute is about, and its seller's name.
    pub shipment: Option<(i32, String)>,
    /// The files its sides added (what the viewer may see).
    pub files: Vec<CaseFileView>,
    pub viewer: Viewer,
    /// The shop's support address (the e-mail channel).
    pub support_email: String,
}

/// A file on a case, as listed (downloaded at [`file_path`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFileView {
    pub id: i32,
    pub author: CaseAuthor,
    pub name: String,
    pub size: i32,
    #[serde(with = "crate::wire::instant")]
    pub at: DateTime<Utc>,
}

/// Where a case's file is downloaded (a guest shopper adds the case's key).
pub fn file_path(id: i32, key: &str) -> String {
    if key.is_empty() {
        format!("/files/cases/{id}")
    } else {
        format!("/files/cases/{id}?key={}", crate::markup::query_value(key))
    }
}

/// At most this many bytes in a case's file.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// At most this many files on one case.
pub const MAX_FILES: u64 = 10;

/// Why a file was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum FileProblem {
    #[error("no file")]
    NoFile,
    #[error("too large")]
    TooLarge,
    /// Not a JPEG, PNG, WebP or PDF (by its content, whatever its name says).
    #[error("not an image or PDF")]
    Type,
    #[error("too many files")]
    TooMany,
}

impl FileProblem {
    pub const ALL: [FileProblem; 4] = [FileProblem::NoFile, FileProblem::TooLarge, FileProblem::Type, FileProblem::TooMany];

    pub fn code(self) -> &'static str {
        match self {
            FileProblem::NoFile => "no_file",
            FileProblem::TooLarge => "too_large",
            FileProblem::Type => "type",
            FileProblem::TooMany => "too_many",
        }
    }

    pub fn from_code(code: &str) -> Option<FileProblem> {
        FileProblem::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// The content type of an accepted file, told by its first bytes (a photo or a PDF); the
/// browser's claim and the file's name are not trusted.
pub fn file_type(bytes: &[u8]) -> Result<&'static str, FileProblem> {
    if bytes.is_empty() {
        return Err(FileProblem::NoFile);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok("image/png")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Ok("image/webp")
    } else if bytes.starts_with(b"%PDF-") {
        Ok("application/pdf")
    } else {
        Err(FileProblem::Type)
    }
}

/// A file's name as kept and offered for download: its last path part, only letters, digits,
/// `.`, `-` and `_` (others become `_`), at most 100 characters; `file` when nothing is left.
pub fn file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
        .take(100)
        .collect();
    let clean = clean.trim_start_matches('.').to_owned();
    if clean.is_empty() { "file".to_owned() } else { clean }
}

/// A dispute's decision as both sides see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionView {
    pub outcomes: Vec<super::outcomes::Outcome>,
    pub refund_cents: i64,
    /// The refund went through the payment provider.
    pub refunded: bool,
    #[serde(with = "crate::wire::instant")]
    pub at: DateTime<Utc>,
}

/// A decision's outcomes in words, one line each (the case pages and the e-mails).
pub fn outcome_lines(at: &crate::i18n::AreaTexts, lang: crate::i18n::Lang, outcomes: &[super::outcomes::Outcome], refund_cents: i64) -> Vec<String> {
    use super::outcomes::{Outcome, Party, Referral};
    use crate::i18n::fill;
    let amount = crate::i18n::format_price(refund_cents, lang);
    outcomes
        .iter()
        .map(|o| match o {
            Outcome::PartialRefund { .. } => fill(at.decision_partial_refund, &[("amount", &amount)]),
            Outcome::FullRefund => fill(at.decision_full_refund, &[("amount", &amount)]),
            Outcome::CancelShipment => fill(at.decision_cancel, &[("amount", &amount)]),
            Outcome::Suspend(Party::Seller) => at.decision_suspend_seller.to_owned(),
            Outcome::Suspend(Party::Buyer) => at.decision_suspend_buyer.to_owned(),
            Outcome::Restrict(Party::Seller) => at.decision_restrict_seller.to_owned(),
            Outcome::Restrict(Party::Buyer) => at.decision_restrict_buyer.to_owned(),
            Outcome::LawEnforcement(Referral::Counterfeit) => at.decision_police_counterfeit.to_owned(),
            Outcome::LawEnforcement(Referral::Fraud) => at.decision_police_fraud.to_owned(),
        })
        .collect()
}

/// A line of the agents' queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueRow {
    pub id: i32,
    pub kind: CaseKind,
    pub status: CaseStatus,
    pub email: String,
    pub question: String,
    #[serde(with = "crate::wire::instant")]
    pub due_at: DateTime<Utc>,
    pub overdue: bool,
    pub assignee: Option<String>,
}

/// The queue's filters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueFilter {
    pub status: Option<CaseStatus>,
    pub kind: Option<CaseKind>,
    /// Only the cases assigned to the agent asking.
    pub mine: bool,
    pub overdue: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn complaints_within_15_days_questions_within_2() {
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        assert_eq!(due(CaseKind::Complaint, at), Utc.with_ymd_and_hms(2026, 12, 16, 9, 0, 0).unwrap());
        assert_eq!(due(CaseKind::Dispute, at), Utc.with_ymd_and_hms(2026, 12, 16, 9, 0, 0).unwrap());
        assert_eq!(due(CaseKind::Question, at), Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap());
        let d = due(CaseKind::Complaint, at);
        assert!(!overdue(CaseStatus::Open, d, d), "due, not overdue, at the moment itself");
        assert!(overdue(CaseStatus::Open, d, d + Duration::seconds(1)));
        assert!(!overdue(CaseStatus::Answered, d, d + Duration::days(3)), "waiting for the shopper");
        assert!(!overdue(CaseStatus::Closed, d, d + Duration::days(3)));
    }

    #[test]
    fn messages_are_trimmed_and_bounded() {
        assert_eq!(message("  Hello\r\nthere  "), Ok("Hello\nthere".into()));
        assert_eq!(message("   "), Err(MessageProblem::Empty));
        assert_eq!(message(&"x".repeat(MAX_MESSAGE + 1)), Err(MessageProblem::TooLong));
        assert!(message(&"õ".repeat(MAX_MESSAGE)).is_ok(), "characters, not bytes");
        assert_eq!(CaseKind::from_code("dispute"), Some(CaseKind::Dispute));
        assert_eq!(CaseStatus::from_code("nope"), None);
    }

    #[test]
    fn both_sides_of_a_dispute_see_it_and_notes_stay_with_support() {
        assert!(sees(Viewer::Agent, CaseKind::Question, true), "agents see their notes");
        assert!(!sees(Viewer::Shopper, CaseKind::Dispute, true));
        assert!(!sees(Viewer::Seller, CaseKind::Dispute, true));
        assert!(sees(Viewer::Seller, CaseKind::Dispute, false));
        assert!(!sees(Viewer::Seller, CaseKind::Question, false), "a question is the shopper's own");
        assert!(!sees(Viewer::Seller, CaseKind::Complaint, false));
        assert!(sees(Viewer::Shopper, CaseKind::Question, false));
    }

    #[test]
    fn files_are_told_by_their_content() {
        assert_eq!(file_type(b"\xFF\xD8\xFF\xE0rest"), Ok("image/jpeg"));
        assert_eq!(file_type(b"\x89PNG\r\n\x1a\n...."), Ok("image/png"));
        assert_eq!(file_type(b"RIFF\0\0\0\0WEBPVP8 "), Ok("image/webp"));
        assert_eq!(file_type(b"%PDF-1.7\n"), Ok("application/pdf"));
        assert_eq!(file_type(b"<html><script>alert(1)</script>"), Err(FileProblem::Type), "a page named photo.jpg");
        assert_eq!(file_type(b"RIFF\0\0\0\0WAVEfmt "), Err(FileProblem::Type));
        assert_eq!(file_type(b""), Err(FileProblem::NoFile));
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_FILE_BYTES + 1, b' ');
        assert_eq!(file_type(&big), Err(FileProblem::TooLarge));
        big.truncate(MAX_FILE_BYTES);
        assert!(file_type(&big).is_ok(), "the limit itself is allowed");
        for p in FileProblem::ALL {
            assert_eq!(FileProblem::from_code(p.code()), Some(p));
        }
    }

    #[test]
    fn file_names_are_safe_to_offer() {
        assert_eq!(file_name("C:\\Users\\mari\\kviitung 1.pdf"), "kviitung_1.pdf");
        assert_eq!(file_name("../../etc/passwd"), "passwd");
        assert_eq!(file_name("\"; rm -rf.jpg"), "___rm_-rf.jpg");
        assert_eq!(file_name(".htaccess"), "htaccess");
        assert_eq!(file_name("фото.png"), "фото.png");
        assert_eq!(file_name(""), "file");
        assert_eq!(file_name(&"a".repeat(300)).len(), 100);
        assert_eq!(file_path(3, ""), "/files/cases/3");
        assert_eq!(file_path(3, "a b"), "/files/cases/3?key=a+b");
    }
}
