//! The order as every cart and checkout operation answers with it, and the queries that read
//! it: the session's active order and an order by code.

use cynic::Id;

use super::*;

/// A promotion applied to the order.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Promotion")]
pub struct PromotionFields {
    pub id: Id,
    pub coupon_code: Option<String>,
}

/// A discount on the order (negative amounts).
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Discount")]
pub struct DiscountFields {
    pub adjustment_source: String,
    pub amount: Units,
    pub amount_with_tax: Units,
}

/// Tax by rate.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "OrderTaxSummary")]
pub struct TaxSummary {
    pub description: String,
    pub tax_rate: Percent,
    pub tax_total: Units,
}

/// The product of a line's variant.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Product")]
pub struct LineProduct {
    pub id: Id,
    pub slug: String,
    pub name: String,
}

/// An option value of a line's variant.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "ProductOption")]
pub struct LineOption {
    pub name: String,
}

/// A line's variant.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "ProductVariant")]
pub struct LineVariant {
    pub id: Id,
    pub product: LineProduct,
    pub options: Vec<LineOption>,
}

/// An order line with its prorated prices (order-level discounts shared out per line).
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "OrderLine")]
pub struct LineFields {
    pub id: Id,
    pub quantity: i32,
    pub unit_price: Units,
    pub unit_price_with_tax: Units,
    pub line_price: Units,
    pub line_price_with_tax: Units,
    pub prorated_line_price: Units,
    pub prorated_line_price_with_tax: Units,
    pub product_variant: LineVariant,
    pub featured_asset: Option<AssetFields>,
}

/// A shipping method as chosen on an order.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "ShippingMethod")]
pub struct ShippingMethodRef {
    pub id: Id,
    pub name: String,
}

/// A chosen shipping method with its price.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "ShippingLine")]
pub struct ShippingLineFields {
    pub shipping_method: ShippingMethodRef,
    pub price: Units,
    pub discounted_price: Units,
    pub discounted_price_with_tax: Units,
}

/// The order's customer.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Customer")]
pub struct CustomerFields {
    pub email_address: String,
}

/// An address on an order (every field may be null).
#[derive(cynic::QueryFragment, Clone, Debug, Default)]
#[cynic(graphql_type = "OrderAddress")]
pub struct AddressFields {
    pub full_name: Option<String>,
    pub company: Option<String>,
    pub street_line1: Option<String>,
    pub street_line2: Option<String>,
    pub city: Option<String>,
    pub province: Option<String>,
    pub postal_code: Option<String>,
    pub country_code: Option<String>,
    pub phone_number: Option<String>,
}

/// A payment on the order.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Payment")]
pub struct PaymentFields {
    pub method: String,
    pub amount: Units,
    pub state: PaymentState,
}

/// Everything the adapter maps from an order: lines, totals, contact, addresses, payments.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Order")]
pub struct OrderFields {
    pub id: Id,
    pub code: String,
    pub state: OrderState,
    pub active: bool,
    pub order_placed_at: Option<DateTime>,
    pub currency_code: CurrencyCode,
    pub shipping: Units,
    pub shipping_with_tax: Units,
    pub total: Units,
    pub total_with_tax: Units,
    pub coupon_codes: Vec<String>,
    pub promotions: Vec<PromotionFields>,
    pub discounts: Vec<DiscountFields>,
    pub tax_summary: Vec<TaxSummary>,
    pub lines: Vec<LineFields>,
    pub shipping_lines: Vec<ShippingLineFields>,
    pub customer: Option<CustomerFields>,
    pub shipping_address: Option<AddressFields>,
    pub billing_address: Option<AddressFields>,
    pub payments: Option<Vec<PaymentFields>>,
}

/// `activeOrder`: null until the first line is added, and once the order is placed.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Query")]
pub struct ActiveOrderQuery {
    pub active_order: Option<OrderFields>,
}

/// Variables of [`OrderByCodeQuery`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct CodeVariables {
    pub code: String,
}

/// `orderByCode(code:)`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Query", variables = "CodeVariables")]
pub struct OrderByCodeQuery {
    #[arguments(code: $code)]
    pub order_by_code: Option<OrderFields>,
}
