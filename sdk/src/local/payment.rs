//! The local engine's test payment method: the outcomes of the test cards, after the SDK's card
//! form checks. No real card is ever charged, and card data is never stored.

use crate::clock::UtcTime;
use crate::error::{Error, Result};
use crate::ids::PaymentMethodId;
use crate::model::{CardDetails, CardMonth, PaymentKind, PaymentMethod};

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

/// Checks the card form (the SDK's shared checks) and runs the test card: `Ok` with the
/// description the shopper will recognise, [`Error::InvalidInput`] naming each bad field, or
/// [`Error::PaymentDeclined`].
pub(crate) fn authorize(card: &CardDetails, now: &UtcTime) -> Result<String> {
    let number = card.check(CardMonth {
        year: now.year,
        month: now.month,
    })?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;

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
    fn a_bad_form_is_refused_before_the_test_card_runs() {
        match authorize(&card("4242 4242 4242 4241", "10/26", "12"), &now()) {
            Err(Error::InvalidInput { fields }) => assert_eq!(fields.len(), 3),
            other => panic!("expected invalid input, got {other:?}"),
        }
    }

    #[test]
    fn this_month_has_not_expired() {
        assert!(authorize(&card("4242424242424242", "11/26", "123"), &now()).is_ok());
    }
}
