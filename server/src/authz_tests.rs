//! Authorisation of every server function, through the whole router (the session middleware,
//! the origin check and the functions' own guards), on a seeded SQLite database:
//! - every registered server function is listed below as public, for a signed-in account, or
//!   for administrators, so a new one cannot be added without deciding which;
//! - signed out, each account function answers 401 and each administrator function 401; a
//!   shopper gets 403 from the administrator functions;
//! - another account's order, shipment and address, asked for by id, are "not found", and
//!   nothing of theirs changes.

use crate::{routes, seo_tests};
use app::cart::service::{self as cart, CartOwner};
use app::db::entity::{address, claim, shipment};
use app::ids::{CartId, OfferId, UserId};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use tower::ServiceExt;

/// Open to everyone: browsing, the guest's cart and checkout, signing up and in. The order
/// functions check the order's key, cart or account themselves (below: another account's ids).
const PUBLIC: &[&str] = &[
    "home", "category", "product", "search", "suggest", "seller", "sellers", "cart", "cart_count", "cart_add",
    "cart_update", "cart_method", "cart_county", "checkout", "place_order", "sandbox_payment", "order",
    "order_cancel_shipment", "order_claim", "account", "account_register", "account_confirm", "account_sign_in",
    "account_sign_out", "account_forgot", "account_reset",
];

/// For a signed-in account, with arguments that would succeed for one.
const SIGNED_IN: &[(&str, &str)] = &[
    ("account_orders", "lang=En"),
    ("account_claim_orders", "lang=en"),
    ("account_profile", ""),
    ("account_save_profile", "lang=en&name=Mari&phone=&language=en"),
    ("account_add_address", "lang=en&street=Pikk+1&city=Tallinn&postal_code=10123&county=harju"),
    ("account_remove_address", "lang=en&id=1"),
    ("account_change_email", "lang=en&email=new%40example.ee"),
    ("account_confirm_email_change", "lang=en&code=123456"),
    ("account_delete", "lang=en&password=Kirsid-Tallinnas-2026"),
    ("account_consents", ""),
];

/// For administrators.
const ADMIN: &[&str] = &["admin_refunds_due", "admin_outbox"];

