//! Orders as the builder reads them, whatever their source.

use serde::{Deserialize, Serialize};

/// One order: when it was placed and which products it held. A product bought twice in one
/// order counts once for co-occurrence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderRecord {
    /// The order's id or number in its source (for messages only).
    pub id: String,
    /// When it was placed, as seconds since the Unix epoch (UTC); orders are split into training
    /// and held-out sets by this.
    pub placed_at: i64,
    /// The products' handles, one per line of the order.
    pub products: Vec<String>,
}
