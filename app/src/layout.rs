//! The page chrome: the `/:lang` route that provides the language, the header (logo, search,
//! language switch, account, cart) and the footer. What pages share lives in `ui`.

use crate::i18n::{switch_lang_path, Lang};
use crate::accounts::components::AccountLink;
use crate::cart::components::{provide_cart_changed, CartLink};
use crate::search::components::SearchBox;
use crate::ui::{href, use_lang, use_texts, NotFoundBody, PageLang};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::{components::Outlet, hooks::{use_location, use_params_map}};

/// The route component for `/:lang/…`: checks the language and wraps the page in the chrome.
#[component]
pub fn LangLayout() -> impl IntoView {
    let params = use_params_map();
    let code = Memo::new(move |_| params.read().get("lang"));
    let lang = Memo::new(move |_| code.get().as_deref().and_then(Lang::from_code).unwrap_or_default());
    provide_context(PageLang(lang));
    // Re-render only when validity changes: switching et → ru keeps the layout and the outlet
    // and lets the pages react to the new language.
    let valid = Memo::new(move |_| code.get().as_deref().and_then(Lang::from_code).is_some());
    move || {
        if valid.get() {
            view! { <Chrome><Outlet/></Chrome> }.into_any()
        } else {
            view! { <Chrome><NotFoundBody/></Chrome> }.into_any()
        }
    }
}

/// The page for addresses no route knows: in the language of the path's prefix if it has one.
#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    let lang = Memo::new(move |_| {
        let path = location.pathname.get();
        path.trim_start_matches('/').split('/').next().and_then(Lang::from_code).unwrap_or_default()
    });
    provide_context(PageLang(lang));
    view! { <Chrome><NotFoundBody/></Chrome> }
}

#[component]
fn Chrome(children: Children) -> impl IntoView {
    provide_cart_changed();
    let lang = use_lang();
    let t = use_texts();
    view! {
        <Html {..} lang=move || lang.get().code()/>
        <a class="skip-link" href="#main">{move || t.get().skip_to_content}</a>
        <Header/>
        <main id="main" tabindex="-1">{children()}</main>
        <Footer/>
    }
}

#[component]
fn Header() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let location = use_location();
    let switch = move || {
        let path = location.pathname.get();
        let query = location.search.get();
        let current = lang.get();
        Lang::ALL
            .into_iter()
            .map(|l| {
                let target = format!("{}{}", switch_lang_path(&path, l), if query.is_empty() { String::new() } else { format!("?{query}") });
                view! {
                    <li>
                        <a
                            href=target
                            hreflang=l.code()
                            lang=l.code()
                            aria-current=(l == current).then_some("true")
                        >
                            {l.label()}
                            <span class="visually-hidden">" "{l.native_name()}</span>
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <header class="site-header">
            <div class="bar">
                <a class="logo" href=move || href(lang.get(), "")>
                    <img src="/icons/icon.svg" alt="" width="28" height="28"/>
                    <span>{move || t.get().site_name}</span>
                </a>
                <nav class="lang-switch" aria-label=move || t.get().nav_language>
                    <ul>{switch}</ul>
                </nav>
                <AccountLink/>
                <CartLink/>
            </div>
            <SearchBox/>
        </header>
    }
    .into_any()
}

#[component]
fn Footer() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    view! {
        <footer class="site-footer">
            <nav aria-label=move || t.get().footer_nav>
                <ul>
                    <li><a href=move || href(lang.get(), "/sellers")>{move || t.get().nav_sellers}</a></li>
                    <li><a href=move || href(lang.get(), "/ranking")>{move || t.get().how_we_rank}</a></li>
                    <li><a href=move || href(lang.get(), "/sell")>{move || t.get().nav_sell}</a></li>
                    <li><a href=move || href(lang.get(), "/help")>{move || t.get().nav_help}</a></li>
                </ul>
            </nav>
            <p>{move || t.get().footer_about}</p>
            <p class="legal">{move || t.get().footer_legal}</p>
        </footer>
    }
    .into_any()
}
