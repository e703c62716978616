//! Service tests of companies becoming sellers, each on SQLite and PostgreSQL: a wrong
//! application stores nothing; an administrator asks for changes, the applicant edits and
//! submits again, the administrator approves and the seller exists with the applicant as its
//! member, each decision in the audit log and e-mailed; decisions follow the status; of two
//! administrators approving at once one makes the seller.

mod support;

use app::accounts::visitor::{Administrator, SignedIn};
use app::accounts::Role;
use app::catalog::SellerStatus;
use app::db::entity::{audit_entry, outbox, seller, seller_application, seller_member};
use app::i18n::Lang;
use app::ids::UserId;
use app::sellers::applications::{decide, for_administrators, member_of, submit, ApplyError, DecideError};
use app::sellers::onboarding::{ApplicationForm, ApplicationStatus, Decision, Field, Problem};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

async fn visitor(db: &DatabaseConnection, email: &str, roles: &[Role]) -> app::accounts::visitor::Visitor {
    let now = chrono::Utc::now();
    let user = app::accounts::service::ensure_account(db, email, "Kirsid-Tallinnas-2026", "Test Person", roles, now)
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let session = app::accounts::service::start_session(db, UserId(user.id), false, "test", now).await.unwrap();
    app::accounts::service::resolve(db, &session.token, now).await.unwrap().expect("a live session")
}

async fn applicant(db: &DatabaseConnection, email: &str) -> SignedIn {
    SignedIn::from(visitor(db, email, &[]).await)
}

async fn admin(db: &DatabaseConnection, email: &str) -> Administrator {
    Administrator::from_visitor(visitor(db, email, &[Role::Administrator]).await).expect("holds the role")
}

fn form() -> ApplicationForm {
    ApplicationForm {
        company_name: "Näidis Kaubandus OÜ".into(),
        country: "EE".into(),
        registry_code: "10137319".into(),
        vat_number: String::new(),
        street: "Pikk 1".into(),
        city: "Tallinn".into(),
        postal_code: "10123".into(),
        contact_name: "Mari Maasikas".into(),
        email: "mari@naidis.ee".into(),
        phone: "5123 4567".into(),
        iban: "EE38 2200 2210 2014 5685".into(),
        certified: true,
    }
}

async fn mails_to(db: &DatabaseConnection, to: &str) -> Vec<outbox::Model> {
    outbox::Entity::find().filter(outbox::Column::ToAddress.eq(to)).order_by_asc(outbox::Column::Id).all(db).await.unwrap()
}

