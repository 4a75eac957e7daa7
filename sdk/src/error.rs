//! The one error type every backend maps its failures into.

use std::fmt;

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
        /// What kind of thing.
        what: Resource,
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
        /// What the code names: a currency, a country, a market, …
        what: Unsold,
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
    /// Registration refused: an account with this email exists already.
    #[error("an account with this email exists already")]
    EmailTaken,
    /// Sign-in refused. Deliberately the same for an unknown email and a wrong password, so a
    /// sign-in form never tells whether an email has an account.
    #[error("wrong email or password")]
    WrongCredentials,
    /// The account exists but its email is not verified yet (a backend that requires
    /// verification sent a link when the account was created).
    #[error("the account is not verified yet")]
    NotVerified,
    /// The password does not meet the rule; `rule` says it, for the shopper.
    #[error("the password is too weak: {rule}")]
    WeakPassword {
        /// The rule that was not met.
        rule: crate::account::PasswordRule,
    },
    /// Too many attempts in a short time (sign-ins, resets); try again later.
    #[error("too many attempts, try again later")]
    TooManyAttempts {
        /// Seconds to wait, when the backend said.
        #[serde(default)]
        retry_after: Option<u32>,
    },
    /// An account operation without a signed-in customer (never signed in, signed out, or the
    /// session expired): the storefront goes to sign-in.
    #[error("not signed in")]
    NotSignedIn,
    /// The backend cannot do this (for example a password reset without an e-mail provider).
    #[error("the store cannot {what}")]
    Unsupported {
        /// What it cannot do, for logs: `reset passwords`.
        what: String,
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
    ///
    /// ```
    /// use dhow_sdk::{Error, Resource};
    ///
    /// let error = Error::not_found(Resource::Product, "linen-shirt");
    /// assert_eq!(error.to_string(), "product `linen-shirt` was not found");
    /// ```
    pub fn not_found(what: Resource, id: impl Into<String>) -> Error {
        Error::NotFound {
            what,
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

/// The kind of thing [`Error::NotFound`] did not find. Its JSON form (and `Display`) is the
/// lower-case name the embed's JavaScript has always seen: `"product"`, `"shipping option"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Resource {
    /// A product, asked for by handle.
    Product,
    /// A product variant (what a cart line buys).
    Variant,
    /// A cart.
    Cart,
    /// A line of a cart.
    Line,
    /// A promotion code on a cart (when removing one that is not there).
    Discount,
    /// A shipping option of a cart.
    // Spaced, not snake case: the name the JSON form has always carried.
    #[serde(rename = "shipping option")]
    ShippingOption,
    /// A payment method of a cart.
    #[serde(rename = "payment method")]
    PaymentMethod,
    /// A placed order, asked for by number.
    Order,
    /// A market of the store configuration.
    Market,
    /// A file the storefront reads (the catalog, the configuration).
    File,
    /// A storefront element the embed was asked to mount.
    Element,
    /// Something the backend did not name (it answered "not found" to a call about several).
    // Named `resource` in JSON, as Medusa's answers were before this was typed.
    #[serde(rename = "resource")]
    Unnamed,
    /// A customer account.
    Customer,
    /// An address of a customer's address book.
    Address,
}

impl Resource {
    /// The name in the JSON form, also used in messages.
    ///
    /// ```
    /// assert_eq!(dhow_sdk::Resource::ShippingOption.as_str(), "shipping option");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Resource::Product => "product",
            Resource::Variant => "variant",
            Resource::Cart => "cart",
            Resource::Line => "line",
            Resource::Discount => "discount",
            Resource::ShippingOption => "shipping option",
            Resource::PaymentMethod => "payment method",
            Resource::Order => "order",
            Resource::Market => "market",
            Resource::File => "file",
            Resource::Element => "element",
            Resource::Unnamed => "resource",
            Resource::Customer => "customer",
            Resource::Address => "address",
        }
    }
}

impl fmt::Display for Resource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of code [`Error::NotSold`] refused. Its JSON form (and `Display`) is the lower-case
/// name: `"currency"`, `"market"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Unsold {
    /// A currency the store does not price in.
    Currency,
    /// A country the store does not sell to.
    Country,
    /// A market that is not in the store configuration.
    Market,
    /// A variant not sold in the market a cart moved to.
    Variant,
    /// A backend kind this build was compiled without (see the SDK's cargo features).
    Backend,
}

impl Unsold {
    /// The name in the JSON form, also used in messages.
    ///
    /// ```
    /// assert_eq!(dhow_sdk::Unsold::Market.as_str(), "market");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Unsold::Currency => "currency",
            Unsold::Country => "country",
            Unsold::Market => "market",
            Unsold::Variant => "variant",
            Unsold::Backend => "backend",
        }
    }
}

impl fmt::Display for Unsold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The messages and the JSON form name each kind alike, as the embed's page reads it.
    #[test]
    fn kinds_serialise_as_they_display() {
        let resources = [
            Resource::Product,
            Resource::Variant,
            Resource::Cart,
            Resource::Line,
            Resource::Discount,
            Resource::ShippingOption,
            Resource::PaymentMethod,
            Resource::Order,
            Resource::Market,
            Resource::File,
            Resource::Element,
            Resource::Unnamed,
            Resource::Customer,
            Resource::Address,
        ];
        for r in resources {
            let json = serde_json::to_value(r).expect("json");
            assert_eq!(json, serde_json::json!(r.as_str()));
            assert_eq!(
                serde_json::from_value::<Resource>(json).expect("read back"),
                r
            );
        }
        let unsold = [
            Unsold::Currency,
            Unsold::Country,
            Unsold::Market,
            Unsold::Variant,
            Unsold::Backend,
        ];
        for u in unsold {
            let json = serde_json::to_value(u).expect("json");
            assert_eq!(json, serde_json::json!(u.as_str()));
            assert_eq!(
                serde_json::from_value::<Unsold>(json).expect("read back"),
                u
            );
        }
    }

    #[test]
    fn the_json_form_is_unchanged() {
        assert_eq!(
            serde_json::to_value(Error::not_found(Resource::Product, "x")).expect("json"),
            serde_json::json!({ "kind": "not_found", "what": "product", "id": "x" })
        );
        assert_eq!(
            Error::not_found(Resource::ShippingOption, "teleport").to_string(),
            "shipping option `teleport` was not found"
        );
    }
}
