//! What the pages of every capability share: the language context (`use_lang`, `use_texts`,
//! `href`, `page_title`), the loading and error bodies (`loaded`, `Loading`, `ErrorBody`,
//! `NotFoundBody`) and the VAT lines of a summary. Pieces of one capability that other pages
//! show live in that capability's `components` (the product grid and pager in `catalog`, the
//! add-to-cart form and cart link in `cart`, the search box in `search`, the account link in
//! `accounts`); a page never imports another page.

use crate::errors::AppError;
use crate::i18n::{fill, format_price, Lang, Texts};
use crate::vat::VatLine;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;
use serde::{de::DeserializeOwned, Serialize};

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

/// A page's data once loaded: `render` for the data, the translated error page otherwise.
pub fn loaded<T, V>(
    data: crate::wire::PageResource<Result<T, AppError>>,
    render: impl Fn(T) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(value) => render(value).into_any(),
                    Err(error) => view! { <ErrorBody error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A moment as the seller area and messages show it: Tallinn's day and minute ("01.12.2026 05:01").
pub fn tallinn_minute(at: chrono::DateTime<chrono::Utc>) -> String {
    crate::delivery::local_time::to_tallinn(at).format("%d.%m.%Y %H:%M").to_string()
}

/// The VAT lines of a summary: "VAT 24% included: €1.23".
pub fn vat_lines(t: &'static Texts, lang: Lang, vat: &[VatLine]) -> impl IntoView {
    vat.iter()
        .map(|v| {
            let rate = format!("{}%", v.rate_bp / 100);
            view! {
                <dt>{fill(t.vat_rate_included, &[("rate", &rate)])}</dt>
                <dd>{format_price(v.vat_cents, lang)}</dd>
            }
        })
        .collect_view()
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
