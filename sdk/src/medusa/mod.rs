//! The Medusa v2 adapter: Dhow's [`Backend`] over Medusa's Store API (REST, publishable key,
//! regions).
//!
//! - **Markets → regions.** A market is served by the region whose currency is the market's and
//!   whose countries include the market's country; [`Backend::markets`] returns the configured
//!   markets some region serves. Regions are fetched once, on first use, and kept.
//! - **Amounts.** Medusa sends JSON numbers in major units, unrounded (`1.998`). They are read
//!   digit for digit and rounded to the currency's minor unit; a cart's figures are reconciled so
//!   that they add up exactly (see the mapping module's `priced`).
//! - **Search.** Text (`q`), collection, paging and title/newest order run on the server; option,
//!   price and stock filters and price order do not exist in the Store API, so such a query reads
//!   the whole result (up to 1,000 products) and filters, sorts and pages it here. Facets count
//!   the whole result: the page itself when it holds all of it, a second read otherwise.
//! - **Payment.** Medusa's system provider (`pp_system_default`) is offered as
//!   [`PaymentKind::Manual`](crate::model::PaymentKind::Manual): it asks for nothing and never
//!   declines, so card details given to [`Backend::pay`] are never sent. Other providers
//!   (Stripe, …) need their own browser SDK and are not offered.
//! - **Orders.** Completing a cart twice returns the same order (Medusa answers with it again; if
//!   it refuses instead, the order remembered for that cart is returned). The Store API cannot
//!   find a guest's order by number, so [`Backend::order`] finds orders placed *through this
//!   storage* (this browser): the number → order id is kept in the [`Storage`] when the order is
//!   placed, the order is read by id and its email compared case-insensitively. An order placed
//!   elsewhere is not found.
//! - **Accounts.** [`Accounts`](crate::account::Accounts) over Medusa's `emailpass` auth and
//!   `/store/customers/me`: the signed-in customer's bearer token is kept in the [`Storage`]
//!   and sent only with account requests (carts need none). Signing out forgets the token:
//!   Medusa cannot end a bearer token before it expires. The customer's kept cart is named in
//!   their metadata; orders by number are found in the customer's own order list. A password
//!   reset token reaches the shopper only through the brand's notification provider.
//! - **Time-outs.** Each request may take 20 s ([`crate::http::REQUEST_TIMEOUT`], see
//!   [`MedusaBackend::with_timeout`]), natively and
//!   in the browser; a slower one is [`Error::Timeout`](crate::Error::Timeout).

mod account;
mod cart;
mod catalog;
mod checkout;
mod errors;
#[doc(hidden)]
pub mod fuzzing;
mod mapping;
mod regions;
mod transport;
mod wire;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use crate::address::Address;
use crate::backend::Backend;
pub use crate::config::MedusaConfig;
use crate::error::Result;
use crate::ids::{CartId, LineId, ShippingOptionId, VariantId};
use crate::market::Market;
use crate::model::{
    Cart, Collection, Order, Payment, PaymentInput, PaymentMethod, Product, ProductPage,
    ProductQuery, ShippingOption,
};
use crate::storage::{MemoryStorage, Storage};
use regions::{MARKET_KEY, Region};
use transport::Transport;

/// A Medusa v2 server as Dhow's backend.
///
/// ```no_run
/// use dhow_sdk::medusa::MedusaBackend;
/// use dhow_sdk::{Backend, BackendConfig, StoreConfig};
///
/// # async fn shop() -> dhow_sdk::Result<()> {
/// let config = StoreConfig::from_json(r#"{
///   "name": "Dhow Goods",
///   "backend": { "kind": "medusa", "url": "http://127.0.0.1:9000", "publishable_key": "pk_…" },
///   "default_market": "us",
///   "markets": [{ "id": "us", "country": "US", "locale": "en-US", "currency": "USD",
///                 "tax_display": "exclusive", "duty_terms": "paid_at_checkout" }]
/// }"#)?;
/// let BackendConfig::Medusa(settings) = config.backend.clone() else { unreachable!() };
/// let medusa = MedusaBackend::new(settings, config.markets.clone())?;
/// let us = medusa.markets().await?.into_iter().next().expect("a region serves the US");
/// let cart = medusa.create_cart(&us).await?;
/// println!("{} {}", cart.id, cart.totals.total.amount.to_decimal_string());
/// # Ok(())
/// # }
/// ```
pub struct MedusaBackend {
    transport: Transport,
    markets: Vec<Market>,
    regions: RefCell<Option<Rc<Vec<Region>>>>,
    storage: Rc<dyn Storage>,
}

