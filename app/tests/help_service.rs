//! The help centre on a real database (SQLite and PostgreSQL): the shipped articles written
//! once (never over an agent's edit), "Was this helpful?" counted, questions answered from the
//! articles, and an edit seen by the next question.

mod support;

use app::db::entity::{help_article, help_revision};
use app::help::service;
use chrono::{Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

async fn articles_are_synced_voted_and_answered(db: &DatabaseConnection) {
    let now = support::sunday();
    let shipped = app::help::builtin::ARTICLES.len();
    assert_eq!(service::sync_builtin(db, now).await.unwrap(), shipped);
    assert_eq!(service::sync_builtin(db, now).await.unwrap(), 0, "once");
    assert_eq!(help_revision::Entity::find().count(db).await.unwrap() as usize, shipped);

    // A changed shipped text replaces an article no agent edited, never an edited one.
    let row = |slug: &'static str| help_article::Entity::find().filter(help_article::Column::Slug.eq(slug)).filter(help_article::Column::Lang.eq("en"));
    help_article::Entity::update_many()
        .col_expr(help_article::Column::BuiltinHash, Expr::value("older"))
        .col_expr(help_article::Column::Title, Expr::value("Old title"))
        .filter(help_article::Column::Slug.eq("pantry"))
        .filter(help_article::Column::Lang.eq("en"))
        .exec(db)
        .await
        .unwrap();
    help_article::Entity::update_many()
        .col_expr(help_article::Column::BuiltinHash, Expr::value("older"))
        .col_expr(help_article::Column::Edited, Expr::value(true))
        .col_expr(help_article::Column::Title, Expr::value("An agent's title"))
        .filter(help_article::Column::Slug.eq("forgot-password"))
        .filter(help_article::Column::Lang.eq("en"))
        .exec(db)
        .await
        .unwrap();
    assert_eq!(service::sync_builtin(db, now).await.unwrap(), 1);
    assert_ne!(row("pantry").one(db).await.unwrap().unwrap().title, "Old title");
    assert_eq!(row("forgot-password").one(db).await.unwrap().unwrap().title, "An agent's title", "an edit is kept");

    // Votes.
    assert!(service::vote(db, "en", "cancel-order", true).await.unwrap());
    assert!(service::vote(db, "en", "cancel-order", true).await.unwrap());
    assert!(service::vote(db, "en", "cancel-order", false).await.unwrap());
    assert!(!service::vote(db, "en", "no-such-article", true).await.unwrap());
    let a = service::article(db, "en", "cancel-order").await.unwrap().unwrap();
    assert_eq!((a.helpful_yes, a.helpful_no), (2, 1));
    assert!(service::article(db, "en", "no-such-article").await.unwrap().is_none());
    let home = service::home(db, "ru").await.unwrap();
    assert!(home.categories.iter().map(|c| c.items.len()).sum::<usize>() >= 12);

    // Answers.
    let answer = service::ask(db, "en", "how do I cancel my order", Utc::now()).await.unwrap();
    assert_eq!(answer.cited.first().map(|c| c.slug.as_str()), Some("cancel-order"));
    assert!(!answer.person);
    let et = service::ask(db, "et", "kuidas tellimust tühistada", Utc::now()).await.unwrap();
    assert_eq!(et.cited.first().map(|c| c.slug.as_str()), Some("cancel-order"));
    assert!(service::ask(db, "en", "I want to talk to a person", Utc::now()).await.unwrap().person);
    assert!(service::ask(db, "en", "zxqv wplk", Utc::now()).await.unwrap().cited.is_empty(), "nothing matches: no answer");

    // An edit (here by another instance) is in the next answer.
    help_article::Entity::update_many()
        .col_expr(help_article::Column::Keywords, Expr::value("quokka"))
        .col_expr(help_article::Column::UpdatedAt, Expr::value(now + Duration::minutes(5)))
        .filter(help_article::Column::Slug.eq("personal-data"))
        .filter(help_article::Column::Lang.eq("en"))
        .exec(db)
        .await
        .unwrap();
    let answer = service::ask(db, "en", "quokka", Utc::now()).await.unwrap();
    assert_eq!(answer.cited.first().map(|c| c.slug.as_str()), Some("personal-data"));
}
on_both_engines!(articles_are_synced_voted_and_answered);

async fn cases_are_opened_answered_and_kept_apart(db: &DatabaseConnection) {
    use app::help::case_service::{self as cases, AgentAction, CaseError, NewCase};
    use app::help::cases::{CaseKind, CaseStatus, QueueFilter};
    use app::db::entity::outbox;
    let now = support::sunday();
    let agent = support::confirmed_account(db, "agent@example.ee").await;
    let new = |body: &'static str| NewCase {
        user_id: None,
        email: "guest@example.ee",
        lang: app::i18n::Lang::En,
        kind: CaseKind::Complaint,
        question: "the kettle leaks",
        answer_given: "Withdrawal and complaints (/help/withdrawal-and-complaints)",
        body,
        order_id: None,
        shipment_id: None,
    };
    assert!(matches!(cases::open(db, new("   "), now).await, Err(CaseError::Message(_))), "an empty message opens nothing");
    let (id, key) = cases::open(db, new("It leaks from the bottom."), now).await.unwrap();
    let mails = || outbox::Entity::find().filter(outbox::Column::ToAddress.eq("guest@example.ee")).count(db);
    assert_eq!(mails().await.unwrap(), 1, "the shopper is told, with the link");
    // Only its shopper sees it: the key, not a wrong one nor another account.
    let seen = cases::for_shopper(db, id, &key, None, now).await.unwrap().unwrap();
    assert_eq!((seen.kind, seen.status, seen.due_at), (CaseKind::Complaint, CaseStatus::Open, now + Duration::days(15)));
    assert!(cases::for_shopper(db, id, "wrong", None, now).await.unwrap().is_none());
    assert!(cases::for_shopper(db, id, "", Some(agent), now).await.unwrap().is_none());

    // The queue: open, soonest due first; overdue after 15 days; mine once assigned.
    let all = QueueFilter::default();
    assert_eq!(cases::queue(db, &all, agent, now).await.unwrap().len(), 1);
    let overdue = QueueFilter { overdue: true, ..QueueFilter::default() };
    assert!(cases::queue(db, &overdue, agent, now).await.unwrap().is_empty());
    let late = now + Duration::days(15) + Duration::minutes(1);
    let rows = cases::queue(db, &overdue, agent, late).await.unwrap();
    assert!(rows.len() == 1 && rows[0].overdue, "marked overdue");
    let mine = QueueFilter { mine: true, ..QueueFilter::default() };
    assert!(cases::queue(db, &mine, agent, now).await.unwrap().is_empty());
    cases::act(db, id, agent, AgentAction::AssignToMe, now).await.unwrap();
    assert_eq!(cases::queue(db, &mine, agent, now).await.unwrap().len(), 1);

    // A note stays with the agents; an answer reaches the shopper (page and e-mail).
    cases::act(db, id, agent, AgentAction::Note("Ask the seller for photos"), now).await.unwrap();
    cases::act(db, id, agent, AgentAction::Reply("Please send a photo of the leak."), now).await.unwrap();
    assert_eq!(mails().await.unwrap(), 2);
    let shopper = cases::for_shopper(db, id, &key, None, now).await.unwrap().unwrap();
    assert_eq!(shopper.status, CaseStatus::Answered);
    assert_eq!(shopper.messages.len(), 2, "the note is not shown");
    assert!(shopper.messages.iter().all(|m| !m.body.contains("photos")));
    assert_eq!(cases::for_agent(db, id, now).await.unwrap().unwrap().messages.len(), 3);
    // The shopper writes back: waiting for support again; not overdue while answered.
    assert!(!cases::queue(db, &all, agent, late).await.unwrap()[0].overdue);
    cases::shopper_reply(db, id, &key, None, "Photo attached.", now).await.unwrap();
    assert_eq!(cases::for_shopper(db, id, &key, None, now).await.unwrap().unwrap().status, CaseStatus::Open);
    assert!(matches!(cases::shopper_reply(db, id, "wrong", None, "x", now).await, Err(CaseError::NotFound)));
    cases::act(db, id, agent, AgentAction::Close, now).await.unwrap();
    assert_eq!(cases::for_agent(db, id, now).await.unwrap().unwrap().status, CaseStatus::Closed);

    // At most ten a day from one address.
    for _ in 1..cases::MAX_CASES_PER_DAY {
        cases::open(db, new("Another one."), now).await.unwrap();
    }
    assert!(matches!(cases::open(db, new("One too many."), now).await, Err(CaseError::TooMany)));
}
on_both_engines!(cases_are_opened_answered_and_kept_apart);

