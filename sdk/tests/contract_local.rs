//! The backend contract run against the local engine with the real demo data
//! (`public/catalog.json` and `public/dhow.json`) in several markets.

mod common;
mod contract;

use std::rc::Rc;

use contract::{ContractFixture, journey};
use dhow_sdk::address::Address;
use dhow_sdk::local::{Clock, LocalBackend, MemoryStorage};
use dhow_sdk::model::{CardDetails, ProductQuery};
use dhow_sdk::{Backend, StoreConfig};

const CATALOG: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../public/catalog.json"
));
const CONFIG: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/dhow.json"));

fn config() -> StoreConfig {
    StoreConfig::from_json(CONFIG).expect("public/dhow.json is a store configuration")
}

fn demo(storage: Rc<MemoryStorage>) -> LocalBackend {
    LocalBackend::from_json(CATALOG, config().markets, storage)
        .expect("public/catalog.json passes the catalog check for every market")
        .with_clock(Clock::fixed_at("2026-11-25T10:00:00Z").expect("clock"))
}

fn card(number: &str) -> CardDetails {
    CardDetails {
        number: number.into(),
        expiry: "12/34".into(),
        cvc: "123".into(),
    }
}

/// A valid address for the contract, with a phone for the carrier.
fn address(
    country: &str,
    line1: &str,
    city: &str,
    region: Option<&str>,
    postal: Option<&str>,
) -> Address {
    common::address(country, line1, city, region, postal).with_phone("+1 555 0100")
}

fn fixture(market: &str, search: &str, address: Address) -> ContractFixture {
    ContractFixture {
        market: market.into(),
        search: search.into(),
        handle: "harbour-rain-jacket".into(),
        valid_code: "welcome10".into(),
        invalid_code: "NOT-A-CODE".into(),
        address,
        success_card: card("4242 4242 4242 4242"),
        decline_card: Some(card("4000 0000 0000 0002")),
    }
}

#[tokio::test]
async fn journey_in_the_us() {
    let f = fixture(
        "us",
        "rain jacket",
        address(
            "US",
            "1 Market St",
            "San Francisco",
            Some("CA"),
            Some("94105"),
        ),
    );
    let order = journey(&demo(Rc::new(MemoryStorage::new())), &f).await;
    assert_eq!(order.number, "DHW-10001");
    assert!(!order.totals.tax_included);
    assert_eq!(order.totals.tax_lines[0].name, "CA sales tax");
}

#[tokio::test]
async fn journey_in_germany() {
    // A German shopper searches in German.
    let f = fixture(
        "de",
        "regenjacke",
        address("DE", "Unter den Linden 1", "Berlin", None, Some("10117")),
    );
    let order = journey(&demo(Rc::new(MemoryStorage::new())), &f).await;
    assert!(order.totals.tax_included);
    assert_eq!(order.totals.duties, None, "shipped within Germany");
}

#[tokio::test]
async fn journey_in_japan() {
    let f = fixture(
        "jp",
        "jacket",
        address(
            "JP",
            "1-1 Chiyoda",
            "Chiyoda-ku",
            Some("13"),
            Some("100-8111"),
        ),
    );
    let order = journey(&demo(Rc::new(MemoryStorage::new())), &f).await;
    assert_eq!(order.totals.total.amount.currency().exponent(), 0);
}

#[tokio::test]
async fn journey_in_switzerland() {
    let f = fixture(
        "ch",
        "jacket",
        address("CH", "Bahnhofstrasse 1", "Zürich", None, Some("8001")),
    );
    let order = journey(&demo(Rc::new(MemoryStorage::new())), &f).await;
    // Two jackets of CHF 140.05 each are above the de minimis: duties shown, due on delivery.
    let duties = order.totals.duties.expect("duties into Switzerland");
    assert!(duties.estimate);
}

#[tokio::test]
async fn journey_in_the_emirates() {
    // No postal code and no city in the Emirates; the emirate is required.
    let f = fixture(
        "ae",
        "jacket",
        address("AE", "Sheikh Zayed Road 1", "", Some("DU"), None),
    );
    let order = journey(&demo(Rc::new(MemoryStorage::new())), &f).await;
    assert_eq!(order.totals.total.amount.currency().code(), "AED");
}

#[tokio::test]
async fn journeys_share_one_order_sequence() {
    let storage = Rc::new(MemoryStorage::new());
    let us = fixture(
        "us",
        "jacket",
        address("US", "350 5th Ave", "New York", Some("NY"), Some("10118")),
    );
    let de = fixture(
        "de",
        "jacket",
        address("DE", "Unter den Linden 1", "Berlin", None, Some("10117")),
    );
    assert_eq!(
        journey(&demo(storage.clone()), &us).await.number,
        "DHW-10001"
    );
    assert_eq!(journey(&demo(storage), &de).await.number, "DHW-10002");
}

#[tokio::test]
async fn every_demo_market_prices_the_whole_catalog() {
    let backend = demo(Rc::new(MemoryStorage::new()));
    for market in config().markets {
        let query = ProductQuery {
            per_page: 100,
            ..ProductQuery::default()
        };
        let page = backend.products(&market, &query).await.expect("search");
        assert_eq!(
            page.products.len(),
            backend.data().products.len(),
            "{}",
            market.id
        );
        let mut cart = backend.create_cart(&market).await.expect("cart");
        for product in page.products.iter().take(12) {
            if let Some(variant) = product.variants.iter().find(|v| v.available) {
                cart = backend
                    .add_line(&cart.id, &variant.id, 1)
                    .await
                    .expect("add");
            }
        }
        contract::assert_cart(&cart, &market);
    }
}

/// A browser of its own over the engine's shared store: accounts, carts and orders are shared
/// (they are the engine's "server"), who is signed in is not.
struct Device {
    shared: Rc<MemoryStorage>,
    own: MemoryStorage,
}

impl dhow_sdk::storage::Storage for Device {
    fn get(&self, key: &str) -> dhow_sdk::Result<Option<String>> {
        self.pick(key).get(key)
    }
    fn set(&self, key: &str, value: &str) -> dhow_sdk::Result<()> {
        self.pick(key).set(key, value)
    }
    fn remove(&self, key: &str) -> dhow_sdk::Result<()> {
        self.pick(key).remove(key)
    }
}

impl Device {
    fn pick(&self, key: &str) -> &MemoryStorage {
        if key == "dhow.local.session" {
            &self.own
        } else {
            &self.shared
        }
    }
}

#[tokio::test]
async fn account_journey_in_the_us() {
    let f = fixture(
        "us",
        "rain jacket",
        address(
            "US",
            "1 Market St",
            "San Francisco",
            Some("CA"),
            Some("94105"),
        ),
    );
    let shared = Rc::new(MemoryStorage::new());
    let device = || {
        let storage = Rc::new(Device {
            shared: shared.clone(),
            own: MemoryStorage::new(),
        });
        LocalBackend::from_json(CATALOG, config().markets, storage)
            .expect("demo data")
            .with_clock(Clock::fixed_at("2026-11-25T10:00:00Z").expect("clock"))
            .with_password_iterations(1_000)
    };
    contract::accounts::account_journey(device, &f).await;
    // No password in clear anywhere in the store.
    for key in shared.keys() {
        let value = dhow_sdk::storage::Storage::get(shared.as_ref(), &key)
            .unwrap()
            .unwrap_or_default();
        assert!(!value.contains(contract::accounts::PASSWORD), "{key}");
    }
}
