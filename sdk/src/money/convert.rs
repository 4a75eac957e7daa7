//! Conversion between currencies with exact rates: one exchange rate, a table of rates from a
//! base currency, and the price to show in a market's currency.
//!
//! A converted amount is computed as one exact fraction of minor units and rounded once, by the
//! market's [`RoundingRule`]: rounding to the cent first and then to a price ending would round
//! twice and can land on a different price (23.991 with a .99 ending is 24.99, not 23.99).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Currency, Money, MoneyError, RoundingRule};
use crate::decimal::{Decimal, pow10};

/// Converts `money` into `to` at `to_rate / from_rate` (both positive, each the worth of one
/// unit of a common currency), as one exact fraction rounded once by `rule`.
fn convert_at(
    money: Money,
    to: Currency,
    to_rate: Decimal,
    from_rate: Decimal,
    rule: RoundingRule,
) -> Result<Money, MoneyError> {
    // minor_to = minor_from × to_rate / from_rate × 10^exp_to / 10^exp_from, with each rate
    // its mantissa over 10^scale. The powers of ten are cancelled against each other first so
    // that only one side carries them, which keeps the products far from i128's limit.
    let up = u32::from(to.exponent()) + from_rate.scale();
    let down = u32::from(money.currency().exponent()) + to_rate.scale();
    let overflow = || MoneyError::Overflow;
    let mut numerator = i128::from(money.minor_units())
        .checked_mul(to_rate.mantissa())
        .ok_or_else(overflow)?;
    let mut denominator = from_rate.mantissa();
    if up >= down {
        numerator = numerator
            .checked_mul(pow10(up - down).ok_or_else(overflow)?)
            .ok_or_else(overflow)?;
    } else {
        denominator = denominator
            .checked_mul(pow10(down - up).ok_or_else(overflow)?)
            .ok_or_else(overflow)?;
    }
    rule.apply_exact(numerator, denominator, to)
}

/// One exchange rate: one major unit of `from` is worth `rate` major units of `to`.
///
/// ```
/// use dhow_sdk::{Currency, Money};
/// use dhow_sdk::money::{ExchangeRate, RoundingRule};
///
/// let rate = "162.35".parse().unwrap();
/// let rate = ExchangeRate { from: Currency::EUR, to: Currency::JPY, rate };
/// let price = Money::parse("19.99", Currency::EUR).unwrap();
/// let yen = rate.convert(price, RoundingRule::Nearest).unwrap();
/// assert_eq!(yen.to_decimal_string(), "3245"); // 3245.3765 exactly
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ExchangeRate {
    /// The currency converted from.
    pub from: Currency,
    /// The currency converted to.
    pub to: Currency,
    /// Major units of `to` for one major unit of `from`; must be above zero.
    pub rate: Decimal,
}

impl ExchangeRate {
    /// `money` (which must be in `from`) in `to`, rounded once by `rule`.
    ///
    /// Errors: [`MoneyError::CurrencyMismatch`] when `money` is not in `from`,
    /// [`MoneyError::InvalidRate`] when the rate is not above zero,
    /// [`MoneyError::InvalidIncrement`] for a rule with a step of zero or less, and
    /// [`MoneyError::Overflow`] when the result does not fit.
    pub fn convert(&self, money: Money, rule: RoundingRule) -> Result<Money, MoneyError> {
        if money.currency() != self.from {
            return Err(MoneyError::CurrencyMismatch(money.currency(), self.from));
        }
        if self.rate.mantissa() <= 0 {
            return Err(MoneyError::InvalidRate {
                from: self.from,
                to: self.to,
            });
        }
        convert_at(money, self.to, self.rate, Decimal::ONE, rule)
    }
}

/// Exchange rates from one base currency, as a rate feed or a merchant's settings give them:
/// one major unit of `base` is worth `rates[c]` major units of `c`.
///
/// Converts base → X, X → base and X → Y; a cross rate X → Y is taken as `rates[Y] / rates[X]`
/// inside the one exact fraction, never as a rounded intermediate amount.
///
/// ```
/// use std::collections::BTreeMap;
///
/// use dhow_sdk::{Currency, Money};
/// use dhow_sdk::money::{RateTable, RoundingRule};
///
/// let rates = BTreeMap::from([
///     (Currency::USD, "1.08".parse().unwrap()),
///     (Currency::GBP, "0.85".parse().unwrap()),
/// ]);
/// let table = RateTable { base: Currency::EUR, rates };
/// let price = Money::parse("10.80", Currency::USD).unwrap();
/// let gbp = table.convert(price, Currency::GBP, RoundingRule::Nearest).unwrap();
/// assert_eq!(gbp.to_decimal_string(), "8.50");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateTable {
    /// The currency every rate is quoted against.
    pub base: Currency,
    /// Major units of each currency for one major unit of `base`. An entry for `base` itself
    /// is ignored: the base is always worth 1.
    pub rates: BTreeMap<Currency, Decimal>,
}

