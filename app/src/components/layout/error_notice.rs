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
    let message = move || match &error {
        Error::Network { .. } | Error::Timeout => i18n.t("error-unreachable"),
        Error::NotFound { .. } => i18n.t("error-not-found"),
        Error::OutOfStock { available, .. } => {
            i18n.t_with("error-out-of-stock", &[("count", (*available).into())])
        }
        Error::Conflict { .. } => i18n.t("error-conflict"),
        _ => i18n.t("error-generic"),
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
            <p>{message}</p>
            {retry}
        </div>
    }
}
