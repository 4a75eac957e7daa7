//! The backend contract against a running Medusa v2 server (`backends/medusa/start.sh`), in a
//! tax-exclusive market (US, USD) and tax-inclusive ones (Japan, JPY with no minor unit; Germany,
//! EUR). The server's URL is `DHOW_MEDUSA_URL` (default `http://127.0.0.1:9000`); its publishable
//! key is `DHOW_MEDUSA_KEY` or else `backends/medusa/.publishable-key`. Without a server the tests
//! fail: they never pass silently.

mod common;
mod contract;

use std::cell::RefCell;
use std::rc::Rc;

use contract::accounts::{PASSWORD, account_journey, check_out, registration, unique_email};
use contract::{ContractFixture, journey};
use dhow_sdk::account::{Accounts, OrderPage};
use dhow_sdk::address::Address;
use dhow_sdk::medusa::{MedusaBackend, MedusaConfig};
use dhow_sdk::model::{CardDetails, ProductQuery};
use dhow_sdk::storage::{MemoryStorage, Storage};
use dhow_sdk::{Backend, Error, Resource, StoreConfig};

const CONFIG: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/dhow.json"));

/// The test server's URL.
fn url() -> String {
    std::env::var("DHOW_MEDUSA_URL").unwrap_or_else(|_| "http://127.0.0.1:9000".into())
}

/// The test server's publishable key.
fn publishable_key() -> String {
    let key = std::env::var("DHOW_MEDUSA_KEY").unwrap_or_else(|_| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../backends/medusa/.publishable-key"
        );
        std::fs::read_to_string(path).unwrap_or_else(|e| {
            panic!("no publishable key ({path}: {e}): run backends/medusa/start.sh first")
        })
    });
    key.trim().to_owned()
}

/// The test server as a new browser sees it: the demo configuration's markets, and `storage`
/// (where the adapter keeps the signed-in customer and the orders placed) of its own.
fn device(storage: Rc<dyn Storage>) -> MedusaBackend {
    let markets = StoreConfig::from_json(CONFIG)
        .expect("public/dhow.json")
        .markets;
    MedusaBackend::new(
        MedusaConfig {
            url: url(),
            publishable_key: publishable_key(),
        },
        markets,
    )
    .expect("a valid URL and key")
    .with_storage(storage)
}

/// The backend for the test server, with the demo configuration's markets and a storage of its
/// own; panics with what to do when the server cannot be reached.
async fn backend() -> MedusaBackend {
    let url = url();
    let backend = device(Rc::new(MemoryStorage::new()));
    match backend.markets().await {
        Ok(markets) if !markets.is_empty() => backend,
        Ok(_) => panic!("Medusa at {url} serves none of the demo markets: is it seeded?"),
        Err(e) => {
            panic!("Medusa is not reachable at {url} ({e}): start it with backends/medusa/start.sh")
        }
    }
}

fn fixture(market: &str, address: Address) -> ContractFixture {
    ContractFixture {
        market: market.into(),
        search: "sweater".into(),
        handle: "merino-crew-sweater".into(),
        // Lower case on purpose: Dhow's codes are case-insensitive, Medusa's are not.
        valid_code: "welcome10".into(),
        invalid_code: "NOT-A-CODE".into(),
        address,
        // The system provider takes no card: the details are never sent.
        success_card: CardDetails {
            number: "4242 4242 4242 4242".into(),
            expiry: "12/34".into(),
            cvc: "123".into(),
        },
        // Medusa's system provider authorizes everything; it cannot decline.
        decline_card: None,
    }
}

#[tokio::test]
async fn journey_in_the_us_tax_exclusive() {
    let order = journey(&backend().await, &fixture("us", us_address())).await;
    assert!(!order.totals.tax_included);
    assert_eq!(order.totals.tax_lines[0].name, "NY sales tax");
    assert!(!order.totals.tax.amount.is_zero(), "sales tax is added");
}

