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
//! [`VendureOptions::channels`], else [`VendureOptions::channel_token`], else the default
//! channel. Every request carries `currencyCode` (the market's currency) and `languageCode` (the
//! primary subtag of its locale). [`Backend::set_cart_market`] within one channel re-prices the
//! order with `setCurrencyCodeForOrder`; into another channel it opens a session there and
//! re-adds the lines and discount codes (an order cannot change channel in Vendure), and only
//! then replaces the stored session, so a refused move leaves the cart as it was.
//!
//! # Money
//!
//! Vendure stores amounts with [`VendureOptions::money_precision`] decimals for every currency;
//! they are converted exactly into ISO minor units (see `mapping::Units2Money`). Totals keep
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
//! # Time-outs and lost answers
//!
//! Each request may take 30 s (see [`VendureBackend::with_timeout`]); a slower one is
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

mod mapping;
mod queries;
mod transport;

#[doc(hidden)]
pub mod fuzzing;
#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use cynic::{Id, MutationBuilder, QueryBuilder};
use serde::{Deserialize, Serialize};

use crate::address::{self, Address};
use crate::backend::Backend;
use crate::contact::email_problem;
use crate::error::{Error, FieldError, Problem, Result};
use crate::ids::{CartId, LineId, MarketId, ShippingOptionId, VariantId};
use crate::market::{BackendConfig, Market, TaxDisplay};
use crate::model::{
    Cart, CheckoutState, Collection, Facet, FacetValue, Order, Payment, PaymentInput, PaymentKind,
    PaymentMethod, Product, ProductPage, ProductQuery, ProductSort, ShippingOption,
};
use crate::storage::Storage;

use mapping::{CartContext, Units2Money};
use queries as q;
use transport::{Reply, RequestContext, Transport};

/// Products per page when a query asks for the backend's default.
const DEFAULT_PER_PAGE: u32 = 24;
/// Vendure's default `shopListQueryLimit`: larger pages are refused.
const MAX_PER_PAGE: u32 = 100;
/// The Dhow test card that Vendure's dummy handler is asked to decline.
const DECLINE_CARD: &str = "4000000000000002";
/// Where session records live in the storage.
const KEY_PREFIX: &str = "dhow.vendure.cart.";
/// Where a session record that could not be read is kept.
const RECOVERY_PREFIX: &str = "dhow.vendure.recovery.";
/// The schema version of the session records this adapter writes.
const SESSION_VERSION: u32 = 1;

/// How to reach a Vendure server and which channel sells each market.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VendureOptions {
    /// URL of the Shop API, for example `https://shop.example.com/shop-api`.
    pub url: String,
    /// Channel token for markets `channels` does not name; `None` is the default channel.
    pub channel_token: Option<String>,
    /// Channel token by market id.
    pub channels: BTreeMap<String, String>,
    /// Decimals Vendure stores amounts with (2 unless the server's MoneyStrategy says otherwise).
    pub money_precision: u8,
}

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

/// A cart's session as kept in the storage.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Session {
    /// Vendure's bearer token.
    token: String,
    /// The market the cart is priced in.
    market: MarketId,
    /// The channel token of the market when the session started.
    #[serde(default)]
    channel: Option<String>,
    /// The order's code once a payment was accepted (the order left the session then).
    #[serde(default)]
    order_code: Option<String>,
    /// The payment as described to the shopper.
    #[serde(default)]
    payment: Option<Payment>,
    /// The placed order, once completed: completing again returns it.
    #[serde(default)]
    order: Option<Order>,
    /// The code of the session's active order as last seen. When the answer to a payment is
    /// lost, the order has left the session: this is how the adapter finds it again.
    #[serde(default)]
    active_code: Option<String>,
}

/// The Vendure 3 backend.
///
/// ```no_run
/// use std::collections::BTreeMap;
/// use std::rc::Rc;
///
/// use dhow_sdk::storage::MemoryStorage;
/// use dhow_sdk::vendure::{VendureBackend, VendureOptions};
/// use dhow_sdk::{Backend, StoreConfig};
///
/// # async fn run() -> dhow_sdk::Result<()> {
/// let config = StoreConfig::from_json(include_str!("../../../public/dhow.json"))?;
/// let backend = VendureBackend::new(
///     VendureOptions {
///         url: "http://127.0.0.1:3000/shop-api".into(),
///         channels: BTreeMap::from([("de".into(), "dhow-eu".into())]),
///         money_precision: 2,
///         ..VendureOptions::default()
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
    options: VendureOptions,
    markets: Vec<Market>,
    storage: Rc<dyn Storage>,
    channels: RefCell<BTreeMap<String, ChannelInfo>>,
}

