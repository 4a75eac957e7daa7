//! The Vendure 3 adapter: the whole [`Backend`] contract over Vendure's GraphQL Shop API.
//!
//! # Sessions and cart ids
//!
//! Vendure keeps a shopper's order in a session, named by the bearer token it returns in the
//! `vendure-auth-token` header; a session's active order belongs to one channel. A Dhow
//! [`CartId`] names one such session: [`Backend::create_cart`] starts a session in the market's
//! channel (an `activeOrder` query, which makes Vendure issue a token) and keeps
//! `{token, market, channel}` in the [`Storage`] under `dhow.vendure.cart.<id>`, in the browser's
//! `localStorage`, so a reload or another tab finds the same cart. The token never leaves that
//! record: the cart id is random and says nothing about it.
//!
//! When Vendure answers a cart's request with a *new* token, the old session has expired (or
//! was never known): the record is dropped and the call fails with [`Error::NotFound`], so the
//! storefront starts a new cart. A record that cannot be read (not JSON, or written by a newer
//! version: records carry a schema version) is moved under `dhow.vendure.recovery.cart.<id>`
//! and the call fails with [`Error::SetAside`].
//!
//! # Markets and channels
//!
//! Each market is sold through the channel its id maps to in
//! [`VendureConfig::channels`], else [`VendureConfig::channel_token`], else the default
//! channel. Every request carries `currencyCode` (the market's currency) and `languageCode` (the
//! primary subtag of its locale). [`Backend::set_cart_market`] within one channel re-prices the
//! order with `setCurrencyCodeForOrder`; into another channel it opens a session there and
//! re-adds the lines and discount codes (an order cannot change channel in Vendure), and only
//! then replaces the stored session, so a refused move leaves the cart as it was.
//!
//! # Money
//!
//! Vendure stores amounts with [`VendureConfig::money_precision`] decimals for every currency;
//! they are converted exactly into ISO minor units (see `mapping::VendureAmounts`). Totals keep
//! the SDK's invariants: the total is Vendure's `totalWithTax`, lines use prorated prices (order
//! discounts shared out), and tax lines add up to the tax. Whether prices include tax follows the
//! channel's `pricesIncludeTax`.
//!
//! # Checkout
//!
//! [`Backend::pay`] moves the order to `ArrangingPayment` and adds a payment with the method's
//! code. Only test-card handlers are supported (Vendure's dummy handler): the test card
//! `4000 0000 0000 0002` sends `{shouldDecline: true}`, any other card `{shouldDecline:
//! false}`; card numbers are never sent. After a decline the order goes back to `AddingItems`,
//! so it can be edited and paid again. A payment that settles places the order; [`Backend::
//! complete`] then returns it, and keeps it in the session record so that completing again is
//! the same order without asking the server.
//!
//! [`Backend::order`] looks orders up with `orderByCode` in each configured channel. Vendure 3
//! lets guests read an order by code only for a while after it was placed (its
//! `OrderByCodeAccessStrategy`, two hours by default); later the lookup is
//! [`Error::NotFound`]. The email is compared without regard to case.
//!
//! # Accounts
//!
//! [`Accounts`](crate::account::Accounts) signs customers in with Vendure's native
//! authentication and keeps the customer's session under `dhow.vendure.account`. A cart of
//! the account is a cart session record holding the customer's token: the cart operations
//! above then act on the customer's active order, which an order placed from it belongs to.
//! Vendure's `logout` ends every session of the customer, on every device. See `account.rs`.
//!
//! # Time-outs and lost answers
//!
//! Each request may take 20 s ([`crate::http::REQUEST_TIMEOUT`], see
//! [`VendureBackend::with_timeout`]); a slower one is
//! [`Error::Timeout`]. A request whose answer was lost may still have been carried out, so:
//! - a payment that settled leaves the session; the code of the order last seen in the session
//!   finds it again, so [`Backend::cart`] reads the cart as paid and `pay` again returns that
//!   payment. A change made meanwhile (which Vendure would put in a new, empty order) is
//!   refused as [`Error::Conflict`] and the cart stays the paid one: never a second order to
//!   pay;
//! - an order left in `ArrangingPayment` (the payment's answer lost, or the reopening after a
//!   decline) is moved back to `AddingItems` when the shopper changes the cart, instead of
//!   refusing every change;
//! - [`Backend::complete`] only reads, so it can be sent again.
//!
//! `tests/offline_vendure.rs` replays each case as a real server answered it.

mod account;
mod cart;
mod catalog;
mod checkout;
mod errors;
mod mapping;
mod queries;
mod session;
mod transport;

#[doc(hidden)]
pub mod fuzzing;
#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use cynic::QueryBuilder;

