//! `<AccountNav>`: the account's pages and "Sign out".

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::hooks::{use_account, use_market};
use crate::i18n::use_i18n;

/// Which account page is shown, for `aria-current`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountSection {
    /// The profile.
    Profile,
    /// The order history (and an order).
    Orders,
    /// The address book.
    Addresses,
}

/// Links to the profile, orders and addresses, and the sign-out button.
#[component]
pub fn AccountNav(
    /// The page shown.
    current: AccountSection,
    /// Called once signed out.
    #[prop(optional)]
    on_signed_out: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let account = use_account();
    let market = use_market();
    let link = move |section: AccountSection, path: &'static str, key: &'static str| {
        view! {
            <li>
                <a href=move || market.href(path)
                    aria-current=(section == current).then_some("page")>{move || i18n.t(key)}</a>
            </li>
        }
    };
    let sign_out = move |_| {
        spawn_local(async move {
            let _ = account.sign_out().await;
            if let Some(done) = on_signed_out {
                done.run(());
            }
        });
    };
    view! {
        <nav class="dhow-account-nav" part="account-nav" aria-label=move || i18n.t("account-nav-label")>
            <ul>
                {link(AccountSection::Profile, "/account", "account-profile")}
                {link(AccountSection::Orders, "/account/orders", "account-orders")}
                {link(AccountSection::Addresses, "/account/addresses", "account-addresses")}
            </ul>
            <button type="button" class="dhow-button dhow-button--secondary" on:click=sign_out>
                {move || i18n.t("account-sign-out")}
            </button>
        </nav>
    }
}
