//! Dhow's typed SDK: exact money in every ISO 4217 currency, markets, the commerce model
//! (catalog, cart, checkout, order), the one [`Backend`] trait every commerce backend implements,
//! its adapters (the embedded `local` engine, `medusa`, `vendure`, each a cargo feature), and
//! [`connect::open`], which opens the one a store's [`config`] names.
//!
//! ```
//! use dhow_sdk::{Currency, Money};
//!
//! let price = Money::parse("19.99", Currency::EUR).unwrap();
//! let two = price.checked_mul(2).unwrap();
//! assert_eq!(two.to_decimal_string(), "39.98");
//! ```

pub mod account;
pub mod address;
pub mod analytics;
pub mod backend;
// Only the card check needs it without the local engine.
#[cfg_attr(not(feature = "local"), allow(dead_code))]
mod clock;
pub mod config;
pub mod connect;
pub mod contact;
mod decimal;
mod error;
/// HTTP shared by the network adapters.
#[cfg(any(feature = "medusa", feature = "vendure"))]
pub mod http;
mod ids;
pub mod market;
pub mod model;
pub mod money;
pub mod recommend;
pub mod sorting;
pub mod storage;
mod tagged;
pub mod text;

#[cfg(feature = "local")]
pub mod local;
#[cfg(feature = "medusa")]
pub mod medusa;
#[cfg(feature = "vendure")]
pub mod vendure;

pub use backend::Backend;
pub use config::{BackendConfig, StoreConfig};
pub use connect::AnyBackend;
pub use decimal::{Decimal, DecimalError, RoundingMode};
pub use error::{Error, FieldError, Problem, PromotionRejection, Resource, Result, Unsold};
pub use ids::*;
pub use market::{DutyTerms, Market, TaxDisplay};
pub use money::{Currency, Money, MoneyError};
