//! `<OrderSummary>`: what is being bought and what it costs, beside checkout and on the order
//! confirmation.

use dhow_sdk::model::{CartLine, CartTotals as Totals};
use leptos::prelude::*;

use crate::components::cart::{CartLines, CartTotals};
use crate::i18n::use_i18n;

/// Lines (not editable) and totals.
#[component]
pub fn OrderSummary(
    /// Lines bought.
    #[prop(into)]
    lines: Signal<Vec<CartLine>>,
    /// Their totals.
    #[prop(into)]
    totals: Signal<Totals>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="dhow-order-summary" part="order-summary" aria-labelledby="dhow-summary-title">
            <h2 id="dhow-summary-title">{move || i18n.t("summary-title")}</h2>
            <CartLines lines=lines/>
            <CartTotals totals=totals/>
        </section>
    }
}
