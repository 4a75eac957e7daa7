//! What one country's address form looks like ([`AddressFormat`], with the labels and region
//! lists it names) and how to find a country's form in the table.

use serde::{Deserialize, Serialize};

use super::{AddressField, CountryCode, formats, regions};

/// What a country calls its postal code; the app shows it in the shopper's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PostalLabel {
    /// "Postal code": the default.
    PostalCode,
    /// "ZIP code": the United States and its territories.
    ZipCode,
    /// "Postcode": the United Kingdom, Australia, New Zealand.
    Postcode,
    /// "PIN code": India.
    Pin,
    /// "Eircode": Ireland.
    Eircode,
}

/// What a country calls its first-level subdivision; the app shows it in the shopper's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RegionLabel {
    /// "State": United States, Mexico, Brazil, India, Australia, Malaysia, Nigeria.
    State,
    /// "Province": the default; Canada, Spain, Italy, China, Argentina, Turkey, ….
    Province,
    /// "Prefecture": Japan.
    Prefecture,
    /// "County": Ireland, Taiwan.
    County,
    /// "Emirate": United Arab Emirates.
    Emirate,
    /// "Region": Chile, Peru.
    Region,
    /// "Department": Colombia.
    Department,
    /// "Area": Hong Kong.
    Area,
    /// "Do/si" (province or metropolitan city): South Korea.
    DoSi,
    /// "Governorate": Egypt.
    Governorate,
}

/// What a country calls the locality line; the app shows it in the shopper's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CityLabel {
    /// "City": the default.
    City,
    /// "Post town": the United Kingdom.
    PostTown,
    /// "Suburb": Australia.
    Suburb,
    /// "District": Hong Kong, Taiwan, Turkey (ilçe).
    District,
}

/// One subdivision of a country: its ISO 3166-2 code (without the country prefix) and its
/// English or Latin name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct Region {
    /// The code stored in [`Address::region`](super::Address::region), e.g. `"CA"`, `"13"`,
    /// `"NSW"`.
    pub code: &'static str,
    /// The English or Latin name, e.g. `"California"`, `"Tokyo"`, `"São Paulo"`.
    pub name: &'static str,
}

/// How one country's address form looks and what it accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AddressFormat {
    /// The country this form is for.
    pub country: CountryCode,
    /// The form's rows, in the order the country writes them; the fields of a row share a line.
    /// A field in no row is not shown (for example the postal code in Hong Kong).
    pub rows: &'static [&'static [AddressField]],
    /// Fields that must not be left empty.
    pub required: &'static [AddressField],
    /// What to call the postal code.
    pub postal_label: PostalLabel,
    /// What to call the region.
    pub region_label: RegionLabel,
    /// What to call the city.
    pub city_label: CityLabel,
    /// Masks a postal code must fit (see the [module documentation](super)), canonical one
    /// first; empty when the postal code is not shown or not checked.
    pub postal_patterns: &'static [&'static str],
    /// A valid postal code, to show as a hint; `None` when the code is not checked.
    pub postal_example: Option<&'static str>,
    /// The subdivisions to choose from; empty when the region is free text or not shown.
    pub regions: &'static [Region],
    /// Fields written in upper case on mail (labels may upper-case them; the form need not).
    pub uppercase: &'static [AddressField],
}

impl AddressFormat {
    /// Whether the form shows `field`.
    pub fn shows(&self, field: AddressField) -> bool {
        self.rows.iter().any(|row| row.contains(&field))
    }

    /// Whether `field` must be filled.
    pub fn is_required(&self, field: AddressField) -> bool {
        self.required.contains(&field)
    }

    /// Finds a region of this country by code (`"CA"`), prefixed code (`"US-CA"`) or English
    /// name (`"California"`), ignoring case and surrounding spaces. A code ISO 3166-2 has
    /// replaced but that systems still send (India's `CT`, `OR`, `TG`, `UT` of before 2023)
    /// finds the current entry.
    ///
    /// ```
    /// use dhow_sdk::address::{format_for, CountryCode};
    ///
    /// let us = format_for(CountryCode::parse("US").unwrap());
    /// assert_eq!(us.find_region(" california ").map(|r| r.code), Some("CA"));
    /// assert_eq!(us.find_region("us-ny").map(|r| r.code), Some("NY"));
    /// assert_eq!(us.find_region("Ontario"), None);
    /// ```
    pub fn find_region(&self, input: &str) -> Option<&'static Region> {
        let input = input.trim();
        let code = input
            .split_once('-')
            .filter(|(country, _)| country.eq_ignore_ascii_case(self.country.as_str()))
            .map_or(input, |(_, code)| code);
        let code = regions::RENAMED
            .iter()
            .find(|(country, former, _)| {
                *country == self.country.as_str() && former.eq_ignore_ascii_case(code)
            })
            .map_or(code, |&(_, _, current)| current);
        self.regions.iter().find(|region| {
            region.code.eq_ignore_ascii_case(code)
                || crate::text::eq_ignore_case(region.name, input)
        })
    }
}

/// The address form of `country`: the table's entry, or the generic form for a country the
/// table does not list.
///
/// ```
/// use dhow_sdk::address::{format_for, AddressField, CountryCode};
///
/// let hk = format_for(CountryCode::parse("HK").unwrap());
/// assert!(!hk.shows(AddressField::PostalCode));
/// let unknown = format_for(CountryCode::parse("ZZ").unwrap());
/// assert!(unknown.shows(AddressField::PostalCode) && unknown.postal_patterns.is_empty());
/// ```
pub fn format_for(country: CountryCode) -> AddressFormat {
    formats::FORMATS
        .iter()
        .find(|format| format.country == country)
        .copied()
        .unwrap_or_else(|| formats::generic(country))
}

/// The countries the table knows, in alphabetical order of their codes.
///
/// ```
/// use dhow_sdk::address::{countries, CountryCode};
///
/// assert!(countries().any(|c| c == CountryCode::parse("BR").unwrap()));
/// ```
pub fn countries() -> impl Iterator<Item = CountryCode> {
    formats::FORMATS.iter().map(|format| format.country)
}