impl RateTable {
    /// `money` in `to`, rounded once by `rule`. Money already in `to` is returned unchanged,
    /// without the rule: nothing was converted.
    ///
    /// Errors: [`MoneyError::NoRate`] when the table lacks the rate of either currency,
    /// [`MoneyError::InvalidRate`] for a rate that is not above zero,
    /// [`MoneyError::InvalidIncrement`] for a rule with a step of zero or less, and
    /// [`MoneyError::Overflow`] when the result does not fit.
    pub fn convert(
        &self,
        money: Money,
        to: Currency,
        rule: RoundingRule,
    ) -> Result<Money, MoneyError> {
        let from = money.currency();
        if from == to {
            return Ok(money);
        }
        let to_rate = self.rate(to, from, to)?;
        let from_rate = self.rate(from, from, to)?;
        convert_at(money, to, to_rate, from_rate, rule)
    }

    /// Whether the table can convert from and to `currency`.
    pub fn has_rate(&self, currency: Currency) -> bool {
        currency == self.base || self.rates.contains_key(&currency)
    }

    /// The worth of one base unit in `currency`, checked, for a conversion `from` → `to`.
    fn rate(
        &self,
        currency: Currency,
        from: Currency,
        to: Currency,
    ) -> Result<Decimal, MoneyError> {
        if currency == self.base {
            return Ok(Decimal::ONE);
        }
        match self.rates.get(&currency) {
            Some(rate) if rate.mantissa() > 0 => Ok(*rate),
            Some(_) => Err(MoneyError::InvalidRate {
                from: self.base,
                to: currency,
            }),
            None => Err(MoneyError::NoRate { from, to }),
        }
    }
}

/// A price to show in a market's currency, and whether it is an estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Conversion {
    /// The price in the market's currency.
    pub money: Money,
    /// `true` when the price was converted with an exchange rate (show it as an estimate, say
    /// "approx."); `false` when the merchant set this price in this currency.
    pub converted: bool,
}

/// The price of something in `target`, given the prices the merchant set (one per currency).
///
/// The merchant's own price in `target` wins, as set, with no rounding rule (`converted:
/// false`). Otherwise the price in the rate table's base currency is converted, or failing that
/// the first price whose currency the table has a rate for; that price is rounded by the
/// market's `rule` (`converted: true`).
///
/// Errors: [`MoneyError::NoPrice`] when `set_prices` is empty, [`MoneyError::NoRate`] when the
/// table cannot convert any of them into `target`, and the errors of [`RateTable::convert`].
///
/// ```
/// use std::collections::BTreeMap;
///
/// use dhow_sdk::{Currency, Money};
/// use dhow_sdk::money::{PriceEnding, RateTable, RoundingRule, price_in};
///
/// let table = RateTable {
///     base: Currency::EUR,
///     rates: BTreeMap::from([(Currency::CHF, "0.9412".parse().unwrap())]),
/// };
/// let set = [
///     Money::parse("24.00", Currency::EUR).unwrap(),
///     Money::parse("25.00", Currency::USD).unwrap(),
/// ];
/// let rule = RoundingRule::Ending { ending: PriceEnding::NinetyFive };
///
/// let chf = price_in(&set, Currency::CHF, &table, rule).unwrap();
/// assert_eq!(chf.money.to_decimal_string(), "22.95"); // 22.5888 exactly
/// assert!(chf.converted);
///
/// let usd = price_in(&set, Currency::USD, &table, rule).unwrap();
/// assert_eq!(usd.money.to_decimal_string(), "25.00");
/// assert!(!usd.converted);
/// ```
pub fn price_in(
    set_prices: &[Money],
    target: Currency,
    rates: &RateTable,
    rule: RoundingRule,
) -> Result<Conversion, MoneyError> {
    if let Some(&money) = set_prices.iter().find(|m| m.currency() == target) {
        return Ok(Conversion {
            money,
            converted: false,
        });
    }
    let first = set_prices.first().ok_or(MoneyError::NoPrice(target))?;
    let source = set_prices
        .iter()
        .find(|m| m.currency() == rates.base)
        .or_else(|| set_prices.iter().find(|m| rates.has_rate(m.currency())))
        .unwrap_or(first);
    let money = rates.convert(*source, target, rule)?;
    Ok(Conversion {
        money,
        converted: true,
    })
}

#[cfg(test)]
mod tests;
