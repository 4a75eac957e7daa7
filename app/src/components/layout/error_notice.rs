//! `<ErrorNotice>`: an error the shopper can understand, with a retry when retrying can help.

use dhow_sdk::Error;
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Explains an error in the shopper's language; offers "Try again" for network trouble.
#[component]
pub fn ErrorNotice(
    /// What went wrong.
    error: Error,
    /// Called when the shopper asks to try again.
    #[prop(optional)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = match &error {
        Error::Network { .. } | Error::Timeout => "error-unreachable",
        Error::NotFound { .. } => "error-not-found",
        _ => "error-generic",
    };
    let retry = on_retry.map(|retry| {
        view! {
            <button type="button" class="dhow-button" on:click=move |_| retry.run(())>
                {move || i18n.t("error-retry")}
            </button>
        }
    });
    view! {
        <div class="dhow-error" role="alert" part="error">
            <p>{move || i18n.t(key)}</p>
            {retry}
        </div>
    }
}
