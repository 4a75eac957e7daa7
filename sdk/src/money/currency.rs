//! ISO 4217 currencies with their number of minor-unit digits.
//!
//! A table by hand rather than a currency crate: the storefront needs only the code and the
//! exponent (names and symbols come from the browser's `Intl`), so the table stays a few hundred
//! bytes in the wasm bundle.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::MoneyError;

/// An active ISO 4217 currency: its three-letter code and its number of decimals.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency {
    code: [u8; 3],
    exponent: u8,
}

impl Currency {
    /// US dollar.
    pub const USD: Currency = Currency::new(*b"USD", 2);
    /// Euro.
    pub const EUR: Currency = Currency::new(*b"EUR", 2);
    /// Pound sterling.
    pub const GBP: Currency = Currency::new(*b"GBP", 2);
    /// Japanese yen: no minor unit.
    pub const JPY: Currency = Currency::new(*b"JPY", 0);

    const fn new(code: [u8; 3], exponent: u8) -> Currency {
        Currency { code, exponent }
    }

    /// The currency for an ISO 4217 code (upper case, as ISO writes it); `None` if it is not an
    /// active currency.
    pub fn from_code(code: &str) -> Option<Currency> {
        let bytes: [u8; 3] = code.as_bytes().try_into().ok()?;
        TABLE
            .binary_search_by(|(c, _)| c.cmp(&bytes))
            .ok()
            .map(|i| Currency::new(TABLE[i].0, TABLE[i].1))
    }

    /// The three-letter code, `"EUR"`.
    pub fn code(&self) -> &str {
        // The table holds ASCII letters only.
        std::str::from_utf8(&self.code).unwrap_or("XXX")
    }

    /// Digits after the decimal point: 2 for EUR, 0 for JPY, 3 for KWD.
    pub const fn exponent(&self) -> u8 {
        self.exponent
    }

    /// Every active currency, sorted by code.
    pub fn all() -> impl Iterator<Item = Currency> {
        TABLE.iter().map(|(c, e)| Currency::new(*c, *e))
    }
}

/// Active ISO 4217 currencies (list one, as maintained by SIX), sorted by code.
const TABLE: &[([u8; 3], u8)] = &[
    (*b"AED", 2),
    (*b"AUD", 2),
    (*b"BHD", 3),
    (*b"BRL", 2),
    (*b"CAD", 2),
    (*b"CHF", 2),
    (*b"CNY", 2),
    (*b"EUR", 2),
    (*b"GBP", 2),
    (*b"JOD", 3),
    (*b"JPY", 0),
    (*b"KWD", 3),
    (*b"TND", 3),
    (*b"USD", 2),
];

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Currency {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::from_code(s).ok_or_else(|| MoneyError::UnknownCurrency(s.to_owned()))
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = std::borrow::Cow::<str>::deserialize(deserializer)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}
