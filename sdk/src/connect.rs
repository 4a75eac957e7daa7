//! Opening the backend a store's configuration names: the enum over the adapters compiled into
//! this build, and the one function that builds it from `dhow.json`'s `backend` entry. It sits
//! above the adapters so that the [`Backend`] contract below them names none of them.

use std::future::Future;
use std::rc::Rc;

use crate::account::{
    AccountFeatures, Accounts, AddressDefaults, Customer, OrderHistory, OrderPage, Profile,
    Registration, SavedAddress,
};
use crate::address::Address;
use crate::backend::Backend;
// A build without adapters names no kind of backend: every configuration is "not compiled in".
#[cfg_attr(
    not(any(feature = "local", feature = "medusa", feature = "vendure")),
    allow(unused_imports)
)]
use crate::config::{BackendConfig, StoreConfig};
use crate::error::{Error, Result, Unsold};
use crate::ids::{AddressId, CartId, LineId, ShippingOptionId, VariantId};
use crate::market::Market;
use crate::model::{
    Cart, Collection, Order, Payment, PaymentInput, PaymentMethod, Product, ProductPage,
    ProductQuery, ShippingOption,
};
use crate::storage::Storage;

/// Opens the backend `config` names, for its markets, keeping carts, sessions and orders in
/// `storage`. Files the configuration names (the local engine's catalog) are read with `read`:
/// the storefront fetches them from its own origin, the prerender reads them from the built
/// site on disk. A backend this build was compiled without is [`Error::NotSold`] with `what`
/// [`Unsold::Backend`] and its kind as `code` (build with that cargo feature).
///
/// ```
/// use std::rc::Rc;
///
/// use dhow_sdk::storage::MemoryStorage;
/// use dhow_sdk::{Backend, StoreConfig};
///
/// let config = StoreConfig::from_json(r#"{
///   "name": "Demo", "backend": { "kind": "local", "catalog": "/catalog.json" },
///   "default_market": "de",
///   "markets": [{ "id": "de", "country": "DE", "locale": "de-DE", "currency": "EUR",
///                 "tax_display": "inclusive", "duty_terms": "paid_at_checkout" }]
/// }"#).unwrap();
/// let catalog = r#"{ "rates": { "base": "EUR", "rates": {} }, "taxes": [], "duties": [],
///   "ships_from": "DE", "shipping": [], "collections": [], "products": [] }"#;
/// let read = |path: &str| {
///     assert_eq!(path, "/catalog.json");
///     std::future::ready(Ok(catalog.to_owned()))
/// };
/// let opened = dhow_sdk::connect::open(&config, Rc::new(MemoryStorage::new()), read);
/// // The local engine opens without waiting on anything but `read`.
/// let mut opened = std::pin::pin!(opened);
/// let waker = std::task::Waker::noop();
/// let std::task::Poll::Ready(backend) = opened.as_mut().poll(&mut std::task::Context::from_waker(waker))
/// else { unreachable!() };
/// assert!(backend.is_ok());
/// ```
pub async fn open<F, Fut>(
    config: &StoreConfig,
    storage: Rc<dyn Storage>,
    read: F,
) -> Result<AnyBackend>
where
    F: Fn(&str) -> Fut,
    Fut: Future<Output = Result<String>>,
{
    let markets = config.markets.clone();
    match &config.backend {
        #[cfg(feature = "local")]
        BackendConfig::Local(local) => {
            let catalog = read(&local.catalog).await?;
            crate::local::LocalBackend::from_json(&catalog, markets, storage).map(AnyBackend::Local)
        }
        #[cfg(feature = "medusa")]
        BackendConfig::Medusa(medusa) => crate::medusa::MedusaBackend::new(medusa.clone(), markets)
            .map(|backend| AnyBackend::Medusa(backend.with_storage(storage))),
        #[cfg(feature = "vendure")]
        BackendConfig::Vendure(vendure) => {
            crate::vendure::VendureBackend::new(vendure.clone(), markets, storage)
                .map(AnyBackend::Vendure)
        }
        #[allow(unreachable_patterns)] // Every kind is compiled in.
        other => {
            let _ = (&read, &storage, markets);
            Err(Error::NotSold {
                what: Unsold::Backend,
                code: other.kind().to_owned(),
            })
        }
    }
}

/// The backends compiled into this build, chosen at start-up from the store configuration. An
/// enum rather than a trait object: smaller in wasm, and async trait methods stay plain.
#[non_exhaustive]
pub enum AnyBackend {
    /// The embedded engine.
    #[cfg(feature = "local")]
    Local(crate::local::LocalBackend),
    /// A Medusa v2 server (Store API).
    #[cfg(feature = "medusa")]
    Medusa(crate::medusa::MedusaBackend),
    /// A Vendure 3 server (Shop API).
    #[cfg(feature = "vendure")]
    Vendure(crate::vendure::VendureBackend),
}

