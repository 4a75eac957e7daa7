//! Customer accounts: sign-in and registration forms, the account menu, the address book, the
//! order history, the profile and the password reset. Each works on any backend through
//! [`use_account`](crate::hooks::use_account); pages compose them (see `routes::account`).

mod account_menu;
mod account_nav;
mod address_book;
mod order_history;
mod password_reset;
mod profile_form;
mod register_form;
mod sign_in_form;

pub use account_menu::{AccountLink, AccountMenu};
pub use account_nav::{AccountNav, AccountSection};
pub use address_book::AddressBook;
pub use order_history::OrderHistory;
pub use password_reset::{PasswordReset, ResetRequest};
pub use profile_form::ProfileForm;
pub use register_form::RegisterForm;
pub use sign_in_form::SignInForm;

use dhow_sdk::Error;
use dhow_sdk::account::PASSWORD_RULE;

use crate::i18n::I18n;

/// What an account error tells the shopper. A sign-in that failed never says whether the
/// email has an account.
pub fn account_error(i18n: I18n, error: &Error) -> String {
    match error {
        Error::WrongCredentials => i18n.t("account-wrong-credentials"),
        Error::EmailTaken => i18n.t("account-email-taken"),
        Error::NotVerified => i18n.t("account-not-verified"),
        Error::WeakPassword { .. } => password_rule(i18n),
        Error::TooManyAttempts {
            retry_after: Some(seconds),
        } => i18n.t_with(
            "account-too-many",
            &[("minutes", seconds.div_ceil(60).max(1).into())],
        ),
        Error::TooManyAttempts { retry_after: None } => i18n.t("account-too-many-later"),
        Error::NotSignedIn => i18n.t("account-signed-out"),
        Error::Unsupported { .. } => i18n.t("account-unavailable"),
        Error::InvalidInput { .. } => i18n.t("account-check-fields"),
        Error::Network { .. } | Error::Timeout => i18n.t("error-unreachable"),
        _ => i18n.t("error-generic"),
    }
}

/// The password rule, in the shopper's language.
pub fn password_rule(i18n: I18n) -> String {
    i18n.t_with(
        "account-password-rule",
        &[
            ("min", PASSWORD_RULE.min_chars.into()),
            ("max", PASSWORD_RULE.max_bytes.into()),
        ],
    )
}

/// The refused field's message, for the fields of the account forms.
pub(crate) fn field_error(i18n: I18n, error: &Option<Error>, field: &str) -> Option<String> {
    match error {
        Some(Error::InvalidInput { fields }) => fields
            .iter()
            .find(|f| f.field == field)
            .map(|f| crate::components::checkout::problem_message(i18n, &f.problem)),
        _ => None,
    }
}