impl VendureBackend {
    /// A backend for the markets of a store configuration; sessions are kept in `storage`.
    /// Refuses an empty URL, a precision above 6, and channels for markets that are not listed.
    pub fn new(
        options: VendureOptions,
        markets: Vec<Market>,
        storage: Rc<dyn Storage>,
    ) -> Result<VendureBackend> {
        let mut fields = Vec::new();
        if options.url.trim().is_empty() {
            fields.push(FieldError::new("url", Problem::Required));
        }
        if options.money_precision > 6 {
            fields.push(FieldError::new("money_precision", Problem::Invalid));
        }
        if options
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
            transport: Transport::new(&options.url),
            options,
            markets,
            storage,
            channels: RefCell::new(BTreeMap::new()),
        })
    }

    /// The same backend giving each request `timeout` to answer (30 s by default); a slower
    /// answer is [`Error::Timeout`].
    pub fn with_timeout(mut self, timeout: std::time::Duration) -> VendureBackend {
        self.transport = self.transport.with_timeout(timeout);
        self
    }

    /// A backend from the store configuration's `backend` entry (`"kind": "vendure"`).
    ///
    /// ```
    /// use std::rc::Rc;
    ///
    /// use dhow_sdk::StoreConfig;
    /// use dhow_sdk::storage::MemoryStorage;
    /// use dhow_sdk::vendure::VendureBackend;
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
    /// let backend =
    ///     VendureBackend::from_config(&config.backend, config.markets, Rc::new(MemoryStorage::new()));
    /// assert!(backend.is_ok());
    /// ```
    pub fn from_config(
        config: &BackendConfig,
        markets: Vec<Market>,
        storage: Rc<dyn Storage>,
    ) -> Result<VendureBackend> {
        match config {
            BackendConfig::Vendure {
                url,
                channel_token,
                channels,
                money_precision,
            } => VendureBackend::new(
                VendureOptions {
                    url: url.clone(),
                    channel_token: channel_token.clone(),
                    channels: channels.clone(),
                    money_precision: *money_precision,
                },
                markets,
                storage,
            ),
            _ => Err(Error::invalid("backend", Problem::Invalid)),
        }
    }

    /// The channel token that sells `market` (`None`: the default channel).
    fn channel_of(&self, market: &Market) -> Option<&str> {
        self.options
            .channels
            .get(market.id.as_str())
            .or(self.options.channel_token.as_ref())
            .map(String::as_str)
    }

    /// The configured market with this id, or [`Error::NotSold`].
    fn market(&self, id: &str) -> Result<&Market> {
        self.markets
            .iter()
            .find(|m| m.id.as_str() == id)
            .ok_or_else(|| Error::NotSold {
                what: "market".to_owned(),
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

    fn key(id: &CartId) -> String {
        format!("{KEY_PREFIX}{}", id.as_str())
    }

    /// The stored session of a cart, or [`Error::NotFound`]. A record this version cannot read
    /// (not JSON, another shape, a newer version) is [`Error::SetAside`]: moved under
    /// `dhow.vendure.recovery.cart.<id>`, so the storefront starts afresh and says so, and
    /// nothing (a paid order's code among it) is silently lost.
    fn session(&self, id: &CartId) -> Result<Session> {
        let recovery = format!("{RECOVERY_PREFIX}cart.{}", id.as_str());
        crate::storage::read_record(
            &*self.storage,
            &Self::key(id),
            &recovery,
            "cart",
            SESSION_VERSION,
        )?
        .ok_or_else(|| Error::not_found("cart", id.as_str()))
    }

    fn save(&self, id: &CartId, session: &Session) -> Result<()> {
        crate::storage::write_record(&*self.storage, &Self::key(id), SESSION_VERSION, session)
    }

    /// A session that can still change: not yet paid.
    fn open_session(&self, id: &CartId) -> Result<Session> {
        let session = self.session(id)?;
        match &session.order_code {
            Some(_) => Err(paid_already(id, &session)),
            None => Ok(session),
        }
    }

    /// Sends an operation in a cart's session. A new token in the answer means Vendure no
    /// longer knows the session: the record is dropped and the cart is not found.
    async fn in_session<T, V>(
        &self,
        id: &CartId,
        session: &Session,
        name: &str,
        operation: &cynic::Operation<T, V>,
    ) -> Result<T>
    where
        T: serde::de::DeserializeOwned,
        V: Serialize,
    {
        let market = self.market(session.market.as_str())?;
        let language = mapping::language(market);
        let ctx = RequestContext {
            channel: session.channel.as_deref(),
            session: Some(&session.token),
            currency: Some(market.currency.code()),
            language: language.as_deref(),
        };
        let Reply { data, new_session } = self.transport.send(name, operation, ctx).await?;
        if new_session.is_some() {
            self.storage.remove(&Self::key(id))?;
            return Err(Error::not_found("cart", id.as_str()));
        }
        Ok(data)
    }

    /// The mapping context of a cart in its market.
    async fn cart_context<'a>(
        &self,
        id: &'a CartId,
        market: &'a Market,
    ) -> Result<CartContext<'a>> {
        let channel = self.channel(market).await?;
        Ok(CartContext {
            id,
            market,
            precision: self.options.money_precision,
            tax_included: channel.prices_include_tax,
        })
    }

    /// Maps an order of a cart's session to the cart.
    async fn to_cart(
        &self,
        id: &CartId,
        session: &Session,
        order: Option<&q::OrderFields>,
    ) -> Result<Cart> {
        let market = self.market(session.market.as_str())?;
        let ctx = self.cart_context(id, market).await?;
        if let Some(order) = order
            && session.order_code.is_none()
            && session.active_code.as_deref() != Some(order.code.as_str())
        {
            // Another order than the one last seen: that one left the session. If it was paid
            // (the answer to the payment was lost), a change made since went to a new, empty
            // order: the cart is the paid one, never a second order to pay again.
            if session.active_code.is_some()
                && let Some((paid, _)) = self.paid_elsewhere(id, session, None).await?
            {
                return Err(paid_already(id, &paid));
            }
            let mut seen = session.clone();
            seen.active_code = Some(order.code.clone());
            // Only a help for finding a paid order again: a store that cannot keep it must not
            // turn the answer into an error.
            let _ = self.save(id, &seen);
        }
        let mut cart = match order {
            Some(order) => mapping::cart(order, &ctx)?,
            None => mapping::empty_cart(&ctx),
        };
        if session.order_code.is_some() {
            cart.state = CheckoutState::Paid;
        }
        Ok(cart)
    }

    /// Runs a mutation that answers with the order (or an error result) and maps the cart.
    async fn change<T, V>(
        &self,
        id: &CartId,
        name: &str,
        operation: cynic::Operation<T, V>,
        pick: impl Fn(T) -> q::Outcome,
        subject: Option<&str>,
        coupon: Option<&str>,
    ) -> Result<Cart>
    where
        T: serde::de::DeserializeOwned,
        V: Serialize,
    {
        let session = self.open_session(id)?;
        let mut reopened = false;
        loop {
            let data = self.in_session(id, &session, name, &operation).await?;
            match pick(data) {
                // An order left in ArrangingPayment takes no changes (the answer to a payment
                // was lost after the order moved there, or the reopening after a decline was):
                // it goes back to AddingItems and the change is sent once more, so the cart is
                // never stuck. Paying again moves it forward again.
                q::Outcome::Refused(e)
                    if e.code == q::ErrorCode::OrderModificationError && !reopened =>
                {
                    reopened = true;
                    self.reopen(id, &session).await;
                }
                outcome => {
                    let order = mapping::outcome(outcome, subject, coupon)?;
                    return self.to_cart(id, &session, Some(&order)).await;
                }
            }
        }
    }

    /// The order this session had, when it has left the session without the adapter knowing
    /// (the answer to the payment was lost): found by its code and, once paid, recorded as paid
    /// in the session, which is returned with it. `None` when there was no such order or it is
    /// not paid.
    async fn paid_elsewhere(
        &self,
        id: &CartId,
        session: &Session,
        card: Option<&str>,
    ) -> Result<Option<(Session, q::OrderFields)>> {
        let Some(code) = session.active_code.clone() else {
            return Ok(None);
        };
        let operation = q::OrderByCodeQuery::build(q::CodeVariables { code: code.clone() });
        let found = match self
            .in_session(id, session, "order_by_code", &operation)
            .await
        {
            Ok(data) => data.order_by_code,
            Err(Error::Backend { code, .. }) if code == "FORBIDDEN" => None,
            Err(e) => return Err(e),
        };
        // Not active and past adding items: paid. A cancelled order is not a payment to keep.
        let paid = |o: &q::OrderFields| {
            !o.active && !matches!(o.state.as_str(), "AddingItems" | "Cancelled")
        };
        let Some(order) = found.filter(paid) else {
            return Ok(None);
        };
        let money = Units2Money::new(
            mapping::currency(order.currency_code.code())?,
            self.options.money_precision,
        )?;
        let description = card.map(mapping::card_description).unwrap_or_default();
        let mut paid = session.clone();
        paid.order_code = Some(order.code.clone());
        paid.payment = Some(mapping::payment(&order, &money, description)?);
        self.save(id, &paid)?;
        Ok(Some((paid, order)))
    }

    /// The session's active order (`None` before the first line, and once paid).
    async fn active_order(&self, id: &CartId, session: &Session) -> Result<Option<q::OrderFields>> {
        let operation = q::ActiveOrderQuery::build(());
        Ok(self
            .in_session(id, session, "active_order", &operation)
            .await?
            .active_order)
    }

    /// Starts a session in `market`'s channel: Vendure issues a token with its first answer.
    async fn start_session(&self, market: &Market) -> Result<Session> {
        let language = mapping::language(market);
        let operation = q::ActiveOrderQuery::build(());
        let reply = self
            .transport
            .send(
                "start_session",
                &operation,
                self.catalog_context(market, &language),
            )
            .await?;
        let token = reply.new_session.ok_or_else(|| Error::Backend {
            code: "no_session_token".to_owned(),
            message: "Vendure sent no vendure-auth-token header: its authOptions.tokenMethod \
                      must include 'bearer' (and CORS must expose the header)"
                .to_owned(),
        })?;
        Ok(Session {
            token,
            market: market.id.clone(),
            channel: self.channel_of(market).map(str::to_owned),
            order_code: None,
            payment: None,
            order: None,
            active_code: None,
        })
    }

    /// Moves a cart into another channel: a new session there with the same lines, discount
    /// codes and email. Lines that cannot be bought there fail the move; codes that do not
    /// apply there are dropped, as the cart then shows.
    async fn move_channel(&self, id: &CartId, session: &Session, market: &Market) -> Result<Cart> {
        let order = self.active_order(id, session).await?;
        // No order: it may have been paid while the answer was lost. Then the cart stays
        // where it is, paid; a new session would lose it.
        if order.is_none()
            && let Some((paid, _)) = self.paid_elsewhere(id, session, None).await?
        {
            return Err(paid_already(id, &paid));
        }
        let mut moved = self.start_session(market).await?;
        let Some(order) = order else {
            self.save(id, &moved)?;
            return self.to_cart(id, &moved, None).await;
        };
        let mut last: Option<q::OrderFields> = None;
        for line in &order.lines {
            let variant = line.product_variant.id.clone();
            let operation = q::AddItem::build(q::AddItemVariables {
                variant: variant.clone(),
                quantity: line.quantity,
            });
            let data = self.in_session(id, &moved, "add_item", &operation).await;
            let data = data.map_err(|e| match e {
                // The new session is ours; "not found" here means the variant is not sold there.
                Error::NotFound { .. } => Error::NotSold {
                    what: "variant".to_owned(),
                    code: variant.inner().to_owned(),
                },
                other => other,
            })?;
            last = Some(mapping::outcome(
                data.add_item_to_order.into(),
                Some(variant.inner()),
                None,
            )?);
        }
        for code in &order.coupon_codes {
            let operation = q::ApplyCoupon::build(q::CouponVariables { code: code.clone() });
            let data = self
                .in_session(id, &moved, "apply_coupon", &operation)
                .await?;
            if let Ok(order) = mapping::outcome(data.apply_coupon_code.into(), None, Some(code)) {
                last = Some(order);
            }
        }
        if let Some(customer) = &order.customer {
            let operation = q::SetCustomer::build(q::CustomerVariables {
                input: q::CustomerInput {
                    email_address: customer.email_address.clone(),
                    first_name: String::new(),
                    last_name: String::new(),
                },
            });
            let data = self
                .in_session(id, &moved, "set_customer", &operation)
                .await?;
            if let Ok(order) = mapping::outcome(data.set_customer_for_order.into(), None, None) {
                last = Some(order);
            }
        }
        moved.market = market.id.clone();
        self.save(id, &moved)?;
        self.to_cart(id, &moved, last.as_ref()).await
    }

    /// Names for a guest customer taken from the order's shipping address, so the merchant sees
    /// who ordered; empty until an address is known.
    fn names(order: Option<&q::OrderFields>) -> (String, String) {
        order
            .and_then(|o| o.shipping_address.as_ref())
            .and_then(mapping::address)
            .map(|a| (a.first_name, a.last_name))
            .unwrap_or_default()
    }

    async fn set_customer(
        &self,
        id: &CartId,
        email: &str,
        names: (String, String),
    ) -> Result<Cart> {
        let operation = q::SetCustomer::build(q::CustomerVariables {
            input: q::CustomerInput {
                email_address: email.to_owned(),
                first_name: names.0,
                last_name: names.1,
            },
        });
        self.change(
            id,
            "set_customer",
            operation,
            |d: q::SetCustomer| d.set_customer_for_order.into(),
            None,
            None,
        )
        .await
    }

    /// Moves the order back to `AddingItems` after a refused payment, so it can be changed and
    /// paid again. A failure here is not the shopper's concern: `pay` retries from either state.
    async fn reopen(&self, id: &CartId, session: &Session) {
        let operation = q::Transition::build(q::StateVariables {
            state: "AddingItems".to_owned(),
        });
        let _ = self
            .in_session(id, session, "transition_adding_items", &operation)
            .await;
    }

    /// The market an order looked up by code was placed in: one of the channel's markets in
    /// the order's currency, shipping to its country when one does.
    fn market_of(&self, channel: Option<&str>, order: &q::OrderFields) -> Option<&Market> {
        let country = order
            .shipping_address
            .as_ref()
            .and_then(|a| a.country_code.as_deref())
            .unwrap_or_default();
        let candidates: Vec<&Market> = self
            .markets
            .iter()
            .filter(|m| self.channel_of(m) == channel)
            .filter(|m| m.currency.code() == order.currency_code.code())
            .collect();
        candidates
            .iter()
            .find(|m| m.country.as_str().eq_ignore_ascii_case(country))
            .or(candidates.first())
            .copied()
    }
}

