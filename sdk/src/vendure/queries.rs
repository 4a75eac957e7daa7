//! The Shop API operations the adapter sends, as cynic types checked at compile time against
//! the registered schema (`backends/vendure/shop-api.graphql`), and the shapes they decode into.
//!
//! Fragments select only what the mapping reads. The product fragment is deliberately a subset
//! of what `backends/vendure/capture-fixtures.sh` selects, so its saved responses decode too.

use cynic::Id;

use crate::decimal::Decimal;

#[cynic::schema("vendure")]
mod schema {}

// ---------------------------------------------------------------------------------------------
// Scalars and enums

/// An amount as Vendure sends it, in units of 10^-precision of the currency (by default
/// hundredths, even for zero-decimal currencies). Not yet Dhow money: see `mapping`.
///
/// Vendure's `Money` scalar is a JSON number that is usually whole, but figures it derives
/// (net prices behind tax-inclusive ones: `136363.63636363635`) carry fractions. Those arrive
/// as floats; they are read back through their shortest decimal text into an exact decimal,
/// which `mapping` then refuses or rounds, never computes with in binary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Units(pub Decimal);

impl Units {
    /// A whole number of units.
    pub fn whole(value: i64) -> Units {
        Units(Decimal::new(i128::from(value), 0).unwrap_or(Decimal::ZERO))
    }

    /// `self − other`, exactly; `None` on overflow.
    pub fn checked_sub(self, other: Units) -> Option<Units> {
        let negated = Decimal::new(other.0.mantissa().checked_neg()?, other.0.scale())?;
        self.0.checked_add(negated).map(Units)
    }

    /// `self + other`, exactly; `None` on overflow.
    pub fn checked_add(self, other: Units) -> Option<Units> {
        self.0.checked_add(other.0).map(Units)
    }

    /// Whether the amount is zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }
}

impl<'de> serde::Deserialize<'de> for Units {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Units, D::Error> {
        struct UnitsVisitor;

        impl serde::de::Visitor<'_> for UnitsVisitor {
            type Value = Units;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an amount (a JSON number)")
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Units, E> {
                Ok(Units::whole(v))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Units, E> {
                let v = i64::try_from(v)
                    .map_err(|_| E::custom(format!("amount {v} is out of range")))?;
                Ok(Units::whole(v))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Units, E> {
                if !v.is_finite() {
                    return Err(E::custom("amount is not a finite number"));
                }
                // Rust prints the shortest text that reads back as the same float: the digits
                // the server wrote, without binary noise.
                Decimal::parse(&format!("{v}"))
                    .map(Units)
                    .map_err(|_| E::custom(format!("amount {v} is out of range")))
            }
        }

        deserializer.deserialize_any(UnitsVisitor)
    }
}

impl serde::Serialize for Units {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

cynic::impl_scalar!(Units, schema::Money);

/// A tax rate in percent. GraphQL sends it as a `Float`; it is a rate, not money, and is turned
/// into an exact decimal through its shortest decimal text (see `mapping::rate`).
#[derive(cynic::Scalar, Clone, Copy, Debug, PartialEq)]
#[cynic(graphql_type = "Float")]
pub struct Percent(pub f64);

/// A `DateTime` as the ISO 8601 text Vendure sends.
#[derive(cynic::Scalar, Clone, Debug, PartialEq, Eq)]
#[cynic(graphql_type = "DateTime")]
pub struct DateTime(pub String);

/// Free-form JSON (payment metadata).
#[derive(cynic::Scalar, Clone, Debug, PartialEq)]
#[cynic(graphql_type = "JSON")]
pub struct Json(pub serde_json::Value);

/// ISO 4217 codes. Only the fallback is used: the SDK's own `Currency` table decides what a
/// code means, so the schema's 180-value enum is not repeated here.
#[derive(cynic::Enum, Clone, Debug, PartialEq, Eq)]
#[cynic(non_exhaustive)]
pub enum CurrencyCode {
    /// US dollar (one named variant keeps the derive's exhaustiveness check meaningful).
    Usd,
    /// Any other code, as sent.
    #[cynic(fallback)]
    Other(String),
}

impl CurrencyCode {
    /// The three-letter code.
    pub fn code(&self) -> &str {
        match self {
            CurrencyCode::Usd => "USD",
            CurrencyCode::Other(code) => code,
        }
    }

