//! The embedded commerce engine: a complete backend over a static catalog file, with carts and
//! orders kept in a [`Storage`] (the browser's `localStorage` in the storefront).
//!
//! ```
//! use std::rc::Rc;
//!
//! use dhow_sdk::local::{Clock, LocalBackend, MemoryStorage};
//! use dhow_sdk::{Backend, StoreConfig};
//!
//! let config = StoreConfig::from_json(r#"{
//!   "name": "Demo", "backend": { "kind": "local", "catalog": "/catalog.json" },
//!   "default_market": "de",
//!   "markets": [{ "id": "de", "country": "DE", "locale": "de-DE", "currency": "EUR",
//!                 "tax_display": "inclusive", "duty_terms": "paid_at_checkout" }]
//! }"#).unwrap();
//! let catalog = r#"{
//!   "rates": { "base": "EUR", "rates": {} },
//!   "taxes": [{ "country": "DE", "name": "MwSt.", "rate": "0.19" }],
//!   "duties": [], "ships_from": "DE", "collections": [],
//!   "shipping": [{ "id": "std", "name": "Standard", "countries": ["DE"],
//!                  "rates": [{ "amount": "4.90", "currency": "EUR" }], "min_days": 2, "max_days": 4 }],
//!   "products": [{ "handle": "mug", "title": "Mug", "description": "A mug.", "collections": [],
//!                  "images": [], "created_at": "2026-01-01",
//!                  "variants": [{ "id": "mug-1", "sku": "MUG", "stock": 5,
//!                                 "prices": [{ "amount": "11.90", "currency": "EUR" }] }] }]
//! }"#;
//! let backend = LocalBackend::from_json(catalog, config.markets.clone(), Rc::new(MemoryStorage::new()))
//!     .unwrap()
//!     .with_clock(Clock::fixed_at("2026-11-25").unwrap());
//! let de = &config.markets[0];
//!
//! // Local futures finish at once; a storefront awaits them on its executor.
//! let cart = pollster_free::block_on(async {
//!     let cart = backend.create_cart(de).await?;
//!     backend.add_line(&cart.id, &"mug-1".into(), 2).await
//! })
//! .unwrap();
//! assert_eq!(cart.totals.subtotal.amount.to_decimal_string(), "23.80");
//! // Prices include VAT in this market: 23.80 × 0.19 / 1.19 = 3.80 of it is tax.
//! assert_eq!(cart.totals.tax.amount.to_decimal_string(), "3.80");
//! // Before an option is chosen, the cheapest one (4.90) is in the total as an estimate.
//! assert_eq!(cart.totals.total.amount.to_decimal_string(), "28.70");
//! assert!(cart.totals.total.estimate);
//! # mod pollster_free {
//! #     pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
//! #         let mut f = std::pin::pin!(f);
//! #         let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
//! #         loop { if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) { return v; } }
//! #     }
//! # }
//! ```

mod account;
mod cart;
mod checkout;
pub mod data;
mod password;
pub use account::OutboxMessage;
mod payment;
mod pricing;
mod search;
mod state;
mod totals;

use std::rc::Rc;

pub use crate::clock::Clock;
#[cfg(target_arch = "wasm32")]
pub use crate::storage::BrowserStorage;
pub use crate::storage::{MemoryStorage, Storage};

use crate::address::Address;
use crate::backend::Backend;
use crate::error::{Error, Resource, Result, Unsold};
use crate::ids::{CartId, LineId, ShippingOptionId, VariantId};
use crate::market::Market;
use crate::model::{
    Cart, CheckoutState, Collection, Order, Payment, PaymentInput, PaymentMethod, Product,
    ProductPage, ProductQuery, ShippingOption,
};
use data::CatalogFile;
use pricing::CatalogIndex;
use state::{State, StoredCart};
use totals::{Context, PricedCart};

/// The embedded commerce engine: catalog, prices in every market's currency, taxes, duties,
/// shipping, promotions, stock, carts, a test card and orders, with no server.
///
/// Catalog data is held in memory; all state (carts, orders, units sold, the order number
/// sequence, payment authorizations) is in the [`Storage`] under `dhow.local.` keys, read afresh
/// on every call, so engines in several tabs over one `localStorage` see each other's writes.
pub struct LocalBackend {
    data: CatalogFile,
    index: CatalogIndex,
    markets: Vec<Market>,
    storage: Rc<dyn Storage>,
    clock: Clock,
    password_iterations: u32,
}

impl std::fmt::Debug for LocalBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalBackend")
            .field("products", &self.data.products.len())
            .field(
                "markets",
                &self
                    .markets
                    .iter()
                    .map(|m| m.id.as_str())
                    .collect::<Vec<_>>(),
            )
            .field("clock", &self.clock)
            .finish_non_exhaustive()
    }
}

