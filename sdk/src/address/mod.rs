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

mod formats;
mod regions;

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{FieldError, Problem};

/// An ISO 3166-1 alpha-2 country code, always two upper-case ASCII letters (`US`, `JP`).
///
/// Any two letters are accepted, so that a country missing from the table still gets the generic
/// form; serialized as the two-letter string.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Reads a two-letter code in either case (`"us"`, `"US"`); anything else gives `None`.
    ///
    /// ```
    /// use dhow_sdk::address::CountryCode;
    ///
    /// assert_eq!(CountryCode::parse("gb").map(|c| c.to_string()), Some("GB".to_owned()));
    /// assert_eq!(CountryCode::parse("GBR"), None);
    /// ```
    pub fn parse(code: &str) -> Option<CountryCode> {
        match code.as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => Some(CountryCode([
                a.to_ascii_uppercase(),
                b.to_ascii_uppercase(),
            ])),
            _ => None,
        }
    }

    /// The code as upper-case text, e.g. `"US"`.
    pub fn as_str(&self) -> &str {
        // Always two ASCII letters by construction, so this never falls back.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Debug prints the bare code, as `Currency` does: `US`.
impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeVisitor;

        impl serde::de::Visitor<'_> for CodeVisitor {
            type Value = CountryCode;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a two-letter ISO 3166-1 country code")
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<CountryCode, E> {
                CountryCode::parse(value)
                    .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(value), &self))
            }
        }

        deserializer.deserialize_str(CodeVisitor)
    }
}

/// A postal address: where an order ships to or is billed at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    /// Given name; optional everywhere (shoppers with one name fill `last_name`).
    pub first_name: String,
    /// Family name, or the whole name of a shopper who has only one.
    pub last_name: String,
    /// Company or organization, if the parcel goes to one.
    #[serde(default)]
    pub company: Option<String>,
    /// Street, house number, P.O. box: the first address line.
    pub line1: String,
    /// Apartment, floor, building, neighbourhood: the second address line.
    #[serde(default)]
    pub line2: Option<String>,
    /// City, town, post town, suburb or district, as the country's form calls it.
    pub city: String,
    /// Subdivision code of ISO 3166-2 without the country prefix (`CA`, `13`, `NSW`), or free
    /// text where the country has no list.
    #[serde(default)]
    pub region: Option<String>,
    /// Postal code, as typed or normalized by [`normalize_postal_code`].
    #[serde(default)]
    pub postal_code: Option<String>,
    /// Country of the address.
    pub country: CountryCode,
    /// Phone number for the carrier, with an optional leading `+`.
    #[serde(default)]
    pub phone: Option<String>,
}

impl Address {
    /// An address with a name, the first line and the city; add the other fields with the
    /// `with_` methods.
    ///
    /// ```
    /// use dhow_sdk::address::{validate, Address, CountryCode};
    ///
    /// let us = CountryCode::parse("US").unwrap();
    /// let address = Address::new("Ada", "Lovelace", "350 Fifth Avenue", "New York", us)
    ///     .with_region("NY")
    ///     .with_postal_code("10118");
    /// assert!(validate(&address).is_ok());
    /// ```
    pub fn new(
        first_name: impl Into<String>,
        last_name: impl Into<String>,
        line1: impl Into<String>,
        city: impl Into<String>,
        country: CountryCode,
    ) -> Address {
        Address {
            first_name: first_name.into(),
            last_name: last_name.into(),
            company: None,
            line1: line1.into(),
            line2: None,
            city: city.into(),
            region: None,
            postal_code: None,
            country,
            phone: None,
        }
    }

    /// The same address with a region (state, province, prefecture) code.
    pub fn with_region(mut self, region: impl Into<String>) -> Address {
        self.region = Some(region.into());
        self
    }

    /// The same address with a postal code.
    pub fn with_postal_code(mut self, postal_code: impl Into<String>) -> Address {
        self.postal_code = Some(postal_code.into());
        self
    }

    /// The same address with a phone number.
    pub fn with_phone(mut self, phone: impl Into<String>) -> Address {
        self.phone = Some(phone.into());
        self
    }

    /// The address as a backend should store it: the region as its current code (`US-CA`,
    /// `California` → `CA`) and the postal code in the country's canonical spelling
    /// (`sw1a1aa` → `SW1A 1AA`). Meant for addresses that passed [`validate`].
    ///
    /// ```
    /// use dhow_sdk::address::{Address, CountryCode};
    ///
    /// let gb = CountryCode::parse("GB").unwrap();
    /// let address = Address::new("Ada", "Lovelace", "10 Downing St", "London", gb)
    ///     .with_postal_code("sw1a2aa");
    /// assert_eq!(address.normalized().postal_code.as_deref(), Some("SW1A 2AA"));
    /// ```
    pub fn normalized(&self) -> Address {
        let format = format_for(self.country);
        let mut address = self.clone();
        if let Some(region) = address
            .region
            .as_deref()
            .and_then(|r| format.find_region(r))
        {
            address.region = Some(region.code.to_owned());
        }
        if format.shows(AddressField::PostalCode)
            && let Some(code) = &address.postal_code
        {
            address.postal_code = Some(normalize_postal_code(&format, code));
        }
        address
    }
}

/// One field of an [`Address`] form; its [`name`](AddressField::name) is the field's name in the
/// model and in [`FieldError::field`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AddressField {
    /// [`Address::first_name`].
    FirstName,
    /// [`Address::last_name`].
    LastName,
    /// [`Address::company`].
    Company,
    /// [`Address::line1`].
    Line1,
    /// [`Address::line2`].
    Line2,
    /// [`Address::city`].
    City,
    /// [`Address::region`].
    Region,
    /// [`Address::postal_code`].
    PostalCode,
    /// [`Address::phone`].
    Phone,
}

impl AddressField {
    /// Every field, in the model's order (the order of validation errors).
    const ALL: [AddressField; 9] = [
        AddressField::FirstName,
        AddressField::LastName,
        AddressField::Company,
        AddressField::Line1,
        AddressField::Line2,
        AddressField::City,
        AddressField::Region,
        AddressField::PostalCode,
        AddressField::Phone,
    ];