    /// The schema value for an ISO code.
    pub fn from_code(code: &str) -> CurrencyCode {
        match code {
            "USD" => CurrencyCode::Usd,
            other => CurrencyCode::Other(other.to_owned()),
        }
    }
}

/// Vendure's error codes of union results. Unknown codes (a newer server) keep their text.
#[derive(cynic::Enum, Clone, Debug, PartialEq, Eq)]
#[cynic(non_exhaustive)]
pub enum ErrorCode {
    OrderStateTransitionError,
    EmailAddressConflictError,
    GuestCheckoutError,
    OrderLimitError,
    NegativeQuantityError,
    InsufficientStockError,
    CouponCodeInvalidError,
    CouponCodeExpiredError,
    CouponCodeLimitError,
    OrderModificationError,
    IneligibleShippingMethodError,
    NoActiveOrderError,
    OrderInterceptorError,
    OrderPaymentStateError,
    IneligiblePaymentMethodError,
    PaymentFailedError,
    PaymentDeclinedError,
    CouponRemovedDuringCheckoutError,
    AlreadyLoggedInError,
    /// Any other code, as sent.
    #[cynic(fallback)]
    Other(String),
}

/// Sort direction.
#[derive(cynic::Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortOrder {
    Asc,
    Desc,
}

// ---------------------------------------------------------------------------------------------
// Catalog fragments

/// An image.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Asset")]
pub struct AssetFields {
    pub preview: String,
}

/// A facet of a facet value.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Facet")]
pub struct FacetName {
    pub name: String,
}

/// A facet value on a product (its tags).
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "FacetValue")]
pub struct FacetValueFields {
    pub name: String,
}

/// A collection a product is in.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Collection")]
pub struct CollectionRef {
    pub slug: String,
    pub name: String,
}

/// One value of an option group.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "ProductOption")]
pub struct OptionFields {
    pub name: String,
}

/// An option group (Size, Colour) with its values in display order.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "ProductOptionGroup")]
pub struct OptionGroupFields {
    pub code: String,
    pub name: String,
    pub options: Vec<OptionFields>,
}

/// The group a variant's option value belongs to.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "ProductOptionGroup")]
pub struct OptionGroupCode {
    pub code: String,
}

/// A variant's value of one option group.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "ProductOption")]
pub struct VariantOption {
    pub name: String,
    pub group: OptionGroupCode,
}

/// A variant priced in the request's currency.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "ProductVariant")]
pub struct VariantFields {
    pub id: Id,
    pub sku: String,
    pub currency_code: CurrencyCode,
    pub price: Units,
    pub price_with_tax: Units,
    pub stock_level: String,
    pub options: Vec<VariantOption>,
}

/// A product with its variants.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Product")]
pub struct ProductFields {
    pub id: Id,
    pub name: String,
    pub slug: String,
    pub description: String,
    pub featured_asset: Option<AssetFields>,
    pub assets: Vec<AssetFields>,
    pub facet_values: Vec<FacetValueFields>,
    pub collections: Vec<CollectionRef>,
    pub option_groups: Vec<OptionGroupFields>,
    pub variants: Vec<VariantFields>,
}

/// Variables of [`ProductQuery`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct ProductVariables {
    pub slug: String,
}

/// `product(slug:)`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Query", variables = "ProductVariables")]
pub struct ProductQuery {
    #[arguments(slug: $slug)]
    pub product: Option<ProductFields>,
}

/// `IDOperators`: only `in` is used.
#[derive(cynic::InputObject, Clone, Debug)]
#[cynic(graphql_type = "IDOperators")]
pub struct IdOperators {
    #[cynic(rename = "in")]
    pub in_: Vec<String>,
}

