//! Order confirmation (`/orders/:number`) and order lookup (`/orders`).

use dhow_sdk::model::Order;
use dhow_sdk::{Backend, Error};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use crate::browser;
use crate::components::checkout::{AddressRecap, OrderSummary};
use crate::head::{PageMeta, use_page_meta};
use crate::hooks::LAST_ORDER_KEY;
use crate::i18n::use_i18n;
use crate::store::use_store;

/// `/orders/:number`: the order just placed in this tab, or the lookup form for it.
#[component]
pub fn OrderConfirmationPage() -> impl IntoView {
    let params = use_params_map();
    let number = move || params.with(|p| p.get("number").unwrap_or_default());
    let i18n = use_i18n();
    use_page_meta(move || PageMeta {
        title: i18n.t_with("order-title", &[("number", number().into())]),
        ..PageMeta::default()
    });
    let placed = move || {
        browser::session_get(LAST_ORDER_KEY)
            .and_then(|json| serde_json::from_str::<Order>(&json).ok())
            .filter(|o| o.number == number())
    };
    move || match placed() {
        Some(order) => view! { <OrderDetails order=order confirmation=true/> }.into_any(),
        None => view! { <OrderLookup number=number()/> }.into_any(),
    }
}

/// `/orders`: find an order by its number and email.
#[component]
pub fn OrderLookupPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_meta(move || PageMeta {
        title: i18n.t("order-lookup-title"),
        ..PageMeta::default()
    });
    view! { <OrderLookup number=String::new()/> }
}

#[component]
fn OrderLookup(number: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let number = RwSignal::new(number);
    let email = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Order>);
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (n, e) = (
            number.get_untracked().trim().to_owned(),
            email.get_untracked().trim().to_owned(),
        );
        if n.is_empty() || e.is_empty() {
            message.set(Some(i18n.t("order-lookup-missing")));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let result = store.store().backend.order(&n, &e).await;
            busy.set(false);
            match result {
                Ok(order) => {
                    message.set(None);
                    found.set(Some(order));
                }
                Err(Error::NotFound { .. }) => message.set(Some(i18n.t("order-lookup-not-found"))),
                Err(e) if e.is_retryable() => message.set(Some(i18n.t("error-unreachable"))),
                Err(_) => message.set(Some(i18n.t("error-generic"))),
            }
        });
    };
    move || {
        match found.get() {
        Some(order) => view! { <OrderDetails order=order confirmation=false/> }.into_any(),
        None => view! {
            <section class="dhow-order-lookup" aria-labelledby="lookup-heading">
                <h1 id="lookup-heading" class="dhow-section__title">{move || i18n.t("order-lookup-title")}</h1>
                <form class="dhow-step" on:submit=submit novalidate=true>
                    <div class="dhow-field">
                        <label for="lookup-number">{move || i18n.t("order-lookup-number")}</label>
                        <input id="lookup-number" type="text" autocomplete="off" prop:value=move || number.get()
                            on:input=move |ev| number.set(event_target_value(&ev))/>
                    </div>
                    <div class="dhow-field">
                        <label for="lookup-email">{move || i18n.t("checkout-email")}</label>
                        <input id="lookup-email" type="email" autocomplete="email" prop:value=move || email.get()
                            on:input=move |ev| email.set(event_target_value(&ev))/>
                    </div>
                    <p class="dhow-field-error" role="alert">{move || message.get()}</p>
                    <button type="submit" class="dhow-button" disabled=move || busy.get()>
                        {move || i18n.t("order-lookup-submit")}
                    </button>
                </form>
            </section>
        }
        .into_any(),
    }
    }
}

/// An order: its number, where it ships, how it was paid, lines and totals. As a confirmation
/// (`confirmation`), it thanks the shopper instead of naming the order in the heading.
#[component]
pub fn OrderDetails(
    /// The order to show.
    order: Order,
    /// Whether it was just placed.
    confirmation: bool,
    /// Whether it is shown in the account already (no link to itself).
    #[prop(optional)]
    in_account: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let account = use_context::<crate::hooks::UseAccount>();
    let market = crate::hooks::use_market();
    let order_email = dhow_sdk::account::normalize_email(&order.email);
    let order_path = format!("/account/orders/{}", order.number);
    // The order's page in the account, for the customer it belongs to.
    let account_link = move || {
        let customer = account.filter(|_| !in_account)?.customer()?;
        (customer.email == order_email).then(|| {
            let href = market.href(&order_path);
            view! {
                <p><a class="dhow-order__account-link" href=href>{i18n.t("account-view-order")}</a></p>
            }
        })
    };
    let number = order.number.clone();
    let heading = move || {
        if confirmation {
            i18n.t("order-thanks")
        } else {
            i18n.t_with("order-title", &[("number", number.clone().into())])
        }
    };
    let lines = order.lines.clone();
    let totals = order.totals.clone();
    view! {
        <section class="dhow-order" aria-labelledby="order-heading">
            <h1 id="order-heading" class="dhow-section__title">{heading}</h1>
            <p class="dhow-order__number">
                {i18n.t("order-number-label")}" "<strong data-order-number=order.number.clone()>{order.number.clone()}</strong>
            </p>
            {confirmation.then(|| view! {
                <p>{i18n.t_with("order-email-sent", &[("email", order.email.clone().into())])}</p>
            })}
            {account_link}
            <div class="dhow-order__layout">
                <div class="dhow-order__facts">
                    <h2>{i18n.t("order-ship-to")}</h2>
                    <AddressRecap address=order.shipping_address/>
                    {order.billing_address.map(|address| view! {
                        <h2>{i18n.t("checkout-billing-address")}</h2>
                        <AddressRecap address=address/>
                    })}
                    {order.shipping_option.map(|o| view! {
                        <h2>{i18n.t("checkout-shipping")}</h2>
                        <p>{o.name}</p>
                    })}
                    {order.payment.map(|p| view! {
                        <h2>{i18n.t("checkout-payment")}</h2>
                        <p>{p.description}</p>
                    })}
                </div>
                <OrderSummary lines=lines totals=totals/>
            </div>
        </section>
    }
}
