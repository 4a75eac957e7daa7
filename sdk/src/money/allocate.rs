//! Splitting an amount by weights without losing or inventing a minor unit.

use super::{Money, MoneyError};

impl Money {
    /// Splits the amount in proportion to `weights`, one part per weight, so that the parts add
    /// up to exactly the amount: a cart discount spread over the lines by their subtotals, or
    /// an order's tax shared out per line.
    ///
    /// Each part is its exact share rounded down to the minor unit; the minor units left over
    /// go one each to the parts with the largest remainders (the largest-remainder method), the
    /// earliest part first when remainders tie. A part therefore never differs from its exact
    /// share by a whole minor unit or more, and a weight of zero always gets zero. A negative
    /// amount (a refund) is split as the mirror of the positive one.
    ///
    /// Weights must be zero or more, and not all zero; anything else is
    /// [`MoneyError::InvalidWeights`].
    ///
    /// ```
    /// use dhow_sdk::{Currency, Money};
    ///
    /// // €10.00 off a cart whose lines cost €30, €30 and €30.
    /// let discount = Money::parse("10.00", Currency::EUR).unwrap();
    /// let parts = discount.allocate(&[3000, 3000, 3000]).unwrap();
    /// let minor: Vec<i64> = parts.iter().map(|m| m.minor_units()).collect();
    /// assert_eq!(minor, [334, 333, 333]);
    ///
    /// // A free line (weight 0) gets none of it.
    /// let parts = discount.allocate(&[1999, 0, 1]).unwrap();
    /// assert_eq!(parts[1], Money::zero(Currency::EUR));
    /// assert_eq!(Money::sum(Currency::EUR, parts).unwrap(), discount);
    /// ```
    pub fn allocate(self, weights: &[i64]) -> Result<Vec<Money>, MoneyError> {
        if weights.is_empty() || weights.iter().any(|&w| w < 0) {
            return Err(MoneyError::InvalidWeights);
        }
        // Cannot overflow: it would take more than 2^63 weights of 2^63 each.
        let total: i128 = weights.iter().map(|&w| i128::from(w)).sum();
        if total == 0 {
            return Err(MoneyError::InvalidWeights);
        }
        // Splitting the magnitude and negating afterwards makes a refund the exact mirror of
        // the sale it refunds. |amount| × weight < 2^126, so the shares are exact in i128.
        let amount = i128::from(self.minor_units()).abs();
        let mut parts = Vec::with_capacity(weights.len());
        let mut remainders = Vec::with_capacity(weights.len());
        let mut left_over = amount;
        for (index, &weight) in weights.iter().enumerate() {
            let share = amount * i128::from(weight);
            parts.push(share / total);
            remainders.push((share % total, index));
            left_over -= share / total;
        }
        // Fewer than `weights.len()` units are left over, and more remainders than that are
        // positive, so a zero weight (remainder zero) is never picked.
        crate::sorting::sort_by(&mut remainders, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, index) in remainders
            .iter()
            .take(usize::try_from(left_over).unwrap_or(0))
        {
            parts[index] += 1;
        }
        let negative = self.is_negative();
        parts
            .into_iter()
            .map(|part| {
                let minor = i64::try_from(if negative { -part } else { part })
                    .map_err(|_| MoneyError::Overflow)?;
                Ok(Money::from_minor(minor, self.currency()))
            })
            .collect()
    }