#[tokio::test]
async fn journey_in_japan_tax_inclusive_without_minor_units() {
    let address = common::address(
        "JP",
        "1-1 Chiyoda",
        "Chiyoda-ku",
        Some("13"),
        Some("100-8111"),
    );
    let order = journey(&backend().await, &fixture("jp", address)).await;
    assert!(order.totals.tax_included);
    assert_eq!(order.totals.total.amount.currency().code(), "JPY");
    assert_eq!(order.totals.tax_lines[0].name, "Consumption tax");
}

#[tokio::test]
async fn journey_in_germany_tax_inclusive() {
    let address = common::address("DE", "Unter den Linden 1", "Berlin", None, Some("10117"));
    let order = journey(&backend().await, &fixture("de", address)).await;
    assert!(order.totals.tax_included);
    assert_eq!(order.totals.tax_lines[0].name, "VAT");
}

#[tokio::test]
async fn markets_are_those_a_region_serves() {
    let ids: Vec<String> = backend()
        .await
        .markets()
        .await
        .expect("markets")
        .into_iter()
        .map(|m| m.id.to_string())
        .collect();
    // Spain is configured with EUR, but Medusa's euro region holds only Germany and France.
    assert_eq!(ids, ["us", "de", "fr", "gb", "jp"]);
}

#[tokio::test]
async fn moving_a_cart_to_another_market_keeps_and_reprices_its_lines() {
    let backend = backend().await;
    let markets = backend.markets().await.expect("markets");
    let market = |id: &str| {
        markets
            .iter()
            .find(|m| m.id.as_str() == id)
            .expect("market")
            .clone()
    };
    let (us, jp) = (market("us"), market("jp"));
    let (_, moved) = contract::move_cart(&backend, &us, &jp, "enamel-camp-mug").await;
    // Zero quantity removes the line.
    let emptied = backend
        .update_line(&moved.id, &moved.lines[0].id, 0)
        .await
        .expect("update to zero");
    assert!(emptied.lines.is_empty());
    assert!(emptied.totals.total.amount.is_zero());
}

#[tokio::test]
async fn refusals_are_typed() {
    let backend = backend().await;
    let markets = backend.markets().await.expect("markets");
    let us = markets.iter().find(|m| m.id.as_str() == "us").expect("us");
    // Sold out: every garment-dyed tee has no stock.
    let tee = backend.product(us, "garment-dyed-tee").await.expect("tee");
    let sold_out = tee
        .variants
        .iter()
        .find(|v| !v.available)
        .expect("sold out");
    let cart = backend.create_cart(us).await.expect("cart");
    let refused = backend.add_line(&cart.id, &sold_out.id, 1).await;
    assert!(
        matches!(&refused, Err(Error::OutOfStock { variant, available: 0 }) if *variant == sold_out.id.0),
        "{refused:?}"
    );
    // More than there is.
    let mug = backend.product(us, "enamel-camp-mug").await.expect("mug");
    let low = &mug.variants[1];
    let refused = backend.add_line(&cart.id, &low.id, 1_000_000).await;
    assert!(
        matches!(&refused, Err(Error::OutOfStock { available, .. }) if Some(*available) == low.stock),
        "{refused:?}"
    );
    let missing = backend.cart(&"cart_does_not_exist".into()).await;
    assert!(
        matches!(
            missing,
            Err(Error::NotFound {
                what: Resource::Cart,
                ..
            })
        ),
        "{missing:?}"
    );
    // An address outside the cart's region.
    let german = common::address("DE", "Unter den Linden 1", "Berlin", None, Some("10117"));
    let refused = backend.set_shipping_address(&cart.id, &german).await;
    assert!(
        matches!(&refused, Err(Error::InvalidInput { fields }) if fields[0].field == "country"),
        "{refused:?}"
    );
    let unknown = backend.order("999999", "someone@example.com").await;
    assert!(
        matches!(unknown, Err(Error::NotFound { .. })),
        "{unknown:?}"
    );
}

