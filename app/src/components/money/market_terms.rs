//! `<MarketTerms>`: how prices are meant in the shopper's market — with or without tax, and
//! whether import duties are paid at checkout or may be due on delivery.

use dhow_sdk::{DutyTerms, TaxDisplay};
use leptos::prelude::*;

use crate::hooks::use_market;
use crate::i18n::use_i18n;

/// The tax and duty terms of the current market, as a short note beside a price.
#[component]
pub fn MarketTerms() -> impl IntoView {
    let i18n = use_i18n();
    let market = use_market().market;
    let tax = move || match market.with(|m| m.tax_display) {
        TaxDisplay::Inclusive => i18n.t("terms-tax-included"),
        TaxDisplay::Exclusive => i18n.t("terms-tax-excluded"),
    };
    let duties = move || match market.with(|m| m.duty_terms) {
        DutyTerms::PaidAtCheckout => i18n.t("terms-duties-paid"),
        DutyTerms::DueOnDelivery => i18n.t("terms-duties-due"),
    };
    view! {
        <p class="dhow-market-terms" part="market-terms">
            <span>{tax}</span>
            <span aria-hidden="true">" · "</span>
            <span>{duties}</span>
        </p>
    }
}