impl Backend for VendureBackend {
    async fn markets(&self) -> Result<Vec<Market>> {
        let mut sold = Vec::new();
        for market in &self.markets {
            let channel = self.channel(market).await?;
            let currency = channel
                .currencies
                .iter()
                .any(|c| c == market.currency.code());
            let country = channel.countries.is_empty()
                || channel
                    .countries
                    .iter()
                    .any(|c| c == market.country.as_str());
            if currency && country {
                let mut market = market.clone();
                // Vendure decides whether its prices include tax, per channel.
                market.tax_display = if channel.prices_include_tax {
                    TaxDisplay::Inclusive
                } else {
                    TaxDisplay::Exclusive
                };
                sold.push(market);
            }
        }
        Ok(sold)
    }

    async fn products(&self, market: &Market, query: &ProductQuery) -> Result<ProductPage> {
        let channel = self.channel(market).await?;
        let language = mapping::language(market);
        let ctx = self.catalog_context(market, &language);
        let per_page = match query.per_page {
            0 => DEFAULT_PER_PAGE,
            n => n.min(MAX_PER_PAGE),
        };
        let empty = ProductPage {
            products: Vec::new(),
            total: 0,
            page: query.page,
            per_page,
            facets: Vec::new(),
        };

        // Option filters name facet values; the search takes their ids.
        let mut filters = Vec::new();
        if !query.options.is_empty() {
            let facets = self
                .transport
                .send("facets", &q::FacetsQuery::build(()), ctx)
                .await?
                .data
                .facets
                .items;
            let mut by_option: BTreeMap<String, Vec<Id>> = BTreeMap::new();
            for (name, value) in &query.options {
                let ids = by_option.entry(name.to_lowercase()).or_default();
                let found = facets
                    .iter()
                    .filter(|f| {
                        f.name.eq_ignore_ascii_case(name) || f.code.eq_ignore_ascii_case(name)
                    })
                    .flat_map(|f| f.values.iter())
                    .filter(|v| {
                        v.name.eq_ignore_ascii_case(value) || v.code.eq_ignore_ascii_case(value)
                    });
                ids.extend(found.map(|v| v.id.clone()));
            }
            if by_option.values().any(Vec::is_empty) {
                // A value no product has: nothing matches.
                return Ok(empty);
            }
            filters = by_option
                .into_values()
                .map(|or| q::FacetValueFilter { or })
                .collect();
        }

        let sort = match query.sort {
            ProductSort::PriceAsc => Some(q::SearchSort {
                price: Some(q::SortOrder::Asc),
                ..q::SearchSort::default()
            }),
            ProductSort::PriceDesc => Some(q::SearchSort {
                price: Some(q::SortOrder::Desc),
                ..q::SearchSort::default()
            }),
            ProductSort::TitleAsc => Some(q::SearchSort {
                name: Some(q::SortOrder::Asc),
                ..q::SearchSort::default()
            }),
            // Vendure's search has no date order; relevance (or the index order) stands in.
            ProductSort::Featured | ProductSort::Newest => None,
        };
        let skip = u64::from(query.page) * u64::from(per_page);
        let input = q::SearchInput {
            term: Some(query.text.trim().to_owned()).filter(|t| !t.is_empty()),
            facet_value_filters: Some(filters).filter(|f| !f.is_empty()),
            collection_slug: query.collection.clone(),
            group_by_product: true,
            take: i32::try_from(per_page).unwrap_or(i32::MAX),
            skip: i32::try_from(skip).unwrap_or(i32::MAX),
            sort,
            in_stock: query.in_stock.then_some(true),
        };
        let stock = q::SearchInput {
            take: 1,
            skip: 0,
            sort: None,
            in_stock: Some(true),
            ..input.clone()
        };
        let operation = q::SearchQuery::build(q::SearchVariables { input, stock });
        let mut search = self.transport.send("search", &operation, ctx).await?.data;
        if search.search.total_items == 0 && ctx.language.is_some() {
            // Vendure indexes a product only in the languages it is translated into (and the
            // channel's default): a shopper's language without translations finds nothing, so
            // the search is asked again in the channel's default language.
            let fallback = RequestContext {
                language: None,
                ..ctx
            };
            search = self
                .transport
                .send("search", &operation, fallback)
                .await?
                .data;
        }

        // The search index holds one price per channel whatever the currency: prices come from
        // the products themselves, asked for in the market's currency.
        let ids: Vec<String> = search
            .search
            .items
            .iter()
            .map(|h| h.product_id.inner().to_owned())
            .collect();
        let mut products = Vec::with_capacity(ids.len());
        if !ids.is_empty() {
            let operation = q::ProductsQuery::build(q::ProductsVariables {
                options: q::ProductListOptions {
                    take: i32::try_from(ids.len()).unwrap_or(i32::MAX),
                    filter: q::ProductFilter {
                        id: q::IdOperators { in_: ids.clone() },
                    },
                },
            });
            let mut found = self
                .transport
                .send("products", &operation, ctx)
                .await?
                .data
                .products
                .items;
            for id in &ids {
                if let Some(at) = found.iter().position(|p| p.id.inner() == id) {
                    let product = mapping::product(
                        found.swap_remove(at),
                        market.currency,
                        self.options.money_precision,
                        channel.prices_include_tax,
                    )?;
                    products.push(product);
                }
            }
        }
        // Vendure 3.7's search takes no price range: bounds apply to this page's products by
        // their lowest price in the market's currency.
        products.retain(|p| {
            let Some(price) = p.lowest_price() else {
                return true;
            };
            let amount = price.amount.minor_units();
            query.min_price.is_none_or(|m| amount >= m.minor_units())
                && query.max_price.is_none_or(|m| amount <= m.minor_units())
        });

        Ok(ProductPage {
            products,
            total: count(search.search.total_items),
            facets: search_facets(&search),
            ..empty
        })
    }

