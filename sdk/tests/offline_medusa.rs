//! The Medusa adapter's contract run without a server: each scenario talks to a local server
//! that replays what a real Medusa v2 server answered when the scenario was recorded
//! (`tests/fixtures/medusa/offline/`, see `tests/offline/mod.rs`): the shared journey, moving a
//! cart between regions, and every answer that can be lost on the way to an order — a retried
//! add does not add twice, a retried payment does not pay twice, a retried completion shows the
//! same order, and a cart completed while the answer was lost reads as completed.
//!
//! Re-record against the servers of `scripts/backends.sh` with `DHOW_RECORD=1`.

#![cfg(not(target_arch = "wasm32"))]

mod common;
mod contract;
mod offline;

use contract::{ContractFixture, journey};
use dhow_sdk::address::Address;
use dhow_sdk::medusa::{MedusaBackend, MedusaConfig};
use dhow_sdk::model::{CardDetails, Cart, CheckoutState, PaymentInput};
use dhow_sdk::{Backend, Decimal, Error, Market, Money, StoreConfig};
use offline::storefront::{Add, place_order};
use offline::{Api, Offline};
use serde_json::Value;

const CONFIG: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/dhow.json"));
const EMAIL: &str = "offline.shopper@example.com";

/// The publishable key: the test server's when recording (it is sent, never saved), any
/// otherwise (the replaying server does not check it).
fn key() -> String {
    if !offline::recording() {
        return "pk_offline".to_owned();
    }
    std::env::var("DHOW_MEDUSA_KEY").unwrap_or_else(|_| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../backends/medusa/.publishable-key"
        );
        std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("{path}: {e}: run scripts/backends.sh start first"))
    })
}

fn backend(offline: &Offline) -> MedusaBackend {
    let markets = StoreConfig::from_json(CONFIG)
        .expect("public/dhow.json")
        .markets;
    MedusaBackend::new(
        MedusaConfig {
            url: offline.url(),
            publishable_key: key().trim().to_owned(),
        },
        markets,
    )
    .expect("a valid URL and key")
    .with_timeout(offline.timeout())
}

async fn market(backend: &MedusaBackend, id: &str) -> Market {
    backend
        .markets()
        .await
        .expect("markets")
        .into_iter()
        .find(|m| m.id.as_str() == id)
        .unwrap_or_else(|| panic!("market {id}"))
}

fn card() -> CardDetails {
    CardDetails {
        number: "4242 4242 4242 4242".into(),
        expiry: "12/34".into(),
        cvc: "123".into(),
    }
}

fn new_york() -> Address {
    common::address("US", "350 5th Ave", "New York", Some("NY"), Some("10118"))
        .with_phone("+1 212 555 0100")
}

/// A US cart with two mugs, contact, a New York address and shipping: ready to pay.
async fn ready_cart(backend: &MedusaBackend, us: &Market) -> Cart {
    let mug = backend.product(us, "enamel-camp-mug").await.expect("mug");
    let variant = mug.variants.iter().find(|v| v.available).expect("stock");
    let cart = backend.create_cart(us).await.expect("cart");
    backend
        .add_line(&cart.id, &variant.id, 2)
        .await
        .expect("add");
    backend.set_email(&cart.id, EMAIL).await.expect("email");
    backend
        .set_shipping_address(&cart.id, &new_york())
        .await
        .expect("address");
    let options = backend.shipping_options(&cart.id).await.expect("options");
    backend
        .set_shipping_option(&cart.id, &options[0].id)
        .await
        .expect("shipping")
}

/// The payments Medusa holds for a cart: its payment collection's sessions and payments, read
/// through the same server (recorded like every other exchange).
async fn payment_collection(offline: &Offline, cart: &Cart) -> Value {
    let url = format!("{}/store/carts/{}", offline.url(), cart.id);
    let fields = "id,*payment_collection,*payment_collection.payment_sessions,\
                  *payment_collection.payments";
    let text = reqwest::Client::new()
        .get(url)
        .query(&[("fields", fields)])
        .header("x-publishable-api-key", key().trim())
        .send()
        .await
        .expect("cart answers")
        .text()
        .await
        .expect("cart is read");
    let answer: Value = serde_json::from_str(&text).expect("cart is JSON");
    answer["cart"]["payment_collection"].clone()
}

#[tokio::test]
async fn journey_in_the_us() {
    let offline = Offline::start(Api::Medusa, "journey_us").await;
    let fixture = ContractFixture {
        market: "us".into(),
        search: "sweater".into(),
        handle: "merino-crew-sweater".into(),
        valid_code: "welcome10".into(),
        invalid_code: "NOT-A-CODE".into(),
        address: new_york(),
        success_card: card(),
        // Medusa's system provider authorizes everything; it cannot decline.
        decline_card: None,
    };
    let order = journey(&backend(&offline), &fixture).await;
    assert!(!order.totals.tax_included);
    assert_eq!(order.totals.tax_lines[0].name, "NY sales tax");
    offline.finish();
}

#[tokio::test]
async fn moving_a_cart_between_regions_keeps_and_reprices_its_lines() {
    let offline = Offline::start(Api::Medusa, "move_region").await;
    let backend = backend(&offline);
    let (us, jp) = (market(&backend, "us").await, market(&backend, "jp").await);
    let (cart, moved) = contract::move_cart(&backend, &us, &jp, "enamel-camp-mug").await;
    assert_eq!(moved.currency.code(), "JPY");
    // And back: the same lines, in dollars again.
    let back = backend.set_cart_market(&cart.id, &us).await.expect("back");
    contract::assert_cart(&back, &us);
    assert_eq!(back.lines[0].unit_price, cart.lines[0].unit_price);
    assert_eq!(back.totals.subtotal, cart.totals.subtotal);
    offline.finish();
}