impl LocalBackend {
    /// An engine over catalog data and the store's markets, keeping state in `storage`, on the
    /// system clock. The data is used as given; [`LocalBackend::from_json`] checks it first.
    ///
    /// ```
    /// use std::rc::Rc;
    /// use dhow_sdk::local::{data::CatalogFile, LocalBackend, MemoryStorage};
    ///
    /// let data = CatalogFile::from_json(r#"{
    ///   "rates": { "base": "EUR", "rates": {} }, "taxes": [], "duties": [], "ships_from": "DE",
    ///   "shipping": [], "collections": [], "products": []
    /// }"#).unwrap();
    /// let backend = LocalBackend::new(data, Vec::new(), Rc::new(MemoryStorage::new()));
    /// assert!(backend.data().products.is_empty());
    /// ```
    pub fn new(data: CatalogFile, markets: Vec<Market>, storage: Rc<dyn Storage>) -> LocalBackend {
        let index = CatalogIndex::new(&data);
        LocalBackend {
            data,
            index,
            markets,
            storage,
            clock: Clock::system(),
            password_iterations: password::ITERATIONS,
        }
    }

    /// An engine over a catalog file's text. A file that does not decode, or that fails
    /// [`CatalogFile::check`] for these markets, is [`Error::Decode`].
    ///
    /// ```
    /// use std::rc::Rc;
    /// use dhow_sdk::local::{LocalBackend, MemoryStorage};
    ///
    /// let err = LocalBackend::from_json("not json", vec![], Rc::new(MemoryStorage::new())).unwrap_err();
    /// assert!(matches!(err, dhow_sdk::Error::Decode { .. }));
    /// ```
    pub fn from_json(
        catalog_json: &str,
        markets: Vec<Market>,
        storage: Rc<dyn Storage>,
    ) -> Result<LocalBackend> {
        let data = CatalogFile::from_json(catalog_json)?;
        data.check(&markets)?;
        Ok(LocalBackend::new(data, markets, storage))
    }

    /// The same engine hashing new passwords with `iterations` rounds of PBKDF2 instead of
    /// 600,000: for tests only (a hash keeps its own count, so older hashes still verify).
    pub fn with_password_iterations(mut self, iterations: u32) -> LocalBackend {
        self.password_iterations = iterations.max(1);
        self
    }

    /// The same engine reading "now" from `clock`: a fixed clock makes promotion dates, card
    /// expiry and order times the same on every run.
    ///
    /// ```
    /// # use std::rc::Rc;
    /// # use dhow_sdk::local::{data::CatalogFile, LocalBackend, MemoryStorage};
    /// use dhow_sdk::local::Clock;
    /// # let data = CatalogFile::from_json(r#"{"rates": {"base": "EUR", "rates": {}}, "taxes": [],
    /// #   "duties": [], "ships_from": "DE", "shipping": [], "collections": [], "products": []}"#).unwrap();
    /// let backend = LocalBackend::new(data, Vec::new(), Rc::new(MemoryStorage::new()))
    ///     .with_clock(Clock::fixed_at("2026-11-25T10:00:00Z").unwrap());
    /// # let _ = backend;
    /// ```
    pub fn with_clock(mut self, clock: Clock) -> LocalBackend {
        self.clock = clock;
        self
    }

    /// The catalog data the engine sells from.
    pub fn data(&self) -> &CatalogFile {
        &self.data
    }

    fn state(&self) -> State<'_> {
        State::new(self.storage.as_ref())
    }

    /// The configured market with the id of `given`, speaking `given`'s language: a storefront
    /// passes its market with the shopper's chosen locale, and prices follow the configuration.
    fn market(&self, given: &Market) -> Result<Market> {
        self.market_by_id(given.id.as_str(), &given.locale)
    }

    fn market_by_id(&self, id: &str, locale: &str) -> Result<Market> {
        let mut market = self
            .markets
            .iter()
            .find(|m| m.id.as_str() == id)
            .cloned()
            .ok_or_else(|| Error::NotSold {
                what: Unsold::Market,
                code: id.to_owned(),
            })?;
        if !locale.is_empty() {
            market.locale = locale.to_owned();
        }
        Ok(market)
    }

    /// What pricing needs: the catalog, its index, the market and today's date.
    fn context<'a>(&'a self, market: &'a Market, today: &'a str) -> Context<'a> {
        Context {
            data: &self.data,
            index: &self.index,
            market,
            today,
        }
    }

    /// Prices a stored cart in its market. A cart in a market the store no longer sells in can
    /// never be priced again: it is set aside ([`Error::SetAside`]).
    fn price(&self, cart: &StoredCart) -> Result<(Market, PricedCart)> {
        let market = match self.market_by_id(cart.market.as_str(), &cart.locale) {
            Ok(market) => market,
            Err(Error::NotSold { .. }) if cart.order.is_none() => {
                return Err(self.state().set_cart_aside(&cart.id)?);
            }
            Err(e) => return Err(e),
        };
        let today = self.clock.now().date();
        let ctx = self.context(&market, &today);
        let priced = totals::price_cart(&ctx, cart)?;
        Ok((market, priced))
    }

    /// The cart as the storefront sees it.
    fn view(&self, cart: &StoredCart) -> Result<Cart> {
        let (market, priced) = self.price(cart)?;
        Ok(assemble(cart, &market, priced))
    }
}

