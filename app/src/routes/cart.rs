//! Cart page: the lines, discount codes and totals, and the way to checkout.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::cart::{CartError, CartLines, CartTotals, PromoCode};
use crate::components::catalog::RecentlyViewed;
use crate::head::{PageMeta, use_page_meta};
use crate::hooks::{use_cart, use_market};
use crate::i18n::use_i18n;

/// `/cart`.
#[component]
pub fn CartPage() -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let market = use_market();
    let navigate = StoredValue::new_local(use_navigate());
    use_page_meta(move || PageMeta {
        title: i18n.t("cart-title"),
        ..PageMeta::default()
    });
    let lines = Signal::derive(move || {
        cart.cart
            .with(|c| c.as_ref().map(|c| c.lines.clone()).unwrap_or_default())
    });
    let totals = move || cart.cart.with(|c| c.as_ref().map(|c| c.totals.clone()));
    crate::analytics::track_cart_once(cart.cart, dhow_sdk::analytics::EventName::ViewCart);
    // The checkout is the likely next page: fetch its code while the shopper reads the cart.
    crate::routes::lazy::prefetch(crate::routes::lazy::LazyPage::Checkout);
    view! {
        <section class="dhow-cart-page" aria-labelledby="cart-heading">
            <h1 id="cart-heading" class="dhow-section__title">{move || i18n.t("cart-title")}</h1>
            <CartError/>
            <Show when=move || !lines.with(Vec::is_empty)
                fallback=move || view! {
                    <p>{move || i18n.t("cart-empty")}</p>
                    <a class="dhow-button" href=move || market.href("/search")>{move || i18n.t("cart-continue")}</a>
                }>
                <div class="dhow-cart-page__layout">
                    <CartLines lines=lines editable=true/>
                    <div class="dhow-cart-page__summary">
                        <PromoCode/>
                        {move || totals().map(|t| view! { <CartTotals totals=t/> })}
                        <button type="button" class="dhow-button dhow-button--block"
                            on:click=move |_| navigate.with_value(|go| go(&market.href("/checkout"), Default::default()))>
                            {move || i18n.t("cart-checkout")}
                        </button>
                    </div>
                </div>
            </Show>
        </section>
        <RecentlyViewed/>
    }
}
