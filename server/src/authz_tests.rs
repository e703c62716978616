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
    "cart_update", "cart_mode", "cart_method", "cart_county", "checkout", "place_order", "sandbox_payment", "order",
    "order_cancel_shipment", "order_claim", "account", "account_register", "account_confirm", "account_sign_in",
    "account_sign_out", "account_forgot", "account_reset", "sell_page", "area_texts",
    "seller_join_page", "buyer_thread", "buyer_message", "help", "help_article", "help_ask", "help_vote", "help_case", "help_open_case", "help_case_reply",
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
    ("pantry", "lang=En"),
    ("pantry_summary", ""),
    ("help_my_cases", ""),
    ("pantry_transport", "lang=En&items=&county=harju&choices="),
    // Nothing stored: refused as not orderable, nothing changes.
    (
        "pantry_place_transport",
        "lang=en&items=1%3A1&county=harju&choices=&seen=x&name=Mari+Maasikas&phone=5123+4567&street=Pikk+1&city=Tallinn&postal_code=10123&comment=",
    ),
    // No such invitation: answered with that, nothing changes.
    ("seller_join", "lang=en&token=0123456789abcdef0123456789abcdef"),
    (
        "sell_apply",
        "lang=en&company_name=A&country=EE&registry_code=&vat_number=&street=&city=&postal_code=&contact_name=&email=&phone=&iban=",
    ),
];

/// For the people of a seller (403 for any other account).
const SELLER: &[(&str, &str)] = &[
    ("seller_home", ""),
    ("seller_offers", "lang=En&page=1"),
    ("seller_find_products", "lang=En&q=piim"),
    ("seller_offer_editor", "lang=En&product=1"),
    // Wrong terms: answered with the problems, nothing changes.
    ("seller_save_offer", "lang=en&product=1&price=x&stock=1&handling_days=1"),
    ("seller_shipments", "lang=En&page=1"),
    ("seller_methods", ""),
    // Wrong terms: answered with the problems, nothing changes.
    ("seller_save_method", "lang=en&name=&kind=courier&price=x&days_min=1&days_max=2"),
    ("seller_imports", ""),
    ("seller_team", ""),
    ("seller_profile", ""),
    // Wrong contacts: answered with the problems, nothing changes.
    ("seller_save_profile", "lang=en&about_et=&about_en=&about_ru=&terms_et=&terms_en=&terms_ru=&email=x&phone="),
    ("seller_remove_logo", "lang=en"),
    ("seller_threads", "page=1"),
    // Not an address: answered with the problem, nothing is sent.
    ("seller_invite", "lang=en&email=nobody"),
    // Not a shipment of the member's seller: answered "not found" (below, and for its owner).
];

/// Seller functions whose success needs an id of the member's own; listed for the signed-out
/// and shopper checks, and checked for isolation below.
const SELLER_BY_ID: &[(&str, &str)] = &[
    ("seller_shipment_action", "lang=en&id=1&action=accept"),
    ("seller_cancel_shipment", "lang=en&id=1&reason=out_of_stock"),
    ("seller_import", "lang=En&id=1"),
    ("seller_apply_import", "lang=en&id=1"),
    ("seller_discard_import", "lang=en&id=1"),
    ("seller_remove_member", "lang=en&user_id=1"),
    ("seller_thread", "shipment_id=1"),
    ("seller_message", "lang=en&shipment_id=1&body=Tere"),
];

/// Seller functions that take a file (multipart): checked with one below.
const SELLER_UPLOADS: &[&str] = &["seller_upload_offers", "seller_upload_logo"];

/// For administrators, with arguments that would succeed for one.
const ADMIN: &[(&str, &str)] = &[
    ("admin_refunds_due", ""),
    ("admin_outbox", ""),
    ("admin_audit", ""),
    ("admin_applications", ""),
    ("admin_decide_application", "lang=en&id=1&decision=approve"),
    ("admin_sellers", "q=&page=1"),
    ("admin_seller_standing", "lang=en&id=1&standing=reinstate"),
    ("admin_categories", ""),
    ("admin_category_create", "lang=en&slug=authz-new&parent=1&name_et=Uus&name_en=New&name_ru=Novaja"),
    ("admin_category_rename", "lang=en&id=1&name_et=Toit&name_en=Food&name_ru=Eda"),
    ("admin_category_move", "lang=en&id=2&parent=&place=1"),
    ("admin_category_visibility", "lang=en&id=1&visibility=hide"),
    ("admin_users", "q=example&role=&page=1"),
    ("admin_user_role", "lang=en&user_id=1&role=support&change=grant&q=&filter=&page=1"),
    ("admin_user_standing", "lang=en&user_id=1&standing=suspended&reason=x"),
    // Support agents' (an administrator may act as one).
    ("support_queue", ""),
    ("support_case", "id=1"),
    ("support_case_action", "lang=en&id=1&action=assign"),
    ("support_decide", "lang=en&id=1&shipment_id=1&full=1"),
];

