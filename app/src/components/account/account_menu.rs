//! `<AccountMenu>`: the account's state where the shopper always sees it. In the storefront's
//! header, a link: "Sign in", or "Account" once signed in. Embedded (no pages of its own), the
//! sign-in form, or the customer's name with "Sign out".

use leptos::either::EitherOf3;
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
    let i18n = use_i18n();
    let account = use_account();
    let market = use_market();
    let sign_out = move |_| {
        spawn_local(async move {
            let _ = account.sign_out().await;
        });
    };
    move || {
        let state = account.state.get();
        match (links, state) {
            (true, AccountState::SignedIn(_)) => EitherOf3::A(view! {
                <a class="dhow-account-menu" part="account-menu" href=move || market.href("/account")
                    data-account="signed-in">{move || i18n.t("account-title")}</a>
            }.into_any()),
            (true, state) => EitherOf3::A(view! {
                <a class="dhow-account-menu" part="account-menu"
                    href=move || market.href("/account/sign-in")
                    data-account=if state == AccountState::Unknown { "unknown" } else { "signed-out" }>
                    {move || i18n.t("account-sign-in")}
                </a>
            }.into_any()),
            (false, AccountState::SignedIn(customer)) => EitherOf3::B(view! {
                <div class="dhow-account-menu" part="account-menu" data-account="signed-in">
                    <p>{i18n.t_with("account-signed-in-as", &[("name", display_name(&customer).into())])}</p>
                    <button type="button" class="dhow-button dhow-button--secondary" on:click=sign_out>
                        {move || i18n.t("account-sign-out")}
                    </button>
                </div>
            }),
            (false, _) => EitherOf3::C(view! {
                <div class="dhow-account-menu" part="account-menu" data-account="signed-out">
                    <SignInForm id_prefix="dhow-account-sign-in"/>
                </div>
            }),
        }
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
