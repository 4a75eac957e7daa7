//! `use_price()`: a price as text in the shopper's language and currency, through the same cached
//! `Intl` formatter the `<Price>` component uses, for markup of your own.

use dhow_sdk::model::Price;
use dhow_sdk::{Currency, Money};
use leptos::prelude::*;

use crate::format::format_money;
use crate::i18n::use_i18n;

/// A price ready to show. Every field is tracked: it follows the price and the language.
#[derive(Clone, Copy)]
pub struct UsePrice {
    /// What the shopper pays: `$19.99`, `19,99 €`; `≈ ¥3,200` when converted with a rate.
    pub amount: Signal<String>,
    /// The former price when it is higher than `amount` (the item is on sale).
    pub compare_at: Signal<Option<String>>,
    /// Whether there is a former price to strike through.
    pub on_sale: Signal<bool>,
    /// Whether the amount was converted from another currency (an estimate).
    pub converted: Signal<bool>,
    /// The currency, for a `data-currency` attribute or a currency-specific style.
    pub currency: Signal<Currency>,
}

/// Formats `price` for the current locale. Pass a `Price` (a product's, or one built from a
/// cart line's `Money`) or a signal of one.
///
/// ```
/// use dhow_app::hooks::use_price;
/// use dhow_sdk::model::Price;
/// use dhow_sdk::{Currency, Money};
/// use leptos::prelude::*;
///
/// /// A price in markup of your own: the amount, and the former one when on sale.
/// #[component]
/// fn MyPrice(#[prop(into)] price: Signal<Price>) -> impl IntoView {
///     let price = use_price(price);
///     view! {
///         <span class="my-price" class:my-price--sale=move || price.on_sale.get()>
///             {move || price.amount.get()}
///             {move || price.compare_at.get().map(|was| view! { <s>{was}</s> })}
///         </span>
///     }
/// }
///
/// Owner::new().with(|| {
///     let eur = |minor| Money::from_minor(minor, Currency::EUR);
///     let price = use_price(Price {
///         amount: eur(1999),
///         compare_at: Some(eur(2499)),
///         tax_included: true,
///         converted: false,
///     });
///     // `Intl` in the browser; natively the same text, from formats recorded from Chromium.
///     assert_eq!(price.amount.get(), "€19.99");
///     assert_eq!(price.compare_at.get().as_deref(), Some("€24.99"));
///     assert!(price.on_sale.get());
/// });
/// ```
pub fn use_price(price: impl Into<Signal<Price>>) -> UsePrice {
    let price = price.into();
    let i18n = use_i18n();
    let money = move |m: Money| format_money(&i18n.locale(), m);
    let amount = Signal::derive(move || {
        let (amount, converted) = price.with(|p| (p.amount, p.converted));
        let shown = money(amount);
        if converted {
            i18n.t_with("price-approx", &[("amount", shown.into())])
        } else {
            shown
        }
    });
    let former = move || {
        price.with(|p| {
            p.compare_at
                .filter(|c| c.minor_units() > p.amount.minor_units())
        })
    };
    UsePrice {
        amount,
        compare_at: Signal::derive(move || former().map(money)),
        on_sale: Signal::derive(move || former().is_some()),
        converted: Signal::derive(move || price.with(|p| p.converted)),
        currency: Signal::derive(move || price.with(|p| p.amount.currency())),
    }
}
