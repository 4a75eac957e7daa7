//! A whole checkout against the local engine with the demo data, printed as the order's JSON.
//!
//! ```text
//! cargo run -p dhow-sdk --example checkout -- --market jp
//! ```
//!
//! Money in the output is exact decimal text with its currency: `{"amount": "14209", "currency": "JPY"}`.

use std::process::ExitCode;
use std::rc::Rc;

use dhow_sdk::address::{Address, CountryCode};
use dhow_sdk::local::{LocalBackend, MemoryStorage};
use dhow_sdk::model::{CardDetails, PaymentInput, ProductQuery};
use dhow_sdk::{Backend, Error, Market, Resource, StoreConfig, Unsold};

const CATALOG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/catalog.json");
const CONFIG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/dhow.json");

/// A deliverable sample address in each demo market's country.
fn sample_address(country: CountryCode) -> Option<Address> {
    let (line1, city, region, postal) = match country.as_str() {
        "US" => ("1 Market St", "San Francisco", Some("CA"), Some("94105")),
        "DE" => ("Unter den Linden 1", "Berlin", None, Some("10117")),
        "FR" => ("1 Rue de Rivoli", "Paris", None, Some("75001")),
        "ES" => ("Calle de Alcalá 1", "Madrid", Some("M"), Some("28014")),
        "GB" => ("10 Downing Street", "London", None, Some("SW1A 2AA")),
        "JP" => ("1-1 Chiyoda", "Chiyoda-ku", Some("13"), Some("100-8111")),
        "CH" => ("Bahnhofstrasse 1", "Zürich", None, Some("8001")),
        "AE" => ("Sheikh Zayed Road 1", "", Some("DU"), None),
        "KW" => ("Street 1, Block 2", "Kuwait City", None, Some("13001")),
        "CA" => ("100 Queen St W", "Toronto", Some("ON"), Some("M5H 2N2")),
        "AU" => ("1 Macquarie St", "Sydney", Some("NSW"), Some("2000")),
        "BR" => (
            "Av. Paulista 1000",
            "São Paulo",
            Some("SP"),
            Some("01310-100"),
        ),
        "CN" => ("1 Chang'an Avenue", "Beijing", Some("BJ"), Some("100006")),
        _ => return None,
    };
    let mut address = Address::new("Sam", "Rivera", line1, city, country);
    address.region = region.map(Into::into);
    address.postal_code = postal.map(Into::into);
    Some(address)
}

/// The market named by `--market <id>` (or `--market=<id>`), or the store's default.
fn chosen_market(config: &StoreConfig, args: &[String]) -> Result<Market, String> {
    let valid = || {
        config
            .markets
            .iter()
            .map(|m| m.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut id = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if let Some(value) = arg.strip_prefix("--market=") {
            id = Some(value.to_owned());
        } else if arg == "--market" {
            id = Some(
                rest.next()
                    .cloned()
                    .ok_or_else(|| format!("--market needs an id: one of {}", valid()))?,
            );
        } else {
            return Err(format!(
                "unknown argument `{arg}`; usage: checkout [--market <id>] with id one of {}",
                valid()
            ));
        }
    }
    match id {
        None => config.default_market().cloned().map_err(|e| e.to_string()),
        Some(id) => config
            .market(&id)
            .cloned()
            .ok_or_else(|| format!("unknown market `{id}`; valid markets: {}", valid())),
    }
}

async fn checkout(
    backend: &LocalBackend,
    market: &Market,
) -> Result<dhow_sdk::model::Order, Error> {
    let page = backend.products(market, &ProductQuery::default()).await?;
    let variant = page
        .products
        .iter()
        .find_map(|p| p.variants.iter().find(|v| v.available))
        .ok_or_else(|| Error::not_found(Resource::Variant, format!("in stock in {}", market.id)))?;
    let cart = backend.create_cart(market).await?;
    backend.add_line(&cart.id, &variant.id, 2).await?;
    backend.apply_discount(&cart.id, "WELCOME10").await?;
    backend
        .set_email(&cart.id, "sam.rivera@example.com")
        .await?;
    let address = sample_address(market.country).ok_or_else(|| Error::NotSold {
        what: Unsold::Country,
        code: market.country.to_string(),
    })?;
    backend.set_shipping_address(&cart.id, &address).await?;
    let options = backend.shipping_options(&cart.id).await?;
    let cheapest = options
        .iter()
        .min_by_key(|o| o.amount.minor_units())
        .ok_or_else(|| Error::not_found(Resource::ShippingOption, market.country.as_str()))?;
    backend.set_shipping_option(&cart.id, &cheapest.id).await?;
    let method = backend.payment_methods(&cart.id).await?.remove(0).id;
    let card = CardDetails {
        number: "4242 4242 4242 4242".into(),
        expiry: "12/34".into(),
        cvc: "123".into(),
    };
    backend
        .pay(
            &cart.id,
            &PaymentInput {
                method,
                card: Some(card),
            },
        )
        .await?;
    backend.complete(&cart.id).await
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let read =
        |path: &str| std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"));
    let (catalog, config) = match (read(CATALOG), read(CONFIG)) {
        (Ok(catalog), Ok(config)) => (catalog, config),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let config = match StoreConfig::from_json(&config) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("public/dhow.json: {e}");
            return ExitCode::FAILURE;
        }
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let market = match chosen_market(&config, &args) {
        Ok(market) => market,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let backend = match LocalBackend::from_json(
        &catalog,
        config.markets.clone(),
        Rc::new(MemoryStorage::new()),
    ) {
        Ok(backend) => backend,
        Err(e) => {
            eprintln!("public/catalog.json: {e}");
            return ExitCode::FAILURE;
        }
    };
    match checkout(&backend, &market).await {
        Ok(order) => match serde_json::to_string_pretty(&order) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("cannot print the order: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("checkout in market `{}` failed: {e} ({e:?})", market.id);
            ExitCode::FAILURE
        }
    }
}