#[tokio::test]
async fn filters_medusa_lacks_run_on_the_whole_result() {
    let backend = backend().await;
    let markets = backend.markets().await.expect("markets");
    let us = markets.iter().find(|m| m.id.as_str() == "us").expect("us");
    let all = backend
        .products(us, &ProductQuery::default())
        .await
        .expect("all");
    assert_eq!(all.total, 7);
    let in_stock = backend
        .products(
            us,
            &ProductQuery {
                in_stock: true,
                sort: dhow_sdk::model::ProductSort::PriceAsc,
                per_page: 2,
                ..ProductQuery::default()
            },
        )
        .await
        .expect("in stock, cheapest first");
    assert_eq!(in_stock.total, 6, "the tee is sold out");
    assert_eq!(in_stock.products.len(), 2);
    let prices: Vec<i64> = in_stock
        .products
        .iter()
        .filter_map(|p| p.lowest_price())
        .map(|p| p.amount.minor_units())
        .collect();
    assert!(prices.windows(2).all(|w| w[0] <= w[1]), "{prices:?}");
    let second = backend
        .products(
            us,
            &ProductQuery {
                page: 1,
                per_page: 3,
                ..ProductQuery::default()
            },
        )
        .await
        .expect("second page");
    assert_eq!((second.total, second.products.len()), (7, 3));
    assert!(
        second
            .facets
            .iter()
            .any(|f| matches!(f, dhow_sdk::model::Facet::InStock { count: 6 }))
    );
}

fn us_address() -> Address {
    common::address("US", "350 5th Ave", "New York", Some("NY"), Some("10118"))
        .with_phone("+1 212 555 0100")
}

#[tokio::test]
async fn account_journey_in_the_us() {
    // Reached first, so that a server that is down says so.
    backend().await;
    let storages: RefCell<Vec<Rc<MemoryStorage>>> = RefCell::default();
    let new_device = || {
        let storage = Rc::new(MemoryStorage::new());
        storages.borrow_mut().push(storage.clone());
        device(storage)
    };
    account_journey(new_device, &fixture("us", us_address())).await;
    // A browser keeps the session's token, never the password.
    let storages = storages.borrow();
    assert!(storages.len() >= 4, "every device was a new browser");
    for storage in storages.iter() {
        for key in storage.keys() {
            let value = storage.get(&key).expect("read").unwrap_or_default();
            assert!(!value.contains(PASSWORD), "{key}");
        }
    }
}

#[tokio::test]
async fn a_session_medusa_no_longer_accepts_signs_the_customer_out() {
    backend().await;
    let storage = Rc::new(MemoryStorage::new());
    let browser = device(storage.clone());
    browser
        .register(&registration(&unique_email("expired"), "Ada"))
        .await
        .expect("register");
    // What the browser keeps, with the token replaced by one Medusa never issued (as an expired
    // one reads to it).
    let key = "dhow.medusa.account";
    let mut record: serde_json::Value =
        serde_json::from_str(&storage.get(key).expect("read").expect("a session")).expect("JSON");
    record["data"]["token"] = "eyJhbGciOiJIUzI1NiJ9.e30.expired".into();
    storage.set(key, &record.to_string()).expect("write");
    assert!(matches!(
        browser.orders(OrderPage::default()).await,
        Err(Error::NotSignedIn)
    ));
    assert_eq!(
        storage.get(key).expect("read"),
        None,
        "the session is forgotten"
    );
    assert_eq!(browser.customer().await.expect("customer"), None);
}

/// The US market and a variant in stock there, for a cart of one line.
async fn us_variant(backend: &MedusaBackend) -> (dhow_sdk::Market, dhow_sdk::VariantId) {
    let us = backend
        .markets()
        .await
        .expect("markets")
        .into_iter()
        .find(|m| m.id.as_str() == "us")
        .expect("us");
    let variant = contract::variant_in_stock(backend, &us, "merino-crew-sweater").await;
    (us, variant)
}

