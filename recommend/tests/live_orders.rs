//! Orders read back through the admin-API sources from real Medusa and Vendure servers
//! (`scripts/backends.sh start`): two orders holding a known pair of products are placed through
//! the storefront SDK, then must come back with those product handles and their placing time;
//! a wrong token must be refused as such.
//!
//! Needs `--features medusa,vendure,live`. Servers and credentials, with their defaults (the
//! test servers' own, from `backends/*/`):
//! - `DHOW_MEDUSA_URL` (`http://127.0.0.1:9000`), `DHOW_MEDUSA_KEY` (publishable key, else
//!   `backends/medusa/.publishable-key`), `DHOW_MEDUSA_ADMIN_EMAIL` / `DHOW_MEDUSA_ADMIN_PASSWORD`
//!   (`admin@dhow.test` / `dhow-test-only-admin`, created by `backends/medusa/start.sh`);
//! - `DHOW_VENDURE_URL` (`http://127.0.0.1:3000/shop-api`; the Admin API is its sibling
//!   `/admin-api`), `DHOW_VENDURE_SUPERADMIN_USERNAME` / `DHOW_VENDURE_SUPERADMIN_PASSWORD`
//!   (`superadmin` / `superadmin`).
//!
//! An unreachable server fails the test: it never passes silently.

use std::collections::BTreeMap;
use std::future::Future;
use std::rc::Rc;
use std::time::{SystemTime, UNIX_EPOCH};

use dhow_recommend::orders::OrderRecord;
use dhow_recommend::source::OrderSource;
use dhow_recommend::source::{medusa, vendure};
use dhow_sdk::address::{Address, CountryCode};
use dhow_sdk::medusa::{MedusaBackend, MedusaConfig};
use dhow_sdk::model::{CardDetails, Order, PaymentInput};
use dhow_sdk::storage::MemoryStorage;
use dhow_sdk::vendure::{VendureBackend, VendureConfig};
use dhow_sdk::{Backend, StoreConfig};
use serde_json::{Value, json};

const CONFIG: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/dhow.json"));

/// The pair every order of this test holds: both in stock in the US on both test servers.
const PAIR: [&str; 2] = ["merino-crew-sweater", "enamel-camp-mug"];

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

/// Runs a future to its end on a runtime of its own (the SDK's futures are not `Send`).
fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(future)
}

fn now() -> i64 {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs();
    i64::try_from(seconds).expect("seconds fit")
}

fn new_york() -> Address {
    Address::new(
        "Sam",
        "Rivera",
        "350 5th Ave",
        "New York",
        CountryCode::parse("US").expect("country"),
    )
    .with_region("NY")
    .with_postal_code("10118")
    .with_phone("+1 212 555 0100")
}

/// One guest checkout in the US market of both [`PAIR`] products, through the SDK's `Backend`
/// calls as a storefront makes them.
async fn place_order<B: Backend>(backend: &B, email: &str) -> Order {
    let markets = backend
        .markets()
        .await
        .expect("markets (is the server up?)");
    let us = markets
        .iter()
        .find(|m| m.id.as_str() == "us")
        .expect("the US market");
    let cart = backend.create_cart(us).await.expect("cart");
    for handle in PAIR {
        let product = backend.product(us, handle).await.expect("product");
        let variant = product
            .variants
            .iter()
            .find(|v| v.available)
            .unwrap_or_else(|| panic!("{handle} has a variant in stock"));
        backend
            .add_line(&cart.id, &variant.id, 1)
            .await
            .expect("add line");
    }
    backend.set_email(&cart.id, email).await.expect("email");
    backend
        .set_shipping_address(&cart.id, &new_york())
        .await
        .expect("address");
    let options = backend
        .shipping_options(&cart.id)
        .await
        .expect("shipping options");
    let option = options.first().expect("a shipping option");
    backend
        .set_shipping_option(&cart.id, &option.id)
        .await
        .expect("shipping");
    let methods = backend.payment_methods(&cart.id).await.expect("methods");
    let method = methods.first().expect("a payment method").id.clone();
    backend
        .pay(
            &cart.id,
            &PaymentInput {
                method,
                card: Some(CardDetails {
                    number: "4242 4242 4242 4242".into(),
                    expiry: "12/34".into(),
                    cvc: "123".into(),
                }),
            },
        )
        .await
        .expect("payment");
    backend.complete(&cart.id).await.expect("complete")
}

