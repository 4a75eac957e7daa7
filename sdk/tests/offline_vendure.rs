//! The Vendure adapter's contract run without a server: each scenario talks to a local server
//! that replays what a real Vendure 3 server answered when the scenario was recorded
//! (`tests/fixtures/vendure/offline/`, see `tests/offline/mod.rs`): the shared journey, sessions
//! (the bearer token kept per cart, across a reload, and a session Vendure replaced), moving a
//! cart between channels, a declined payment paid again, and every answer that can be lost on the
//! way to an order. Each request is matched with the session token and channel it carries.
//! Session records that cannot be read are set aside, not lost.
//!
//! Re-record against the servers of `scripts/backends.sh` with `DHOW_RECORD=1`.

#![cfg(not(target_arch = "wasm32"))]

mod common;
mod contract;
mod offline;

use std::collections::BTreeMap;
use std::rc::Rc;

use contract::{ContractFixture, journey, market};
use dhow_sdk::address::Address;
use dhow_sdk::model::{CardDetails, Cart, CheckoutState, PaymentInput};
use dhow_sdk::storage::{MemoryStorage, Storage};
use dhow_sdk::vendure::{VendureBackend, VendureConfig};
use dhow_sdk::{Backend, CartId, Error, Market, TaxDisplay};
use offline::storefront::{Add, place_order};
use offline::{Api, Offline};

const EMAIL: &str = "offline.shopper@example.com";
const HANDLE: &str = "merino-crew-sweater";

