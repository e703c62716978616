//! Turg's shared Leptos crate: pages, components, server functions and domain rules, compiled
//! with `ssr` for the server and with `hydrate` to WASM. Server-only code (database, axum) sits
//! behind `#[cfg(feature = "ssr")]`; see ARCHITECTURE.md.
#![recursion_limit = "256"]

pub mod accounts;
pub mod admin;
pub mod cart;
pub mod catalog;
pub mod checkout;
pub mod delivery;
pub mod errors;
pub mod help;
pub mod i18n;
pub mod ids;
pub mod offers;
pub mod orders;
pub mod pantry;
pub mod payment;
mod layout;
pub mod ui;
pub mod markup;
pub mod messages;
pub mod pwa;
pub mod search;
pub mod sellers;
pub mod seo;
pub mod vat;
pub mod wire;

#[cfg(feature = "ssr")]
pub mod config;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod outbox;
#[cfg(feature = "ssr")]
pub mod server;

use accounts::pages::AccountArea;
use admin::AdminArea;
use cart::pages::CartPage;
use catalog::pages::{CategoryPage, HomePage, OffersPage, ProductPage};
use checkout::pages::CheckoutPage;
use orders::pages::OrderPage;
use payment::pages::SandboxBankPage;
use search::pages::SearchPage;
use sellers::pages::{RankingPage, SellerPage, SellersPage};
use sellers::area::SellerArea;
use i18n::area::WithAreaTexts;
use layout::{LangLayout, NotFound};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    Lazy, ParamSegment, SsrMode, StaticSegment,
};

/// A route whose page code is loaded when first needed (a separate WASM chunk with
/// `cargo leptos build --split`): pages off the hot path (buying, sellers, search, the offer
/// comparison) stay out of the bundle every page downloads; home, category and product pages
/// stay in it, so the pages most visits land on hydrate from one file (made lazy, they fetched
/// 50–90 small chunks of code shared with other routes, more bytes in all; see ARCHITECTURE.md).
/// The server renders lazy pages like any other.
macro_rules! lazy_page {
    ($route:ident, $page:ident) => {
        struct $route;

        #[leptos_router::lazy_route]
        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                lazy_routes_loading(1);
                $route
            }

            fn view(_this: Self) -> AnyView {
                lazy_routes_loading(-1);
                Effect::new(move |_| mark_interactive());
                view! { <$page/> }.into_any()
            }
        }
    };
}

/// Lazy routes matched whose code has not arrived yet (browser only).
#[cfg(feature = "hydrate")]
static LAZY_ROUTES_LOADING: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

#[allow(unused_variables)]
fn lazy_routes_loading(delta: i32) {
    #[cfg(feature = "hydrate")]
    LAZY_ROUTES_LOADING.fetch_add(delta, std::sync::atomic::Ordering::Relaxed);
}

/// Marks the page interactive (`body[data-hydrated]`, for tests and CSS) once it is hydrated
/// and no lazy route is still loading its code; effects only run in the browser.
fn mark_interactive() {
    #[cfg(feature = "hydrate")]
    if LAZY_ROUTES_LOADING.load(std::sync::atomic::Ordering::Relaxed) == 0 {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    }
}

lazy_page!(OffersRoute, OffersPage);
lazy_page!(SellersRoute, SellersPage);
lazy_page!(SellerRoute, SellerPage);
lazy_page!(RankingRoute, RankingPage);
lazy_page!(SearchRoute, SearchPage);
lazy_page!(CartRoute, CartPage);
lazy_page!(CheckoutRoute, CheckoutPage);
lazy_page!(OrderRoute, OrderPage);
lazy_page!(SandboxBankRoute, SandboxBankPage);

// Every page behind an account is one lazy route: the account's own pages, "sell on Turg" and
// the seller area, and the administrators' pages. Each lazy route splits the code it shares
// with the others into chunks per combination of routes: the eleven account pages as eleven
// routes made the cart fetch 21 files and the checkout 32 (their blocking time doubled), and
// the seller area and the administrators' pages as two more routes took the checkout from 27
// chunks to 43 and its blocking time from about 150 ms to about 500 ms.
lazy_page!(AccountRoute, AccountAreas);