async fn apply_fix_and_approve(db: &DatabaseConnection) {
    let now = chrono::Utc::now();
    let who = applicant(db, "owner@naidis.ee").await;
    let boss = admin(db, "boss@turg.ee").await;

    // A wrong application: every problem reported, nothing stored.
    let wrong = ApplicationForm { iban: "EE38 2200 2210 2014 5686".into(), certified: false, ..form() };
    match submit(db, &who, Lang::En, &wrong, now).await {
        Err(ApplyError::Invalid(errors)) => {
            let got: Vec<_> = errors.iter().map(|e| (e.field, e.problem)).collect();
            assert_eq!(got, vec![(Field::Iban, Problem::CheckDigits), (Field::Certified, Problem::NotCertified)]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(seller_application::Entity::find().count(db).await.unwrap(), 0);
    assert!(mails_to(db, "owner@naidis.ee").await.is_empty());

    let a = submit(db, &who, Lang::En, &form(), now).await.unwrap();
    assert_eq!(a.status, ApplicationStatus::Submitted);
    assert_eq!(a.iban, "EE382200221020145685");
    assert_eq!(mails_to(db, "owner@naidis.ee").await.len(), 1, "a receipt");

    // Changes asked for: the words are required, then reach the applicant.
    assert!(matches!(
        decide(db, &boss, a.id, Decision::AskChanges, "  ", now).await,
        Err(DecideError::Message(Problem::Required))
    ));
    let asked = decide(db, &boss, a.id, Decision::AskChanges, "Please add the VAT number.", now).await.unwrap();
    assert_eq!(asked.status, ApplicationStatus::ChangesRequested);
    assert_eq!(asked.message.as_deref(), Some("Please add the VAT number."));
    let mails = mails_to(db, "owner@naidis.ee").await;
    assert_eq!(mails.len(), 2);
    assert!(mails[1].body_text.contains("Please add the VAT number."), "{}", mails[1].body_text);
    // Not approved before the applicant has changed it.
    assert!(matches!(
        decide(db, &boss, a.id, Decision::Approve, "", now).await,
        Err(DecideError::NotAllowed(ApplicationStatus::ChangesRequested))
    ));

    // The applicant edits and sends it again.
    let fixed = submit(db, &who, Lang::En, &ApplicationForm { vat_number: "100247019".into(), ..form() }, now).await.unwrap();
    assert_eq!((fixed.id, fixed.status), (a.id, ApplicationStatus::Submitted));
    assert_eq!(fixed.vat_number.as_deref(), Some("EE100247019"));
    assert_eq!(fixed.message, None);

    // Approved: the seller exists, active, with the applicant as its member.
    let approved = decide(db, &boss, a.id, Decision::Approve, "", now).await.unwrap();
    assert_eq!(approved.status, ApplicationStatus::Approved);
    let s = seller::Entity::find_by_id(approved.seller_id.expect("a seller")).one(db).await.unwrap().unwrap();
    assert_eq!((s.name.as_str(), s.status, s.country.as_str()), ("Näidis Kaubandus OÜ", SellerStatus::Active, "EE"));
    assert_eq!((s.vat_number.as_str(), s.iban.as_str(), s.registry_code.as_str()), ("EE100247019", "EE382200221020145685", "10137319"));
    assert_eq!(s.slug, "naidis-kaubandus-ou");
    assert_eq!(member_of(db, who.user_id()).await.unwrap().map(|m| m.id), Some(s.id));
    assert!(mails_to(db, "owner@naidis.ee").await.last().unwrap().subject.contains("Näidis Kaubandus OÜ"));

    // Decided is decided: no second decision, no more edits.
    assert!(matches!(decide(db, &boss, a.id, Decision::Reject, "late", now).await, Err(DecideError::NotAllowed(ApplicationStatus::Approved))));
    assert!(matches!(submit(db, &who, Lang::En, &form(), now).await, Err(ApplyError::AlreadyMember)));
    assert_eq!(seller_member::Entity::find().filter(seller_member::Column::SellerId.eq(s.id)).count(db).await.unwrap(), 1);

    // Each decision is in the audit log, by whom and on what.
    let log = audit_entry::Entity::find().order_by_asc(audit_entry::Column::Id).all(db).await.unwrap();
    let actions: Vec<_> = log.iter().map(|e| (e.action.as_str(), e.subject.clone(), e.actor_id)).collect();
    let on = format!("application:{}", a.id);
    assert_eq!(
        actions,
        vec![("application.ask_changes", on.clone(), boss.user_id()), ("application.approve", on, boss.user_id())]
    );
    assert!(log[0].detail.contains("Please add the VAT number."));

    // The administrators' list shows it as decided, with the seller.
    let rows = for_administrators(db, &boss, 20).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].seller_slug.as_deref(), Some("naidis-kaubandus-ou"));
    assert_eq!(rows[0].applicant_email, "owner@naidis.ee");
}
on_both_engines!(apply_fix_and_approve);

async fn reject_with_a_reason(db: &DatabaseConnection) {
    let now = chrono::Utc::now();
    let who = applicant(db, "owner@naidis.ee").await;
    let boss = admin(db, "boss@turg.ee").await;
    let a = submit(db, &who, Lang::Et, &form(), now).await.unwrap();
    let rejected = decide(db, &boss, a.id, Decision::Reject, "Not a trader.", now).await.unwrap();
    assert_eq!((rejected.status, rejected.seller_id), (ApplicationStatus::Rejected, None));
    assert_eq!(seller::Entity::find().count(db).await.unwrap(), 0, "no seller made");
    assert!(matches!(submit(db, &who, Lang::Et, &form(), now).await, Err(ApplyError::Closed(ApplicationStatus::Rejected))));
    // Its e-mail is in the account's language (Estonian by default).
    let last = mails_to(db, "owner@naidis.ee").await.pop().unwrap();
    assert_eq!(last.lang, "et");
    assert!(last.body_text.contains("Not a trader."));
}
on_both_engines!(reject_with_a_reason);

/// A company whose name makes a slug a seller has already gets the next free one.
async fn slugs_stay_unique(db: &DatabaseConnection) {
    support::seeded(db).await;
    let now = chrono::Utc::now();
    let boss = admin(db, "boss@turg.ee").await;
    let taken = seller::Entity::find().order_by_asc(seller::Column::Id).one(db).await.unwrap().unwrap();
    let who = applicant(db, "twin@example.ee").await;
    let twin = ApplicationForm { company_name: taken.slug.replace('-', " "), ..form() };
    let a = submit(db, &who, Lang::En, &twin, now).await.unwrap();
    let approved = decide(db, &boss, a.id, Decision::Approve, "", now).await.unwrap();
    let made = seller::Entity::find_by_id(approved.seller_id.unwrap()).one(db).await.unwrap().unwrap();
    assert_eq!(made.slug, format!("{}-2", taken.slug));
    // The demo seed's pending application is there too, waiting.
    let open = for_administrators(db, &boss, 0).await.unwrap();
    assert_eq!(open.iter().filter(|r| r.status == ApplicationStatus::Submitted).count(), 1);
}
on_both_engines!(slugs_stay_unique);

/// Two administrators approve the same application at once: one seller, one audit entry.
async fn racing_approvals(db: &DatabaseConnection) {
    let now = chrono::Utc::now();
    let who = applicant(db, "owner@naidis.ee").await;
    let (one, two) = (admin(db, "one@turg.ee").await, admin(db, "two@turg.ee").await);
    let a = submit(db, &who, Lang::En, &form(), now).await.unwrap();
    let (x, y) = tokio::join!(
        decide(db, &one, a.id, Decision::Approve, "", now),
        decide(db, &two, a.id, Decision::Approve, "", now)
    );
    let oks = [x.is_ok(), y.is_ok()].into_iter().filter(|ok| *ok).count();
    assert_eq!(oks, 1, "{x:?} {y:?}");
    for r in [x, y].into_iter().filter_map(Result::err) {
        assert!(matches!(r, DecideError::NotAllowed(_)) || matches!(r, DecideError::Db(_)), "{r:?}");
    }
    assert_eq!(seller::Entity::find().count(db).await.unwrap(), 1);
    assert_eq!(audit_entry::Entity::find().count(db).await.unwrap(), 1);
}
on_both_engines_racing!(racing_approvals);
