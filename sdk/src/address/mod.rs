//! Postal addresses for shoppers of every country: the address model, each country's form
//! (which fields, in what order, which are required, what to call them) and validation.
//!
//! # The country table
//!
//! [`format_for`] knows the forms of the countries listed by [`countries`], written from public
//! address metadata (Google's libaddressinput data, CLDR, ISO 3166-2). Any other country gets a
//! generic form: name, company, two lines, city, region and an optional, unchecked postal code.
//! Everything is `&'static` data: nothing is built or allocated at start-up.
//!
//! Deliberate departures from the metadata:
//! - `last_name` is required everywhere and `first_name` nowhere, so that shoppers with a single
//!   name can order (they fill `last_name`). CJK countries, Hungary and Vietnam show the family
//!   name first.
//! - Name and company come first in every form (who before where); the address rows then follow
//!   the order in which the country writes them (Japan: postal code, prefecture and city, lines).
//! - Japan shows and requires a city (市区町村), as Japanese checkout forms do; Colombia requires
//!   the city. Sub-localities (neighbourhood, district, townland) go in `line2`.
//!
//! # Regions
//!
//! `Address::region` holds the subdivision code of ISO 3166-2 without the country prefix: `CA`
//! (California), `13` (Tokyo), `ON`, `NSW`, `SP`, `CMX`, `MH`, `BJ`, `DU`. Hong Kong has no ISO
//! subdivisions; its three areas use the customary `HK`, `KLN` and `NT`. Where a country has a
//! list ([`AddressFormat::regions`]), validation accepts the code, the prefixed code (`US-CA`) or
//! the English name, ignoring case and surrounding spaces, as well as India's codes of before
//! 2023 (`CT`, `OR`, `TG`, `UT`); [`AddressFormat::find_region`] turns any of them into the list
//! entry, so that the current code can be stored. Where a country shows a region but has no list
//! here (Italy, Korea, Thailand, …), the region is free text.
//!
//! # Postal codes
//!
//! Each country lists masks in [`AddressFormat::postal_patterns`] instead of regular
//! expressions (a regex engine would weigh more than this whole module in the wasm bundle):
//!
//! | in a mask | matches |
//! | --- | --- |
//! | `9` | one digit `0`–`9` |
//! | `A` | one letter `A`–`Z` (input of any case) |
//! | `?` | one letter or digit |
//! | space or `-` | that separator, or nothing: `A9A 9A9` matches `K1A 0B1` and `K1A0B1` |
//! | `\x` | the character `x` itself (`GIR 0\A\A`) |
//! | anything else | itself (`BFPO 9`, `LV-9999`) |
//!
//! Before comparing, the input is cleaned: full-width forms become ASCII (`１００－０００１`),
//! dashes become `-`, the Japanese postal mark `〒` is dropped, letters are upper-cased, runs of
//! white space become one space, and the ends are trimmed. The first mask of a country is its
//! canonical spelling: [`normalize_postal_code`] rewrites a valid code into the first mask it
//! fits once separators are ignored (`sw1a1aa` → `SW1A 1AA`, `1000001` → `100-0001`).
//!
//! Countries without postal codes (Hong Kong, the United Arab Emirates, Qatar) do not show the
//! field. A postal code sent for them anyway is ignored, not refused: the shopper could not see
//! the field to correct it. The same holds for any field a country does not show (a city for the
//! Emirates, a region for Germany): it is only checked for length and characters.
//!
//! # Validation
//!
//! [`validate`] reports every refused field at once, at most one problem per field, in the
//! model's field order. Each field is checked, in this order, for: `Required` (empty or only
//! white space, when the country requires it), `TooLong` (100 characters for names, company,
//! lines, city and region; 20 for the postal code; 30 for the phone), `Invalid` (control
//! characters, line breaks, bidirectional overrides, emoji and other pictographs, private-use
//! and replacement characters: label printers cannot print them), then `PostalCode` (the code
//! fits none of the country's masks), `UnknownRegion` (not in the country's list) and `Invalid`
//! for a phone that is not digits with `+ ( ) - . /` and spaces, or has fewer than four digits.
//!
//! ```
//! use dhow_sdk::address::{format_for, validate, Address, AddressField, CountryCode};
//!
//! let jp = CountryCode::parse("jp").unwrap();
//! assert_eq!(format_for(jp).rows[2], &[AddressField::PostalCode][..]);
//!
//! let address = Address {
//!     first_name: "Taro".into(),
//!     last_name: "Yamada".into(),
//!     company: None,
//!     line1: "1-1 Chiyoda".into(),
//!     line2: None,
//!     city: "Chiyoda-ku".into(),
//!     region: Some("13".into()),
//!     postal_code: Some("100-8111".into()),
//!     country: jp,
//!     phone: None,
//! };
//! assert_eq!(validate(&address), Ok(()));
//! ```

// One module per job, so that each reads on its own: the types (`model`, `form`), the country
// table as plain data (`formats`, `regions`), and the rules applied to what a shopper typed
// (`postal`, `validation`). The public surface is re-exported here, at the paths it always had.
mod form;
mod formats;
mod model;
mod postal;
mod regions;
mod validation;

#[cfg(test)]
mod tests;

pub use form::{AddressFormat, CityLabel, PostalLabel, Region, RegionLabel, countries, format_for};
pub use model::{Address, AddressField, CountryCode};
pub use postal::normalize_postal_code;
pub(crate) use validation::is_phone_number;
pub use validation::validate;
