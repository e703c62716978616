//! Service tests of accounts, each on SQLite and PostgreSQL: hashing, registration and
//! confirmation, sign-in and its lockouts, sessions (rotation, expiry, sign out everywhere),
//! password reset codes (expiry, attempts, the same answer for unknown addresses), roles, and
//! the guest cart joining the account's cart at sign-in.

mod support;

use app::accounts::service::{self as accounts, AccountError};
use app::accounts::{rules, CodePurpose, ConsentKind, Field, Problem, Role};
use app::cart::service::{self as cart, CartOwner};
use app::db::entity::{auth_code, cart_line, offer, outbox, session, user};
use app::i18n::Lang;
use app::ids::{CartId, OfferId, UserId};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use support::{seeded, sunday};

const BASE: &str = "https://turg.test";
const PASSWORD: &str = "kollane-jalgratas-77";

/// The code in the newest e-mail to `to` (what the person reads).
async fn code_sent_to(db: &DatabaseConnection, to: &str) -> String {
    let mail = outbox::Entity::find()
        .filter(outbox::Column::ToAddress.eq(to))
        .order_by_desc(outbox::Column::Id)
        .one(db)
        .await
        .unwrap()
        .expect("an e-mail was queued");
    let at = mail.body_html.find("data-code=\"").expect("the e-mail carries a code") + 11;
    mail.body_html[at..at + 6].to_owned()
}

async fn mails_to(db: &DatabaseConnection, to: &str) -> u64 {
    outbox::Entity::find().filter(outbox::Column::ToAddress.eq(to)).count(db).await.unwrap()
}

fn form(e: AccountError) -> app::accounts::FormState {
    match e {
        AccountError::Form(state) => state,
        AccountError::Db(e) => panic!("database: {e}"),
    }
}

/// Registers and confirms an account; returns its id.
async fn confirmed(db: &DatabaseConnection, email: &str, now: DateTime<Utc>) -> i32 {
    accounts::register(db, email, PASSWORD, "Mari Tamm", Lang::Et, BASE, now).await.unwrap();
    let code = code_sent_to(db, email).await;
    accounts::confirm_email(db, email, &code, Some("10.0.0.1"), now).await.unwrap();
    accounts::find_by_email(db, email).await.unwrap().unwrap().id
}

