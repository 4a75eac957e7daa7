//! `<VariantPicker>`: one group of choices per product option; combinations that do not exist
//! cannot be chosen, and sold-out ones say so.

use dhow_sdk::model::Product;
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// How a value of an option stands, given the values chosen for the other options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueState {
    /// A variant with it exists and can be bought.
    Available,
    /// A variant with it exists but is sold out.
    SoldOut,
    /// No variant has it together with the other chosen values.
    Missing,
}

/// The state of `value` for option `option` when the other options keep their `selected` values.
pub fn value_state(
    product: &Product,
    selected: &[String],
    option: usize,
    value: &str,
) -> ValueState {
    let mut wanted = selected.to_vec();
    if let Some(slot) = wanted.get_mut(option) {
        value.clone_into(slot);
    }
    match product.variant_for(&wanted) {
        Some(v) if v.available => ValueState::Available,
        Some(_) => ValueState::SoldOut,
        None => ValueState::Missing,
    }
}

/// The option values of the first variant that can be bought, else of the first variant.
pub fn initial_selection(product: &Product) -> Vec<String> {
    product
        .variants
        .iter()
        .find(|v| v.available)
        .or_else(|| product.variants.first())
        .map(|v| v.options.clone())
        .unwrap_or_default()
}

/// Radio groups for each option of `product`, writing the chosen values into `selected`.
#[component]
pub fn VariantPicker(
    /// The product whose variants are picked.
    product: Product,
    /// The chosen value of each option, in option order.
    selected: RwSignal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let product = StoredValue::new(product);
    let groups = product.with_value(|p| p.options.clone()).into_iter().enumerate().map(|(index, option)| {
        let name = format!("option-{index}");
        let values = option.values.into_iter().map(|value| {
            let state = {
                let value = value.clone();
                Memo::new(move |_| {
                    selected.with(|s| product.with_value(|p| value_state(p, s, index, &value)))
                })
            };
            let checked = {
                let value = value.clone();
                Memo::new(move |_| selected.with(|s| s.get(index) == Some(&value)))
            };
            let choose = {
                let value = value.clone();
                move |_| selected.update(|s| {
                    if let Some(slot) = s.get_mut(index) {
                        slot.clone_from(&value);
                    }
                })
            };
            let note = move || match state.get() {
                ValueState::SoldOut => Some(i18n.t("variant-sold-out")),
                ValueState::Missing => Some(i18n.t("variant-unavailable")),
                ValueState::Available => None,
            };
            view! {
                <label class="dhow-variant-picker__value" part="option-value"
                    class:dhow-variant-picker__value--sold-out=move || state.get() == ValueState::SoldOut
                    class:dhow-variant-picker__value--missing=move || state.get() == ValueState::Missing>
                    <input type="radio" name=name.clone() value=value.clone()
                        // The attribute too: the prerendered page shows the choice before any script.
                        checked=move || checked.get() prop:checked=checked disabled=move || state.get() == ValueState::Missing
                        on:change=choose/>
                    <span>{value.clone()}</span>
                    {move || note().map(|n| view! { <span class="dhow-visually-hidden">", "{n}</span> })}
                </label>
            }
        }).collect_view();
        view! {
            <fieldset class="dhow-variant-picker__option" part="option">
                <legend>{option.name.clone()}</legend>
                <div class="dhow-variant-picker__values">{values}</div>
            </fieldset>
        }
    }).collect_view();
    view! { <div class="dhow-variant-picker" part="variant-picker">{groups}</div> }
}