/// Product filter by id.
#[derive(cynic::InputObject, Clone, Debug)]
#[cynic(graphql_type = "ProductFilterParameter")]
pub struct ProductFilter {
    pub id: IdOperators,
}

/// `ProductListOptions`: a page of products by id.
#[derive(cynic::InputObject, Clone, Debug)]
#[cynic(graphql_type = "ProductListOptions")]
pub struct ProductListOptions {
    pub take: i32,
    pub filter: ProductFilter,
}

/// Variables of [`ProductsQuery`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct ProductsVariables {
    pub options: ProductListOptions,
}

/// A page of products.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "ProductList")]
pub struct ProductList {
    pub items: Vec<ProductFields>,
}

/// `products(options:)`: the products of a search page, priced in the request's currency.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Query", variables = "ProductsVariables")]
pub struct ProductsQuery {
    #[arguments(options: $options)]
    pub products: ProductList,
}

/// One facet value filter: any of `or`.
#[derive(cynic::InputObject, Clone, Debug)]
#[cynic(graphql_type = "FacetValueFilterInput")]
pub struct FacetValueFilter {
    pub or: Vec<Id>,
}

/// Search order.
#[derive(cynic::InputObject, Clone, Debug, Default)]
#[cynic(graphql_type = "SearchResultSortParameter")]
pub struct SearchSort {
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub name: Option<SortOrder>,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub price: Option<SortOrder>,
}

/// `SearchInput`.
#[derive(cynic::InputObject, Clone, Debug, Default)]
#[cynic(graphql_type = "SearchInput")]
pub struct SearchInput {
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub facet_value_filters: Option<Vec<FacetValueFilter>>,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub collection_slug: Option<String>,
    pub group_by_product: bool,
    pub take: i32,
    pub skip: i32,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub sort: Option<SearchSort>,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub in_stock: Option<bool>,
}

/// Variables of [`SearchQuery`]: the search, and the same search limited to what is in stock.
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct SearchVariables {
    pub input: SearchInput,
    pub stock: SearchInput,
}

/// One hit (grouped by product).
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "SearchResult")]
pub struct SearchHit {
    pub product_id: Id,
}

/// A facet value in a search result, with its facet.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "FacetValue")]
pub struct SearchFacetValue {
    pub name: String,
    pub facet: FacetName,
}

/// How many hits have a facet value.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "FacetValueResult")]
pub struct FacetValueCount {
    pub count: i32,
    pub facet_value: SearchFacetValue,
}

/// How many hits are in a collection.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "CollectionResult")]
pub struct CollectionCount {
    pub count: i32,
    pub collection: CollectionRef,
}

/// A search result.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "SearchResponse")]
pub struct SearchResponse {
    pub total_items: i32,
    pub items: Vec<SearchHit>,
    pub facet_values: Vec<FacetValueCount>,
    pub collections: Vec<CollectionCount>,
}

/// The in-stock count of the same search.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "SearchResponse")]
pub struct SearchCount {
    pub total_items: i32,
}

/// `search(input:)` twice in one request: the page with facets, and the in-stock count.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Query", variables = "SearchVariables")]
pub struct SearchQuery {
    #[arguments(input: $input)]
    pub search: SearchResponse,
    #[arguments(input: $stock)]
    #[cynic(rename = "search", alias)]
    pub in_stock: SearchCount,
}

/// A facet value with its id, to turn an option filter into a facet value filter.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "FacetValue")]
pub struct FacetValueId {
    pub id: Id,
    pub code: String,
    pub name: String,
}

/// A facet with its values.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Facet")]
pub struct FacetWithValues {
    pub code: String,
    pub name: String,
    pub values: Vec<FacetValueId>,
}

/// A page of facets.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "FacetList")]
pub struct FacetList {
    pub items: Vec<FacetWithValues>,
}

/// `facets`: every facet with its values (the first hundred: Vendure's default list limit).
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Query")]
pub struct FacetsQuery {
    #[arguments(options: { take: 100 })]
    pub facets: FacetList,
}

/// A collection for the collection list.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Collection")]
pub struct CollectionFields {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub featured_asset: Option<AssetFields>,
}

