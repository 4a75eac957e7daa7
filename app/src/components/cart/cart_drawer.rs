//! `<CartDrawer>`: the cart in a side panel. A native modal `<dialog>`, so focus moves into it,
//! stays there, Escape closes it, and focus returns to the button that opened it.

use leptos::html::Dialog;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::hooks::{use_cart, use_market};
use crate::i18n::use_i18n;

/// The cart drawer, opened by `<CartButton>` and by adding to the cart.
#[component]
pub fn CartDrawer(
    /// What "Check out" does instead of going to the checkout page (a checkout that opens in
    /// place, where there is no router). The drawer closes first.
    #[prop(optional)]
    on_checkout: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let market = use_market();
    let dialog = NodeRef::<Dialog>::new();
    // Only a storefront with a router navigates; an embedded drawer has none.
    let navigate = on_checkout
        .is_none()
        .then(|| StoredValue::new_local(use_navigate()));
    let analytics = crate::analytics::use_analytics();
    // Whether the drawer's content exists: built after the frame in which the drawer first
    // opens has painted, and kept from then on. So the first add to cart paints its new count
    // (and the opening drawer) before the content is built, and a page taking its prerendered
    // HTML over does not build it at all.
    let opened = RwSignal::new(false);
    Effect::new(move |_| {
        if cart.drawer_open.get() && !opened.get_untracked() {
            request_animation_frame(move || {
                set_timeout(move || opened.set(true), std::time::Duration::ZERO)
            });
        }
    });
    Effect::new(move |_| {
        let open = cart.drawer_open.get();
        if let Some(dialog) = dialog.get() {
            if open && !dialog.open() {
                let _ = dialog.show_modal();
                // A shopper looking at the cart may check out next: fetch that page's code now.
                if navigate.is_some() {
                    crate::routes::lazy::prefetch(crate::routes::lazy::LazyPage::Checkout);
                } else {
                    crate::embed::parts::prefetch_checkout();
                }
                if let Some(analytics) = analytics {
                    cart.cart.with_untracked(|c| {
                        analytics.track_cart(dhow_sdk::analytics::EventName::ViewCart, c.as_ref())
                    });
                }
            } else if !open && dialog.open() {
                dialog.close();
            }
        }
    });
    let close = move || cart.drawer_open.set(false);
    let on_close = Callback::new(move |()| close());
    let checkout = Callback::new(move |()| match (on_checkout, navigate) {
        (Some(checkout), _) => checkout.run(()),
        (None, Some(navigate)) => {
            navigate.with_value(|go| go(&market.href("/checkout"), Default::default()))
        }
        (None, None) => {}
    });
    // The body's code is fetched once the browser is idle after the app has started, so it is
    // in before a shopper opens the drawer (opening it first fetches it too); in a browser without
    // idle callbacks, after the current task.
    Effect::new(move |_| crate::browser::when_idle(super::prefetch_drawer_body));
    view! {
        <dialog node_ref=dialog class="dhow-drawer" part="cart-drawer" aria-labelledby="dhow-drawer-title"
            on:close=move |_| close()
            on:click=move |ev| {
                // A click on the backdrop lands on the dialog element itself.
                if let (Some(target), Some(d)) = (ev.target(), dialog.get_untracked())
                    && wasm_bindgen::JsValue::from(target) == wasm_bindgen::JsValue::from(d)
                {
                    close();
                }
            }>
            <div class="dhow-drawer__panel">
                <div class="dhow-drawer__head">
                    <h2 id="dhow-drawer-title">{move || i18n.t("cart-title")}</h2>
                    <button type="button" class="dhow-icon-button" part="close" autofocus
                        aria-label=move || i18n.t("cart-close") on:click=move |_| close()>"×"</button>
                </div>
                {move || opened.get().then(|| super::drawer_body(on_close, checkout))}
            </div>
        </dialog>
    }
}
