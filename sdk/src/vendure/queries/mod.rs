//! The Shop API operations the adapter sends, as cynic types checked at compile time against
//! the registered schema (`sdk/schema/vendure-shop-api.graphql`), and the shapes they decode into.
//!
//! Fragments select only what the mapping reads. The product fragment is deliberately a subset
//! of what `backends/vendure/capture-fixtures.sh` selects, so its saved responses decode too.

use crate::decimal::Decimal;

mod account;
mod cart;
mod catalog;
mod checkout;
mod order;
mod results;

pub use account::*;
pub use cart::*;
pub use catalog::*;
pub use checkout::*;
pub use order::*;
pub use results::*;

#[cynic::schema("vendure")]
mod schema {}

// ---------------------------------------------------------------------------------------------
// Scalars and enums

/// An amount as Vendure sends it, in units of 10^-precision of the currency (by default
/// hundredths, even for zero-decimal currencies). Not yet Dhow money: see `mapping`.
///
/// Vendure's `Money` scalar is a JSON number that is usually whole, but figures it derives
/// (net prices behind tax-inclusive ones: `136363.63636363635`) carry fractions. Those arrive
/// as floats; they are read back through their shortest decimal text into an exact decimal,
/// which `mapping` then refuses or rounds, never computes with in binary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Units(pub Decimal);

impl Units {
    /// A whole number of units.
    pub fn whole(value: i64) -> Units {
        Units(Decimal::new(i128::from(value), 0).unwrap_or(Decimal::ZERO))
    }

    /// `self − other`, exactly; `None` on overflow.
    pub fn checked_sub(self, other: Units) -> Option<Units> {
        let negated = Decimal::new(other.0.mantissa().checked_neg()?, other.0.scale())?;
        self.0.checked_add(negated).map(Units)
    }

    /// `self + other`, exactly; `None` on overflow.
    pub fn checked_add(self, other: Units) -> Option<Units> {
        self.0.checked_add(other.0).map(Units)
    }

    /// Whether the amount is zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }
}

impl<'de> serde::Deserialize<'de> for Units {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Units, D::Error> {
        struct UnitsVisitor;

        impl serde::de::Visitor<'_> for UnitsVisitor {
            type Value = Units;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an amount (a JSON number)")
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Units, E> {
                Ok(Units::whole(v))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Units, E> {
                let v = i64::try_from(v)
                    .map_err(|_| E::custom(format!("amount {v} is out of range")))?;
                Ok(Units::whole(v))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Units, E> {
                if !v.is_finite() {
                    return Err(E::custom("amount is not a finite number"));
                }
                // The shortest text that reads back as the same float: the digits the server
                // wrote, without binary noise.
                crate::vendure::mapping::shortest(v)
                    .map(Units)
                    .ok_or_else(|| E::custom("amount is out of range"))
            }
        }

        deserializer.deserialize_any(UnitsVisitor)
    }
}

impl serde::Serialize for Units {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

cynic::impl_scalar!(Units, schema::Money);

/// A tax rate in percent. GraphQL sends it as a `Float`; it is a rate, not money, and is turned
/// into an exact decimal through its shortest decimal text (see `mapping::rate`).
#[derive(cynic::Scalar, Clone, Copy, Debug, PartialEq)]
#[cynic(graphql_type = "Float")]
pub struct Percent(pub f64);

/// A `DateTime` as the ISO 8601 text Vendure sends.
#[derive(cynic::Scalar, Clone, Debug, PartialEq, Eq)]
#[cynic(graphql_type = "DateTime")]
pub struct DateTime(pub String);

/// Free-form JSON (payment metadata).
#[derive(cynic::Scalar, Clone, Debug, PartialEq)]
#[cynic(graphql_type = "JSON")]
pub struct Json(pub serde_json::Value);

/// Where an order is in Vendure's order process. The schema types it as a plain `String` (a
/// server can add states of its own), so it is read from that text once, here, and compared as
/// a value everywhere else.
#[derive(serde::Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(from = "String")]
pub enum OrderState {
    /// Open: lines, addresses and shipping can change.
    AddingItems,
    /// Checkout: the order waits for a payment.
    ArrangingPayment,
    /// Paid, the money authorized but not yet captured.
    PaymentAuthorized,
    /// Paid, the money captured.
    PaymentSettled,
    /// Part of the order has shipped.
    PartiallyShipped,
    /// Everything has shipped.
    Shipped,
    /// Part of the order has arrived.
    PartiallyDelivered,
    /// Everything has arrived.
    Delivered,
    /// Cancelled by the merchant (or never paid).
    Cancelled,
    /// A state of a custom order process (or one this adapter does not act on), as sent.
    Other(String),
}

impl OrderState {
    /// The state's name on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            OrderState::AddingItems => "AddingItems",
            OrderState::ArrangingPayment => "ArrangingPayment",
            OrderState::PaymentAuthorized => "PaymentAuthorized",
            OrderState::PaymentSettled => "PaymentSettled",
            OrderState::PartiallyShipped => "PartiallyShipped",
            OrderState::Shipped => "Shipped",
            OrderState::PartiallyDelivered => "PartiallyDelivered",
            OrderState::Delivered => "Delivered",
            OrderState::Cancelled => "Cancelled",
            OrderState::Other(state) => state,
        }
    }
}