/// A page of collections.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "CollectionList")]
pub struct CollectionList {
    pub items: Vec<CollectionFields>,
}

/// `collections`: the first hundred collections.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Query")]
pub struct CollectionsQuery {
    #[arguments(options: { take: 100 })]
    pub collections: CollectionList,
}

/// What the adapter needs to know of a channel.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Channel")]
pub struct ChannelFields {
    pub available_currency_codes: Vec<CurrencyCode>,
    pub prices_include_tax: bool,
}

/// A country the store ships to.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Country")]
pub struct CountryFields {
    pub code: String,
}

/// `activeChannel` and `availableCountries`: what a market's channel sells.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Query")]
pub struct ChannelQuery {
    pub active_channel: ChannelFields,
    pub available_countries: Vec<CountryFields>,
}

// ---------------------------------------------------------------------------------------------
// Orders

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
    pub state: String,
}

/// Everything the adapter maps from an order: lines, totals, contact, addresses, payments.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Order")]
pub struct OrderFields {
    pub id: Id,
    pub code: String,
    pub state: String,
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

/// A shipping method offered for the active order.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "ShippingMethodQuote")]
pub struct ShippingQuote {
    pub id: Id,
    pub name: String,
    pub price: Units,
    pub price_with_tax: Units,
}

/// `eligibleShippingMethods`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Query")]
pub struct ShippingMethodsQuery {
    pub eligible_shipping_methods: Vec<ShippingQuote>,
}

/// A payment method offered for the active order.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "PaymentMethodQuote")]
pub struct PaymentQuote {
    pub code: String,
    pub name: String,
    pub is_eligible: bool,
}

/// `eligiblePaymentMethods`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Query")]
pub struct PaymentMethodsQuery {
    pub eligible_payment_methods: Vec<PaymentQuote>,
}

// ---------------------------------------------------------------------------------------------
// Error results of mutations

macro_rules! error_results {
    ($($name:ident),* $(,)?) => {$(
        /// An error result of a mutation: its code and message.
        #[derive(cynic::QueryFragment, Clone, Debug)]
        pub struct $name {
            pub error_code: ErrorCode,
            pub message: String,
        }

        impl From<$name> for ErrorResult {
            fn from(e: $name) -> ErrorResult {
                ErrorResult { code: e.error_code, message: e.message, detail: None }
            }
        }
    )*};
}

error_results!(
    OrderModificationError,
    OrderLimitError,
    NegativeQuantityError,
    OrderInterceptorError,
    IneligibleShippingMethodError,
    NoActiveOrderError,
    CouponCodeExpiredError,
    CouponCodeInvalidError,
    CouponCodeLimitError,
    OrderPaymentStateError,
    IneligiblePaymentMethodError,
    CouponRemovedDuringCheckoutError,
    AlreadyLoggedInError,
    EmailAddressConflictError,
    GuestCheckoutError,
);

/// Not enough stock: Vendure has added what it could (`quantityAvailable`).
#[derive(cynic::QueryFragment, Clone, Debug)]
pub struct InsufficientStockError {
    pub error_code: ErrorCode,
    pub message: String,
    pub quantity_available: i32,
}

/// The payment handler declined.
#[derive(cynic::QueryFragment, Clone, Debug)]
pub struct PaymentDeclinedError {
    pub error_code: ErrorCode,
    pub message: String,
    pub payment_error_message: String,
}

/// The payment handler failed.
#[derive(cynic::QueryFragment, Clone, Debug)]
pub struct PaymentFailedError {
    pub error_code: ErrorCode,
    pub message: String,
    pub payment_error_message: String,
}

/// A state transition was refused; `transitionError` says why.
#[derive(cynic::QueryFragment, Clone, Debug)]
pub struct OrderStateTransitionError {
    pub error_code: ErrorCode,
    pub message: String,
    pub transition_error: String,
}

/// Any error result, reduced to what the mapping needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorResult {
    /// Vendure's code.
    pub code: ErrorCode,
    /// Its message.
    pub message: String,
    /// A number or reason that comes with it (available quantity, processor message).
    pub detail: Option<String>,
}

