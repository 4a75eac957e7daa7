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

use contract::accounts::{PASSWORD, account_journey, registration, unique_email};
use contract::{ContractFixture, journey, market};
use dhow_sdk::account::Accounts;
use dhow_sdk::address::Address;
use dhow_sdk::model::CardDetails;
use dhow_sdk::storage::MemoryStorage;
use dhow_sdk::vendure::{VendureBackend, VendureConfig};
use dhow_sdk::{Backend, Error, Market, TaxDisplay, VariantId};

fn url() -> String {
    std::env::var("DHOW_VENDURE_URL").unwrap_or_else(|_| "http://127.0.0.1:3000/shop-api".into())
}

/// The seed's markets: the US in the default channel; Germany and Japan in `dhow-eu`.
fn backend() -> VendureBackend {
    backend_with(Rc::new(MemoryStorage::new()))
}

/// [`backend`] keeping its sessions in `storage`: a fresh one is a new browser, a shared one
/// another tab or a reload.
fn backend_with(storage: Rc<MemoryStorage>) -> VendureBackend {
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
        storage,
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

/// The US and Japan markets (two channels), and a variant in stock of the fixture's product.
async fn us_jp_and_a_variant(backend: &VendureBackend) -> (Market, Market, VariantId) {
    let markets = backend.markets().await.expect("markets");
    let find = |id: &str| markets.iter().find(|m| m.id.as_str() == id).cloned();
    let (Some(us), Some(jp)) = (find("us"), find("jp")) else {
        panic!("markets us and jp are sold: {markets:?}");
    };
    let variant =
        contract::variant_in_stock(backend, &us, &fixture("us", us_address()).handle).await;
    (us, jp, variant)
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
    let (us, jp, variant) = us_jp_and_a_variant(&backend).await;
    let cart = backend.create_cart(&us).await.expect("cart");
    backend.add_line(&cart.id, &variant, 2).await.expect("add");
    let moved = backend.set_cart_market(&cart.id, &jp).await.expect("to jp");
    assert_eq!(moved.currency.code(), "JPY");
    assert_eq!(moved.item_count(), 2);
    assert!(moved.totals.tax_included);
    contract::assert_cart(&moved, &jp);
    let markets = backend.markets().await.expect("markets");
    if let Some(de) = markets.into_iter().find(|m| m.id.as_str() == "de") {
        // Same channel, another currency: re-priced in place.
        let euros = backend.set_cart_market(&cart.id, &de).await.expect("to de");
        assert_eq!(euros.currency.code(), "EUR");
        assert_eq!(euros.item_count(), 2);
        contract::assert_cart(&euros, &de);
    }
}

#[tokio::test]
async fn account_journey_in_the_us_default_channel() {
    reachable(&backend()).await;
    // Each device is a new browser: storage of its own, the same server.
    account_journey(
        || backend_with(Rc::new(MemoryStorage::new())),
        &fixture("us", us_address()),
    )
    .await;
}

#[tokio::test]
async fn account_journey_in_japan_tax_inclusive_channel() {
    reachable(&backend()).await;
    let address = common::address(
        "JP",
        "1-1 Chiyoda",
        "Chiyoda-ku",
        Some("13"),
        Some("100-8111"),
    );
    account_journey(
        || backend_with(Rc::new(MemoryStorage::new())),
        &fixture("jp", address),
    )
    .await;
}

#[tokio::test]
async fn a_signed_in_cart_moves_between_channels_and_stays_the_accounts() {
    let backend = backend();
    reachable(&backend).await;
    let (us, jp, variant) = us_jp_and_a_variant(&backend).await;
    let email = unique_email("mover");
    backend
        .register(&registration(&email, "Ada"))
        .await
        .expect("register");
    let guest = backend.create_cart(&us).await.expect("cart");
    let cart = backend.adopt_cart(&guest.id).await.expect("adopt");
    backend.add_line(&cart.id, &variant, 1).await.expect("add");
    let moved = backend.set_cart_market(&cart.id, &jp).await.expect("to jp");
    assert_eq!((moved.currency.code(), moved.item_count()), ("JPY", 1));
    let kept = backend
        .customer_cart()
        .await
        .expect("kept")
        .expect("a cart");
    assert_eq!(
        (kept.id.clone(), kept.currency.code()),
        (cart.id.clone(), "JPY")
    );
    let back = backend.set_cart_market(&cart.id, &us).await.expect("to us");
    assert_eq!(
        (back.currency.code(), back.item_count()),
        ("USD", 1),
        "{back:?}"
    );
    // Another device, a guest in Japan: signing in brings the kept cart over from the US
    // channel and adds the guest's line to it.
    let other = backend_with(Rc::new(MemoryStorage::new()));
    let guest = other.create_cart(&jp).await.expect("guest cart");
    other.add_line(&guest.id, &variant, 2).await.expect("add");
    let signed = dhow_sdk::account::sign_in(&other, &email, PASSWORD, Some(&guest.id), &jp)
        .await
        .expect("sign in");
    let merged = signed.cart.expect("a merged cart");
    assert_eq!(
        (merged.currency.code(), merged.item_count()),
        ("JPY", 3),
        "{merged:?}"
    );
    contract::assert_cart(&merged, &jp);
    // A third device finds that one cart, and nothing is left behind in the US channel.
    let third = backend_with(Rc::new(MemoryStorage::new()));
    third.sign_in(&email, PASSWORD).await.expect("sign in");
    let found = third.customer_cart().await.expect("kept").expect("a cart");
    assert_eq!(
        (found.currency.code(), found.item_count()),
        ("JPY", 3),
        "{found:?}"
    );
    // Cancelled carts are no orders of the history.
    let history = third
        .orders(dhow_sdk::account::OrderPage::default())
        .await
        .expect("orders");
    assert_eq!(history.total, 0, "{history:?}");
}

#[tokio::test]
async fn an_account_survives_a_reload_and_signing_in_again_keeps_its_cart() {
    let storage = Rc::new(MemoryStorage::new());
    let backend = backend_with(storage.clone());
    reachable(&backend).await;
    let (us, _, variant) = us_jp_and_a_variant(&backend).await;
    let email = unique_email("reload");
    let customer = backend
        .register(&registration(&email, "Ada"))
        .await
        .expect("register");
    let guest = backend.create_cart(&us).await.expect("cart");
    let cart = backend.adopt_cart(&guest.id).await.expect("adopt");
    backend.add_line(&cart.id, &variant, 1).await.expect("add");
    // A reload (or another tab) over the same storage: the same customer and cart.
    let reloaded = backend_with(storage.clone());
    assert_eq!(
        reloaded.customer().await.expect("customer").map(|c| c.id),
        Some(customer.id.clone())
    );
    let with_phone = reloaded
        .update_profile(&dhow_sdk::account::Profile {
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            phone: Some(" +1 555 0100 ".into()),
        })
        .await
        .expect("phone");
    assert_eq!(with_phone.phone.as_deref(), Some("+1 555 0100"));
    let without = reloaded
        .update_profile(&dhow_sdk::account::Profile {
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            phone: None,
        })
        .await
        .expect("no phone");
    assert_eq!(without.phone, None);
    // Signing in again on this device: the cart keeps its id and its line.
    reloaded
        .sign_in(&email, PASSWORD)
        .await
        .expect("sign in again");
    assert_eq!(backend.cart(&cart.id).await.expect("cart").item_count(), 1);
    let kept = backend
        .customer_cart()
        .await
        .expect("kept")
        .expect("a cart");
    assert_eq!(kept.id, cart.id);
    // Signing out in one tab signs out the other.
    reloaded.sign_out().await.expect("sign out");
    assert_eq!(backend.customer().await.expect("customer"), None);
    assert!(matches!(
        backend.cart(&cart.id).await,
        Err(Error::NotFound { .. })
    ));
}

#[tokio::test]
async fn an_emptied_cart_in_another_channel_does_not_take_the_guests_lines() {
    let backend = backend();
    reachable(&backend).await;
    let (us, jp, variant) = us_jp_and_a_variant(&backend).await;
    let email = unique_email("emptied");
    backend
        .register(&registration(&email, "Ada"))
        .await
        .expect("register");
    // A cart in Japan, emptied: Vendure keeps it as the customer's active order there.
    let guest = backend.create_cart(&jp).await.expect("cart");
    let cart = backend.adopt_cart(&guest.id).await.expect("adopt");
    let cart = backend.add_line(&cart.id, &variant, 1).await.expect("add");
    let line = cart.lines[0].id.clone();
    let empty = backend.remove_line(&cart.id, &line).await.expect("remove");
    assert!(empty.lines.is_empty());
    // Another device, a guest in the US with one line, signs in.
    let other = backend_with(Rc::new(MemoryStorage::new()));
    let guest = other.create_cart(&us).await.expect("guest cart");
    other.add_line(&guest.id, &variant, 1).await.expect("add");
    let signed = dhow_sdk::account::sign_in(&other, &email, PASSWORD, Some(&guest.id), &us)
        .await
        .expect("sign in");
    let merged = signed.cart.expect("a cart");
    assert_ne!(
        merged.id, guest.id,
        "the guest cart was adopted: {merged:?}"
    );
    assert_eq!(
        (merged.currency.code(), merged.item_count()),
        ("USD", 1),
        "{merged:?}"
    );
    contract::assert_cart(&merged, &us);
    let found = other.customer_cart().await.expect("kept").expect("a cart");
    assert_eq!((found.item_count(), found.id), (1, merged.id));
}

#[tokio::test]
async fn adopting_into_the_default_channel_brings_the_cart_kept_in_another() {
    let backend = backend();
    reachable(&backend).await;
    let (us, jp, variant) = us_jp_and_a_variant(&backend).await;
    let email = unique_email("kept-in-jp");
    backend
        .register(&registration(&email, "Ada"))
        .await
        .expect("register");
    let guest = backend.create_cart(&jp).await.expect("cart");
    let kept = backend.adopt_cart(&guest.id).await.expect("adopt");
    backend.add_line(&kept.id, &variant, 2).await.expect("add");
    // Another device adopts a US guest cart straight away (no `account::sign_in` merge).
    let other = backend_with(Rc::new(MemoryStorage::new()));
    other.sign_in(&email, PASSWORD).await.expect("sign in");
    let guest = other.create_cart(&us).await.expect("guest cart");
    other.add_line(&guest.id, &variant, 1).await.expect("add");
    let adopted = other.adopt_cart(&guest.id).await.expect("adopt");
    assert_eq!(
        (adopted.currency.code(), adopted.item_count()),
        ("USD", 3),
        "{adopted:?}"
    );
    contract::assert_cart(&adopted, &us);
    let found = other.customer_cart().await.expect("kept").expect("a cart");
    assert_eq!((found.item_count(), found.id), (3, adopted.id));
}

#[tokio::test]
async fn password_reset_refusals() {
    reachable(&backend()).await;
    contract::accounts::password_reset_refusals(|| backend_with(Rc::new(MemoryStorage::new())))
        .await;
}
