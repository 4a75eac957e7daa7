//! Checkout: shipping options, payment methods and what a shopper submits to pay.

use serde::{Deserialize, Serialize};

use crate::ids::{PaymentMethodId, ShippingOptionId};
use crate::money::Money;

/// A way to ship a cart, with its price for that cart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingOption {
    /// The option's id.
    pub id: ShippingOptionId,
    /// Its name: `Standard`, `Express`.
    pub name: String,
    /// Price for this cart (zero when free), on the market's tax basis.
    pub amount: Money,
    /// Fewest business days to deliver, when known.
    #[serde(default)]
    pub min_days: Option<u32>,
    /// Most business days to deliver, when known.
    #[serde(default)]
    pub max_days: Option<u32>,
}

/// What kind of payment a method takes, which decides the form the storefront shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PaymentKind {
    /// A card form handled by the backend's test processor (never a real card).
    TestCard,
    /// Nothing to enter: the backend's manual or system provider authorizes it.
    Manual,
}

/// A payment method offered for a cart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentMethod {
    /// The method's id.
    pub id: PaymentMethodId,
    /// Its name, as the backend gives it.
    pub name: String,
    /// What the shopper fills in.
    pub kind: PaymentKind,
}

/// Card details for a test card method. Never stored: used for one authorization only.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardDetails {
    /// Card number; spaces are ignored.
    pub number: String,
    /// Expiry as `MM/YY`.
    pub expiry: String,
    /// Security code.
    pub cvc: String,
}

impl std::fmt::Debug for CardDetails {
    /// Shows only the last four digits, so card data never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digits: String = self.number.chars().filter(char::is_ascii_digit).collect();
        let last4 = &digits[digits.len().saturating_sub(4)..];
        write!(f, "CardDetails(…{last4})")
    }
}

/// What the shopper submits to pay.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentInput {
    /// The method chosen.
    pub method: PaymentMethodId,
    /// Card details, for a card method.
    #[serde(default)]
    pub card: Option<CardDetails>,
}

/// A payment the backend authorized for a cart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    /// The method used.
    pub method: PaymentMethodId,
    /// Amount authorized: the cart's total at the time.
    pub amount: Money,
    /// What the shopper can recognise it by: `Visa •••• 4242`, `Manual`.
    pub description: String,
}