impl From<InsufficientStockError> for ErrorResult {
    fn from(e: InsufficientStockError) -> ErrorResult {
        ErrorResult {
            code: e.error_code,
            message: e.message,
            detail: Some(e.quantity_available.to_string()),
        }
    }
}

impl From<PaymentDeclinedError> for ErrorResult {
    fn from(e: PaymentDeclinedError) -> ErrorResult {
        ErrorResult {
            code: e.error_code,
            message: e.message,
            detail: Some(e.payment_error_message),
        }
    }
}

impl From<PaymentFailedError> for ErrorResult {
    fn from(e: PaymentFailedError) -> ErrorResult {
        ErrorResult {
            code: e.error_code,
            message: e.message,
            detail: Some(e.payment_error_message),
        }
    }
}

impl From<OrderStateTransitionError> for ErrorResult {
    fn from(e: OrderStateTransitionError) -> ErrorResult {
        ErrorResult {
            code: e.error_code,
            message: e.message,
            detail: Some(e.transition_error),
        }
    }
}

/// What a mutation answered: the order, an error result, or a union member this adapter does
/// not know (a newer server), by type name.
#[derive(Debug)]
pub enum Outcome {
    /// The order after the change.
    Order(Box<OrderFields>),
    /// A known error result.
    Refused(ErrorResult),
    /// A result type the schema did not have.
    Unknown(String),
}

macro_rules! order_results {
    ($($union:ident { $($error:ident),* $(,)? })*) => {$(
        /// A union result of a mutation.
        #[derive(cynic::InlineFragments, Debug)]
        #[allow(clippy::large_enum_variant)] // Decoded once and converted at once.
        pub enum $union {
            Order(OrderFields),
            $($error($error),)*
            #[cynic(fallback)]
            Unknown(String),
        }

        impl From<$union> for Outcome {
            fn from(result: $union) -> Outcome {
                match result {
                    $union::Order(order) => Outcome::Order(Box::new(order)),
                    $($union::$error(e) => Outcome::Refused(e.into()),)*
                    $union::Unknown(name) => Outcome::Unknown(name),
                }
            }
        }
    )*};
}

order_results! {
    UpdateOrderItemsResult {
        OrderModificationError, OrderLimitError, NegativeQuantityError, InsufficientStockError,
        OrderInterceptorError,
    }
    RemoveOrderItemsResult { OrderModificationError, OrderInterceptorError }
    SetOrderShippingMethodResult {
        OrderModificationError, IneligibleShippingMethodError, NoActiveOrderError,
    }
    ApplyCouponCodeResult { CouponCodeExpiredError, CouponCodeInvalidError, CouponCodeLimitError }
    AddPaymentToOrderResult {
        OrderPaymentStateError, IneligiblePaymentMethodError, PaymentFailedError,
        PaymentDeclinedError, OrderStateTransitionError, NoActiveOrderError,
        CouponRemovedDuringCheckoutError,
    }
    TransitionOrderToStateResult { OrderStateTransitionError }
    SetCustomerForOrderResult {
        AlreadyLoggedInError, EmailAddressConflictError, NoActiveOrderError, GuestCheckoutError,
    }
    ActiveOrderResult { NoActiveOrderError }
}

// ---------------------------------------------------------------------------------------------
// Mutations

/// Variables of [`AddItem`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct AddItemVariables {
    pub variant: Id,
    pub quantity: i32,
}

/// `addItemToOrder`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "AddItemVariables")]
pub struct AddItem {
    #[arguments(productVariantId: $variant, quantity: $quantity)]
    pub add_item_to_order: UpdateOrderItemsResult,
}

/// Variables of [`AdjustLine`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct AdjustLineVariables {
    pub line: Id,
    pub quantity: i32,
}

/// `adjustOrderLine`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "AdjustLineVariables")]
pub struct AdjustLine {
    #[arguments(orderLineId: $line, quantity: $quantity)]
    pub adjust_order_line: UpdateOrderItemsResult,
}