/// An agent decides a dispute with a partial refund and a seller's suspension: the refund goes
/// through the provider and is recorded, both sides are told, the case is closed, the same case
/// cannot be decided twice, and a refund above what was paid is refused with nothing done.
async fn a_dispute_is_decided_once_and_takes_effect(db: &DatabaseConnection) {
    use app::db::entity::{case_decision, outbox, shipment};
    use app::help::case_service::{self as cases, CaseError, NewCase};
    use app::help::cases::{CaseKind, CaseStatus};
    use app::help::outcomes::{Outcome, OutcomeError, Party};
    use app::payment::provider::Sandbox;
    support::seeded(db).await;
    let now = support::sunday();
    let (order_id, key, _) = support::paid_order(db).await;
    let sandbox = Sandbox::new(b"a test secret of at least thirty-two bytes".to_vec());
    let agent_id = support::confirmed_account(db, "agent@example.ee").await;
    let session = app::accounts::service::start_session(db, app::ids::UserId(agent_id), false, "test", now).await.unwrap();
    let agent = app::accounts::visitor::SignedIn::from(app::accounts::service::resolve(db, &session.token, now).await.unwrap().unwrap());
    let dispute = |body: &'static str| NewCase {
        user_id: None,
        email: "mari@example.ee",
        lang: app::i18n::Lang::En,
        kind: CaseKind::Dispute,
        question: "the parcel came broken",
        answer_given: "",
        body,
        order_id: Some(order_id),
        shipment_id: None,
    };
    let (id, case_key) = cases::open(db, dispute("The seller refuses to take it back."), now).await.unwrap();
    let ship = shipment::Entity::find().filter(shipment::Column::OrderId.eq(order_id)).one(db).await.unwrap().unwrap();
    let paid = ship.goods_cents + ship.fee_cents;
    // Above what was paid: refused, nothing recorded.
    let too_much = [Outcome::PartialRefund { cents: paid }];
    assert!(matches!(
        cases::decide(db, id, &agent, ship.id, &too_much, Some(&sandbox), now).await,
        Err(CaseError::Outcome(OutcomeError::PartialOutOfRange { .. }))
    ));
    assert_eq!(case_decision::Entity::find().count(db).await.unwrap(), 0);

    let outcomes = [Outcome::PartialRefund { cents: 250 }, Outcome::Suspend(Party::Seller)];
    let effects = cases::decide(db, id, &agent, ship.id, &outcomes, Some(&sandbox), now).await.unwrap();
    assert_eq!(effects.refund_cents, 250);
    let d = case_decision::Entity::find().one(db).await.unwrap().unwrap();
    assert_eq!(d.refund_cents, 250);
    assert!(d.refund_reference.is_some(), "the refund went through the provider and is recorded");
    // Both sides see it: the shopper on the case page and by e-mail, the seller by e-mail; the
    // suspension goes to the administrators (the agent is not one).
    let seen = cases::for_shopper(db, id, &case_key, None, now).await.unwrap().unwrap();
    assert_eq!(seen.status, CaseStatus::Closed);
    assert_eq!(seen.decision.as_ref().map(|d| d.refund_cents), Some(250));
    assert!(seen.messages.last().unwrap().body.contains("€2.50"), "{:?}", seen.messages.last());
    for kind in ["case_decision", "case_suspension"] {
        assert!(outbox::Entity::find().filter(outbox::Column::Kind.eq(kind)).count(db).await.unwrap() >= 1, "{kind}");
    }
    assert_eq!(outbox::Entity::find().filter(outbox::Column::Kind.eq("case_decision")).count(db).await.unwrap(), 2, "buyer and seller");
    // Once.
    assert!(matches!(cases::decide(db, id, &agent, ship.id, &[Outcome::FullRefund], Some(&sandbox), now).await, Err(CaseError::NotDecidable)));
    // Only disputes about the case's own order.
    let (question, _) = cases::open(db, NewCase { kind: CaseKind::Question, ..dispute("Just asking.") }, now).await.unwrap();
    assert!(matches!(cases::decide(db, question, &agent, ship.id, &[Outcome::FullRefund], None, now).await, Err(CaseError::NotDecidable)));
    let _ = key;
}
on_both_engines!(a_dispute_is_decided_once_and_takes_effect);