/// Each placed order is among those read, once, with the pair and a placing time within the
/// test's run.
fn assert_read_back(read: &[OrderRecord], placed: &[String], started: i64) {
    for id in placed {
        let found: Vec<&OrderRecord> = read.iter().filter(|o| &o.id == id).collect();
        assert_eq!(
            found.len(),
            1,
            "order {id} read once, in {} read",
            read.len()
        );
        let order = found[0];
        let mut products = order.products.clone();
        products.sort();
        let mut expected = PAIR.map(String::from).to_vec();
        expected.sort();
        assert_eq!(products, expected, "order {id}'s products");
        assert!(
            (started - 120..=now() + 120).contains(&order.placed_at),
            "order {id} placed at {} (test started at {started})",
            order.placed_at
        );
    }
    // Oldest first, as the sources promise.
    assert!(read.windows(2).all(|w| w[0].placed_at <= w[1].placed_at));
}

/// Two passes over `source` read the same orders, the placed ones among them.
fn assert_source_passes(source: &mut impl OrderSource, placed: &[String], started: i64) {
    let mut pass = || -> Vec<OrderRecord> {
        source
            .open()
            .expect("open")
            .collect::<Result<_, _>>()
            .expect("a whole pass")
    };
    let first = pass();
    let second = pass();
    assert_eq!(first, second, "passes agree");
    assert_read_back(&first, placed, started);
}

// ---------------------------------------------------------------------------------------------
// Medusa

fn medusa_url() -> String {
    env_or("DHOW_MEDUSA_URL", "http://127.0.0.1:9000")
}

fn medusa_backend() -> MedusaBackend {
    let key = std::env::var("DHOW_MEDUSA_KEY").unwrap_or_else(|_| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../backends/medusa/.publishable-key"
        );
        std::fs::read_to_string(path).unwrap_or_else(|e| {
            panic!("no publishable key ({path}: {e}): run scripts/backends.sh start")
        })
    });
    let markets = StoreConfig::from_json(CONFIG)
        .expect("public/dhow.json")
        .markets;
    MedusaBackend::new(
        MedusaConfig {
            url: medusa_url(),
            publishable_key: key.trim().to_owned(),
        },
        markets,
    )
    .expect("a valid URL and key")
}

/// An admin user's JWT: `POST /auth/user/emailpass`.
async fn medusa_admin_jwt(client: &reqwest::Client) -> String {
    let url = format!("{}/auth/user/emailpass", medusa_url());
    let answer: Value = client
        .post(&url)
        .json(&json!({
            "email": env_or("DHOW_MEDUSA_ADMIN_EMAIL", "admin@dhow.test"),
            "password": env_or("DHOW_MEDUSA_ADMIN_PASSWORD", "dhow-test-only-admin"),
        }))
        .send()
        .await
        .unwrap_or_else(|e| panic!("Medusa not reachable at {url} ({e})"))
        .error_for_status()
        .expect("admin login (does backends/medusa/start.sh's admin user exist?)")
        .json()
        .await
        .expect("login answer");
    answer["token"].as_str().expect("a token").to_owned()
}

/// A new secret API key `(id, sk_…)` made with an admin's JWT: what a brand's pipeline keeps.
async fn medusa_secret_key(client: &reqwest::Client, jwt: &str) -> (String, String) {
    let answer: Value = client
        .post(format!("{}/admin/api-keys", medusa_url()))
        .bearer_auth(jwt)
        .json(&json!({ "title": "dhow-recommend live test", "type": "secret" }))
        .send()
        .await
        .expect("create secret key")
        .error_for_status()
        .expect("secret key created")
        .json()
        .await
        .expect("key answer");
    let key = &answer["api_key"];
    (
        key["id"].as_str().expect("key id").to_owned(),
        key["token"].as_str().expect("key token").to_owned(),
    )
}

