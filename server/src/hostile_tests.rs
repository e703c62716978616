//! Every page rendered through the whole router with hostile texts in every field that reaches
//! it (catalog, seller, reviews, delivery methods, the shopper's own address and e-mail, query
//! strings and paths): no payload may arrive as markup, and every page carries its security
//! headers. The end-to-end spec `end2end/tests/hostile.spec.ts` checks the same pages in
//! Chromium (no dialog opens, with JavaScript off and hydrated).

use crate::{routes, seo_tests};
use app::checkout::validate::Contact;
use app::db::seed::hostile::{seed_hostile, text, PAYLOADS, RAW_MARKERS};
use app::delivery::County;
use app::i18n::Lang;
use app::ids::{CartId, OfferId, UserId};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use tower::ServiceExt;

async fn get(router: &axum::Router, uri: &str, cookie: Option<&str>) -> (StatusCode, axum::http::HeaderMap, String) {
    let mut req = Request::get(uri).header(header::ACCEPT, "text/html");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    let res = router.clone().oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_texts_never_reach_a_page_as_markup() {
    let _one_at_a_time = seo_tests::RENDERING.lock().await;
    // The sandbox bank's page and the administrators' outbox are pages too. (The rendering
    // tests of this binary install the same configuration.)
    let config = seo_tests::install_test_config();
    assert!(config.payment_provider.is_some(), "this test's configuration is installed");
    let db = app::db::open("sqlite::memory:").await.unwrap();
    app::db::seed::seed_demo(&db).await.unwrap();
    let fixture = seed_hostile(&db).await.unwrap();

    // A shopper whose own texts are hostile: a cart, a checkout draft, an order, its payment
    // page, and the confirmation e-mail in the outbox.
    let now = chrono::Utc::now();
    let (cart, token) = app::cart::service::find_or_create(&db, app::cart::service::CartOwner::Guest(None), now).await.unwrap();
    let token = token.unwrap();
    app::cart::service::add(&db, CartId(cart.id), OfferId(fixture.offer_id), 1, now).await.unwrap();
    let contact = Contact {
        name: text("Name"),
        email: "x@example.ee".into(),
        phone: "+37251234567".into(),
        street: text("Street"),
        city: text("City"),
        postal_code: "10115".into(),
        county: County::Harju,
        comment: Some(text("Comment")),
        paper_invoice: false,
    };
    let draft = app::checkout::Draft {
        form: app::checkout::validate::ContactForm {
            name: text("Draft"),
            email: text("email"),
            phone: text("phone"),
            street: text("street"),
            city: text("city"),
            postal_code: text("postal"),
            county: text("county"),
            comment: text("comment"),
            paper_invoice: false,
        },
        payment: text("payment"),
        submitted: true,
        repriced: false,
    };
    app::checkout::service::save_draft(&db, cart.id, &draft).await.unwrap();
    let placed = app::checkout::service::place_order(
        &db,
        &cart,
        &contact,
        app::checkout::PayChoice::Bank(app::orders::Bank::Lhv),
        Lang::En,
        None,
        None,
        now,
    )
    .await
    .unwrap();
    // A second order, paid, so the confirmation e-mail (with the hostile address) is queued.
    let paid = app::payment::provider::Callback {
        reference: placed.payment_reference.clone(),
        outcome: app::payment::provider::Outcome::Paid,
        amount_cents: placed.total_cents,
    };
    app::payment::service::apply_callback(&db, &paid, now).await.unwrap();
    app::cart::service::add(&db, CartId(cart.id), OfferId(fixture.offer_id), 1, now).await.unwrap();
    let pending = app::checkout::service::place_order(
        &db,
        &cart,
        &contact,
        app::checkout::PayChoice::Bank(app::orders::Bank::Lhv),
        Lang::Et,
        None,
        None,
        now,
    )
    .await
    .unwrap();

    // A support case whose every text is hostile, with an agent's answer and note.
    let hostile_text = PAYLOADS.join(" ");
    let (case_id, case_key) = app::help::case_service::open(
        &db,
        app::help::case_service::NewCase {
            user_id: None,
            email: "case@example.ee",
            lang: app::i18n::Lang::En,
            kind: app::help::cases::CaseKind::Dispute,
            question: &hostile_text,
            answer_given: &hostile_text,
            body: &hostile_text,
            order_id: None,
            shipment_id: None,
        },
        now,
    )
    .await
    .unwrap();
    for action in [app::help::case_service::AgentAction::Reply(&hostile_text), app::help::case_service::AgentAction::Note(&hostile_text)] {
        app::help::case_service::act(&db, case_id, 1, action, now).await.unwrap();
    }

    // The paid order's shipment has a conversation with hostile words on both sides.
    let placed_shipment = app::db::entity::shipment::Entity::find()
        .filter(app::db::entity::shipment::Column::OrderId.eq(placed.order_id))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    // The buyer's first message makes the thread; the hostile ones are stored into it as written.
    let buyer = app::orders::cancel::OrderAccess { key: &placed.token, cart_id: None, account: None };
    app::messages::service::send_as_buyer(&db, buyer, placed_shipment.id, "x", now).await.unwrap();
    let thread = app::db::entity::message_thread::Entity::find().one(&db).await.unwrap().unwrap();
    for (side, words) in [(app::messages::Side::Buyer, "Buyer says"), (app::messages::Side::Seller, "Seller says")] {
        app::db::entity::message::ActiveModel {
            thread_id: Set(thread.id),
            author: Set(side),
            body: Set(text(words)),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&db)
        .await
        .unwrap();
    }
    let state = routes::app_state(db.clone()).await.unwrap();
    for _ in 0..600 {
        if state.search.is_ready() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(state.search.is_ready(), "the search index was built");
    let router = routes::router(state);
    let cookie = format!("{}={token}", app::cart::CART_COOKIE);
    // An administrator whose name is hostile: the account pages and the outbox show it.
    let admin = app::accounts::service::ensure_account(
        &db,
        "admin@example.ee",
        "Kõrvits-Tallinnas-42",
        &text("Admin"),
        &[app::accounts::Role::Administrator],
        now,
    )
    .await
    .unwrap();
    let session = app::accounts::service::start_session(&db, UserId(admin.id), false, "test", now).await.unwrap();
    let admin_cookie = format!("{}={}", app::accounts::SESSION_COOKIE, session.token);
    let applicant_cookie: String;

    // A company's application, a decision's words and the audit log, all hostile, and the
    // administrator acting for the hostile seller too: the seller area shows its texts.
    {
        use app::db::entity::{audit_entry, seller, seller_application, seller_member};

        let applicant = app::accounts::service::ensure_account(&db, "applicant@example.ee", "Kõrvits-Tallinnas-42", &text("Applicant"), &[], now)
            .await
            .unwrap();
        seller_application::ActiveModel {
            user_id: Set(applicant.id),
            status: Set(app::sellers::onboarding::ApplicationStatus::ChangesRequested),
            company_name: Set(text("Company")),
            country: Set("EE".into()),
            registry_code: Set(text("Code")),
            vat_number: Set(Some(text("VAT"))),
            street: Set(text("Street")),
            city: Set(text("City")),
            postal_code: Set("10123".into()),
            contact_name: Set(text("Contact")),
            email: Set(text("Email")),
            phone: Set(text("Phone")),
            iban: Set(text("IBAN")),
            certified_at: Set(now),
            message: Set(Some(text("Message"))),
            created_at: Set(now),
            submitted_at: Set(now),
            ..Default::default()
        }
        .insert(&db)
        .await
        .unwrap();
        audit_entry::ActiveModel {
            at: Set(now),
            actor_id: Set(admin.id),
            action: Set("application.ask_changes".into()),
            subject: Set("application:1".into()),
            detail: Set(text("Detail")),
            ..Default::default()
        }
        .insert(&db)
        .await
        .unwrap();
        let hostile_seller = seller::Entity::find().filter(seller::Column::Slug.eq(fixture.seller_slug.clone())).one(&db).await.unwrap().unwrap();
        seller_member::ActiveModel { seller_id: Set(hostile_seller.id), user_id: Set(admin.id), added_at: Set(now), ..Default::default() }
            .insert(&db)
            .await
            .unwrap();
        // The hostile seller's offer file (its name and unknown columns as uploaded) and an
        // invitation of a hostile address.
        app::db::entity::offer_import::ActiveModel {
            seller_id: Set(hostile_seller.id),
            user_id: Set(admin.id),
            file_name: Set(text("File")),
            status: Set(app::sellers::imports::ImportStatus::Invalid),
            encoding: Set(Some(text("Enc"))),
            separator: Set(Some(";".into())),
            columns: Set("[\"Ean\",\"Price\"]".into()),
            ignored: Set(serde_json::to_string(&[text("Column")]).unwrap()),
            records: Set(2),
            checked: Set(2),
            error_count: Set(1),
            errors: Set(r#"[{"line":2,"column":"Price","problem":"BadActive"}]"#.into()),
            updates: Set(0),
            creates: Set(0),
            unchanged: Set(0),
            created_at: Set(now),
            heartbeat_at: Set(now),
            ..Default::default()
        }
        .insert(&db)
        .await
        .unwrap();
        app::db::entity::seller_invitation::ActiveModel {
            seller_id: Set(hostile_seller.id),
            email: Set(text("Invited")),
            token_hash: Set("0".repeat(64)),
            invited_by: Set(admin.id),
            created_at: Set(now),
            expires_at: Set(now + chrono::Duration::days(14)),
            ..Default::default()
        }
        .insert(&db)
        .await
        .unwrap();
        let applicant_session = app::accounts::service::start_session(&db, UserId(applicant.id), false, "test", now).await.unwrap();
        applicant_cookie = format!("{}={}", app::accounts::SESSION_COOKIE, applicant_session.token);
    }
    let hostile = crate::bench::percent_encode(&PAYLOADS.join(" "));
    let mut pages: Vec<(String, Option<&str>)> = Vec::new();
    for lang in Lang::ALL {
        let l = lang.code();
        for path in [
            format!("/{l}"),
            format!("/{l}/c/{}", fixture.category_slug),
            format!("/{l}/c/{}?sort={hostile}&page={hostile}", fixture.category_slug),
            format!("/{l}/p/{}", fixture.product_slug),
            format!("/{l}/p/{}?county={hostile}", fixture.product_slug),
            format!("/{l}/p/{}/offers", fixture.product_slug),
            format!("/{l}/p/{}/offers?sort={hostile}", fixture.product_slug),
            format!("/{l}/sellers"),
            format!("/{l}/sellers?q={hostile}&country={hostile}"),
            format!("/{l}/sellers/{}", fixture.seller_slug),
            format!("/{l}/ranking"),
            format!("/{l}/search?q={hostile}"),
            format!("/{l}/search?q=Title&brand={hostile}&category={hostile}&seller={hostile}"),
            format!("/{l}/p/{hostile}"),
            format!("/{l}/{hostile}"),
            format!("/{l}/orders/{}?key={}", placed.order_id, placed.token),
            format!("/{l}/orders/{}?key={hostile}", placed.order_id),
            format!("/{l}/pay/sandbox/{}", pending.payment_reference),
            format!("/{l}/account/signin?next={hostile}"),
            format!("/{l}/account/register"),
        ] {
            pages.push((path, None));
        }
        for path in [format!("/{l}/cart"), format!("/{l}/cart?notice={hostile}"), format!("/{l}/checkout")] {
            pages.push((path, Some(cookie.as_str())));
        }
        for path in [
            format!("/{l}/admin/outbox"),
            format!("/{l}/account"),
            format!("/{l}/account/orders"),
            format!("/{l}/admin/applications"),
            format!("/{l}/admin/audit"),
            format!("/{l}/admin/sellers"),
            format!("/{l}/admin/sellers?q={hostile}"),
            format!("/{l}/admin/categories"),
            format!("/{l}/admin/users?q={hostile}&role={hostile}&page={hostile}"),
            format!("/{l}/admin/users?q=admin"),
            format!("/{l}/seller"),
            format!("/{l}/seller/offers"),
            format!("/{l}/seller/offers/new?q={hostile}"),
            format!("/{l}/seller/shipments?status={hostile}&from={hostile}"),
            format!("/{l}/seller/methods"),
            format!("/{l}/seller/imports?problem={hostile}"),
            format!("/{l}/seller/imports/1"),
            format!("/{l}/seller/team"),
            format!("/{l}/seller/profile?logo={hostile}"),
            format!("/{l}/seller/join?token={hostile}"),
            format!("/{l}/seller/messages"),
            format!("/{l}/seller/messages/{}", placed_shipment.id),
            format!("/{l}/pantry"),
            format!("/{l}/pantry/transport?items=all&county={hostile}&choices={hostile}&a={hostile}&notice={hostile}"),
            format!("/{l}/pantry/transport?items=1:1&invalid=1&name={hostile}&street={hostile}&comment={hostile}"),
        ] {
            pages.push((path, Some(admin_cookie.as_str())));
        }
        for path in [
            format!("/{l}/help"),
            format!("/{l}/help/cancel-order"),
            format!("/{l}/help/ask?q={hostile}&order={hostile}&key={hostile}"),
            format!("/{l}/help/{hostile}"),
            format!("/{l}/help/cases/{case_id}?key={case_key}"),
            format!("/{l}/help/cases/{case_id}?key={hostile}"),
        ] {
            pages.push((path, None));
        }
        pages.push((format!("/{l}/support?status={hostile}&kind={hostile}&mine=1"), Some(admin_cookie.as_str())));
        pages.push((format!("/{l}/support/{case_id}"), Some(admin_cookie.as_str())));
        pages.push((format!("/{l}/help/cases"), Some(admin_cookie.as_str())));
        pages.push((format!("/{l}/sell"), Some(applicant_cookie.as_str())));
        pages.push((format!("/{l}/messages/{}?key={}", placed_shipment.id, placed.token), None));
        pages.push((format!("/{l}/messages/{}?key={hostile}", placed_shipment.id), None));
    }
    let mut seen_hostile_text = 0;
    for (path, cookie) in &pages {
        let (status, headers, html) = get(&router, path, *cookie).await;
        assert!(status != StatusCode::INTERNAL_SERVER_ERROR, "{path}: {status}");
        for marker in RAW_MARKERS {
            assert!(!html.contains(marker), "{path}: `{marker}` reached the page as markup:\n{html}");
        }
        if html.contains("alert(") {
            seen_hostile_text += 1;
        }
        // The title is text.
        if let Some(start) = html.find("<title>") {
            let title = &html[start + 7..html[start..].find("</title>").map_or(html.len(), |e| start + e)];
            assert!(!title.contains('<'), "{path}: title {title}");
        }
        // Pages kept out of the index say so (`seo_tests` checks the indexable ones).
        let kept_out = ["/orders/", "/pay/", "/admin/", "/search", "/cart", "/checkout", "/offers", "/account", "/seller/", "/messages/", "/pantry", "/help/ask", "/help/cases/", "/support"];
        let own_pages = path.ends_with("/sell") || path.ends_with("/seller");
        if status == StatusCode::OK && (own_pages || kept_out.iter().any(|p| path.contains(p))) {
            let robots = seo_tests::seo(&html).robots;
            assert!(robots.iter().any(|r| r.starts_with("noindex")), "{path}: robots {robots:?}");
        }
        assert_eq!(headers.get(header::X_CONTENT_TYPE_OPTIONS).map(|v| v.as_bytes()), Some(&b"nosniff"[..]), "{path}");
        let csp = headers.get(header::CONTENT_SECURITY_POLICY).and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), "{path}: CSP {csp}");
    }
    // The hostile texts were on the pages (as text): the test looked at the right things.
    assert!(seen_hostile_text >= 3 * 12, "hostile texts shown on {seen_hostile_text} pages");
    // The personal pages were really shown (not refused or missing).
    assert_eq!(get(&router, &format!("/en/pay/sandbox/{}", pending.payment_reference), None).await.0, StatusCode::OK);
    for path in ["/en/admin/outbox", "/en/account", "/en/account/orders", "/en/admin/applications", "/en/admin/audit", "/en/seller", "/en/seller/offers", "/en/seller/methods", "/en/seller/imports", "/en/seller/imports/1", "/en/seller/team", "/en/seller/profile", "/en/admin/categories", "/en/admin/users?q=admin"] {
        let (status, _, html) = get(&router, path, Some(&admin_cookie)).await;
        assert_eq!(status, StatusCode::OK, "{path}: {}", &html[html.find("<main").unwrap_or(0)..]);
    }
    let (status, _, sell) = get(&router, "/en/sell", Some(&applicant_cookie)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(sell.contains("alert("), "the applicant's stored texts are on the page (as text)");
    // Signed out, the administrators' page and "My orders" are refused on the server.
    assert_eq!(get(&router, "/en/admin/outbox", None).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(get(&router, "/en/account/orders", None).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(get(&router, "/en/admin/outbox", Some(&cookie)).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(get(&router, "/en/checkout", Some(&cookie)).await.0, StatusCode::OK);
    // The product page's JSON-LD carries the title escaped for its script element.
    let (_, _, product) = get(&router, &format!("/en/p/{}", fixture.product_slug), None).await;
    assert!(product.contains("application/ld+json"), "JSON-LD on the product page");
    assert!(product.contains("\\u003c/title\\u003e"), "JSON-LD escapes the title");

    // The head tags (canonical, hreflang, Open Graph) and the JSON-LD carry the hostile names
    // as text: every attribute value is escaped (`seo_tests::attr` refuses raw markup) and
    // reads back as the name; the JSON-LD parses back to the same names.
    for lang in Lang::ALL {
        let l = lang.code();
        let rest = format!("/c/{}", fixture.category_slug);
        let (_, _, html) = get(&router, &format!("/{l}{rest}?sort=price&county={hostile}"), None).await;
        let seo = seo_tests::seo(&html);
        seo_tests::assert_indexable(&seo, lang, &rest, "website", "hostile category");
        assert_eq!(seo.og("og:title"), text("Category"));
        assert!(seo.og("og:description").contains(&text("Category")));
        seo_tests::assert_breadcrumbs(&seo, lang, &text("Category"), "hostile category");

        let rest = format!("/p/{}", fixture.product_slug);
        let (_, _, html) = get(&router, &format!("/{l}{rest}?county={hostile}"), None).await;
        let seo = seo_tests::seo(&html);
        seo_tests::assert_indexable(&seo, lang, &rest, "product", "hostile product");
        assert_eq!(seo.og("og:title"), text("Title"));
        assert!(text("Description").starts_with(seo.og("og:description")), "{}", seo.og("og:description"));
        let items = seo_tests::assert_breadcrumbs(&seo, lang, &text("Title"), "hostile product");
        assert_eq!(items[items.len() - 2]["name"], text("Category"));
        assert_eq!(seo.json_ld("Product")["name"], text("Title"));
        assert_eq!(seo.json_ld("Product")["brand"]["name"], text("Brand"));

        let (_, _, html) = get(&router, &format!("/{l}{rest}/offers?sort={hostile}"), None).await;
        seo_tests::assert_breadcrumbs(&seo_tests::seo(&html), lang, &text("Title"), "hostile offers");

        let rest = format!("/sellers/{}", fixture.seller_slug);
        let (_, _, html) = get(&router, &format!("/{l}{rest}?category={hostile}&page={hostile}"), None).await;
        let seo = seo_tests::seo(&html);
        seo_tests::assert_indexable(&seo, lang, &rest, "profile", "hostile seller");
        assert_eq!(seo.og("og:title"), text("Seller"));
        assert!(text("About").starts_with(seo.og("og:description")), "{}", seo.og("og:description"));
    }
}
