//! Exact money: integer minor units in an ISO 4217 currency, checked arithmetic, decimal text in
//! and out, splitting without losing a minor unit, and conversion with explicit rounding rules.

mod allocate;
mod convert;
mod currency;
mod rounding;
#[cfg(test)]
mod testing;

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use convert::{Conversion, ExchangeRate, RateTable, price_in};
pub use currency::Currency;
pub use rounding::{PriceEnding, RoundingRule};

use crate::decimal::{Decimal, RoundingMode, pow10, write_scaled};

/// Why a money operation was refused. Nothing is rounded or converted silently instead.
///
/// On the wire it is an object tagged by `reason`, for example
/// `{"reason": "no_rate", "from": "EUR", "to": "JPY"}`, so that it can sit inside the SDK's
/// [`Error`](crate::Error), which is itself tagged by `kind`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(into = "MoneyErrorWire", from = "MoneyErrorWire")]
#[non_exhaustive]
pub enum MoneyError {
    /// Two amounts in different currencies were combined.
    #[error("cannot combine {0} with {1}")]
    CurrencyMismatch(Currency, Currency),
    /// The result does not fit in 64-bit minor units.
    #[error("amount out of range")]
    Overflow,
    /// The text is not a decimal amount for this currency (for example `"19.999"` in EUR,
    /// `"12.5"` in JPY, or `"abc"`).
    #[error("`{text}` is not an amount in {currency}")]
    InvalidAmount {
        /// The text that was given.
        text: String,
        /// The currency it was read in.
        currency: Currency,
    },
    /// The code is not an active ISO 4217 currency.
    #[error("`{0}` is not an ISO 4217 currency code")]
    UnknownCurrency(String),
    /// Weights given for a split were empty, negative or all zero.
    #[error("cannot split by these weights")]
    InvalidWeights,
    /// No exchange rate is known for converting `from` into `to`: the rate table lacks one of
    /// the two currencies.
    #[error("no exchange rate from {from} to {to}")]
    NoRate {
        /// The currency of the amount.
        from: Currency,
        /// The currency asked for.
        to: Currency,
    },
    /// An exchange rate from `from` to `to` is zero or negative: a broken rate feed, not a
    /// price.
    #[error("the exchange rate from {from} to {to} is not above zero")]
    InvalidRate {
        /// The currency the rate converts from.
        from: Currency,
        /// The currency the rate converts to.
        to: Currency,
    },
    /// A rounding rule's step (in minor units) is zero or negative.
    #[error("rounding step {0} is not above zero")]
    InvalidIncrement(i64),
    /// Something has no price at all, so there is nothing to show in this currency.
    #[error("no price to show in {0}")]
    NoPrice(Currency),
}

/// [`MoneyError`] as it is written: struct variants only, because a tagged enum cannot hold the
/// tuple variants that `MoneyError` has always had.
#[derive(Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
enum MoneyErrorWire {
    CurrencyMismatch { left: Currency, right: Currency },
    Overflow,
    InvalidAmount { text: String, currency: Currency },
    UnknownCurrency { code: String },
    InvalidWeights,
    NoRate { from: Currency, to: Currency },
    InvalidRate { from: Currency, to: Currency },
    InvalidIncrement { increment: i64 },
    NoPrice { currency: Currency },
}

impl From<MoneyError> for MoneyErrorWire {
    fn from(error: MoneyError) -> Self {
        match error {
            MoneyError::CurrencyMismatch(left, right) => {
                MoneyErrorWire::CurrencyMismatch { left, right }
            }
            MoneyError::Overflow => MoneyErrorWire::Overflow,
            MoneyError::InvalidAmount { text, currency } => {
                MoneyErrorWire::InvalidAmount { text, currency }
            }
            MoneyError::UnknownCurrency(code) => MoneyErrorWire::UnknownCurrency { code },
            MoneyError::InvalidWeights => MoneyErrorWire::InvalidWeights,
            MoneyError::NoRate { from, to } => MoneyErrorWire::NoRate { from, to },
            MoneyError::InvalidRate { from, to } => MoneyErrorWire::InvalidRate { from, to },
            MoneyError::InvalidIncrement(increment) => {
                MoneyErrorWire::InvalidIncrement { increment }
            }
            MoneyError::NoPrice(currency) => MoneyErrorWire::NoPrice { currency },
        }
    }
}

