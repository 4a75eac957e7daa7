//! Dhow's typed SDK: exact money in every ISO 4217 currency, markets, the commerce model
//! (catalog, cart, checkout, order), the one [`Backend`] trait every commerce backend implements,
//! and the embedded [`local`] engine.
//!
//! ```
//! use dhow_sdk::{Currency, Money};
//!
//! let price = Money::parse("19.99", Currency::EUR).unwrap();
//! let two = price.checked_mul(2).unwrap();
//! assert_eq!(two.to_decimal_string(), "39.98");
//! ```

pub mod address;
pub mod backend;
pub mod contact;
mod decimal;
mod error;
mod ids;
pub mod market;
pub mod model;
pub mod money;
pub mod storage;

#[cfg(feature = "local")]
pub mod local;
#[cfg(feature = "medusa")]
pub mod medusa;
#[cfg(feature = "vendure")]
pub mod vendure;

pub use backend::Backend;
pub use decimal::{Decimal, DecimalError, RoundingMode};
pub use error::{Error, FieldError, Problem, PromotionRejection, Result};
pub use ids::*;
pub use market::{DutyTerms, Market, StoreConfig, TaxDisplay};
pub use money::{Currency, Money, MoneyError};
