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
    /// UAE dirham.
    pub const AED: Currency = Currency::new(*b"AED", 2);
    /// Australian dollar.
    pub const AUD: Currency = Currency::new(*b"AUD", 2);
    /// Brazilian real.
    pub const BRL: Currency = Currency::new(*b"BRL", 2);
    /// Canadian dollar.
    pub const CAD: Currency = Currency::new(*b"CAD", 2);
    /// Swiss franc: two decimals, though cash is paid in steps of 0.05.
    pub const CHF: Currency = Currency::new(*b"CHF", 2);
    /// Chinese yuan renminbi.
    pub const CNY: Currency = Currency::new(*b"CNY", 2);
    /// Euro.
    pub const EUR: Currency = Currency::new(*b"EUR", 2);
    /// Pound sterling.
    pub const GBP: Currency = Currency::new(*b"GBP", 2);
    /// Indian rupee.
    pub const INR: Currency = Currency::new(*b"INR", 2);
    /// Japanese yen: no minor unit.
    pub const JPY: Currency = Currency::new(*b"JPY", 0);
    /// South Korean won: no minor unit.
    pub const KRW: Currency = Currency::new(*b"KRW", 0);
    /// Kuwaiti dinar: three decimals (1000 fils).
    pub const KWD: Currency = Currency::new(*b"KWD", 3);
    /// Mexican peso.
    pub const MXN: Currency = Currency::new(*b"MXN", 2);
    /// Swedish krona.
    pub const SEK: Currency = Currency::new(*b"SEK", 2);
    /// US dollar.
    pub const USD: Currency = Currency::new(*b"USD", 2);

    const fn new(code: [u8; 3], exponent: u8) -> Currency {
        Currency { code, exponent }
    }

    /// The currency for an ISO 4217 code; `None` if it is not an active currency.
    ///
    /// Lower case is accepted (`"eur"` is EUR): codes typed by people or taken from a URL or a
    /// locale are often lower case, and no two ISO codes differ in case only.
    ///
    /// ```
    /// use dhow_sdk::Currency;
    ///
    /// assert_eq!(Currency::from_code("chf"), Some(Currency::CHF));
    /// assert_eq!(Currency::from_code("KWD").map(|c| c.exponent()), Some(3));
    /// assert_eq!(Currency::from_code("HRK"), None); // replaced by the euro in 2023
    /// ```
    pub fn from_code(code: &str) -> Option<Currency> {
        let mut bytes: [u8; 3] = code.as_bytes().try_into().ok()?;
        bytes.make_ascii_uppercase();
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

/// Active ISO 4217 currencies (list one, as maintained by SIX), sorted by code because
/// [`Currency::from_code`] searches it by halves.
///
/// Fund codes with a minor unit are included (CLF, UYI, UYW, CHE, …): Chilean and Uruguayan
/// prices are quoted in them. Units without a minor unit (gold XAU, XDR, XXX, …) are not money a
/// shopper pays. Withdrawn and left out: ANG (replaced by XCG in 2025), BGN (the euro from
/// 2026-01-01), HRK (the euro from 2023), SLL (replaced by SLE), ZWL (replaced by ZWG), VEF.
#[rustfmt::skip]
const TABLE: &[([u8; 3], u8)] = &[
    (*b"AED", 2), (*b"AFN", 2), (*b"ALL", 2), (*b"AMD", 2), (*b"AOA", 2), (*b"ARS", 2),
    (*b"AUD", 2), (*b"AWG", 2), (*b"AZN", 2), (*b"BAM", 2), (*b"BBD", 2), (*b"BDT", 2),
    (*b"BHD", 3), (*b"BIF", 0), (*b"BMD", 2), (*b"BND", 2), (*b"BOB", 2), (*b"BOV", 2),
    (*b"BRL", 2), (*b"BSD", 2), (*b"BTN", 2), (*b"BWP", 2), (*b"BYN", 2), (*b"BZD", 2),
    (*b"CAD", 2), (*b"CDF", 2), (*b"CHE", 2), (*b"CHF", 2), (*b"CHW", 2), (*b"CLF", 4),
    (*b"CLP", 0), (*b"CNY", 2), (*b"COP", 2), (*b"COU", 2), (*b"CRC", 2), (*b"CUC", 2),
    (*b"CUP", 2), (*b"CVE", 2), (*b"CZK", 2), (*b"DJF", 0), (*b"DKK", 2), (*b"DOP", 2),
    (*b"DZD", 2), (*b"EGP", 2), (*b"ERN", 2), (*b"ETB", 2), (*b"EUR", 2), (*b"FJD", 2),
    (*b"FKP", 2), (*b"GBP", 2), (*b"GEL", 2), (*b"GHS", 2), (*b"GIP", 2), (*b"GMD", 2),
    (*b"GNF", 0), (*b"GTQ", 2), (*b"GYD", 2), (*b"HKD", 2), (*b"HNL", 2), (*b"HTG", 2),
    (*b"HUF", 2), (*b"IDR", 2), (*b"ILS", 2), (*b"INR", 2), (*b"IQD", 3), (*b"IRR", 2),
    (*b"ISK", 0), (*b"JMD", 2), (*b"JOD", 3), (*b"JPY", 0), (*b"KES", 2), (*b"KGS", 2),
    (*b"KHR", 2), (*b"KMF", 0), (*b"KPW", 2), (*b"KRW", 0), (*b"KWD", 3), (*b"KYD", 2),
    (*b"KZT", 2), (*b"LAK", 2), (*b"LBP", 2), (*b"LKR", 2), (*b"LRD", 2), (*b"LSL", 2),
    (*b"LYD", 3), (*b"MAD", 2), (*b"MDL", 2), (*b"MGA", 2), (*b"MKD", 2), (*b"MMK", 2),
    (*b"MNT", 2), (*b"MOP", 2), (*b"MRU", 2), (*b"MUR", 2), (*b"MVR", 2), (*b"MWK", 2),
    (*b"MXN", 2), (*b"MXV", 2), (*b"MYR", 2), (*b"MZN", 2), (*b"NAD", 2), (*b"NGN", 2),
    (*b"NIO", 2), (*b"NOK", 2), (*b"NPR", 2), (*b"NZD", 2), (*b"OMR", 3), (*b"PAB", 2),
    (*b"PEN", 2), (*b"PGK", 2), (*b"PHP", 2), (*b"PKR", 2), (*b"PLN", 2), (*b"PYG", 0),
    (*b"QAR", 2), (*b"RON", 2), (*b"RSD", 2), (*b"RUB", 2), (*b"RWF", 0), (*b"SAR", 2),
    (*b"SBD", 2), (*b"SCR", 2), (*b"SDG", 2), (*b"SEK", 2), (*b"SGD", 2), (*b"SHP", 2),
    (*b"SLE", 2), (*b"SOS", 2), (*b"SRD", 2), (*b"SSP", 2), (*b"STN", 2), (*b"SVC", 2),
    (*b"SYP", 2), (*b"SZL", 2), (*b"THB", 2), (*b"TJS", 2), (*b"TMT", 2), (*b"TND", 3),
    (*b"TOP", 2), (*b"TRY", 2), (*b"TTD", 2), (*b"TWD", 2), (*b"TZS", 2), (*b"UAH", 2),
    (*b"UGX", 0), (*b"USD", 2), (*b"USN", 2), (*b"UYI", 0), (*b"UYU", 2), (*b"UYW", 4),
    (*b"UZS", 2), (*b"VED", 2), (*b"VES", 2), (*b"VND", 0), (*b"VUV", 0), (*b"WST", 2),
    (*b"XAF", 0), (*b"XCD", 2), (*b"XCG", 2), (*b"XOF", 0), (*b"XPF", 0), (*b"YER", 2),
    (*b"ZAR", 2), (*b"ZMW", 2), (*b"ZWG", 2),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn exponent(code: &str) -> u8 {
        Currency::from_code(code).unwrap().exponent()
    }

    #[test]
    fn table_is_sorted_unique_and_upper_case() {
        assert!(
            TABLE.windows(2).all(|w| w[0].0 < w[1].0),
            "TABLE must be sorted and unique"
        );
        for (code, exp) in TABLE {
            assert!(code.iter().all(u8::is_ascii_uppercase), "{code:?}");
            assert!(matches!(exp, 0 | 2 | 3 | 4), "{code:?} has exponent {exp}");
        }
        assert!(TABLE.len() > 150);
        assert_eq!(Currency::all().count(), TABLE.len());
    }

    #[test]
    fn every_code_is_found_again() {
        for currency in Currency::all() {
            assert_eq!(Currency::from_code(currency.code()), Some(currency));
        }
    }

    #[test]
    fn knows_the_exponents() {
        assert_eq!(exponent("EUR"), 2);
        for code in [
            "JPY", "KRW", "CLP", "ISK", "VND", "XAF", "XOF", "XPF", "UYI", "PYG",
        ] {
            assert_eq!(exponent(code), 0, "{code}");
        }
        for code in ["KWD", "BHD", "JOD", "TND", "OMR", "IQD", "LYD"] {
            assert_eq!(exponent(code), 3, "{code}");
        }
        assert_eq!(exponent("CLF"), 4);
        assert_eq!(exponent("UYW"), 4);
        for code in ["XCG", "ZWG", "SLE", "VES", "VED", "STN", "MRU"] {
            assert_eq!(exponent(code), 2, "{code}");
        }
    }

    #[test]
    fn constants_match_the_table() {
        let constants = [
            Currency::AED,
            Currency::AUD,
            Currency::BRL,
            Currency::CAD,
            Currency::CHF,
            Currency::CNY,
            Currency::EUR,
            Currency::GBP,
            Currency::INR,
            Currency::JPY,
            Currency::KRW,
            Currency::KWD,
            Currency::MXN,
            Currency::SEK,
            Currency::USD,
        ];
        for currency in constants {
            assert_eq!(Currency::from_code(currency.code()), Some(currency));
        }
    }

    #[test]
    fn accepts_lower_case_and_refuses_the_rest() {
        assert_eq!(Currency::from_code("eur"), Some(Currency::EUR));
        assert_eq!(Currency::from_code("Jpy"), Some(Currency::JPY));
        for code in [
            "", "EU", "EURO", "XXY", "HRK", "ANG", "SLL", "ZWL", "BGN", "XAU", "E R", "€",
        ] {
            assert_eq!(Currency::from_code(code), None, "{code:?}");
        }
        assert_eq!(
            "XXY".parse::<Currency>(),
            Err(MoneyError::UnknownCurrency("XXY".to_owned()))
        );
    }

    #[test]
    fn serializes_as_its_code() {
        assert_eq!(serde_json::to_string(&Currency::KWD).unwrap(), r#""KWD""#);
        let back: Currency = serde_json::from_str(r#""KWD""#).unwrap();
        assert_eq!(back, Currency::KWD);
        assert_eq!(back.exponent(), 3);
        assert!(serde_json::from_str::<Currency>(r#""XXY""#).is_err());
        assert!(serde_json::from_str::<Currency>("978").is_err());
    }

    #[test]
    fn debug_and_display_show_the_code() {
        assert_eq!(format!("{:?} {}", Currency::JPY, Currency::CHF), "JPY CHF");
    }
}