    async fn product(&self, market: &Market, handle: &str) -> Result<Product> {
        let channel = self.channel(market).await?;
        let language = mapping::language(market);
        let operation = q::ProductQuery::build(q::ProductVariables {
            slug: handle.to_owned(),
        });
        let found = self
            .transport
            .send(
                "product",
                &operation,
                self.catalog_context(market, &language),
            )
            .await?
            .data
            .product
            .ok_or_else(|| Error::not_found("product", handle))?;
        mapping::product(
            found,
            market.currency,
            self.options.money_precision,
            channel.prices_include_tax,
        )
    }

    async fn collections(&self, market: &Market) -> Result<Vec<Collection>> {
        let language = mapping::language(market);
        let operation = q::CollectionsQuery::build(());
        let list = self
            .transport
            .send(
                "collections",
                &operation,
                self.catalog_context(market, &language),
            )
            .await?
            .data
            .collections
            .items;
        Ok(list.into_iter().map(mapping::collection).collect())
    }

    async fn create_cart(&self, market: &Market) -> Result<Cart> {
        let market = self.market(market.id.as_str())?;
        let session = self.start_session(market).await?;
        let id = CartId(format!("v{}", crate::storage::entropy()));
        self.save(&id, &session)?;
        self.to_cart(&id, &session, None).await
    }