/// Revokes and deletes the test's secret key, so runs do not pile keys up.
async fn medusa_drop_key(client: &reqwest::Client, jwt: &str, id: &str) {
    let base = medusa_url();
    for request in [
        client.post(format!("{base}/admin/api-keys/{id}/revoke")),
        client.delete(format!("{base}/admin/api-keys/{id}")),
    ] {
        let status = request
            .bearer_auth(jwt)
            .json(&json!({}))
            .send()
            .await
            .expect("key clean-up")
            .status();
        assert!(status.is_success(), "key clean-up: HTTP {status}");
    }
}

/// Cancels an order through the Admin API, as a merchant would.
async fn medusa_cancel(client: &reqwest::Client, jwt: &str, id: &str) {
    let status = client
        .post(format!("{}/admin/orders/{id}/cancel", medusa_url()))
        .bearer_auth(jwt)
        .json(&json!({}))
        .send()
        .await
        .expect("cancel")
        .status();
    assert!(status.is_success(), "cancel {id}: HTTP {status}");
}

#[test]
fn medusa_orders_are_read_back_with_their_products() {
    let (placed, started, jwt) = block_on(async {
        let started = now();
        let backend = medusa_backend();
        let mut placed = Vec::new();
        for _ in 0..2 {
            let order = place_order(&backend, "recommend.shopper@example.com").await;
            // The source names orders by Medusa's id (`order_…`), the SDK too (`Order::id`).
            placed.push(order.id.0);
        }
        let canceled = place_order(&backend, "recommend.shopper@example.com").await;

        let client = reqwest::Client::new();
        let jwt = medusa_admin_jwt(&client).await;
        medusa_cancel(&client, &jwt, &canceled.id.0).await;
        let read = medusa::read_orders(&medusa_url(), &jwt)
            .await
            .expect("orders with a JWT");
        assert_read_back(&read, &placed, started);
        assert!(
            read.iter().all(|o| o.id != canceled.id.0),
            "a canceled order is left out"
        );
        // Pages of one order: the same orders, every page walked.
        let mut pages = medusa::OrderPages::new(&medusa_url(), &jwt)
            .expect("pages")
            .with_page_size(1);
        let mut paged = Vec::new();
        while let Some(page) = pages.next_page().await.expect("a page") {
            assert!(page.len() <= 1);
            paged.extend(page);
        }
        assert_eq!(paged, read, "pages of one order");

        // The same through a secret API key.
        let (key_id, secret) = medusa_secret_key(&client, &jwt).await;
        let with_key = medusa::read_orders(&medusa_url(), &secret).await;
        medusa_drop_key(&client, &jwt, &key_id).await;
        let with_key = with_key.expect("orders with a secret key");
        assert_read_back(&with_key, &placed, started);

        // A revoked key, a made-up key and a made-up JWT are refused as such.
        for token in [secret.as_str(), "sk_not_a_key", "not.a.jwt"] {
            let refused = medusa::read_orders(&medusa_url(), token).await;
            assert!(
                matches!(refused, Err(medusa::SourceError::Unauthorized { .. })),
                "{refused:?}"
            );
            if let Err(error) = refused {
                assert!(!error.to_string().contains(token), "the token is not shown");
            }
        }
        (placed, started, jwt)
    });

    // The builder's blocking source: two passes, the same orders.
    let mut source = medusa::MedusaSource::new(&medusa_url(), &jwt).expect("source");
    assert_source_passes(&mut source, &placed, started);
}

// ---------------------------------------------------------------------------------------------
// Vendure

fn vendure_shop_url() -> String {
    env_or("DHOW_VENDURE_URL", "http://127.0.0.1:3000/shop-api")
}

fn vendure_admin_url() -> String {
    let shop = vendure_shop_url();
    match shop.strip_suffix("/shop-api") {
        Some(base) => format!("{base}/admin-api"),
        None => panic!("DHOW_VENDURE_URL {shop} does not end in /shop-api"),
    }
}

fn vendure_backend() -> VendureBackend {
    let markets = StoreConfig::from_json(CONFIG)
        .expect("public/dhow.json")
        .markets;
    VendureBackend::new(
        VendureConfig {
            url: vendure_shop_url(),
            channels: BTreeMap::new(),
            money_precision: 2,
            ..VendureConfig::default()
        },
        markets,
        Rc::new(MemoryStorage::new()),
    )
    .expect("options")
}

