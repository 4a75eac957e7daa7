//! `<BillingAddress>`: "Bill to the shipping address", and when unticked a billing address in
//! any country, in that country's format.

use dhow_sdk::FieldError;
use dhow_sdk::address::{self, CountryCode};
use leptos::prelude::*;

use super::{AddressDraft, AddressForm};
use crate::format::region_name;
use crate::i18n::use_i18n;

/// The checkbox that bills the shipping address, and the billing address form it hides.
#[component]
pub fn BillingAddress(
    /// Whether the bill goes to the shipping address.
    bill_to_shipping: RwSignal<bool>,
    /// The billing address as typed.
    draft: RwSignal<AddressDraft>,
    /// The billing country chosen (`None`: the shipping country).
    country: RwSignal<Option<CountryCode>>,
    /// The shipping country, the billing country until another is chosen.
    #[prop(into)]
    shipping_country: Signal<CountryCode>,
    /// Refused billing address fields.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let billing_country =
        Signal::derive(move || country.get().unwrap_or_else(|| shipping_country.get()));
    view! {
        <label class="dhow-checkbox">
            <input type="checkbox" prop:checked=move || bill_to_shipping.get()
                on:change=move |ev| bill_to_shipping.set(event_target_checked(&ev))/>
            <span>{move || i18n.t("checkout-bill-to-shipping")}</span>
        </label>
        <Show when=move || !bill_to_shipping.get()>
            <fieldset class="dhow-billing">
                <legend>{move || i18n.t("checkout-billing-address")}</legend>
                <label class="dhow-field" for="billing-country">
                    <span>{move || i18n.t("checkout-billing-country")}</span>
                </label>
                <select id="billing-country" class="dhow-billing__country"
                    on:change=move |ev| country.set(CountryCode::parse(&event_target_value(&ev)))>
                    {move || {
                        let locale = i18n.locale();
                        let chosen = billing_country.get();
                        let mut all: Vec<_> = address::countries()
                            .map(|c| (region_name(&locale, c.as_str()), c))
                            .collect();
                        dhow_sdk::sorting::sort_by(&mut all, Ord::cmp);
                        all.into_iter().map(|(name, c)| view! {
                            <option value=c.as_str().to_owned() selected=c == chosen>{name}</option>
                        }).collect_view()
                    }}
                </select>
                <AddressForm country=billing_country draft=draft errors=errors id_prefix="billing"/>
            </fieldset>
        </Show>
    }
}
