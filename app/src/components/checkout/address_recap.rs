//! `<AddressRecap>`: an address as its country writes it — its fields in the order of the
//! country's address format, then the country — for the order's recap.

use dhow_sdk::address::{Address, AddressField, format_for};
use leptos::prelude::*;

use super::AddressDraft;
use crate::format::region_name;
use crate::i18n::use_i18n;

/// The lines of `address` as its country writes them: the rows of the country's format
/// (`dhow_sdk::address::format_for`) with their fields joined by a space, empty rows left out,
/// then the country's name in `locale`. The phone is left out: it is not part of where a parcel
/// goes. Written here because the SDK has each country's format but no lines of an address.
/// Values are shown as stored (a region as its code, `NY` or `13`; the format's upper-case
/// fields are for mail labels, not for a recap).
pub fn address_lines(locale: &str, address: &Address) -> Vec<String> {
    let format = format_for(address.country);
    let values = AddressDraft::from_address(address).0;
    let mut lines: Vec<String> = format
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .filter(|&&field| field != AddressField::Phone)
                .filter_map(|field| values.get(field.name()))
                .map(|value| value.trim())
                .filter(|value| !value.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|line| !line.is_empty())
        .collect();
    lines.push(region_name(locale, address.country.as_str()));
    lines
}

/// An `<address>` of one line per row of the country's format.
#[component]
pub fn AddressRecap(
    /// The address to show.
    address: Address,
) -> impl IntoView {
    let i18n = use_i18n();
    let lines = address_lines(&i18n.locale(), &address);
    view! {
        <address>{lines.into_iter().map(|l| view! { <span>{l}</span><br/> }).collect_view()}</address>
    }
}

#[cfg(test)]
mod tests {
    use dhow_sdk::address::CountryCode;

    use super::*;

    fn country(code: &str) -> CountryCode {
        CountryCode::parse(code).expect("a country code")
    }

    #[test]
    fn a_us_address_ends_with_city_state_and_zip_on_one_line() {
        let address = Address::new(
            "Ada",
            "Lovelace",
            "350 Fifth Avenue",
            "New York",
            country("US"),
        )
        .with_region("NY")
        .with_postal_code("10118")
        .with_phone("+1 212 736 3100");
        assert_eq!(
            address_lines("en-US", &address),
            [
                "Ada Lovelace",
                "350 Fifth Avenue",
                "New York NY 10118",
                "United States"
            ]
        );
    }

    #[test]
    fn a_japanese_address_starts_with_the_family_name_and_postal_code() {
        let mut address = Address::new("花子", "山田", "千代田1-1", "千代田区", country("JP"))
            .with_region("13")
            .with_postal_code("100-0001");
        address.company = Some("山田商店".into());
        address.line2 = Some("  ".into());
        assert_eq!(
            address_lines("ja-JP", &address),
            [
                "山田 花子",
                "山田商店",
                "100-0001",
                "13 千代田区",
                "千代田1-1",
                "日本"
            ]
        );
    }

    #[test]
    fn a_british_postcode_has_a_line_of_its_own_after_the_town() {
        let address = Address::new("Tom", "Baker", "10 Downing Street", "London", country("GB"))
            .with_postal_code("SW1A 2AA");
        assert_eq!(
            address_lines("de-DE", &address),
            [
                "Tom Baker",
                "10 Downing Street",
                "London",
                "SW1A 2AA",
                "Vereinigtes Königreich"
            ]
        );
    }
}