#[tokio::test]
async fn a_lost_answer_to_add_line_is_not_added_twice() {
    let offline = Offline::start(Api::Medusa, "lost_add_line").await;
    let backend = backend(&offline);
    let us = market(&backend, "us").await;
    let mug = backend.product(&us, "enamel-camp-mug").await.expect("mug");
    let variant = mug.variants.iter().find(|v| v.available).expect("stock");
    let cart = backend.create_cart(&us).await.expect("cart");

    // The first add reaches Medusa; its answer does not come back.
    offline.lose_answer_to("POST /line-items");
    let add = Add::new(&variant.id, 2);
    let lost = add.send(&backend, &cart.id, Some(&cart)).await;
    assert_eq!(lost, Err(Error::Timeout));
    // The storefront's retry reads the cart, sees the two mugs, and adds nothing.
    let cart = add.send(&backend, &cart.id, None).await.expect("retry");
    assert_eq!((cart.lines.len(), cart.lines[0].quantity), (1, 2));
    assert_eq!(offline.served("POST /line-items"), 1, "added once");

    // One more, lost again: three, not four.
    offline.lose_answer_to("POST /line-items");
    let one_more = Add::new(&variant.id, 1);
    let lost = one_more.send(&backend, &cart.id, Some(&cart)).await;
    assert_eq!(lost, Err(Error::Timeout));
    let cart = one_more
        .send(&backend, &cart.id, None)
        .await
        .expect("retry");
    assert_eq!(cart.lines[0].quantity, 3);
    contract::assert_cart(&cart, &us);
    assert_eq!(offline.served("POST /line-items"), 2);
    offline.finish();
}

#[tokio::test]
async fn a_lost_answer_to_pay_does_not_pay_twice() {
    let offline = Offline::start(Api::Medusa, "lost_pay").await;
    let backend = backend(&offline);
    let us = market(&backend, "us").await;
    let cart = ready_cart(&backend, &us).await;
    let method = backend.payment_methods(&cart.id).await.expect("methods")[0]
        .id
        .clone();

    // The payment session is created on the server; its answer is lost.
    offline.lose_answer_to("POST /payment-sessions");
    let lost = backend
        .pay(
            &cart.id,
            &PaymentInput {
                method,
                card: Some(card()),
            },
        )
        .await;
    assert_eq!(lost, Err(Error::Timeout));
    // Medusa authorizes when it completes: the cart is still open, so the storefront pays again
    // and completes.
    let order = place_order(&backend, &cart.id, Some(card()))
        .await
        .expect("order");
    assert_eq!(order.totals.total.amount, cart.totals.total.amount);
    let again = backend.complete(&cart.id).await.expect("complete again");
    assert_eq!(again.number, order.number);

    // What Medusa holds: one authorized session, one payment, for the whole total.
    let collection = payment_collection(&offline, &cart).await;
    let sessions = collection["payment_sessions"]
        .as_array()
        .unwrap_or_else(|| panic!("sessions: {collection:#}"));
    let authorized: Vec<&Value> = sessions
        .iter()
        .filter(|s| s["status"] == "authorized")
        .collect();
    assert_eq!(
        authorized.len(),
        1,
        "one authorized session: {collection:#}"
    );
    let payments = sessions.iter().filter(|s| s["payment"]["id"].is_string());
    assert_eq!(payments.count(), 1, "one payment: {collection:#}");
    // Medusa keeps the amount unrounded (`47.528`); the shopper pays it in whole cents.
    let amount = Decimal::parse_json_number(&collection["authorized_amount"].to_string())
        .expect("an amount");
    assert_eq!(
        Money::from_decimal_rounded(amount, us.currency).expect("in range"),
        order.totals.total.amount,
        "the whole total"
    );
    offline.finish();
}

#[tokio::test]
async fn a_lost_answer_to_complete_shows_the_same_order() {
    let offline = Offline::start(Api::Medusa, "lost_complete").await;
    let backend = backend(&offline);
    let us = market(&backend, "us").await;
    let cart = ready_cart(&backend, &us).await;
    let method = backend.payment_methods(&cart.id).await.expect("methods")[0]
        .id
        .clone();
    backend
        .pay(
            &cart.id,
            &PaymentInput {
                method,
                card: Some(card()),
            },
        )
        .await
        .expect("pay");

    // Medusa places the order; its answer is lost.
    offline.lose_answer_to("POST /complete");
    let lost = backend.complete(&cart.id).await;
    assert_eq!(lost, Err(Error::Timeout));
    let placed = offline.lost_answers().pop().expect("the lost answer");
    assert_eq!(placed["type"], "order", "Medusa placed it: {placed:#}");

    // A reload reads the cart as completed.
    let read = backend
        .cart(&cart.id)
        .await
        .expect("a completed cart reads");
    assert!(
        matches!(read.state, CheckoutState::Completed { .. }),
        "{:?}",
        read.state
    );
    // The storefront shows its order: the one Medusa placed, not a second.
    let order = place_order(&backend, &cart.id, Some(card()))
        .await
        .expect("order");
    assert_eq!(
        order.id.as_str(),
        placed["order"]["id"].as_str().expect("id")
    );
    assert_eq!(order.number, placed["order"]["display_id"].to_string());
    assert_eq!(order.totals.total.amount, cart.totals.total.amount);
    let again = backend.complete(&cart.id).await.expect("complete again");
    assert_eq!(again.number, order.number);
    // It can be looked up on this device.
    let found = backend.order(&order.number, EMAIL).await.expect("lookup");
    assert_eq!(found.id, order.id);
    offline.finish();
}
