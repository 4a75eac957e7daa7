//! `/checkout`: the checkout steps; a placed order goes on to its confirmation page.

use dhow_sdk::model::Order;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::browser;
use crate::components::checkout::CheckoutSteps;
use crate::head::{PageMeta, use_page_meta};
use crate::hooks::use_market;
use crate::i18n::use_i18n;

/// Where the confirmation page finds the order just placed.
pub const LAST_ORDER_KEY: &str = "dhow.order.last";

/// `/checkout`.
#[component]
pub fn CheckoutPage() -> impl IntoView {
    let market = use_market();
    let navigate = StoredValue::new_local(use_navigate());
    let i18n = use_i18n();
    use_page_meta(move || PageMeta {
        title: i18n.t("checkout-title"),
        ..PageMeta::default()
    });
    let on_placed = Callback::new(move |order: Order| {
        if let Ok(json) = serde_json::to_string(&order) {
            browser::session_set(LAST_ORDER_KEY, &json);
        }
        let target = market.href(&format!("/orders/{}", order.number));
        navigate.with_value(|go| go(&target, Default::default()));
    });
    view! { <CheckoutSteps on_placed=on_placed/> }
}