/// The seed's markets (the US in the default channel; Germany and Japan in `dhow-eu`), with
/// sessions kept in `storage`.
fn backend_with(url: &str, storage: Rc<MemoryStorage>) -> VendureBackend {
    let markets = vec![
        market("us", "US", "en-US", "USD", TaxDisplay::Exclusive),
        market("de", "DE", "de-DE", "EUR", TaxDisplay::Inclusive),
        market("jp", "JP", "ja-JP", "JPY", TaxDisplay::Inclusive),
    ];
    VendureBackend::new(
        VendureConfig {
            url: url.to_owned(),
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

fn backend(offline: &Offline) -> VendureBackend {
    backend_with(&offline.url(), Rc::new(MemoryStorage::new())).with_timeout(offline.timeout())
}

async fn sold(backend: &VendureBackend, id: &str) -> Market {
    backend
        .markets()
        .await
        .expect("markets")
        .into_iter()
        .find(|m| m.id.as_str() == id)
        .unwrap_or_else(|| panic!("market {id}"))
}

fn card(number: &str) -> CardDetails {
    CardDetails {
        number: number.into(),
        expiry: "12/34".into(),
        cvc: "123".into(),
    }
}

/// The card Vendure's dummy handler is asked to decline.
fn decline_card() -> CardDetails {
    card("4000 0000 0000 0002")
}

fn success_card() -> CardDetails {
    card("4242 4242 4242 4242")
}

fn san_francisco() -> Address {
    common::address(
        "US",
        "1 Market St",
        "San Francisco",
        Some("CA"),
        Some("94105"),
    )
    .with_phone("+1 555 0100")
}

async fn variant_in(backend: &VendureBackend, market: &Market) -> dhow_sdk::VariantId {
    let product = backend.product(market, HANDLE).await.expect("product");
    product
        .variants
        .iter()
        .find(|v| v.available)
        .expect("stock")
        .id
        .clone()
}

/// A US cart with one sweater, contact, an address and shipping: ready to pay.
async fn ready_cart(backend: &VendureBackend, us: &Market) -> Cart {
    let variant = variant_in(backend, us).await;
    let cart = backend.create_cart(us).await.expect("cart");
    backend.add_line(&cart.id, &variant, 1).await.expect("add");
    backend.set_email(&cart.id, EMAIL).await.expect("email");
    backend
        .set_shipping_address(&cart.id, &san_francisco())
        .await
        .expect("address");
    let options = backend.shipping_options(&cart.id).await.expect("options");
    backend
        .set_shipping_option(&cart.id, &options[0].id)
        .await
        .expect("shipping")
}

async fn pay_with(backend: &VendureBackend, cart: &CartId, card: CardDetails) -> Error {
    let method = backend.payment_methods(cart).await.expect("methods")[0]
        .id
        .clone();
    match backend
        .pay(
            cart,
            &PaymentInput {
                method,
                card: Some(card),
            },
        )
        .await
    {
        Ok(payment) => panic!("expected a failure, paid {payment:?}"),
        Err(e) => e,
    }
}

#[tokio::test]
async fn journey_in_the_us_default_channel() {
    let offline = Offline::start(Api::Vendure, "journey_us").await;
    let fixture = ContractFixture {
        market: "us".into(),
        search: "merino".into(),
        handle: HANDLE.into(),
        valid_code: "WELCOME10".into(),
        invalid_code: "NOT-A-CODE".into(),
        address: san_francisco(),
        success_card: success_card(),
        decline_card: Some(decline_card()),
    };
    let order = journey(&backend(&offline), &fixture).await;
    assert!(!order.totals.tax_included, "the default channel adds tax");
    assert!(!order.totals.tax.amount.is_zero(), "US tax is charged");
    offline.finish();
}

#[tokio::test]
async fn each_cart_keeps_its_session_and_a_replaced_session_is_a_cart_not_found() {
    let offline = Offline::start(Api::Vendure, "sessions").await;
    let storage = Rc::new(MemoryStorage::new());
    let first = backend_with(&offline.url(), storage.clone()).with_timeout(offline.timeout());
    let us = sold(&first, "us").await;
    let variant = variant_in(&first, &us).await;
    // Two carts, two sessions: Vendure issues a token with each cart's first answer, and every
    // later request of a cart carries its own (the server matches each request's token).
    let one = first.create_cart(&us).await.expect("cart");
    first.add_line(&one.id, &variant, 1).await.expect("add");
    let two = first.create_cart(&us).await.expect("second cart");
    first.add_line(&two.id, &variant, 2).await.expect("add");
    assert_eq!(offline.served("AddItem"), 2);

    // A reload (or another tab): a new backend over the same storage finds both carts.
    let reloaded = backend_with(&offline.url(), storage.clone()).with_timeout(offline.timeout());
    assert_eq!(reloaded.cart(&one.id).await.expect("one").item_count(), 1);
    assert_eq!(reloaded.cart(&two.id).await.expect("two").item_count(), 2);

    // A record written before records had versions (the bare session) still reads.
    let key = |id: &CartId| format!("dhow.vendure.cart.{id}");
    let record = storage.get(&key(&one.id)).expect("get").expect("record");
    let mut value: serde_json::Value = serde_json::from_str(&record).expect("json");
    assert_eq!(value["version"], 1, "records carry their version: {record}");
    storage
        .set(&key(&one.id), &value["data"].to_string())
        .expect("set");
    assert_eq!(reloaded.cart(&one.id).await.expect("bare").item_count(), 1);

    // Vendure no longer knows the second session (it expired): it answers with a token of a
    // new, empty session. The cart is not found, and its record is dropped.
    let record = storage.get(&key(&two.id)).expect("get").expect("record");
    value = serde_json::from_str(&record).expect("json");
    value["data"]["token"] = "expired-token".into();
    storage.set(&key(&two.id), &value.to_string()).expect("set");
    let gone = reloaded.cart(&two.id).await;
    assert!(matches!(gone, Err(Error::NotFound { .. })), "{gone:?}");
    assert_eq!(storage.get(&key(&two.id)).expect("get"), None);
    // The first cart is untouched, and a new cart is a new session.
    assert_eq!(reloaded.cart(&one.id).await.expect("one").item_count(), 1);
    let three = reloaded.create_cart(&us).await.expect("new cart");
    let three = reloaded
        .add_line(&three.id, &variant, 1)
        .await
        .expect("add");
    assert_eq!(three.item_count(), 1);
    offline.finish();
}

#[tokio::test]
async fn moving_a_cart_between_currencies_and_channels_keeps_its_lines() {
    let offline = Offline::start(Api::Vendure, "move_channel").await;
    let backend = backend(&offline);
    let (us, jp, de) = (
        sold(&backend, "us").await,
        sold(&backend, "jp").await,
        sold(&backend, "de").await,
    );
    let variant = variant_in(&backend, &us).await;
    let cart = backend.create_cart(&us).await.expect("cart");
    backend.add_line(&cart.id, &variant, 2).await.expect("add");
    backend
        .apply_discount(&cart.id, "WELCOME10")
        .await
        .expect("code");
    // Into another channel: a new session there, with the same lines and code.
    let moved = backend.set_cart_market(&cart.id, &jp).await.expect("to jp");
    assert_eq!(moved.currency.code(), "JPY");
    assert_eq!(moved.item_count(), 2);
    assert!(moved.totals.tax_included);
    assert!(
        moved
            .discounts
            .iter()
            .any(|d| d.code.eq_ignore_ascii_case("WELCOME10"))
    );
    contract::assert_cart(&moved, &jp);
    // Same channel, another currency: re-priced in place.
    let euros = backend.set_cart_market(&cart.id, &de).await.expect("to de");
    assert_eq!(euros.currency.code(), "EUR");
    assert_eq!(euros.item_count(), 2);
    contract::assert_cart(&euros, &de);
    // And it still checks out there.
    let read = backend.cart(&cart.id).await.expect("read");
    assert_eq!(read, euros);
    offline.finish();
}

#[tokio::test]
async fn a_declined_payment_can_be_paid_again() {
    let offline = Offline::start(Api::Vendure, "decline_repay").await;
    let backend = backend(&offline);
    let us = sold(&backend, "us").await;
    let cart = ready_cart(&backend, &us).await;
    let declined = pay_with(&backend, &cart.id, decline_card()).await;
    assert!(
        matches!(declined, Error::PaymentDeclined { .. }),
        "{declined:?}"
    );
    // Nothing was charged and the cart is open again: the shopper can still change it.
    let open = backend.cart(&cart.id).await.expect("cart");
    assert_eq!(open.state, CheckoutState::Open);
    let line = open.lines[0].id.clone();
    let changed = backend
        .update_line(&cart.id, &line, 2)
        .await
        .expect("change after a decline");
    assert_eq!(changed.item_count(), 2);
    // Another card, for the new total.
    let order = place_order(&backend, &cart.id, Some(success_card()))
        .await
        .expect("paid with another card");
    assert_eq!(order.totals.total.amount, changed.totals.total.amount);
    assert_eq!(order.lines[0].quantity, 2);
    assert_eq!(offline.served("AddPayment"), 2, "one declined, one paid");
    let read = backend.cart(&cart.id).await.expect("cart");
    assert!(matches!(read.state, CheckoutState::Completed { .. }));
    offline.finish();
}

#[tokio::test]
async fn a_lost_answer_to_add_line_is_not_added_twice() {
    let offline = Offline::start(Api::Vendure, "lost_add_line").await;
    let backend = backend(&offline);
    let us = sold(&backend, "us").await;
    let variant = variant_in(&backend, &us).await;
    let cart = backend.create_cart(&us).await.expect("cart");

    offline.lose_answer_to("AddItem");
    let add = Add::new(&variant, 2);
    let lost = add.send(&backend, &cart.id, Some(&cart)).await;
    assert_eq!(lost, Err(Error::Timeout));
    let cart = add.send(&backend, &cart.id, None).await.expect("retry");
    assert_eq!((cart.lines.len(), cart.lines[0].quantity), (1, 2));
    assert_eq!(offline.served("AddItem"), 1, "added once");

    offline.lose_answer_to("AddItem");
    let one_more = Add::new(&variant, 1);
    let lost = one_more.send(&backend, &cart.id, Some(&cart)).await;
    assert_eq!(lost, Err(Error::Timeout));
    let cart = one_more
        .send(&backend, &cart.id, None)
        .await
        .expect("retry");
    assert_eq!(cart.lines[0].quantity, 3);
    contract::assert_cart(&cart, &us);
    assert_eq!(offline.served("AddItem"), 2);
    offline.finish();
}

#[tokio::test]
async fn a_lost_answer_to_pay_does_not_pay_twice() {
    let offline = Offline::start(Api::Vendure, "lost_pay").await;
    let backend = backend(&offline);
    let us = sold(&backend, "us").await;
    let cart = ready_cart(&backend, &us).await;

    let method = backend.payment_methods(&cart.id).await.expect("methods")[0]
        .id
        .clone();
    let input = PaymentInput {
        method,
        card: Some(success_card()),
    };

    // Vendure settles the payment and the order leaves the session; the answer is lost.
    offline.lose_answer_to("AddPayment");
    let lost = backend.pay(&cart.id, &input).await;
    assert_eq!(lost, Err(Error::Timeout));
    let settled = offline.lost_answers().pop().expect("the lost answer");
    let code = settled["data"]["addPaymentToOrder"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("Vendure placed an order: {settled:#}"))
        .to_owned();

    // A reload finds the paid order again.
    let read = backend.cart(&cart.id).await.expect("cart");
    assert_eq!(read.state, CheckoutState::Paid);
    // The storefront completes without paying again.
    let order = place_order(&backend, &cart.id, Some(success_card()))
        .await
        .expect("order");
    assert_eq!(order.number, code);
    assert_eq!(order.totals.total.amount, cart.totals.total.amount);
    assert_eq!(offline.served("AddPayment"), 1, "paid once");
    // Paying again is the payment already made, not a second one.
    let again = backend.pay(&cart.id, &input).await.expect("pay again");
    assert_eq!(again.amount, order.totals.total.amount);
    assert_eq!(offline.served("AddPayment"), 1, "still paid once");
    offline.finish();
}

#[tokio::test]
async fn paying_again_after_a_lost_answer_is_the_same_payment() {
    let offline = Offline::start(Api::Vendure, "lost_pay_again").await;
    let backend = backend(&offline);
    let us = sold(&backend, "us").await;
    let cart = ready_cart(&backend, &us).await;
    let method = backend.payment_methods(&cart.id).await.expect("methods")[0]
        .id
        .clone();
    let input = PaymentInput {
        method,
        card: Some(success_card()),
    };
    offline.lose_answer_to("AddPayment");
    assert_eq!(backend.pay(&cart.id, &input).await, Err(Error::Timeout));
    let settled = offline.lost_answers().pop().expect("the lost answer");
    // A storefront that simply sends the payment again gets the payment Vendure took.
    let again = backend
        .pay(&cart.id, &input)
        .await
        .expect("the same payment");
    assert_eq!(again.amount, cart.totals.total.amount);
    assert_eq!(offline.served("AddPayment"), 1, "paid once");
    let order = backend.complete(&cart.id).await.expect("order");
    assert_eq!(
        Some(order.number.as_str()),
        settled["data"]["addPaymentToOrder"]["code"].as_str()
    );
    offline.finish();
}

#[tokio::test]
async fn a_cart_whose_payment_answer_was_lost_can_still_be_changed() {
    let offline = Offline::start(Api::Vendure, "lost_pay_then_change").await;
    let backend = backend(&offline);
    let us = sold(&backend, "us").await;
    let cart = ready_cart(&backend, &us).await;
    // Paying moves the order to ArrangingPayment first; that answer is lost, and the shopper
    // goes back to the cart instead of paying.
    offline.lose_answer_to("Transition");
    let lost = pay_with(&backend, &cart.id, success_card()).await;
    assert_eq!(lost, Error::Timeout);
    let open = backend.cart(&cart.id).await.expect("cart");
    assert_eq!(open.state, CheckoutState::Open);
    let changed = backend
        .update_line(&cart.id, &open.lines[0].id, 2)
        .await
        .expect("the cart takes changes");
    assert_eq!(changed.item_count(), 2);
    let order = place_order(&backend, &cart.id, Some(success_card()))
        .await
        .expect("order");
    assert_eq!(order.totals.total.amount, changed.totals.total.amount);
    assert_eq!(offline.served("AddPayment"), 1, "paid once");
    offline.finish();
}

#[tokio::test]
async fn a_change_after_a_lost_payment_answer_does_not_start_an_order_to_pay_again() {
    let offline = Offline::start(Api::Vendure, "lost_pay_then_add").await;
    let backend = backend(&offline);
    let us = sold(&backend, "us").await;
    let cart = ready_cart(&backend, &us).await;
    offline.lose_answer_to("AddPayment");
    let lost = pay_with(&backend, &cart.id, success_card()).await;
    assert_eq!(lost, Error::Timeout);
    // The shopper goes back and adds something. Vendure puts it in a new order (the paid one
    // left the session); the adapter sees that the cart was paid and says so.
    let variant = cart.lines[0].variant_id.clone();
    let added = backend.add_line(&cart.id, &variant, 1).await;
    assert!(
        matches!(&added, Err(Error::Conflict { message }) if message.contains("was paid")),
        "{added:?}"
    );
    let read = backend.cart(&cart.id).await.expect("cart");
    assert_eq!(read.state, CheckoutState::Paid);
    assert_eq!(read.item_count(), cart.item_count(), "the cart as paid");
    let order = place_order(&backend, &cart.id, Some(success_card()))
        .await
        .expect("order");
    assert_eq!(order.totals.total.amount, cart.totals.total.amount);
    assert_eq!(offline.served("AddPayment"), 1, "paid once");
    offline.finish();
}

#[tokio::test]
async fn a_lost_answer_to_complete_shows_the_same_order() {
    let offline = Offline::start(Api::Vendure, "lost_complete").await;
    let backend = backend(&offline);
    let us = sold(&backend, "us").await;
    let cart = ready_cart(&backend, &us).await;
    let method = backend.payment_methods(&cart.id).await.expect("methods")[0]
        .id
        .clone();
    let payment = backend
        .pay(
            &cart.id,
            &PaymentInput {
                method,
                card: Some(success_card()),
            },
        )
        .await
        .expect("pay");

    offline.lose_answer_to("OrderByCodeQuery");
    let lost = backend.complete(&cart.id).await;
    assert_eq!(lost, Err(Error::Timeout));
    let order = place_order(&backend, &cart.id, Some(success_card()))
        .await
        .expect("order");
    assert_eq!(order.totals.total.amount, payment.amount);
    let again = backend.complete(&cart.id).await.expect("again");
    assert_eq!(again.number, order.number);
    assert_eq!(offline.served("AddPayment"), 1, "paid once");
    offline.finish();
}

#[tokio::test]
async fn unreadable_session_records_are_set_aside_not_lost() {
    let storage = Rc::new(MemoryStorage::new());
    // No server: nothing is asked of it before the record is read.
    let backend = backend_with("http://127.0.0.1:9/shop-api", storage.clone());
    let newer = r#"{"version":99,"data":{"token":"t","market":"us","wallet":"…"}}"#;
    for (id, text) in [
        ("vgarbage", "{not json"),
        ("vshape", r#"{"cart":"something else"}"#),
        ("vnewer", newer),
    ] {
        let id = CartId::from(id);
        let key = format!("dhow.vendure.cart.{id}");
        storage.set(&key, text).expect("set");
        let recovery = format!("dhow.vendure.recovery.cart.{id}");
        match backend.cart(&id).await {
            Err(Error::SetAside { what, key }) => {
                assert_eq!((what.as_str(), key.as_str()), ("cart", recovery.as_str()));
            }
            other => panic!("{text}: {other:?}"),
        }
        assert_eq!(storage.get(&recovery).expect("get").as_deref(), Some(text));
        assert_eq!(storage.get(&key).expect("get"), None);
        // Gone from its place: the next read is a plain miss, not the same failure again.
        let again = backend.cart(&id).await;
        assert!(matches!(again, Err(Error::NotFound { .. })), "{again:?}");
    }
    // A change to a cart whose record is unreadable says so too (the storefront then starts a
    // new cart and tells the shopper).
    storage.set("dhow.vendure.cart.vadd", "[1, 2").expect("set");
    let variant = dhow_sdk::VariantId::from("1");
    let added = backend.add_line(&CartId::from("vadd"), &variant, 1).await;
    assert!(matches!(added, Err(Error::SetAside { .. })), "{added:?}");
}