async fn hashing_and_registration(db: &DatabaseConnection) {
    let hash = accounts::hash_password(PASSWORD.into()).await;
    assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
    assert!(accounts::verify_password(hash.clone(), PASSWORD.into()).await);
    assert!(!accounts::verify_password(hash.clone(), "kollane-jalgratas-78".into()).await);
    assert!(!accounts::verify_password("not a hash".into(), PASSWORD.into()).await);
    assert_ne!(hash, accounts::hash_password(PASSWORD.into()).await, "a fresh salt every time");

    let now = sunday();
    // Problems per field, all at once; nothing is stored.
    let state = form(accounts::register(db, "not-an-address", "password1", "", Lang::Et, BASE, now).await.unwrap_err());
    assert_eq!(state.errors, vec![(Field::Email, Problem::Email), (Field::Password, Problem::PasswordTooShort)]);
    assert_eq!(state.email, "not-an-address", "what was typed comes back");
    let state = form(accounts::register(db, "mari@example.ee", "Password123!", "", Lang::Et, BASE, now).await.unwrap_err());
    assert_eq!(state.errors, vec![(Field::Password, Problem::PasswordGuessable)]);
    let state = form(accounts::register(db, "mari@example.ee", "mari.tamm.1990", "Mari Tamm", Lang::Et, BASE, now).await.unwrap_err());
    assert_eq!(state.errors, vec![(Field::Password, Problem::PasswordGuessable)], "made of the name");
    assert_eq!(user::Entity::find().count(db).await.unwrap(), 0);

    let email = accounts::register(db, " Mari@Example.EE ", PASSWORD, " Mari  Tamm ", Lang::Et, BASE, now).await.unwrap();
    assert_eq!(email, "mari@example.ee");
    let row = accounts::find_by_email(db, "mari@example.ee").await.unwrap().unwrap();
    assert_eq!((row.name.as_str(), row.email_confirmed_at), ("Mari Tamm", None));
    assert_ne!(row.password_hash.as_deref(), Some(PASSWORD), "never the password itself");
    let code = code_sent_to(db, "mari@example.ee").await;
    let stored = auth_code::Entity::find().one(db).await.unwrap().unwrap();
    assert!(!stored.code_hash.contains(&code) && stored.purpose == CodePurpose::Confirm);

    // Unconfirmed: no session, and the sign-in sends a new code (not within a minute of the last).
    let state = form(accounts::sign_in(db, "mari@example.ee", PASSWORD, false, None, "", BASE, now).await.unwrap_err());
    assert_eq!(state.form_error, Some(Problem::NotConfirmed));
    assert_eq!(mails_to(db, "mari@example.ee").await, 1);
    let later = now + Duration::minutes(2);
    form(accounts::sign_in(db, "mari@example.ee", PASSWORD, false, None, "", BASE, later).await.unwrap_err());
    assert_eq!(mails_to(db, "mari@example.ee").await, 2);
    let newest = code_sent_to(db, "mari@example.ee").await;
    if newest != code {
        let state = form(accounts::confirm_email(db, "mari@example.ee", &code, None, later).await.unwrap_err());
        assert!(matches!(state.errors[0].1, Problem::WrongCode | Problem::WrongCodeTriesLeft(_)), "an older code stopped working");
    }
    accounts::confirm_email(db, "mari@example.ee", &newest, None, later).await.unwrap();
    let session = accounts::sign_in(db, "MARI@example.ee", PASSWORD, false, None, "test", BASE, later).await.unwrap();
    assert_eq!(session.user_id, row.id);

    // The same address again: the answer is the same, the owner gets a notice, nothing changes.
    let again = accounts::register(db, "mari@example.ee", "teine-parool-kass-9", "", Lang::Et, BASE, later).await.unwrap();
    assert_eq!(again, "mari@example.ee");
    assert_eq!(user::Entity::find().count(db).await.unwrap(), 1);
    let notice = outbox::Entity::find().order_by_desc(outbox::Column::Id).one(db).await.unwrap().unwrap();
    assert!(!notice.body_html.contains("data-code") && notice.to_address == "mari@example.ee");
    accounts::sign_in(db, "mari@example.ee", PASSWORD, false, None, "test", BASE, later).await.expect("the password is unchanged");
}
on_both_engines!(hashing_and_registration);

async fn sessions(db: &DatabaseConnection) {
    let now = sunday();
    let id = confirmed(db, "jaan@example.ee", now).await;
    let browser = accounts::sign_in(db, "jaan@example.ee", PASSWORD, false, None, "phone", BASE, now).await.unwrap();
    let remembered = accounts::sign_in(db, "jaan@example.ee", PASSWORD, true, None, "laptop", BASE, now).await.unwrap();
    assert_ne!(browser.token, remembered.token, "every sign-in is a new session id");
    let stored = session::Entity::find().all(db).await.unwrap();
    assert!(stored.iter().all(|s| s.token_hash != browser.token && s.token_hash != remembered.token), "only hashes are kept");

    let who = accounts::resolve(db, &browser.token, now).await.unwrap().expect("a live session");
    assert_eq!((who.user_id(), who.email()), (id, "jaan@example.ee"));
    assert!(accounts::resolve(db, "0123456789abcdef0123456789abcdef", now).await.unwrap().is_none());
    // A browser session ends a day after its last use; use moves the end on.
    let used = now + Duration::hours(20);
    assert!(accounts::resolve(db, &browser.token, used).await.unwrap().is_some());
    assert!(accounts::resolve(db, &browser.token, used + Duration::hours(23)).await.unwrap().is_some(), "used 20 h in");
    assert!(accounts::resolve(db, &browser.token, used + Duration::hours(23) + rules::IDLE_FOR + Duration::minutes(1))
        .await
        .unwrap()
        .is_none());
    // "Remember me" lasts 30 days from sign-in, used or not.
    assert!(accounts::resolve(db, &remembered.token, now + Duration::days(29)).await.unwrap().is_some());
    assert!(accounts::resolve(db, &remembered.token, now + Duration::days(30) + Duration::minutes(1)).await.unwrap().is_none());

    // Sign out here, and everywhere.
    let other = accounts::sign_in(db, "jaan@example.ee", PASSWORD, false, None, "tablet", BASE, now).await.unwrap();
    accounts::end_session(db, &other.token).await.unwrap();
    assert!(accounts::resolve(db, &other.token, now).await.unwrap().is_none());
    assert!(accounts::resolve(db, &remembered.token, now).await.unwrap().is_some(), "other sessions go on");
    assert_eq!(accounts::end_all_sessions(db, id).await.unwrap(), 2);
    assert!(accounts::resolve(db, &remembered.token, now).await.unwrap().is_none());

    // Roles: granted and revoked, read with the session.
    accounts::grant(db, id, Role::Support, None, now).await.unwrap();
    accounts::grant(db, id, Role::Support, None, now).await.unwrap();
    let s = accounts::start_session(db, UserId(id), false, "", now).await.unwrap();
    assert_eq!(accounts::resolve(db, &s.token, now).await.unwrap().unwrap().roles(), &[Role::Support]);
    accounts::revoke(db, id, Role::Support).await.unwrap();
    assert!(accounts::resolve(db, &s.token, now).await.unwrap().unwrap().roles().is_empty());
}
on_both_engines!(sessions);

