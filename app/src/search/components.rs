//! The header's search box (a combobox with suggestions once hydrated).

use super::api::suggest;
use crate::ui::{href, use_lang, use_texts};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The header's search form. A plain GET form; once hydrated it is also a combobox (ARIA 1.2
/// pattern): typing lists matching products in a listbox, ↓/↑ move through them
/// (`aria-activedescendant`, focus stays in the field), Enter opens the highlighted product,
/// Escape closes the list. Without JavaScript the list never opens and Enter searches.
#[component]
pub fn SearchBox() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let query = use_query_map();
    let navigate = leptos_router::hooks::use_navigate();
    let typed = RwSignal::new(String::new());
    let active = RwSignal::new(None::<usize>);
    let dismissed = RwSignal::new(false);
    let suggestions = LocalResource::new(move || {
        let (lang, q) = (lang.get(), typed.get());
        async move {
            if q.trim().chars().count() < 2 {
                return Vec::new();
            }
            suggest(lang, q).await.unwrap_or_default()
        }
    });
    let items = move || suggestions.get().unwrap_or_default();
    let open = move || !dismissed.get() && !typed.get().trim().is_empty() && !items().is_empty();
    let option_id = |i: usize| format!("search-suggestion-{i}");
    let go = {
        let navigate = navigate.clone();
        move |i: usize| {
            if let Some(s) = items().get(i) {
                typed.set(String::new());
                active.set(None);
                navigate(&href(lang.get_untracked(), &format!("/p/{}", s.slug)), Default::default());
            }
        }
    };
    let on_key = {
        let go = go.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let n = items().len();
            match ev.key().as_str() {
                "ArrowDown" | "ArrowUp" if n > 0 => {
                    ev.prevent_default();
                    dismissed.set(false);
                    let down = ev.key() == "ArrowDown";
                    active.update(|a| {
                        *a = Some(match (*a, down) {
                            (None, true) => 0,
                            (None, false) => n - 1,
                            (Some(i), true) => (i + 1) % n,
                            (Some(i), false) => (i + n - 1) % n,
                        })
                    });
                }
                "Enter" if open() => {
                    if let Some(i) = active.get_untracked() {
                        ev.prevent_default();
                        go(i);
                    }
                }
                // Escape closes an open list and keeps the text; with the list closed, the
                // field clears itself as search fields do.
                "Escape" if open() => {
                    ev.prevent_default();
                    dismissed.set(true);
                    active.set(None);
                }
                _ => {}
            }
        }
    };
    let list = move || {
        let go = go.clone();
        items()
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let go = go.clone();
                view! {
                    <li
                        id=option_id(i)
                        role="option"
                        aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                        on:mousedown=move |ev| {
                            ev.prevent_default();
                            go(i);
                        }
                    >
                        {s.title}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <form class="search" role="search" aria-label=move || t.get().search_label method="get" action=move || href(lang.get(), "/search")>
            <label for="search-q" class="visually-hidden">{move || t.get().search_label}</label>
            <input
                id="search-q"
                name="q"
                type="search"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls="search-suggestions"
                aria-expanded=move || if open() { "true" } else { "false" }
                aria-activedescendant=move || active.get().filter(|_| open()).map(option_id)
                value=move || query.read_untracked().get("q").unwrap_or_default()
                placeholder=move || t.get().search_placeholder
                on:input=move |ev| {
                    typed.set(event_target_value(&ev));
                    active.set(None);
                    dismissed.set(false);
                }
                on:keydown=on_key
                on:blur=move |_| dismissed.set(true)
                on:focus=move |_| dismissed.set(false)
            />
            <button type="submit">{move || t.get().search_button}</button>
            <ul id="search-suggestions" class="suggestions" role="listbox"
                aria-label=move || t.get().search_suggestions hidden=move || !open()>
                {list}
            </ul>
        </form>
    }
}