/// Variables of [`RemoveLine`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct LineVariables {
    pub line: Id,
}

/// `removeOrderLine`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "LineVariables")]
pub struct RemoveLine {
    #[arguments(orderLineId: $line)]
    pub remove_order_line: RemoveOrderItemsResult,
}

/// Variables of [`SetCurrency`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct CurrencyVariables {
    pub currency: CurrencyCode,
}

/// `setCurrencyCodeForOrder`: re-prices every line in another currency of the channel.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "CurrencyVariables")]
pub struct SetCurrency {
    #[arguments(currencyCode: $currency)]
    pub set_currency_code_for_order: UpdateOrderItemsResult,
}

/// Variables of the coupon mutations.
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct CouponVariables {
    pub code: String,
}

/// `applyCouponCode`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "CouponVariables")]
pub struct ApplyCoupon {
    #[arguments(couponCode: $code)]
    pub apply_coupon_code: ApplyCouponCodeResult,
}

/// `removeCouponCode` (null without an active order).
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "CouponVariables")]
pub struct RemoveCoupon {
    #[arguments(couponCode: $code)]
    pub remove_coupon_code: Option<OrderFields>,
}

/// `CreateCustomerInput`.
#[derive(cynic::InputObject, Clone, Debug)]
#[cynic(graphql_type = "CreateCustomerInput")]
pub struct CustomerInput {
    pub email_address: String,
    pub first_name: String,
    pub last_name: String,
}

/// Variables of [`SetCustomer`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct CustomerVariables {
    pub input: CustomerInput,
}

/// `setCustomerForOrder`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "CustomerVariables")]
pub struct SetCustomer {
    #[arguments(input: $input)]
    pub set_customer_for_order: SetCustomerForOrderResult,
}

/// `CreateAddressInput`.
#[derive(cynic::InputObject, Clone, Debug, PartialEq, Eq)]
#[cynic(graphql_type = "CreateAddressInput")]
pub struct AddressInput {
    pub full_name: String,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    pub street_line1: String,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub street_line2: Option<String>,
    pub city: String,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    pub country_code: String,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

/// Variables of the address mutations.
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct AddressVariables {
    pub input: AddressInput,
}

/// `setOrderShippingAddress`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "AddressVariables")]
pub struct SetShippingAddress {
    #[arguments(input: $input)]
    pub set_order_shipping_address: ActiveOrderResult,
}

/// `setOrderBillingAddress`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "AddressVariables")]
pub struct SetBillingAddress {
    #[arguments(input: $input)]
    pub set_order_billing_address: ActiveOrderResult,
}

/// `unsetOrderBillingAddress`: bill to the shipping address.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation")]
pub struct UnsetBillingAddress {
    pub unset_order_billing_address: ActiveOrderResult,
}

/// Variables of [`SetShippingMethod`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct ShippingMethodVariables {
    pub ids: Vec<Id>,
}

/// `setOrderShippingMethod`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "ShippingMethodVariables")]
pub struct SetShippingMethod {
    #[arguments(shippingMethodId: $ids)]
    pub set_order_shipping_method: SetOrderShippingMethodResult,
}

/// Variables of [`Transition`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct StateVariables {
    pub state: String,
}

/// `transitionOrderToState` (null without an active order).
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "StateVariables")]
pub struct Transition {
    #[arguments(state: $state)]
    pub transition_order_to_state: Option<TransitionOrderToStateResult>,
}

/// `PaymentInput`: the method's code and what its handler reads.
#[derive(cynic::InputObject, Clone, Debug)]
#[cynic(graphql_type = "PaymentInput")]
pub struct PaymentInput {
    pub method: String,
    pub metadata: Json,
}

/// Variables of [`AddPayment`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct PaymentVariables {
    pub input: PaymentInput,
}

/// `addPaymentToOrder`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "PaymentVariables")]
pub struct AddPayment {
    #[arguments(input: $input)]
    pub add_payment_to_order: AddPaymentToOrderResult,
}