impl From<String> for OrderState {
    fn from(state: String) -> OrderState {
        match state.as_str() {
            "AddingItems" => OrderState::AddingItems,
            "ArrangingPayment" => OrderState::ArrangingPayment,
            "PaymentAuthorized" => OrderState::PaymentAuthorized,
            "PaymentSettled" => OrderState::PaymentSettled,
            "PartiallyShipped" => OrderState::PartiallyShipped,
            "Shipped" => OrderState::Shipped,
            "PartiallyDelivered" => OrderState::PartiallyDelivered,
            "Delivered" => OrderState::Delivered,
            "Cancelled" => OrderState::Cancelled,
            _ => OrderState::Other(state),
        }
    }
}

// The transition mutation sends a state: as the same text the server sent.
impl serde::Serialize for OrderState {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

cynic::impl_scalar!(OrderState, schema::String);

/// Where a payment is in Vendure's payment process (a plain `String` in the schema, as
/// [`OrderState`]).
#[derive(serde::Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(from = "String")]
pub enum PaymentState {
    /// Created, not yet answered by the payment handler.
    Created,
    /// The money is authorized, to be captured later.
    Authorized,
    /// The money is captured.
    Settled,
    /// The handler declined it.
    Declined,
    /// The handler failed.
    Error,
    /// Cancelled before it settled.
    Cancelled,
    /// A state of a custom payment process, as sent.
    Other(String),
}

impl PaymentState {
    /// Whether the payment counts toward what the order was paid: authorized or captured.
    pub fn is_accepted(&self) -> bool {
        matches!(self, PaymentState::Authorized | PaymentState::Settled)
    }
}

impl From<String> for PaymentState {
    fn from(state: String) -> PaymentState {
        match state.as_str() {
            "Created" => PaymentState::Created,
            "Authorized" => PaymentState::Authorized,
            "Settled" => PaymentState::Settled,
            "Declined" => PaymentState::Declined,
            "Error" => PaymentState::Error,
            "Cancelled" => PaymentState::Cancelled,
            _ => PaymentState::Other(state),
        }
    }
}

cynic::impl_scalar!(PaymentState, schema::String);

/// ISO 4217 codes. Only the fallback is used: the SDK's own `Currency` table decides what a
/// code means, so the schema's 180-value enum is not repeated here.
#[derive(cynic::Enum, Clone, Debug, PartialEq, Eq)]
#[cynic(non_exhaustive)]
pub enum CurrencyCode {
    /// US dollar (one named variant keeps the derive's exhaustiveness check meaningful).
    Usd,
    /// Any other code, as sent.
    #[cynic(fallback)]
    Other(String),
}

impl CurrencyCode {
    /// The three-letter code.
    pub fn code(&self) -> &str {
        match self {
            CurrencyCode::Usd => "USD",
            CurrencyCode::Other(code) => code,
        }
    }

    /// The schema value for an ISO code.
    pub fn from_code(code: &str) -> CurrencyCode {
        match code {
            "USD" => CurrencyCode::Usd,
            other => CurrencyCode::Other(other.to_owned()),
        }
    }
}

/// Vendure's error codes of union results. Unknown codes (a newer server) keep their text.
#[derive(cynic::Enum, Clone, Debug, PartialEq, Eq)]
#[cynic(non_exhaustive)]
pub enum ErrorCode {
    OrderStateTransitionError,
    EmailAddressConflictError,
    GuestCheckoutError,
    OrderLimitError,
    NegativeQuantityError,
    InsufficientStockError,
    CouponCodeInvalidError,
    CouponCodeExpiredError,
    CouponCodeLimitError,
    OrderModificationError,
    IneligibleShippingMethodError,
    NoActiveOrderError,
    OrderInterceptorError,
    OrderPaymentStateError,
    IneligiblePaymentMethodError,
    PaymentFailedError,
    PaymentDeclinedError,
    CouponRemovedDuringCheckoutError,
    AlreadyLoggedInError,
    InvalidCredentialsError,
    NotVerifiedError,
    NativeAuthStrategyError,
    MissingPasswordError,
    PasswordValidationError,
    PasswordResetTokenInvalidError,
    PasswordResetTokenExpiredError,
    /// Any other code, as sent.
    #[cynic(fallback)]
    Other(String),
}

/// Sort direction.
#[derive(cynic::Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortOrder {
    Asc,
    Desc,
}
