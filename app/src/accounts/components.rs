//! The accounts' pieces that other pages show.

use crate::ui::{href, use_lang, use_texts};
use leptos::prelude::*;

/// The header's link to the account: the same for every visitor (pages with it are shared by
/// the page cache); the account page tells who is signed in.
#[component]
pub fn AccountLink() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    view! {
        <a class="account-link" href=move || href(lang.get(), "/account")>
            <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
                <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" stroke-width="2"/>
                <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" fill="none" stroke="currentColor" stroke-width="2"/>
            </svg>
            <span>{move || t.get().nav_account}</span>
        </a>
    }
}