    async fn cart(&self, id: &CartId) -> Result<Cart> {
        let session = self.session(id)?;
        if let Some(order) = &session.order {
            return Ok(cart_of(id, order));
        }
        if let Some(code) = &session.order_code {
            // Paid but not completed: the order has left the session; show it as it was placed.
            let operation = q::OrderByCodeQuery::build(q::CodeVariables { code: code.clone() });
            let order = self
                .in_session(id, &session, "order_by_code", &operation)
                .await?;
            return self
                .to_cart(id, &session, order.order_by_code.as_ref())
                .await;
        }
        let order = self.active_order(id, &session).await?;
        if order.is_none()
            && let Some((session, paid)) = self.paid_elsewhere(id, &session, None).await?
        {
            return self.to_cart(id, &session, Some(&paid)).await;
        }
        self.to_cart(id, &session, order.as_ref()).await
    }

    async fn set_cart_market(&self, id: &CartId, market: &Market) -> Result<Cart> {
        let market = self.market(market.id.as_str())?;
        let mut session = self.open_session(id)?;
        if session.channel.as_deref() != self.channel_of(market) {
            return self.move_channel(id, &session, market).await;
        }
        let previous = self.market(session.market.as_str())?.currency;
        session.market = market.id.clone();
        if previous == market.currency {
            self.save(id, &session)?;
            return self.cart(id).await;
        }
        let operation = q::SetCurrency::build(q::CurrencyVariables {
            currency: q::CurrencyCode::from_code(market.currency.code()),
        });
        // Sent in the new currency, so Vendure answers with the new prices.
        let data = self
            .in_session(id, &session, "set_currency", &operation)
            .await;
        match data {
            Ok(data) => {
                let order = mapping::outcome(data.set_currency_code_for_order.into(), None, None)?;
                self.save(id, &session)?;
                self.to_cart(id, &session, Some(&order)).await
            }
            // No order yet: nothing to re-price, the next request carries the new currency.
            Err(Error::Backend { .. }) if self.active_order(id, &session).await?.is_none() => {
                self.save(id, &session)?;
                self.to_cart(id, &session, None).await
            }
            Err(e) => Err(e),
        }
    }

