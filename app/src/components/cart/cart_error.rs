//! `<CartError>`: why the cart could not be read or changed, with "Try again" when it can help.

use leptos::prelude::*;

use crate::components::layout::ErrorNotice;
use crate::hooks::use_cart;

/// The cart's last error, if any. "Try again" sends a failed change again as the shopper made
/// it, or reads a cart that could not be read; it is offered only when trying again can help.
#[component]
pub fn CartError() -> impl IntoView {
    let cart = use_cart();
    move || {
        cart.error.get().map(|error| {
            if cart.can_retry() {
                let on_retry = Callback::new(move |()| cart.retry());
                view! { <ErrorNotice error=error on_retry=on_retry/> }.into_any()
            } else {
                view! { <ErrorNotice error=error/> }.into_any()
            }
        })
    }
}
