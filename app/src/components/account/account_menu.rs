//! `<AccountMenu>`: the account's state where the shopper always sees it. In the storefront's
//! header (`<AccountLink>`), a link: "Sign in", or "Account" once signed in. Embedded (no pages
//! of its own), the sign-in form, or the customer's name with "Sign out".

use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::SignInForm;
use crate::hooks::{AccountState, use_account, use_market};
use crate::i18n::use_i18n;

/// The account menu.
#[component]
pub fn AccountMenu(
    /// Links to the storefront's account pages (the header); without them, the menu signs in
    /// and out in place (an embedded element).
    #[prop(default = true)]
    links: bool,
) -> impl IntoView {
    if links {
        view! { <AccountLink/> }.into_any()
    } else {
        view! { <AccountInPlace/> }.into_any()
    }
}

/// The storefront header's part of the menu: a link to the account pages. It is all a first page
/// needs: the sign-in form lives on its own page, in the account chunk (`routes::lazy`).
#[component]
pub fn AccountLink() -> impl IntoView {
    let i18n = use_i18n();
    let account = use_account();
    let market = use_market();
    // Pointing at or focusing the link fetches the account pages' code ahead of the click.
    let prefetch = || crate::routes::lazy::prefetch(crate::routes::lazy::LazyPage::Account);
    move || match account.state.get() {
        AccountState::SignedIn(_) => view! {
            <a class="dhow-account-menu" part="account-menu" href=move || market.href("/account")
                on:pointerenter=move |_| prefetch() on:focus=move |_| prefetch()
                data-account="signed-in">{move || i18n.t("account-title")}</a>
        }
        .into_any(),
        state => view! {
            <a class="dhow-account-menu" part="account-menu"
                on:pointerenter=move |_| prefetch() on:focus=move |_| prefetch()
                href=move || market.href("/account/sign-in")
                data-account=if state == AccountState::Unknown { "unknown" } else { "signed-out" }>
                {move || i18n.t("account-sign-in")}
            </a>
        }
        .into_any(),
    }
}

/// The embedded menu: the sign-in form, or the customer's name with "Sign out".
#[component]
fn AccountInPlace() -> impl IntoView {
    let i18n = use_i18n();
    let account = use_account();
    let sign_out = move |_| {
        spawn_local(async move {
            let _ = account.sign_out().await;
        });
    };
    move || match account.state.get() {
        AccountState::SignedIn(customer) => Either::Left(view! {
            <div class="dhow-account-menu" part="account-menu" data-account="signed-in">
                <p>{i18n.t_with("account-signed-in-as", &[("name", display_name(&customer).into())])}</p>
                <button type="button" class="dhow-button dhow-button--secondary" on:click=sign_out>
                    {move || i18n.t("account-sign-out")}
                </button>
            </div>
        }),
        _ => Either::Right(view! {
            <div class="dhow-account-menu" part="account-menu" data-account="signed-out">
                <SignInForm id_prefix="dhow-account-sign-in"/>
            </div>
        }),
    }
}

/// The name a customer is greeted by: given and family name, else the email.
pub(crate) fn display_name(customer: &dhow_sdk::account::Customer) -> String {
    let name = format!("{} {}", customer.first_name, customer.last_name);
    let name = name.trim();
    if name.is_empty() {
        customer.email.clone()
    } else {
        name.to_owned()
    }
}
