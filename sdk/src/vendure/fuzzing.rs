//! Entry points for the fuzz tests (`sdk/tests/fuzz_vendure.rs`), not part of the SDK's API: each
//! runs the answer to one Shop API operation, given as the bytes of an HTTP body, through the
//! decoding and mapping the adapter runs on that answer from a server.

use super::ChannelInfo;
use super::catalog::search_facets;
use super::errors;
use super::mapping::{self, CartContext, VendureAmounts};
use super::queries as q;
use super::transport::{RequestContext, decode};
use crate::error::{Error, Resource, Result};
use crate::ids::CartId;
use crate::market::Market;
use crate::model::{Cart, Collection, Facet, Order, Payment, Product, ShippingOption};

/// The operations whose answers the adapter reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    /// `activeChannel` and `availableCountries`.
    Channel,
    /// `product(slug:)`.
    Product,
    /// `products(options:)`.
    Products,
    /// `search` with the in-stock count.
    Search,
    /// `facets`.
    Facets,
    /// `collections`.
    Collections,
    /// `activeOrder`.
    ActiveOrder,
    /// `orderByCode`: the placed order and its payment.
    OrderByCode,
    /// `eligibleShippingMethods`.
    ShippingMethods,
    /// `eligiblePaymentMethods`.
    PaymentMethods,
    /// `addItemToOrder`.
    AddItem,
    /// `adjustOrderLine`.
    AdjustLine,
    /// `removeOrderLine`.
    RemoveLine,
    /// `setCurrencyCodeForOrder`.
    SetCurrency,
    /// `applyCouponCode`.
    ApplyCoupon,
    /// `removeCouponCode`.
    RemoveCoupon,
    /// `setCustomerForOrder`.
    SetCustomer,
    /// `setOrderShippingAddress`.
    SetShippingAddress,
    /// `setOrderBillingAddress`.
    SetBillingAddress,
    /// `unsetOrderBillingAddress`.
    UnsetBillingAddress,
    /// `setOrderShippingMethod`.
    SetShippingMethod,
    /// `transitionOrderToState`.
    Transition,
    /// `addPaymentToOrder`: the payment made.
    AddPayment,
}

/// Where an answer is read: the market asked in, the channel's tax basis, Vendure's precision
/// and the HTTP status the body came with.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The market of the request (its currency and language are sent with it).
    pub market: &'a Market,
    /// The channel's `pricesIncludeTax`.
    pub tax_included: bool,
    /// Vendure's money precision (0 to 6).
    pub precision: u8,
    /// The HTTP status.
    pub status: u16,
}

/// What an answer was read into.
#[derive(Debug)]
pub enum Read {
    /// What a channel sells: whether prices include tax, currencies, countries.
    Channel(bool, usize, usize),
    /// Products.
    Products(Vec<Product>),
    /// A search page's facets and total.
    Search(Vec<Facet>, u32),
    /// Facets for option filters.
    Facets(usize),
    /// Collections.
    Collections(Vec<Collection>),
    /// A cart.
    Cart(Box<Cart>),
    /// An order.
    Order(Box<Order>),
    /// Shipping options.
    ShippingOptions(Vec<ShippingOption>),
    /// Eligible payment methods.
    PaymentMethods(usize),
    /// A payment.
    Payment(Payment),
    /// An order moved to another state.
    Moved,
}

