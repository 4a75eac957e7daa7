//! `<AddressForm>`: the shipping address form of the shopper's country: its fields in its order,
//! its labels ("ZIP code", "Postcode", "Prefecture"), its states or provinces, and messages for
//! each refused field.

use std::collections::BTreeMap;

use dhow_sdk::address::{Address, AddressField, AddressFormat, CountryCode, format_for};
use dhow_sdk::{FieldError, Problem};
use leptos::prelude::*;

use crate::i18n::{I18n, use_i18n};

/// What the shopper has typed, by model field name (`postal_code`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddressDraft(pub BTreeMap<&'static str, String>);

impl AddressDraft {
    /// The draft of a saved address.
    pub fn from_address(address: &Address) -> AddressDraft {
        let mut fields = BTreeMap::new();
        let mut put = |field: AddressField, value: Option<&str>| {
            if let Some(v) = value {
                fields.insert(field.name(), v.to_owned());
            }
        };
        put(AddressField::FirstName, Some(&address.first_name));
        put(AddressField::LastName, Some(&address.last_name));
        put(AddressField::Company, address.company.as_deref());
        put(AddressField::Line1, Some(&address.line1));
        put(AddressField::Line2, address.line2.as_deref());
        put(AddressField::City, Some(&address.city));
        put(AddressField::Region, address.region.as_deref());
        put(AddressField::PostalCode, address.postal_code.as_deref());
        put(AddressField::Phone, address.phone.as_deref());
        AddressDraft(fields)
    }

    /// The address in `country`; fields left empty are `None` (the backend says which are
    /// required, so nothing is refused here).
    pub fn to_address(&self, country: CountryCode) -> Address {
        let text = |f: AddressField| {
            self.0
                .get(f.name())
                .map(|v| v.trim().to_owned())
                .unwrap_or_default()
        };
        let optional = |f: AddressField| Some(text(f)).filter(|v| !v.is_empty());
        Address {
            first_name: text(AddressField::FirstName),
            last_name: text(AddressField::LastName),
            company: optional(AddressField::Company),
            line1: text(AddressField::Line1),
            line2: optional(AddressField::Line2),
            city: text(AddressField::City),
            region: optional(AddressField::Region),
            postal_code: optional(AddressField::PostalCode),
            country,
            phone: optional(AddressField::Phone),
        }
    }
}

/// The message for a refused field, in the shopper's language.
pub fn problem_message(i18n: I18n, problem: &Problem) -> String {
    match problem {
        Problem::Required => i18n.t("field-required"),
        Problem::TooLong { max } => i18n.t_with("field-too-long", &[("max", (*max).into())]),
        Problem::PostalCode { example } => {
            i18n.t_with("field-postal-code", &[("example", example.clone().into())])
        }
        Problem::UnknownRegion => i18n.t("field-unknown-region"),
        Problem::CountryNotServed => i18n.t("field-country-not-served"),
        _ => i18n.t("field-invalid"),
    }
}

fn snake(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The label key of a field in a country's form.
pub(crate) fn label_key(format: &AddressFormat, field: AddressField) -> String {
    match field {
        AddressField::City => format!("address-city-{}", snake(format.city_label)),
        AddressField::Region => format!("address-region-{}", snake(format.region_label)),
        AddressField::PostalCode => format!("address-postal-{}", snake(format.postal_label)),
        other => format!("address-{}", other.name()),
    }
}

fn autocomplete(field: AddressField) -> &'static str {
    match field {
        AddressField::FirstName => "given-name",
        AddressField::LastName => "family-name",
        AddressField::Company => "organization",
        AddressField::Line1 => "address-line1",
        AddressField::Line2 => "address-line2",
        AddressField::City => "address-level2",
        AddressField::Region => "address-level1",
        AddressField::PostalCode => "postal-code",
        AddressField::Phone => "tel",
        _ => "on",
    }
}

/// The address fields of `country` in its order, bound to `draft`; `errors` from the backend
/// are shown under their fields.
#[component]
pub fn AddressForm(
    /// The country shipped to (from the market).
    #[prop(into)]
    country: Signal<CountryCode>,
    /// The fields as typed.
    draft: RwSignal<AddressDraft>,
    /// Field errors to show.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// Prefix for element ids, so two forms can share a page.
    #[prop(default = "shipping")]
    id_prefix: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let format = format_for(country.get());
        let rows = format.rows.iter().map(|row| {
            let fields = row.iter().map(|&field| {
                let name = field.name();
                let id = format!("{id_prefix}-{name}");
                let error_id = format!("{id}-error");
                let required = format.is_required(field);
                let label = i18n.t(&label_key(&format, field));
                let error = move || {
                    errors.with(|list| list.iter().find(|e| e.field == name).map(|e| problem_message(i18n, &e.problem)))
                };
                let value = move || draft.with(|d| d.0.get(name).cloned().unwrap_or_default());
                let set = move |v: String| draft.update(|d| {
                    d.0.insert(name, v);
                });
                let hint = (field == AddressField::PostalCode).then_some(format.postal_example).flatten().map(|example| {
                    view! { <span class="dhow-field__hint">{i18n.t_with("address-example", &[("example", example.into())])}</span> }
                });
                let control = if field == AddressField::Region && !format.regions.is_empty() {
                    let options = format.regions.iter().map(|r| {
                        let code = r.code;
                        let shown = r.name;
                        view! { <option value=code selected=move || value() == code>{shown}</option> }
                    }).collect_view();
                    view! {
                        <select id=id.clone() name=name autocomplete=autocomplete(field) required=required
                            aria-invalid=move || error().is_some().to_string() aria-describedby=error_id.clone()
                            on:change=move |ev| set(event_target_value(&ev))>
                            <option value="" selected=move || value().is_empty()>{i18n.t("address-choose")}</option>
                            {options}
                        </select>
                    }.into_any()
                } else {
                    let kind = if field == AddressField::Phone { "tel" } else { "text" };
                    view! {
                        <input id=id.clone() name=name type=kind autocomplete=autocomplete(field) required=required
                            aria-invalid=move || error().is_some().to_string() aria-describedby=error_id.clone()
                            prop:value=value on:input=move |ev| set(event_target_value(&ev))/>
                    }.into_any()
                };
                view! {
                    <div class="dhow-field" data-field=name>
                        <label for=id.clone()>
                            {label}
                            {(!required).then(|| view! { <span class="dhow-field__optional">{i18n.t("field-optional")}</span> })}
                        </label>
                        {control}
                        {hint}
                        <span id=error_id.clone() class="dhow-field-error">{error}</span>
                    </div>
                }
            }).collect_view();
            view! { <div class="dhow-address-form__row">{fields}</div> }
        }).collect_view();
        view! { <div class="dhow-address-form" part="address-form">{rows}</div> }
    }
}
