//! `<AddressBook>`: the customer's saved addresses, each in its country's format, with the
//! default shipping and billing address marked; add, edit and remove in place.

use dhow_sdk::account::{Accounts, AddressDefaults, SavedAddress};
use dhow_sdk::address::{self, CountryCode};
use dhow_sdk::{AddressId, Error, FieldError};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::account_error;
use crate::components::checkout::{AddressDraft, AddressForm, AddressRecap};
use crate::components::layout::ErrorNotice;
use crate::format::region_name;
use crate::hooks::{use_account, use_market};
use crate::i18n::use_i18n;

/// What the form edits: a new address, or a saved one.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Editing {
    New,
    Saved(AddressId),
}

/// The address book of the signed-in customer.
#[component]
pub fn AddressBook() -> impl IntoView {
    let i18n = use_i18n();
    let account = use_account();
    let market = use_market();
    let book = RwSignal::new(None::<Result<Vec<SavedAddress>, Error>>);
    let load = move || {
        spawn_local(async move {
            let result = account.store().backend.addresses().await;
            if let Err(e) = &result {
                account.check(e);
            }
            book.try_set(Some(result));
        });
    };
    Effect::new(move |_| untrack(load));

    let editing = RwSignal::new(None::<Editing>);
    let draft = RwSignal::new(AddressDraft::default());
    let country = RwSignal::new(market.market.with_untracked(|m| m.country));
    let defaults = RwSignal::new(AddressDefaults::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let message = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let start = move |what: Editing| {
        errors.set(Vec::new());
        message.set(None);
        status.set(None);
        match &what {
            Editing::New => {
                draft.set(AddressDraft::default());
                country.set(market.market.with_untracked(|m| m.country));
                defaults.set(AddressDefaults::default());
            }
            Editing::Saved(id) => {
                let saved = book.with_untracked(|b| {
                    b.as_ref()
                        .and_then(|b| b.as_ref().ok())
                        .and_then(|b| b.iter().find(|a| &a.id == id).cloned())
                });
                if let Some(saved) = saved {
                    draft.set(AddressDraft::from_address(&saved.address));
                    country.set(saved.address.country);
                    defaults.set(AddressDefaults {
                        shipping: saved.default_shipping,
                        billing: saved.default_billing,
                    });
                }
            }
        }
        editing.set(Some(what));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(what) = editing.get_untracked() else {
            return;
        };
        let address = draft.get_untracked().to_address(country.get_untracked());
        let chosen = defaults.get_untracked();
        busy.set(true);
        spawn_local(async move {
            let backend = &account.store().backend;
            let result = match &what {
                Editing::New => backend.add_address(&address, chosen).await,
                Editing::Saved(id) => backend.update_address(id, &address, chosen).await,
            };
            busy.try_set(false);
            match result {
                Ok(_) => {
                    editing.try_set(None);
                    errors.try_set(Vec::new());
                    status.try_set(Some(i18n.t("account-address-saved")));
                    load();
                }
                Err(Error::InvalidInput { fields }) => {
                    errors.try_set(fields);
                    message.try_set(Some(i18n.t("account-check-fields")));
                }
                Err(e) => {
                    account.check(&e);
                    message.try_set(Some(account_error(i18n, &e)));
                }
            }
        });
    };
    let remove = move |id: AddressId| {
        status.set(None);
        spawn_local(async move {
            match account.store().backend.remove_address(&id).await {
                Ok(()) => {
                    status.try_set(Some(i18n.t("account-address-removed")));
                    load();
                }
                Err(e) => {
                    account.check(&e);
                    status.try_set(Some(account_error(i18n, &e)));
                }
            }
        });
    };

    let countries = move || {
        let locale = i18n.locale();
        let chosen = country.get();
        let mut all: Vec<_> = address::countries()
            .map(|c| (region_name(&locale, c.as_str()), c))
            .collect();
        dhow_sdk::sorting::sort_by(&mut all, Ord::cmp);
        all.into_iter()
            .map(|(name, c)| {
                view! { <option value=c.as_str().to_owned() selected=c == chosen>{name}</option> }
            })
            .collect_view()
    };
    let form = move || {
        editing.get().map(|what| {
            let heading = match what {
                Editing::New => i18n.t("account-address-add"),
                Editing::Saved(_) => i18n.t("account-address-edit-title"),
            };
            view! {
                <form class="dhow-step dhow-address-book__form" on:submit=save novalidate=true
                    aria-labelledby="address-form-heading">
                    <h2 id="address-form-heading">{heading}</h2>
                    <div class="dhow-field">
                        <label for="address-country">{move || i18n.t("account-address-country")}</label>
                        <select id="address-country" autocomplete="country"
                            on:change=move |ev| {
                                if let Some(c) = CountryCode::parse(&event_target_value(&ev)) {
                                    country.set(c);
                                }
                            }>
                            {countries}
                        </select>
                    </div>
                    <AddressForm country=country draft=draft errors=errors id_prefix="address"/>
                    <label class="dhow-checkbox">
                        <input type="checkbox" prop:checked=move || defaults.get().shipping
                            on:change=move |ev| defaults.update(|d| d.shipping = event_target_checked(&ev))/>
                        <span>{move || i18n.t("account-address-default-shipping")}</span>
                    </label>
                    <label class="dhow-checkbox">
                        <input type="checkbox" prop:checked=move || defaults.get().billing
                            on:change=move |ev| defaults.update(|d| d.billing = event_target_checked(&ev))/>
                        <span>{move || i18n.t("account-address-default-billing")}</span>
                    </label>
                    <p class="dhow-field-error" role="alert">{move || message.get()}</p>
                    <div class="dhow-address-book__actions">
                        <button type="submit" class="dhow-button" disabled=move || busy.get()>
                            {move || i18n.t("account-address-save")}
                        </button>
                        <button type="button" class="dhow-button dhow-button--secondary"
                            on:click=move |_| editing.set(None)>{move || i18n.t("account-address-cancel")}</button>
                    </div>
                </form>
            }
        })
    };
    let list = move || {
        match book.get() {
        None => view! { <div class="dhow-skeleton-grid" aria-busy="true"></div> }.into_any(),
        Some(Err(error)) => view! { <ErrorNotice error=error on_retry=Callback::new(move |_| load())/> }.into_any(),
        Some(Ok(addresses)) if addresses.is_empty() => {
            view! { <p class="dhow-account__empty">{i18n.t("account-addresses-empty")}</p> }.into_any()
        }
        Some(Ok(addresses)) => view! {
            <ul class="dhow-address-book__list">
                {addresses.into_iter().map(|saved| {
                    let id = saved.id.clone();
                    let edit_id = saved.id.clone();
                    let country = saved.address.country.as_str().to_owned();
                    let label = format!("{} {}, {}", saved.address.first_name, saved.address.last_name, saved.address.line1);
                    view! {
                        <li class="dhow-address-book__item" data-address-id=saved.id.to_string()
                            data-country=country>
                            <AddressRecap address=saved.address/>
                            {saved.default_shipping.then(|| view! {
                                <p class="dhow-badge">{i18n.t("account-address-default-shipping")}</p>
                            })}
                            {saved.default_billing.then(|| view! {
                                <p class="dhow-badge">{i18n.t("account-address-default-billing")}</p>
                            })}
                            <div class="dhow-address-book__actions">
                                <button type="button" class="dhow-link-button"
                                    aria-label=i18n.t_with("account-address-edit-label", &[("address", label.clone().into())])
                                    on:click=move |_| start(Editing::Saved(edit_id.clone()))>{i18n.t("account-address-edit")}</button>
                                <button type="button" class="dhow-link-button"
                                    aria-label=i18n.t_with("account-address-remove-label", &[("address", label.into())])
                                    on:click=move |_| remove(id.clone())>{i18n.t("account-address-remove")}</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any(),
    }
    };
    view! {
        <div class="dhow-address-book" part="address-book">
            <p role="status" class="dhow-account__status">{move || status.get()}</p>
            {list}
            <Show when=move || editing.with(Option::is_none)>
                <button type="button" class="dhow-button" on:click=move |_| start(Editing::New)>
                    {move || i18n.t("account-address-add")}
                </button>
            </Show>
            {form}
        </div>
    }
}
