//! `<CheckoutSteps>`: contact and shipping address, shipping method, payment, then the order.
//! Three steps on one page; the order summary stays beside them.

use dhow_sdk::model::{CardDetails, Order};
use leptos::prelude::*;

use super::{DetailsDraft, DetailsStep, OrderSummary, PaymentStep, ShippingStep};
use crate::hooks::{UseCheckoutOptions, use_cart, use_checkout_with_options, use_market};
use crate::i18n::use_i18n;

/// Checkout in three steps — contact and addresses, shipping, payment — with the order summary
/// beside them. On success the cart is cleared and `on_placed` receives the order; the
/// storefront's page then shows the confirmation, an embedded checkout its own.
#[component]
pub fn CheckoutSteps(
    /// Called with the order once it is placed.
    on_placed: Callback<Order>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let market = use_market();
    let checkout = use_checkout_with_options(UseCheckoutOptions {
        on_placed: Some(on_placed),
    });
    // What the shopper types lives here, above the steps: it outlives their markup (a cart
    // that is empty for a moment hides the steps, and the draft must come back with them).
    let draft = DetailsDraft::from_cart(cart);
    let card = RwSignal::new(CardDetails {
        number: String::new(),
        expiry: String::new(),
        cvc: String::new(),
    });

    let lines = Signal::derive(move || {
        cart.cart
            .with(|c| c.as_ref().map(|c| c.lines.clone()).unwrap_or_default())
    });
    let totals = move || cart.cart.with(|c| c.as_ref().map(|c| c.totals.clone()));

    view! {
        <section class="dhow-checkout" aria-labelledby="checkout-heading">
            <h1 id="checkout-heading" class="dhow-section__title">{move || i18n.t("checkout-title")}</h1>
            <Show when=move || !lines.with(Vec::is_empty) fallback=move || view! {
                <p>{move || i18n.t("cart-empty")}</p>
                <a class="dhow-button" href=move || market.href("/search")>{move || i18n.t("cart-continue")}</a>
            }>
                <div class="dhow-checkout__layout">
                    <div class="dhow-checkout__steps">
                        {move || checkout.notice.get().map(|n| view! { <div class="dhow-error" role="alert"><p>{n}</p></div> })}
                        <DetailsStep checkout=checkout draft=draft/>
                        <ShippingStep checkout=checkout/>
                        <PaymentStep checkout=checkout card=card/>
                    </div>
                    {move || totals().map(|t| view! { <OrderSummary lines=lines totals=t/> })}
                </div>
            </Show>
        </section>
    }
}
