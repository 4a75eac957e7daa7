//! The backend contract against a running Medusa v2 server (`backends/medusa/start.sh`), in a
//! tax-exclusive market (US, USD) and tax-inclusive ones (Japan, JPY with no minor unit; Germany,
//! EUR). The server's URL is `DHOW_MEDUSA_URL` (default `http://127.0.0.1:9000`); its publishable
//! key is `DHOW_MEDUSA_KEY` or else `backends/medusa/.publishable-key`. Without a server the tests
//! fail: they never pass silently.

mod common;
mod contract;

use contract::{ContractFixture, journey};
use dhow_sdk::address::Address;
use dhow_sdk::medusa::{MedusaBackend, MedusaConfig};
use dhow_sdk::model::{CardDetails, ProductQuery};
use dhow_sdk::{Backend, Error, Resource, StoreConfig};

const CONFIG: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/dhow.json"));

/// The backend for the test server, with the demo configuration's markets; panics with what to
/// do when the server cannot be reached.
async fn backend() -> MedusaBackend {
    let url = std::env::var("DHOW_MEDUSA_URL").unwrap_or_else(|_| "http://127.0.0.1:9000".into());
    let key = std::env::var("DHOW_MEDUSA_KEY").unwrap_or_else(|_| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../backends/medusa/.publishable-key"
        );
        std::fs::read_to_string(path).unwrap_or_else(|e| {
            panic!("no publishable key ({path}: {e}): run backends/medusa/start.sh first")
        })
    });
    let markets = StoreConfig::from_json(CONFIG)
        .expect("public/dhow.json")
        .markets;
    let backend = MedusaBackend::new(
        MedusaConfig {
            url: url.clone(),
            publishable_key: key.trim().to_owned(),
        },
        markets,
    )
    .expect("a valid URL and key");
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
    let address = common::address("US", "350 5th Ave", "New York", Some("NY"), Some("10118"))
        .with_phone("+1 212 555 0100");
    let order = journey(&backend().await, &fixture("us", address)).await;
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
