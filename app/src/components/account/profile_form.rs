//! `<ProfileForm>`: the customer's names and phone; the email is shown, not changed here.

use dhow_sdk::Error;
use dhow_sdk::account::{Accounts, Profile};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{account_error, field_error};
use crate::hooks::use_account;
use crate::i18n::use_i18n;

/// The profile form of the signed-in customer.
#[component]
pub fn ProfileForm() -> impl IntoView {
    let i18n = use_i18n();
    let account = use_account();
    let customer = account.customer();
    let email = customer
        .as_ref()
        .map(|c| c.email.clone())
        .unwrap_or_default();
    let first = RwSignal::new(
        customer
            .as_ref()
            .map(|c| c.first_name.clone())
            .unwrap_or_default(),
    );
    let last = RwSignal::new(
        customer
            .as_ref()
            .map(|c| c.last_name.clone())
            .unwrap_or_default(),
    );
    let phone = RwSignal::new(customer.and_then(|c| c.phone).unwrap_or_default());
    let error = RwSignal::new(None::<Error>);
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let profile = Profile {
            first_name: first.get_untracked(),
            last_name: last.get_untracked(),
            phone: Some(phone.get_untracked()).filter(|p| !p.trim().is_empty()),
        };
        busy.set(true);
        saved.set(false);
        spawn_local(async move {
            let result = account.store().backend.update_profile(&profile).await;
            busy.try_set(false);
            match result {
                Ok(customer) => {
                    error.try_set(None);
                    saved.try_set(true);
                    account.updated(customer);
                }
                Err(e) => {
                    account.check(&e);
                    error.try_set(Some(e));
                }
            }
        });
    };
    let field = move |id: &'static str,
                      key: &'static str,
                      name: &'static str,
                      auto: &'static str,
                      kind: &'static str,
                      value: RwSignal<String>| {
        let message = move || error.with(|e| field_error(i18n, e, name));
        let error_id = format!("{id}-error");
        view! {
            <div class="dhow-field" data-field=name>
                <label for=id>{move || i18n.t(key)}</label>
                <input id=id type=kind autocomplete=auto aria-describedby=error_id.clone()
                    aria-invalid=move || message().is_some().to_string()
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                <span id=error_id.clone() class="dhow-field-error">{message}</span>
            </div>
        }
    };
    view! {
        <form class="dhow-account-form" part="profile-form" on:submit=submit novalidate=true>
            <p class="dhow-account__email">{move || i18n.t("account-email")}": "<strong>{email}</strong></p>
            <div class="dhow-address-form__row">
                {field("profile-first-name", "account-first-name", "first_name", "given-name", "text", first)}
                {field("profile-last-name", "account-last-name", "last_name", "family-name", "text", last)}
            </div>
            {field("profile-phone", "account-phone", "phone", "tel", "tel", phone)}
            <p class="dhow-field-error" role="alert">
                {move || error.with(|e| match e {
                    Some(Error::InvalidInput { .. }) | None => None,
                    Some(e) => Some(account_error(i18n, e)),
                })}
            </p>
            <p role="status" class="dhow-account__status">
                {move || saved.get().then(|| i18n.t("account-profile-saved"))}
            </p>
            <button type="submit" class="dhow-button" disabled=move || busy.get()>
                {move || i18n.t("account-profile-save")}
            </button>
        </form>
    }
}