async fn sign_in_lockouts(db: &DatabaseConnection) {
    let now = sunday();
    confirmed(db, "kati@example.ee", now).await;
    // Unknown address and wrong password read the same.
    let unknown = form(accounts::sign_in(db, "nobody@example.ee", PASSWORD, false, None, "", BASE, now).await.unwrap_err());
    let wrong = form(accounts::sign_in(db, "kati@example.ee", "vale-parool-xyz-1", false, None, "", BASE, now).await.unwrap_err());
    assert_eq!(unknown.form_error, Some(Problem::WrongCredentials));
    assert_eq!(wrong.form_error, unknown.form_error);
    // Five failures for the account within 15 minutes lock it, even with the right password,
    // from any client; the wait is told in minutes.
    for i in 1..5 {
        let at = now + Duration::minutes(i);
        form(accounts::sign_in(db, "kati@example.ee", "vale-parool-xyz-1", false, Some("10.0.0.9"), "", BASE, at).await.unwrap_err());
    }
    let at = now + Duration::minutes(5);
    let locked = form(accounts::sign_in(db, "kati@example.ee", PASSWORD, false, Some("10.0.0.7"), "", BASE, at).await.unwrap_err());
    assert_eq!(locked.form_error, Some(Problem::Locked(10)), "the first failure leaves the window at minute 15");
    // When the first failure leaves the window, the door opens; success clears the count.
    let open = now + Duration::minutes(15) + Duration::seconds(1);
    accounts::sign_in(db, "kati@example.ee", PASSWORD, false, None, "", BASE, open).await.unwrap();
    form(accounts::sign_in(db, "kati@example.ee", "vale-parool-xyz-1", false, None, "", BASE, open).await.unwrap_err());
    accounts::sign_in(db, "kati@example.ee", PASSWORD, false, None, "", BASE, open).await.expect("one typo does not lock");

    // Twenty failures from one client address lock that client for every account.
    let later = now + Duration::hours(2);
    for i in 0..20 {
        let email = format!("guess{i}@example.ee");
        form(accounts::sign_in(db, &email, PASSWORD, false, Some("192.0.2.1"), "", BASE, later).await.unwrap_err());
    }
    let state = form(accounts::sign_in(db, "kati@example.ee", PASSWORD, false, Some("192.0.2.1"), "", BASE, later).await.unwrap_err());
    assert_eq!(state.form_error, Some(Problem::Locked(15)));
    accounts::sign_in(db, "kati@example.ee", PASSWORD, false, Some("192.0.2.2"), "", BASE, later).await.expect("another client");
}
on_both_engines!(sign_in_lockouts);