impl From<MoneyErrorWire> for MoneyError {
    fn from(wire: MoneyErrorWire) -> Self {
        match wire {
            MoneyErrorWire::CurrencyMismatch { left, right } => {
                MoneyError::CurrencyMismatch(left, right)
            }
            MoneyErrorWire::Overflow => MoneyError::Overflow,
            MoneyErrorWire::InvalidAmount { text, currency } => {
                MoneyError::InvalidAmount { text, currency }
            }
            MoneyErrorWire::UnknownCurrency { code } => MoneyError::UnknownCurrency(code),
            MoneyErrorWire::InvalidWeights => MoneyError::InvalidWeights,
            MoneyErrorWire::NoRate { from, to } => MoneyError::NoRate { from, to },
            MoneyErrorWire::InvalidRate { from, to } => MoneyError::InvalidRate { from, to },
            MoneyErrorWire::InvalidIncrement { increment } => {
                MoneyError::InvalidIncrement(increment)
            }
            MoneyErrorWire::NoPrice { currency } => MoneyError::NoPrice(currency),
        }
    }
}

/// An amount of money: integer minor units (cents, yen, fils) of one [`Currency`].
///
/// ```
/// use dhow_sdk::{Currency, Money};
///
/// let kwd = Money::parse("1.250", Currency::from_code("KWD").unwrap()).unwrap();
/// assert_eq!(kwd.minor_units(), 1250);
/// assert_eq!(Money::from_minor(1234, Currency::JPY).to_decimal_string(), "1234");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

impl Money {
    /// `minor` minor units of `currency`: `from_minor(1999, EUR)` is €19.99.
    pub const fn from_minor(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    /// Zero in `currency`.
    pub const fn zero(currency: Currency) -> Money {
        Money { minor: 0, currency }
    }

    /// Reads an exact decimal amount such as `"19.99"`; more fractional digits than the currency
    /// has (other than trailing zeros) is an error, never a rounding.
    pub fn parse(text: &str, currency: Currency) -> Result<Money, MoneyError> {
        let invalid = || MoneyError::InvalidAmount {
            text: text.to_owned(),
            currency,
        };
        let decimal = Decimal::parse(text).map_err(|_| invalid())?;
        Money::from_decimal_exact(decimal, currency).ok_or_else(invalid)
    }

    /// The decimal as an amount when it has no more precision than the currency.
    pub fn from_decimal_exact(decimal: Decimal, currency: Currency) -> Option<Money> {
        let exp = u32::from(currency.exponent());
        let minor = if decimal.scale() <= exp {
            decimal
                .mantissa()
                .checked_mul(pow10(exp - decimal.scale())?)?
        } else {
            let divisor = pow10(decimal.scale() - exp)?;
            if decimal.mantissa() % divisor != 0 {
                return None;
            }
            decimal.mantissa() / divisor
        };
        Some(Money {
            minor: i64::try_from(minor).ok()?,
            currency,
        })
    }

    /// The decimal rounded to the currency's minor unit, half away from zero: how amounts that a
    /// backend computed past the currency's precision (Medusa's `1.998` EUR) become money.
    pub fn from_decimal_rounded(decimal: Decimal, currency: Currency) -> Result<Money, MoneyError> {
        let minor = decimal
            .round_to_units(u32::from(currency.exponent()), RoundingMode::HalfUp)
            .and_then(|m| i64::try_from(m).ok())
            .ok_or(MoneyError::Overflow)?;
        Ok(Money { minor, currency })
    }

    /// The amount in minor units.
    pub const fn minor_units(self) -> i64 {
        self.minor
    }

    /// The currency.
    pub const fn currency(self) -> Currency {
        self.currency
    }

    /// The amount as an exact [`Decimal`] in major units.
    pub fn to_decimal(self) -> Decimal {
        Decimal::new(i128::from(self.minor), u32::from(self.currency.exponent()))
            .unwrap_or(Decimal::ZERO)
    }

    /// Exact decimal text with the currency's digits: `"19.99"`, `"1234"` (JPY), `"1.250"` (KWD).
    /// This is what goes to `Intl.NumberFormat` and over every boundary.
    pub fn to_decimal_string(self) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = write_scaled(
            &mut out,
            i128::from(self.minor),
            u32::from(self.currency.exponent()),
        );
        out
    }

    /// Whether the amount is zero.
    pub const fn is_zero(self) -> bool {
        self.minor == 0
    }

    /// Whether the amount is below zero.
    pub const fn is_negative(self) -> bool {
        self.minor < 0
    }