use crate::address::Address;
use crate::backend::Backend;
use crate::error::{Error, FieldError, Problem, Result, Unsold};
use crate::ids::{CartId, LineId, ShippingOptionId, VariantId};
use crate::market::Market;
use crate::model::{
    Cart, Collection, Order, Payment, PaymentInput, PaymentMethod, Product, ProductPage,
    ProductQuery, ShippingOption,
};
use crate::storage::Storage;

pub use crate::config::VendureConfig;
use queries as q;
use transport::{RequestContext, Transport};

/// What the adapter learned about a channel (asked once per channel, then kept).
#[derive(Clone, Debug)]
struct ChannelInfo {
    prices_include_tax: bool,
    currencies: Vec<String>,
    countries: Vec<String>,
}

impl From<q::ChannelQuery> for ChannelInfo {
    fn from(data: q::ChannelQuery) -> ChannelInfo {
        ChannelInfo {
            prices_include_tax: data.active_channel.prices_include_tax,
            currencies: data
                .active_channel
                .available_currency_codes
                .iter()
                .map(|c| c.code().to_owned())
                .collect(),
            countries: data
                .available_countries
                .into_iter()
                .map(|c| c.code.to_ascii_uppercase())
                .collect(),
        }
    }
}

/// The Vendure 3 backend.
///
/// ```no_run
/// use std::collections::BTreeMap;
/// use std::rc::Rc;
///
/// use dhow_sdk::storage::MemoryStorage;
/// use dhow_sdk::vendure::{VendureBackend, VendureConfig};
/// use dhow_sdk::{Backend, StoreConfig};
///
/// # async fn run() -> dhow_sdk::Result<()> {
/// let config = StoreConfig::from_json(include_str!("../../../public/dhow.json"))?;
/// let backend = VendureBackend::new(
///     VendureConfig {
///         url: "http://127.0.0.1:3000/shop-api".into(),
///         channels: BTreeMap::from([("de".into(), "dhow-eu".into())]),
///         ..VendureConfig::default()
///     },
///     config.markets.clone(),
///     Rc::new(MemoryStorage::new()),
/// )?;
/// let market = config.default_market()?;
/// let cart = backend.create_cart(market).await?;
/// assert!(cart.lines.is_empty());
/// # Ok(())
/// # }
/// ```
pub struct VendureBackend {
    transport: Transport,
    config: VendureConfig,
    markets: Vec<Market>,
    storage: Rc<dyn Storage>,
    channels: RefCell<BTreeMap<String, ChannelInfo>>,
}

impl VendureBackend {
    /// A backend for the markets of a store configuration; sessions are kept in `storage`.
    /// Refuses an empty URL, a precision above 6, and channels for markets that are not listed.
    ///
    /// ```
    /// use std::rc::Rc;
    ///
    /// use dhow_sdk::storage::MemoryStorage;
    /// use dhow_sdk::vendure::VendureBackend;
    /// use dhow_sdk::{BackendConfig, StoreConfig};
    ///
    /// let config = StoreConfig::from_json(r#"{
    ///   "name": "Dhow Demo",
    ///   "backend": { "kind": "vendure", "url": "http://127.0.0.1:3000/shop-api",
    ///                "channels": { "jp": "dhow-eu" } },
    ///   "default_market": "us",
    ///   "markets": [
    ///     { "id": "us", "country": "US", "locale": "en-US", "currency": "USD",
    ///       "tax_display": "exclusive", "duty_terms": "paid_at_checkout" },
    ///     { "id": "jp", "country": "JP", "locale": "ja-JP", "currency": "JPY",
    ///       "tax_display": "inclusive", "duty_terms": "paid_at_checkout" }
    ///   ]
    /// }"#).unwrap();
    /// let BackendConfig::Vendure(vendure) = config.backend else { unreachable!() };
    /// let backend = VendureBackend::new(vendure, config.markets, Rc::new(MemoryStorage::new()));
    /// assert!(backend.is_ok());
    /// ```
    pub fn new(
        config: VendureConfig,
        markets: Vec<Market>,
        storage: Rc<dyn Storage>,
    ) -> Result<VendureBackend> {
        let mut fields = Vec::new();
        if config.url.trim().is_empty() {
            fields.push(FieldError::new("url", Problem::Required));
        }
        if config.money_precision > 6 {
            fields.push(FieldError::new("money_precision", Problem::Invalid));
        }
        if config
            .channels
            .keys()
            .any(|id| !markets.iter().any(|m| m.id.as_str() == id))
        {
            fields.push(FieldError::new("channels", Problem::Invalid));
        }
        if !fields.is_empty() {
            return Err(Error::InvalidInput { fields });
        }
        Ok(VendureBackend {
            transport: Transport::new(&config.url),
            config,
            markets,
            storage,
            channels: RefCell::new(BTreeMap::new()),
        })
    }

