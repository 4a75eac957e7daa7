//! `<ShippingStep>`: the ways to ship to the address given, each with its price and delivery
//! time; once chosen, a line that recalls the choice.

use leptos::prelude::*;

use crate::format::format_money;
use crate::hooks::{CheckoutStep, UseCheckoutReturn};
use crate::i18n::use_i18n;

/// The shipping choices as radio buttons; choosing one tells the backend at once.
#[component]
pub fn ShippingStep(
    /// The checkout this step belongs to.
    checkout: UseCheckoutReturn,
) -> impl IntoView {
    let i18n = use_i18n();
    let step = checkout.step;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        checkout.continue_to_payment();
    };
    let choices = move || {
        let locale = i18n.locale();
        let chosen = checkout.chosen_shipping.get();
        checkout.shipping_options.get().into_iter().map(|o| {
            let id = o.id.clone();
            let checked = chosen.as_ref() == Some(&o.id);
            let price = if o.amount.is_zero() { i18n.t("shipping-free") } else { format_money(&locale, o.amount) };
            let days = match (o.min_days, o.max_days) {
                (Some(min), Some(max)) => Some(i18n.t_with("shipping-days", &[("min", min.into()), ("max", max.into())])),
                _ => None,
            };
            view! {
                <label class="dhow-choice">
                    <input type="radio" name="shipping-option" value=o.id.0.clone() prop:checked=checked
                        on:change=move |_| checkout.choose_shipping(id.clone())/>
                    <span class="dhow-choice__name">{o.name.clone()}</span>
                    <span class="dhow-choice__detail">{days}</span>
                    <span class="dhow-choice__price">{price}</span>
                </label>
            }
        }).collect_view()
    };
    let chosen_name = move || {
        let chosen = checkout.chosen_shipping.get();
        checkout.shipping_options.with(|l| {
            l.iter()
                .find(|o| Some(&o.id) == chosen.as_ref())
                .map(|o| o.name.clone())
        })
    };

    view! {
        <form class="dhow-step" on:submit=submit aria-labelledby="step-shipping">
            <h2 id="step-shipping">{move || i18n.t("checkout-shipping")}</h2>
            <Show when=move || step.get() == CheckoutStep::Shipping fallback=move || view! {
                <Show when=move || step.get().is_past(CheckoutStep::Shipping)>
                    <div class="dhow-step__done">
                        <p>{chosen_name}</p>
                        <Show when=move || step.get().can_edit()>
                            <button type="button" class="dhow-link-button"
                                on:click=move |_| checkout.edit(CheckoutStep::Shipping)>{move || i18n.t("checkout-edit")}</button>
                        </Show>
                    </div>
                </Show>
            }>
                <fieldset class="dhow-choices">
                    <legend class="dhow-visually-hidden">{move || i18n.t("checkout-shipping")}</legend>
                    {choices}
                </fieldset>
                <button type="submit" class="dhow-button" disabled=move || checkout.busy.get()>
                    {move || i18n.t("checkout-continue-payment")}
                </button>
            </Show>
        </form>
    }
}