    async fn add_line(&self, id: &CartId, variant: &VariantId, quantity: u32) -> Result<Cart> {
        let quantity = positive(quantity)?;
        let operation = q::AddItem::build(q::AddItemVariables {
            variant: Id::new(variant.as_str()),
            quantity,
        });
        self.change(
            id,
            "add_item",
            operation,
            |d: q::AddItem| d.add_item_to_order.into(),
            Some(variant.as_str()),
            None,
        )
        .await
        .map_err(|e| rename_not_found(e, "variant", variant.as_str()))
    }

    async fn update_line(&self, id: &CartId, line: &LineId, quantity: u32) -> Result<Cart> {
        if quantity == 0 {
            return self.remove_line(id, line).await;
        }
        let operation = q::AdjustLine::build(q::AdjustLineVariables {
            line: Id::new(line.as_str()),
            quantity: positive(quantity)?,
        });
        self.change(
            id,
            "adjust_line",
            operation,
            |d: q::AdjustLine| d.adjust_order_line.into(),
            Some(line.as_str()),
            None,
        )
        .await
        .map_err(|e| rename_not_found(e, "line", line.as_str()))
    }

    async fn remove_line(&self, id: &CartId, line: &LineId) -> Result<Cart> {
        let operation = q::RemoveLine::build(q::LineVariables {
            line: Id::new(line.as_str()),
        });
        self.change(
            id,
            "remove_line",
            operation,
            |d: q::RemoveLine| d.remove_order_line.into(),
            None,
            None,
        )
        .await
        .map_err(|e| rename_not_found(e, "line", line.as_str()))
    }

    async fn apply_discount(&self, id: &CartId, code: &str) -> Result<Cart> {
        let code = code.trim();
        if code.is_empty() {
            return Err(Error::invalid("code", Problem::Required));
        }
        let operation = q::ApplyCoupon::build(q::CouponVariables {
            code: code.to_owned(),
        });
        self.change(
            id,
            "apply_coupon",
            operation,
            |d: q::ApplyCoupon| d.apply_coupon_code.into(),
            None,
            Some(code),
        )
        .await
    }

    async fn remove_discount(&self, id: &CartId, code: &str) -> Result<Cart> {
        let session = self.open_session(id)?;
        let order = self.active_order(id, &session).await?;
        // Vendure removes a code as written on the order.
        let Some(applied) = order.as_ref().and_then(|o| {
            o.coupon_codes
                .iter()
                .find(|c| c.eq_ignore_ascii_case(code.trim()))
        }) else {
            return Err(Error::not_found("discount", code.trim()));
        };
        let operation = q::RemoveCoupon::build(q::CouponVariables {
            code: applied.clone(),
        });
        let data = self
            .in_session(id, &session, "remove_coupon", &operation)
            .await?;
        self.to_cart(id, &session, data.remove_coupon_code.as_ref())
            .await
    }

    async fn set_email(&self, id: &CartId, email: &str) -> Result<Cart> {
        let email = email.trim();
        if let Some(problem) = email_problem(email) {
            return Err(Error::invalid("email", problem));
        }
        let session = self.open_session(id)?;
        let order = self.active_order(id, &session).await?;
        self.set_customer(id, email, Self::names(order.as_ref()))
            .await
    }

    async fn set_shipping_address(&self, id: &CartId, address: &Address) -> Result<Cart> {
        let session = self.open_session(id)?;
        let market = self.market(session.market.as_str())?;
        let mut fields = address::validate(address).err().unwrap_or_default();
        if address.country != market.country && !fields.iter().any(|f| f.field == "country") {
            fields.push(FieldError::new("country", Problem::CountryNotServed));
        }
        if !fields.is_empty() {
            return Err(Error::InvalidInput { fields });
        }
        let operation = q::SetShippingAddress::build(q::AddressVariables {
            input: mapping::address_input(&address.normalized()),
        });
        let cart = self
            .change(
                id,
                "set_shipping_address",
                operation,
                |d: q::SetShippingAddress| d.set_order_shipping_address.into(),
                None,
                None,
            )
            .await?;
        // A guest who gave the email first gets the address's name on the customer record.
        match &cart.email {
            Some(email) => {
                let names = (
                    address.first_name.trim().to_owned(),
                    address.last_name.trim().to_owned(),
                );
                self.set_customer(id, &email.clone(), names).await
            }
            None => Ok(cart),
        }
    }

    async fn set_billing_address(&self, id: &CartId, address: Option<&Address>) -> Result<Cart> {
        match address {
            Some(address) => {
                address::validate(address).map_err(|fields| Error::InvalidInput { fields })?;
                let operation = q::SetBillingAddress::build(q::AddressVariables {
                    input: mapping::address_input(&address.normalized()),
                });
                self.change(
                    id,
                    "set_billing_address",
                    operation,
                    |d: q::SetBillingAddress| d.set_order_billing_address.into(),
                    None,
                    None,
                )
                .await
            }
            None => {
                let operation = q::UnsetBillingAddress::build(());
                self.change(
                    id,
                    "unset_billing_address",
                    operation,
                    |d: q::UnsetBillingAddress| d.unset_order_billing_address.into(),
                    None,
                    None,
                )
                .await
            }
        }
    }