async fn password_reset(db: &DatabaseConnection) {
    let now = sunday();
    let id = confirmed(db, "peeter@example.ee", now).await;
    let before = accounts::sign_in(db, "peeter@example.ee", PASSWORD, true, None, "", BASE, now).await.unwrap();
    // An unknown address: nothing is sent (the page answers the same; `api::forgot` pads the time).
    let queued = outbox::Entity::find().count(db).await.unwrap();
    accounts::request_reset(db, "nobody@example.ee", Lang::En, BASE, now).await.unwrap();
    accounts::request_reset(db, "broken address", Lang::En, BASE, now).await.unwrap();
    assert_eq!(outbox::Entity::find().count(db).await.unwrap(), queued);

    accounts::request_reset(db, "Peeter@Example.ee", Lang::En, BASE, now).await.unwrap();
    let code = code_sent_to(db, "peeter@example.ee").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    // Five tries per code: the fifth wrong one uses it up.
    for left in (1..5).rev() {
        let state = form(accounts::reset_password(db, "peeter@example.ee", wrong, "uus-parool-sinine-5", None, Lang::En, BASE, now).await.unwrap_err());
        assert_eq!(state.errors, vec![(Field::Code, Problem::WrongCodeTriesLeft(left))]);
    }
    let state = form(accounts::reset_password(db, "peeter@example.ee", wrong, "uus-parool-sinine-5", None, Lang::En, BASE, now).await.unwrap_err());
    assert_eq!(state.errors, vec![(Field::Code, Problem::WrongCode)]);
    let state = form(accounts::reset_password(db, "peeter@example.ee", &code, "uus-parool-sinine-5", None, Lang::En, BASE, now).await.unwrap_err());
    assert_eq!(state.errors, vec![(Field::Code, Problem::WrongCode)], "the right code no longer works after five misses");

    // A new code expires after 15 minutes.
    let t1 = now + Duration::minutes(2);
    accounts::request_reset(db, "peeter@example.ee", Lang::En, BASE, t1).await.unwrap();
    let code = code_sent_to(db, "peeter@example.ee").await;
    let late = t1 + rules::CODE_VALID_FOR + Duration::seconds(1);
    let state = form(accounts::reset_password(db, "peeter@example.ee", &code, "uus-parool-sinine-5", None, Lang::En, BASE, late).await.unwrap_err());
    assert_eq!(state.errors, vec![(Field::Code, Problem::WrongCode)]);

    // In time, with a weak password: refused, the code is kept for another try.
    let t2 = late + Duration::minutes(1);
    accounts::request_reset(db, "peeter@example.ee", Lang::En, BASE, t2).await.unwrap();
    let code = code_sent_to(db, "peeter@example.ee").await;
    let state = form(accounts::reset_password(db, "peeter@example.ee", &code, "qwertyuiop", None, Lang::En, BASE, t2).await.unwrap_err());
    assert_eq!(state.errors, vec![(Field::Password, Problem::PasswordGuessable)]);
    accounts::reset_password(db, "peeter@example.ee", &format!("{} {}", &code[..3], &code[3..]), "uus-parool-sinine-5", None, Lang::En, BASE, t2)
        .await
        .unwrap();
    // Every session ended; the old password is gone; the owner was told.
    assert!(accounts::resolve(db, &before.token, t2).await.unwrap().is_none());
    let state = form(accounts::sign_in(db, "peeter@example.ee", PASSWORD, false, None, "", BASE, t2).await.unwrap_err());
    assert_eq!(state.form_error, Some(Problem::WrongCredentials));
    let s = accounts::sign_in(db, "peeter@example.ee", "uus-parool-sinine-5", false, None, "", BASE, t2).await.unwrap();
    assert_eq!(s.user_id, id);
    let told = outbox::Entity::find().order_by_desc(outbox::Column::Id).one(db).await.unwrap().unwrap();
    assert_eq!(told.subject, Lang::Et.texts().mail_changed_subject, "in the account's language");
    // A used code cannot be used again.
    let state = form(accounts::reset_password(db, "peeter@example.ee", &code, "kolmas-parool-roheline", None, Lang::En, BASE, t2).await.unwrap_err());
    assert_eq!(state.errors, vec![(Field::Code, Problem::WrongCode)]);
}
on_both_engines!(password_reset);

