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
}
