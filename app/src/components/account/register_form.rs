//! `<RegisterForm>`: names, email and a password with its rule shown before it is typed.

use dhow_sdk::Error;
use dhow_sdk::account::{Customer, Registration, check_registration};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{account_error, field_error, password_rule};
use crate::hooks::use_account;
use crate::i18n::use_i18n;

/// The registration form. The new account takes the guest cart.
#[component]
pub fn RegisterForm(
    /// Called with the new customer, signed in.
    #[prop(optional)]
    on_registered: Option<Callback<Customer>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let account = use_account();
    let first = RwSignal::new(String::new());
    let last = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Error>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let registration = Registration {
            email: email.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
            first_name: first.get_untracked(),
            last_name: last.get_untracked(),
        };
        // The same checks as the backend's, before anything is sent.
        if let Err(e) = check_registration(&registration) {
            error.set(Some(e));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let result = account.register(&registration).await;
            busy.try_set(false);
            match result {
                Ok(customer) => {
                    error.try_set(None);
                    if let Some(done) = on_registered {
                        done.run(customer);
                    }
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    let text_field = move |id: &'static str,
                           key: &'static str,
                           field: &'static str,
                           auto: &'static str,
                           value: RwSignal<String>| {
        let error_id = format!("{id}-error");
        let message = move || error.with(|e| field_error(i18n, e, field));
        view! {
            <div class="dhow-field" data-field=field>
                <label for=id>{move || i18n.t(key)}</label>
                <input id=id type=if field == "email" { "email" } else { "text" } autocomplete=auto
                    aria-invalid=move || message().is_some().to_string() aria-describedby=error_id.clone()
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                <span id=error_id.clone() class="dhow-field-error">{message}</span>
            </div>
        }
    };
    let general = move || {
        error.with(|e| match e {
            Some(Error::InvalidInput { .. }) | None => None,
            Some(e) => Some(account_error(i18n, e)),
        })
    };
    view! {
        <form class="dhow-account-form" part="register-form" on:submit=submit novalidate=true>
            <div class="dhow-address-form__row">
                {text_field("register-first-name", "account-first-name", "first_name", "given-name", first)}
                {text_field("register-last-name", "account-last-name", "last_name", "family-name", last)}
            </div>
            {text_field("register-email", "account-email", "email", "email", email)}
            <div class="dhow-field">
                <label for="register-password">{move || i18n.t("account-password")}</label>
                <input id="register-password" type="password" autocomplete="new-password"
                    aria-describedby="register-password-rule"
                    prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                <span id="register-password-rule" class="dhow-field__hint">{move || password_rule(i18n)}</span>
            </div>
            <p class="dhow-field-error" role="alert">{general}</p>
            <button type="submit" class="dhow-button" disabled=move || busy.get()>
                {move || i18n.t("account-register")}
            </button>
        </form>
    }
}
