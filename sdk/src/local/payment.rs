//! The local engine's test payment method: card form checks (Luhn, expiry, security code) and
//! the outcomes of the test cards. No real card is ever charged, and card data is never stored.

use crate::error::{Error, FieldError, Problem, Result};
use crate::ids::PaymentMethodId;
use crate::local::clock::UtcTime;
use crate::model::{CardDetails, PaymentKind, PaymentMethod};

/// Id of the one method the engine offers.
pub(crate) const TEST_CARD: &str = "test-card";

/// The card that authorizes.
const SUCCESS_CARD: &str = "4242424242424242";
/// The card that is declined, as processors' test cards are.
const DECLINE_CARD: &str = "4000000000000002";

/// Payment methods for every cart.
pub(crate) fn methods() -> Vec<PaymentMethod> {
    vec![PaymentMethod {
        id: PaymentMethodId(TEST_CARD.to_owned()),
        name: "Test card".to_owned(),
        kind: PaymentKind::TestCard,
    }]
}

/// Checks the card form and runs the test card: `Ok` with the description the shopper will
/// recognise, [`Error::InvalidInput`] naming each bad field, or [`Error::PaymentDeclined`].
pub(crate) fn authorize(card: &CardDetails, now: &UtcTime) -> Result<String> {
    let number: String = card.number.chars().filter(|c| *c != ' ').collect();
    let mut fields = Vec::new();
    if let Some(problem) = number_problem(&number) {
        fields.push(FieldError::new("card_number", problem));
    }
    if let Some(problem) = expiry_problem(card.expiry.trim(), now) {
        fields.push(FieldError::new("card_expiry", problem));
    }
    let cvc = card.cvc.trim();
    if cvc.is_empty() {
        fields.push(FieldError::new("card_cvc", Problem::Required));
    } else if !(3..=4).contains(&cvc.len()) || !cvc.bytes().all(|b| b.is_ascii_digit()) {
        fields.push(FieldError::new("card_cvc", Problem::Invalid));
    }
    if !fields.is_empty() {
        return Err(Error::InvalidInput { fields });
    }
    match number.as_str() {
        SUCCESS_CARD => Ok("Visa •••• 4242".to_owned()),
        DECLINE_CARD => Err(Error::PaymentDeclined {
            reason: Some("card_declined".to_owned()),
        }),
        _ => Err(Error::PaymentDeclined {
            reason: Some("unknown_test_card".to_owned()),
        }),
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
fn expiry_problem(expiry: &str, now: &UtcTime) -> Option<Problem> {
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
    let expired = (2000 + year, month) < (now.year, now.month);
    (!(1..=12).contains(&month) || expired).then_some(Problem::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::local::clock::Clock;

    fn card(number: &str, expiry: &str, cvc: &str) -> CardDetails {
        CardDetails {
            number: number.to_owned(),
            expiry: expiry.to_owned(),
            cvc: cvc.to_owned(),
        }
    }

    fn now() -> UtcTime {
        Clock::fixed_at("2026-11-25T10:00:00Z").unwrap().now()
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
    fn test_cards_authorize_or_decline() {
        assert_eq!(
            authorize(&card("4242 4242 4242 4242", "12/30", "123"), &now()).unwrap(),
            "Visa •••• 4242"
        );
        assert_eq!(
            authorize(&card("4000 0000 0000 0002", "11/26", "1234"), &now()),
            Err(Error::PaymentDeclined {
                reason: Some("card_declined".to_owned())
            })
        );
        // A real-looking number that is no test card (passes Luhn).
        assert_eq!(
            authorize(&card("5555555555554444", "01/27", "123"), &now()),
            Err(Error::PaymentDeclined {
                reason: Some("unknown_test_card".to_owned())
            })
        );
    }

    #[test]
    fn names_every_bad_field() {
        let got = fields(authorize(
            &card("4242 4242 4242 4241", "10/26", "12"),
            &now(),
        ));
        assert_eq!(
            got,
            [
                ("card_number".to_owned(), Problem::Invalid),
                ("card_expiry".to_owned(), Problem::Invalid),
                ("card_cvc".to_owned(), Problem::Invalid),
            ]
        );
        let got = fields(authorize(&card("", "", ""), &now()));
        assert!(got.iter().all(|(_, p)| *p == Problem::Required) && got.len() == 3);
        for expiry in [
            "13/27", "1/27", "01-27", "0127", "00/27", "ab/cd", "/", "12/2030",
        ] {
            let got = fields(authorize(&card("4242424242424242", expiry, "123"), &now()));
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
            let got = fields(authorize(&card(number, "12/30", "123"), &now()));
            assert_eq!(
                got,
                [("card_number".to_owned(), Problem::Invalid)],
                "{number}"
            );
        }
    }

    #[test]
    fn this_month_has_not_expired() {
        assert!(authorize(&card("4242424242424242", "11/26", "123"), &now()).is_ok());
    }
}
