//! The help centre (issue 14, started): articles and the rules of support.
//!
//! - `content`: how an article is written (front matter, paragraphs, lists, inner links), pure.
//! - `retrieval` [ssr]: BM25 per language with Snowball stemming, typo and compound matches.
//! - `hours`: which contact channels are open at a moment (8:00–20:00 Tallinn on working days).
//! - `outcomes`: what a dispute's decision may combine, and what it does.
//! - `builtin` [ssr]: the articles the shop ships with (`app/help/`), compiled in by `build.rs`.

pub mod api;
#[cfg(feature = "ssr")]
pub mod case_service;
pub mod cases;
pub mod content;
pub mod hours;
pub mod outcomes;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod retrieval;
#[cfg(feature = "ssr")]
pub mod service;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The languages the shop's articles are written in (other pages' languages read English).
pub const HELP_LANGS: [&str; 3] = ["et", "en", "ru"];
/// Questions are cut to this many characters.
pub const MAX_QUESTION: usize = 300;
/// Below this BM25 score the best article is not taken for an answer.
pub const MIN_SCORE: f32 = 1.5;

/// Words that ask for a person rather than an article.
const PERSON_WORDS: [&str; 16] = [
    "person", "human", "agent", "someone", "operator", "inimene", "inimesega", "inimesele", "klienditeenindaja", "teenindaja",
    "оператор", "оператором", "человек", "человеком", "сотрудник", "менеджер",
];

/// "12,50" or "12.50" (euros, at most two decimals) → 1250 cents; `None` for anything else.
pub fn parse_euros(text: &str) -> Option<i64> {
    let t = text.trim().trim_start_matches('€').trim_end_matches('€').trim().replace(',', ".");
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || frac.len() > 2 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let cents = format!("{frac:0<2}").parse::<i64>().ok()?;
    whole.parse::<i64>().ok()?.checked_mul(100)?.checked_add(cents)
}

/// Whether a question asks to talk to a person ("I want to talk to a human").
pub fn asks_for_person(question: &str) -> bool {
    let q = question.to_lowercase();
    q.split(|c: char| !c.is_alphanumeric()).any(|w| PERSON_WORDS.contains(&w))
}

/// An article in a category's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpItem {
    pub slug: String,
    pub title: String,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpCategory {
    pub slug: String,
    pub name: String,
    pub items: Vec<HelpItem>,
}

/// `/{lang}/help`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpHome {
    pub categories: Vec<HelpCategory>,
}

/// `/{lang}/help/{slug}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleView {
    pub slug: String,
    pub category: String,
    pub title: String,
    pub summary: String,
    pub blocks: Vec<content::Block>,
    #[serde(with = "crate::wire::instant")]
    pub updated_at: DateTime<Utc>,
    pub helpful_yes: i32,
    pub helpful_no: i32,
}

/// An article an answer is taken from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub slug: String,
    pub title: String,
    pub summary: String,
}

/// `/{lang}/help/ask?q=…`: the articles that answer, best first (none when nothing matches
/// well), and whether the question asks for a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerView {
    pub question: String,
    pub person: bool,
    pub cited: Vec<Citation>,
    /// The ways to reach support open now, and the address for e-mail.
    pub channels: Vec<hours::Channel>,
    pub support_email: String,
    /// The order asked about, with what can be done about each shipment now.
    pub order: Option<OrderFacts>,
    /// The signed-in shopper's recent orders, to pick one to ask about.
    pub orders: Vec<OrderChoice>,
    /// The guest's key to the order asked about (kept in the question form).
    pub key: String,
    /// A signed-in shopper opens cases with the account's address (a guest types one).
    pub signed_in: bool,
}

/// An order the shopper may ask about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderChoice {
    pub id: i32,
    #[serde(with = "crate::wire::day")]
    pub placed_on: chrono::NaiveDate,
}

