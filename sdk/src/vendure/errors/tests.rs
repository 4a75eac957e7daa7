//! Vendure's error results through the table of `errors.rs`: real refusals saved from the
//! server (`sdk/tests/fixtures/vendure/`), hand-written unknown codes and result types under
//! `malformed/`, and every `ErrorCode` the schema names.

use super::super::queries as q;
use super::super::tests::{fixture, ok};
use super::{outcome, refused};
use crate::error::{Error, PromotionRejection};

#[test]
fn error_results_map_to_typed_errors() {
    let data: q::ApplyCoupon = ok(fixture!("coupon_invalid.json"));
    let refused = outcome(data.apply_coupon_code.into(), None, Some("NOT-A-CODE"));
    assert_eq!(
        refused.err(),
        Some(Error::PromotionRejected {
            code: "NOT-A-CODE".into(),
            reason: PromotionRejection::Unknown
        })
    );
    let data: q::AddItem = ok(fixture!("insufficient_stock.json"));
    let refused = outcome(data.add_item_to_order.into(), Some("15"), None);
    assert_eq!(
        refused.err(),
        Some(Error::OutOfStock {
            variant: "15".into(),
            available: 0
        })
    );
    let data: q::AddPayment = ok(fixture!("payment_declined.json"));
    let refused = outcome(data.add_payment_to_order.into(), None, None);
    assert_eq!(refused.err(), Some(Error::PaymentDeclined { reason: None }));
}

#[test]
fn every_error_code_maps() {
    use q::ErrorCode as C;
    let result = |code| q::ErrorResult {
        code,
        message: "m".into(),
        detail: Some("d".into()),
    };
    let cases = [
        (C::CouponCodeExpiredError, "promotion"),
        (C::CouponCodeLimitError, "promotion"),
        (C::OrderModificationError, "conflict"),
        (C::OrderStateTransitionError, "conflict"),
        (C::OrderPaymentStateError, "conflict"),
        (C::NoActiveOrderError, "conflict"),
        (C::GuestCheckoutError, "conflict"),
        (C::EmailAddressConflictError, "conflict"),
        (C::PaymentFailedError, "declined"),
        (C::NegativeQuantityError, "invalid"),
        (C::OrderLimitError, "invalid"),
        (C::IneligibleShippingMethodError, "not_found"),
        (C::Other("NEW_ERROR".into()), "backend"),
    ];
    for (code, kind) in cases {
        let mapped = refused(result(code.clone()), Some("x"), Some("C"));
        let got = match mapped {
            Error::PromotionRejected { .. } => "promotion",
            Error::Conflict { .. } => "conflict",
            Error::PaymentDeclined { .. } => "declined",
            Error::InvalidInput { .. } => "invalid",
            Error::NotFound { .. } => "not_found",
            Error::Backend { .. } => "backend",
            _ => "other",
        };
        assert_eq!(got, kind, "{code:?}");
    }
    // The shopper is told why: an ended promotion and a used-up code read differently.
    let reason = |code| match refused(result(code), Some("x"), Some("C")) {
        Error::PromotionRejected { reason, .. } => Some(reason),
        _ => None,
    };
    assert_eq!(
        reason(C::CouponCodeExpiredError),
        Some(PromotionRejection::Expired)
    );
    assert_eq!(
        reason(C::CouponCodeLimitError),
        Some(PromotionRejection::UsedUp)
    );
}

#[test]
fn unknown_error_codes_and_result_types_are_backend_errors() {
    let data: q::ApplyCoupon = ok(fixture!("malformed/unknown_error_code.json"));
    let refused = outcome(data.apply_coupon_code.into(), None, Some("X"));
    assert!(
        matches!(&refused, Err(Error::Backend { code, .. }) if code == "COUPON_CODE_SOMETHING_NEW_ERROR"),
        "{refused:?}"
    );
    let data: q::ApplyCoupon = ok(fixture!("malformed/unknown_result_type.json"));
    let refused = outcome(data.apply_coupon_code.into(), None, Some("X"));
    assert!(
        matches!(&refused, Err(Error::Backend { code, .. }) if code == "CouponCodeRegionError"),
        "{refused:?}"
    );
}
