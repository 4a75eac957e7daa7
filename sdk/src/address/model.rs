//! The address a shopper fills in: [`Address`], its [`AddressField`]s and the [`CountryCode`]
//! that picks the country's form.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{format_for, normalize_postal_code};

/// An ISO 3166-1 alpha-2 country code, always two upper-case ASCII letters (`US`, `JP`).
///
/// Any two letters are accepted, so that a country missing from the table still gets the generic
/// form; serialized as the two-letter string.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
// `pub(super)` so that the country table can write its codes in `const` items (a test checks
// them); outside `address` only `parse` makes one, which keeps the two capitals.
pub struct CountryCode(pub(super) [u8; 2]);

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
    /// (`sw1a1aa` → `SW1A 1AA`). Meant for addresses that passed [`validate`](super::validate).
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
/// model and in [`FieldError::field`](crate::FieldError::field).
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
    pub(super) const ALL: [AddressField; 9] = [
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
    pub(super) fn max_chars(self) -> u32 {
        match self {
            AddressField::PostalCode => 20,
            AddressField::Phone => 30,
            _ => 100,
        }
    }

    /// This field's value in `address`; `None` when the field is absent.
    pub(super) fn value(self, address: &Address) -> Option<&str> {
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
