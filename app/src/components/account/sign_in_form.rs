//! `<SignInForm>`: email and password. A failed sign-in says only "wrong email or password",
//! whether or not the email has an account.

use dhow_sdk::Error;
use dhow_sdk::account::Customer;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::account_error;
use crate::hooks::use_account;
use crate::i18n::use_i18n;

/// The sign-in form. Signing in carries the guest cart into the account.
#[component]
pub fn SignInForm(
    /// Called with the customer once signed in (a page goes on where the shopper was headed).
    #[prop(optional)]
    on_signed_in: Option<Callback<Customer>>,
    /// Prefix for element ids, so the form can share a page with another.
    #[prop(default = "sign-in")]
    id_prefix: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let account = use_account();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Error>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (e, p) = (email.get_untracked(), password.get_untracked());
        if e.trim().is_empty() || p.is_empty() {
            error.set(Some(Error::WrongCredentials));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let result = account.sign_in(&e, &p).await;
            busy.try_set(false);
            match result {
                Ok(customer) => {
                    password.try_set(String::new());
                    error.try_set(None);
                    if let Some(done) = on_signed_in {
                        done.run(customer);
                    }
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    let email_id = format!("{id_prefix}-email");
    let password_id = format!("{id_prefix}-password");
    let error_id = format!("{id_prefix}-error");
    view! {
        <form class="dhow-account-form" part="sign-in-form" on:submit=submit novalidate=true>
            <div class="dhow-field">
                <label for=email_id.clone()>{move || i18n.t("account-email")}</label>
                <input id=email_id type="email" name="email" autocomplete="username" required=true
                    prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))/>
            </div>
            <div class="dhow-field">
                <label for=password_id.clone()>{move || i18n.t("account-password")}</label>
                <input id=password_id type="password" name="password" autocomplete="current-password"
                    required=true prop:value=move || password.get()
                    on:input=move |ev| password.set(event_target_value(&ev))/>
            </div>
            <p id=error_id class="dhow-field-error" role="alert">
                {move || error.with(|e| e.as_ref().map(|e| account_error(i18n, e)))}
            </p>
            <button type="submit" class="dhow-button" disabled=move || busy.get()>
                {move || i18n.t("account-sign-in")}
            </button>
        </form>
    }
}