    async fn shipping_options(&self, id: &CartId) -> Result<Vec<ShippingOption>> {
        let session = self.open_session(id)?;
        let market = self.market(session.market.as_str())?;
        let channel = self.channel(market).await?;
        let operation = q::ShippingMethodsQuery::build(());
        let data = self
            .in_session(id, &session, "shipping_methods", &operation)
            .await?;
        let money = Units2Money::new(market.currency, self.options.money_precision)?;
        data.eligible_shipping_methods
            .into_iter()
            .map(|quote| mapping::shipping_option(quote, &money, channel.prices_include_tax))
            .collect()
    }

    async fn set_shipping_option(&self, id: &CartId, option: &ShippingOptionId) -> Result<Cart> {
        let operation = q::SetShippingMethod::build(q::ShippingMethodVariables {
            ids: vec![Id::new(option.as_str())],
        });
        self.change(
            id,
            "set_shipping_method",
            operation,
            |d: q::SetShippingMethod| d.set_order_shipping_method.into(),
            Some(option.as_str()),
            None,
        )
        .await
        .map_err(|e| rename_not_found(e, "shipping option", option.as_str()))
    }

    async fn payment_methods(&self, id: &CartId) -> Result<Vec<PaymentMethod>> {
        let session = self.open_session(id)?;
        let operation = q::PaymentMethodsQuery::build(());
        let data = self
            .in_session(id, &session, "payment_methods", &operation)
            .await?;
        Ok(data
            .eligible_payment_methods
            .into_iter()
            .filter(|m| m.is_eligible)
            .map(|m| PaymentMethod {
                id: crate::ids::PaymentMethodId(m.code),
                name: m.name,
                // Only test-card handlers are supported (see the module's documentation).
                kind: PaymentKind::TestCard,
            })
            .collect())
    }

    async fn pay(&self, id: &CartId, input: &PaymentInput) -> Result<Payment> {
        // Paying a paid cart again (a retry after a lost answer) is the payment already made.
        let session = self.session(id)?;
        if session.order_code.is_some()
            && let Some(payment) = &session.payment
        {
            return Ok(payment.clone());
        }
        let session = self.open_session(id)?;
        let card = input
            .card
            .as_ref()
            .ok_or_else(|| Error::invalid("card_number", Problem::Required))?;
        let digits: String = card.number.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.is_empty() {
            return Err(Error::invalid("card_number", Problem::Required));
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::invalid("card_number", Problem::Invalid));
        }
        let Some(order) = self.active_order(id, &session).await? else {
            // The answer to an earlier payment may have been lost after the order was paid.
            if let Some((paid, _)) = self.paid_elsewhere(id, &session, Some(&digits)).await?
                && let Some(payment) = paid.payment
            {
                return Ok(payment);
            }
            return Err(Error::Conflict {
                message: "the cart is empty".to_owned(),
            });
        };
        if order.state == "AddingItems" {
            let operation = q::Transition::build(q::StateVariables {
                state: "ArrangingPayment".to_owned(),
            });
            let data = self
                .in_session(id, &session, "transition_arranging_payment", &operation)
                .await?;
            let result = data
                .transition_order_to_state
                .ok_or_else(|| Error::Conflict {
                    message: "the cart has no order to pay".to_owned(),
                })?;
            if let Err(refused) = mapping::outcome(result.into(), None, None) {
                // A resent request (a browser resends a POST whose connection closed without
                // an answer) finds the order already moved by its first copy: that is success.
                let moved = self
                    .active_order(id, &session)
                    .await?
                    .is_some_and(|o| o.state == "ArrangingPayment");
                if !moved {
                    return Err(refused);
                }
            }
        }
        // The dummy handler reads only this flag; the card number never leaves the browser.
        let metadata = serde_json::json!({ "shouldDecline": digits == DECLINE_CARD });
        let operation = q::AddPayment::build(q::PaymentVariables {
            input: q::PaymentInput {
                method: input.method.as_str().to_owned(),
                metadata: q::Json(metadata),
            },
        });
        let data = self
            .in_session(id, &session, "add_payment", &operation)
            .await?;
        let paid = match mapping::outcome(
            data.add_payment_to_order.into(),
            Some(input.method.as_str()),
            None,
        ) {
            Ok(order) => order,
            Err(e) => {
                // A refusal other than a decline may answer a resent request whose first copy
                // paid the order (NO_ACTIVE_ORDER_ERROR): that payment is the answer, and
                // reopening would start a new, empty order.
                if !matches!(e, Error::PaymentDeclined { .. })
                    && let Some((paid, _)) =
                        self.paid_elsewhere(id, &session, Some(&digits)).await?
                    && let Some(payment) = paid.payment
                {
                    return Ok(payment);
                }
                self.reopen(id, &session).await;
                return Err(e);
            }
        };
        let money = Units2Money::new(
            mapping::currency(paid.currency_code.code())?,
            self.options.money_precision,
        )?;
        let payment = mapping::payment(&paid, &money, mapping::card_description(&digits))?;
        let mut session = session;
        session.order_code = Some(paid.code.clone());
        session.payment = Some(payment.clone());
        self.save(id, &session)?;
        Ok(payment)
    }

    async fn complete(&self, id: &CartId) -> Result<Order> {
        let mut session = self.session(id)?;
        if let Some(order) = &session.order {
            return Ok(order.clone());
        }
        let Some(code) = session.order_code.clone() else {
            return Err(Error::Conflict {
                message: "the cart has not been paid".to_owned(),
            });
        };
        let operation = q::OrderByCodeQuery::build(q::CodeVariables { code: code.clone() });
        let found = self
            .in_session(id, &session, "order_by_code", &operation)
            .await
            .map_err(|e| rename_forbidden(e, &code))?
            .order_by_code
            .ok_or_else(|| Error::not_found("order", code.as_str()))?;
        if found.active {
            return Err(Error::Conflict {
                message: format!("order {code} is not paid yet"),
            });
        }
        let market = self.market(session.market.as_str())?;
        let ctx = self.cart_context(id, market).await?;
        let description = session
            .payment
            .as_ref()
            .map(|p| p.description.clone())
            .unwrap_or_default();
        let order = mapping::order(&found, &ctx, description)?;
        session.order = Some(order.clone());
        self.save(id, &session)?;
        Ok(order)
    }

    async fn order(&self, number: &str, email: &str) -> Result<Order> {
        let number = number.trim();
        let not_found = || Error::not_found("order", number);
        let mut channels: Vec<Option<&str>> = Vec::new();
        for market in &self.markets {
            let channel = self.channel_of(market);
            if !channels.contains(&channel) {
                channels.push(channel);
            }
        }
        let operation = q::OrderByCodeQuery::build(q::CodeVariables {
            code: number.to_owned(),
        });
        for channel in channels {
            let ctx = RequestContext {
                channel,
                ..RequestContext::default()
            };
            let found = match self.transport.send("order_lookup", &operation, ctx).await {
                Ok(reply) => reply.data.order_by_code,
                // Vendure refuses unknown codes and old guest orders alike: not found here.
                Err(Error::Backend { code, .. }) if code == "FORBIDDEN" => None,
                Err(e) => return Err(e),
            };
            let Some(found) = found else { continue };
            let email_matches = found.customer.as_ref().is_some_and(|c| {
                c.email_address.trim().to_lowercase() == email.trim().to_lowercase()
            });
            if !email_matches {
                return Err(not_found());
            }
            // Vendure may find an order by code from another channel than its own: the
            // channel whose markets sell in the order's currency is the one it was placed in.
            let Some(market) = self.market_of(channel, &found) else {
                continue;
            };
            let id = CartId(String::new());
            let ctx = self.cart_context(&id, market).await?;
            let description = found
                .payments
                .as_deref()
                .and_then(|p| p.last())
                .map(|p| p.method.clone())
                .unwrap_or_default();
            return mapping::order(&found, &ctx, description);
        }
        Err(not_found())
    }
}

