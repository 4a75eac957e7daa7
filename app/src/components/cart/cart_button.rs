//! `<CartButton>`: opens the cart drawer and shows how many items the cart holds.

use leptos::prelude::*;

use crate::hooks::use_cart;
use crate::i18n::use_i18n;

/// The header's cart button. Its accessible name is just "Cart" (the badge is hidden from
/// assistive technology); the count is announced separately when it changes.
#[component]
pub fn CartButton() -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let count = move || cart.item_count();
    view! {
        <button type="button" class="dhow-cart-button" part="cart-button" aria-haspopup="dialog"
            on:click=move |_| cart.drawer_open.set(true)>
            // `currentColor`: the icon takes the button's text colour; its size is a token.
            <svg class="dhow-cart-button__icon" part="icon" aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none"
                stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">
                <path d="M6 7h12l-1 13H7L6 7z"/><path d="M9 7V5a3 3 0 0 1 6 0v2"/>
            </svg>
            <span class="dhow-visually-hidden">{move || i18n.t("cart-button")}</span>
            <span class="dhow-cart-button__count" part="count" aria-hidden="true"
                data-count=move || count().to_string()>{count}</span>
        </button>
        <span class="dhow-visually-hidden" role="status">
            {move || i18n.t_with("cart-count", &[("count", count().into())])}
        </span>
    }
}
