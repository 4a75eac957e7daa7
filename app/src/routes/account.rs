//! The account pages: `/account` (profile), `/account/addresses`, `/account/orders`,
//! `/account/orders/:number`, `/account/sign-in`, `/account/register`, `/account/reset`, and
//! `/account/outbox` (the local engine's development outbox). A signed-out visitor of a page
//! that needs an account goes to sign-in, and comes back after.

use dhow_sdk::account::{Accounts, Customer};
use dhow_sdk::model::Order;
use dhow_sdk::{AnyBackend, Error};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate, use_params_map, use_query_map};

use crate::components::account::{
    AccountNav, AccountSection, AddressBook, OrderHistory, PasswordReset, ProfileForm,
    RegisterForm, ResetRequest, SignInForm,
};
use crate::components::layout::ErrorNotice;
use crate::head::{PageMeta, use_page_meta};
use crate::hooks::{AccountState, use_account, use_market};
use crate::i18n::use_i18n;
use crate::routes::OrderDetails;

/// The page's title, never indexed (the pages are per shopper).
fn title(key: &'static str) {
    let i18n = use_i18n();
    use_page_meta(move || PageMeta {
        title: i18n.t(key),
        ..PageMeta::default()
    });
}

/// Where to go after signing in: `next` when it is a path of this site, else the account.
fn next_path(next: Option<String>, fallback: String) -> String {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
        .unwrap_or(fallback)
}

/// Shows `children` to a signed-in customer; sends a signed-out visitor to sign-in with the
/// way back, and shows a loading state while the account is being asked.
#[component]
fn RequireAccount(children: ChildrenFn) -> impl IntoView {
    let account = use_account();
    let market = use_market();
    let location = use_location();
    let navigate = StoredValue::new_local(use_navigate());
    Effect::new(move |_| {
        if account.state.with(|s| *s == AccountState::SignedOut) {
            let here = format!(
                "{}{}",
                location.pathname.get_untracked(),
                location.search.get_untracked()
            );
            let target = format!(
                "{}?next={}",
                market.href("/account/sign-in"),
                js_encode(&here)
            );
            navigate.with_value(|go| {
                go(
                    &target,
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                )
            });
        }
    });
    move || match account.state.get() {
        AccountState::SignedIn(_) => children().into_any(),
        _ => view! {
            <section class="dhow-section" aria-busy="true">
                <div class="dhow-skeleton dhow-skeleton--title"></div>
            </section>
        }
        .into_any(),
    }
}

/// `name`'s value in a fragment (`#token=…&x=…`), percent-decoded.
fn fragment_value(hash: &str, name: &str) -> Option<String> {
    let raw = hash
        .trim_start_matches('#')
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))?;
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = raw
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().filter(|v| !v.is_empty())
}

/// Percent-encodes a path for a query value.
fn js_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[component]
fn AccountLayout(
    heading: &'static str,
    section: AccountSection,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let children = StoredValue::new(children);
    view! {
        <RequireAccount>
            <section class="dhow-account" aria-labelledby="account-heading">
                <h1 id="account-heading" class="dhow-section__title">{move || i18n.t(heading)}</h1>
                <div class="dhow-account__layout">
                    <AccountNav current=section/>
                    <div class="dhow-account__main">{children.with_value(|c| c())}</div>
                </div>
            </section>
        </RequireAccount>
    }
}

/// `/account`: the profile.
#[component]
pub fn AccountPage() -> impl IntoView {
    title("account-title");
    view! {
        <AccountLayout heading="account-title" section=AccountSection::Profile>
            <ProfileForm/>
        </AccountLayout>
    }
}

/// `/account/addresses`: the address book.
#[component]
pub fn AddressesPage() -> impl IntoView {
    title("account-addresses");
    view! {
        <AccountLayout heading="account-addresses" section=AccountSection::Addresses>
            <AddressBook/>
        </AccountLayout>
    }
}

/// `/account/orders`: the order history.
#[component]
pub fn OrdersPage() -> impl IntoView {
    title("account-orders");
    view! {
        <AccountLayout heading="account-orders" section=AccountSection::Orders>
            <OrderHistory/>
        </AccountLayout>
    }
}