    /// The same backend giving each request `timeout` to answer (20 s by default); a slower
    /// answer is [`Error::Timeout`].
    pub fn with_timeout(mut self, timeout: std::time::Duration) -> VendureBackend {
        self.transport = self.transport.with_timeout(timeout);
        self
    }

    /// The channel token that sells `market` (`None`: the default channel).
    fn channel_of(&self, market: &Market) -> Option<&str> {
        self.config
            .channels
            .get(market.id.as_str())
            .or(self.config.channel_token.as_ref())
            .map(String::as_str)
    }

    /// The configured market with this id, or [`Error::NotSold`].
    fn market(&self, id: &str) -> Result<&Market> {
        self.markets
            .iter()
            .find(|m| m.id.as_str() == id)
            .ok_or_else(|| Error::NotSold {
                what: Unsold::Market,
                code: id.to_owned(),
            })
    }

    /// The request context of a catalog call in `market` (no session).
    fn catalog_context<'a>(
        &'a self,
        market: &'a Market,
        language: &'a Option<String>,
    ) -> RequestContext<'a> {
        RequestContext {
            channel: self.channel_of(market),
            session: None,
            currency: Some(market.currency.code()),
            language: language.as_deref(),
        }
    }

    /// What the channel of `market` sells, asked once and then kept.
    async fn channel(&self, market: &Market) -> Result<ChannelInfo> {
        let key = self.channel_of(market).unwrap_or_default().to_owned();
        if let Some(info) = self.channels.borrow().get(&key) {
            return Ok(info.clone());
        }
        let operation = q::ChannelQuery::build(());
        let ctx = RequestContext {
            channel: self.channel_of(market),
            ..RequestContext::default()
        };
        let reply = self.transport.send("channel", &operation, ctx).await?;
        let info = ChannelInfo::from(reply.data);
        self.channels.borrow_mut().insert(key, info.clone());
        Ok(info)
    }
}

impl Backend for VendureBackend {
    async fn markets(&self) -> Result<Vec<Market>> {
        catalog::markets(self).await
    }
    async fn products(&self, market: &Market, query: &ProductQuery) -> Result<ProductPage> {
        catalog::products(self, market, query).await
    }
    async fn product(&self, market: &Market, handle: &str) -> Result<Product> {
        catalog::product(self, market, handle).await
    }
    async fn collections(&self, market: &Market) -> Result<Vec<Collection>> {
        catalog::collections(self, market).await
    }
    async fn create_cart(&self, market: &Market) -> Result<Cart> {
        cart::create_cart(self, market).await
    }
    async fn cart(&self, id: &CartId) -> Result<Cart> {
        cart::cart(self, id).await
    }
    async fn set_cart_market(&self, id: &CartId, market: &Market) -> Result<Cart> {
        cart::set_cart_market(self, id, market).await
    }
    async fn add_line(&self, id: &CartId, variant: &VariantId, quantity: u32) -> Result<Cart> {
        cart::add_line(self, id, variant, quantity).await
    }
    async fn update_line(&self, id: &CartId, line: &LineId, quantity: u32) -> Result<Cart> {
        cart::update_line(self, id, line, quantity).await
    }
    async fn remove_line(&self, id: &CartId, line: &LineId) -> Result<Cart> {
        cart::remove_line(self, id, line).await
    }
    async fn apply_discount(&self, id: &CartId, code: &str) -> Result<Cart> {
        cart::apply_discount(self, id, code).await
    }
    async fn remove_discount(&self, id: &CartId, code: &str) -> Result<Cart> {
        cart::remove_discount(self, id, code).await
    }
    async fn set_email(&self, id: &CartId, email: &str) -> Result<Cart> {
        checkout::set_email(self, id, email).await
    }
    async fn set_shipping_address(&self, id: &CartId, address: &Address) -> Result<Cart> {
        checkout::set_shipping_address(self, id, address).await
    }
    async fn set_billing_address(&self, id: &CartId, address: Option<&Address>) -> Result<Cart> {
        checkout::set_billing_address(self, id, address).await
    }
    async fn shipping_options(&self, id: &CartId) -> Result<Vec<ShippingOption>> {
        checkout::shipping_options(self, id).await
    }
    async fn set_shipping_option(&self, id: &CartId, option: &ShippingOptionId) -> Result<Cart> {
        checkout::set_shipping_option(self, id, option).await
    }
    async fn payment_methods(&self, id: &CartId) -> Result<Vec<PaymentMethod>> {
        checkout::payment_methods(self, id).await
    }
    async fn pay(&self, id: &CartId, input: &PaymentInput) -> Result<Payment> {
        checkout::pay(self, id, input).await
    }
    async fn complete(&self, id: &CartId) -> Result<Order> {
        checkout::complete(self, id).await
    }
    async fn order(&self, number: &str, email: &str) -> Result<Order> {
        checkout::order(self, number, email).await
    }
}