/// Reads `body` as the answer to `operation`, as the adapter does.
pub fn read(operation: Operation, body: &[u8], ctx: &Context<'_>) -> Result<Read> {
    let language = mapping::language(ctx.market);
    let request = RequestContext {
        channel: None,
        session: Some("fuzzing"),
        currency: Some(ctx.market.currency.code()),
        language: language.as_deref(),
    };
    let id = CartId::from("vfuzzing");
    let cart_ctx = CartContext {
        id: &id,
        market: ctx.market,
        precision: ctx.precision,
        tax_included: ctx.tax_included,
    };
    let product = |p| mapping::product(p, ctx.market.currency, ctx.precision, ctx.tax_included);
    let cart = |o: &q::OrderFields| mapping::cart(o, &cart_ctx).map(|c| Read::Cart(Box::new(c)));
    let changed = |outcome: q::Outcome, subject: Option<&str>, coupon: Option<&str>| {
        cart(&errors::outcome(outcome, subject, coupon)?)
    };
    match operation {
        Operation::Channel => {
            let info = ChannelInfo::from(decode::<q::ChannelQuery>(body, ctx.status, request)?);
            Ok(Read::Channel(
                info.prices_include_tax,
                info.currencies.len(),
                info.countries.len(),
            ))
        }
        Operation::Product => {
            let data: q::ProductQuery = decode(body, ctx.status, request)?;
            let found = data
                .product
                .ok_or_else(|| Error::not_found(Resource::Product, "fuzzing"))?;
            Ok(Read::Products(vec![product(found)?]))
        }
        Operation::Products => {
            let data: q::ProductsQuery = decode(body, ctx.status, request)?;
            let products = data
                .products
                .items
                .into_iter()
                .map(product)
                .collect::<Result<Vec<_>>>()?;
            Ok(Read::Products(products))
        }
        Operation::Search => {
            let data: q::SearchQuery = decode(body, ctx.status, request)?;
            Ok(Read::Search(
                search_facets(&data),
                super::catalog::count(data.search.total_items),
            ))
        }
        Operation::Facets => {
            let data: q::FacetsQuery = decode(body, ctx.status, request)?;
            Ok(Read::Facets(data.facets.items.len()))
        }
        Operation::Collections => {
            let data: q::CollectionsQuery = decode(body, ctx.status, request)?;
            Ok(Read::Collections(
                data.collections
                    .items
                    .into_iter()
                    .map(mapping::collection)
                    .collect(),
            ))
        }
        Operation::ActiveOrder => {
            let data: q::ActiveOrderQuery = decode(body, ctx.status, request)?;
            match &data.active_order {
                Some(order) => cart(order),
                None => Ok(Read::Cart(Box::new(mapping::empty_cart(&cart_ctx)))),
            }
        }
        Operation::OrderByCode => {
            let data: q::OrderByCodeQuery = decode(body, ctx.status, request)?;
            let found = data
                .order_by_code
                .ok_or_else(|| Error::not_found(Resource::Order, "fuzzing"))?;
            // As a payment whose answer was lost is found again, then as the placed order.
            let money = VendureAmounts::new(
                mapping::currency(found.currency_code.code())?,
                ctx.precision,
            )?;
            let paid = mapping::payment(&found, &money, String::new());
            let order = mapping::order(&found, &cart_ctx, "Card •••• 4242".to_owned())?;
            paid?;
            Ok(Read::Order(Box::new(order)))
        }
        Operation::ShippingMethods => {
            let data: q::ShippingMethodsQuery = decode(body, ctx.status, request)?;
            let money = VendureAmounts::new(ctx.market.currency, ctx.precision)?;
            data.eligible_shipping_methods
                .into_iter()
                .map(|quote| mapping::shipping_option(quote, &money, ctx.tax_included))
                .collect::<Result<Vec<_>>>()
                .map(Read::ShippingOptions)
        }
        Operation::PaymentMethods => {
            let data: q::PaymentMethodsQuery = decode(body, ctx.status, request)?;
            Ok(Read::PaymentMethods(
                data.eligible_payment_methods
                    .iter()
                    .filter(|m| m.is_eligible)
                    .count(),
            ))
        }
        Operation::AddItem => {
            let data: q::AddItem = decode(body, ctx.status, request)?;
            changed(data.add_item_to_order.into(), Some("1"), None)
        }
        Operation::AdjustLine => {
            let data: q::AdjustLine = decode(body, ctx.status, request)?;
            changed(data.adjust_order_line.into(), Some("1"), None)
        }
        Operation::RemoveLine => {
            let data: q::RemoveLine = decode(body, ctx.status, request)?;
            changed(data.remove_order_line.into(), None, None)
        }
        Operation::SetCurrency => {
            let data: q::SetCurrency = decode(body, ctx.status, request)?;
            changed(data.set_currency_code_for_order.into(), None, None)
        }
        Operation::ApplyCoupon => {
            let data: q::ApplyCoupon = decode(body, ctx.status, request)?;
            changed(data.apply_coupon_code.into(), None, Some("WELCOME10"))
        }
        Operation::RemoveCoupon => {
            let data: q::RemoveCoupon = decode(body, ctx.status, request)?;
            match &data.remove_coupon_code {
                Some(order) => cart(order),
                None => Ok(Read::Cart(Box::new(mapping::empty_cart(&cart_ctx)))),
            }
        }
        Operation::SetCustomer => {
            let data: q::SetCustomer = decode(body, ctx.status, request)?;
            changed(data.set_customer_for_order.into(), None, None)
        }
        Operation::SetShippingAddress => {
            let data: q::SetShippingAddress = decode(body, ctx.status, request)?;
            changed(data.set_order_shipping_address.into(), None, None)
        }
        Operation::SetBillingAddress => {
            let data: q::SetBillingAddress = decode(body, ctx.status, request)?;
            changed(data.set_order_billing_address.into(), None, None)
        }
        Operation::UnsetBillingAddress => {
            let data: q::UnsetBillingAddress = decode(body, ctx.status, request)?;
            changed(data.unset_order_billing_address.into(), None, None)
        }
        Operation::SetShippingMethod => {
            let data: q::SetShippingMethod = decode(body, ctx.status, request)?;
            changed(data.set_order_shipping_method.into(), Some("1"), None)
        }
        Operation::Transition => {
            let data: q::Transition = decode(body, ctx.status, request)?;
            let result = data
                .transition_order_to_state
                .ok_or_else(|| Error::Conflict {
                    message: "the cart has no order to pay".to_owned(),
                })?;
            errors::outcome(result.into(), None, None)?;
            Ok(Read::Moved)
        }
        Operation::AddPayment => {
            let data: q::AddPayment = decode(body, ctx.status, request)?;
            let paid = errors::outcome(data.add_payment_to_order.into(), Some("test"), None)?;
            let money =
                VendureAmounts::new(mapping::currency(paid.currency_code.code())?, ctx.precision)?;
            mapping::payment(
                &paid,
                &money,
                mapping::card_description("4242 4242 4242 4242"),
            )
            .map(Read::Payment)
        }
    }
}
