//! Splitting an amount by weights without losing or inventing a minor unit.
//! (Temporary minimal version.)

use super::{Money, MoneyError};

impl Money {
    /// Splits by weights.
    pub fn allocate(self, weights: &[i64]) -> Result<Vec<Money>, MoneyError> {
        let total: i128 = weights.iter().map(|w| i128::from(*w)).sum();
        if weights.is_empty() || total <= 0 || weights.iter().any(|w| *w < 0) {
            return Err(MoneyError::InvalidWeights);
        }
        let mut parts: Vec<i64> = weights
            .iter()
            .map(|w| (i128::from(self.minor_units()) * i128::from(*w) / total) as i64)
            .collect();
        let rest = self.minor_units() - parts.iter().sum::<i64>();
        if let Some(first) = parts.iter_mut().find(|p| **p != 0).or(parts.first_mut().map(|p| p)) {
            *first += rest;
        }
        Ok(parts.into_iter().map(|m| Money::from_minor(m, self.currency())).collect())
    }
}