async fn post(router: &axum::Router, endpoint: &str, body: &str, cookie: Option<&str>) -> StatusCode {
    let mut req = Request::post(format!("/api/{endpoint}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, seo_tests::ORIGIN);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    router.clone().oneshot(req.body(Body::from(body.to_owned())).unwrap()).await.unwrap().status()
}

async fn get(router: &axum::Router, uri: &str, cookie: Option<&str>) -> StatusCode {
    let mut req = Request::get(uri).header(header::ACCEPT, "text/html");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    router.clone().oneshot(req.body(Body::empty()).unwrap()).await.unwrap().status()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_checks_who_asks() {
    let _one_at_a_time = seo_tests::RENDERING.lock().await;
    seo_tests::install_test_config();
    let db = app::db::open("sqlite::memory:").await.unwrap();
    app::db::seed::seed_demo(&db).await.unwrap();
    let now = chrono::Utc::now();

    // Every server function is classified.
    let registered: std::collections::BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_owned())
        .collect();
    let classified: std::collections::BTreeSet<String> = PUBLIC
        .iter()
        .copied()
        .chain(SIGNED_IN.iter().map(|(e, _)| *e))
        .chain(ADMIN.iter().copied())
        .map(str::to_owned)
        .collect();
    assert_eq!(registered, classified, "a server function is not classified as public, signed-in or administrator");
    assert_eq!(classified.len(), PUBLIC.len() + SIGNED_IN.len() + ADMIN.len(), "listed twice");

    // Two shoppers: B has an address and a paid order; A is signed in.
    let password = "Kirsid-Tallinnas-2026";
    let a = app::accounts::service::ensure_account(&db, "a@example.ee", password, "Anu", &[], now).await.unwrap();
    let b = app::accounts::service::ensure_account(&db, "b@example.ee", password, "Berit", &[], now).await.unwrap();
    let session = app::accounts::service::start_session(&db, UserId(a.id), false, "test", now).await.unwrap();
    let a_cookie = format!("{}={}", app::accounts::SESSION_COOKIE, session.token);
    let b_session = app::accounts::service::start_session(&db, UserId(b.id), false, "test", now).await.unwrap();
    let b_who = app::accounts::visitor::SignedIn::from(
        app::accounts::service::resolve(&db, &b_session.token, now).await.unwrap().expect("B's session is live"),
    );
    app::accounts::profile::add_address(&db, &b_who, "Pikk 1", "Tallinn", "10123", "harju", now).await.unwrap().unwrap();
    let b_address = address::Entity::find().filter(address::Column::UserId.eq(b.id)).one(&db).await.unwrap().unwrap();
    let (b_cart, _) = cart::find_or_create(&db, CartOwner::Account(b.id), now).await.unwrap();
    let offer = app::db::entity::offer::Entity::find()
        .filter(app::db::entity::offer::Column::Active.eq(true))
        .filter(app::db::entity::offer::Column::Stock.gte(5))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    cart::add(&db, CartId(b_cart.id), OfferId(offer.id), 1, now).await.unwrap();
    let contact = app::checkout::validate::validate(&app::checkout::validate::ContactForm {
        name: "Berit".into(),
        email: "b@example.ee".into(),
        phone: "5123 4567".into(),
        street: "Pikk 1".into(),
        city: "Tallinn".into(),
        postal_code: "10123".into(),
        county: "harju".into(),
        comment: String::new(),
        paper_invoice: false,
    })
    .unwrap();
    let placed = app::checkout::service::place_order(
        &db,
        &b_cart,
        &contact,
        app::checkout::PayChoice::Bank(app::orders::Bank::Lhv),
        app::i18n::Lang::En,
        None,
        None,
        now,
    )
    .await
    .unwrap();
    let paid = app::payment::provider::Callback {
        reference: placed.payment_reference.clone(),
        outcome: app::payment::provider::Outcome::Paid,
        amount_cents: placed.total_cents,
    };
    app::payment::service::apply_callback(&db, &paid, now).await.unwrap();
    let b_shipment = shipment::Entity::find().filter(shipment::Column::OrderId.eq(placed.order_id)).one(&db).await.unwrap().unwrap();

    let router = routes::router(routes::app_state(db.clone()).await.unwrap());

    // Signed out: every account and administrator function is refused.
    for (endpoint, body) in SIGNED_IN {
        assert_eq!(post(&router, endpoint, body, None).await, StatusCode::UNAUTHORIZED, "{endpoint} signed out");
    }
    for endpoint in ADMIN {
        assert_eq!(post(&router, endpoint, "", None).await, StatusCode::UNAUTHORIZED, "{endpoint} signed out");
        assert_eq!(post(&router, endpoint, "", Some(&a_cookie)).await, StatusCode::FORBIDDEN, "{endpoint} as a shopper");
    }
    assert_eq!(get(&router, "/account/export.json", None).await, StatusCode::UNAUTHORIZED);

    // Another account's things by id: not found, and unchanged.
    let order_args = format!("lang=en&order_id={}&shipment_id={}", placed.order_id, b_shipment.id);
    assert_eq!(post(&router, "account_remove_address", &format!("lang=en&id={}", b_address.id), Some(&a_cookie)).await, StatusCode::NOT_FOUND);
    assert_eq!(post(&router, "order", &format!("id={}&key=", placed.order_id), Some(&a_cookie)).await, StatusCode::NOT_FOUND);
    assert_eq!(get(&router, &format!("/en/orders/{}", placed.order_id), Some(&a_cookie)).await, StatusCode::NOT_FOUND);
    assert_eq!(
        post(&router, "order_cancel_shipment", &format!("{order_args}&reason=changed_mind"), Some(&a_cookie)).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(post(&router, "order_claim", &format!("{order_args}&kind=withdrawal"), Some(&a_cookie)).await, StatusCode::NOT_FOUND);
    assert_eq!(post(&router, "order_claim", &format!("{order_args}&kind=withdrawal"), None).await, StatusCode::NOT_FOUND);
    assert!(address::Entity::find_by_id(b_address.id).one(&db).await.unwrap().is_some(), "B's address is kept");
    let b_shipment_now = shipment::Entity::find_by_id(b_shipment.id).one(&db).await.unwrap().unwrap();
    assert_eq!(b_shipment_now.status, b_shipment.status, "B's shipment is not cancelled");
    assert_eq!(claim::Entity::find().count(&db).await.unwrap(), 0);

    // The owner reaches the same order (the refusals above were about who asked).
    let b_cookie = format!("{}={}", app::accounts::SESSION_COOKIE, b_session.token);
    assert_eq!(post(&router, "order", &format!("id={}&key=", placed.order_id), Some(&b_cookie)).await, StatusCode::OK);
    assert_eq!(get(&router, &format!("/en/orders/{}", placed.order_id), Some(&b_cookie)).await, StatusCode::OK);
    // And A's own account functions work for A (the 401s above were not for any reason).
    for (endpoint, body) in [("account_profile", ""), ("account_consents", ""), ("account_orders", "lang=En")] {
        assert_eq!(post(&router, endpoint, body, Some(&a_cookie)).await, StatusCode::OK, "{endpoint} signed in");
    }
    assert_eq!(get(&router, "/account/export.json", Some(&a_cookie)).await, StatusCode::OK);
}
