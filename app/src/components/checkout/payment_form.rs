//! `<PaymentForm>`: the card form of a test-card payment method.

use dhow_sdk::FieldError;
use dhow_sdk::model::CardDetails;
use leptos::prelude::*;

use super::address_form::problem_message;
use crate::i18n::use_i18n;

/// Card number, expiry and security code. The test processor never leaves the machine; the
/// hint says which numbers to use.
#[component]
pub fn PaymentForm(
    /// The card as typed.
    card: RwSignal<CardDetails>,
    /// Field errors (`card_number`, `card_expiry`, `card_cvc`).
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let field = move |name: &'static str,
                      label: &'static str,
                      autocomplete: &'static str,
                      placeholder: &'static str| {
        let id = format!("payment-{name}");
        let error_id = format!("{id}-error");
        let error = move || {
            errors.with(|l| {
                l.iter()
                    .find(|e| e.field == name)
                    .map(|e| problem_message(i18n, &e.problem))
            })
        };
        let value = move || {
            card.with(|c| match name {
                "card_number" => c.number.clone(),
                "card_expiry" => c.expiry.clone(),
                _ => c.cvc.clone(),
            })
        };
        view! {
            <div class="dhow-field" data-field=name>
                <label for=id.clone()>{move || i18n.t(label)}</label>
                <input id=id.clone() type="text" inputmode="numeric" autocomplete=autocomplete placeholder=placeholder
                    required=true aria-invalid=move || error().is_some().to_string() aria-describedby=error_id.clone()
                    prop:value=value
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        card.update(|c| match name {
                            "card_number" => c.number = v,
                            "card_expiry" => c.expiry = v,
                            _ => c.cvc = v,
                        });
                    }/>
                <span id=error_id class="dhow-field-error">{error}</span>
            </div>
        }
    };
    view! {
        <div class="dhow-payment-form" part="payment-form">
            <p class="dhow-payment-form__hint">{move || i18n.t("payment-test-hint")}</p>
            {field("card_number", "payment-card-number", "cc-number", "4242 4242 4242 4242")}
            <div class="dhow-address-form__row">
                {field("card_expiry", "payment-card-expiry", "cc-exp", "MM/YY")}
                {field("card_cvc", "payment-card-cvc", "cc-csc", "123")}
            </div>
        </div>
    }
}