macro_rules! dispatch {
    // Through `*self` so that a build without adapters (an enum without variants) needs no arm.
    ($self:ident, $b:ident => $call:expr) => {
        match *$self {
            #[cfg(feature = "local")]
            AnyBackend::Local(ref $b) => $call,
            #[cfg(feature = "medusa")]
            AnyBackend::Medusa(ref $b) => $call,
            #[cfg(feature = "vendure")]
            AnyBackend::Vendure(ref $b) => $call,
        }
    };
}

// Without adapters there is no backend to hand the arguments to.
#[cfg_attr(
    not(any(feature = "local", feature = "medusa", feature = "vendure")),
    allow(unused_variables)
)]
impl Backend for AnyBackend {
    async fn markets(&self) -> Result<Vec<Market>> {
        dispatch!(self, b => b.markets().await)
    }
    async fn products(&self, market: &Market, query: &ProductQuery) -> Result<ProductPage> {
        dispatch!(self, b => b.products(market, query).await)
    }
    async fn product(&self, market: &Market, handle: &str) -> Result<Product> {
        dispatch!(self, b => b.product(market, handle).await)
    }
    async fn collections(&self, market: &Market) -> Result<Vec<Collection>> {
        dispatch!(self, b => b.collections(market).await)
    }
    async fn create_cart(&self, market: &Market) -> Result<Cart> {
        dispatch!(self, b => b.create_cart(market).await)
    }
    async fn cart(&self, cart: &CartId) -> Result<Cart> {
        dispatch!(self, b => b.cart(cart).await)
    }
    async fn set_cart_market(&self, cart: &CartId, market: &Market) -> Result<Cart> {
        dispatch!(self, b => b.set_cart_market(cart, market).await)
    }
    async fn add_line(&self, cart: &CartId, variant: &VariantId, quantity: u32) -> Result<Cart> {
        dispatch!(self, b => b.add_line(cart, variant, quantity).await)
    }
    async fn update_line(&self, cart: &CartId, line: &LineId, quantity: u32) -> Result<Cart> {
        dispatch!(self, b => b.update_line(cart, line, quantity).await)
    }
    async fn remove_line(&self, cart: &CartId, line: &LineId) -> Result<Cart> {
        dispatch!(self, b => b.remove_line(cart, line).await)
    }
    async fn apply_discount(&self, cart: &CartId, code: &str) -> Result<Cart> {
        dispatch!(self, b => b.apply_discount(cart, code).await)
    }
    async fn remove_discount(&self, cart: &CartId, code: &str) -> Result<Cart> {
        dispatch!(self, b => b.remove_discount(cart, code).await)
    }
    async fn set_email(&self, cart: &CartId, email: &str) -> Result<Cart> {
        dispatch!(self, b => b.set_email(cart, email).await)
    }
    async fn set_shipping_address(&self, cart: &CartId, address: &Address) -> Result<Cart> {
        dispatch!(self, b => b.set_shipping_address(cart, address).await)
    }
    async fn set_billing_address(&self, cart: &CartId, address: Option<&Address>) -> Result<Cart> {
        dispatch!(self, b => b.set_billing_address(cart, address).await)
    }
    async fn shipping_options(&self, cart: &CartId) -> Result<Vec<ShippingOption>> {
        dispatch!(self, b => b.shipping_options(cart).await)
    }
    async fn set_shipping_option(&self, cart: &CartId, option: &ShippingOptionId) -> Result<Cart> {
        dispatch!(self, b => b.set_shipping_option(cart, option).await)
    }
    async fn payment_methods(&self, cart: &CartId) -> Result<Vec<PaymentMethod>> {
        dispatch!(self, b => b.payment_methods(cart).await)
    }
    async fn pay(&self, cart: &CartId, input: &PaymentInput) -> Result<Payment> {
        dispatch!(self, b => b.pay(cart, input).await)
    }
    async fn complete(&self, cart: &CartId) -> Result<Order> {
        dispatch!(self, b => b.complete(cart).await)
    }
    async fn order(&self, number: &str, email: &str) -> Result<Order> {
        dispatch!(self, b => b.order(number, email).await)
    }
}

