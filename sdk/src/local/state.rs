//! The engine's persisted state — carts, orders, units sold, the order number sequence — as JSON
//! under `dhow.local.` keys of a [`Storage`], read afresh on every call because another tab may
//! have written since.
//!
//! Every record is written as `{"version": N, "data": …}`. A record this version cannot use
//! (not JSON, the wrong shape, or a newer version) is never left in place to fail every call,
//! and never silently lost: it is moved under `dhow.local.recovery.<key>` and the engine goes
//! on as if it were absent. Records from before versions existed (the bare value) still read.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::address::Address;
use crate::error::{Error, Resource, Result};
use crate::ids::{CartId, LineId, MarketId, ShippingOptionId, VariantId};
use crate::local::pricing::Sold;
use crate::model::{Order, Payment};
use crate::storage::{self, Storage};

/// Prefix of every key the engine writes.
pub(crate) const PREFIX: &str = "dhow.local.";

/// First order number minus one: orders are `DHW-10001`, `DHW-10002`, …
const FIRST_SEQUENCE: u64 = 10_000;

/// The version of every record this engine writes.
pub(crate) const SCHEMA_VERSION: u32 = 1;

/// Where a record that could not be used is kept.
pub(crate) const RECOVERY_PREFIX: &str = "dhow.local.recovery.";

