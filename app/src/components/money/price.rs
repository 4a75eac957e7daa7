//! `<Price>`: a price in the shopper's locale, with its former price when on sale.

use dhow_sdk::model;
use leptos::prelude::*;

use crate::format::format_money;
use crate::i18n::use_i18n;

/// A price formatted by the browser's `Intl` for the current locale; a former price is shown
/// struck through, and a converted price is marked as approximate.
#[component]
pub fn Price(
    /// The price to show.
    #[prop(into)]
    price: Signal<model::Price>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let price = price.get();
        let locale = i18n.locale();
        let amount = format_money(&locale, price.amount);
        let shown = if price.converted {
            i18n.t_with("price-approx", &[("amount", amount.into())])
        } else {
            amount
        };
        let compare_at = price
            .compare_at
            .filter(|c| c.minor_units() > price.amount.minor_units())
            .map(|c| {
                let former = format_money(&locale, c);
                view! {
                    <s class="dhow-price__compare" part="compare-at">
                        <span class="dhow-visually-hidden">{i18n.t("price-was")}" "</span>
                        {former}
                    </s>
                }
            });
        view! {
            <span class="dhow-price" part="price" data-currency=price.amount.currency().code().to_owned()>
                <span class="dhow-price__amount" part="amount">{shown}</span>
                {compare_at}
            </span>
        }
    }
}