/// What the answer says about one shipment of the order asked about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentFacts {
    pub id: i32,
    pub seller: String,
    pub status: crate::orders::ShipmentStatus,
    #[serde(with = "crate::wire::day")]
    pub earliest: chrono::NaiveDate,
    #[serde(with = "crate::wire::day")]
    pub latest: chrono::NaiveDate,
    pub next: NextStep,
    /// The buyer–seller conversation about it (write to the seller first).
    pub message_path: String,
}

/// What the shopper can do about a shipment now, as the answer tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NextStep {
    /// Not handed to the carrier: it can be cancelled on the order page.
    Cancel,
    /// On its way: it can no longer be cancelled; refuse the parcel at delivery.
    RefuseParcel,
    /// Delivered: withdrawal or a complaint on the order page.
    AfterDelivery,
    /// Bought into the pantry: nothing travels now.
    InPantry,
    /// Waiting for the payment.
    Unpaid,
    /// Cancelled or returned: nothing left to do.
    Over,
}

/// The order asked about, for the answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderFacts {
    pub id: i32,
    /// The order page (with the guest's key), where cancelling and claims are done.
    pub path: String,
    pub shipments: Vec<ShipmentFacts>,
}

/// What the shopper can do about a shipment now: the order page's rules (cancel until it is
/// handed to the carrier, then refuse the parcel; after delivery withdraw or complain).
pub fn next_step(order: crate::orders::OrderStatus, shipment: crate::orders::ShipmentStatus, to_pantry: bool) -> NextStep {
    use crate::orders::{OrderStatus, ShipmentStatus};
    if to_pantry {
        NextStep::InPantry
    } else if order == OrderStatus::AwaitingPayment {
        NextStep::Unpaid
    } else if order != OrderStatus::Paid {
        NextStep::Over
    } else if shipment.cancellable() {
        NextStep::Cancel
    } else if shipment == ShipmentStatus::Shipped {
        NextStep::RefuseParcel
    } else if shipment == ShipmentStatus::Delivered {
        NextStep::AfterDelivery
    } else {
        NextStep::Over
    }
}

/// What can be done about each shipment of `order` now.
pub fn order_facts(order: &crate::orders::OrderView, lang: crate::i18n::Lang) -> OrderFacts {
    let shipments = order
        .shipments
        .iter()
        .map(|s| {
            let next = next_step(order.status, s.status, s.to_pantry);
            ShipmentFacts {
                id: s.id,
                seller: s.seller_name.clone(),
                status: s.status,
                earliest: s.earliest,
                latest: s.latest,
                next,
                message_path: crate::messages::pages::buyer_thread_path(lang, s.id, &order.token),
            }
        })
        .collect();
    OrderFacts { id: order.id, path: order.path(), shipments }
}

/// The shipped articles (`help/articles/<slug>/<lang>.md`), their categories' names and the
/// question set the retrieval is measured on.
#[cfg(feature = "ssr")]
pub mod builtin {
    include!(concat!(env!("OUT_DIR"), "/help_articles.rs"));
}

