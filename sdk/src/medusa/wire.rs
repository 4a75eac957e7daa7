//! Medusa v2 Store API shapes, as far as the adapter reads them, and the `fields` lists that ask
//! for exactly those. Amounts are [`Amount`]s: JSON numbers read digit for digit, never as `f64`.

use serde::{Deserialize, Deserializer};

use crate::decimal::Decimal;

/// Fields of a cart the mapping reads. Line totals (`items.tax_total`, …) are computed by Medusa
/// only when asked for by name.
pub(crate) const CART_FIELDS: &str = "id,currency_code,region_id,email,metadata,completed_at,\
total,tax_total,shipping_total,shipping_tax_total,\
items.id,items.product_id,items.variant_id,items.product_handle,items.product_title,\
items.variant_title,items.thumbnail,items.quantity,items.unit_price,items.compare_at_unit_price,\
items.is_tax_inclusive,items.discount_total,items.discount_tax_total,items.tax_total,\
items.tax_lines.description,items.tax_lines.code,items.tax_lines.rate,items.tax_lines.total,\
items.adjustments.code,items.adjustments.amount,items.adjustments.subtotal,items.adjustments.total,\
shipping_methods.id,shipping_methods.shipping_option_id,shipping_methods.name,\
shipping_methods.amount,shipping_methods.is_tax_inclusive,shipping_methods.total,\
shipping_methods.tax_total,shipping_methods.tax_lines.description,shipping_methods.tax_lines.code,\
shipping_methods.tax_lines.rate,shipping_methods.tax_lines.total,\
shipping_address.*,billing_address.*,promotions.code";

/// Fields of an order: Medusa's defaults (which carry line totals) plus the cart's metadata (the
/// market) and the payment provider.
pub(crate) const ORDER_FIELDS: &str = "+metadata,+payment_collections.payment_sessions.provider_id";

/// Fields of each order of a customer's order list (`GET /store/orders`): what the mapping reads.
/// The list's defaults are fewer than a single order's (no addresses, shipping methods or
/// payments), and nested fields by dotted name are dropped there: relations are asked with `*`.
pub(crate) const ORDER_LIST_FIELDS: &str = "+email,+region_id,+tax_total,+shipping_total,\
+shipping_tax_total,*shipping_address,*billing_address,*shipping_methods,\
*shipping_methods.tax_lines,*payment_collections,*payment_collections.payment_sessions,\
*items.tax_lines,*items.adjustments";

/// Fields of a product: defaults plus the price for the region and stock.
pub(crate) const PRODUCT_FIELDS: &str = "*variants.calculated_price,+variants.inventory_quantity";

/// An amount in major units as Medusa writes it (`1.998`, `2700`, `5.639327731092437`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Amount(pub Decimal);

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Amount, D::Error> {
        Decimal::deserialize_json_number(deserializer).map(Amount)
    }
}