#[tokio::test]
async fn a_kept_cart_another_customer_took_is_not_found_again() {
    let ada = backend().await;
    let eve = backend().await;
    let (us, variant) = us_variant(&ada).await;
    ada.register(&registration(&unique_email("ada"), "Ada"))
        .await
        .expect("ada");
    eve.register(&registration(&unique_email("eve"), "Eve"))
        .await
        .expect("eve");
    let cart = ada.create_cart(&us).await.expect("cart");
    ada.adopt_cart(&cart.id).await.expect("adopt");
    ada.add_line(&cart.id, &variant, 1).await.expect("add");
    assert_eq!(
        ada.customer_cart().await.expect("kept").map(|c| c.id),
        Some(cart.id.clone())
    );
    // Medusa lets whoever holds a cart's id give it to themselves.
    eve.adopt_cart(&cart.id).await.expect("taken");
    assert_eq!(ada.customer_cart().await.expect("kept"), None);
    assert_eq!(
        eve.customer_cart().await.expect("kept").map(|c| c.id),
        Some(cart.id)
    );
}

#[tokio::test]
async fn a_completed_cart_is_not_adopted() {
    let backend = backend().await;
    let (us, variant) = us_variant(&backend).await;
    let address = fixture("us", us_address());
    let one_line_cart = || async {
        let cart = backend.create_cart(&us).await.expect("cart");
        backend.add_line(&cart.id, &variant, 1).await.expect("add")
    };
    // Completed by a guest before the account existed: Medusa refuses to move it.
    let email = unique_email("late");
    let before = one_line_cart().await;
    check_out(&backend, &before, &email, &address).await;
    backend
        .register(&registration(&email, "Ada"))
        .await
        .expect("register");
    let refused = backend.adopt_cart(&before.id).await;
    assert!(
        matches!(refused, Err(Error::Conflict { .. })),
        "{refused:?}"
    );
    let history = backend.orders(OrderPage::default()).await.expect("orders");
    assert_eq!(history.total, 0, "the guest's order stays the guest's");
    // Completed by a guest with the email of an account: Medusa gives the cart (and its order)
    // to the account on its own, and answers a move with the completed cart. Still no cart to
    // keep.
    let email = unique_email("known");
    backend
        .register(&registration(&email, "Ada"))
        .await
        .expect("register");
    backend.sign_out().await.expect("sign out");
    let after = one_line_cart().await;
    check_out(&backend, &after, &email, &address).await;
    backend.sign_in(&email, PASSWORD).await.expect("sign in");
    let refused = backend.adopt_cart(&after.id).await;
    assert!(
        matches!(refused, Err(Error::Conflict { .. })),
        "{refused:?}"
    );
    assert_eq!(backend.customer_cart().await.expect("kept"), None);
    let history = backend.orders(OrderPage::default()).await.expect("orders");
    assert_eq!(history.total, 1, "{history:?}");
}

/// Makes only the auth identity of `email`, as a registration cut short after its first request
/// leaves it (no customer yet).
async fn identity_only(email: &str) {
    let answer = reqwest::Client::new()
        .post(format!("{}/auth/customer/emailpass/register", url()))
        .header("x-publishable-api-key", publishable_key())
        .header("content-type", "application/json")
        .body(serde_json::json!({ "email": email, "password": PASSWORD }).to_string())
        .send()
        .await
        .expect("register the identity");
    assert_eq!(answer.status().as_u16(), 200);
}

#[tokio::test]
async fn a_registration_cut_short_is_finished_later() {
    // Registering again, with the same password: the account is made with its names.
    let browser = backend().await;
    let email = unique_email("cut");
    identity_only(&email).await;
    let customer = browser
        .register(&registration(&email, "Ada"))
        .await
        .expect("registered");
    assert_eq!(customer.first_name, "Ada");
    // Signing in: the account is made with the email alone.
    let browser = backend().await;
    let email = unique_email("cut");
    identity_only(&email).await;
    let customer = browser.sign_in(&email, PASSWORD).await.expect("signed in");
    assert_eq!(
        (customer.email.as_str(), customer.first_name.as_str()),
        (email.as_str(), "")
    );
    assert_eq!(
        browser.customer().await.expect("customer").map(|c| c.id),
        Some(customer.id)
    );
}

#[tokio::test]
async fn password_reset_refusals() {
    backend().await;
    contract::accounts::password_reset_refusals(|| device(Rc::new(MemoryStorage::new()))).await;
}
