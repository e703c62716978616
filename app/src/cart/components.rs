//! The cart's pieces that other pages show: the header's cart link with its count and the
//! add-to-cart form of an offer.

use super::api::{cart_count, AddToCart};
use super::MAX_QUANTITY;
use crate::i18n::{counted, fill};
use crate::ui::{href, use_lang, use_texts};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// Bumped whenever this page changed the cart, so the header count and the cart reload.
#[derive(Clone, Copy)]
pub struct CartChanged(pub RwSignal<u32>);

pub fn provide_cart_changed() {
    provide_context(CartChanged(RwSignal::new(0)));
}

pub(super) fn cart_changed() -> RwSignal<u32> {
    use_context::<CartChanged>().map(|c| c.0).unwrap_or_else(|| RwSignal::new(0))
}

/// Reloads the cart and the header count whenever the actions behind `versions` complete.
pub(super) fn reload_cart_after(versions: impl Fn() -> usize + Send + Sync + 'static) {
    let changed = cart_changed();
    Effect::new(move |_| {
        if versions() > 0 {
            changed.update(|n| *n += 1);
        }
    });
}

/// The header's cart link with the number of units in the cart.
#[component]
pub fn CartLink() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let changed = cart_changed();
    let count = crate::wire::resource(move || changed.get(), |_| cart_count());
    let label = move |n: i32| counted(lang.get(), n.max(0) as u64, t.get().cart_items_one, t.get().cart_items_few, t.get().cart_items_other);
    view! {
        <a class="cart-link" href=move || href(lang.get(), "/cart")>
            <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
                <path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.7L21 8H6.2" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>
                <circle cx="9" cy="19" r="1.6" fill="currentColor"/>
                <circle cx="17" cy="19" r="1.6" fill="currentColor"/>
            </svg>
            <span>{move || t.get().nav_cart}</span>
            <Transition fallback=|| ()>
                {move || {
                    count.get().and_then(Result::ok).filter(|n| *n > 0).map(|n| {
                        view! {
                            <span class="cart-count" data-testid="cart-count" aria-hidden="true">{n}</span>
                            <span class="visually-hidden">{label(n)}</span>
                        }
                    })
                }}
            </Transition>
        </a>
    }
}

/// "Add to cart" for one offer: quantity and button. Without JavaScript it leads to the cart;
/// hydrated it stays on the page and says what it did.
#[component]
pub fn AddToCartForm(offer_id: i32, stock: i32) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let add = ServerAction::<AddToCart>::new();
    reload_cart_after(move || add.version().get());
    let field = format!("qty-{offer_id}");
    let status = move || {
        add.value().get().map(|result| match result {
            Ok(added) => match added.limited_to {
                Some(n) => fill(t.cart_limited, &[("n", &n.to_string())]),
                None => t.cart_added.to_owned(),
            },
            Err(e) => e.message(t).to_owned(),
        })
    };
    view! {
        <ActionForm action=add attr:class="add-to-cart">
            <input type="hidden" name="lang" value=lang.code()/>
            <input type="hidden" name="offer_id" value=offer_id/>
            <label for=field.clone()>{t.quantity}</label>
            <input id=field type="number" name="quantity" value="1" min="1" max=stock.clamp(1, MAX_QUANTITY) inputmode="numeric" required/>
            <button type="submit" class="primary">{t.add_to_cart}</button>
            <p class="form-status" role="status" aria-live="polite">
                {status}
                {move || add.value().get().is_some_and(|r| r.is_ok()).then(|| view! { " " <a href=href(lang, "/cart")>{t.cart_go}</a> })}
            </p>
        </ActionForm>
    }
}