/// A dispute has two sides: the seller of the shipment is asked, sees it (without the agents'
/// notes or the shopper's address) and states their side, which the shopper sees; files are
/// checked by their content and given only to those who may see the case.
async fn both_sides_of_a_dispute_and_their_files(db: &DatabaseConnection) {
    use app::db::entity::{outbox, seller_member, shipment};
    use app::help::case_service::{self as cases, Adder, AgentAction, CaseError, Downloader, NewCase};
    use app::help::cases::{CaseAuthor, CaseKind, FileProblem};
    use sea_orm::{ActiveModelTrait, Set};
    support::seeded(db).await;
    let now = support::sunday();
    let (order_id, _, _) = support::paid_order(db).await;
    let ship = shipment::Entity::find().filter(shipment::Column::OrderId.eq(order_id)).one(db).await.unwrap().unwrap();
    let new = NewCase {
        user_id: None,
        email: "mari@example.ee",
        lang: app::i18n::Lang::En,
        kind: CaseKind::Dispute,
        question: "the parcel came broken",
        answer_given: "",
        body: "Broken in the box.",
        order_id: Some(order_id),
        shipment_id: Some(ship.id),
    };
    let (id, key) = cases::open(db, new, now).await.unwrap();
    assert_eq!(outbox::Entity::find().filter(outbox::Column::Kind.eq("dispute_opened")).count(db).await.unwrap(), 1, "the seller is asked");
    let staff = support::confirmed_account(db, "staff@seller.example.ee").await;
    seller_member::ActiveModel { seller_id: Set(ship.seller_id), user_id: Set(staff), added_at: Set(now), ..Default::default() }.insert(db).await.unwrap();
    let stranger = support::confirmed_account(db, "stranger@example.ee").await;
    let agent = support::confirmed_account(db, "agent@example.ee").await;
    let other_seller = ship.seller_id + 1000;
    assert_eq!(cases::disputes_of_seller(db, ship.seller_id, now).await.unwrap().len(), 1);
    assert!(cases::disputes_of_seller(db, other_seller, now).await.unwrap().is_empty());
    assert!(cases::for_seller(db, id, other_seller, now).await.unwrap().is_none());
    assert!(matches!(cases::seller_reply(db, id, other_seller, stranger, "Not mine.", now).await, Err(CaseError::NotFound)));

    cases::act(db, id, agent, AgentAction::Note("The seller's photos look right."), now).await.unwrap();
    cases::seller_reply(db, id, ship.seller_id, staff, "It left us whole; see the photo.", now).await.unwrap();
    let seller_side = cases::for_seller(db, id, ship.seller_id, now).await.unwrap().unwrap();
    assert_eq!(seller_side.messages.len(), 2, "the shopper's and their own, not the note");
    assert!(seller_side.email.is_empty(), "the shopper's address stays with support");
    assert_eq!(seller_side.shipment.as_ref().map(|s| s.0), Some(ship.id));
    let shopper = cases::for_shopper(db, id, &key, None, now).await.unwrap().unwrap();
    assert!(shopper.messages.iter().any(|m| m.author == CaseAuthor::Seller && m.body.contains("left us whole")));

    // Files: told by their content, on the case for those who may see it.
    let page = b"<html><script>alert(1)</script>".to_vec();
    assert!(matches!(
        cases::add_file(db, id, Adder::Shopper { key: &key, account: None }, "photo.jpg", page, now).await,
        Err(CaseError::File(FileProblem::Type))
    ));
    let png = b"\x89PNG\r\n\x1a\n0000".to_vec();
    assert!(matches!(
        cases::add_file(db, id, Adder::Shopper { key: "wrong", account: None }, "a.png", png.clone(), now).await,
        Err(CaseError::NotFound)
    ));
    cases::add_file(db, id, Adder::Seller { seller_id: ship.seller_id, user_id: staff }, "../packed.png", png.clone(), now).await.unwrap();
    let files = cases::for_shopper(db, id, &key, None, now).await.unwrap().unwrap().files;
    assert_eq!(files.len(), 1);
    assert_eq!((files[0].name.as_str(), files[0].author, files[0].size), ("packed.png", CaseAuthor::Seller, png.len() as i32));
    let f = files[0].id;
    let got = cases::file_for(db, f, Downloader::Shopper { key: &key, account: None }).await.unwrap().unwrap();
    assert_eq!((got.content, got.content_type.as_str()), (png, "image/png"));
    assert!(cases::file_for(db, f, Downloader::Shopper { key: "wrong", account: None }).await.unwrap().is_none());
    assert!(cases::file_for(db, f, Downloader::Account { user_id: staff, agent: false }).await.unwrap().is_some());
    assert!(cases::file_for(db, f, Downloader::Account { user_id: stranger, agent: false }).await.unwrap().is_none());
    assert!(cases::file_for(db, f, Downloader::Account { user_id: stranger, agent: true }).await.unwrap().is_some());
}
on_both_engines!(both_sides_of_a_dispute_and_their_files);