/// A count from GraphQL's `Int`; a negative one counts nothing.
fn count(n: i32) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

/// The facets of a search: collections, option values grouped by facet, and the in-stock count.
fn search_facets(search: &q::SearchQuery) -> Vec<Facet> {
    let mut facets = Vec::new();
    if !search.search.collections.is_empty() {
        facets.push(Facet::Collection {
            values: search
                .search
                .collections
                .iter()
                .map(|c| FacetValue {
                    value: c.collection.slug.clone(),
                    label: c.collection.name.clone(),
                    count: count(c.count),
                })
                .collect(),
        });
    }
    let mut options: Vec<(String, Vec<FacetValue>)> = Vec::new();
    for fv in &search.search.facet_values {
        let value = FacetValue {
            value: fv.facet_value.name.clone(),
            label: fv.facet_value.name.clone(),
            count: count(fv.count),
        };
        match options
            .iter_mut()
            .find(|(n, _)| *n == fv.facet_value.facet.name)
        {
            Some((_, values)) => values.push(value),
            None => options.push((fv.facet_value.facet.name.clone(), vec![value])),
        }
    }
    facets.extend(
        options
            .into_iter()
            .map(|(name, values)| Facet::Option { name, values }),
    );
    facets.push(Facet::InStock {
        count: count(search.in_stock.total_items),
    });
    facets
}

/// The refusal of a change to a cart that was paid (as the order `session` names).
fn paid_already(id: &CartId, session: &Session) -> Error {
    Error::Conflict {
        message: format!(
            "cart `{id}` was paid as order {}",
            session.order_code.as_deref().unwrap_or_default()
        ),
    }
}

/// A quantity as GraphQL's `Int`, refusing zero.
fn positive(quantity: u32) -> Result<i32> {
    match i32::try_from(quantity) {
        Ok(q) if q > 0 => Ok(q),
        _ => Err(Error::invalid("quantity", Problem::Invalid)),
    }
}

/// Names what was not found: Vendure says "entity" and puts the id in a sentence.
fn rename_not_found(error: Error, what: &str, id: &str) -> Error {
    match error {
        Error::NotFound { what: w, .. } if w == "entity" => Error::not_found(what, id),
        other => other,
    }
}

/// Vendure answers FORBIDDEN for an order a guest may no longer read.
fn rename_forbidden(error: Error, code: &str) -> Error {
    match error {
        Error::Backend { code: c, .. } if c == "FORBIDDEN" => Error::not_found("order", code),
        other => other,
    }
}

/// A completed cart shown from its order: lines and totals as placed.
fn cart_of(id: &CartId, order: &Order) -> Cart {
    Cart {
        id: id.clone(),
        market: order.market.clone(),
        currency: order.totals.total.amount.currency(),
        lines: order.lines.clone(),
        discounts: Vec::new(),
        email: Some(order.email.clone()),
        shipping_address: Some(order.shipping_address.clone()),
        billing_address: order.billing_address.clone(),
        shipping_option: order.shipping_option.as_ref().map(|o| o.id.clone()),
        totals: order.totals.clone(),
        state: CheckoutState::Completed {
            order: Some(order.number.clone()),
        },
    }
}
