//! The backend contract run against a real Vendure 3 server with Dhow's seed
//! (`backends/vendure/start.sh`): the US market in the default channel (USD, prices without
//! tax) and a Japanese market in the tax-inclusive `dhow-eu` channel (JPY, zero decimals).
//!
//! Needs `--features vendure,live`. The server's URL comes from `DHOW_VENDURE_URL` (default
//! `http://127.0.0.1:3000/shop-api`); an unreachable server fails the test.

mod common;
mod contract;

use std::collections::BTreeMap;
use std::rc::Rc;

use contract::{ContractFixture, journey, market};
use dhow_sdk::address::Address;
use dhow_sdk::model::CardDetails;
use dhow_sdk::storage::MemoryStorage;
use dhow_sdk::vendure::{VendureBackend, VendureConfig};
use dhow_sdk::{Backend, Error, TaxDisplay};

fn url() -> String {
    std::env::var("DHOW_VENDURE_URL").unwrap_or_else(|_| "http://127.0.0.1:3000/shop-api".into())
}

/// The seed's markets: the US in the default channel; Germany and Japan in `dhow-eu`.
fn backend() -> VendureBackend {
    let markets = vec![
        market("us", "US", "en-US", "USD", TaxDisplay::Exclusive),
        market("de", "DE", "de-DE", "EUR", TaxDisplay::Inclusive),
        market("jp", "JP", "ja-JP", "JPY", TaxDisplay::Inclusive),
    ];
    VendureBackend::new(
        VendureConfig {
            url: url(),
            channels: BTreeMap::from([
                ("de".into(), "dhow-eu".into()),
                ("jp".into(), "dhow-eu".into()),
            ]),
            money_precision: 2,
            ..VendureConfig::default()
        },
        markets,
        Rc::new(MemoryStorage::new()),
    )
    .expect("options")
}

/// Fails with what to do when no server answers.
async fn reachable(backend: &VendureBackend) {
    match backend.markets().await {
        Err(e @ (Error::Network { .. } | Error::Timeout)) => panic!(
            "no Vendure Shop API at {} ({e}): run backends/vendure/start.sh, or set \
             DHOW_VENDURE_URL",
            url()
        ),
        Err(e) => panic!("Vendure answered markets() with {e:?}"),
        Ok(_) => {}
    }
}

fn card(number: &str) -> CardDetails {
    CardDetails {
        number: number.into(),
        expiry: "12/34".into(),
        cvc: "123".into(),
    }
}

fn fixture(market: &str, address: Address) -> ContractFixture {
    ContractFixture {
        market: market.into(),
        search: std::env::var("DHOW_VENDURE_SEARCH").unwrap_or_else(|_| "merino".into()),
        handle: std::env::var("DHOW_VENDURE_HANDLE")
            .unwrap_or_else(|_| "merino-crew-sweater".into()),
        valid_code: "WELCOME10".into(),
        invalid_code: "NOT-A-CODE".into(),
        address: address.with_phone("+1 555 0100"),
        success_card: card("4242 4242 4242 4242"),
        decline_card: Some(card("4000 0000 0000 0002")),
    }
}

fn us_address() -> Address {
    common::address(
        "US",
        "1 Market St",
        "San Francisco",
        Some("CA"),
        Some("94105"),
    )
}

#[tokio::test]
async fn journey_in_the_us_default_channel() {
    let backend = backend();
    reachable(&backend).await;
    let order = journey(&backend, &fixture("us", us_address())).await;
    assert!(!order.totals.tax_included, "the default channel adds tax");
    assert_eq!(order.totals.total.amount.currency().code(), "USD");
    assert!(!order.totals.tax.amount.is_zero(), "US tax is charged");
    // A second journey in a row passes too (fresh session, same guest email).
    let again = journey(&backend, &fixture("us", us_address())).await;
    assert_ne!(again.number, order.number);
}

#[tokio::test]
async fn journey_in_japan_tax_inclusive_channel() {
    let backend = backend();
    reachable(&backend).await;
    let address = common::address(
        "JP",
        "1-1 Chiyoda",
        "Chiyoda-ku",
        Some("13"),
        Some("100-8111"),
    );
    let order = journey(&backend, &fixture("jp", address)).await;
    assert!(order.totals.tax_included, "dhow-eu prices include tax");
    assert_eq!(order.totals.total.amount.currency().exponent(), 0);
}

#[tokio::test]
async fn a_cart_survives_a_new_backend_over_the_same_storage() {
    let storage = Rc::new(MemoryStorage::new());
    let first = VendureBackend::new(
        VendureConfig {
            url: url(),
            money_precision: 2,
            ..VendureConfig::default()
        },
        vec![market("us", "US", "en-US", "USD", TaxDisplay::Exclusive)],
        storage.clone(),
    )
    .expect("options");
    reachable(&first).await;
    let us = first.markets().await.expect("markets").remove(0);
    let product = first
        .product(&us, &fixture("us", us_address()).handle)
        .await
        .expect("product");
    let variant = product
        .variants
        .iter()
        .find(|v| v.available)
        .expect("stock");
    let cart = first.create_cart(&us).await.expect("cart");
    first.add_line(&cart.id, &variant.id, 1).await.expect("add");
    // A reload: a new backend over the same storage finds the cart.
    let reloaded = VendureBackend::new(
        VendureConfig {
            url: url(),
            money_precision: 2,
            ..VendureConfig::default()
        },
        vec![us.clone()],
        storage.clone(),
    )
    .expect("options");
    let again = reloaded.cart(&cart.id).await.expect("same cart");
    assert_eq!(again.item_count(), 1);
    // A session Vendure no longer knows is a cart not found.
    let key = format!("dhow.vendure.cart.{}", cart.id);
    let record = dhow_sdk::storage::Storage::get(&*storage, &key)
        .expect("storage")
        .expect("record");
    let mut value: serde_json::Value = serde_json::from_str(&record).expect("json");
    value["data"]["token"] = "expired-token".into();
    dhow_sdk::storage::Storage::set(&*storage, &key, &value.to_string()).expect("storage");
    let gone = reloaded.cart(&cart.id).await;
    assert!(matches!(gone, Err(Error::NotFound { .. })), "{gone:?}");
}

#[tokio::test]
async fn moving_a_cart_between_currencies_and_channels_keeps_its_lines() {
    let backend = backend();
    reachable(&backend).await;
    let markets = backend.markets().await.expect("markets");
    let find = |id: &str| markets.iter().find(|m| m.id.as_str() == id).cloned();
    let (Some(us), Some(jp)) = (find("us"), find("jp")) else {
        panic!("markets us and jp are sold: {markets:?}");
    };
    let product = backend
        .product(&us, &fixture("us", us_address()).handle)
        .await
        .expect("product");
    let variant = product
        .variants
        .iter()
        .find(|v| v.available)
        .expect("stock");
    let cart = backend.create_cart(&us).await.expect("cart");
    backend
        .add_line(&cart.id, &variant.id, 2)
        .await
        .expect("add");
    let moved = backend.set_cart_market(&cart.id, &jp).await.expect("to jp");
    assert_eq!(moved.currency.code(), "JPY");
    assert_eq!(moved.item_count(), 2);
    assert!(moved.totals.tax_included);
    contract::assert_cart(&moved, &jp);
    if let Some(de) = find("de") {
        // Same channel, another currency: re-priced in place.
        let euros = backend.set_cart_market(&cart.id, &de).await.expect("to de");
        assert_eq!(euros.currency.code(), "EUR");
        assert_eq!(euros.item_count(), 2);
        contract::assert_cart(&euros, &de);
    }
}