/// A `Cart` from the stored cart and its prices.
fn assemble(cart: &StoredCart, market: &Market, priced: PricedCart) -> Cart {
    Cart {
        id: cart.id.clone(),
        market: market.id.clone(),
        currency: market.currency,
        lines: priced.lines,
        discounts: priced.discounts,
        email: cart.email.clone(),
        shipping_address: cart.shipping_address.clone(),
        billing_address: cart.billing_address.clone(),
        shipping_option: priced.chosen.map(|o| o.id),
        state: match (&cart.order, &cart.payment) {
            (Some(number), _) => CheckoutState::Completed {
                order: Some(number.clone()),
            },
            // An authorization holds only for the total it was given for.
            (None, Some(p)) if p.amount == priced.totals.total.amount => CheckoutState::Paid,
            _ => CheckoutState::Open,
        },
        totals: priced.totals,
    }
}

impl Backend for LocalBackend {
    async fn markets(&self) -> Result<Vec<Market>> {
        Ok(self.markets.clone())
    }

    async fn products(&self, market: &Market, query: &ProductQuery) -> Result<ProductPage> {
        let market = self.market(market)?;
        search::search(&self.data, &market, query, &self.state().sold()?)
    }

    async fn product(&self, market: &Market, handle: &str) -> Result<Product> {
        let market = self.market(market)?;
        let product = self
            .index
            .product(&self.data, handle)
            .ok_or_else(|| Error::not_found(Resource::Product, handle))?;
        pricing::product(&self.data, &market, product, &self.state().sold()?)
    }

    async fn collections(&self, market: &Market) -> Result<Vec<Collection>> {
        let market = self.market(market)?;
        Ok(self
            .data
            .collections
            .iter()
            .map(|c| pricing::collection(c, &market))
            .collect())
    }

    async fn create_cart(&self, market: &Market) -> Result<Cart> {
        self.create(market)
    }

    async fn cart(&self, cart: &CartId) -> Result<Cart> {
        self.view(&self.state().cart(cart)?)
    }

    async fn set_cart_market(&self, cart: &CartId, market: &Market) -> Result<Cart> {
        self.move_to_market(cart, market)
    }

    async fn add_line(&self, cart: &CartId, variant: &VariantId, quantity: u32) -> Result<Cart> {
        self.add(cart, variant, quantity)
    }

    async fn update_line(&self, cart: &CartId, line: &LineId, quantity: u32) -> Result<Cart> {
        self.update(cart, line, quantity)
    }

    async fn remove_line(&self, cart: &CartId, line: &LineId) -> Result<Cart> {
        self.update(cart, line, 0)
    }

    async fn apply_discount(&self, cart: &CartId, code: &str) -> Result<Cart> {
        self.apply_code(cart, code)
    }

    async fn remove_discount(&self, cart: &CartId, code: &str) -> Result<Cart> {
        self.remove_code(cart, code)
    }

    async fn set_email(&self, cart: &CartId, email: &str) -> Result<Cart> {
        self.email(cart, email)
    }

    async fn set_shipping_address(&self, cart: &CartId, address: &Address) -> Result<Cart> {
        self.shipping_address(cart, address)
    }

    async fn set_billing_address(&self, cart: &CartId, address: Option<&Address>) -> Result<Cart> {
        self.billing_address(cart, address)
    }

    async fn shipping_options(&self, cart: &CartId) -> Result<Vec<ShippingOption>> {
        Ok(self.price(&self.state().cart(cart)?)?.1.options)
    }

    async fn set_shipping_option(&self, cart: &CartId, option: &ShippingOptionId) -> Result<Cart> {
        self.choose_shipping(cart, option)
    }

    async fn payment_methods(&self, cart: &CartId) -> Result<Vec<PaymentMethod>> {
        // Asking for a cart that does not exist is still an error.
        self.state().cart(cart)?;
        Ok(payment::methods())
    }

    async fn pay(&self, cart: &CartId, input: &PaymentInput) -> Result<Payment> {
        self.authorize(cart, input)
    }

    async fn complete(&self, cart: &CartId) -> Result<Order> {
        self.place_order(cart)
    }

    async fn order(&self, number: &str, email: &str) -> Result<Order> {
        self.find_order(number, email)
    }
}