#[cfg_attr(
    not(any(feature = "local", feature = "medusa", feature = "vendure")),
    allow(unused_variables)
)]
impl Accounts for AnyBackend {
    fn account_features(&self) -> AccountFeatures {
        dispatch!(self, b => b.account_features())
    }
    async fn register(&self, registration: &Registration) -> Result<Customer> {
        dispatch!(self, b => b.register(registration).await)
    }
    async fn sign_in(&self, email: &str, password: &str) -> Result<Customer> {
        dispatch!(self, b => b.sign_in(email, password).await)
    }
    async fn sign_out(&self) -> Result<()> {
        dispatch!(self, b => b.sign_out().await)
    }
    async fn customer(&self) -> Result<Option<Customer>> {
        dispatch!(self, b => b.customer().await)
    }
    async fn update_profile(&self, profile: &Profile) -> Result<Customer> {
        dispatch!(self, b => b.update_profile(profile).await)
    }
    async fn addresses(&self) -> Result<Vec<SavedAddress>> {
        dispatch!(self, b => b.addresses().await)
    }
    async fn add_address(
        &self,
        address: &Address,
        defaults: AddressDefaults,
    ) -> Result<SavedAddress> {
        dispatch!(self, b => b.add_address(address, defaults).await)
    }
    async fn update_address(
        &self,
        id: &AddressId,
        address: &Address,
        defaults: AddressDefaults,
    ) -> Result<SavedAddress> {
        dispatch!(self, b => b.update_address(id, address, defaults).await)
    }
    async fn remove_address(&self, id: &AddressId) -> Result<()> {
        dispatch!(self, b => b.remove_address(id).await)
    }
    async fn orders(&self, page: OrderPage) -> Result<OrderHistory> {
        dispatch!(self, b => b.orders(page).await)
    }
    async fn customer_order(&self, number: &str) -> Result<Order> {
        dispatch!(self, b => b.customer_order(number).await)
    }
    async fn request_password_reset(&self, email: &str) -> Result<()> {
        dispatch!(self, b => b.request_password_reset(email).await)
    }
    async fn reset_password(&self, token: &str, password: &str) -> Result<()> {
        dispatch!(self, b => b.reset_password(token, password).await)
    }
    async fn customer_cart(&self) -> Result<Option<Cart>> {
        dispatch!(self, b => b.customer_cart().await)
    }
    async fn adopt_cart(&self, cart: &CartId) -> Result<Cart> {
        dispatch!(self, b => b.adopt_cart(cart).await)
    }
}

#[cfg(test)]
mod tests {
    use std::future::{Future, ready};
    use std::rc::Rc;
    use std::task::{Context, Poll, Waker};

    use super::open;
    use crate::config::StoreConfig;
    use crate::error::Error;
    use crate::storage::MemoryStorage;

    /// A store selling in Germany on the backend `backend` (a `dhow.json` `backend` object).
    fn config(backend: &str) -> StoreConfig {
        StoreConfig::from_json(&format!(
            r#"{{ "name": "Demo", "backend": {backend}, "default_market": "de",
                 "markets": [{{ "id": "de", "country": "DE", "locale": "de-DE",
                   "currency": "EUR", "tax_display": "inclusive",
                   "duty_terms": "paid_at_checkout" }}] }}"#
        ))
        .expect("a configuration")
    }

    /// The outcome of a future that waits on nothing.
    fn now<T>(future: impl Future<Output = T>) -> T {
        let mut future = std::pin::pin!(future);
        match future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(value) => value,
            Poll::Pending => panic!("opening waited"),
        }
    }

    #[cfg(feature = "local")]
    #[test]
    fn the_local_catalog_is_read_through_the_reader() {
        let read = |path: &str| {
            assert_eq!(path, "/data/catalog.json");
            ready(Err(Error::not_found(crate::error::Resource::File, path)))
        };
        let config = config(r#"{ "kind": "local", "catalog": "/data/catalog.json" }"#);
        let opened = now(open(&config, Rc::new(MemoryStorage::new()), read));
        assert!(matches!(opened, Err(Error::NotFound { .. })));
    }

    /// A build without the adapter still reads the configuration, and says which backend it
    /// lacks instead of failing to parse.
    #[cfg(not(feature = "medusa"))]
    #[test]
    fn a_backend_not_compiled_in_is_named() {
        let config = config(r#"{ "kind": "medusa", "url": "http://m", "publishable_key": "pk" }"#);
        let read = |_: &str| ready(Ok(String::new()));
        match now(open(&config, Rc::new(MemoryStorage::new()), read)) {
            Err(Error::NotSold { what, code }) => {
                assert_eq!(
                    (what, code.as_str()),
                    (crate::error::Unsold::Backend, "medusa")
                )
            }
            Err(other) => panic!("{other:?}"),
            Ok(_) => panic!("opened a backend that is not compiled in"),
        }
    }
}
