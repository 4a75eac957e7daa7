//! Catalog operations of the Vendure adapter: the markets its channels sell, product search
//! with facets and paging, product by handle, collections.
//!
//! A search runs in steps: option filters become facet value ids, the search input is built,
//! the hits are fetched (again in the channel's default language when the shopper's finds
//! nothing), their products are read priced in the market's currency, and the page is cut. A
//! price range cannot be asked of Vendure's search (its index holds one price per channel,
//! whatever the currency), so a query with one reads the whole result, keeps the products with
//! a variant priced within the range, and counts and pages those.

use std::collections::BTreeMap;

use cynic::{Id, QueryBuilder};

use super::mapping;
use super::queries as q;
use super::transport::RequestContext;
use super::{ChannelInfo, VendureBackend};
use crate::error::{Error, Resource, Result};
use crate::market::{Market, TaxDisplay};
use crate::model::{
    Collection, Facet, FacetValue, Product, ProductFilter, ProductPage, ProductQuery, ProductSort,
};

/// Products per page when a query asks for the backend's default.
const DEFAULT_PER_PAGE: u32 = 24;
/// Vendure's default `shopListQueryLimit`: larger pages (of hits or of products) are refused.
const MAX_PER_PAGE: u32 = 100;
/// Most hits read to filter by price here: beyond it, the range covers the first 1,000
/// products of the result only. A catalog that large wants a search plugin with prices per
/// currency.
const MAX_SCAN: u32 = 1000;