    /// Sum of two amounts in the same currency.
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let minor = self
            .minor
            .checked_add(other.minor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money { minor, ..self })
    }

    /// Difference of two amounts in the same currency.
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let minor = self
            .minor
            .checked_sub(other.minor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money { minor, ..self })
    }

    /// The amount times a whole quantity.
    pub fn checked_mul(self, quantity: i64) -> Result<Money, MoneyError> {
        let minor = self
            .minor
            .checked_mul(quantity)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money { minor, ..self })
    }

    /// The negated amount.
    pub fn checked_neg(self) -> Result<Money, MoneyError> {
        let minor = self.minor.checked_neg().ok_or(MoneyError::Overflow)?;
        Ok(Money { minor, ..self })
    }

    /// The amount times an exact rate (a tax rate `0.19`, a discount `0.10`), rounded to the
    /// minor unit by `mode`.
    pub fn mul_rate(self, rate: Decimal, mode: RoundingMode) -> Result<Money, MoneyError> {
        let product = i128::from(self.minor)
            .checked_mul(rate.mantissa())
            .ok_or(MoneyError::Overflow)?;
        let divisor = pow10(rate.scale()).ok_or(MoneyError::Overflow)?;
        let minor = crate::decimal::div_round(product, divisor, mode);
        let minor = i64::try_from(minor).map_err(|_| MoneyError::Overflow)?;
        Ok(Money { minor, ..self })
    }

    /// The smaller of two amounts in the same currency.
    pub fn checked_min(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        Ok(if self.minor <= other.minor {
            self
        } else {
            other
        })
    }

    /// Sum of many amounts in `currency`; an empty list is zero.
    pub fn sum<I: IntoIterator<Item = Money>>(
        currency: Currency,
        items: I,
    ) -> Result<Money, MoneyError> {
        items
            .into_iter()
            .try_fold(Money::zero(currency), Money::checked_add)
    }

    fn same_currency(self, other: Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch(self.currency, other.currency))
        }
    }
}

impl fmt::Display for Money {
    /// `19.99 EUR`: for logs and examples. Shoppers see money formatted by `Intl` in the app.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.to_decimal_string(), self.currency)
    }
}

