//! Conversion between currencies with exact rates and a market's rounding rule.
//!
//! A converted amount is computed as one exact fraction of minor units and rounded once, by the
//! market's rule: rounding to the cent first and then to a price ending would round twice and
//! can land on a different price (23.991 with a .99 ending is 24.99, not 23.99).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Currency, Money, MoneyError};
use crate::decimal::{Decimal, RoundingMode, div_round, pow10};

/// How a converted amount becomes a price in the target currency; one per market.
///
/// Every rule treats a negative amount (a refund) as the mirror of the positive one, so the
/// refund of a converted price is exactly that price negated.
///
/// On the wire: `{"kind": "nearest"}`, `{"kind": "cash", "increment": 5}`,
/// `{"kind": "ending", "ending": "ninety_nine"}`, `{"kind": "up", "increment": 100}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RoundingRule {
    /// The nearest minor unit, an exact half away from zero.
    Nearest,
    /// The nearest multiple of `increment` minor units, an exact half away from zero: CHF cash
    /// prices are `Cash { increment: 5 }` (steps of 0.05).
    Cash {
        /// The step in minor units; zero or less is [`MoneyError::InvalidIncrement`].
        increment: i64,
    },
    /// Up to the next price with a marketing ending: 23.12 becomes 23.99, 23.99 stays.
    /// Zero stays zero. See [`PriceEnding`] for currencies without two decimals.
    Ending {
        /// The ending prices are given.
        ending: PriceEnding,
    },
    /// Up to the next multiple of `increment` minor units: JPY `Up { increment: 100 }` gives
    /// whole hundreds of yen, EUR `Up { increment: 100 }` whole euros.
    Up {
        /// The step in minor units; zero or less is [`MoneyError::InvalidIncrement`].
        increment: i64,
    },
}

/// The ending of a price under [`RoundingRule::Ending`].
///
/// In currencies with two or more decimals the ending is the first two decimals: x.99, x.95 or
/// x.00 (KWD x.990, x.950). Currencies without decimals (JPY, KRW, CLP, ISK, …) have no cents to
/// end in, so there the last two digits of the amount carry the ending instead, as merchants
/// price them: ¥2,412 becomes ¥2,499 or ¥2,495, and `Whole` is just the next whole yen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceEnding {
    /// x.99 (¥…99 without decimals).
    NinetyNine,
    /// x.95 (¥…95 without decimals).
    NinetyFive,
    /// A whole number of major units: x.00.
    Whole,
}

impl PriceEnding {
    /// `(step, offset)` in minor units: prices with this ending are `offset + k × step`.
    fn step_and_offset(self, exponent: u8) -> Option<(i128, i128)> {
        let cents = match self {
            PriceEnding::NinetyNine => 99,
            PriceEnding::NinetyFive => 95,
            PriceEnding::Whole => return Some((pow10(u32::from(exponent))?, 0)),
        };
        // Below two decimals the ending moves onto the last two digits of the amount.
        let unit = pow10(u32::from(exponent.saturating_sub(2)))?;
        Some((100 * unit, cents * unit))
    }
}

