//! `<CartNotices>`: what the shopper should know about their cart, at the top of every page:
//! the browser keeps nothing, a saved cart was set aside, an order was placed.

use leptos::prelude::*;

use crate::hooks::{CartNotice, use_cart, use_market};
use crate::i18n::use_i18n;

/// The cart's notice, with a "Dismiss" button; an order placed links to its confirmation.
/// The live region is always there (empty when there is nothing to say), so screen readers
/// announce a notice when it appears.
#[component]
pub fn CartNotices() -> impl IntoView {
    let cart = use_cart();
    let i18n = use_i18n();
    let market = use_market();
    let body = move || {
        cart.notice.get().map(|notice| {
            let (message, link) = match &notice {
                CartNotice::NotKept => (i18n.t("notice-cart-not-kept"), None),
                CartNotice::SetAside => (i18n.t("notice-cart-set-aside"), None),
                CartNotice::OrderPlaced { number } => (
                    i18n.t_with("notice-order-placed", &[("number", number.clone().into())]),
                    Some(market.href(&format!(
                        "/orders/{}",
                        crate::search_params::encode(number)
                    ))),
                ),
            };
            let link = link.map(|href| {
                view! { <a class="dhow-notice__link" href=href>{move || i18n.t("notice-view-order")}</a> }
            });
            view! {
                <div class="dhow-notice" data-notice=notice_name(&notice)>
                    <p>{message}</p>
                    {link}
                    <button type="button" class="dhow-link-button" on:click=move |_| cart.notice.set(None)>
                        {move || i18n.t("notice-dismiss")}
                    </button>
                </div>
            }
        })
    };
    view! { <div class="dhow-notices" role="status" aria-live="polite">{body}</div> }
}

/// A stable name for each kind of notice, for styling and tests.
fn notice_name(notice: &CartNotice) -> &'static str {
    match notice {
        CartNotice::NotKept => "not-kept",
        CartNotice::SetAside => "set-aside",
        CartNotice::OrderPlaced { .. } => "order-placed",
    }
}