/// On the wire money is `{"amount": "19.99", "currency": "EUR"}`: exact decimal text, never a
/// JSON number that a reader might take as a float.
#[derive(Serialize, Deserialize)]
struct MoneyWire<'a> {
    amount: std::borrow::Cow<'a, str>,
    currency: Currency,
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        MoneyWire {
            amount: self.to_decimal_string().into(),
            currency: self.currency,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = MoneyWire::deserialize(deserializer)?;
        Money::parse(&wire.amount, wire.currency).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(text: &str) -> Money {
        Money::parse(text, Currency::EUR).unwrap()
    }

    #[test]
    fn decimal_text_round_trips_per_currency() {
        let kwd = Currency::from_code("KWD").unwrap();
        assert_eq!(Money::parse("1.250", kwd).unwrap().minor_units(), 1250);
        assert_eq!(
            Money::parse("1.25", kwd).unwrap().to_decimal_string(),
            "1.250"
        );
        assert_eq!(
            Money::parse("1234", Currency::JPY)
                .unwrap()
                .to_decimal_string(),
            "1234"
        );
        assert_eq!(eur("-0.05").to_decimal_string(), "-0.05");
        assert_eq!(eur("19.990").minor_units(), 1999);
    }

    #[test]
    fn refuses_precision_the_currency_does_not_have() {
        assert!(Money::parse("19.999", Currency::EUR).is_err());
        assert!(Money::parse("12.5", Currency::JPY).is_err());
        assert!(Money::parse("", Currency::EUR).is_err());
        assert!(Money::parse("99999999999999999999", Currency::EUR).is_err());
    }

    #[test]
    fn mixing_currencies_is_an_error() {
        let usd = Money::from_minor(100, Currency::USD);
        assert_eq!(
            eur("1.00").checked_add(usd),
            Err(MoneyError::CurrencyMismatch(Currency::EUR, Currency::USD))
        );
    }

    #[test]
    fn overflow_is_an_error() {
        let max = Money::from_minor(i64::MAX, Currency::EUR);
        assert_eq!(max.checked_add(eur("0.01")), Err(MoneyError::Overflow));
        assert_eq!(max.checked_mul(2), Err(MoneyError::Overflow));
    }

    #[test]
    fn rounds_backend_decimals_to_the_currency() {
        let d = Decimal::parse("1.998").unwrap();
        assert_eq!(
            Money::from_decimal_rounded(d, Currency::EUR).unwrap(),
            eur("2.00")
        );
        assert_eq!(
            Money::from_decimal_rounded(Decimal::parse("1500.5").unwrap(), Currency::JPY)
                .unwrap()
                .minor_units(),
            1501
        );
    }

    #[test]
    fn serializes_as_decimal_text() {
        let json = serde_json::to_string(&eur("19.99")).unwrap();
        assert_eq!(json, r#"{"amount":"19.99","currency":"EUR"}"#);
        let back: Money = serde_json::from_str(&json).unwrap();
        assert_eq!(back, eur("19.99"));
        assert!(serde_json::from_str::<Money>(r#"{"amount":19.99,"currency":"EUR"}"#).is_err());
        assert!(serde_json::from_str::<Money>(r#"{"amount":"1","currency":"XXY"}"#).is_err());
    }

    #[test]
    fn errors_serialize_tagged_by_reason() {
        let errors = [
            (
                MoneyError::CurrencyMismatch(Currency::EUR, Currency::USD),
                r#"{"reason":"currency_mismatch","left":"EUR","right":"USD"}"#,
            ),
            (MoneyError::Overflow, r#"{"reason":"overflow"}"#),
            (
                MoneyError::InvalidAmount {
                    text: "1.999".into(),
                    currency: Currency::EUR,
                },
                r#"{"reason":"invalid_amount","text":"1.999","currency":"EUR"}"#,
            ),
            (
                MoneyError::UnknownCurrency("XXY".into()),
                r#"{"reason":"unknown_currency","code":"XXY"}"#,
            ),
            (
                MoneyError::InvalidWeights,
                r#"{"reason":"invalid_weights"}"#,
            ),
            (
                MoneyError::NoRate {
                    from: Currency::EUR,
                    to: Currency::JPY,
                },
                r#"{"reason":"no_rate","from":"EUR","to":"JPY"}"#,
            ),
            (
                MoneyError::InvalidRate {
                    from: Currency::EUR,
                    to: Currency::JPY,
                },
                r#"{"reason":"invalid_rate","from":"EUR","to":"JPY"}"#,
            ),
            (
                MoneyError::InvalidIncrement(0),
                r#"{"reason":"invalid_increment","increment":0}"#,
            ),
            (
                MoneyError::NoPrice(Currency::CHF),
                r#"{"reason":"no_price","currency":"CHF"}"#,
            ),
        ];
        for (error, json) in errors {
            assert_eq!(serde_json::to_string(&error).unwrap(), json);
            assert_eq!(serde_json::from_str::<MoneyError>(json).unwrap(), error);
        }
    }

    #[test]
    fn errors_fit_inside_an_error_tagged_by_kind() {
        // The shape of the SDK's `Error`: internally tagged, with money errors in a newtype.
        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        #[serde(tag = "kind", rename_all = "snake_case")]
        enum Outer {
            Money(MoneyError),
        }
        let outer = Outer::Money(MoneyError::NoRate {
            from: Currency::EUR,
            to: Currency::JPY,
        });
        let json = serde_json::to_string(&outer).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"money","reason":"no_rate","from":"EUR","to":"JPY"}"#
        );
        assert_eq!(serde_json::from_str::<Outer>(&json).unwrap(), outer);
        let overflow = Outer::Money(MoneyError::Overflow);
        let json = serde_json::to_string(&overflow).unwrap();
        assert_eq!(serde_json::from_str::<Outer>(&json).unwrap(), overflow);
    }

    #[test]
    fn errors_read_well() {
        let error = MoneyError::NoRate {
            from: Currency::EUR,
            to: Currency::JPY,
        };
        assert_eq!(error.to_string(), "no exchange rate from EUR to JPY");
        assert_eq!(
            MoneyError::InvalidIncrement(-5).to_string(),
            "rounding step -5 is not above zero"
        );
    }

    #[test]
    fn applies_rates_with_explicit_rounding() {
        let vat = Decimal::parse("0.19").unwrap();
        assert_eq!(
            eur("10.00").mul_rate(vat, RoundingMode::HalfUp).unwrap(),
            eur("1.90")
        );
        assert_eq!(
            eur("0.05").mul_rate(vat, RoundingMode::HalfUp).unwrap(),
            eur("0.01")
        );
    }
}
