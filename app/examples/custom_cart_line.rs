//! A cart in markup of your own, built from Dhow's hooks: `use_cart` for the lines and what they
//! can do, `use_market` for links that keep the shopper's market, `use_price` for amounts in their
//! language and currency, and `use_i18n` for the storefront's words in every locale.
//!
//! `MyCartLine` is the part to copy. `main` mounts it on a page of its own with the storefront's
//! state around it (store, router, market, cart) — in the browser only: there is nothing to show
//! natively, where the example is still compiled so that it keeps up with the hooks.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use std::rc::Rc;

use dhow_app::components::layout::ErrorNotice;
use dhow_app::hooks::{provide_cart, provide_market, use_cart, use_market, use_price};
use dhow_app::i18n::{provide_i18n, use_i18n};
use dhow_app::store::{CONFIG_URL, load_store, provide_store};
use dhow_sdk::model::{CartLine, Price};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::Router;

/// One line of the cart: the product's title linking to its page, − and + buttons, and what
/// the line costs, with the price before discounts struck through when a code lowered it.
#[component]
fn MyCartLine(line: CartLine) -> impl IntoView {
    let cart = use_cart();
    let market = use_market();
    let i18n = use_i18n();
    // A line's amounts are `Money`; as a `Price` they format like every price of the store,
    // and the subtotal only shows when a discount made the total lower.
    let price = use_price(Price {
        amount: line.total,
        compare_at: Some(line.subtotal),
        tax_included: false,
        converted: false,
    });
    let href = market.href(&format!("/products/{}", line.handle));
    let (id, quantity) = (line.id.clone(), line.quantity);
    let less = {
        let id = id.clone();
        move |_| cart.set_quantity(id.clone(), quantity.saturating_sub(1))
    };
    let more = move |_| cart.set_quantity(id.clone(), quantity.saturating_add(1));
    view! {
        <li class="my-line">
            <a class="my-line__title" href=href>{line.title.clone()}</a>
            <span class="my-line__variant">{line.variant_title.clone()}</span>
            <button type="button" aria-label=move || i18n.t("cart-decrease") on:click=less>"−"</button>
            <output aria-label=move || i18n.t("quantity")>{quantity}</output>
            <button type="button" aria-label=move || i18n.t("cart-increase") on:click=more>"+"</button>
            <span class="my-line__total">
                {move || price.compare_at.get().map(|before| view! { <s>{before}</s> " " })}
                <strong>{move || price.amount.get()}</strong>
            </span>
        </li>
    }
}

/// The cart's lines, each a `MyCartLine`, and how many items there are.
#[component]
fn MyCart() -> impl IntoView {
    let cart = use_cart();
    let i18n = use_i18n();
    let lines = move || {
        cart.cart
            .with(|c| c.as_ref().map(|c| c.lines.clone()).unwrap_or_default())
    };
    view! {
        <h2>{move || i18n.t("cart-title")}</h2>
        <p role="status">{move || i18n.t_with("cart-count", &[("count", cart.item_count().into())])}</p>
        <ul class="my-cart">
            <For each=lines key=|l| (l.id.clone(), l.quantity, l.total)
                children=|line| view! { <MyCartLine line=line/> }/>
        </ul>
    }
}

/// Market and cart live below the router: the market comes from the URL.
#[component]
fn WithCart() -> impl IntoView {
    provide_market();
    provide_cart();
    view! { <MyCart/> }
}

/// Loads the store (`/dhow.json` and its backend) and provides it, as the storefront does.
#[component]
fn Demo() -> impl IntoView {
    provide_i18n();
    let store = LocalResource::new(|| async { load_store(CONFIG_URL).await.map(Rc::new) });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match store.await.and_then(|store| provide_store(store).map(|_| ())) {
                    Ok(()) => Either::Left(view! { <Router><WithCart/></Router> }),
                    Err(error) => Either::Right(view! { <ErrorNotice error=error/> }),
                }
            })}
        </Suspense>
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    leptos::mount::mount_to_body(Demo);
}
