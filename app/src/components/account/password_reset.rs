//! `<ResetRequest>` asks for a reset link by email (the answer never says whether the email has
//! an account); `<PasswordReset>` sets a new password with the token the link carried.

use dhow_sdk::Error;
use dhow_sdk::account::{Accounts, check_password};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{account_error, password_rule};
use crate::hooks::use_account;
use crate::i18n::use_i18n;

/// The form that asks for a reset link.
#[component]
pub fn ResetRequest() -> impl IntoView {
    let i18n = use_i18n();
    let account = use_account();
    let email = RwSignal::new(String::new());
    let sent = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<Error>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let address = email.get_untracked().trim().to_owned();
        if dhow_sdk::contact::email_problem(&address).is_some() {
            error.set(Some(Error::invalid("email", dhow_sdk::Problem::Invalid)));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let result = account
                .store()
                .backend
                .request_password_reset(&address)
                .await;
            busy.try_set(false);
            match result {
                Ok(()) => {
                    error.try_set(None);
                    sent.try_set(Some(address));
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <form class="dhow-account-form" part="reset-request" on:submit=submit novalidate=true>
            <div class="dhow-field">
                <label for="reset-email">{move || i18n.t("account-email")}</label>
                <input id="reset-email" type="email" autocomplete="email"
                    prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))/>
            </div>
            <p class="dhow-field-error" role="alert">
                {move || error.with(|e| e.as_ref().map(|e| match e {
                    Error::InvalidInput { .. } => i18n.t("field-invalid"),
                    Error::Unsupported { .. } => i18n.t("account-reset-unsupported"),
                    e => account_error(i18n, e),
                }))}
            </p>
            <p role="status" class="dhow-account__status">
                {move || sent.get().map(|to| i18n.t_with("account-reset-sent", &[("email", to.into())]))}
            </p>
            <button type="submit" class="dhow-button" disabled=move || busy.get()>
                {move || i18n.t("account-reset-request")}
            </button>
        </form>
    }
}

/// The form that sets a new password with a reset token.
#[component]
pub fn PasswordReset(
    /// The token from the reset link.
    token: String,
    /// Called once the password was changed.
    #[prop(optional)]
    on_done: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let account = use_account();
    let token = StoredValue::new(token);
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Error>);
    let done = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new_password = password.get_untracked();
        if let Err(e) = check_password(&new_password) {
            error.set(Some(e));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let result = account
                .store()
                .backend
                .reset_password(&token.get_value(), &new_password)
                .await;
            busy.try_set(false);
            match result {
                Ok(()) => {
                    password.try_set(String::new());
                    error.try_set(None);
                    done.try_set(true);
                    if let Some(on_done) = on_done {
                        on_done.run(());
                    }
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <form class="dhow-account-form" part="password-reset" on:submit=submit novalidate=true>
            <div class="dhow-field">
                <label for="reset-password">{move || i18n.t("account-reset-new")}</label>
                <input id="reset-password" type="password" autocomplete="new-password"
                    aria-describedby="reset-password-rule"
                    prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                <span id="reset-password-rule" class="dhow-field__hint">{move || password_rule(i18n)}</span>
            </div>
            <p class="dhow-field-error" role="alert">
                {move || error.with(|e| e.as_ref().map(|e| match e {
                    Error::InvalidInput { .. } => i18n.t("account-reset-invalid"),
                    e => account_error(i18n, e),
                }))}
            </p>
            <p role="status" class="dhow-account__status">
                {move || done.get().then(|| i18n.t("account-reset-done"))}
            </p>
            <button type="submit" class="dhow-button" disabled=move || busy.get() || done.get()>
                {move || i18n.t("account-reset-submit")}
            </button>
        </form>
    }
}