async fn guest_cart_joins_the_account_cart(db: &DatabaseConnection) {
    seeded(db).await;
    let now = sunday();
    let id = confirmed(db, "liis@example.ee", now).await;
    let offers = offer::Entity::find().filter(offer::Column::Active.eq(true)).filter(offer::Column::Stock.gte(3)).order_by_asc(offer::Column::Id).all(db).await.unwrap();
    let (a, b) = (&offers[0], offers.iter().find(|o| o.product_id != offers[0].product_id).unwrap());

    // No account cart yet: the guest cart becomes the account's.
    let (guest, token) = cart::find_or_create(db, CartOwner::Guest(None), now).await.unwrap();
    cart::add(db, CartId(guest.id), OfferId(a.id), 2, now).await.unwrap();
    let mine = cart::adopt_guest_cart(db, token.as_deref(), id, now).await.unwrap().unwrap();
    assert_eq!(mine.id, guest.id);
    assert!(cart::find_owned(db, CartOwner::Guest(token.as_deref())).await.unwrap().is_none(), "the cookie no longer opens it");
    assert_eq!(cart::find_owned(db, CartOwner::Account(id)).await.unwrap().unwrap().id, guest.id);

    // Another browser's guest cart joins it: the same offer adds up to the stock, others move over.
    let (other, token2) = cart::find_or_create(db, CartOwner::Guest(None), now).await.unwrap();
    cart::add(db, CartId(other.id), OfferId(a.id), a.stock.min(app::cart::MAX_QUANTITY), now).await.unwrap();
    cart::add(db, CartId(other.id), OfferId(b.id), 1, now).await.unwrap();
    let mine = cart::adopt_guest_cart(db, token2.as_deref(), id, now).await.unwrap().unwrap();
    assert_eq!(mine.id, guest.id);
    let lines = cart_line::Entity::find().filter(cart_line::Column::CartId.eq(mine.id)).order_by_asc(cart_line::Column::Id).all(db).await.unwrap();
    let qty = |offer: i32| lines.iter().find(|l| l.offer_id == offer).map(|l| l.quantity);
    assert_eq!(qty(a.id), Some(a.stock.min(app::cart::MAX_QUANTITY)), "capped by the stock");
    assert_eq!(qty(b.id), Some(1));
    assert_eq!(cart_line::Entity::find().filter(cart_line::Column::CartId.eq(other.id)).count(db).await.unwrap(), 0);
    // Nothing to adopt: the account's cart stays as it is.
    assert_eq!(cart::adopt_guest_cart(db, None, id, now).await.unwrap().unwrap().id, mine.id);
    let view = cart::cart_view(db, CartOwner::Account(id), Lang::En, now).await.unwrap();
    assert_eq!(view.groups.iter().map(|g| g.lines.len()).sum::<usize>(), 2);
}
on_both_engines!(guest_cart_joins_the_account_cart);

async fn administrators_are_made_by_command(db: &DatabaseConnection) {
    let now = sunday();
    let state = form(accounts::ensure_account(db, "boss@example.ee", "short", "", &[Role::Administrator], now).await.unwrap_err());
    assert_eq!(state.errors, vec![(Field::Password, Problem::PasswordTooShort)]);
    let admin = accounts::ensure_account(db, "Boss@Example.ee", "hall-elevant-kõnnib-8", "", &[Role::Administrator], now).await.unwrap();
    assert!(admin.email_confirmed_at.is_some());
    let s = accounts::sign_in(db, "boss@example.ee", "hall-elevant-kõnnib-8", false, None, "", BASE, now).await.unwrap();
    assert!(accounts::resolve(db, &s.token, now).await.unwrap().unwrap().has(Role::Administrator));
    // Again: the same account, a new password, the role kept.
    let again = accounts::ensure_account(db, "boss@example.ee", "punane-kaelkirjak-3", "", &[Role::Administrator], now).await.unwrap();
    assert_eq!(again.id, admin.id);
    accounts::sign_in(db, "boss@example.ee", "punane-kaelkirjak-3", false, None, "", BASE, now).await.unwrap();
    // The demo accounts pass the password rules.
    for (email, password, name, roles) in app::db::seed::demo::DEMO_ACCOUNTS {
        accounts::ensure_account(db, email, password, name, roles, now).await.unwrap_or_else(|e| panic!("{email}: {e:?}"));
    }
}
on_both_engines!(administrators_are_made_by_command);