impl RoundingRule {
    /// Rounds the exact value `numerator / denominator` minor units of `currency` by this rule.
    ///
    /// This is the single rounding every conversion ends with; it is public for other exact
    /// computations (a price times a fractional rate) that need a market's rule. A zero
    /// denominator or a result beyond 64-bit minor units is [`MoneyError::Overflow`].
    ///
    /// ```
    /// use dhow_sdk::Currency;
    /// use dhow_sdk::money::{PriceEnding, RoundingRule};
    ///
    /// // 2312.5 cents (23.125 EUR) ends in .99:
    /// let rule = RoundingRule::Ending { ending: PriceEnding::NinetyNine };
    /// let price = rule.apply_exact(4625, 2, Currency::EUR).unwrap();
    /// assert_eq!(price.to_decimal_string(), "23.99");
    /// ```
    pub fn apply_exact(
        self,
        numerator: i128,
        denominator: i128,
        currency: Currency,
    ) -> Result<Money, MoneyError> {
        if denominator == 0 {
            return Err(MoneyError::Overflow);
        }
        // Rounding the magnitude and restoring the sign afterwards is what makes a refund the
        // mirror of its sale under every rule.
        let negative = (numerator < 0) != (denominator < 0);
        let n = numerator.checked_abs().ok_or(MoneyError::Overflow)?;
        let d = denominator.checked_abs().ok_or(MoneyError::Overflow)?;
        let magnitude = match self {
            RoundingRule::Nearest => div_round(n, d, RoundingMode::HalfUp),
            RoundingRule::Cash { increment } => {
                round_to_step(n, d, increment, RoundingMode::HalfUp)?
            }
            RoundingRule::Up { increment } => round_to_step(n, d, increment, RoundingMode::Up)?,
            RoundingRule::Ending { .. } if n == 0 => 0,
            RoundingRule::Ending { ending } => {
                let (step, offset) = ending
                    .step_and_offset(currency.exponent())
                    .ok_or(MoneyError::Overflow)?;
                // The smallest `offset + k × step` at or above n / d.
                let above = offset
                    .checked_mul(d)
                    .and_then(|o| n.checked_sub(o))
                    .ok_or(MoneyError::Overflow)?;
                let divisor = d.checked_mul(step).ok_or(MoneyError::Overflow)?;
                div_round(above, divisor, RoundingMode::Up)
                    .checked_mul(step)
                    .and_then(|p| p.checked_add(offset))
                    .ok_or(MoneyError::Overflow)?
            }
        };
        let minor = if negative { -magnitude } else { magnitude };
        let minor = i64::try_from(minor).map_err(|_| MoneyError::Overflow)?;
        Ok(Money::from_minor(minor, currency))
    }
}

