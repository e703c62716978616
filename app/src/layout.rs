//! The page chrome: header (logo, search, language switch, cart), footer, the language
//! context every page reads, and the translated "not found" / error bodies.

use crate::errors::AppError;
use crate::i18n::{switch_lang_path, Lang, Texts};
use crate::accounts::pages::AccountLink;
use crate::cart::pages::{provide_cart_changed, CartLink};
use crate::search::pages::SearchBox;
use leptos::prelude::*;
use leptos_meta::{Html, Title};
use leptos_router::{components::Outlet, hooks::{use_location, use_params_map}};

/// The page language, from the first path segment.
#[derive(Clone, Copy)]
pub struct PageLang(pub Memo<Lang>);

/// The current page's language (Estonian outside a language prefix).
pub fn use_lang() -> Memo<Lang> {
    use_context::<PageLang>().map(|p| p.0).unwrap_or_else(|| Memo::new(|_| Lang::default()))
}

/// The current page's texts, reactively.
pub fn use_texts() -> Signal<&'static Texts> {
    let lang = use_lang();
    Signal::derive(move || lang.get().texts())
}

/// A `<Title>` text that follows the page's language. leptos_meta reads the title after the
/// page has rendered, when the page's owner (and the signals it read) may already be disposed
/// (seen in the debug build); then the title as the page rendered it stands.
pub fn page_title(
    t: Signal<&'static Texts>,
    make: impl Fn(&'static Texts) -> String + Send + Sync + 'static,
) -> impl Fn() -> String + Send + Sync + 'static {
    let rendered = make(t.get_untracked());
    move || t.try_get().map(&make).unwrap_or_else(|| rendered.clone())
}

/// `/{lang}{rest}` for a link inside the shop.
pub fn href(lang: Lang, rest: &str) -> String {
    format!("/{}{}", lang.code(), rest)
}

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
                </ul>
            </nav>
            <p>{move || t.get().footer_about}</p>
            <p class="legal">{move || t.get().footer_legal}</p>
        </footer>
    }
    .into_any()
}

/// "Page not found", with status 404 when rendered on the server.
#[component]
pub fn NotFoundBody() -> impl IntoView {
    view! { <ErrorBody error=AppError::NotFound/> }
}

/// A translated error message for a page that could not be shown; sets the HTTP status.
#[component]
pub fn ErrorBody(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::set_status(error.status());
    let lang = use_lang();
    let t = use_texts();
    let not_found = error == AppError::NotFound;
    let sign_in = error == AppError::Unauthorized;
    let location = use_location();
    let heading_in = move |t: &'static Texts| if not_found { t.not_found_title } else { t.error_title };
    let heading = move || heading_in(t.get());
    let message = {
        let error = error.clone();
        move || error.message(t.get())
    };
    view! {
        <Title text=page_title(t, move |t| format!("{} — {}", heading_in(t), t.site_name))/>
        <section class="error-page">
            <h1>{heading}</h1>
            <p>{message}</p>
            {sign_in.then(|| view! {
                <p><a class="button primary" href=move || {
                    let here = location.pathname.get();
                    href(lang.get(), &format!("/account/signin?next={}", crate::markup::query_value(&here)))
                }>{move || t.get().account_sign_in}</a></p>
            })}
            <p><a href=move || href(lang.get(), "")>{move || t.get().back_home}</a></p>
        </section>
    }
}

/// What a page shows while its data loads (only seen on client-side navigation).
#[component]
pub fn Loading() -> impl IntoView {
    let t = use_texts();
    view! { <p class="loading" role="status">{move || t.get().loading}</p> }
}
