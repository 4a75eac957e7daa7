//! `/checkout`: the checkout steps; a placed order goes on to its confirmation page.

use dhow_sdk::model::Order;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::checkout::CheckoutSteps;
use crate::head::{PageMeta, use_page_meta};
use crate::hooks::use_market;
use crate::i18n::use_i18n;

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
    // The cart context has kept the order for the confirmation page.
    let on_placed = Callback::new(move |order: Order| {
        let target = market.href(&format!("/orders/{}", order.number));
        navigate.with_value(|go| go(&target, Default::default()));
    });
    view! { <CheckoutSteps on_placed=on_placed/> }
}