async fn guest_orders_are_claimed_by_the_confirmed_address(db: &DatabaseConnection) {
    use app::checkout::service::place_order;
    use app::orders::service::{claim_guest_orders, claimable_count, orders_of};
    seeded(db).await;
    let now = sunday();
    // A guest order with the address typed in another case.
    let offer = offer::Entity::find().filter(offer::Column::Active.eq(true)).filter(offer::Column::Stock.gte(2)).order_by_asc(offer::Column::Id).one(db).await.unwrap().unwrap();
    let (c, _) = cart::find_or_create(db, CartOwner::Guest(None), now).await.unwrap();
    cart::add(db, CartId(c.id), OfferId(offer.id), 1, now).await.unwrap();
    let mut contact = support::contact();
    contact.email = "Mari@example.ee".into();
    let placed = place_order(db, &c, &contact, app::checkout::PayChoice::Bank(app::orders::Bank::Lhv), Lang::En, None, None, now).await.unwrap();

    let mari = confirmed(db, "mari@example.ee", now).await;
    let other = confirmed(db, "kadri@example.ee", now).await;
    let guard = |id: i32| async move {
        let s = accounts::start_session(db, UserId(id), false, "", now).await.unwrap();
        app::accounts::visitor::SignedIn::from(accounts::resolve(db, &s.token, now).await.unwrap().unwrap())
    };
    let (as_mari, as_other) = (guard(mari).await, guard(other).await);
    assert_eq!(claimable_count(db, &as_other).await.unwrap(), 0);
    assert_eq!(claimable_count(db, &as_mari).await.unwrap(), 1);
    assert!(orders_of(db, &as_mari).await.unwrap().is_empty());
    assert_eq!(claim_guest_orders(db, &as_mari).await.unwrap(), 1);
    let mine = orders_of(db, &as_mari).await.unwrap();
    assert_eq!(mine.iter().map(|o| o.id).collect::<Vec<_>>(), vec![placed.order_id]);
    assert_eq!(mine[0].shipments, 1);
    // Claimed once: nothing left to claim, and nobody else sees it.
    assert_eq!(claim_guest_orders(db, &as_mari).await.unwrap(), 0);
    assert!(orders_of(db, &as_other).await.unwrap().is_empty());
}
on_both_engines!(guest_orders_are_claimed_by_the_confirmed_address);

async fn profile_addresses_export_and_deletion(db: &DatabaseConnection) {
    use app::accounts::profile;
    use app::db::entity::{address, consent};
    let now = sunday();
    let id = confirmed(db, "anu@example.ee", now).await;
    let other = confirmed(db, "toomas@example.ee", now).await;
    let guard = |id: i32| async move {
        let s = accounts::start_session(db, UserId(id), false, "Firefox", now).await.unwrap();
        (app::accounts::visitor::SignedIn::from(accounts::resolve(db, &s.token, now).await.unwrap().unwrap()), s.token)
    };
    let ((anu, token), (toomas, _)) = (guard(id).await, guard(other).await);

    // Details: a bad phone is refused and nothing changes; a good one is kept in E.164.
    let errors = profile::save_profile(db, &anu, "Anu Saar", "12", Lang::Ru).await.unwrap_err();
    assert_eq!(errors[0].field, app::checkout::validate::Field::Phone);
    assert_eq!(profile::profile(db, &anu).await.unwrap().name, "Mari Tamm", "unchanged");
    profile::save_profile(db, &anu, " Anu  Saar ", "5123 4567", Lang::Ru).await.unwrap();
    let p = profile::profile(db, &anu).await.unwrap();
    assert_eq!((p.name.as_str(), p.phone.as_str(), p.lang), ("Anu Saar", "+37251234567", Lang::Ru));

    // Addresses: checked like the checkout's, and only the owner's can be removed.
    let bad = profile::add_address(db, &anu, "Pikk 1", "Tallinn", "1012", "harju", now).await.unwrap().unwrap_err();
    assert_eq!(bad[0].field, app::checkout::validate::Field::PostalCode);
    profile::add_address(db, &anu, "Pikk 1", "Tallinn", "10123", "harju", now).await.unwrap().unwrap();
    let a = profile::profile(db, &anu).await.unwrap().addresses;
    assert_eq!(a.len(), 1);
    assert!(!profile::remove_address(db, &toomas, a[0].id).await.unwrap(), "another account's address reads as missing");
    assert_eq!(address::Entity::find().count(db).await.unwrap(), 1);

    // The terms were agreed to at registration; the export holds everything, no tokens.
    let history = profile::consents(db, &anu).await.unwrap();
    assert_eq!((history.len(), history[0].kind, history[0].granted), (1, ConsentKind::Terms, true));
    let json = profile::export(db, &anu, now).await.unwrap();
    assert_eq!(json["account"]["email"], "anu@example.ee");
    assert_eq!(json["addresses"][0]["postal_code"], "10123");
    assert_eq!(json["consents"][0]["kind"], "terms");
    assert_eq!(json["sessions"][0]["browser"], "Firefox");
    assert!(!json.to_string().contains(&token), "never the session token");
    assert!(!json.to_string().contains("argon2"), "never the password hash");

    // A new e-mail: taken or the same is refused; a code to the new address changes it.
    let taken = form(profile::request_email_change(db, &anu, "Toomas@example.ee", Lang::En, BASE, now).await.unwrap_err());
    assert_eq!(taken.errors, vec![(Field::Email, Problem::EmailTaken)]);
    let same = form(profile::request_email_change(db, &anu, "anu@example.ee", Lang::En, BASE, now).await.unwrap_err());
    assert_eq!(same.errors, vec![(Field::Email, Problem::SameEmail)]);
    profile::request_email_change(db, &anu, "anu.saar@example.ee", Lang::En, BASE, now).await.unwrap();
    let code = code_sent_to(db, "anu.saar@example.ee").await;
    assert_eq!(profile::confirm_email_change(db, &anu, &code, None, now).await.unwrap(), "anu.saar@example.ee");
    accounts::sign_in(db, "anu.saar@example.ee", PASSWORD, false, None, "", BASE, now).await.expect("the new address signs in");

    // Deleting needs the password; then everything personal is gone and the address is free.
    let wrong = form(profile::delete_account(db, &anu, "not-the-password-1", now).await.unwrap_err());
    assert_eq!(wrong.errors, vec![(Field::Password, Problem::WrongPassword)]);
    profile::delete_account(db, &anu, PASSWORD, now).await.unwrap();
    assert!(accounts::resolve(db, &token, now).await.unwrap().is_none(), "sessions end");
    let state = form(accounts::sign_in(db, "anu.saar@example.ee", PASSWORD, false, None, "", BASE, now).await.unwrap_err());
    assert_eq!(state.form_error, Some(Problem::WrongCredentials), "cannot sign in");
    let row = user::Entity::find_by_id(id).one(db).await.unwrap().unwrap();
    assert_eq!((row.email.as_str(), row.name.as_str(), row.phone.as_str(), row.password_hash), (&*format!("deleted-{id}"), "", "", None));
    assert_eq!(address::Entity::find().count(db).await.unwrap(), 0);
    assert_eq!(consent::Entity::find().filter(consent::Column::UserId.eq(id)).count(db).await.unwrap(), 0);
    accounts::register(db, "anu.saar@example.ee", PASSWORD, "", Lang::Et, BASE, now).await.expect("the address registers again");
}
on_both_engines!(profile_addresses_export_and_deletion);

