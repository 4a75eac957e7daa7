//! Conversion between currencies with exact rates and a market's rounding rule.
//! (Temporary minimal version.)

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Currency, Money, MoneyError};
use crate::decimal::Decimal;

/// A rate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeRate {
    /// From.
    pub from: Currency,
    /// To.
    pub to: Currency,
    /// Rate.
    pub rate: Decimal,
}

/// Price ending.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceEnding {
    /// .99
    NinetyNine,
    /// .95
    NinetyFive,
    /// whole
    Whole,
}

/// Rounding rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RoundingRule {
    /// Nearest.
    Nearest,
    /// Cash.
    Cash {
        /// Increment.
        increment: i64,
    },
    /// Ending.
    Ending {
        /// Ending.
        ending: PriceEnding,
    },
    /// Up.
    Up {
        /// Increment.
        increment: i64,
    },
}

/// Rates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateTable {
    /// Base.
    pub base: Currency,
    /// Rates.
    pub rates: BTreeMap<Currency, Decimal>,
}

impl RateTable {
    /// Converts.
    pub fn convert(&self, money: Money, to: Currency, _rule: RoundingRule) -> Result<Money, MoneyError> {
        if money.currency() == to {
            return Ok(money);
        }
        Err(MoneyError::UnknownCurrency(to.code().to_owned()))
    }
}

/// Conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conversion {
    /// Money.
    pub money: Money,
    /// Converted.
    pub converted: bool,
}

/// Price in.
pub fn price_in(
    set_prices: &[Money],
    target: Currency,
    rates: &RateTable,
    rule: RoundingRule,
) -> Result<Conversion, MoneyError> {
    if let Some(p) = set_prices.iter().find(|p| p.currency() == target) {
        return Ok(Conversion { money: *p, converted: false });
    }
    let base = set_prices.first().ok_or(MoneyError::InvalidWeights)?;
    Ok(Conversion { money: rates.convert(*base, target, rule)?, converted: true })
}
