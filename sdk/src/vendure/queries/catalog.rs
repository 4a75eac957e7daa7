//! Catalog operations: products, search with facets, facets, collections, and what a channel
//! sells.

use cynic::Id;

use super::*;

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