/// A superadmin session's bearer token: the `login` mutation's `vendure-auth-token` header.
async fn vendure_admin_token(client: &reqwest::Client) -> String {
    let url = vendure_admin_url();
    let response = client
        .post(&url)
        .json(&json!({
            "query": "mutation Login($username: String!, $password: String!) {
                login(username: $username, password: $password) {
                    ... on CurrentUser { id }
                    ... on ErrorResult { errorCode message }
                }
            }",
            "variables": {
                "username": env_or("DHOW_VENDURE_SUPERADMIN_USERNAME", "superadmin"),
                "password": env_or("DHOW_VENDURE_SUPERADMIN_PASSWORD", "superadmin"),
            },
        }))
        .send()
        .await
        .unwrap_or_else(|e| panic!("Vendure not reachable at {url} ({e})"));
    let token = response
        .headers()
        .get("vendure-auth-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let answer: Value = response.json().await.expect("login answer");
    assert!(
        answer["data"]["login"]["id"].is_string(),
        "superadmin login: {answer}"
    );
    token.expect("a vendure-auth-token header (authOptions.tokenMethod includes 'bearer')")
}

/// Cancels an order (by its id, not its code) through the Admin API, as a merchant would.
async fn vendure_cancel(client: &reqwest::Client, token: &str, id: &str) {
    let answer: Value = client
        .post(vendure_admin_url())
        .bearer_auth(token)
        .json(&json!({
            "query": "mutation Cancel($id: ID!) {
                cancelOrder(input: { orderId: $id }) {
                    ... on Order { state }
                    ... on ErrorResult { errorCode message }
                }
            }",
            "variables": { "id": id },
        }))
        .send()
        .await
        .expect("cancel")
        .json()
        .await
        .expect("cancel answer");
    assert_eq!(
        answer["data"]["cancelOrder"]["state"], "Cancelled",
        "cancel {id}: {answer}"
    );
}

#[test]
fn vendure_orders_are_read_back_with_their_products() {
    let (placed, started, token) = block_on(async {
        let started = now();
        let backend = vendure_backend();
        let mut placed = Vec::new();
        for _ in 0..2 {
            let order = place_order(&backend, "recommend.shopper@example.com").await;
            // The source names orders by their code, the SDK's `Order::number`.
            placed.push(order.number);
        }
        let cancelled = place_order(&backend, "recommend.shopper@example.com").await;

        let client = reqwest::Client::new();
        let token = vendure_admin_token(&client).await;
        vendure_cancel(&client, &token, &cancelled.id.0).await;
        let read = vendure::read_orders(&vendure_admin_url(), &token)
            .await
            .expect("orders");
        assert_read_back(&read, &placed, started);
        assert!(
            read.iter().all(|o| o.id != cancelled.number),
            "a cancelled order is left out"
        );
        // Pages of one order: the same orders, every page walked.
        let mut pages = vendure::OrderPages::new(&vendure_admin_url(), &token)
            .expect("pages")
            .with_page_size(1);
        let mut paged = Vec::new();
        while let Some(page) = pages.next_page().await.expect("a page") {
            assert!(page.len() <= 1);
            paged.extend(page);
        }
        assert_eq!(paged, read, "pages of one order");

        let refused = vendure::read_orders(&vendure_admin_url(), "not-a-session").await;
        assert!(
            matches!(refused, Err(vendure::SourceError::Unauthorized)),
            "{refused:?}"
        );
        (placed, started, token)
    });

    // The builder's blocking source: two passes, the same orders.
    let mut source = vendure::VendureSource::new(&vendure_admin_url(), &token).expect("source");
    assert_source_passes(&mut source, &placed, started);
}

#[test]
fn a_server_that_does_not_answer_is_unreachable() {
    block_on(async {
        // Port 9 (discard) is closed on the test machines.
        let medusa = medusa::read_orders("http://127.0.0.1:9", "sk_x").await;
        assert!(
            matches!(medusa, Err(medusa::SourceError::Unreachable { .. })),
            "{medusa:?}"
        );
        let vendure = vendure::read_orders("http://127.0.0.1:9/admin-api", "x").await;
        assert!(
            matches!(vendure, Err(vendure::SourceError::Unreachable { .. })),
            "{vendure:?}"
        );
    });
}