impl std::fmt::Debug for MedusaBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MedusaBackend")
            .field("transport", &self.transport)
            .field(
                "markets",
                &self
                    .markets
                    .iter()
                    .map(|m| m.id.as_str())
                    .collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

impl MedusaBackend {
    /// A backend for the Medusa server `config` names (the Store API's base, such as
    /// `https://api.example.com`, and the store's publishable key) selling the store
    /// configuration's markets. Nothing is fetched yet; a URL that is not `http(s)` or an empty
    /// key is [`Error::InvalidInput`](crate::Error::InvalidInput).
    ///
    /// Orders placed (for [`Backend::order`]) and the signed-in customer's session are kept in
    /// the browser's `localStorage` on wasm32 and in memory natively; see
    /// [`MedusaBackend::with_storage`].
    pub fn new(config: MedusaConfig, markets: Vec<Market>) -> Result<MedusaBackend> {
        Ok(MedusaBackend {
            transport: Transport::new(&config.url, &config.publishable_key)?,
            markets,
            regions: RefCell::new(None),
            storage: default_storage(),
        })
    }

    /// The same backend keeping placed orders and the signed-in customer's session in
    /// `storage` (a new [`MemoryStorage`] is a new browser: nobody signed in).
    pub fn with_storage(mut self, storage: Rc<dyn Storage>) -> MedusaBackend {
        self.storage = storage;
        self
    }

    /// The same backend giving each request `timeout` to answer (20 s by default).
    pub fn with_timeout(mut self, timeout: Duration) -> MedusaBackend {
        self.transport = self.transport.with_timeout(timeout);
        self
    }
}

#[cfg(target_arch = "wasm32")]
fn default_storage() -> Rc<dyn Storage> {
    match crate::storage::BrowserStorage::new() {
        Ok(storage) => Rc::new(storage),
        // Without localStorage (private mode, blocked) orders are remembered for this page only.
        Err(_) => Rc::new(MemoryStorage::new()),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn default_storage() -> Rc<dyn Storage> {
    Rc::new(MemoryStorage::new())
}

impl Backend for MedusaBackend {
    async fn markets(&self) -> Result<Vec<Market>> {
        let regions = self.regions().await?;
        Ok(self
            .markets
            .iter()
            .filter(|m| regions.iter().any(|r| r.serves(m)))
            .cloned()
            .collect())
    }

    async fn products(&self, market: &Market, query: &ProductQuery) -> Result<ProductPage> {
        self.search(market, query).await
    }

    async fn product(&self, market: &Market, handle: &str) -> Result<Product> {
        self.product_by_handle(market, handle).await
    }

    async fn collections(&self, _market: &Market) -> Result<Vec<Collection>> {
        // Medusa's collections have one title, whatever the market.
        self.all_collections().await
    }

    async fn create_cart(&self, market: &Market) -> Result<Cart> {
        self.new_cart(market).await
    }

    async fn cart(&self, cart: &CartId) -> Result<Cart> {
        let w = self.fetch_cart(cart).await?;
        self.map_cart(&w).await
    }

    async fn set_cart_market(&self, cart: &CartId, market: &Market) -> Result<Cart> {
        self.move_cart(cart, market).await
    }

    async fn add_line(&self, cart: &CartId, variant: &VariantId, quantity: u32) -> Result<Cart> {
        self.add(cart, variant, quantity).await
    }

    async fn update_line(&self, cart: &CartId, line: &LineId, quantity: u32) -> Result<Cart> {
        self.update(cart, line, quantity).await
    }

    async fn remove_line(&self, cart: &CartId, line: &LineId) -> Result<Cart> {
        self.remove(cart, line).await
    }

    async fn apply_discount(&self, cart: &CartId, code: &str) -> Result<Cart> {
        self.apply_code(cart, code).await
    }

    async fn remove_discount(&self, cart: &CartId, code: &str) -> Result<Cart> {
        self.remove_code(cart, code).await
    }

    async fn set_email(&self, cart: &CartId, email: &str) -> Result<Cart> {
        self.email(cart, email).await
    }

    async fn set_shipping_address(&self, cart: &CartId, address: &Address) -> Result<Cart> {
        self.shipping_address(cart, address).await
    }

    async fn set_billing_address(&self, cart: &CartId, address: Option<&Address>) -> Result<Cart> {
        self.billing_address(cart, address).await
    }

    async fn shipping_options(&self, cart: &CartId) -> Result<Vec<ShippingOption>> {
        self.options_for(cart).await
    }

    async fn set_shipping_option(&self, cart: &CartId, option: &ShippingOptionId) -> Result<Cart> {
        self.choose_option(cart, option).await
    }

    async fn payment_methods(&self, cart: &CartId) -> Result<Vec<PaymentMethod>> {
        self.methods_for(cart).await
    }

    async fn pay(&self, cart: &CartId, input: &PaymentInput) -> Result<Payment> {
        self.authorize(cart, input).await
    }

    async fn complete(&self, cart: &CartId) -> Result<Order> {
        self.place(cart).await
    }

    async fn order(&self, number: &str, email: &str) -> Result<Order> {
        self.find_order(number, email).await
    }
}
