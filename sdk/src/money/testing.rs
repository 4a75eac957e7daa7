//! Shorthands the money tests share: decimals, amounts and rates from text.

use super::{Currency, ExchangeRate, Money};
use crate::decimal::Decimal;

/// A decimal from text that must parse.
pub(super) fn d(text: &str) -> Decimal {
    Decimal::parse(text).unwrap()
}

/// An amount from text that must parse in `currency`.
pub(super) fn money(text: &str, currency: Currency) -> Money {
    Money::parse(text, currency).unwrap()
}

/// The rate from `from` to `to`, from text.
pub(super) fn rate(from: Currency, to: Currency, rate: &str) -> ExchangeRate {
    ExchangeRate {
        from,
        to,
        rate: d(rate),
    }
}