/// The page behind an account for this address (read once, as the router makes a new view for
/// each route): the administrators', the seller's, or the account's own.
#[component]
fn AccountAreas() -> impl IntoView {
    let path = leptos_router::hooks::use_location().pathname.get_untracked();
    match path.trim_matches('/').split('/').nth(1).unwrap_or("") {
        "admin" => view! { <WithAreaTexts><AdminArea/></WithAreaTexts> }.into_any(),
        "sell" | "seller" => view! { <WithAreaTexts><SellerArea/></WithAreaTexts> }.into_any(),
        "messages" => view! { <WithAreaTexts><messages::pages::BuyerThreadPage/></WithAreaTexts> }.into_any(),
        "pantry" if path.trim_end_matches('/').ends_with("/transport") => {
            view! { <WithAreaTexts><pantry::pages::TransportPage/></WithAreaTexts> }.into_any()
        }
        "pantry" => view! { <WithAreaTexts><pantry::pages::PantryPage/></WithAreaTexts> }.into_any(),
        "help" => view! { <WithAreaTexts><help::pages::HelpArea/></WithAreaTexts> }.into_any(),
        "support" if path.trim_matches('/').split('/').nth(2).is_some() => {
            view! { <WithAreaTexts><help::pages::AgentCasePage/></WithAreaTexts> }.into_any()
        }
        "support" => view! { <WithAreaTexts><help::pages::QueuePage/></WithAreaTexts> }.into_any(),
        _ => view! { <AccountArea/> }.into_any(),
    }
}

