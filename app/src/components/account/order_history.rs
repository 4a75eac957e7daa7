//! `<OrderHistory>`: the signed-in customer's orders, newest first, ten at a time: number,
//! date, status, items and the total as the backend computed it.

use dhow_sdk::Error;
use dhow_sdk::account::{Accounts, OrderPage};
use dhow_sdk::model::{Order, OrderStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::layout::ErrorNotice;
use crate::format::{format_date, format_money};
use crate::hooks::{use_account, use_market};
use crate::i18n::{I18n, use_i18n};

/// Orders shown per page.
const PAGE: u32 = 10;

/// The order history.
#[component]
pub fn OrderHistory() -> impl IntoView {
    let i18n = use_i18n();
    let account = use_account();
    let market = use_market();
    let orders = RwSignal::new(Vec::<Order>::new());
    let total = RwSignal::new(None::<u32>);
    let error = RwSignal::new(None::<Error>);
    let busy = RwSignal::new(false);
    let more = move || {
        let offset = orders.with_untracked(|o| u32::try_from(o.len()).unwrap_or(u32::MAX));
        busy.set(true);
        spawn_local(async move {
            let page = OrderPage {
                offset,
                limit: PAGE,
            };
            let result = account.store().backend.orders(page).await;
            busy.try_set(false);
            match result {
                Ok(history) => {
                    error.try_set(None);
                    orders.try_update(|o| o.extend(history.orders));
                    total.try_set(Some(history.total));
                }
                Err(e) => {
                    account.check(&e);
                    error.try_set(Some(e));
                }
            }
        });
    };
    Effect::new(move |_| untrack(more));
    let rows = move || {
        orders.with(|list| {
            list.iter()
                .map(|order| {
                    let href = market.href(&format!("/account/orders/{}", order.number));
                    let items: u32 = order.lines.iter().map(|l| l.quantity).sum();
                    let date = format_date(&i18n.locale(), &order.placed_at);
                    view! {
                        <li class="dhow-order-history__item" data-order-number=order.number.clone()>
                            <a href=href aria-label=i18n.t_with("account-order-view", &[("number", order.number.clone().into())])>
                                <strong>{order.number.clone()}</strong>
                            </a>
                            <time datetime=order.placed_at.clone()>
                                {i18n.t_with("account-order-date", &[("date", date.into())])}
                            </time>
                            <span class="dhow-order-history__status">{status(i18n, order.status)}</span>
                            <span>{i18n.t_with("account-order-items", &[("count", items.into())])}</span>
                            <span class="dhow-order-history__total" data-total=order.totals.total.amount.to_decimal_string()>
                                {format_money(&i18n.locale(), order.totals.total.amount)}
                            </span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let has_more = move || {
        total
            .get()
            .is_some_and(|t| orders.with(|o| (o.len() as u64) < u64::from(t)))
    };
    view! {
        <div class="dhow-order-history" part="order-history">
            {move || error.get().map(|e| view! { <ErrorNotice error=e on_retry=Callback::new(move |_| more())/> })}
            <Show when=move || total.get() == Some(0)>
                <p class="dhow-account__empty">{move || i18n.t("account-orders-empty")}</p>
            </Show>
            <Show when=move || total.get().is_none() && error.with(Option::is_none)>
                <div class="dhow-skeleton-grid" aria-busy="true"></div>
            </Show>
            <ul class="dhow-order-history__list">{rows}</ul>
            <Show when=has_more>
                <button type="button" class="dhow-button dhow-button--secondary"
                    disabled=move || busy.get() on:click=move |_| more()>
                    {move || i18n.t("account-orders-more")}
                </button>
            </Show>
        </div>
    }
}

/// An order's status, in the shopper's language.
pub(crate) fn status(i18n: I18n, status: OrderStatus) -> String {
    match status {
        OrderStatus::Fulfilled => i18n.t("account-order-status-fulfilled"),
        OrderStatus::Cancelled => i18n.t("account-order-status-cancelled"),
        _ => i18n.t("account-order-status-placed"),
    }
}