    /// The field's name in the model: `"first_name"`, `"postal_code"`, …
    ///
    /// ```
    /// use dhow_sdk::address::AddressField;
    ///
    /// assert_eq!(AddressField::PostalCode.name(), "postal_code");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            AddressField::FirstName => "first_name",
            AddressField::LastName => "last_name",
            AddressField::Company => "company",
            AddressField::Line1 => "line1",
            AddressField::Line2 => "line2",
            AddressField::City => "city",
            AddressField::Region => "region",
            AddressField::PostalCode => "postal_code",
            AddressField::Phone => "phone",
        }
    }

    /// Longest accepted value, in characters.
    fn max_chars(self) -> u32 {
        match self {
            AddressField::PostalCode => 20,
            AddressField::Phone => 30,
            _ => 100,
        }
    }

    /// This field's value in `address`; `None` when the field is absent.
    fn value(self, address: &Address) -> Option<&str> {
        match self {
            AddressField::FirstName => Some(&address.first_name),
            AddressField::LastName => Some(&address.last_name),
            AddressField::Company => address.company.as_deref(),
            AddressField::Line1 => Some(&address.line1),
            AddressField::Line2 => address.line2.as_deref(),
            AddressField::City => Some(&address.city),
            AddressField::Region => address.region.as_deref(),
            AddressField::PostalCode => address.postal_code.as_deref(),
            AddressField::Phone => address.phone.as_deref(),
        }
    }
}

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
    /// The code stored in [`Address::region`], e.g. `"CA"`, `"13"`, `"NSW"`.
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
    /// Masks a postal code must fit (see the module documentation), canonical one first; empty
    /// when the postal code is not shown or not checked.
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
            region.code.eq_ignore_ascii_case(code) || eq_ignore_case(region.name, input)
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

