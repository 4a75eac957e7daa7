//! `<CartLines>`: the cart's lines with a quantity stepper and a remove button each.

use dhow_sdk::model::CartLine;
use leptos::prelude::*;

use crate::format::format_money;
use crate::hooks::{use_cart, use_market};
use crate::i18n::use_i18n;

use super::MAX_QUANTITY;

/// The cart's lines. `editable` shows steppers and remove buttons (off on the order summary).
#[component]
pub fn CartLines(
    /// The lines to show.
    #[prop(into)]
    lines: Signal<Vec<CartLine>>,
    /// Whether quantities can be changed.
    #[prop(optional)]
    editable: bool,
) -> impl IntoView {
    view! {
        <ul class="dhow-cart-lines" part="cart-lines">
            <For
                each=move || lines.get()
                key=|line| (line.id.clone(), line.quantity, line.total)
                children=move |line| view! { <CartLineItem line=line editable=editable/> }
            />
        </ul>
    }
}

/// One line: image, title, options, quantity, and its total.
#[component]
pub fn CartLineItem(
    /// The line.
    line: CartLine,
    /// Whether its quantity can be changed.
    #[prop(optional)]
    editable: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let market = use_market();
    let cart = use_cart();
    let locale = i18n.locale();
    let href = market.href(&crate::search_params::product_path(&line.handle));
    let total = format_money(&locale, line.total);
    let discounted = !line.discount.is_zero();
    let subtotal = format_money(&locale, line.subtotal);
    let unit = format_money(&locale, line.unit_price);
    let title = line.title.clone();
    let (id, quantity) = (line.id.clone(), line.quantity);
    // Shown before the backend confirmed it (an optimistic add).
    let pending = line.id.as_str().starts_with("pending-").then_some("");
    let stepper = editable.then(|| {
        let (dec, inc, rm, set) = (id.clone(), id.clone(), id.clone(), id.clone());
        let at_max = quantity >= MAX_QUANTITY;
        let name = title.clone();
        view! {
            <div class="dhow-stepper" part="quantity" role="group"
                aria-label=move || i18n.t_with("cart-quantity-of", &[("title", name.clone().into())])>
                <button type="button" class="dhow-stepper__button"
                    aria-label=move || i18n.t("cart-decrease")
                    on:click=move |_| cart.set_quantity(dec.clone(), quantity.saturating_sub(1))>"−"</button>
                <input type="number" class="dhow-stepper__input" min="0" max=MAX_QUANTITY.to_string() inputmode="numeric"
                    aria-label=move || i18n.t("quantity") prop:value=quantity.to_string()
                    on:change=move |ev| {
                        let wanted = event_target_value(&ev).trim().parse::<u32>().ok();
                        let kept = wanted.map_or(quantity, |q| q.min(MAX_QUANTITY));
                        // The field shows what the line will hold: a line whose quantity does
                        // not change (150 asked at 99, or text) is not drawn again.
                        event_target::<web_sys::HtmlInputElement>(&ev).set_value(&kept.to_string());
                        if kept != quantity {
                            cart.set_quantity(set.clone(), kept);
                        }
                    }/>
                <button type="button" class="dhow-stepper__button"
                    aria-label=move || i18n.t("cart-increase") disabled=at_max
                    on:click=move |_| cart.set_quantity(inc.clone(), quantity.saturating_add(1).min(MAX_QUANTITY))>"+"</button>
            </div>
            <button type="button" class="dhow-link-button dhow-cart-line__remove" part="remove"
                aria-label=move || i18n.t_with("cart-remove-item", &[("title", title.clone().into())])
                on:click=move |_| cart.remove(rm.clone())>
                {move || i18n.t("cart-remove")}
            </button>
        }
    });
    view! {
        <li class="dhow-cart-line" part="cart-line" data-pending=pending>
            {line.image.map(|img| view! {
                <img class="dhow-cart-line__image" part="image" src=img.url.clone() srcset=img.srcset() sizes="72px"
                    alt="" width="72" height="90" loading="lazy"/>
            })}
            <div class="dhow-cart-line__info">
                <a class="dhow-cart-line__title" part="title" href=href>{line.title.clone()}</a>
                {(!line.variant_title.is_empty()).then(|| view! {
                    <span class="dhow-cart-line__variant" part="variant">{line.variant_title.clone()}</span>
                })}
                <span class="dhow-cart-line__unit">{move || i18n.t_with("cart-unit-price", &[("price", unit.clone().into())])}</span>
                {(!editable).then(|| view! {
                    <span class="dhow-cart-line__qty">{move || i18n.t_with("cart-line-quantity", &[("count", quantity.into())])}</span>
                })}
                {stepper}
            </div>
            <div class="dhow-cart-line__total" part="line-total">
                {discounted.then(|| view! { <s class="dhow-price__compare" part="compare-at">{subtotal}</s> })}
                <span class="dhow-price__amount" part="amount">{total}</span>
            </div>
        </li>
    }
}