    /// Splits the amount into `parts` equal parts, the earlier parts one minor unit larger when
    /// it does not divide evenly: a bill shared between people, or a payment in instalments.
    /// Zero parts is [`MoneyError::InvalidWeights`].
    ///
    /// ```
    /// use dhow_sdk::{Currency, Money};
    ///
    /// let total = Money::parse("100.00", Currency::USD).unwrap();
    /// let thirds = total.split_evenly(3).unwrap();
    /// let text: Vec<String> = thirds.iter().map(|m| m.to_decimal_string()).collect();
    /// assert_eq!(text, ["33.34", "33.33", "33.33"]);
    /// ```
    pub fn split_evenly(self, parts: usize) -> Result<Vec<Money>, MoneyError> {
        self.allocate(&vec![1; parts])
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::money::Currency;

    fn minor(parts: &[Money]) -> Vec<i64> {
        parts.iter().map(|m| m.minor_units()).collect()
    }

    fn eur(minor: i64) -> Money {
        Money::from_minor(minor, Currency::EUR)
    }

    #[test]
    fn splits_by_largest_remainder() {
        assert_eq!(minor(&eur(100).allocate(&[1, 1, 1]).unwrap()), [34, 33, 33]);
        assert_eq!(minor(&eur(5).allocate(&[3, 7]).unwrap()), [2, 3]); // 1.5 and 3.5: a tie
        // Remainders 0.6 and 0.4 of a cent: the larger gets the cent, not the earlier.
        assert_eq!(minor(&eur(1).allocate(&[2, 3]).unwrap()), [0, 1]);
        assert_eq!(minor(&eur(1000).allocate(&[1]).unwrap()), [1000]);
        assert_eq!(minor(&eur(0).allocate(&[1, 2]).unwrap()), [0, 0]);
    }

    #[test]
    fn ties_go_to_the_earliest_part() {
        assert_eq!(
            minor(&eur(2).allocate(&[1, 1, 1, 1]).unwrap()),
            [1, 1, 0, 0]
        );
        assert_eq!(minor(&eur(1).allocate(&[0, 5, 5]).unwrap()), [0, 1, 0]);
    }

    #[test]
    fn refunds_mirror_sales() {
        assert_eq!(
            minor(&eur(-100).allocate(&[1, 1, 1]).unwrap()),
            [-34, -33, -33]
        );
        assert_eq!(minor(&eur(-1).allocate(&[2, 3]).unwrap()), [0, -1]);
    }

    #[test]
    fn handles_the_extremes() {
        let min = eur(i64::MIN).allocate(&[i64::MAX, i64::MAX]).unwrap();
        assert_eq!(minor(&min), [i64::MIN / 2, i64::MIN / 2]);
        let max = eur(i64::MAX).allocate(&[i64::MAX, 0, 1]).unwrap();
        assert_eq!(minor(&max), [i64::MAX - 1, 0, 1]);
    }

    #[test]
    fn refuses_weights_that_split_nothing() {
        assert_eq!(eur(100).allocate(&[]), Err(MoneyError::InvalidWeights));
        assert_eq!(eur(100).allocate(&[0, 0]), Err(MoneyError::InvalidWeights));
        assert_eq!(eur(100).allocate(&[5, -1]), Err(MoneyError::InvalidWeights));
        assert_eq!(eur(100).split_evenly(0), Err(MoneyError::InvalidWeights));
    }

    #[test]
    fn splits_evenly_in_every_currency() {
        let yen = Money::from_minor(1000, Currency::JPY);
        let parts = yen.split_evenly(3).unwrap();
        assert_eq!(minor(&parts), [334, 333, 333]);
        assert!(parts.iter().all(|m| m.currency() == Currency::JPY));
    }

    fn weights() -> impl Strategy<Value = Vec<i64>> {
        prop::collection::vec(
            prop_oneof![
                Just(0i64),
                0..1_000i64,
                0..1_000_000_000_000i64,
                Just(i64::MAX)
            ],
            1..12,
        )
        .prop_filter("not all zero", |w| w.iter().any(|&x| x > 0))
    }

    fn amounts() -> impl Strategy<Value = i64> {
        prop_oneof![-100_000i64..100_000, any::<i64>()]
    }

    proptest! {
        #[test]
        fn parts_add_up_and_stay_within_a_unit(amount in amounts(), weights in weights()) {
            let money = Money::from_minor(amount, Currency::KWD);
            let parts = money.allocate(&weights).unwrap();
            prop_assert_eq!(parts.len(), weights.len());
            let total: i128 = weights.iter().map(|&w| i128::from(w)).sum();
            let mut sum = 0i128;
            for (part, &weight) in parts.iter().zip(&weights) {
                prop_assert_eq!(part.currency(), Currency::KWD);
                let part = i128::from(part.minor_units());
                sum += part;
                // |part - amount × weight / total| < 1, cross-multiplied to stay exact.
                let exact = i128::from(amount) * i128::from(weight);
                prop_assert!((part * total - exact).abs() < total);
                if weight == 0 {
                    prop_assert_eq!(part, 0);
                }
            }
            prop_assert_eq!(sum, i128::from(amount));
        }

        #[test]
        fn negating_the_amount_negates_the_parts(
            amount in -1_000_000i64..1_000_000,
            weights in weights(),
        ) {
            let parts = eur(amount).allocate(&weights).unwrap();
            let mirrored = eur(-amount).allocate(&weights).unwrap();
            let negated: Vec<i64> = parts.iter().map(|m| -m.minor_units()).collect();
            prop_assert_eq!(minor(&mirrored), negated);
        }

        #[test]
        fn even_parts_differ_by_at_most_one(amount in amounts(), parts in 1usize..20) {
            let split = eur(amount).split_evenly(parts).unwrap();
            let min = split.iter().map(|m| m.minor_units()).min().unwrap();
            let max = split.iter().map(|m| m.minor_units()).max().unwrap();
            prop_assert!(max - min <= 1);
            prop_assert_eq!(Money::sum(Currency::EUR, split).unwrap(), eur(amount));
        }
    }
}
