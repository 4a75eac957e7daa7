//! Vendure's refusals as the SDK's errors: the error results of mutations (by their
//! `ErrorCode`), and the renamings a call makes of a generic answer it knows more about.

use super::queries::{ErrorCode, ErrorResult, OrderFields, Outcome};
use super::session::Session;
use crate::error::{Error, PromotionRejection, Resource, Result};
use crate::ids::CartId;

/// An error result of a mutation as the SDK's error. `variant` names the variant a stock error
/// is about; `coupon` the code a promotion error is about.
pub(super) fn refused(e: ErrorResult, variant: Option<&str>, coupon: Option<&str>) -> Error {
    let promotion = |reason| Error::PromotionRejected {
        code: coupon.unwrap_or_default().to_owned(),
        reason,
    };
    match e.code {
        ErrorCode::InsufficientStockError => Error::OutOfStock {
            variant: variant.unwrap_or_default().to_owned(),
            available: e
                .detail
                .as_deref()
                .and_then(|d| d.parse::<u32>().ok())
                .unwrap_or(0),
        },
        ErrorCode::CouponCodeInvalidError => promotion(PromotionRejection::Unknown),
        ErrorCode::CouponCodeExpiredError => promotion(PromotionRejection::Expired),
        // A usage limit reached: the code exists but cannot be used (any more) by this shopper.
        ErrorCode::CouponCodeLimitError => promotion(PromotionRejection::UsedUp),
        ErrorCode::PaymentDeclinedError | ErrorCode::PaymentFailedError => Error::PaymentDeclined {
            reason: e.detail.filter(|d| !d.is_empty()),
        },
        ErrorCode::OrderModificationError
        | ErrorCode::OrderStateTransitionError
        | ErrorCode::OrderPaymentStateError
        | ErrorCode::NoActiveOrderError
        | ErrorCode::CouponRemovedDuringCheckoutError
        | ErrorCode::OrderInterceptorError => Error::Conflict {
            message: match e.detail {
                Some(detail) if !detail.is_empty() => format!("{}: {detail}", e.message),
                _ => e.message,
            },
        },
        ErrorCode::EmailAddressConflictError
        | ErrorCode::GuestCheckoutError
        | ErrorCode::AlreadyLoggedInError => Error::Conflict { message: e.message },
        ErrorCode::NegativeQuantityError => {
            Error::invalid("quantity", crate::error::Problem::Invalid)
        }
        ErrorCode::OrderLimitError => Error::invalid("quantity", crate::error::Problem::Invalid),
        ErrorCode::IneligibleShippingMethodError => {
            Error::not_found(Resource::ShippingOption, variant.unwrap_or_default())
        }
        ErrorCode::IneligiblePaymentMethodError => {
            Error::not_found(Resource::PaymentMethod, variant.unwrap_or_default())
        }
        // Vendure's one answer for an unknown email and a wrong password alike.
        ErrorCode::InvalidCredentialsError => Error::WrongCredentials,
        ErrorCode::NotVerifiedError => Error::NotVerified,
        // The adapter checks the SDK's rule first; a server whose own rule is stricter still
        // refuses, and the shopper is shown the rule the storefront knows.
        ErrorCode::PasswordValidationError | ErrorCode::MissingPasswordError => {
            Error::WeakPassword {
                rule: crate::account::PASSWORD_RULE,
            }
        }
        ErrorCode::PasswordResetTokenInvalidError | ErrorCode::PasswordResetTokenExpiredError => {
            Error::invalid("token", crate::error::Problem::Invalid)
        }
        // The server signs customers in through another strategy (single sign-on) only.
        ErrorCode::NativeAuthStrategyError => Error::Unsupported {
            what: "sign customers in with a password".to_owned(),
        },
        ErrorCode::Other(code) => Error::Backend {
            code,
            message: e.message,
        },
    }
}

/// A mutation's outcome as the order, or the error it maps to.
pub(super) fn outcome(
    o: Outcome,
    variant: Option<&str>,
    coupon: Option<&str>,
) -> Result<OrderFields> {
    match o {
        Outcome::Order(order) => Ok(*order),
        Outcome::Refused(e) => Err(refused(e, variant, coupon)),
        Outcome::Unknown(name) => Err(Error::Backend {
            code: name.clone(),
            message: format!("the store answered with an unknown result type `{name}`"),
        }),
    }
}

/// The refusal of a change to a cart that was paid (as the order `session` names).
pub(super) fn paid_already(id: &CartId, session: &Session) -> Error {
    Error::Conflict {
        message: format!(
            "cart `{id}` was paid as order {}",
            session.order_code.as_deref().unwrap_or_default()
        ),
    }
}

/// Names what was not found: Vendure says "entity" and puts the id in a sentence.
pub(super) fn rename_not_found(error: Error, what: Resource, id: &str) -> Error {
    match error {
        Error::NotFound {
            what: Resource::Unnamed,
            ..
        } => Error::not_found(what, id),
        other => other,
    }
}

/// Vendure answers FORBIDDEN for an order a guest may no longer read.
pub(super) fn rename_forbidden(error: Error, code: &str) -> Error {
    match error {
        Error::Backend { code: c, .. } if c == "FORBIDDEN" => {
            Error::not_found(Resource::Order, code)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests;
