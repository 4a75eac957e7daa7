//! Shared helpers of the local engine's integration tests: the fixture store, its markets,
//! valid addresses per country and money literals.

#![allow(dead_code)] // Each test file uses a different part.

use std::rc::Rc;

use dhow_sdk::address::{Address, CountryCode};
use dhow_sdk::local::{Clock, LocalBackend, MemoryStorage};
use dhow_sdk::{Currency, Market, Money, StoreConfig};

/// The fixture's catalog file.
pub const CATALOG: &str = include_str!("../fixtures/catalog.json");
/// The fixture's store configuration.
pub const STORE: &str = include_str!("../fixtures/store.json");
/// "Now" in every fixture test: promotion dates and card expiries depend on it.
pub const NOW: &str = "2026-11-25T10:00:00Z";

/// The fixture's configuration.
pub fn config() -> StoreConfig {
    StoreConfig::from_json(STORE).expect("fixture store config")
}

/// A fresh engine over the fixture with empty storage and the clock at [`NOW`].
pub fn backend() -> LocalBackend {
    backend_with(Rc::new(MemoryStorage::new()))
}

/// An engine over the fixture keeping state in `storage` (share it to play two tabs).
pub fn backend_with(storage: Rc<MemoryStorage>) -> LocalBackend {
    LocalBackend::from_json(CATALOG, config().markets, storage)
        .expect("fixture catalog")
        .with_clock(Clock::fixed_at(NOW).expect("fixed clock"))
}

/// The fixture's market with this id.
pub fn market(id: &str) -> Market {
    config()
        .market(id)
        .cloned()
        .unwrap_or_else(|| panic!("no market {id}"))
}

/// Exact money from decimal text.
pub fn money(text: &str, code: &str) -> Money {
    Money::parse(text, Currency::from_code(code).expect("currency")).expect("amount")
}

/// A valid-looking address for Sam Rivera; region and postal code as the country needs.
pub fn address(
    country: &str,
    line1: &str,
    city: &str,
    region: Option<&str>,
    postal: Option<&str>,
) -> Address {
    let country = CountryCode::parse(country).expect("country");
    let mut address = Address::new("Sam", "Rivera", line1, city, country);
    address.region = region.map(Into::into);
    address.postal_code = postal.map(Into::into);
    address
}

/// Valid addresses in the fixture's countries, by market id; several per country where the
/// region changes the tax.
pub fn addresses(market: &str) -> Vec<Address> {
    match market {
        "us" => vec![
            address(
                "US",
                "1 Market St",
                "San Francisco",
                Some("CA"),
                Some("94105"),
            ),
            address("US", "350 5th Ave", "New York", Some("NY"), Some("10118")),
            address(
                "US",
                "700 SW 5th Ave",
                "Portland",
                Some("OR"),
                Some("97204"),
            ),
            address(
                "US",
                "1600 Pennsylvania Ave NW",
                "Washington",
                Some("DC"),
                Some("20500"),
            ),
        ],
        "de" => vec![address(
            "DE",
            "Unter den Linden 1",
            "Berlin",
            None,
            Some("10117"),
        )],
        "fr" => vec![address(
            "FR",
            "1 Rue de Rivoli",
            "Paris",
            None,
            Some("75001"),
        )],
        "jp" => vec![address(
            "JP",
            "1-1 Chiyoda",
            "Chiyoda-ku",
            Some("13"),
            Some("100-8111"),
        )],
        "ch" => vec![address(
            "CH",
            "Bahnhofstrasse 1",
            "Zürich",
            None,
            Some("8001"),
        )],
        "kw" => vec![address(
            "KW",
            "Street 1, Block 2",
            "Kuwait City",
            None,
            Some("13001"),
        )],
        "ca" => vec![
            address(
                "CA",
                "100 Queen St W",
                "Toronto",
                Some("ON"),
                Some("M5H 2N2"),
            ),
            address(
                "CA",
                "800 Macleod Trail SE",
                "Calgary",
                Some("AB"),
                Some("T2G 2M3"),
            ),
            address(
                "CA",
                "1 Rue Notre-Dame",
                "Montréal",
                Some("QC"),
                Some("H2Y 1B6"),
            ),
        ],
        other => panic!("no addresses for {other}"),
    }
}

/// The first valid address of a market.
pub fn address_in(market: &str) -> Address {
    addresses(market).remove(0)
}
