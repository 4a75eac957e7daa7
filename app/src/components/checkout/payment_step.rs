//! `<PaymentStep>`: the card, the total to pay, and the button that places the order.

use dhow_sdk::model::CardDetails;
use leptos::prelude::*;

use super::PaymentForm;
use crate::format::format_money;
use crate::hooks::{UseCheckoutReturn, use_cart};
use crate::i18n::use_i18n;

/// The card form and "Place order", shown once shipping is chosen (and for a cart paid in an
/// earlier visit, where only placing the order is left: the card is then not used).
#[component]
pub fn PaymentStep(
    /// The checkout this step belongs to.
    checkout: UseCheckoutReturn,
    /// The card as typed.
    card: RwSignal<CardDetails>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        checkout.place_order(card.get_untracked());
    };
    let total = move || {
        cart.cart.with(|c| {
            c.as_ref().map(|c| {
                let total = format_money(&i18n.locale(), c.totals.total.amount);
                i18n.t_with("checkout-pay-total", &[("total", total.into())])
            })
        })
    };
    view! {
        <form class="dhow-step" on:submit=submit aria-labelledby="step-payment" novalidate=true>
            <h2 id="step-payment">{move || i18n.t("checkout-payment")}</h2>
            <Show when=move || checkout.step.get().takes_payment()>
                <PaymentForm card=card errors=checkout.errors/>
                <p class="dhow-checkout__total">{total}</p>
                <button type="submit" class="dhow-button dhow-button--block" disabled=move || checkout.busy.get()>
                    {move || i18n.t("checkout-place-order")}
                </button>
            </Show>
        </form>
    }
}