/// Checks `address` against its country's form and reports every refused field at once (see the
/// module documentation for the rules). Never panics, whatever the input.
///
/// ```
/// use dhow_sdk::address::{validate, Address, CountryCode};
///
/// let address = Address {
///     first_name: "Jane".into(),
///     last_name: "Doe".into(),
///     company: None,
///     line1: "".into(),
///     line2: None,
///     city: "Mountain View".into(),
///     region: Some("Narnia".into()),
///     postal_code: Some("9404".into()),
///     country: CountryCode::parse("US").unwrap(),
///     phone: None,
/// };
/// let errors = validate(&address).unwrap_err();
/// let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
/// assert_eq!(fields, ["line1", "region", "postal_code"]);
/// ```
pub fn validate(address: &Address) -> Result<(), Vec<FieldError>> {
    let format = format_for(address.country);
    let errors: Vec<FieldError> = AddressField::ALL
        .iter()
        .filter_map(|&field| {
            check_field(&format, field, field.value(address))
                .map(|problem| FieldError::new(field.name(), problem))
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Writes a postal code the way `format`'s country does: cleaned (see the module
/// documentation) and, when it fits one of the country's masks, spelled like the first mask it
/// fits once separators are ignored. A code that fits no mask comes back cleaned only.
///
/// ```
/// use dhow_sdk::address::{format_for, normalize_postal_code, CountryCode};
///
/// let gb = format_for(CountryCode::parse("GB").unwrap());
/// assert_eq!(normalize_postal_code(&gb, " sw1a1aa "), "SW1A 1AA");
/// let jp = format_for(CountryCode::parse("JP").unwrap());
/// assert_eq!(normalize_postal_code(&jp, "1000001"), "100-0001");
/// ```
pub fn normalize_postal_code(format: &AddressFormat, input: &str) -> String {
    let cleaned = clean_postal_code(input);
    if !format
        .postal_patterns
        .iter()
        .any(|mask| mask_matches(mask, &cleaned))
    {
        return cleaned;
    }
    let compact: Vec<char> = cleaned.chars().filter(|&c| !is_separator(c)).collect();
    format
        .postal_patterns
        .iter()
        .find_map(|mask| render_mask(mask, &compact))
        .unwrap_or(cleaned)
}

/// The one problem of `field`, if any (checks in the order the module documentation gives).
fn check_field(
    format: &AddressFormat,
    field: AddressField,
    value: Option<&str>,
) -> Option<Problem> {
    let value = value.map(str::trim).unwrap_or_default();
    if value.is_empty() {
        return format.is_required(field).then_some(Problem::Required);
    }
    let max = field.max_chars();
    if value.chars().nth(max as usize).is_some() {
        return Some(Problem::TooLong { max });
    }
    if value.chars().any(is_unprintable) {
        return Some(Problem::Invalid);
    }
    match field {
        AddressField::PostalCode
            if format.shows(field)
                && !format.postal_patterns.is_empty()
                && !format
                    .postal_patterns
                    .iter()
                    .any(|mask| mask_matches(mask, &clean_postal_code(value))) =>
        {
            Some(Problem::PostalCode {
                example: format.postal_example.unwrap_or_default().to_owned(),
            })
        }
        AddressField::Region
            if format.shows(field)
                && !format.regions.is_empty()
                && format.find_region(value).is_none() =>
        {
            Some(Problem::UnknownRegion)
        }
        AddressField::Phone if !is_phone_number(value) => Some(Problem::Invalid),
        _ => None,
    }
}

/// Characters no address label can carry: controls and line breaks, bidirectional embeddings
/// and overrides, invisible joiners that are not part of a script, pictographs (emoji),
/// private-use, replacement and non-characters.
fn is_unprintable(c: char) -> bool {
    let code = u32::from(c);
    c.is_control()
        || matches!(
            code,
            0x200B                      // zero-width space
            | 0x2028..=0x2029           // line and paragraph separators
            | 0x202A..=0x202E           // bidirectional embeddings and overrides
            | 0x2060..=0x2064           // word joiner, invisible operators
            | 0x2066..=0x2069           // bidirectional isolates
            | 0xFEFF                    // byte order mark
            | 0xFFFD                    // replacement character: text was mis-decoded
            | 0xFE0F                    // emoji presentation selector
            | 0x2600..=0x27BF           // miscellaneous symbols and dingbats
            | 0x2B00..=0x2BFF           // symbols and arrows (⭐, ⬛)
            | 0x1F000..=0x1FAFF         // emoji, playing cards, flags
            | 0xE0000..=0xE007F         // tag characters
            | 0xE000..=0xF8FF           // private use
            | 0xF0000..=0x10FFFF        // supplementary private use
            | 0xFDD0..=0xFDEF           // non-characters
        )
        || code & 0xFFFE == 0xFFFE // non-characters at the end of every plane
}

/// Whether `value` reads as a phone number: digits, an optional leading `+`, and the usual
/// punctuation and spaces; at least four digits. Full-width forms count as their ASCII twins.
fn is_phone_number(value: &str) -> bool {
    let mut digits = 0;
    for (i, c) in value.chars().map(fold_width).enumerate() {
        match c {
            '0'..='9' => digits += 1,
            '+' if i == 0 => {}
            '(' | ')' | '.' | '/' => {}
            c if is_dash(c) || c.is_whitespace() => {}
            _ => return false,
        }
    }
    digits >= 4
}

/// Case-insensitive comparison for region names, which may be non-ASCII (`São Paulo`).
fn eq_ignore_case(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Full-width ASCII forms and the ideographic space, as typed with CJK input methods, to ASCII.
fn fold_width(c: char) -> char {
    match u32::from(c) {
        code @ 0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// Hyphens, dashes, the minus sign and the Japanese long-vowel mark often typed for a hyphen.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF0D}'
    )
}

/// Separators a mask lets the shopper leave out.
fn is_separator(c: char) -> bool {
    c == ' ' || c == '-'
}

/// A postal code as it is compared: see the module documentation.
fn clean_postal_code(input: &str) -> String {
    let mut out = String::with_capacity(input.len().min(32));
    let mut space_pending = false;
    for c in input.chars().map(fold_width) {
        if c.is_whitespace() {
            space_pending = !out.is_empty();
        } else if c != '〒' {
            if space_pending {
                out.push(' ');
                space_pending = false;
            }
            if is_dash(c) {
                out.push('-');
            } else {
                out.extend(c.to_uppercase());
            }
        }
    }
    out
}

/// One element of a mask.
#[derive(Clone, Copy)]
enum MaskItem {
    /// A character class (`9`, `A`, `?`) or a literal that must be typed.
    Char { class: char, literal: bool },
    /// A separator (space or `-`) the shopper may leave out.
    Separator(char),
}

/// The elements of `mask`; a trailing lone `\` matches nothing.
fn mask_items(mask: &str) -> impl Iterator<Item = Option<MaskItem>> + '_ {
    let mut chars = mask.chars();
    std::iter::from_fn(move || {
        let c = chars.next()?;
        Some(match c {
            '\\' => chars.next().map(|class| MaskItem::Char {
                class,
                literal: true,
            }),
            c if is_separator(c) => Some(MaskItem::Separator(c)),
            class => Some(MaskItem::Char {
                class,
                literal: false,
            }),
        })
    })
}

/// Whether the character `c` fits the mask character `class`.
fn fits(class: char, literal: bool, c: char) -> bool {
    match (class, literal) {
        ('9', false) => c.is_ascii_digit(),
        ('A', false) => c.is_ascii_uppercase(),
        ('?', false) => c.is_ascii_digit() || c.is_ascii_uppercase(),
        _ => c == class,
    }
}

/// Whether the cleaned postal code `value` fits `mask`.
fn mask_matches(mask: &str, value: &str) -> bool {
    let mut value = value.chars().peekable();
    for item in mask_items(mask) {
        match item {
            None => return false,
            Some(MaskItem::Separator(sep)) => {
                value.next_if_eq(&sep);
            }
            Some(MaskItem::Char { class, literal }) => match value.next() {
                Some(c) if fits(class, literal, c) => {}
                _ => return false,
            },
        }
    }
    value.next().is_none()
}

/// `compact` (a postal code without separators) written through `mask`, separators included;
/// `None` when it does not fit.
fn render_mask(mask: &str, compact: &[char]) -> Option<String> {
    let mut rest = compact.iter();
    let mut out = String::with_capacity(mask.len());
    for item in mask_items(mask) {
        match item? {
            MaskItem::Separator(sep) => out.push(sep),
            MaskItem::Char { class, literal } => {
                let &c = rest.next()?;
                if !fits(class, literal, c) {
                    return None;
                }
                out.push(c);
            }
        }
    }
    rest.next().is_none().then_some(out)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// A realistic, valid address for every country of the table and for the generic form:
    /// (country, first name, last name, line 1, city, region, postal code); "" means none.
    #[rustfmt::skip]
    const SAMPLES: &[(&str, &str, &str, &str, &str, &str, &str)] = &[
        ("AE", "Fatima", "Al Mansoori", "Sheikh Mohammed bin Rashid Blvd 1", "", "DU", ""),
        ("AR", "Lucía", "Fernández", "Av. Corrientes 1234", "Buenos Aires", "CABA", "C1043AAZ"),
        ("AT", "Lukas", "Gruber", "Stephansplatz 1", "Wien", "", "1010"),
        ("AU", "Olivia", "Smith", "1 Macquarie Street", "Sydney", "NSW", "2000"),
        ("BE", "Lotte", "Peeters", "Grote Markt 1", "Brussel", "", "1000"),
        ("BG", "Georgi", "Ivanov", "bul. Vitosha 1", "Sofia", "", "1000"),
        ("BH", "Ali", "Hassan", "Road 1701, Block 317", "Manama", "", "317"),
        ("BR", "João", "Silva", "Av. Paulista, 1578", "São Paulo", "SP", "01310-200"),
        ("CA", "Émilie", "Tremblay", "111 Wellington Street", "Ottawa", "ON", "K1A 0A9"),
        ("CH", "Anna", "Müller", "Bundesplatz 3", "Bern", "", "3005"),
        ("CL", "Sofía", "González", "Av. Libertador Bernardo O'Higgins 1449", "Santiago", "", "8340457"),
        ("CN", "Wei", "Wang", "1 Chang'an Avenue", "Dongcheng", "BJ", "100006"),
        ("CO", "Valentina", "Rodríguez", "Carrera 7 # 32-16", "Bogotá", "DC", "110311"),
        ("CY", "Andreas", "Georgiou", "Leoforos Makariou III 1", "Lefkosia", "", "1065"),
        ("CZ", "Jan", "Novák", "Václavské náměstí 1", "Praha 1", "", "110 00"),
        ("DE", "Max", "Mustermann", "Platz der Republik 1", "Berlin", "", "11011"),
        ("DK", "Mette", "Jensen", "Christiansborg Slotsplads 1", "København K", "", "1218"),
        ("EE", "Kati", "Tamm", "Vabaduse väljak 1", "Tallinn", "", "10141"),
        ("EG", "Ahmed", "Mohamed", "1 Tahrir Square", "Cairo", "Cairo", "11511"),
        ("ES", "Lucía", "García", "Calle de Alcalá 50", "Madrid", "M", "28014"),
        ("FI", "Aino", "Virtanen", "Mannerheimintie 1", "Helsinki", "", "00100"),
        ("FR", "Camille", "Martin", "55 Rue du Faubourg Saint-Honoré", "Paris", "", "75008"),
        ("GB", "Oliver", "Jones", "10 Downing Street", "London", "", "SW1A 2AA"),
        ("GR", "Maria", "Papadopoulou", "Vasilissis Sofias 1", "Athina", "", "106 71"),
        ("HK", "Tai Man", "Chan", "1 Harbour Road", "Wan Chai", "HK", ""),
        ("HR", "Ivana", "Horvat", "Trg bana Jelačića 1", "Zagreb", "", "10000"),
        ("HU", "Bence", "Nagy", "Kossuth Lajos tér 1", "Budapest", "", "1055"),
        ("ID", "Budi", "Santoso", "Jalan M.H. Thamrin 1", "Jakarta Pusat", "DKI Jakarta", "10310"),
        ("IE", "Seán", "Murphy", "1 Grand Canal Square", "Dublin 2", "Dublin", "D02 P820"),
        ("IL", "Noa", "Cohen", "Rothschild Blvd 1", "Tel Aviv-Yafo", "", "6688101"),
        ("IN", "Priya", "Sharma", "Rajpath", "New Delhi", "DL", "110001"),
        ("IS", "Guðrún", "Jónsdóttir", "Laugavegur 1", "Reykjavík", "", "101"),
        ("IT", "Giulia", "Rossi", "Piazza del Colosseo 1", "Roma", "RM", "00184"),
        ("JP", "Taro", "Yamada", "1-1 Chiyoda", "Chiyoda-ku", "13", "100-8111"),
        ("KE", "Wanjiru", "Kamau", "Kenyatta Avenue", "Nairobi", "", "00100"),
        ("KR", "Min-jun", "Kim", "Sejong-daero 110", "Jung-gu", "Seoul", "04524"),
        ("KW", "Fahad", "Al-Sabah", "Arabian Gulf Street", "Kuwait City", "", "13001"),
        ("LT", "Jonas", "Kazlauskas", "Gedimino pr. 1", "Vilnius", "", "01103"),
        ("LU", "Marie", "Schmit", "17 Rue du Marché-aux-Herbes", "Luxembourg", "", "1728"),
        ("LV", "Anna", "Bērziņa", "Brīvības iela 1", "Rīga", "", "LV-1010"),
        ("MT", "Maria", "Borg", "Republic Street", "Valletta", "", "VLT 1117"),
        ("MX", "José", "Hernández", "Av. Paseo de la Reforma 505", "Ciudad de México", "CMX", "06500"),
        ("MY", "Aisyah", "Abdullah", "Jalan Ampang", "Kuala Lumpur", "14", "50450"),
        ("NG", "Chinedu", "Okafor", "1 Marina Road", "Lagos", "Lagos", "101001"),
        ("NL", "Daan", "de Vries", "Dam 1", "Amsterdam", "", "1012 JS"),
        ("NO", "Ingrid", "Hansen", "Karl Johans gate 22", "Oslo", "", "0154"),
        ("NZ", "Aroha", "Williams", "1 Queen Street", "Auckland", "", "1010"),
        ("OM", "Said", "Al Busaidi", "Way 3019", "Muscat", "", "113"),
        ("PE", "Diego", "Quispe", "Av. Javier Prado Este 4200", "Lima", "LMA", "15023"),
        ("PH", "Maria", "Santos", "1 Roxas Boulevard", "Manila", "Metro Manila", "1000"),
        ("PL", "Anna", "Kowalska", "ul. Marszałkowska 1", "Warszawa", "", "00-624"),
        ("PR", "Carlos", "Rivera", "1 Calle Fortaleza", "San Juan", "", "00901"),
        ("PT", "Inês", "Santos", "Praça do Comércio", "Lisboa", "", "1100-148"),
        ("QA", "Mohammed", "Al Thani", "Al Corniche Street", "Doha", "", ""),
        ("RO", "Andrei", "Popescu", "Strada Lipscani 1", "București", "", "030031"),
        ("SA", "Abdullah", "Al-Qahtani", "King Fahd Road", "Riyadh", "", "11564"),
        ("SE", "Elsa", "Andersson", "Drottninggatan 1", "Stockholm", "", "111 51"),
        ("SG", "Wei Ling", "Tan", "10 Bayfront Avenue", "", "", "018956"),
        ("SI", "Luka", "Novak", "Prešernov trg 1", "Ljubljana", "", "1000"),
        ("SK", "Peter", "Horváth", "Hlavné námestie 1", "Bratislava", "", "811 01"),
        ("TH", "Somchai", "Srisuk", "1 Thanon Na Phra Lan", "Phra Nakhon", "Bangkok", "10200"),
        ("TR", "Elif", "Yılmaz", "İstiklal Caddesi No:1", "Beyoğlu", "İstanbul", "34433"),
        ("TW", "Chih-wei", "Lin", "No. 7, Sec. 5, Xinyi Rd.", "Xinyi District", "TPE", "110"),
        ("US", "Jane", "Doe", "1600 Amphitheatre Parkway", "Mountain View", "CA", "94043"),
        ("VN", "An", "Nguyễn", "1 Công xã Paris", "Quận 1", "Hồ Chí Minh", "70000"),
        ("ZA", "Thabo", "Nkosi", "1 Long Street", "Cape Town", "", "8001"),
        ("ZZ", "Alex", "Doe", "1 Main Street", "Somewhere", "", ""),
    ];

    fn code(text: &str) -> CountryCode {
        CountryCode::parse(text).expect("a valid country code")
    }

    fn some(text: &str) -> Option<String> {
        (!text.is_empty()).then(|| text.to_owned())
    }

    fn sample(country: &str) -> Address {
        let &(_, first, last, line1, city, region, postal) = SAMPLES
            .iter()
            .find(|s| s.0 == country)
            .unwrap_or_else(|| panic!("no sample address for {country}"));
        Address {
            first_name: first.to_owned(),
            last_name: last.to_owned(),
            company: None,
            line1: line1.to_owned(),
            line2: None,
            city: city.to_owned(),
            region: some(region),
            postal_code: some(postal),
            country: code(country),
            phone: None,
        }
    }

    fn set(address: &mut Address, field: AddressField, value: Option<&str>) {
        let owned = value.map(str::to_owned);
        let text = owned.clone().unwrap_or_default();
        match field {
            AddressField::FirstName => address.first_name = text,
            AddressField::LastName => address.last_name = text,
            AddressField::Company => address.company = owned,
            AddressField::Line1 => address.line1 = text,
            AddressField::Line2 => address.line2 = owned,
            AddressField::City => address.city = text,
            AddressField::Region => address.region = owned,
            AddressField::PostalCode => address.postal_code = owned,
            AddressField::Phone => address.phone = owned,
        }
    }

    fn only(field: AddressField, problem: Problem) -> Result<(), Vec<FieldError>> {
        Err(vec![FieldError::new(field.name(), problem)])
    }

    fn table_and_generic() -> impl Iterator<Item = CountryCode> {
        countries().chain([code("ZZ")])
    }

    // --- country codes ---

    #[test]
    fn country_codes_parse_in_either_case_and_print_upper_case() {
        let us = code("us");
        assert_eq!(us, code("US"));
        assert_eq!(code("uS").as_str(), "US");
        assert_eq!(us.to_string(), "US");
        assert_eq!(format!("{us:?}"), "US");
        assert!(code("AT") < code("AU") && code("AU") < code("BE"));
        for bad in ["", "U", "USA", "U1", "12", "U ", " US", "ü", "éu", "U-"] {
            assert_eq!(CountryCode::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn country_codes_serialize_as_their_string() {
        let jp = code("JP");
        assert_eq!(serde_json::to_string(&jp).unwrap(), "\"JP\"");
        assert_eq!(serde_json::from_str::<CountryCode>("\"jp\"").unwrap(), jp);
        assert!(serde_json::from_str::<CountryCode>("\"JPN\"").is_err());
        assert!(serde_json::from_str::<CountryCode>("81").is_err());
    }

    // --- the model ---

    #[test]
    fn field_names_are_the_model_names_and_their_serde_names() {
        let json = serde_json::to_value(sample("US")).unwrap();
        for field in AddressField::ALL {
            assert!(json.get(field.name()).is_some(), "{field:?}");
            assert_eq!(serde_json::to_value(field).unwrap(), field.name());
        }
    }

    #[test]
    fn addresses_round_trip_through_json_and_optional_fields_may_be_left_out() {
        let mut address = sample("GB");
        address.company = Some("Cabinet Office".into());
        address.phone = Some("+44 20 7930 4433".into());
        let json = serde_json::to_string(&address).unwrap();
        assert_eq!(serde_json::from_str::<Address>(&json).unwrap(), address);

        let minimal =
            r#"{"first_name":"","last_name":"Doe","line1":"1 Main St","city":"X","country":"de"}"#;
        let parsed: Address = serde_json::from_str(minimal).unwrap();
        assert_eq!(parsed.country, code("DE"));
        assert_eq!(
            (parsed.region, parsed.postal_code, parsed.phone),
            (None, None, None)
        );
        assert!(
            serde_json::from_str::<Address>(&minimal.replace("\"de\"", "\"Germany\"")).is_err()
        );
    }

    #[test]
    fn formats_serialize_for_the_app() {
        let json = serde_json::to_value(format_for(code("JP"))).unwrap();
        assert_eq!(json["country"], "JP");
        assert_eq!(json["rows"][2][0], "postal_code");
        assert_eq!(json["region_label"], "prefecture");
        assert_eq!(json["regions"][12]["code"], "13");
    }

    // --- the table, country by country ---

    #[test]
    fn every_country_has_a_sample_that_passes() {
        for country in table_and_generic() {
            let address = sample(country.as_str());
            assert_eq!(validate(&address), Ok(()), "{country}: {address:?}");
        }
        for &(country, ..) in SAMPLES {
            let listed = countries().any(|c| c.as_str() == country);
            assert!(
                listed || country == "ZZ",
                "sample for {country}, which is not in the table"
            );
        }
    }

    #[test]
    fn each_required_field_left_empty_is_reported_alone() {
        for country in table_and_generic() {
            let format = format_for(country);
            for &field in format.required {
                for empty in [None, Some(""), Some(" \t\u{3000} ")] {
                    let mut address = sample(country.as_str());
                    set(&mut address, field, empty);
                    assert_eq!(
                        validate(&address),
                        only(field, Problem::Required),
                        "{country}: {field:?} = {empty:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn optional_fields_may_be_left_empty() {
        for country in table_and_generic() {
            let format = format_for(country);
            for field in AddressField::ALL
                .into_iter()
                .filter(|f| !format.is_required(*f))
            {
                let mut address = sample(country.as_str());
                set(&mut address, field, None);
                assert_eq!(validate(&address), Ok(()), "{country}: {field:?}");
            }
        }
    }

    #[test]
    fn a_wrong_postal_code_is_refused_with_the_country_example() {
        for country in countries() {
            let format = format_for(country);
            let Some(example) = format.postal_example else {
                continue;
            };
            for wrong in ["ZZZZZZZZZZ", "1", "123456789012", "12-34-56"] {
                let mut address = sample(country.as_str());
                address.postal_code = Some(wrong.into());
                assert_eq!(
                    validate(&address),
                    only(
                        AddressField::PostalCode,
                        Problem::PostalCode {
                            example: example.into()
                        }
                    ),
                    "{country}: {wrong}"
                );
            }
        }
    }

    #[test]
    fn countries_without_postal_codes_ignore_one_given_anyway() {
        for country in ["HK", "AE", "QA"] {
            let format = format_for(code(country));
            assert!(!format.shows(AddressField::PostalCode), "{country}");
            assert!(format.postal_patterns.is_empty() && format.postal_example.is_none());
            let mut address = sample(country);
            assert_eq!(address.postal_code, None);
            assert_eq!(validate(&address), Ok(()), "{country}");
            address.postal_code = Some("00000 or anything".into());
            assert_eq!(validate(&address), Ok(()), "{country}");
            // Length and characters are still checked: garbage is never stored.
            address.postal_code = Some("0".repeat(21));
            assert_eq!(
                validate(&address),
                only(AddressField::PostalCode, Problem::TooLong { max: 20 })
            );
        }
    }

    #[test]
    fn fields_a_country_does_not_show_are_not_checked_against_its_lists() {
        let mut germany = sample("DE");
        germany.region = Some("Bavaria".into());
        assert_eq!(validate(&germany), Ok(()));
        let mut emirates = sample("AE");
        emirates.city = "Dubai".into();
        assert_eq!(validate(&emirates), Ok(()));
    }

    #[test]
    fn an_unknown_region_is_refused_where_the_country_has_a_list() {
        for country in countries() {
            let format = format_for(country);
            if format.regions.is_empty() {
                continue;
            }
            for wrong in ["Atlantis", "XX", "ZZZ-CA", "99", "C A"] {
                let mut address = sample(country.as_str());
                address.region = Some(wrong.into());
                assert_eq!(
                    validate(&address),
                    only(AddressField::Region, Problem::UnknownRegion),
                    "{country}: {wrong}"
                );
            }
        }
    }

    #[test]
    fn a_region_is_accepted_by_code_prefixed_code_or_name_in_any_case() {
        for country in countries() {
            let format = format_for(country);
            for region in format.regions {
                let forms = [
                    region.code.to_owned(),
                    region.code.to_ascii_lowercase(),
                    format!(
                        " {}-{} ",
                        country.as_str().to_ascii_lowercase(),
                        region.code
                    ),
                    region.name.to_owned(),
                    region.name.to_uppercase(),
                    region.name.to_lowercase(),
                ];
                for form in forms {
                    assert_eq!(format.find_region(&form), Some(region), "{country}: {form}");
                    let mut address = sample(country.as_str());
                    address.region = Some(form.clone());
                    assert_eq!(validate(&address), Ok(()), "{country}: {form}");
                }
            }
        }
    }

    #[test]
    fn former_iso_codes_find_the_current_region() {
        let india = format_for(code("IN"));
        for (former, current) in [("CT", "CG"), ("or", "OD"), ("IN-TG", "TS"), ("UT", "UK")] {
            assert_eq!(
                india.find_region(former).map(|r| r.code),
                Some(current),
                "{former}"
            );
        }
        // Only in the country that renamed them.
        assert_eq!(
            format_for(code("US")).find_region("OR").map(|r| r.name),
            Some("Oregon")
        );
        assert_eq!(
            format_for(code("US")).find_region("UT").map(|r| r.name),
            Some("Utah")
        );
    }

    #[test]
    fn a_region_is_free_text_where_the_country_has_no_list() {
        for (country, region) in [
            ("IT", "Milano"),
            ("KR", "서울특별시"),
            ("TH", "Bangkok"),
            ("ZZ", "Anywhere"),
        ] {
            let mut address = sample(country);
            address.region = Some(region.into());
            assert_eq!(validate(&address), Ok(()), "{country}");
        }
    }

    #[test]
    fn an_unlisted_country_gets_the_generic_form() {
        for unlisted in ["ZZ", "AQ", "zw"] {
            let format = format_for(code(unlisted));
            assert_eq!(format.country, code(unlisted));
            assert_eq!(format.rows, formats::generic(code("ZZ")).rows);
            assert!(format.shows(AddressField::PostalCode) && format.shows(AddressField::Region));
            assert_eq!(
                format.required,
                &[
                    AddressField::LastName,
                    AddressField::Line1,
                    AddressField::City
                ]
            );
            assert!(format.regions.is_empty() && format.postal_patterns.is_empty());
        }
        let mut address = sample("ZZ");
        address.country = code("AQ");
        address.postal_code = Some("anything-12 goes".into());
        address.region = Some("Ross Dependency".into());
        assert_eq!(validate(&address), Ok(()));
        address.postal_code = Some("x".repeat(21));
        assert_eq!(
            validate(&address),
            only(AddressField::PostalCode, Problem::TooLong { max: 20 })
        );
    }

    #[test]
    fn japan_writes_the_postal_code_first_and_the_family_name_first() {
        let jp = format_for(code("JP"));
        use AddressField::*;
        assert_eq!(
            jp.rows,
            &[
                &[LastName, FirstName][..],
                &[Company],
                &[PostalCode],
                &[Region, City],
                &[Line1],
                &[Line2],
                &[Phone],
            ]
        );
        assert_eq!(
            (jp.postal_label, jp.region_label),
            (PostalLabel::PostalCode, RegionLabel::Prefecture)
        );
        let us = format_for(code("US"));
        assert_eq!(us.rows[4], &[City, Region, PostalCode]);
        assert_eq!(
            (us.postal_label, us.region_label),
            (PostalLabel::ZipCode, RegionLabel::State)
        );
        assert_eq!(format_for(code("GB")).city_label, CityLabel::PostTown);
        assert_eq!(format_for(code("IE")).postal_label, PostalLabel::Eircode);
        assert_eq!(format_for(code("IN")).postal_label, PostalLabel::Pin);
        assert_eq!(format_for(code("AE")).region_label, RegionLabel::Emirate);
    }

    // --- postal code masks ---

    fn accepts(country: &str, postal: &str) -> bool {
        let format = format_for(code(country));
        let mut address = sample(country);
        address.postal_code = Some(postal.into());
        format.shows(AddressField::PostalCode) && validate(&address).is_ok()
    }

    #[test]
    fn postal_codes_of_every_shape_are_told_apart() {
        #[rustfmt::skip]
        let good = [
            ("US", "95014"), ("US", "22162-1010"), ("US", " 22162-1010 "),
            ("CA", "K1A 0B1"), ("CA", "k1a0b1"), ("CA", "K1A  0B1"),
            ("GB", "M1 1AE"), ("GB", "B33 8TH"), ("GB", "CR2 6XH"), ("GB", "DN55 1PT"),
            ("GB", "W1A 0AX"), ("GB", "EC1A 1BB"), ("GB", "GIR 0AA"), ("GB", "gir0aa"),
            ("GB", "BFPO 61"), ("GB", "sw1a1aa"),
            ("NL", "1234 AB"), ("NL", "1234ab"),
            ("JP", "154-0023"), ("JP", "1540023"), ("JP", "〒154-0023"), ("JP", "１５４－００２３"),
            ("JP", "154ー0023"),
            ("BR", "40301-110"), ("BR", "40301110"),
            ("IE", "A65 F4E2"), ("IE", "a65f4e2"), ("IE", "D6W 1234"), ("IE", "D02 X285"),
            ("PL", "00-950"), ("PT", "1250-096"), ("SE", "11455"), ("SE", "114 55"),
            ("CZ", "110 00"), ("AR", "C1070AAM"), ("AR", "1070"), ("IN", "110 001"),
            ("TW", "106"), ("TW", "10603"), ("TW", "106409"), ("MT", "BZN 1130"), ("MT", "NXR01"),
            ("LV", "LV-1073"), ("LV", "lv1073"), ("LV", "1073"), ("OM", "PC 133"), ("SA", "11564-2345"),
            ("IL", "96143"), ("FR", "75 008"), ("KR", "03051"),
        ];
        for (country, postal) in good {
            assert!(
                accepts(country, postal),
                "{country} should accept {postal:?}"
            );
        }
        #[rustfmt::skip]
        let bad = [
            ("US", "9501"), ("US", "950145"), ("US", "95014 1010"), ("US", "95014-"), ("US", "ABCDE"),
            ("CA", "K1A 0B"), ("CA", "1KA 0B1"), ("CA", "K1A-0B1"),
            ("GB", "SW1A"), ("GB", "SW1A 1A"), ("GB", "1SW 1AA"), ("GB", "GIR 0AB"), ("GB", "BFPO"),
            ("NL", "1234 A1"), ("NL", "123 AB"),
            ("JP", "154-002"), ("JP", "154 0023"), ("JP", "15400230"),
            ("BR", "4030-1110"), ("IE", "A6 F4E2"), ("IE", "AA5 F4E2"), ("IE", "D6X 1234"),
            ("PL", "0-0950"), ("SE", "11-455"), ("DE", "1234"), ("DE", "123456"), ("DE", "１２３４"),
            ("KR", "110-110"), ("MT", "BZ 113"), ("IS", "1010"), ("FR", "7 5008"),
        ];
        for (country, postal) in bad {
            assert!(
                !accepts(country, postal),
                "{country} should refuse {postal:?}"
            );
        }
    }

    #[test]
    fn postal_codes_normalize_to_the_country_spelling() {
        let cases = [
            ("GB", "sw1a1aa", "SW1A 1AA"),
            ("GB", " ec1a   1bb ", "EC1A 1BB"),
            ("GB", "m11ae", "M1 1AE"),
            ("GB", "gir0aa", "GIR 0AA"),
            ("GB", "bfpo61", "BFPO 61"),
            ("JP", "1000001", "100-0001"),
            ("JP", "〒１００－０００１", "100-0001"),
            ("CA", "k1a0b1", "K1A 0B1"),
            ("NL", "1234ab", "1234 AB"),
            ("BR", "40301110", "40301-110"),
            ("US", "22162-1010", "22162-1010"),
            ("US", "95014", "95014"),
            ("SE", "11455", "114 55"),
            ("IN", "110 001", "110001"),
            ("FR", "75 008", "75008"),
            ("IE", "a65f4e2", "A65 F4E2"),
            ("LV", "lv1073", "LV-1073"),
            ("LV", "1073", "1073"),
            ("OM", "pc133", "PC 133"),
            ("MT", "vlt1117", "VLT 1117"),
            ("PL", "00950", "00-950"),
            // Not a valid code: cleaned only.
            ("US", " 9501 4 ", "9501 4"),
            ("DE", "abc\u{3000}\u{3000}def", "ABC DEF"),
        ];
        for (country, input, expected) in cases {
            let format = format_for(code(country));
            assert_eq!(
                normalize_postal_code(&format, input),
                expected,
                "{country}: {input:?}"
            );
        }
        // Unchecked and absent postal codes are cleaned only.
        assert_eq!(
            normalize_postal_code(&format_for(code("ZZ")), " ab  12 "),
            "AB 12"
        );
        assert_eq!(
            normalize_postal_code(&format_for(code("HK")), "999077"),
            "999077"
        );
    }

    // --- garbage in, errors out, never a panic ---

    #[test]
    fn empty_strings_everywhere_report_every_required_field() {
        let mut address = sample("US");
        for field in AddressField::ALL {
            set(&mut address, field, Some(""));
        }
        let fields: Vec<String> = validate(&address)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            ["last_name", "line1", "city", "region", "postal_code"]
        );
    }

    #[test]
    fn every_problem_is_reported_at_once_in_field_order() {
        let mut address = sample("US");
        address.first_name = "x".repeat(101);
        address.last_name = "   ".into();
        address.company = Some("Acme\u{0}".into());
        address.city = "Mountain\nView".into();
        address.region = Some("Ontario".into());
        address.postal_code = Some("K1A 0B1".into());
        address.phone = Some("call me".into());
        assert_eq!(
            validate(&address),
            Err(vec![
                FieldError::new("first_name", Problem::TooLong { max: 100 }),
                FieldError::new("last_name", Problem::Required),
                FieldError::new("company", Problem::Invalid),
                FieldError::new("city", Problem::Invalid),
                FieldError::new("region", Problem::UnknownRegion),
                FieldError::new(
                    "postal_code",
                    Problem::PostalCode {
                        example: "95014".into()
                    }
                ),
                FieldError::new("phone", Problem::Invalid),
            ])
        );
    }

    #[test]
    fn ten_kilobyte_values_are_too_long() {
        let huge = "é".repeat(10 * 1024);
        let mut address = sample("FR");
        for field in AddressField::ALL {
            set(&mut address, field, Some(&huge));
        }
        let errors = validate(&address).unwrap_err();
        assert_eq!(errors.len(), AddressField::ALL.len());
        for (error, field) in errors.iter().zip(AddressField::ALL) {
            assert_eq!(error.field, field.name());
            assert_eq!(
                error.problem,
                Problem::TooLong {
                    max: field.max_chars()
                }
            );
        }
        // The limits count characters, not bytes.
        address = sample("FR");
        address.line1 = "é".repeat(100);
        assert_eq!(validate(&address), Ok(()));
    }

    #[test]
    fn emoji_and_control_characters_are_refused() {
        let garbage = [
            "Rue 🎉 1",
            "❤ Street",
            "Street\u{FE0F}",
            "🇫🇷",
            "Line\nbreak",
            "Tab\there",
            "Bell\u{7}",
            "Null\u{0}",
            "\u{202E}evil",
            "Zero\u{200B}width",
            "Mis\u{FFFD}decoded",
            "Private\u{E000}",
            "Non\u{FFFF}char",
            "Delete\u{7F}",
            "C1\u{85}control",
        ];
        for text in garbage {
            for field in AddressField::ALL {
                let mut address = sample("DE");
                set(&mut address, field, Some(text));
                let errors = validate(&address).unwrap_err();
                assert_eq!(
                    errors,
                    vec![FieldError::new(field.name(), Problem::Invalid)],
                    "{field:?}: {text:?}"
                );
            }
        }
    }

    #[test]
    fn real_world_scripts_are_accepted() {
        let mut address = sample("JP");
        address.last_name = "山田".into();
        address.first_name = "太郎".into();
        address.line1 = "千代田1-1".into();
        address.line2 = Some("皇居ビル３Ｆ".into());
        address.city = "千代田区".into();
        address.region = Some("Tokyo".into());
        address.postal_code = Some("１００－８１１１".into());
        address.phone = Some("０３－３２１３－１１１１".into());
        assert_eq!(validate(&address), Ok(()));

        for (country, line) in [
            ("IL", "רחוב הרצל 1\u{200F}"),
            ("AE", "شارع الشيخ زايد 1"),
            ("IN", "क्\u{200D}ष 12, गली"),
            ("GR", "Οδός Ερμού 1"),
            ("KR", "세종대로 110"),
            ("VN", "Số 1 Đường Lê Lợi"),
        ] {
            let mut address = sample(country);
            address.line1 = line.into();
            assert_eq!(validate(&address), Ok(()), "{country}: {line}");
        }
    }

    #[test]
    fn phones_are_digits_and_punctuation() {
        for good in [
            "+1 (650) 253-0000",
            "030 227 32152",
            "+81-3-3213-1111",
            "0312.345.678",
            "１２３４５",
            "0800/123456",
        ] {
            let mut address = sample("US");
            address.phone = Some(good.into());
            assert_eq!(validate(&address), Ok(()), "{good}");
        }
        for bad in [
            "call me",
            "+1 650 CALL NOW",
            "555-01x2",
            "1+650",
            "++1 650",
            "+",
            "123",
            "12 3",
            "☎ 12345",
        ] {
            let mut address = sample("US");
            address.phone = Some(bad.into());
            assert_eq!(
                validate(&address),
                only(AddressField::Phone, Problem::Invalid),
                "{bad}"
            );
        }
        let mut address = sample("US");
        address.phone = Some("1".repeat(31));
        assert_eq!(
            validate(&address),
            only(AddressField::Phone, Problem::TooLong { max: 30 })
        );
    }

    fn any_country() -> impl Strategy<Value = CountryCode> {
        let listed: Vec<CountryCode> = table_and_generic().collect();
        prop_oneof![
            proptest::sample::select(listed),
            "[A-Za-z]{2}".prop_map(|c| code(&c)),
        ]
    }

    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[ 0-9A-Za-z\\-]{0,12}",
            "\\PC{0,150}",
            Just(String::new()),
            Just(" ".repeat(3)),
        ]
    }

    proptest! {
        #[test]
        fn validation_never_panics_and_reports_each_field_once(
            country in any_country(),
            texts in proptest::collection::vec(any_text(), 9),
            present in proptest::collection::vec(any::<bool>(), 9),
        ) {
            let mut address = sample("ZZ");
            address.country = country;
            for (i, field) in AddressField::ALL.into_iter().enumerate() {
                set(&mut address, field, present[i].then_some(texts[i].as_str()));
            }
            if let Err(errors) = validate(&address) {
                prop_assert!(!errors.is_empty());
                let order: Vec<usize> = errors
                    .iter()
                    .map(|e| AddressField::ALL.iter().position(|f| f.name() == e.field).unwrap())
                    .collect();
                prop_assert!(order.windows(2).all(|w| w[0] < w[1]), "{:?}", errors);
            }
        }

        #[test]
        fn normalizing_never_panics_and_is_stable(country in any_country(), input in any_text()) {
            let format = format_for(country);
            let once = normalize_postal_code(&format, &input);
            prop_assert_eq!(normalize_postal_code(&format, &once), once.clone());
        }

        #[test]
        fn a_valid_postal_code_stays_valid_once_normalized(
            country in proptest::sample::select(countries().collect::<Vec<_>>()),
            input in "[ 0-9A-Za-z\\-]{1,10}",
        ) {
            let mut address = sample(country.as_str());
            address.postal_code = Some(input.clone());
            if validate(&address).is_ok() {
                let format = format_for(country);
                address.postal_code = Some(normalize_postal_code(&format, &input));
                prop_assert_eq!(validate(&address), Ok(()));
            }
        }
    }
}
