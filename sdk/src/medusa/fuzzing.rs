//! Entry points for the fuzz tests (`sdk/tests/fuzz_medusa.rs`), not part of the SDK's API: each
//! runs one kind of Medusa answer, given as text, through the decoding and mapping the adapter
//! runs on that answer from a server.

use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::regions::regions_of;
use super::transport::{api_error, decode};
use super::{MedusaBackend, MedusaConfig, cart, catalog, checkout, mapping, wire};
use crate::error::{Error, Result};
use crate::ids::VariantId;
use crate::market::Market;
use crate::model::{Cart, Facet, Order, Payment, PaymentMethod, Product, ShippingOption};

/// The kinds of answer the adapter reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// `GET /store/regions`.
    Regions,
    /// `GET /store/products`: a listing page with its facets.
    Products,
    /// `GET /store/products?handle=`: the product with this handle.
    Product {
        /// The handle asked for.
        handle: String,
    },
    /// `GET /store/collections`.
    Collections,
    /// A cart (every cart operation answers with one).
    Cart,
    /// `GET /store/orders/{id}`.
    Order,
    /// `GET /store/shipping-options`, priced in the market's currency.
    ShippingOptions,
    /// `GET /store/payment-providers`.
    PaymentProviders,
    /// `POST /store/payment-collections` and its payment sessions.
    PaymentCollection,
    /// `POST /store/carts/{id}/complete`.
    Completion,
    /// `GET /store/product-variants`, read for the stock of a variant.
    Variants {
        /// The variant whose stock is read.
        variant: String,
    },
    /// An answer with an error status.
    Refusal {
        /// The HTTP status.
        status: u16,
    },
}

/// What an answer was read into.
#[derive(Debug)]
pub enum Read {
    /// The regions that Dhow can sell in, and how many configured markets they serve.
    Regions {
        /// Regions kept.
        regions: usize,
        /// Configured markets served.
        markets: usize,
    },
    /// Products priced in the market, with their facets.
    Products(Vec<Product>, Vec<Facet>),
    /// One product.
    Product(Product),
    /// Collections.
    Collections(usize),
    /// A cart.
    Cart(Box<Cart>),
    /// An order.
    Order(Box<Order>),
    /// Shipping options.
    ShippingOptions(Vec<ShippingOption>),
    /// Payment methods.
    PaymentMethods(Vec<PaymentMethod>),
    /// A payment.
    Payment(Payment),
    /// The id of a placed order.
    Placed(String),
    /// Units still available.
    Available(u32),
}

/// The adapter with its regions already known, so that reading a cart or an order (which looks
/// the cart's market up among them) needs no server.
#[derive(Debug)]
pub struct Reader {
    backend: MedusaBackend,
}

impl Reader {
    /// A reader for the store's markets, with the regions of a saved `/store/regions` answer.
    pub fn new(markets: Vec<Market>, regions: &str) -> Result<Reader> {
        // Never contacted: the regions are known and nothing else asks the server.
        let config = MedusaConfig {
            url: "http://127.0.0.1:9".to_owned(),
            publishable_key: "pk_fuzzing".to_owned(),
        };
        let backend = MedusaBackend::new(config, markets)?;
        let regions: wire::Regions = decode(regions)?;
        *backend.regions.borrow_mut() = Some(Rc::new(regions_of(regions)));
        Ok(Reader { backend })
    }

    /// Reads `text` as the adapter reads that kind of answer for `market`.
    pub fn read(&self, answer: &Answer, market: &Market, text: &str) -> Result<Read> {
        match answer {
            Answer::Regions => {
                let regions = regions_of(decode(text)?);
                let markets = self
                    .backend
                    .markets
                    .iter()
                    .filter(|m| regions.iter().any(|r| r.serves(m)))
                    .count();
                Ok(Read::Regions {
                    regions: regions.len(),
                    markets,
                })
            }
            Answer::Products => {
                let products = catalog::sold_in(&decode(text)?, market)?;
                let facets = crate::model::facets(&products, &[]);
                Ok(Read::Products(products, facets))
            }
            Answer::Product { handle } => {
                catalog::by_handle(&decode(text)?, market, handle).map(Read::Product)
            }
            Answer::Collections => {
                let answer: wire::Collections = decode(text)?;
                Ok(Read::Collections(
                    answer.collections.iter().map(mapping::collection).count(),
                ))
            }
            Answer::Cart => {
                let answer: wire::CartEnvelope = decode(text)?;
                let cart = now(self.backend.map_cart(&answer.cart))?;
                Ok(Read::Cart(Box::new(cart)))
            }
            Answer::Order => {
                let answer: wire::OrderEnvelope = decode(text)?;
                let market = now(self.backend.market_of(&answer.order))?;
                let order = mapping::order(&answer.order, &market)?;
                Ok(Read::Order(Box::new(order)))
            }
            Answer::ShippingOptions => {
                checkout::priced_options(&decode(text)?, market.currency).map(Read::ShippingOptions)
            }
            Answer::PaymentProviders => Ok(Read::PaymentMethods(checkout::payment_methods(
                &decode(text)?,
            ))),
            Answer::PaymentCollection => {
                let answer: wire::PaymentCollectionEnvelope = decode(text)?;
                mapping::payment(&answer.payment_collection).map(Read::Payment)
            }
            Answer::Completion => checkout::placed(decode(text)?).map(Read::Placed),
            Answer::Variants { variant } => Ok(Read::Available(cart::available(
                decode(text)?,
                &VariantId::from(variant.as_str()),
            ))),
            Answer::Refusal { status } => Err(api_error(*status, text).into_error()),
        }
    }
}

/// The output of a future that needs no network: with the regions known, the adapter's lookups
/// finish at their first poll.
fn now<T>(future: impl Future<Output = Result<T>>) -> Result<T> {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => value,
        Poll::Pending => Err(Error::Network {
            message: "the fuzzing reader asked the server".to_owned(),
        }),
    }
}
