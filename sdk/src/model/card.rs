//! The checks a card form gets before any processor sees it (number and its Luhn checksum,
//! expiry, security code), written once for every backend that takes card details.

use crate::error::{Error, FieldError, Problem, Result};
use crate::model::CardDetails;

/// A calendar month, the unit a card's expiry is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct CardMonth {
    /// The full year (2026).
    pub year: i64,
    /// 1 to 12.
    pub month: u32,
}

impl CardMonth {
    /// This month in UTC, from the system clock (the browser's in wasm).
    pub fn now() -> CardMonth {
        let now = crate::clock::Clock::system().now();
        CardMonth {
            year: now.year,
            month: now.month,
        }
    }
}

impl CardDetails {
    /// Checks the form as a shopper filled it in: the number (spaces ignored) has 12 to 19 ASCII
    /// digits and a valid Luhn checksum, the expiry is `MM/YY` no earlier than `today`'s month,
    /// the security code has 3 or 4 digits. Returns the number's digits, or
    /// [`Error::InvalidInput`] naming every bad field (`card_number`, `card_expiry`, `card_cvc`).
    ///
    /// ```
    /// use dhow_sdk::model::{CardDetails, CardMonth};
    ///
    /// let today = CardMonth { year: 2026, month: 11 };
    /// let card = CardDetails {
    ///     number: "4242 4242 4242 4242".into(),
    ///     expiry: "11/26".into(),
    ///     cvc: "123".into(),
    /// };
    /// assert_eq!(card.check(today).unwrap(), "4242424242424242");
    /// let mistyped = CardDetails { number: "4242 4242 4242 4241".into(), ..card };
    /// assert!(mistyped.check(today).is_err());
    /// ```
    pub fn check(&self, today: CardMonth) -> Result<String> {
        let number: String = self.number.chars().filter(|c| *c != ' ').collect();
        let mut fields = Vec::new();
        if let Some(problem) = number_problem(&number) {
            fields.push(FieldError::new("card_number", problem));
        }
        if let Some(problem) = expiry_problem(self.expiry.trim(), today) {
            fields.push(FieldError::new("card_expiry", problem));
        }
        let cvc = self.cvc.trim();
        if cvc.is_empty() {
            fields.push(FieldError::new("card_cvc", Problem::Required));
        } else if !(3..=4).contains(&cvc.len()) || !cvc.bytes().all(|b| b.is_ascii_digit()) {
            fields.push(FieldError::new("card_cvc", Problem::Invalid));
        }
        if fields.is_empty() {
            Ok(number)
        } else {
            Err(Error::InvalidInput { fields })
        }
    }
}

fn number_problem(number: &str) -> Option<Problem> {
    if number.is_empty() {
        return Some(Problem::Required);
    }
    let valid = number.bytes().all(|b| b.is_ascii_digit())
        && (12..=19).contains(&number.len())
        && luhn(number);
    (!valid).then_some(Problem::Invalid)
}

/// The Luhn checksum every card number carries: catches a mistyped digit before the processor.
fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                if d * 2 > 9 { d * 2 - 9 } else { d * 2 }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// `MM/YY`, valid through the last day of that month.
fn expiry_problem(expiry: &str, today: CardMonth) -> Option<Problem> {
    if expiry.is_empty() {
        return Some(Problem::Required);
    }
    let Some((month, year)) = expiry.split_once('/') else {
        return Some(Problem::Invalid);
    };
    let (month, year) = (month.trim(), year.trim());
    let two_digits = |t: &str| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit());
    if !two_digits(month) || !two_digits(year) {
        return Some(Problem::Invalid);
    }
    let (Ok(month), Ok(year)) = (month.parse::<u32>(), year.parse::<i64>()) else {
        return Some(Problem::Invalid);
    };
    // Two-digit years are this century's: cards are issued for a few years at most.
    let expired = (2000 + year, month) < (today.year, today.month);
    (!(1..=12).contains(&month) || expired).then_some(Problem::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: CardMonth = CardMonth {
        year: 2026,
        month: 11,
    };

    fn card(number: &str, expiry: &str, cvc: &str) -> CardDetails {
        CardDetails {
            number: number.to_owned(),
            expiry: expiry.to_owned(),
            cvc: cvc.to_owned(),
        }
    }

    fn fields(result: Result<String>) -> Vec<(String, Problem)> {
        match result {
            Err(Error::InvalidInput { fields }) => {
                fields.into_iter().map(|f| (f.field, f.problem)).collect()
            }
            other => panic!("expected invalid input, got {other:?}"),
        }
    }

    #[test]
    fn names_every_bad_field() {
        let got = fields(card("4242 4242 4242 4241", "10/26", "12").check(TODAY));
        assert_eq!(
            got,
            [
                ("card_number".to_owned(), Problem::Invalid),
                ("card_expiry".to_owned(), Problem::Invalid),
                ("card_cvc".to_owned(), Problem::Invalid),
            ]
        );
        let got = fields(card("", "", "").check(TODAY));
        assert!(got.iter().all(|(_, p)| *p == Problem::Required) && got.len() == 3);
        for expiry in [
            "13/27", "1/27", "01-27", "0127", "00/27", "ab/cd", "/", "12/2030",
        ] {
            let got = fields(card("4242424242424242", expiry, "123").check(TODAY));
            assert_eq!(
                got,
                [("card_expiry".to_owned(), Problem::Invalid)],
                "{expiry}"
            );
        }
        for number in [
            "4242-4242-4242-4242",
            "42424242424242424242",
            "4242",
            "٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢",
        ] {
            let got = fields(card(number, "12/30", "123").check(TODAY));
            assert_eq!(
                got,
                [("card_number".to_owned(), Problem::Invalid)],
                "{number}"
            );
        }
    }

    #[test]
    fn this_month_has_not_expired_and_the_digits_come_back() {
        assert_eq!(
            card("4242 4242 4242 4242", "11/26", "1234").check(TODAY),
            Ok("4242424242424242".to_owned())
        );
        assert!(
            card("4242424242424242", "10/26", "123")
                .check(TODAY)
                .is_err()
        );
    }
}
