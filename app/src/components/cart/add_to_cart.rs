//! `<AddToCart>`: quantity and the "Add to cart" button for the chosen variant.

use dhow_sdk::model::{Product, Variant};
use leptos::prelude::*;

use crate::hooks::use_cart;
use crate::i18n::use_i18n;

use super::MAX_QUANTITY;

/// Adds the chosen variant to the cart and opens the cart drawer. Says "Sold out" or
/// "Unavailable" instead when the variant cannot be bought.
#[component]
pub fn AddToCart(
    /// The product.
    #[prop(into)]
    product: Signal<Product>,
    /// The chosen variant; `None` when the chosen combination does not exist.
    #[prop(into)]
    variant: Signal<Option<Variant>>,
    /// Whether to open the cart drawer after adding (default true).
    #[prop(optional, default = true)]
    open_drawer: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let quantity = RwSignal::new(1u32);
    let buyable = move || variant.with(|v| v.as_ref().is_some_and(|v| v.available));
    let label = move || match variant.get() {
        Some(v) if v.available => i18n.t("add-to-cart"),
        Some(_) => i18n.t("product-sold-out"),
        None => i18n.t("variant-unavailable"),
    };
    let low_stock = move || {
        variant.get().and_then(|v| v.stock).filter(|s| *s > 0 && *s <= 3).map(|count| {
            view! { <p class="dhow-add-to-cart__stock">{i18n.t_with("stock-low", &[("count", count.into())])}</p> }
        })
    };
    let add = move |_| {
        if let Some(v) = variant.get_untracked().filter(|v| v.available) {
            product.with_untracked(|p| cart.add(p, &v, quantity.get_untracked()));
            if open_drawer {
                cart.open_drawer_after_paint();
            }
        }
    };
    view! {
        <div class="dhow-add-to-cart" part="add-to-cart">
            <label class="dhow-add-to-cart__quantity" part="quantity">
                <span>{move || i18n.t("quantity")}</span>
                <input type="number" min="1" max=MAX_QUANTITY.to_string() inputmode="numeric"
                    value=move || quantity.get().to_string()
                    prop:value=move || quantity.get().to_string()
                    on:change=move |ev| {
                        let value = event_target_value(&ev).trim().parse::<u32>().unwrap_or(1);
                        quantity.set(value.clamp(1, MAX_QUANTITY));
                    }/>
            </label>
            <button type="button" class="dhow-button dhow-add-to-cart__button" part="button"
                disabled=move || !buyable() on:click=add>
                {label}
            </button>
            {low_stock}
        </div>
    }
}
