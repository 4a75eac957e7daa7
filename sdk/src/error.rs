//! The one error type every backend maps its failures into.

use serde::{Deserialize, Serialize};

use crate::money::MoneyError;

/// Result of an SDK operation.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, in terms a storefront can act on. Adapters map every backend failure into one
/// of these; nothing panics on a bad response.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Error {
    /// The backend could not be reached (offline, DNS, CORS, connection refused). Retry later.
    #[error("the store could not be reached: {message}")]
    Network {
        /// What the transport said.
        message: String,
    },
    /// The backend did not answer in time. Retrying is safe: writes are idempotent.
    #[error("the store took too long to answer")]
    Timeout,
    /// The thing asked for does not exist (or no longer does): show a not-found page.
    #[error("{what} `{id}` was not found")]
    NotFound {
        /// What kind of thing: `product`, `cart`, `order`, `line`, …
        what: String,
        /// The identifier or handle asked for.
        id: String,
    },
    /// Input was refused; each field error says which field and why. Show them beside the fields.
    #[error("some fields need attention")]
    InvalidInput {
        /// One entry per field that was refused.
        fields: Vec<FieldError>,
    },
    /// Not enough stock for the quantity asked for; `available` is what can still be bought.
    #[error("only {available} left of variant `{variant}`")]
    OutOfStock {
        /// The variant asked for.
        variant: String,
        /// How many can still be bought (0 when sold out).
        available: u32,
    },
    /// The store does not sell in this currency, to this country, or in this market.
    #[error("{what} `{code}` is not sold by this store")]
    NotSold {
        /// `currency`, `country` or `market`.
        what: String,
        /// The code that was asked for.
        code: String,
    },
    /// A promotion code was refused; `reason` says why, for the shopper.
    #[error("code `{code}` was not applied: {reason:?}")]
    PromotionRejected {
        /// The code as the shopper typed it.
        code: String,
        /// Why it did not apply.
        reason: PromotionRejection,
    },
    /// The payment was declined; the shopper can try another card. Nothing was charged.
    #[error("the payment was declined")]
    PaymentDeclined {
        /// The processor's reason, when it gave one (for example `card_declined`).
        reason: Option<String>,
    },
    /// The request conflicts with the current state (for example a cart already completed by
    /// another tab, or a step done out of order). Reload and try again.
    #[error("conflict: {message}")]
    Conflict {
        /// What conflicted.
        message: String,
    },
    /// Something kept in storage could not be used (unreadable, written by a newer version, or
    /// for a market the store no longer sells in). It was set aside under `key`, not deleted:
    /// the storefront starts afresh and tells the shopper.
    #[error("the saved {what} could not be used; it was kept under `{key}`")]
    SetAside {
        /// What was set aside: `cart`, `stock`, `order sequence`, `order`.
        what: String,
        /// The storage key it was moved to.
        key: String,
    },
    /// The backend reported an error of its own that maps to nothing above.
    #[error("the store answered with error {code}: {message}")]
    Backend {
        /// The backend's error code (HTTP status or its own code).
        code: String,
        /// The backend's message, for logs.
        message: String,
    },
    /// The backend's answer could not be read (a missing field, a wrong type, an amount that is
    /// not exact). A bug or version mismatch in the backend or adapter, not the shopper's fault.
    #[error("the store's answer could not be read: {message}")]
    Decode {
        /// What did not decode.
        message: String,
    },
    /// Money could not be computed exactly (currencies mixed, an amount out of range).
    #[error("amount error: {0}")]
    Money(#[from] MoneyError),
}

impl Error {
    /// Whether trying the same call again may succeed (network trouble, time-outs).
    pub fn is_retryable(&self) -> bool {
        matches!(self, Error::Network { .. } | Error::Timeout)
    }

    /// A not-found error for `what` with `id`.
    pub fn not_found(what: &str, id: impl Into<String>) -> Error {
        Error::NotFound {
            what: what.to_owned(),
            id: id.into(),
        }
    }

    /// An input error on one field.
    pub fn invalid(field: &str, problem: Problem) -> Error {
        Error::InvalidInput {
            fields: vec![FieldError::new(field, problem)],
        }
    }
}

/// One refused field: which one and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's stable name, as in the model: `email`, `postal_code`, `region`, `quantity`.
    pub field: String,
    /// Why it was refused.
    pub problem: Problem,
}

impl FieldError {
    /// A field error.
    pub fn new(field: &str, problem: Problem) -> FieldError {
        FieldError {
            field: field.to_owned(),
            problem,
        }
    }
}

/// Why a field was refused; the storefront turns each into a message in the shopper's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Problem {
    /// The field must be filled.
    Required,
    /// The value is not of the expected form (an email without `@`, a quantity of zero).
    Invalid,
    /// The value is longer than `max` characters.
    TooLong {
        /// Longest accepted length.
        max: u32,
    },
    /// The postal code does not match the country's format; `example` is a valid one.
    PostalCode {
        /// A valid postal code of the country, to show as a hint.
        example: String,
    },
    /// The state, province or prefecture is not one of the country's.
    UnknownRegion,
    /// The store does not ship to this country.
    CountryNotServed,
}

/// Why a promotion code did not apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PromotionRejection {
    /// No promotion has this code.
    Unknown,
    /// The promotion has ended or not started.
    Expired,
    /// The code has been used as many times as the promotion allows (in all, or by this
    /// customer).
    UsedUp,
    /// The cart's subtotal is below the promotion's minimum.
    MinimumNotReached,
    /// The promotion does not apply in this market or currency.
    NotInMarket,
    /// The code is already on the cart.
    AlreadyApplied,
    /// The code cannot be combined with a code already applied.
    NotCombinable,
}
