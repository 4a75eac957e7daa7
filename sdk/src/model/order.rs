//! Orders: what a completed cart becomes.

use serde::{Deserialize, Serialize};

use crate::address::Address;
use crate::ids::{MarketId, OrderId};
use crate::model::{CartLine, CartTotals, Payment, ShippingOption};

/// Where an order stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OrderStatus {
    /// Paid (or authorized) and waiting to ship.
    Placed,
    /// Shipped.
    Fulfilled,
    /// Cancelled.
    Cancelled,
}

/// A placed order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    /// The backend's id.
    pub id: OrderId,
    /// The number the shopper sees and quotes: `DHW-10001`, `#1042`.
    pub number: String,
    /// Contact email.
    pub email: String,
    /// Market it was placed in.
    pub market: MarketId,
    /// When it was placed, RFC 3339.
    pub placed_at: String,
    /// Status.
    pub status: OrderStatus,
    /// Lines as bought.
    pub lines: Vec<CartLine>,
    /// Final totals.
    pub totals: CartTotals,
    /// Where it ships.
    pub shipping_address: Address,
    /// Billing address, when different.
    #[serde(default)]
    pub billing_address: Option<Address>,
    /// How it ships.
    pub shipping_option: Option<ShippingOption>,
    /// How it was paid.
    pub payment: Option<Payment>,
}