async fn post(router: &axum::Router, endpoint: &str, body: &str, cookie: Option<&str>) -> StatusCode {
    let mut req = Request::post(format!("/api/{endpoint}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, seo_tests::ORIGIN);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    router.clone().oneshot(req.body(Body::from(body.to_owned())).unwrap()).await.unwrap().status()
}

/// A file upload as a form sends it (`html`: as a browser without JavaScript, which follows a
/// redirect; else the answer's status is the function's).
async fn upload(router: &axum::Router, endpoint: &str, file: &[u8], cookie: Option<&str>, html: bool) -> StatusCode {
    let boundary = "turgboundary7MA4YWxkTrZu0gW";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nen\r\n--{boundary}\r\n\
         Content-Disposition: form-data; name=\"file\"; filename=\"offers.csv\"\r\nContent-Type: text/csv\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let mut req = Request::post(format!("/api/{endpoint}"))
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
        .header(header::ORIGIN, seo_tests::ORIGIN);
    if html {
        req = req.header(header::ACCEPT, "text/html");
    }
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    router.clone().oneshot(req.body(Body::from(body)).unwrap()).await.unwrap().status()
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
        .chain(SIGNED_IN.iter().chain(SELLER).chain(SELLER_BY_ID).chain(ADMIN).map(|(e, _)| *e))
        .chain(SELLER_UPLOADS.iter().copied())
        .map(str::to_owned)
        .collect();
    assert_eq!(registered, classified, "a server function is not classified as public, signed-in, seller or administrator");
    assert_eq!(
        classified.len(),
        PUBLIC.len() + SIGNED_IN.len() + SELLER.len() + SELLER_BY_ID.len() + ADMIN.len() + SELLER_UPLOADS.len(),
        "listed twice"
    );

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
    for (endpoint, body) in SELLER.iter().chain(SELLER_BY_ID).chain(ADMIN) {
        assert_eq!(post(&router, endpoint, body, None).await, StatusCode::UNAUTHORIZED, "{endpoint} signed out");
        assert_eq!(post(&router, endpoint, body, Some(&a_cookie)).await, StatusCode::FORBIDDEN, "{endpoint} as a shopper");
    }
    for endpoint in SELLER_UPLOADS {
        assert_eq!(upload(&router, endpoint, b"ean;price\n", None, false).await, StatusCode::UNAUTHORIZED, "{endpoint} signed out");
        assert_eq!(upload(&router, endpoint, b"ean;price\n", Some(&a_cookie), false).await, StatusCode::FORBIDDEN, "{endpoint} as a shopper");
        // Not multipart: refused before server_fn (which would panic reading it).
        assert_eq!(post(&router, endpoint, "lang=en", Some(&a_cookie)).await, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{endpoint}");
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
    // B's shipment's messages: not for A (by account) nor for anyone without B's key.
    let thread = format!("shipment_id={}&key=", b_shipment.id);
    assert_eq!(post(&router, "buyer_thread", &thread, Some(&a_cookie)).await, StatusCode::NOT_FOUND);
    assert_eq!(post(&router, "buyer_thread", &thread, None).await, StatusCode::NOT_FOUND);
    let write = format!("lang=en&shipment_id={}&key=&body=Tere", b_shipment.id);
    assert_eq!(post(&router, "buyer_message", &write, Some(&a_cookie)).await, StatusCode::NOT_FOUND);
    assert_eq!(app::db::entity::message::Entity::find().count(&db).await.unwrap(), 0, "nothing was written");
    assert!(address::Entity::find_by_id(b_address.id).one(&db).await.unwrap().is_some(), "B's address is kept");
    let b_shipment_now = shipment::Entity::find_by_id(b_shipment.id).one(&db).await.unwrap().unwrap();
    assert_eq!(b_shipment_now.status, b_shipment.status, "B's shipment is not cancelled");
    assert_eq!(claim::Entity::find().count(&db).await.unwrap(), 0);

    // The owner reaches the same order (the refusals above were about who asked).
    let b_cookie = format!("{}={}", app::accounts::SESSION_COOKIE, b_session.token);
    assert_eq!(post(&router, "order", &format!("id={}&key=", placed.order_id), Some(&b_cookie)).await, StatusCode::OK);
    assert_eq!(get(&router, &format!("/en/orders/{}", placed.order_id), Some(&b_cookie)).await, StatusCode::OK);
    assert_eq!(post(&router, "buyer_thread", &format!("shipment_id={}&key=", b_shipment.id), Some(&b_cookie)).await, StatusCode::OK);
    assert_eq!(get(&router, &format!("/en/messages/{}", b_shipment.id), Some(&b_cookie)).await, StatusCode::OK);
    // And A's own account functions work for A (the 401s above were not for any reason).
    for (endpoint, body) in [("account_profile", ""), ("account_consents", ""), ("account_orders", "lang=En"), ("pantry", "lang=En"), ("pantry_summary", "")] {
        assert_eq!(post(&router, endpoint, body, Some(&a_cookie)).await, StatusCode::OK, "{endpoint} signed in");
    }
    assert_eq!(get(&router, "/account/export.json", Some(&a_cookie)).await, StatusCode::OK);
    // A demo seller's member reaches the seller area, and only an administrator the rest.
    // A member of another seller than B's shipment's.
    let membership = app::db::entity::seller_member::Entity::find()
        .filter(app::db::entity::seller_member::Column::SellerId.ne(b_shipment.seller_id))
        .one(&db)
        .await
        .unwrap()
        .expect("the demo sellers have members");
    let member = app::db::entity::user::Entity::find_by_id(membership.user_id).one(&db).await.unwrap().unwrap();
    let m_session = app::accounts::service::start_session(&db, UserId(member.id), false, "test", now).await.unwrap();
    let m_cookie = format!("{}={}", app::accounts::SESSION_COOKIE, m_session.token);
    for (endpoint, body) in SELLER {
        assert_eq!(post(&router, endpoint, body, Some(&m_cookie)).await, StatusCode::OK, "{endpoint} as a member");
    }
    for (endpoint, body) in ADMIN {
        assert_eq!(post(&router, endpoint, body, Some(&m_cookie)).await, StatusCode::FORBIDDEN, "{endpoint} as a member");
    }
    // Another seller's offer, by id: not found, and unchanged.
    use app::db::entity::{offer as offer_entity, seller_member};
    let own_seller = seller_member::Entity::find().filter(seller_member::Column::UserId.eq(member.id)).one(&db).await.unwrap().unwrap().seller_id;
    let theirs = offer_entity::Entity::find().filter(offer_entity::Column::SellerId.ne(own_seller)).one(&db).await.unwrap().unwrap();
    assert_eq!(
        post(&router, "seller_offer_editor", &format!("lang=En&offer={}", theirs.id), Some(&m_cookie)).await,
        StatusCode::NOT_FOUND
    );
    let change = format!("lang=en&offer={}&product={}&price=1&stock=1&handling_days=1&active=yes", theirs.id, theirs.product_id);
    assert_eq!(post(&router, "seller_save_offer", &change, Some(&m_cookie)).await, StatusCode::NOT_FOUND);
    let after = offer_entity::Entity::find_by_id(theirs.id).one(&db).await.unwrap().unwrap();
    assert_eq!((after.price_cents, after.stock), (theirs.price_cents, theirs.stock), "the other seller's offer is unchanged");
    // Another seller's delivery method, by id: not found, and unchanged.
    use app::db::entity::delivery_method;
    let their_method = delivery_method::Entity::find().filter(delivery_method::Column::SellerId.ne(own_seller)).one(&db).await.unwrap().unwrap();
    let change = format!("lang=en&id={}&name=Mine&kind=courier&price=1&days_min=1&days_max=2&active=yes", their_method.id);
    assert_eq!(post(&router, "seller_save_method", &change, Some(&m_cookie)).await, StatusCode::NOT_FOUND);
    assert_eq!(delivery_method::Entity::find_by_id(their_method.id).one(&db).await.unwrap().unwrap(), their_method);
    // Another seller's shipment, by id: not found, and not moved on.
    let other_shipment = shipment::Entity::find_by_id(b_shipment.id).one(&db).await.unwrap().unwrap();
    let ship = format!("lang=en&id={}&action=accept", other_shipment.id);
    assert_eq!(post(&router, "seller_shipment_action", &ship, Some(&m_cookie)).await, StatusCode::NOT_FOUND);
    let cancel = format!("lang=en&id={}&reason=out_of_stock", other_shipment.id);
    assert_eq!(post(&router, "seller_cancel_shipment", &cancel, Some(&m_cookie)).await, StatusCode::NOT_FOUND);
    let still = shipment::Entity::find_by_id(other_shipment.id).one(&db).await.unwrap().unwrap();
    assert_eq!(still.status, other_shipment.status);
    // Another seller's offer file, by id: not found, and not applied or discarded.
    use app::db::entity::offer_import;
    let owner_member = seller_member::Entity::find().filter(seller_member::Column::SellerId.ne(own_seller)).one(&db).await.unwrap().unwrap();
    let owner = app::sellers::area::for_account(&db, owner_member.user_id).await.unwrap().unwrap();
    let file = format!("ean;price\n{};1,23\n", app::db::entity::product::Entity::find_by_id(theirs.product_id).one(&db).await.unwrap().unwrap().ean);
    let import = app::sellers::import_service::create(&db, &owner, "theirs.csv", file.into_bytes(), now).await.unwrap();
    app::sellers::import_service::check(&db, import).await.unwrap();
    for endpoint in ["seller_import", "seller_apply_import", "seller_discard_import"] {
        let args = format!("lang={}&id={import}", if endpoint == "seller_import" { "En" } else { "en" });
        assert_eq!(post(&router, endpoint, &args, Some(&m_cookie)).await, StatusCode::NOT_FOUND, "{endpoint} of another seller");
    }
    let kept = offer_import::Entity::find_by_id(import).one(&db).await.unwrap().unwrap();
    assert_eq!(kept.status, app::sellers::imports::ImportStatus::Ready, "the other seller's file is neither applied nor discarded");
    // Another seller's member and invitation, by id: not found, and still there.
    let other_members = seller_member::Entity::find().filter(seller_member::Column::SellerId.eq(owner.seller_id())).count(&db).await.unwrap();
    let args = format!("lang=en&user_id={}", owner.user_id());
    assert_eq!(post(&router, "seller_remove_member", &args, Some(&m_cookie)).await, StatusCode::NOT_FOUND);
    app::sellers::team_service::invite(&db, &owner, app::i18n::Lang::En, "colleague@example.ee", now).await.unwrap();
    let invitation = app::db::entity::seller_invitation::Entity::find().one(&db).await.unwrap().unwrap();
    let args = format!("lang=en&invitation={}", invitation.id);
    assert_eq!(post(&router, "seller_remove_member", &args, Some(&m_cookie)).await, StatusCode::NOT_FOUND);
    assert_eq!(seller_member::Entity::find().filter(seller_member::Column::SellerId.eq(owner.seller_id())).count(&db).await.unwrap(), other_members);
    let still = app::db::entity::seller_invitation::Entity::find_by_id(invitation.id).one(&db).await.unwrap().unwrap();
    assert!(still.revoked_at.is_none(), "the other seller's invitation still works");
    // The member's own upload is taken (on to its page).
    let uploaded = upload(&router, "seller_upload_offers", b"ean;price\n", Some(&m_cookie), true).await;
    assert!(uploaded.is_redirection(), "upload as a member: {uploaded}");
    // Another seller's shipment's messages: not found, nothing written.
    assert_eq!(post(&router, "seller_thread", &format!("shipment_id={}", other_shipment.id), Some(&m_cookie)).await, StatusCode::NOT_FOUND);
    let write = format!("lang=en&shipment_id={}&body=Tere", other_shipment.id);
    assert_eq!(post(&router, "seller_message", &write, Some(&m_cookie)).await, StatusCode::NOT_FOUND);
    assert_eq!(app::db::entity::message::Entity::find().count(&db).await.unwrap(), 0, "nothing was written");
    // The shipment's own seller's member moves it on.
    let owner = seller_member::Entity::find().filter(seller_member::Column::SellerId.eq(other_shipment.seller_id)).one(&db).await.unwrap().unwrap();
    let o_session = app::accounts::service::start_session(&db, UserId(owner.user_id), false, "test", now).await.unwrap();
    let o_cookie = format!("{}={}", app::accounts::SESSION_COOKIE, o_session.token);
    assert_eq!(post(&router, "seller_shipment_action", &ship, Some(&o_cookie)).await, StatusCode::OK);
    let moved = shipment::Entity::find_by_id(other_shipment.id).one(&db).await.unwrap().unwrap();
    assert_eq!(moved.status, app::orders::ShipmentStatus::Processing);
}