/// Units sold per variant, and the orders already counted in them: counting an order is one
/// write, so a retry after a failure never counts it twice.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SoldRecord {
    #[serde(default)]
    pub units: Sold,
    #[serde(default)]
    pub orders: Vec<String>,
}

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
    /// The number taken for the order while it is being placed: a retry after a failure midway
    /// places the order under the same number.
    #[serde(default)]
    pub placing: Option<String>,
    /// Next line number, so a removed line's id is never reused.
    #[serde(default)]
    pub next_line: u64,
    /// The account (its email) the cart belongs to: its order goes to that account's history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
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

    /// The record under `key`: `Ok(None)` when there is none, [`Error::SetAside`] when there
    /// was one this version cannot use (it is now under the recovery key).
    fn read<T: DeserializeOwned>(&self, key: &str, what: &str) -> Result<Option<T>> {
        let recovery = format!(
            "{RECOVERY_PREFIX}{}",
            key.strip_prefix(PREFIX).unwrap_or(key)
        );
        storage::read_record(self.storage, key, &recovery, what, SCHEMA_VERSION)
    }

    /// The record under `key`, or `None` when there is none or it was set aside: for records
    /// whose loss the engine can live with (it starts them afresh).
    fn read_or_reset<T: DeserializeOwned>(&self, key: &str, what: &str) -> Result<Option<T>> {
        match self.read(key, what) {
            Err(Error::SetAside { .. }) => Ok(None),
            other => other,
        }
    }

    pub(crate) fn read_record<T: DeserializeOwned>(
        &self,
        key: &str,
        what: &str,
    ) -> Result<Option<T>> {
        self.read(key, what)
    }

    pub(crate) fn write_record<T: Serialize>(&self, key: &str, value: &T) -> Result<()> {
        self.write(key, value)
    }

    fn write<T: Serialize>(&self, key: &str, value: &T) -> Result<()> {
        storage::write_record(self.storage, key, SCHEMA_VERSION, value)
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

    /// The cart, [`Error::NotFound`], or [`Error::SetAside`] when it could not be read.
    pub fn cart(&self, id: &CartId) -> Result<StoredCart> {
        self.read::<StoredCart>(&Self::cart_key(id), "cart")?
            // A record under another cart's key is not this cart.
            .filter(|cart| cart.id == *id)
            .ok_or_else(|| Error::not_found(Resource::Cart, id.as_str()))
    }

    /// Moves a cart that can no longer be used (its market is gone) under the recovery key.
    pub fn set_cart_aside(&self, id: &CartId) -> Result<Error> {
        let recovery = format!("{RECOVERY_PREFIX}cart.{id}");
        storage::set_aside(self.storage, &Self::cart_key(id), &recovery, "cart")
    }

    pub fn save_cart(&self, cart: &StoredCart) -> Result<()> {
        self.write(&Self::cart_key(&cart.id), cart)
    }

    /// Units sold per variant (an unreadable record is set aside and counting starts again).
    pub fn sold(&self) -> Result<Sold> {
        Ok(self.sold_record()?.units)
    }

    /// Units sold and the orders counted in them.
    pub fn sold_record(&self) -> Result<SoldRecord> {
        let key = format!("{PREFIX}sold");
        match self.storage.get(&key)? {
            // Before versions, the bare map of units.
            Some(text) if serde_json::from_str::<Sold>(&text).is_ok() => Ok(SoldRecord {
                units: serde_json::from_str(&text).unwrap_or_default(),
                orders: Vec::new(),
            }),
            _ => Ok(self.read_or_reset(&key, "stock")?.unwrap_or_default()),
        }
    }

    pub fn save_sold(&self, sold: &SoldRecord) -> Result<()> {
        self.write(&format!("{PREFIX}sold"), sold)
    }

    /// Takes the next order number from the sequence and persists it before the order is
    /// written, so a number is never given twice even if writing the order fails. A number
    /// under which an order already exists (a sequence set aside and restarted, or one another
    /// tab took in the same instant) is skipped.
    pub fn next_order_number(&self) -> Result<String> {
        let key = format!("{PREFIX}order_seq");
        let mut next: u64 = self
            .read_or_reset(&key, "order sequence")?
            .unwrap_or(FIRST_SEQUENCE);
        let mut restarted = false;
        loop {
            next = match next.checked_add(1) {
                Some(next) => next,
                // Only a damaged record gets to the end of u64; kept as it is, it would refuse
                // every order from now on. It is set aside and the numbers start again, skipping
                // those already taken.
                None if !restarted => {
                    let recovery = format!("{RECOVERY_PREFIX}order_seq");
                    storage::set_aside(self.storage, &key, &recovery, "order sequence")?;
                    restarted = true;
                    FIRST_SEQUENCE + 1
                }
                None => return Err(crate::money::MoneyError::Overflow.into()),
            };
            let number = format!("DHW-{next}");
            if self.storage.get(&Self::order_key(&number))?.is_none() {
                self.write(&key, &next)?;
                return Ok(number);
            }
        }
    }

    /// The order under `number`; one that cannot be read is set aside and is not found.
    pub fn order(&self, number: &str) -> Result<Option<Order>> {
        self.read_or_reset(&Self::order_key(number), "order")
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
    fn unreadable_state_is_set_aside_not_lost() {
        let storage = MemoryStorage::new();
        storage.set("dhow.local.cart.x", "{not json").unwrap();
        storage.set("dhow.local.sold", "[1,2]").unwrap();
        storage.set("dhow.local.order_seq", "\"ten\"").unwrap();
        let state = State::new(&storage);
        let Err(Error::SetAside { what, key }) = state.cart(&CartId::from("x")) else {
            panic!("an unreadable cart is set aside");
        };
        assert_eq!(
            (what.as_str(), key.as_str()),
            ("cart", "dhow.local.recovery.cart.x")
        );
        assert_eq!(storage.get(&key).unwrap().as_deref(), Some("{not json"));
        // Gone from its place: the next read is a plain miss, not the same failure forever.
        assert!(matches!(
            state.cart(&CartId::from("x")),
            Err(Error::NotFound { .. })
        ));
        // Stock and the sequence start again; what was there is kept.
        assert!(state.sold().unwrap().is_empty());
        assert_eq!(
            storage.get("dhow.local.recovery.sold").unwrap().as_deref(),
            Some("[1,2]")
        );
        assert_eq!(state.next_order_number().unwrap(), "DHW-10001");
        assert_eq!(
            storage
                .get("dhow.local.recovery.order_seq")
                .unwrap()
                .as_deref(),
            Some("\"ten\"")
        );
    }

    #[test]
    fn records_carry_their_version_and_older_ones_still_read() {
        let storage = MemoryStorage::new();
        let state = State::new(&storage);
        let mut sold = SoldRecord::default();
        sold.units.insert("mug-1".into(), 3);
        state.save_sold(&sold).unwrap();
        let text = storage.get("dhow.local.sold").unwrap().unwrap();
        assert_eq!(
            text,
            r#"{"version":1,"data":{"units":{"mug-1":3},"orders":[]}}"#
        );
        // Written before versions: the bare values.
        storage.set("dhow.local.sold", r#"{"mug-1":2}"#).unwrap();
        storage.set("dhow.local.order_seq", "10007").unwrap();
        assert_eq!(state.sold().unwrap().get("mug-1"), Some(&2));
        assert_eq!(state.next_order_number().unwrap(), "DHW-10008");
        // A newer version's record is not guessed at.
        storage
            .set("dhow.local.cart.z", r#"{"version":99,"data":{"id":"z"}}"#)
            .unwrap();
        assert!(matches!(
            state.cart(&CartId::from("z")),
            Err(Error::SetAside { .. })
        ));
    }

    #[test]
    fn a_number_already_taken_is_skipped() {
        let storage = MemoryStorage::new();
        storage.set("dhow.local.order.DHW-10001", "{}").unwrap();
        storage.set("dhow.local.order.DHW-10002", "{}").unwrap();
        assert_eq!(
            State::new(&storage).next_order_number().unwrap(),
            "DHW-10003"
        );
    }

    #[test]
    fn a_sequence_at_the_end_of_its_range_starts_again() {
        // Found by fuzzing (tests/fuzz_local.rs): a sequence record of u64::MAX refused every
        // order that followed with an overflow.
        let storage = MemoryStorage::new();
        storage
            .set("dhow.local.order_seq", "18446744073709551615")
            .unwrap();
        storage.set("dhow.local.order.DHW-10001", "{}").unwrap();
        let state = State::new(&storage);
        assert_eq!(state.next_order_number().unwrap(), "DHW-10002");
        assert_eq!(state.next_order_number().unwrap(), "DHW-10003");
        assert_eq!(
            storage
                .get("dhow.local.recovery.order_seq")
                .unwrap()
                .as_deref(),
            Some("18446744073709551615")
        );
    }
}
