//! The Shop API operations the adapter sends, as cynic types checked at compile time against
//! the registered schema (`backends/vendure/shop-api.graphql`), and the shapes they decode into.
//!
//! Fragments select only what the mapping reads. The product fragment is deliberately a subset
//! of what `backends/vendure/capture-fixtures.sh` selects, so its saved responses decode too.

use crate::decimal::Decimal;

mod cart;
mod catalog;
mod checkout;
mod order;
mod results;

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
                // Rust prints the shortest text that reads back as the same float: the digits
                // the server wrote, without binary noise.
                Decimal::parse(&format!("{v}"))
                    .map(Units)
                    .map_err(|_| E::custom(format!("amount {v} is out of range")))
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