/// The configured markets whose channel sells in their currency and ships to their country, with
/// the channel's tax display.
pub(super) async fn markets(backend: &VendureBackend) -> Result<Vec<Market>> {
    let mut sold = Vec::new();
    for market in &backend.markets {
        let channel = backend.channel(market).await?;
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

/// Searches the catalog: the steps of the module's documentation.
pub(super) async fn products(
    backend: &VendureBackend,
    market: &Market,
    query: &ProductQuery,
) -> Result<ProductPage> {
    // Options and stock are asked of Vendure's search; only the price range is applied here.
    let price_range = ProductFilter::new(query, market.currency)?.price_only();
    let channel = backend.channel(market).await?;
    let language = mapping::language(market);
    let ctx = backend.catalog_context(market, &language);
    let per_page = match query.per_page {
        0 => DEFAULT_PER_PAGE,
        n => n.min(MAX_PER_PAGE),
    };
    let mut page = ProductPage {
        products: Vec::new(),
        total: 0,
        page: query.page,
        per_page,
        facets: Vec::new(),
    };
    let Some(filters) = option_filters(backend, query, ctx).await? else {
        return Ok(page);
    };
    let input = search_input(query, filters);
    let priced = |hits| priced_products(backend, market, &channel, hits, ctx);

    if price_range.is_empty() {
        let skip = u64::from(query.page) * u64::from(per_page);
        let (found, _) = search(backend, &input, skip, per_page, ctx).await?;
        page.products = priced(hit_ids(&found)).await?;
        page.total = count(found.search.total_items);
        page.facets = search_facets(&found);
        return Ok(page);
    }

    let (found, hits) = search_all(backend, &input, ctx).await?;
    let mut matching = priced(hits).await?;
    matching.retain(|p| price_range.matches(p));
    page.total = u32::try_from(matching.len()).unwrap_or(u32::MAX);
    let skip = u64::from(query.page) * u64::from(per_page);
    page.products = matching
        .into_iter()
        .skip(usize::try_from(skip).unwrap_or(usize::MAX))
        .take(per_page as usize)
        .collect();
    page.facets = search_facets(&found);
    Ok(page)
}

/// The facet value ids a query's option filters name, one filter per option (any of its
/// values); `None` when a value names nothing, so that nothing can match.
async fn option_filters(
    backend: &VendureBackend,
    query: &ProductQuery,
    ctx: RequestContext<'_>,
) -> Result<Option<Vec<q::FacetValueFilter>>> {
    if query.options.is_empty() {
        return Ok(Some(Vec::new()));
    }
    let facets = backend
        .transport
        .send("facets", &q::FacetsQuery::build(()), ctx)
        .await?
        .data
        .facets
        .items;
    let mut by_option: BTreeMap<String, Vec<Id>> = BTreeMap::new();
    for (name, value) in &query.options {
        let ids = by_option.entry(crate::text::lowercase(name)).or_default();
        let found = facets
            .iter()
            .filter(|f| f.name.eq_ignore_ascii_case(name) || f.code.eq_ignore_ascii_case(name))
            .flat_map(|f| f.values.iter())
            .filter(|v| v.name.eq_ignore_ascii_case(value) || v.code.eq_ignore_ascii_case(value));
        ids.extend(found.map(|v| v.id.clone()));
    }
    if by_option.values().any(Vec::is_empty) {
        return Ok(None);
    }
    Ok(Some(
        by_option
            .into_values()
            .map(|or| q::FacetValueFilter { or })
            .collect(),
    ))
}

/// The search a query asks of Vendure: text, option filters, collection, order and stock. The
/// window (`skip`, `take`) is set per request.
fn search_input(query: &ProductQuery, filters: Vec<q::FacetValueFilter>) -> q::SearchInput {
    let sort_by = |price, name| Some(q::SearchSort { price, name });
    let sort = match query.sort {
        ProductSort::PriceAsc => sort_by(Some(q::SortOrder::Asc), None),
        ProductSort::PriceDesc => sort_by(Some(q::SortOrder::Desc), None),
        ProductSort::TitleAsc => sort_by(None, Some(q::SortOrder::Asc)),
        // Vendure's search has no date order; relevance (or the index order) stands in.
        ProductSort::Featured | ProductSort::Newest => None,
    };
    q::SearchInput {
        term: Some(query.text.trim().to_owned()).filter(|t| !t.is_empty()),
        facet_value_filters: Some(filters).filter(|f| !f.is_empty()),
        collection_slug: query.collection.clone(),
        group_by_product: true,
        take: 0,
        skip: 0,
        sort,
        in_stock: query.in_stock.then_some(true),
    }
}

/// One window of a search, with its facets and in-stock count, and the request context that
/// found it. Vendure indexes a product only in the languages it is translated into (and the
/// channel's default): when the shopper's language finds nothing, the search is asked again in
/// the channel's default language, and that context is returned for the next windows.
async fn search<'a>(
    backend: &VendureBackend,
    input: &q::SearchInput,
    skip: u64,
    take: u32,
    ctx: RequestContext<'a>,
) -> Result<(q::SearchQuery, RequestContext<'a>)> {
    let input = q::SearchInput {
        take: i32::try_from(take).unwrap_or(i32::MAX),
        skip: i32::try_from(skip).unwrap_or(i32::MAX),
        ..input.clone()
    };
    let stock = q::SearchInput {
        take: 1,
        skip: 0,
        sort: None,
        in_stock: Some(true),
        ..input.clone()
    };
    let operation = q::SearchQuery::build(q::SearchVariables { input, stock });
    let found = backend
        .transport
        .send("search", &operation, ctx)
        .await?
        .data;
    if found.search.total_items == 0 && ctx.language.is_some() {
        let fallback = RequestContext {
            language: None,
            ..ctx
        };
        let found = backend
            .transport
            .send("search", &operation, fallback)
            .await?
            .data;
        return Ok((found, fallback));
    }
    Ok((found, ctx))
}

/// The whole result of a search, up to [`MAX_SCAN`] hits: the first window's answer (for the
/// facets, which count the whole result) and every hit's product id in the search's order.
async fn search_all(
    backend: &VendureBackend,
    input: &q::SearchInput,
    ctx: RequestContext<'_>,
) -> Result<(q::SearchQuery, Vec<String>)> {
    let (first, ctx) = search(backend, input, 0, MAX_PER_PAGE, ctx).await?;
    let mut hits = hit_ids(&first);
    let total = count(first.search.total_items).min(MAX_SCAN);
    while (hits.len() as u64) < u64::from(total) {
        let (next, _) = search(backend, input, hits.len() as u64, MAX_PER_PAGE, ctx).await?;
        if next.search.items.is_empty() {
            // The index shrank while it was read: what was read is the result.
            break;
        }
        hits.extend(hit_ids(&next));
    }
    Ok((first, hits))
}

/// The product ids of a search's hits, in its order.
fn hit_ids(found: &q::SearchQuery) -> Vec<String> {
    found
        .search
        .items
        .iter()
        .map(|h| h.product_id.inner().to_owned())
        .collect()
}

/// The products of `ids`, in that order, priced in the market's currency: the search index
/// holds one price per channel whatever the currency, so prices come from the products
/// themselves. Read at most [`MAX_PER_PAGE`] at a time; a product no longer there is left out.
async fn priced_products(
    backend: &VendureBackend,
    market: &Market,
    channel: &ChannelInfo,
    ids: Vec<String>,
    ctx: RequestContext<'_>,
) -> Result<Vec<Product>> {
    let mut products = Vec::with_capacity(ids.len());
    for batch in ids.chunks(MAX_PER_PAGE as usize) {
        let operation = q::ProductsQuery::build(q::ProductsVariables {
            options: q::ProductListOptions {
                take: i32::try_from(batch.len()).unwrap_or(i32::MAX),
                filter: q::ProductFilter {
                    id: q::IdOperators {
                        in_: batch.to_vec(),
                    },
                },
            },
        });
        let mut found = backend
            .transport
            .send("products", &operation, ctx)
            .await?
            .data
            .products
            .items;
        for id in batch {
            if let Some(at) = found.iter().position(|p| p.id.inner() == id) {
                products.push(mapping::product(
                    found.swap_remove(at),
                    market.currency,
                    backend.config.money_precision,
                    channel.prices_include_tax,
                )?);
            }
        }
    }
    Ok(products)
}

pub(super) async fn product(
    backend: &VendureBackend,
    market: &Market,
    handle: &str,
) -> Result<Product> {
    let channel = backend.channel(market).await?;
    let language = mapping::language(market);
    let operation = q::ProductQuery::build(q::ProductVariables {
        slug: handle.to_owned(),
    });
    let found = backend
        .transport
        .send(
            "product",
            &operation,
            backend.catalog_context(market, &language),
        )
        .await?
        .data
        .product
        .ok_or_else(|| Error::not_found(Resource::Product, handle))?;
    mapping::product(
        found,
        market.currency,
        backend.config.money_precision,
        channel.prices_include_tax,
    )
}

pub(super) async fn collections(
    backend: &VendureBackend,
    market: &Market,
) -> Result<Vec<Collection>> {
    let language = mapping::language(market);
    let operation = q::CollectionsQuery::build(());
    let list = backend
        .transport
        .send(
            "collections",
            &operation,
            backend.catalog_context(market, &language),
        )
        .await?
        .data
        .collections
        .items;
    Ok(list.into_iter().map(mapping::collection).collect())
}

/// A count from GraphQL's `Int`; a negative one counts nothing.
pub(super) fn count(n: i32) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

/// The facets of a search: collections, option values grouped by facet, and the in-stock count.
pub(super) fn search_facets(search: &q::SearchQuery) -> Vec<Facet> {
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