async fn deletion_keeps_the_invoice_without_the_link(db: &DatabaseConnection) {
    use app::checkout::service::place_order;
    use app::db::entity::order;
    seeded(db).await;
    let now = sunday();
    let id = confirmed(db, "ene@example.ee", now).await;
    let s = accounts::start_session(db, UserId(id), false, "", now).await.unwrap();
    let ene = app::accounts::visitor::SignedIn::from(accounts::resolve(db, &s.token, now).await.unwrap().unwrap());
    let offer = offer::Entity::find().filter(offer::Column::Active.eq(true)).filter(offer::Column::Stock.gte(2)).order_by_asc(offer::Column::Id).one(db).await.unwrap().unwrap();
    let (c, _) = cart::find_or_create(db, CartOwner::Account(id), now).await.unwrap();
    cart::add(db, CartId(c.id), OfferId(offer.id), 1, now).await.unwrap();
    let placed = place_order(db, &c, &support::contact(), app::checkout::PayChoice::Bank(app::orders::Bank::Lhv), Lang::En, None, None, now).await.unwrap();
    let paid = app::payment::provider::Callback { reference: placed.payment_reference.clone(), outcome: app::payment::provider::Outcome::Paid, amount_cents: placed.total_cents };
    app::payment::service::apply_callback(db, &paid, now).await.unwrap();
    assert_eq!(app::orders::service::orders_of(db, &ene).await.unwrap().len(), 1);

    app::accounts::profile::delete_account(db, &ene, PASSWORD, now).await.unwrap();
    let kept = order::Entity::find_by_id(placed.order_id).one(db).await.unwrap().expect("the order stays");
    assert_eq!(kept.user_id, None, "without the link to the account");
    assert!(kept.invoice_number.is_some(), "with its invoice");
    assert!(cart::find_owned(db, CartOwner::Account(id)).await.unwrap().is_none(), "the cart is no longer the account's");
}
on_both_engines!(deletion_keeps_the_invoice_without_the_link);
