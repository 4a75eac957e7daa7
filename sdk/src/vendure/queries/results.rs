//! What a mutation answers: the order, or one of its error results (by `ErrorCode`), read into
//! one [`Outcome`].

use super::*;

macro_rules! error_results {
    ($($name:ident),* $(,)?) => {$(
        /// An error result of a mutation: its code and message.
        #[derive(cynic::QueryFragment, Clone, Debug)]
        pub struct $name {
            pub error_code: ErrorCode,
            pub message: String,
        }

        impl From<$name> for ErrorResult {
            fn from(e: $name) -> ErrorResult {
                ErrorResult { code: e.error_code, message: e.message, detail: None }
            }
        }
    )*};
}

error_results!(
    OrderModificationError,
    OrderLimitError,
    NegativeQuantityError,
    OrderInterceptorError,
    IneligibleShippingMethodError,
    NoActiveOrderError,
    CouponCodeExpiredError,
    CouponCodeInvalidError,
    CouponCodeLimitError,
    OrderPaymentStateError,
    IneligiblePaymentMethodError,
    CouponRemovedDuringCheckoutError,
    AlreadyLoggedInError,
    EmailAddressConflictError,
    GuestCheckoutError,
    InvalidCredentialsError,
    NotVerifiedError,
    NativeAuthStrategyError,
    MissingPasswordError,
    PasswordValidationError,
    PasswordResetTokenInvalidError,
    PasswordResetTokenExpiredError,
);

/// Not enough stock: Vendure has added what it could (`quantityAvailable`).
#[derive(cynic::QueryFragment, Clone, Debug)]
pub struct InsufficientStockError {
    pub error_code: ErrorCode,
    pub message: String,
    pub quantity_available: i32,
}

/// The payment handler declined.
#[derive(cynic::QueryFragment, Clone, Debug)]
pub struct PaymentDeclinedError {
    pub error_code: ErrorCode,
    pub message: String,
    pub payment_error_message: String,
}

/// The payment handler failed.
#[derive(cynic::QueryFragment, Clone, Debug)]
pub struct PaymentFailedError {
    pub error_code: ErrorCode,
    pub message: String,
    pub payment_error_message: String,
}

/// A state transition was refused; `transitionError` says why.
#[derive(cynic::QueryFragment, Clone, Debug)]
pub struct OrderStateTransitionError {
    pub error_code: ErrorCode,
    pub message: String,
    pub transition_error: String,
}

/// Any error result, reduced to what the mapping needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorResult {
    /// Vendure's code.
    pub code: ErrorCode,
    /// Its message.
    pub message: String,
    /// A number or reason that comes with it (available quantity, processor message).
    pub detail: Option<String>,
}

impl From<InsufficientStockError> for ErrorResult {
    fn from(e: InsufficientStockError) -> ErrorResult {
        ErrorResult {
            code: e.error_code,
            message: e.message,
            detail: Some(e.quantity_available.to_string()),
        }
    }
}

impl From<PaymentDeclinedError> for ErrorResult {
    fn from(e: PaymentDeclinedError) -> ErrorResult {
        ErrorResult {
            code: e.error_code,
            message: e.message,
            detail: Some(e.payment_error_message),
        }
    }
}

impl From<PaymentFailedError> for ErrorResult {
    fn from(e: PaymentFailedError) -> ErrorResult {
        ErrorResult {
            code: e.error_code,
            message: e.message,
            detail: Some(e.payment_error_message),
        }
    }
}

impl From<OrderStateTransitionError> for ErrorResult {
    fn from(e: OrderStateTransitionError) -> ErrorResult {
        ErrorResult {
            code: e.error_code,
            message: e.message,
            detail: Some(e.transition_error),
        }
    }
}

/// What a mutation answered: the order, an error result, or a union member this adapter does
/// not know (a newer server), by type name.
#[derive(Debug)]
pub enum Outcome {
    /// The order after the change.
    Order(Box<OrderFields>),
    /// A known error result.
    Refused(ErrorResult),
    /// A result type the schema did not have.
    Unknown(String),
}

macro_rules! order_results {
    ($($union:ident { $($error:ident),* $(,)? })*) => {$(
        /// A union result of a mutation.
        #[derive(cynic::InlineFragments, Debug)]
        #[allow(clippy::large_enum_variant)] // Decoded once and converted at once.
        pub enum $union {
            Order(OrderFields),
            $($error($error),)*
            #[cynic(fallback)]
            Unknown(String),
        }

        impl From<$union> for Outcome {
            fn from(result: $union) -> Outcome {
                match result {
                    $union::Order(order) => Outcome::Order(Box::new(order)),
                    $($union::$error(e) => Outcome::Refused(e.into()),)*
                    $union::Unknown(name) => Outcome::Unknown(name),
                }
            }
        }
    )*};
}

order_results! {
    UpdateOrderItemsResult {
        OrderModificationError, OrderLimitError, NegativeQuantityError, InsufficientStockError,
        OrderInterceptorError,
    }
    RemoveOrderItemsResult { OrderModificationError, OrderInterceptorError }
    SetOrderShippingMethodResult {
        OrderModificationError, IneligibleShippingMethodError, NoActiveOrderError,
    }
    ApplyCouponCodeResult { CouponCodeExpiredError, CouponCodeInvalidError, CouponCodeLimitError }
    AddPaymentToOrderResult {
        OrderPaymentStateError, IneligiblePaymentMethodError, PaymentFailedError,
        PaymentDeclinedError, OrderStateTransitionError, NoActiveOrderError,
        CouponRemovedDuringCheckoutError,
    }
    TransitionOrderToStateResult { OrderStateTransitionError }
    SetCustomerForOrderResult {
        AlreadyLoggedInError, EmailAddressConflictError, NoActiveOrderError, GuestCheckoutError,
    }
    ActiveOrderResult { NoActiveOrderError }
}