/// `n / d` rounded by `mode` to a multiple of `increment`.
fn round_to_step(n: i128, d: i128, increment: i64, mode: RoundingMode) -> Result<i128, MoneyError> {
    if increment <= 0 {
        return Err(MoneyError::InvalidIncrement(increment));
    }
    let step = i128::from(increment);
    let divisor = d.checked_mul(step).ok_or(MoneyError::Overflow)?;
    div_round(n, divisor, mode)
        .checked_mul(step)
        .ok_or(MoneyError::Overflow)
}

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
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap()
    }

    fn money(text: &str, currency: Currency) -> Money {
        Money::parse(text, currency).unwrap()
    }

    fn rate(from: Currency, to: Currency, rate: &str) -> ExchangeRate {
        ExchangeRate {
            from,
            to,
            rate: d(rate),
        }
    }

    /// Converts `amount` of `from` at rate 1 into `to`, so the rule alone is under test.
    fn round(amount: &str, currency: Currency, rule: RoundingRule) -> String {
        let m = money(amount, currency);
        rate(currency, currency, "1")
            .convert(m, rule)
            .unwrap()
            .to_decimal_string()
    }

    fn exact(numerator: i128, denominator: i128, currency: Currency, rule: RoundingRule) -> String {
        rule.apply_exact(numerator, denominator, currency)
            .unwrap()
            .to_decimal_string()
    }

    const CASH_CHF: RoundingRule = RoundingRule::Cash { increment: 5 };
    const NINETY_NINE: RoundingRule = RoundingRule::Ending {
        ending: PriceEnding::NinetyNine,
    };
    const NINETY_FIVE: RoundingRule = RoundingRule::Ending {
        ending: PriceEnding::NinetyFive,
    };
    const WHOLE: RoundingRule = RoundingRule::Ending {
        ending: PriceEnding::Whole,
    };

    #[test]
    fn nearest_rounds_half_away_from_zero() {
        assert_eq!(
            exact(10025, 10, Currency::EUR, RoundingRule::Nearest),
            "10.03"
        );
        assert_eq!(
            exact(10024, 10, Currency::EUR, RoundingRule::Nearest),
            "10.02"
        );
        assert_eq!(
            exact(-10025, 10, Currency::EUR, RoundingRule::Nearest),
            "-10.03"
        );
        assert_eq!(
            exact(10025, -10, Currency::EUR, RoundingRule::Nearest),
            "-10.03"
        );
    }

    #[test]
    fn swiss_cash_rounds_to_five_rappen() {
        assert_eq!(round("10.02", Currency::CHF, CASH_CHF), "10.00");
        assert_eq!(round("10.03", Currency::CHF, CASH_CHF), "10.05");
        assert_eq!(round("10.07", Currency::CHF, CASH_CHF), "10.05");
        assert_eq!(round("10.08", Currency::CHF, CASH_CHF), "10.10");
        // Exact halves between two steps go up: 10.025 and 10.075.
        assert_eq!(exact(10025, 10, Currency::CHF, CASH_CHF), "10.05");
        assert_eq!(exact(10075, 10, Currency::CHF, CASH_CHF), "10.10");
        assert_eq!(exact(-10075, 10, Currency::CHF, CASH_CHF), "-10.10");
        // EUR 10.00 at 1.0025 is exactly CHF 10.025.
        let eur_chf = rate(Currency::EUR, Currency::CHF, "1.0025");
        let chf = eur_chf
            .convert(money("10.00", Currency::EUR), CASH_CHF)
            .unwrap();
        assert_eq!(chf, money("10.05", Currency::CHF));
    }

    #[test]
    fn endings_round_up_to_the_ending() {
        assert_eq!(round("23.12", Currency::EUR, NINETY_NINE), "23.99");
        assert_eq!(round("23.99", Currency::EUR, NINETY_NINE), "23.99");
        assert_eq!(round("24.00", Currency::EUR, NINETY_NINE), "24.99");
        assert_eq!(round("0.01", Currency::EUR, NINETY_NINE), "0.99");
        assert_eq!(round("23.96", Currency::EUR, NINETY_FIVE), "24.95");
        assert_eq!(round("23.95", Currency::EUR, NINETY_FIVE), "23.95");
        assert_eq!(round("23.12", Currency::EUR, NINETY_FIVE), "23.95");
        assert_eq!(round("23.01", Currency::EUR, WHOLE), "24.00");
        assert_eq!(round("23.00", Currency::EUR, WHOLE), "23.00");
        assert_eq!(round("0.00", Currency::EUR, NINETY_NINE), "0.00");
        assert_eq!(round("-23.12", Currency::EUR, NINETY_NINE), "-23.99");
    }

    #[test]
    fn endings_in_three_and_zero_decimal_currencies() {
        assert_eq!(round("4.120", Currency::KWD, NINETY_NINE), "4.990");
        assert_eq!(round("4.995", Currency::KWD, NINETY_FIVE), "5.950");
        assert_eq!(round("4.001", Currency::KWD, WHOLE), "5.000");
        assert_eq!(round("2412", Currency::JPY, NINETY_NINE), "2499");
        assert_eq!(round("2499", Currency::JPY, NINETY_NINE), "2499");
        assert_eq!(round("2412", Currency::JPY, NINETY_FIVE), "2495");
        assert_eq!(round("2496", Currency::JPY, NINETY_FIVE), "2595");
        assert_eq!(round("12", Currency::JPY, NINETY_NINE), "99");
        assert_eq!(round("2412", Currency::JPY, WHOLE), "2412");
        assert_eq!(exact(24121, 10, Currency::JPY, WHOLE), "2413");
        let clf = Currency::from_code("CLF").unwrap();
        assert_eq!(exact(12345, 1, clf, WHOLE), "2.0000");
        assert_eq!(exact(12345, 1, clf, NINETY_NINE), "1.9900");
    }

    #[test]
    fn up_rounds_to_the_next_step() {
        assert_eq!(
            round("1201", Currency::JPY, RoundingRule::Up { increment: 100 }),
            "1300"
        );
        assert_eq!(
            round("1200", Currency::JPY, RoundingRule::Up { increment: 100 }),
            "1200"
        );
        assert_eq!(
            round("19.01", Currency::EUR, RoundingRule::Up { increment: 100 }),
            "20.00"
        );
        assert_eq!(
            exact(
                -12001,
                10,
                Currency::JPY,
                RoundingRule::Up { increment: 100 }
            ),
            "-1300"
        );
    }

    #[test]
    fn rounds_once_not_twice() {
        // 23.991 rounded to the cent first would be 23.99 and keep its ending.
        assert_eq!(exact(23991, 10, Currency::EUR, NINETY_NINE), "24.99");
        // 23.001 rounded to the cent first would already be whole.
        assert_eq!(exact(23001, 10, Currency::EUR, WHOLE), "24.00");
        assert_eq!(
            exact(
                23001,
                10,
                Currency::EUR,
                RoundingRule::Up { increment: 100 }
            ),
            "24.00"
        );
        let to_eur = rate(Currency::USD, Currency::EUR, "1.0001");
        let price = to_eur
            .convert(money("23.99", Currency::USD), NINETY_NINE)
            .unwrap();
        assert_eq!(price, money("24.99", Currency::EUR));
    }

    #[test]
    fn refuses_steps_that_are_not_positive() {
        for rule in [
            RoundingRule::Cash { increment: 0 },
            RoundingRule::Cash { increment: -5 },
            RoundingRule::Up { increment: 0 },
            RoundingRule::Up {
                increment: i64::MIN,
            },
        ] {
            assert!(matches!(
                rule.apply_exact(100, 1, Currency::EUR),
                Err(MoneyError::InvalidIncrement(_))
            ));
        }
        assert_eq!(
            RoundingRule::Nearest.apply_exact(1, 0, Currency::EUR),
            Err(MoneyError::Overflow)
        );
        let almost_one = RoundingRule::Nearest.apply_exact(i128::MAX - 1, i128::MAX, Currency::EUR);
        assert_eq!(almost_one, Ok(Money::from_minor(1, Currency::EUR)));
        assert_eq!(
            RoundingRule::Nearest.apply_exact(i128::MIN, 1, Currency::EUR),
            Err(MoneyError::Overflow)
        );
        assert_eq!(
            RoundingRule::Cash {
                increment: i64::MAX
            }
            .apply_exact(i128::MAX, i128::MAX, Currency::EUR),
            Err(MoneyError::Overflow)
        );
    }

    #[test]
    fn converts_three_decimal_currencies() {
        let usd_kwd = rate(Currency::USD, Currency::KWD, "0.3072");
        let kwd = usd_kwd
            .convert(money("19.99", Currency::USD), RoundingRule::Nearest)
            .unwrap();
        assert_eq!(kwd.to_decimal_string(), "6.141"); // 6.140928
        let kwd_usd = rate(Currency::KWD, Currency::USD, "3.2552");
        let usd = kwd_usd
            .convert(money("1.250", Currency::KWD), RoundingRule::Nearest)
            .unwrap();
        assert_eq!(usd.to_decimal_string(), "4.07"); // 4.069
    }

    #[test]
    fn converts_yen_both_ways() {
        let eur_jpy = rate(Currency::EUR, Currency::JPY, "162.35");
        let yen = eur_jpy
            .convert(money("19.99", Currency::EUR), RoundingRule::Nearest)
            .unwrap();
        assert_eq!(yen, money("3245", Currency::JPY)); // 3245.3765
        let yen = eur_jpy
            .convert(money("19.99", Currency::EUR), NINETY_NINE)
            .unwrap();
        assert_eq!(yen, money("3299", Currency::JPY));
        let jpy_eur = rate(Currency::JPY, Currency::EUR, "0.006159");
        let eur = jpy_eur
            .convert(money("1000", Currency::JPY), RoundingRule::Nearest)
            .unwrap();
        assert_eq!(eur, money("6.16", Currency::EUR)); // 6.159

        let table = RateTable {
            base: Currency::EUR,
            rates: BTreeMap::from([(Currency::JPY, d("162.35"))]),
        };
        let eur = table.convert(
            money("1000", Currency::JPY),
            Currency::EUR,
            RoundingRule::Nearest,
        );
        assert_eq!(eur.unwrap(), money("6.16", Currency::EUR)); // 6.1595…
        let yen = table.convert(
            money("19.99", Currency::EUR),
            Currency::JPY,
            RoundingRule::Nearest,
        );
        assert_eq!(yen.unwrap(), money("3245", Currency::JPY));
    }

    #[test]
    fn refunds_convert_as_mirrors() {
        let usd_eur = rate(Currency::USD, Currency::EUR, "0.9259");
        let sale = usd_eur
            .convert(money("10.00", Currency::USD), RoundingRule::Nearest)
            .unwrap();
        let refund = usd_eur
            .convert(money("-10.00", Currency::USD), RoundingRule::Nearest)
            .unwrap();
        assert_eq!(sale.to_decimal_string(), "9.26"); // 9.259
        assert_eq!(refund.to_decimal_string(), "-9.26");
        // -0.125 at rate 1 is an exact half: away from zero.
        assert_eq!(
            rate(Currency::USD, Currency::EUR, "0.5")
                .convert(money("-0.25", Currency::USD), RoundingRule::Nearest)
                .unwrap()
                .to_decimal_string(),
            "-0.13"
        );
    }

    #[test]
    fn exchange_rate_checks_its_input() {
        let eur_jpy = rate(Currency::EUR, Currency::JPY, "162.35");
        assert_eq!(
            eur_jpy.convert(money("1.00", Currency::USD), RoundingRule::Nearest),
            Err(MoneyError::CurrencyMismatch(Currency::USD, Currency::EUR))
        );
        for bad in ["0", "-1.2"] {
            assert_eq!(
                rate(Currency::EUR, Currency::JPY, bad)
                    .convert(money("1", Currency::EUR), RoundingRule::Nearest),
                Err(MoneyError::InvalidRate {
                    from: Currency::EUR,
                    to: Currency::JPY
                })
            );
        }
        let huge = rate(Currency::EUR, Currency::JPY, "1000000000");
        assert_eq!(
            huge.convert(
                Money::from_minor(i64::MAX, Currency::EUR),
                RoundingRule::Nearest
            ),
            Err(MoneyError::Overflow)
        );
    }

    fn table() -> RateTable {
        RateTable {
            base: Currency::EUR,
            rates: BTreeMap::from([
                (Currency::USD, d("1.08")),
                (Currency::GBP, d("0.85")),
                (Currency::CHF, d("0.9412")),
                (Currency::JPY, d("162.35")),
                (Currency::SEK, d("0")),
            ]),
        }
    }

    #[test]
    fn rate_table_converts_through_the_base_exactly() {
        let t = table();
        let nearest = RoundingRule::Nearest;
        assert_eq!(
            t.convert(money("10.00", Currency::EUR), Currency::USD, nearest)
                .unwrap(),
            money("10.80", Currency::USD)
        );
        assert_eq!(
            t.convert(money("10.80", Currency::USD), Currency::EUR, nearest)
                .unwrap(),
            money("10.00", Currency::EUR)
        );
        // USD → GBP is 0.85 / 1.08 = 0.787037…: 1.00 USD is 0.787… GBP, one rounding.
        assert_eq!(
            t.convert(money("1.00", Currency::USD), Currency::GBP, nearest)
                .unwrap(),
            money("0.79", Currency::GBP)
        );
        // Through a rounded EUR amount 0.03 USD would be 0.03 EUR and then 0.03 GBP; exactly
        // it is 0.0236… GBP.
        assert_eq!(
            t.convert(money("0.03", Currency::USD), Currency::GBP, nearest)
                .unwrap(),
            money("0.02", Currency::GBP)
        );
        let gbp = t
            .convert(money("30.49", Currency::USD), Currency::GBP, NINETY_NINE)
            .unwrap();
        assert_eq!(gbp, money("24.99", Currency::GBP)); // 23.9969…, just past 23.99
        // The cross rate from USD to JPY: 100 USD = 100 / 1.08 × 162.35 = 15032.407… JPY.
        let yen = t
            .convert(money("100.00", Currency::USD), Currency::JPY, nearest)
            .unwrap();
        assert_eq!(yen, money("15032", Currency::JPY));
        // Same currency: unchanged, the rule is not applied.
        let same = t
            .convert(money("23.12", Currency::USD), Currency::USD, NINETY_NINE)
            .unwrap();
        assert_eq!(same, money("23.12", Currency::USD));
    }

    #[test]
    fn rate_table_reports_missing_and_broken_rates() {
        let t = table();
        assert_eq!(
            t.convert(
                money("1.00", Currency::EUR),
                Currency::CAD,
                RoundingRule::Nearest
            ),
            Err(MoneyError::NoRate {
                from: Currency::EUR,
                to: Currency::CAD
            })
        );
        assert_eq!(
            t.convert(
                money("1.00", Currency::CAD),
                Currency::USD,
                RoundingRule::Nearest
            ),
            Err(MoneyError::NoRate {
                from: Currency::CAD,
                to: Currency::USD
            })
        );
        assert_eq!(
            t.convert(
                money("1.00", Currency::USD),
                Currency::SEK,
                RoundingRule::Nearest
            ),
            Err(MoneyError::InvalidRate {
                from: Currency::EUR,
                to: Currency::SEK
            })
        );
        assert!(
            t.has_rate(Currency::EUR) && t.has_rate(Currency::JPY) && !t.has_rate(Currency::CAD)
        );
    }

    #[test]
    fn rate_table_and_rules_serialize() {
        let json = serde_json::to_string(&table()).unwrap();
        assert_eq!(
            json,
            r#"{"base":"EUR","rates":{"CHF":"0.9412","GBP":"0.85","JPY":"162.35","SEK":"0","USD":"1.08"}}"#
        );
        assert_eq!(serde_json::from_str::<RateTable>(&json).unwrap(), table());
        assert!(
            serde_json::from_str::<RateTable>(r#"{"base":"EUR","rates":{"USD":1.08}}"#).is_err()
        );

        let rules = [
            (RoundingRule::Nearest, r#"{"kind":"nearest"}"#),
            (CASH_CHF, r#"{"kind":"cash","increment":5}"#),
            (NINETY_NINE, r#"{"kind":"ending","ending":"ninety_nine"}"#),
            (WHOLE, r#"{"kind":"ending","ending":"whole"}"#),
            (
                RoundingRule::Up { increment: 100 },
                r#"{"kind":"up","increment":100}"#,
            ),
        ];
        for (rule, text) in rules {
            assert_eq!(serde_json::to_string(&rule).unwrap(), text);
            assert_eq!(serde_json::from_str::<RoundingRule>(text).unwrap(), rule);
        }

        let eur_jpy = rate(Currency::EUR, Currency::JPY, "162.35");
        let json = serde_json::to_string(&eur_jpy).unwrap();
        assert_eq!(json, r#"{"from":"EUR","to":"JPY","rate":"162.35"}"#);
        assert_eq!(
            serde_json::from_str::<ExchangeRate>(&json).unwrap(),
            eur_jpy
        );

        let conversion = Conversion {
            money: money("22.95", Currency::CHF),
            converted: true,
        };
        let json = serde_json::to_string(&conversion).unwrap();
        assert_eq!(
            json,
            r#"{"money":{"amount":"22.95","currency":"CHF"},"converted":true}"#
        );
        assert_eq!(
            serde_json::from_str::<Conversion>(&json).unwrap(),
            conversion
        );
    }

    #[test]
    fn price_in_prefers_the_merchants_own_price() {
        let t = table();
        let set = [money("25.00", Currency::USD), money("24.00", Currency::EUR)];
        let usd = price_in(&set, Currency::USD, &t, NINETY_NINE).unwrap();
        assert_eq!(
            usd,
            Conversion {
                money: money("25.00", Currency::USD),
                converted: false
            }
        );
        // No CHF price: the EUR (base) price is converted, not the first (USD) one.
        let chf = price_in(&set, Currency::CHF, &t, CASH_CHF).unwrap();
        assert_eq!(
            chf,
            Conversion {
                money: money("22.60", Currency::CHF),
                converted: true
            }
        ); // 22.5888
        // No base price either: the first price with a rate.
        let set = [
            money("1000", Currency::from_code("ISK").unwrap()),
            money("10.80", Currency::USD),
        ];
        let gbp = price_in(&set, Currency::GBP, &t, RoundingRule::Nearest).unwrap();
        assert_eq!(
            gbp,
            Conversion {
                money: money("8.50", Currency::GBP),
                converted: true
            }
        );
    }

    #[test]
    fn price_in_reports_what_is_missing() {
        let t = table();
        assert_eq!(
            price_in(&[], Currency::USD, &t, RoundingRule::Nearest),
            Err(MoneyError::NoPrice(Currency::USD))
        );
        let isk = Currency::from_code("ISK").unwrap();
        assert_eq!(
            price_in(
                &[money("1000", isk)],
                Currency::USD,
                &t,
                RoundingRule::Nearest
            ),
            Err(MoneyError::NoRate {
                from: isk,
                to: Currency::USD
            })
        );
        assert_eq!(
            price_in(
                &[money("10.00", Currency::EUR)],
                Currency::CAD,
                &t,
                RoundingRule::Nearest
            ),
            Err(MoneyError::NoRate {
                from: Currency::EUR,
                to: Currency::CAD
            })
        );
    }

    fn currencies() -> impl Strategy<Value = Currency> {
        prop::sample::select(vec![
            Currency::EUR,
            Currency::JPY,
            Currency::KWD,
            Currency::CHF,
            Currency::from_code("CLF").unwrap(),
        ])
    }

    fn rates() -> impl Strategy<Value = Decimal> {
        (1i128..10_000_000, 2u32..=8).prop_map(|(m, s)| Decimal::new(m, s).unwrap())
    }

    fn rules() -> impl Strategy<Value = RoundingRule> {
        prop_oneof![
            Just(RoundingRule::Nearest),
            (1i64..1000).prop_map(|increment| RoundingRule::Cash { increment }),
            (1i64..1000).prop_map(|increment| RoundingRule::Up { increment }),
            endings().prop_map(|ending| RoundingRule::Ending { ending }),
        ]
    }

    fn endings() -> impl Strategy<Value = PriceEnding> {
        prop::sample::select(vec![
            PriceEnding::NinetyNine,
            PriceEnding::NinetyFive,
            PriceEnding::Whole,
        ])
    }

    /// The exact converted value as a fraction of minor units of `to`.
    fn exact_fraction(minor: i64, from: Currency, to: Currency, rate: Decimal) -> (i128, i128) {
        let numerator =
            i128::from(minor) * rate.mantissa() * pow10(u32::from(to.exponent())).unwrap();
        let denominator = pow10(u32::from(from.exponent()) + rate.scale()).unwrap();
        (numerator, denominator)
    }

    proptest! {
        #[test]
        fn rate_one_between_same_exponents_changes_nothing(
            minor in any::<i64>(),
            scale in 0u32..=18,
        ) {
            let one = Decimal::new(pow10(scale).unwrap(), scale).unwrap();
            let eur_usd = ExchangeRate { from: Currency::EUR, to: Currency::USD, rate: one };
            let eur = Money::from_minor(minor, Currency::EUR);
            let usd = eur_usd.convert(eur, RoundingRule::Nearest).unwrap();
            prop_assert_eq!(usd, Money::from_minor(minor, Currency::USD));
        }

        #[test]
        fn cash_lands_on_a_step_within_half_a_step(
            minor in -100_000_000i64..100_000_000,
            from in currencies(),
            to in currencies(),
            rate in rates(),
            increment in 1i64..1000,
        ) {
            let r = ExchangeRate { from, to, rate };
            let rule = RoundingRule::Cash { increment };
            let result = r.convert(Money::from_minor(minor, from), rule).unwrap().minor_units();
            prop_assert_eq!(result % increment, 0);
            let (n, d) = exact_fraction(minor, from, to, rate);
            // |result - n/d| <= increment / 2, cross-multiplied.
            prop_assert!(2 * (i128::from(result) * d - n).abs() <= i128::from(increment) * d);
        }

        #[test]
        fn endings_are_at_or_above_the_exact_value(
            minor in 1i64..100_000_000,
            from in currencies(),
            to in currencies(),
            rate in rates(),
            ending in endings(),
        ) {
            let r = ExchangeRate { from, to, rate };
            let rule = RoundingRule::Ending { ending };
            let result = r.convert(Money::from_minor(minor, from), rule).unwrap();
            let (n, d) = exact_fraction(minor, from, to, rate);
            let price = i128::from(result.minor_units());
            prop_assert!(price * d >= n);
            let (step, offset) = ending.step_and_offset(to.exponent()).unwrap();
            prop_assert_eq!(price % step, offset);
            // And it is the first such price: one step lower would be below the exact value.
            prop_assert!(price - step < 0 || (price - step) * d < n);
            prop_assert_eq!(result.currency(), to);
        }

        #[test]
        fn a_larger_amount_never_converts_to_a_smaller_one(
            a in -100_000_000i64..100_000_000,
            b in -100_000_000i64..100_000_000,
            from in currencies(),
            to in currencies(),
            rate in rates(),
            rule in rules(),
        ) {
            let (low, high) = (a.min(b), a.max(b));
            let r = ExchangeRate { from, to, rate };
            let low = r.convert(Money::from_minor(low, from), rule).unwrap();
            let high = r.convert(Money::from_minor(high, from), rule).unwrap();
            prop_assert!(low.minor_units() <= high.minor_units());
        }

        #[test]
        fn refunds_are_mirrors_under_every_rule(
            minor in -100_000_000i64..100_000_000,
            from in currencies(),
            to in currencies(),
            rate in rates(),
            rule in rules(),
        ) {
            let r = ExchangeRate { from, to, rate };
            let sale = r.convert(Money::from_minor(minor, from), rule).unwrap();
            let refund = r.convert(Money::from_minor(-minor, from), rule).unwrap();
            prop_assert_eq!(refund, sale.checked_neg().unwrap());
        }

        #[test]
        fn cross_rates_match_a_direct_rate(
            minor in -100_000_000i64..100_000_000,
            from_rate in rates(),
            to_rate in rates(),
            rule in rules(),
        ) {
            // Through a table, USD → GBP equals the direct fraction to_rate / from_rate.
            let t = RateTable {
                base: Currency::EUR,
                rates: BTreeMap::from([(Currency::USD, from_rate), (Currency::GBP, to_rate)]),
            };
            let usd = Money::from_minor(minor, Currency::USD);
            let via_table = t.convert(usd, Currency::GBP, rule).unwrap();
            let n = i128::from(minor) * to_rate.mantissa() * pow10(from_rate.scale()).unwrap();
            let d = from_rate.mantissa() * pow10(to_rate.scale()).unwrap();
            prop_assert_eq!(via_table, rule.apply_exact(n, d, Currency::GBP).unwrap());
        }
    }
}
