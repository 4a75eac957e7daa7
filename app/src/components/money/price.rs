//! `<Price>`: a price in the shopper's locale, with its former price when on sale.

use dhow_sdk::model;
use leptos::prelude::*;

use crate::hooks::use_price;
use crate::i18n::use_i18n;

/// A price formatted by the browser's `Intl` for the current locale; a former price is shown
/// struck through, and a converted price is marked as approximate. The markup over
/// [`use_price`](crate::hooks::use_price), which formats the same text for markup of your own.
#[component]
pub fn Price(
    /// The price to show.
    #[prop(into)]
    price: Signal<model::Price>,
) -> impl IntoView {
    let i18n = use_i18n();
    let price = use_price(price);
    let compare_at = move || {
        price.compare_at.get().map(|former| {
            view! {
                <s class="dhow-price__compare" part="compare-at">
                    <span class="dhow-visually-hidden">{i18n.t("price-was")}" "</span>
                    {former}
                </s>
            }
        })
    };
    view! {
        <span class="dhow-price" part="price" data-currency=move || price.currency.get().code().to_owned()>
            <span class="dhow-price__amount" part="amount">{move || price.amount.get()}</span>
            {compare_at}
        </span>
    }
}