/// Administrators set an account's standing: a reason is required, their own is not theirs to
/// change; a restricted account orders nothing (signed in or by its address), a suspended one's
/// sessions end and it cannot sign in again.
async fn a_restricted_buyer_cannot_order_and_a_suspended_one_is_signed_out(db: &DatabaseConnection) {
    use app::accounts::{Role, Standing};
    use app::accounts::service::{may_order, resolve, start_session};
    use app::admin::users::service::{set_standing, RoleError};
    let now = support::sunday();
    let admin_id = support::confirmed_account(db, "boss@example.ee").await;
    app::accounts::service::grant(db, admin_id, Role::Administrator, None, now).await.unwrap();
    let s = start_session(db, app::ids::UserId(admin_id), false, "test", now).await.unwrap();
    let admin = app::accounts::visitor::Administrator::from_visitor(resolve(db, &s.token, now).await.unwrap().unwrap()).unwrap();
    let buyer = support::confirmed_account(db, "buyer@example.ee").await;
    let session = start_session(db, app::ids::UserId(buyer), false, "test", now).await.unwrap();
    assert!(may_order(db, Some(buyer), "buyer@example.ee").await.unwrap());
    assert!(matches!(set_standing(db, &admin, buyer, Standing::Restricted, "  ", now).await, Err(RoleError::NoReason)));
    assert!(matches!(set_standing(db, &admin, admin_id, Standing::Suspended, "me", now).await, Err(RoleError::Refused(_))));
    assert!(may_order(db, Some(buyer), "buyer@example.ee").await.unwrap(), "refused changes change nothing");

    set_standing(db, &admin, buyer, Standing::Restricted, "Dispute case 1", now).await.unwrap();
    assert!(!may_order(db, Some(buyer), "other@example.ee").await.unwrap(), "signed in");
    assert!(!may_order(db, None, " Buyer@Example.ee ").await.unwrap(), "as a guest with its address");
    assert!(may_order(db, None, "someone@example.ee").await.unwrap());
    assert!(resolve(db, &session.token, now).await.unwrap().is_some(), "a restricted buyer still signs in");

    set_standing(db, &admin, buyer, Standing::Suspended, "Fraud", now).await.unwrap();
    assert!(resolve(db, &session.token, now).await.unwrap().is_none(), "signed out at once");
    let again = start_session(db, app::ids::UserId(buyer), false, "test", now).await.unwrap();
    assert!(resolve(db, &again.token, now).await.unwrap().is_none(), "a suspended account's session opens nothing");
    let actions: Vec<String> = app::db::entity::audit_entry::Entity::find().all(db).await.unwrap().into_iter().map(|e| e.action).collect();
    assert_eq!(actions, ["account.restrict", "account.suspend"]);

    set_standing(db, &admin, buyer, Standing::Active, "", now).await.unwrap();
    assert!(may_order(db, Some(buyer), "buyer@example.ee").await.unwrap());
}
on_both_engines!(a_restricted_buyer_cannot_order_and_a_suspended_one_is_signed_out);