/// `/account/orders/:number`: one of the customer's orders.
#[component]
pub fn AccountOrderPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let number = move || params.with(|p| p.get("number").unwrap_or_default());
    use_page_meta(move || PageMeta {
        title: i18n.t_with("order-title", &[("number", number().into())]),
        ..PageMeta::default()
    });
    view! {
        <RequireAccount>
            <AccountOrder number=number()/>
        </RequireAccount>
    }
}

#[component]
fn AccountOrder(number: String) -> impl IntoView {
    let account = use_account();
    let i18n = use_i18n();
    let market = use_market();
    let found = RwSignal::new(None::<Result<Order, Error>>);
    let number = StoredValue::new(number);
    let load = move || {
        spawn_local(async move {
            let result = account
                .store()
                .backend
                .customer_order(&number.get_value())
                .await;
            if let Err(e) = &result {
                account.check(e);
            }
            found.try_set(Some(result));
        });
    };
    Effect::new(move |_| untrack(load));
    view! {
        <div class="dhow-account__layout">
            <AccountNav current=AccountSection::Orders/>
            <div class="dhow-account__main">
                {move || match found.get() {
                    None => view! { <div class="dhow-skeleton dhow-skeleton--title" aria-busy="true"></div> }.into_any(),
                    Some(Ok(order)) => view! { <OrderDetails order=order confirmation=false in_account=true/> }.into_any(),
                    Some(Err(Error::NotFound { .. })) => view! {
                        <h1 class="dhow-section__title">{i18n.t("error-not-found")}</h1>
                        <a href=move || market.href("/account/orders")>{i18n.t("account-orders")}</a>
                    }.into_any(),
                    Some(Err(error)) => view! { <ErrorNotice error=error on_retry=Callback::new(move |_| load())/> }.into_any(),
                }}
            </div>
        </div>
    }
}

/// Goes to `next` (or the account) once signed in; a visitor already signed in goes at once.
fn go_on_when_signed_in() -> Callback<Customer> {
    let account = use_account();
    let market = use_market();
    let query = use_query_map();
    let navigate = StoredValue::new_local(use_navigate());
    let go = move || {
        let next = query.with_untracked(|q| q.get("next"));
        let target = next_path(next, market.href("/account"));
        navigate.with_value(|go| go(&target, Default::default()));
    };
    Effect::new(move |_| {
        if account
            .state
            .with(|s| matches!(s, AccountState::SignedIn(_)))
        {
            untrack(go);
        }
    });
    Callback::new(move |_| go())
}

/// `/account/sign-in`.
#[component]
pub fn SignInPage() -> impl IntoView {
    title("account-sign-in");
    let i18n = use_i18n();
    let market = use_market();
    let account = use_account();
    let query = use_query_map();
    let done = go_on_when_signed_in();
    let keep_next = move |path: &str| {
        let next = query.with(|q| q.get("next"));
        match next {
            Some(n) => format!("{}?next={}", market.href(path), js_encode(&n)),
            None => market.href(path),
        }
    };
    let reset = account.store().backend.account_features().password_reset;
    view! {
        <section class="dhow-account dhow-account--narrow" aria-labelledby="sign-in-heading">
            <h1 id="sign-in-heading" class="dhow-section__title">{move || i18n.t("account-sign-in")}</h1>
            <SignInForm on_signed_in=done/>
            {reset.then(|| view! {
                <p><a href=move || market.href("/account/reset")>{move || i18n.t("account-forgot")}</a></p>
            })}
            <p>
                {move || i18n.t("account-no-account")}" "
                <a href=move || keep_next("/account/register")>{move || i18n.t("account-register")}</a>
            </p>
        </section>
    }
}

/// `/account/register`.
#[component]
pub fn RegisterPage() -> impl IntoView {
    title("account-register");
    let i18n = use_i18n();
    let market = use_market();
    let done = go_on_when_signed_in();
    view! {
        <section class="dhow-account dhow-account--narrow" aria-labelledby="register-heading">
            <h1 id="register-heading" class="dhow-section__title">{move || i18n.t("account-register")}</h1>
            <RegisterForm on_registered=done/>
            <p>
                {move || i18n.t("account-have-account")}" "
                <a href=move || market.href("/account/sign-in")>{move || i18n.t("account-sign-in")}</a>
            </p>
        </section>
    }
}

