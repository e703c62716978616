//! Turg's shared Leptos crate: pages, components, server functions and domain rules, compiled
//! with `ssr` for the server and with `hydrate` to WASM. Server-only code (database, axum) sits
//! behind `#[cfg(feature = "ssr")]`; see ARCHITECTURE.md.
#![recursion_limit = "256"]

pub mod admin;
pub mod cart;
pub mod catalog;
pub mod checkout;
pub mod delivery;
pub mod errors;
pub mod i18n;
pub mod offers;
pub mod orders;
pub mod payment;
mod layout;
pub mod pwa;
pub mod search;
pub mod sellers;
pub mod vat;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod outbox;
#[cfg(feature = "ssr")]
pub mod server;

use admin::pages::OutboxPage;
use cart::pages::CartPage;
use catalog::pages::{CategoryPage, HomePage, OffersPage, ProductPage};
use checkout::pages::CheckoutPage;
use orders::pages::OrderPage;
use payment::pages::SandboxBankPage;
use search::pages::SearchPage;
use sellers::pages::{RankingPage, SellerPage, SellersPage};
use layout::{LangLayout, NotFound};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    ParamSegment, SsrMode, StaticSegment,
};

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
                <HydrationScripts options/>
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
    // Lets tests (and CSS) know the page is interactive; effects only run in the browser.
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                <ParentRoute path=ParamSegment("lang") view=LangLayout ssr=SsrMode::Async>
                    <Route path=StaticSegment("") view=HomePage/>
                    <Route path=(StaticSegment("c"), ParamSegment("slug")) view=CategoryPage/>
                    <Route path=(StaticSegment("p"), ParamSegment("slug")) view=ProductPage/>
                    <Route path=(StaticSegment("p"), ParamSegment("slug"), StaticSegment("offers")) view=OffersPage/>
                    <Route path=StaticSegment("sellers") view=SellersPage/>
                    <Route path=(StaticSegment("sellers"), ParamSegment("slug")) view=SellerPage/>
                    <Route path=StaticSegment("ranking") view=RankingPage/>
                    <Route path=StaticSegment("search") view=SearchPage/>
                    <Route path=StaticSegment("cart") view=CartPage/>
                    <Route path=StaticSegment("checkout") view=CheckoutPage/>
                    <Route path=(StaticSegment("orders"), ParamSegment("id")) view=OrderPage/>
                    <Route path=(StaticSegment("pay"), StaticSegment("sandbox"), ParamSegment("reference")) view=SandboxBankPage/>
                    <Route path=(StaticSegment("admin"), StaticSegment("outbox")) view=OutboxPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