/// A list Medusa may also send as `null` or leave out.
fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// An error body: `{"type": "not_found", "message": "…", "code": "…"}`.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct ErrorBody {
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Regions {
    #[serde(deserialize_with = "list")]
    pub regions: Vec<Region>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Region {
    pub id: String,
    pub currency_code: String,
    #[serde(default, deserialize_with = "list")]
    pub countries: Vec<Country>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Country {
    pub iso_2: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Products {
    #[serde(deserialize_with = "list")]
    pub products: Vec<Product>,
    pub count: u64,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Product {
    pub id: String,
    pub handle: String,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub thumbnail: Option<String>,
    #[serde(default, deserialize_with = "list")]
    pub images: Vec<Image>,
    #[serde(default, deserialize_with = "list")]
    pub options: Vec<ProductOption>,
    #[serde(default, deserialize_with = "list")]
    pub variants: Vec<Variant>,
    #[serde(default)]
    pub collection_id: Option<String>,
    #[serde(default, deserialize_with = "list")]
    pub tags: Vec<Tag>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Image {
    pub url: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Tag {
    pub value: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ProductOption {
    pub id: String,
    pub title: String,
    #[serde(default, deserialize_with = "list")]
    pub values: Vec<OptionValue>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct OptionValue {
    pub value: String,
    #[serde(default)]
    pub option_id: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Variant {
    pub id: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub sku: Option<String>,
    #[serde(default, deserialize_with = "list")]
    pub options: Vec<OptionValue>,
    #[serde(default)]
    pub calculated_price: Option<CalculatedPrice>,
    #[serde(default)]
    pub inventory_quantity: Option<i64>,
    #[serde(default)]
    pub manage_inventory: Option<bool>,
    #[serde(default)]
    pub allow_backorder: Option<bool>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct CalculatedPrice {
    pub currency_code: String,
    pub calculated_amount: Amount,
    #[serde(default)]
    pub original_amount: Option<Amount>,
    #[serde(default)]
    pub is_calculated_price_tax_inclusive: Option<bool>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Variants {
    #[serde(deserialize_with = "list")]
    pub variants: Vec<Variant>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Collections {
    #[serde(deserialize_with = "list")]
    pub collections: Vec<Collection>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Collection {
    pub id: String,
    pub handle: String,
    pub title: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct CartEnvelope {
    pub cart: Cart,
}

/// A cart or an order: the Store API gives both the same shape (lines, shipping, addresses,
/// totals); the fields only orders have are optional. One type rather than a `#[serde(flatten)]`
/// of a common part, because flattening buffers the input and then cannot read amounts exactly.
#[derive(Debug, Deserialize)]
pub(crate) struct Cart {
    pub id: String,
    /// Order only: the number shown to the shopper.
    #[serde(default)]
    pub display_id: Option<u64>,
    /// Order only.
    #[serde(default)]
    pub status: Option<OrderStatus>,
    /// Order only.
    #[serde(default)]
    pub fulfillment_status: Option<FulfillmentStatus>,
    #[serde(default)]
    pub created_at: Option<String>,
    /// Cart only: when it was completed into an order (it takes no changes after).
    #[serde(default)]
    pub completed_at: Option<String>,
    /// Order only.
    #[serde(default, deserialize_with = "list")]
    pub payment_collections: Vec<PaymentCollection>,
    pub currency_code: String,
    #[serde(default)]
    pub region_id: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub metadata: Option<serde_json::Value>,
    pub total: Amount,
    pub tax_total: Amount,
    pub shipping_total: Amount,
    pub shipping_tax_total: Amount,
    #[serde(default, deserialize_with = "list")]
    pub items: Vec<Item>,
    #[serde(default, deserialize_with = "list")]
    pub shipping_methods: Vec<ShippingMethod>,
    #[serde(default)]
    pub shipping_address: Option<Address>,
    #[serde(default)]
    pub billing_address: Option<Address>,
    #[serde(default, deserialize_with = "list")]
    pub promotions: Vec<Promotion>,
}

/// An order's `status`, read from its text once. Unknown values (a newer Medusa) keep their
/// text rather than failing the order.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "String")]
pub(crate) enum OrderStatus {
    Pending,
    Completed,
    Draft,
    Archived,
    /// Spelled `canceled` by Medusa; `cancelled` is read the same.
    Canceled,
    RequiresAction,
    Other(String),
}

impl From<String> for OrderStatus {
    fn from(status: String) -> OrderStatus {
        match status.as_str() {
            "pending" => OrderStatus::Pending,
            "completed" => OrderStatus::Completed,
            "draft" => OrderStatus::Draft,
            "archived" => OrderStatus::Archived,
            "canceled" | "cancelled" => OrderStatus::Canceled,
            "requires_action" => OrderStatus::RequiresAction,
            _ => OrderStatus::Other(status),
        }
    }
}

/// An order's `fulfillment_status`, read from its text once (as [`OrderStatus`]).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "String")]
pub(crate) enum FulfillmentStatus {
    NotFulfilled,
    PartiallyFulfilled,
    Fulfilled,
    PartiallyShipped,
    Shipped,
    PartiallyDelivered,
    Delivered,
    Canceled,
    Other(String),
}

impl From<String> for FulfillmentStatus {
    fn from(status: String) -> FulfillmentStatus {
        match status.as_str() {
            "not_fulfilled" => FulfillmentStatus::NotFulfilled,
            "partially_fulfilled" => FulfillmentStatus::PartiallyFulfilled,
            "fulfilled" => FulfillmentStatus::Fulfilled,
            "partially_shipped" => FulfillmentStatus::PartiallyShipped,
            "shipped" => FulfillmentStatus::Shipped,
            "partially_delivered" => FulfillmentStatus::PartiallyDelivered,
            "delivered" => FulfillmentStatus::Delivered,
            "canceled" | "cancelled" => FulfillmentStatus::Canceled,
            _ => FulfillmentStatus::Other(status),
        }
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct Item {
    pub id: String,
    #[serde(default)]
    pub product_id: Option<String>,
    #[serde(default)]
    pub variant_id: Option<String>,
    #[serde(default)]
    pub product_handle: Option<String>,
    #[serde(default)]
    pub product_title: Option<String>,
    #[serde(default)]
    pub variant_title: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub thumbnail: Option<String>,
    pub quantity: u32,
    pub unit_price: Amount,
    #[serde(default)]
    pub compare_at_unit_price: Option<Amount>,
    #[serde(default)]
    pub is_tax_inclusive: bool,
    pub discount_total: Amount,
    pub discount_tax_total: Amount,
    pub tax_total: Amount,
    #[serde(default, deserialize_with = "list")]
    pub tax_lines: Vec<TaxLine>,
    #[serde(default, deserialize_with = "list")]
    pub adjustments: Vec<Adjustment>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct TaxLine {
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub code: Option<String>,
    /// A percentage: `19` is 19 %.
    #[serde(default)]
    pub rate: Option<Amount>,
    pub total: Amount,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Adjustment {
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub amount: Option<Amount>,
    /// Without tax.
    #[serde(default)]
    pub subtotal: Option<Amount>,
    /// With tax.
    #[serde(default)]
    pub total: Option<Amount>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ShippingMethod {
    #[serde(default)]
    pub shipping_option_id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub is_tax_inclusive: bool,
    #[serde(default, deserialize_with = "list")]
    pub tax_lines: Vec<TaxLine>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
pub(crate) struct Address {
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub company: Option<String>,
    #[serde(default)]
    pub address_1: Option<String>,
    #[serde(default)]
    pub address_2: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub province: Option<String>,
    #[serde(default)]
    pub postal_code: Option<String>,
    #[serde(default)]
    pub country_code: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Promotion {
    #[serde(default)]
    pub code: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ShippingOptions {
    #[serde(deserialize_with = "list")]
    pub shipping_options: Vec<ShippingOption>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ShippingOption {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub amount: Option<Amount>,
    #[serde(default)]
    pub calculated_price: Option<OptionPrice>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct OptionPrice {
    #[serde(default)]
    pub calculated_amount: Option<Amount>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct PaymentProviders {
    #[serde(deserialize_with = "list")]
    pub payment_providers: Vec<PaymentProvider>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct PaymentProvider {
    pub id: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct PaymentCollectionEnvelope {
    pub payment_collection: PaymentCollection,
}

#[derive(Debug, Deserialize)]
pub(crate) struct PaymentCollection {
    pub id: String,
    pub currency_code: String,
    pub amount: Amount,
    #[serde(default, deserialize_with = "list")]
    pub payment_sessions: Vec<PaymentSession>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct PaymentSession {
    #[serde(default)]
    pub provider_id: Option<String>,
}

/// The answer to `POST /store/carts/{id}/complete`: an order, or the cart with an error.
#[derive(Debug, Deserialize)]
pub(crate) struct Completion {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub order: Option<OrderRef>,
    #[serde(default)]
    pub error: Option<ErrorBody>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct OrderRef {
    pub id: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct OrderEnvelope {
    pub order: Cart,
}

/// A customer's order list, or the orders of it with an id.
#[derive(Debug, Deserialize)]
pub(crate) struct Orders {
    #[serde(deserialize_with = "list")]
    pub orders: Vec<Cart>,
    pub count: u64,
}

/// A customer's order list read for the numbers only.
#[derive(Debug, Deserialize)]
pub(crate) struct OrderNumbers {
    #[serde(deserialize_with = "list")]
    pub orders: Vec<OrderNumber>,
    pub count: u64,
}

#[derive(Debug, Deserialize)]
pub(crate) struct OrderNumber {
    pub id: String,
    #[serde(default)]
    pub display_id: Option<u64>,
}

/// The token an auth route answers with: a session's (sign-in) or an identity's (register).
#[derive(Deserialize)]
pub(crate) struct Token {
    pub token: String,
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(<hidden>)")
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct CustomerEnvelope {
    pub customer: Customer,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Customer {
    pub id: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub metadata: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "list")]
    pub addresses: Vec<CustomerAddress>,
}

/// An address of a customer's book.
#[derive(Debug, Deserialize)]
pub(crate) struct CustomerAddress {
    pub id: String,
    #[serde(flatten)]
    pub address: Address,
    #[serde(default)]
    pub is_default_shipping: bool,
    #[serde(default)]
    pub is_default_billing: bool,
    #[serde(default)]
    pub created_at: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Addresses {
    #[serde(deserialize_with = "list")]
    pub addresses: Vec<CustomerAddress>,
    pub count: u64,
}

/// Who a cart belongs to, and whether it is still open.
#[derive(Debug, Deserialize)]
pub(crate) struct CartOwnerEnvelope {
    pub cart: CartOwner,
}

#[derive(Debug, Deserialize)]
pub(crate) struct CartOwner {
    #[serde(default)]
    pub customer_id: Option<String>,
    #[serde(default)]
    pub completed_at: Option<String>,
}
