//! Rounding rules: how an exact amount (a converted price, a price times a fractional rate)
//! becomes a price in minor units under a market's rule.
//!
//! An amount is rounded once, from its exact fraction of minor units: rounding to the cent first
//! and then to a price ending would round twice and can land on a different price (23.991 with a
//! .99 ending is 24.99, not 23.99).

use serde::{Deserialize, Serialize};

use super::{Currency, Money, MoneyError};
use crate::decimal::{RoundingMode, div_round, pow10};

/// How a converted amount becomes a price in the target currency; one per market.
///
/// Every rule treats a negative amount (a refund) as the mirror of the positive one, so the
/// refund of a converted price is exactly that price negated.
///
/// On the wire: `{"kind": "nearest"}`, `{"kind": "cash", "increment": 5}`,
/// `{"kind": "ending", "ending": "ninety_nine"}`, `{"kind": "up", "increment": 100}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "RawRoundingRule")]
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

/// A [`RoundingRule`] as read: the kind and every variant's fields.
#[derive(Deserialize)]
struct RawRoundingRule {
    kind: RoundingKind,
    #[serde(default)]
    increment: Option<i64>,
    #[serde(default)]
    ending: Option<PriceEnding>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum RoundingKind {
    Nearest,
    Cash,
    Ending,
    Up,
}

impl TryFrom<RawRoundingRule> for RoundingRule {
    type Error = String;

    fn try_from(raw: RawRoundingRule) -> Result<RoundingRule, String> {
        use crate::tagged::required;
        Ok(match raw.kind {
            RoundingKind::Nearest => RoundingRule::Nearest,
            RoundingKind::Cash => RoundingRule::Cash {
                increment: required(raw.increment, "cash", "increment")?,
            },
            RoundingKind::Ending => RoundingRule::Ending {
                ending: required(raw.ending, "ending", "ending")?,
            },
            RoundingKind::Up => RoundingRule::Up {
                increment: required(raw.increment, "up", "increment")?,
            },
        })
    }
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
    pub(super) fn step_and_offset(self, exponent: u8) -> Option<(i128, i128)> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::testing::{money, rate};

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
}
