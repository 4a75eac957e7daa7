//! `<CheckoutSteps>`: contact and shipping address, shipping method, payment, then the order.
//! Three steps on one page; the order summary stays beside them.

use dhow_sdk::address::{self, CountryCode};
use dhow_sdk::model::{CardDetails, Order, ShippingOption};
use dhow_sdk::{Backend, Error, FieldError, ShippingOptionId};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{AddressDraft, AddressForm, OrderSummary, PaymentForm, problem_message};
use crate::format::{format_money, region_name};
use crate::hooks::{use_cart, use_market};
use crate::i18n::use_i18n;
use crate::store::use_store;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Details,
    Shipping,
    Payment,
}

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
    let store = use_store();

    let step = RwSignal::new(Step::Details);
    let email = RwSignal::new(String::new());
    let draft = RwSignal::new(AddressDraft::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // Billing: the shipping address unless the shopper gives another, in any country.
    let bill_to_shipping = RwSignal::new(true);
    let billing = RwSignal::new(AddressDraft::default());
    let billing_country = RwSignal::new(None::<CountryCode>);
    let billing_errors = RwSignal::new(Vec::<FieldError>::new());
    let notice = RwSignal::new(None::<String>);
    let options = RwSignal::new(Vec::<ShippingOption>::new());
    let card = RwSignal::new(CardDetails {
        number: String::new(),
        expiry: String::new(),
        cvc: String::new(),
    });
    let busy = RwSignal::new(false);

    // Fill the form once from what the cart already holds (a reload mid-checkout).
    let filled = StoredValue::new(false);
    Effect::new(move |_| {
        if filled.get_value() {
            return;
        }
        cart.cart.with(|c| {
            if let Some(c) = c {
                filled.set_value(true);
                if let Some(e) = &c.email {
                    email.set(e.clone());
                }
                if let Some(a) = &c.shipping_address {
                    draft.set(AddressDraft::from_address(a));
                }
                if let Some(a) = &c.billing_address {
                    bill_to_shipping.set(false);
                    billing_country.set(Some(a.country));
                    billing.set(AddressDraft::from_address(a));
                }
            }
        });
    });

    let country = Signal::derive(move || market.market.with(|m| m.country));
    let show_error = move |error: Error| match error {
        Error::InvalidInput { fields } => errors.set(fields),
        Error::PaymentDeclined { .. } => notice.set(Some(i18n.t("payment-declined"))),
        Error::OutOfStock { .. } => notice.set(Some(i18n.t("checkout-out-of-stock"))),
        e if e.is_retryable() => notice.set(Some(i18n.t("error-unreachable"))),
        _ => notice.set(Some(i18n.t("error-generic"))),
    };

    let submit_details = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.set(Vec::new());
        billing_errors.set(Vec::new());
        notice.set(None);
        busy.set(true);
        let (mail, address) = (
            email.get_untracked(),
            draft.get_untracked().to_address(country.get_untracked()),
        );
        let bill_to = (!bill_to_shipping.get_untracked()).then(|| {
            let country = billing_country
                .get_untracked()
                .unwrap_or_else(|| country.get_untracked());
            billing.get_untracked().to_address(country)
        });
        spawn_local(async move {
            // A cart another tab moved to its market comes back to this page's market first:
            // the address is for this market's country.
            if let Err(e) = cart.move_to(&market.market.get_untracked()).await {
                show_error(e);
                busy.set(false);
                return;
            }
            let contact = cart
                .update(move |s, id| async move { s.backend.set_email(&id, mail.trim()).await })
                .await;
            let shipping = cart
                .update(
                    move |s, id| async move { s.backend.set_shipping_address(&id, &address).await },
                )
                .await;
            let bill = cart
                .update(move |s, id| async move {
                    s.backend.set_billing_address(&id, bill_to.as_ref()).await
                })
                .await;
            let mut fields = Vec::new();
            let mut other = None;
            for result in [contact.err(), shipping.err()].into_iter().flatten() {
                match result {
                    Error::InvalidInput { fields: f } => fields.extend(f),
                    e => other = Some(e),
                }
            }
            // The billing form has the same field names: its errors are kept apart.
            let mut bill_fields = Vec::new();
            match bill {
                Err(Error::InvalidInput { fields: f }) => bill_fields = f,
                Err(e) => other = Some(e),
                Ok(_) => {}
            }
            if let Some(e) = other {
                show_error(e);
            } else if !fields.is_empty() || !bill_fields.is_empty() {
                errors.set(fields);
                billing_errors.set(bill_fields);
            } else if let Some(id) = cart
                .cart
                .with_untracked(|c| c.as_ref().map(|c| c.id.clone()))
            {
                match store.store().backend.shipping_options(&id).await {
                    Ok(list) => {
                        let first = list.first().map(|o| o.id.clone());
                        let chosen = cart
                            .cart
                            .with_untracked(|c| c.as_ref().and_then(|c| c.shipping_option.clone()));
                        options.set(list);
                        if chosen.is_none()
                            && let Some(first) = first
                        {
                            choose(cart, first, show_error).await;
                        }
                        step.set(Step::Shipping);
                    }
                    Err(e) => show_error(e),
                }
            }
            busy.set(false);
        });
    };

    let continue_to_payment = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // An error from an earlier step is not this step's.
        notice.set(None);
        step.set(Step::Payment);
    };

    let place_order = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.set(Vec::new());
        notice.set(None);
        busy.set(true);
        let details = card.get_untracked();
        spawn_local(async move {
            // The cart context places the order and keeps it: this step may be gone by the
            // time the backend answers (the shopper navigated away), and then only what is
            // still here is told.
            let result = cart.place_order(Some(details)).await;
            busy.set(false);
            match result {
                Ok(order) => {
                    on_placed.try_run(order);
                }
                Err(e) => show_error(e),
            }
        });
    };

    let lines = Signal::derive(move || {
        cart.cart
            .with(|c| c.as_ref().map(|c| c.lines.clone()).unwrap_or_default())
    });
    let totals = move || cart.cart.with(|c| c.as_ref().map(|c| c.totals.clone()));
    let country_name =
        move || region_name(&i18n.locale(), market.market.with(|m| m.country).as_str());
    let email_error = move || {
        errors.with(|l| {
            l.iter()
                .find(|e| e.field == "email")
                .map(|e| problem_message(i18n, &e.problem))
        })
    };

    let shipping_choices = move || {
        let locale = i18n.locale();
        let chosen = cart
            .cart
            .with(|c| c.as_ref().and_then(|c| c.shipping_option.clone()));
        options.get().into_iter().map(|o| {
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
                        on:change=move |_| {
                            let id = id.clone();
                            notice.set(None);
                            spawn_local(async move {
                                if !choose(cart, id, show_error).await {
                                    // The browser keeps the clicked radio checked: draw the
                                    // choices again from the cart, which kept its option.
                                    options.try_update(|_| {});
                                }
                            });
                        }/>
                    <span class="dhow-choice__name">{o.name.clone()}</span>
                    <span class="dhow-choice__detail">{days}</span>
                    <span class="dhow-choice__price">{price}</span>
                </label>
            }
        }).collect_view()
    };

    view! {
        <section class="dhow-checkout" aria-labelledby="checkout-heading">
            <h1 id="checkout-heading" class="dhow-section__title">{move || i18n.t("checkout-title")}</h1>
            <Show when=move || !lines.with(Vec::is_empty) fallback=move || view! {
                <p>{move || i18n.t("cart-empty")}</p>
                <a class="dhow-button" href=move || market.href("/search")>{move || i18n.t("cart-continue")}</a>
            }>
                <div class="dhow-checkout__layout">
                    <div class="dhow-checkout__steps">
                        {move || notice.get().map(|n| view! { <div class="dhow-error" role="alert"><p>{n}</p></div> })}

                        <form class="dhow-step" on:submit=submit_details novalidate=true
                            aria-labelledby="step-details">
                            <h2 id="step-details">{move || i18n.t("checkout-details")}</h2>
                            <Show when=move || step.get() == Step::Details fallback=move || view! {
                                <div class="dhow-step__done">
                                    <p>{move || email.get()}</p>
                                    <p>{move || {
                                        let a = draft.get().to_address(country.get());
                                        format!("{} {}, {}, {}", a.first_name, a.last_name, a.line1, a.city)
                                    }}</p>
                                    <button type="button" class="dhow-link-button"
                                        on:click=move |_| step.set(Step::Details)>{move || i18n.t("checkout-edit")}</button>
                                </div>
                            }>
                                <div class="dhow-field" data-field="email">
                                    <label for="checkout-email">{move || i18n.t("checkout-email")}</label>
                                    <input id="checkout-email" type="email" autocomplete="email" required=true
                                        aria-invalid=move || email_error().is_some().to_string()
                                        aria-describedby="checkout-email-error"
                                        prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))/>
                                    <span id="checkout-email-error" class="dhow-field-error">{email_error}</span>
                                </div>
                                <p class="dhow-checkout__country">
                                    {move || i18n.t_with("checkout-shipping-to", &[("country", country_name().into())])}
                                </p>
                                <AddressForm country=country draft=draft errors=errors/>
                                <label class="dhow-checkbox">
                                    <input type="checkbox" prop:checked=move || bill_to_shipping.get()
                                        on:change=move |ev| bill_to_shipping.set(event_target_checked(&ev))/>
                                    <span>{move || i18n.t("checkout-bill-to-shipping")}</span>
                                </label>
                                <Show when=move || !bill_to_shipping.get()>
                                    <fieldset class="dhow-billing">
                                        <legend>{move || i18n.t("checkout-billing-address")}</legend>
                                        <label class="dhow-field" for="billing-country">
                                            <span>{move || i18n.t("checkout-billing-country")}</span>
                                        </label>
                                        <select id="billing-country" class="dhow-billing__country"
                                            on:change=move |ev| billing_country.set(CountryCode::parse(&event_target_value(&ev)))>
                                            {move || {
                                                let locale = i18n.locale();
                                                let chosen = billing_country.get().unwrap_or_else(|| country.get());
                                                let mut all: Vec<_> = address::countries()
                                                    .map(|c| (region_name(&locale, c.as_str()), c))
                                                    .collect();
                                                all.sort();
                                                all.into_iter().map(|(name, c)| view! {
                                                    <option value=c.as_str().to_owned() selected=c == chosen>{name}</option>
                                                }).collect_view()
                                            }}
                                        </select>
                                        <AddressForm
                                            country=Signal::derive(move || billing_country.get().unwrap_or_else(|| country.get()))
                                            draft=billing errors=billing_errors id_prefix="billing"/>
                                    </fieldset>
                                </Show>
                                <button type="submit" class="dhow-button" disabled=move || busy.get()>
                                    {move || i18n.t("checkout-continue-shipping")}
                                </button>
                            </Show>
                        </form>

                        <form class="dhow-step" on:submit=continue_to_payment aria-labelledby="step-shipping">
                            <h2 id="step-shipping">{move || i18n.t("checkout-shipping")}</h2>
                            <Show when=move || step.get() == Step::Shipping fallback=move || view! {
                                <Show when=move || step.get() == Step::Payment>
                                    <div class="dhow-step__done">
                                        <p>{move || {
                                            let chosen = cart.cart.with(|c| c.as_ref().and_then(|c| c.shipping_option.clone()));
                                            options.with(|l| l.iter().find(|o| Some(&o.id) == chosen.as_ref()).map(|o| o.name.clone()))
                                        }}</p>
                                        <button type="button" class="dhow-link-button"
                                            on:click=move |_| step.set(Step::Shipping)>{move || i18n.t("checkout-edit")}</button>
                                    </div>
                                </Show>
                            }>
                                <fieldset class="dhow-choices">
                                    <legend class="dhow-visually-hidden">{move || i18n.t("checkout-shipping")}</legend>
                                    {shipping_choices}
                                </fieldset>
                                <button type="submit" class="dhow-button" disabled=move || busy.get()>
                                    {move || i18n.t("checkout-continue-payment")}
                                </button>
                            </Show>
                        </form>

                        <form class="dhow-step" on:submit=place_order aria-labelledby="step-payment" novalidate=true>
                            <h2 id="step-payment">{move || i18n.t("checkout-payment")}</h2>
                            <Show when=move || step.get() == Step::Payment>
                                <PaymentForm card=card errors=errors/>
                                <p class="dhow-checkout__total">
                                    {move || cart.cart.with(|c| c.as_ref().map(|c| {
                                        let total = format_money(&i18n.locale(), c.totals.total.amount);
                                        i18n.t_with("checkout-pay-total", &[("total", total.into())])
                                    }))}
                                </p>
                                <button type="submit" class="dhow-button dhow-button--block" disabled=move || busy.get()>
                                    {move || i18n.t("checkout-place-order")}
                                </button>
                            </Show>
                        </form>
                    </div>
                    {move || totals().map(|t| view! { <OrderSummary lines=lines totals=t/> })}
                </div>
            </Show>
        </section>
    }
}

/// Chooses a shipping option for the cart; returns whether the backend took it.
async fn choose(
    cart: crate::hooks::UseCart,
    option: ShippingOptionId,
    on_error: impl Fn(Error),
) -> bool {
    let result = cart
        .update(move |s, id| async move { s.backend.set_shipping_option(&id, &option).await })
        .await;
    match result {
        Ok(_) => true,
        Err(e) => {
            on_error(e);
            false
        }
    }
}