/// A language's articles indexed for questions: (slug, parsed article) in slug order, and
/// the index over them (title ×3, keywords ×2, summary ×2, body ×1).
#[cfg(feature = "ssr")]
pub fn index_of(lang: &str, articles: &[(String, content::Article)]) -> retrieval::Index {
    let plains: Vec<String> = articles.iter().map(|(_, a)| content::plain(&a.body)).collect();
    let docs: Vec<Vec<(&str, f32)>> = articles
        .iter()
        .zip(&plains)
        .map(|((_, a), body)| vec![(a.title.as_str(), 3.0), (a.keywords.as_str(), 2.0), (a.summary.as_str(), 2.0), (body.as_str(), 1.0)])
        .collect();
    retrieval::Index::build(lang, &docs)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn euros_as_agents_type_them() {
        assert_eq!(parse_euros("12,50"), Some(1250));
        assert_eq!(parse_euros("12.5"), Some(1250));
        assert_eq!(parse_euros(" 7 € "), Some(700));
        assert_eq!(parse_euros("0,05"), Some(5));
        for bad in ["", "-1", "1.234", "12,5,0", "abc", "1e3"] {
            assert_eq!(parse_euros(bad), None, "{bad}");
        }
    }

    #[test]
    fn what_can_be_done_about_a_shipment() {
        use crate::orders::{OrderStatus as O, ShipmentStatus as S};
        assert_eq!(next_step(O::Paid, S::Paid, false), NextStep::Cancel);
        assert_eq!(next_step(O::Paid, S::Processing, false), NextStep::Cancel, "accepted but not handed over");
        assert_eq!(next_step(O::Paid, S::Shipped, false), NextStep::RefuseParcel);
        assert_eq!(next_step(O::Paid, S::Delivered, false), NextStep::AfterDelivery);
        assert_eq!(next_step(O::Paid, S::Cancelled, false), NextStep::Over);
        assert_eq!(next_step(O::AwaitingPayment, S::Placed, false), NextStep::Unpaid);
        assert_eq!(next_step(O::Cancelled, S::Cancelled, false), NextStep::Over);
        assert_eq!(next_step(O::Paid, S::Paid, true), NextStep::InPantry);
    }

    #[test]
    fn a_question_for_a_person_is_told_apart() {
        assert!(asks_for_person("I want to talk to a human"));
        assert!(asks_for_person("Soovin rääkida inimesega"));
        assert!(asks_for_person("свяжите с оператором"));
        assert!(!asks_for_person("how do I cancel my order"));
        assert!(!asks_for_person("personal data"), "a whole word, not a part");
    }

    fn shipped(lang: &str) -> Vec<(String, content::Article)> {
        builtin::ARTICLES
            .iter()
            .filter(|(_, l, _)| *l == lang)
            .map(|(slug, _, text)| (slug.to_string(), content::parse(text).unwrap_or_else(|e| panic!("{slug}/{lang}: {e}"))))
            .collect()
    }

    #[test]
    fn every_shipped_article_parses_in_a_known_category() {
        let categories: Vec<&str> = builtin::CATEGORIES.iter().map(|c| c.0).collect();
        assert!(!builtin::ARTICLES.is_empty());
        for (slug, lang, text) in builtin::ARTICLES {
            let a = content::parse(text).unwrap_or_else(|e| panic!("{slug}/{lang}: {e}"));
            assert!(categories.contains(&a.category.as_str()), "{slug}/{lang}: category {}", a.category);
        }
        for lang in ["et", "en", "ru"] {
            let slugs: Vec<String> = shipped(lang).into_iter().map(|(s, _)| s).collect();
            let en: Vec<String> = shipped("en").into_iter().map(|(s, _)| s).collect();
            assert_eq!(slugs, en, "{lang}: every article in every shop language");
        }
    }

    /// The question set: the right article is cited first for at least 90 % of the questions
    /// in each language (the figures are printed).
    #[test]
    fn the_right_article_comes_first_for_nine_questions_in_ten() {
        for lang in ["et", "en", "ru"] {
            let articles = shipped(lang);
            let index = index_of(lang, &articles);
            let set: Vec<_> = builtin::QUESTIONS.iter().filter(|(l, _, _)| *l == lang).collect();
            assert!(set.len() >= 16, "{lang}: {} questions", set.len());
            let mut right = 0;
            for (_, q, want) in &set {
                let first = index.search(q).first().map(|(i, _)| articles[*i].0.as_str());
                if first == Some(*want) {
                    right += 1;
                } else {
                    println!("{lang}: «{q}» → {first:?}, expected {want}");
                }
            }
            let share = right as f64 / set.len() as f64;
            println!("{lang}: {right} of {} questions answered from the right article first ({:.0} %)", set.len(), share * 100.0);
            assert!(share >= 0.9, "{lang}: {:.0} %", share * 100.0);
        }
    }
}
