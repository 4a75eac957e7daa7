//! The engine's persisted state — carts, orders, units sold, the order number sequence — as JSON
//! under `dhow.local.` keys of a [`Storage`], read afresh on every call because another tab may
//! have written since.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::address::Address;
use crate::error::{Error, Result};
use crate::ids::{CartId, LineId, MarketId, ShippingOptionId, VariantId};
use crate::local::pricing::Sold;
use crate::model::{Order, Payment};
use crate::storage::Storage;

/// Prefix of every key the engine writes.
pub(crate) const PREFIX: &str = "dhow.local.";

/// First order number minus one: orders are `DHW-10001`, `DHW-10002`, …
const FIRST_SEQUENCE: u64 = 10_000;

/// A cart as stored: what the shopper chose, never prices. Lines are re-priced from the catalog
/// on every read, so a cart follows its market and the catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StoredCart {
    pub id: CartId,
    pub market: MarketId,
    /// The shopper's language when the cart was last written: `cart(id)` has no market to
    /// take it from.
    pub locale: String,
    #[serde(default)]
    pub lines: Vec<StoredLine>,
    /// Promotion codes, as the merchant spells them, in the order applied.
    #[serde(default)]
    pub codes: Vec<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub shipping_address: Option<Address>,
    #[serde(default)]
    pub billing_address: Option<Address>,
    #[serde(default)]
    pub shipping_option: Option<ShippingOptionId>,
    /// The last authorization; card data is never stored, only what `pay` returned.
    #[serde(default)]
    pub payment: Option<Payment>,
    /// The order number once completed: a completed cart is read-only.
    #[serde(default)]
    pub order: Option<String>,
    /// Next line number, so a removed line's id is never reused.
    #[serde(default)]
    pub next_line: u64,
}

/// A line as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StoredLine {
    pub id: LineId,
    pub variant: VariantId,
    pub quantity: u32,
}

/// Typed access to the engine's keys.
pub(crate) struct State<'a> {
    storage: &'a dyn Storage,
}

impl<'a> State<'a> {
    pub fn new(storage: &'a dyn Storage) -> State<'a> {
        State { storage }
    }

    fn read<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        match self.storage.get(key)? {
            None => Ok(None),
            Some(text) => serde_json::from_str(&text)
                .map(Some)
                .map_err(|e| Error::Decode {
                    message: format!("stored `{key}`: {e}"),
                }),
        }
    }

    fn write<T: Serialize>(&self, key: &str, value: &T) -> Result<()> {
        let text = serde_json::to_string(value).map_err(|e| Error::Decode {
            message: e.to_string(),
        })?;
        self.storage.set(key, &text)
    }

    fn cart_key(id: &CartId) -> String {
        format!("{PREFIX}cart.{id}")
    }

    fn order_key(number: &str) -> String {
        format!("{PREFIX}order.{number}")
    }

    /// Whether a cart with this id exists.
    pub fn cart_exists(&self, id: &CartId) -> Result<bool> {
        Ok(self.storage.get(&Self::cart_key(id))?.is_some())
    }

    /// The cart, or [`Error::NotFound`].
    pub fn cart(&self, id: &CartId) -> Result<StoredCart> {
        self.read(&Self::cart_key(id))?
            .ok_or_else(|| Error::not_found("cart", id.as_str()))
    }

    pub fn save_cart(&self, cart: &StoredCart) -> Result<()> {
        self.write(&Self::cart_key(&cart.id), cart)
    }

    /// Units sold per variant.
    pub fn sold(&self) -> Result<Sold> {
        Ok(self.read(&format!("{PREFIX}sold"))?.unwrap_or_default())
    }

    pub fn save_sold(&self, sold: &Sold) -> Result<()> {
        self.write(&format!("{PREFIX}sold"), sold)
    }

    /// Takes the next order number from the sequence and persists it before the order is
    /// written, so a number is never given twice even if writing the order fails.
    pub fn next_order_number(&self) -> Result<String> {
        let key = format!("{PREFIX}order_seq");
        let last: u64 = self.read(&key)?.unwrap_or(FIRST_SEQUENCE);
        let next = last
            .checked_add(1)
            .ok_or(crate::money::MoneyError::Overflow)?;
        self.write(&key, &next)?;
        Ok(format!("DHW-{next}"))
    }

    pub fn order(&self, number: &str) -> Result<Option<Order>> {
        self.read(&Self::order_key(number))
    }

    pub fn save_order(&self, order: &Order) -> Result<()> {
        self.write(&Self::order_key(&order.number), order)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStorage;

    #[test]
    fn order_numbers_follow_each_other() {
        let storage = MemoryStorage::new();
        let state = State::new(&storage);
        assert_eq!(state.next_order_number().unwrap(), "DHW-10001");
        assert_eq!(state.next_order_number().unwrap(), "DHW-10002");
        // Another engine over the same storage continues the sequence.
        assert_eq!(
            State::new(&storage).next_order_number().unwrap(),
            "DHW-10003"
        );
    }

    #[test]
    fn corrupt_state_is_a_decode_error() {
        let storage = MemoryStorage::new();
        storage.set("dhow.local.cart.x", "{not json").unwrap();
        storage.set("dhow.local.sold", "[1,2]").unwrap();
        let state = State::new(&storage);
        assert!(matches!(
            state.cart(&CartId::from("x")),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(state.sold(), Err(Error::Decode { .. })));
        assert!(matches!(
            state.cart(&CartId::from("y")),
            Err(Error::NotFound { .. })
        ));
    }
}