/// `/account/reset`: asks for a link; with `#token=…` (the link's), sets a new password. The
/// token is taken from the address at once, so it stays out of the history.
#[component]
pub fn ResetPage() -> impl IntoView {
    title("account-reset-title");
    let i18n = use_i18n();
    let market = use_market();
    let account = use_account();
    // The router's view of the address (a link followed inside the app has not reached the
    // window's yet when the page is made).
    let hash = use_location().hash.get_untracked();
    let token = fragment_value(&hash, "token");
    if token.is_some() {
        // Once the router has written the address of this navigation (next frame), the same
        // page without the fragment replaces it.
        let navigate = use_navigate();
        let path = use_location().pathname.get_untracked();
        request_animation_frame(move || {
            navigate(
                &path,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            )
        });
    }
    let local = matches!(account.store().backend, AnyBackend::Local(_));
    let supported = account.store().backend.account_features().password_reset;
    view! {
        <section class="dhow-account dhow-account--narrow" aria-labelledby="reset-heading">
            <h1 id="reset-heading" class="dhow-section__title">{move || i18n.t("account-reset-title")}</h1>
            {match (supported, token) {
                (false, _) => view! { <p>{i18n.t("account-reset-unsupported")}</p> }.into_any(),
                (true, Some(token)) => view! {
                    <PasswordReset token=token/>
                    <p><a href=move || market.href("/account/sign-in")>{move || i18n.t("account-sign-in")}</a></p>
                }.into_any(),
                (true, None) => view! {
                    <ResetRequest/>
                    {local.then(|| view! {
                        <p><a href=move || market.href("/account/outbox")>{move || i18n.t("account-outbox-title")}</a></p>
                    })}
                }.into_any(),
            }}
        </section>
    }
}

/// `/account/outbox`: what the local engine would have e-mailed (it has no e-mail to send
/// with), so a developer can follow a reset link. Other backends send real e-mail.
#[component]
pub fn OutboxPage() -> impl IntoView {
    title("account-outbox-title");
    let i18n = use_i18n();
    let market = use_market();
    let account = use_account();
    let messages = match &account.store().backend {
        AnyBackend::Local(local) => local.outbox().unwrap_or_default(),
        #[allow(unreachable_patterns)]
        _ => Vec::new(),
    };
    view! {
        <section class="dhow-account" aria-labelledby="outbox-heading">
            <h1 id="outbox-heading" class="dhow-section__title">{move || i18n.t("account-outbox-title")}</h1>
            <p>{move || i18n.t("account-outbox-intro")}</p>
            {if messages.is_empty() {
                view! { <p>{i18n.t("account-outbox-empty")}</p> }.into_any()
            } else {
                view! {
                    <ul class="dhow-outbox">
                        {messages.into_iter().map(|m| {
                            let href = format!("{}#token={}", market.href("/account/reset"), m.token);
                            view! {
                                <li data-to=m.to.clone()>
                                    <p><strong>{m.to.clone()}</strong>" · "{m.sent_at.clone()}</p>
                                    <a href=href>{i18n.t("account-outbox-open")}</a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_of_this_site_are_followed_after_sign_in() {
        let home = || "/account".to_owned();
        assert_eq!(
            next_path(Some("/de/checkout".into()), home()),
            "/de/checkout"
        );
        assert_eq!(next_path(Some("//evil.example".into()), home()), "/account");
        assert_eq!(
            next_path(Some("https://evil.example".into()), home()),
            "/account"
        );
        assert_eq!(
            next_path(Some("/\\evil.example".into()), home()),
            "/account"
        );
        assert_eq!(next_path(None, home()), "/account");
    }

    #[test]
    fn a_token_is_read_from_the_fragment() {
        assert_eq!(
            fragment_value("#token=ab%2Fc", "token").as_deref(),
            Some("ab/c")
        );
        assert_eq!(
            fragment_value("#x=1&token=9f", "token").as_deref(),
            Some("9f")
        );
        assert_eq!(fragment_value("#token=", "token"), None);
        assert_eq!(fragment_value("", "token"), None);
    }

    #[test]
    fn the_way_back_is_encoded() {
        assert_eq!(
            js_encode("/account/orders?x=1&y"),
            "/account/orders%3Fx%3D1%26y"
        );
    }
}