/// Loads the JS and WASM and hydrates when the browser is first idle (at most 2 s after the
/// page is parsed), off the path of the first paint: every page works without them until then
/// (plain links and forms). Leptos's `<HydrationScripts>` preloads both at once, which put the
/// 300 KiB WASM beside the stylesheet and the first image (Lighthouse counted it into every
/// page's LCP), so only its side effect is kept: it gives the router the split manifest, from
/// which a lazy page links the chunks it needs.
#[component]
fn HydrateWhenIdle(options: LeptosOptions) -> impl IntoView {
    let _ = HydrationScripts(HydrationScriptsProps::builder().options(options.clone()).build());
    let (js, wasm) = (pwa::asset_path(&options, "js"), pwa::asset_path(&options, "wasm"));
    let script = format!(
        "(()=>{{const go=()=>import({js:?}).then(m=>m.default({{module_or_path:{wasm:?}}}).then(()=>m.hydrate()));\
         if(\"requestIdleCallback\" in window)requestIdleCallback(go,{{timeout:2000}});else setTimeout(go,1)}})()"
    );
    view! { <script type="module">{script}</script> }
}

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let css = pwa::asset_path(&options, "css");
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content=pwa::THEME_COLOUR/>
                <link rel="stylesheet" href=css/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="icon" href="/icons/icon.svg" type="image/svg+xml"/>
                <link rel="apple-touch-icon" href="/icons/icon-192.png"/>
                <HydrateWhenIdle options=options.clone()/>
                <script>{pwa::REGISTER_SERVICE_WORKER}</script>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Before anything else that is shared with the browser, so its place is the same on both.
    seo::provide_site_origin();
    Effect::new(move |_| mark_interactive());
    view! {
        // Every page's <Title> goes through this formatter (the last one given wins, and pages
        // give none): the title is escaped where leptos_meta writes it into the server's HTML.
        <Title formatter=markup::document_title/>
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                <ParentRoute path=ParamSegment("lang") view=LangLayout ssr=SsrMode::Async>
                    <Route path=StaticSegment("") view=HomePage/>
                    <Route path=(StaticSegment("c"), ParamSegment("slug")) view=CategoryPage/>
                    <Route path=(StaticSegment("p"), ParamSegment("slug")) view=ProductPage/>
                    <Route path=(StaticSegment("p"), ParamSegment("slug"), StaticSegment("offers")) view={Lazy::<OffersRoute>::new()}/>
                    <Route path=StaticSegment("sellers") view={Lazy::<SellersRoute>::new()}/>
                    <Route path=(StaticSegment("sellers"), ParamSegment("slug")) view={Lazy::<SellerRoute>::new()}/>
                    <Route path=StaticSegment("ranking") view={Lazy::<RankingRoute>::new()}/>
                    <Route path=StaticSegment("search") view={Lazy::<SearchRoute>::new()}/>
                    <Route path=StaticSegment("cart") view={Lazy::<CartRoute>::new()}/>
                    <Route path=StaticSegment("checkout") view={Lazy::<CheckoutRoute>::new()}/>
                    <Route path=(StaticSegment("orders"), ParamSegment("id")) view={Lazy::<OrderRoute>::new()}/>
                    <Route path=(StaticSegment("pay"), StaticSegment("sandbox"), ParamSegment("reference")) view={Lazy::<SandboxBankRoute>::new()}/>
                    <Route path=(StaticSegment("admin"), ParamSegment("page")) view={Lazy::<AccountRoute>::new()}/>
                    <Route path=StaticSegment("sell") view={Lazy::<AccountRoute>::new()}/>
                    <Route path=StaticSegment("seller") view={Lazy::<AccountRoute>::new()}/>
                    <Route path=(StaticSegment("seller"), ParamSegment("page")) view={Lazy::<AccountRoute>::new()}/>
                    // `offers/{id}`, `imports/{id}` (`SellerArea` tells them apart).
                    <Route path=(StaticSegment("seller"), ParamSegment("page"), ParamSegment("id")) view={Lazy::<AccountRoute>::new()}/>
                    <Route path=(StaticSegment("messages"), ParamSegment("id")) view={Lazy::<AccountRoute>::new()}/>
                    <Route path=StaticSegment("help") view={Lazy::<AccountRoute>::new()}/>
                    <Route path=(StaticSegment("help"), ParamSegment("slug")) view={Lazy::<AccountRoute>::new()}/>
                    <Route path=(StaticSegment("help"), StaticSegment("cases"), ParamSegment("id")) view={Lazy::<AccountRoute>::new()}/>
                    <Route path=StaticSegment("support") view={Lazy::<AccountRoute>::new()}/>
                    <Route path=(StaticSegment("support"), ParamSegment("page")) view={Lazy::<AccountRoute>::new()}/>
                    <Route path=StaticSegment("pantry") view={Lazy::<AccountRoute>::new()}/>
                    <Route path=(StaticSegment("pantry"), StaticSegment("transport")) view={Lazy::<AccountRoute>::new()}/>
                    <Route path=StaticSegment("account") view={Lazy::<AccountRoute>::new()}/>
                    <Route path=(StaticSegment("account"), StaticSegment("signin")) view={Lazy::<AccountRoute>::new()}/>
                    <Route path=(StaticSegment("account"), StaticSegment("register")) view={Lazy::<AccountRoute>::new()}/>
                    <Route path=(StaticSegment("account"), StaticSegment("confirm")) view={Lazy::<AccountRoute>::new()}/>
                    <Route path=(StaticSegment("account"), StaticSegment("forgot")) view={Lazy::<AccountRoute>::new()}/>
                    <Route path=(StaticSegment("account"), StaticSegment("reset")) view={Lazy::<AccountRoute>::new()}/>
                    <Route path=(StaticSegment("account"), StaticSegment("orders")) view={Lazy::<AccountRoute>::new()}/>
                    <Route path=(StaticSegment("account"), StaticSegment("profile")) view={Lazy::<AccountRoute>::new()}/>
                    <Route path=(StaticSegment("account"), StaticSegment("email")) view={Lazy::<AccountRoute>::new()}/>
                    <Route path=(StaticSegment("account"), StaticSegment("delete")) view={Lazy::<AccountRoute>::new()}/>
                    <Route path=(StaticSegment("account"), StaticSegment("data")) view={Lazy::<AccountRoute>::new()}/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
