//! Product search over the catalog: text, collection, option and price filters, sorting, pages,
//! and facets over the whole filtered result.

use std::cmp::Ordering;

use crate::error::{Error, FieldError, Problem, Result};
use crate::local::data::{CatalogFile, CatalogProduct};
use crate::local::pricing::{self, Sold};
use crate::market::Market;
use crate::model::{Facet, FacetValue, OptionFacets, ProductPage, ProductQuery, ProductSort};
use crate::money::Money;

/// Products per page when the query leaves it to the backend.
const DEFAULT_PER_PAGE: u32 = 24;
/// Most products per page, so one query cannot price the whole catalog at once.
const MAX_PER_PAGE: u32 = 100;

/// A product that passed the filters, with what sorting and facets need.
struct Hit<'a> {
    product: &'a CatalogProduct,
    /// Catalog position, the tie-breaker of every sort.
    position: usize,
    title: String,
    /// Price of each variant in the market, in variant order.
    prices: Vec<Money>,
    available: bool,
}

impl Hit<'_> {
    fn lowest(&self) -> i64 {
        self.prices
            .iter()
            .map(|p| p.minor_units())
            .min()
            .unwrap_or(0)
    }
}

/// Runs a search: the page asked for, priced for the market, with facets for every match.
pub(crate) fn search(
    data: &CatalogFile,
    market: &Market,
    query: &ProductQuery,
    sold: &Sold,
) -> Result<ProductPage> {
    check_bounds(market, query)?;
    let tokens: Vec<String> = query
        .text
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    // Option filters grouped by option name: values of one option are alternatives.
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for (name, value) in &query.options {
        let name = name.to_lowercase();
        match groups.iter_mut().find(|(n, _)| *n == name) {
            Some((_, values)) => values.push(value.to_lowercase()),
            None => groups.push((name, vec![value.to_lowercase()])),
        }
    }

    let mut hits = Vec::new();
    for (position, product) in data.products.iter().enumerate() {
        if let Some(handle) = &query.collection
            && !product.collections.iter().any(|c| c == handle)
        {
            continue;
        }
        if !tokens.is_empty() && !matches_text(product, market, &tokens) {
            continue;
        }
        let prices = product
            .variants
            .iter()
            .map(|v| pricing::unit_price(data, market, v))
            .collect::<Result<Vec<_>>>()?;
        // A product matches when one variant meets every variant-level filter at once: "size M
        // under 30 in stock" must not match an M at 50 and an L at 25.
        let matching = product
            .variants
            .iter()
            .zip(&prices)
            .any(|(variant, price)| {
                let in_bounds = query
                    .min_price
                    .is_none_or(|min| price.minor_units() >= min.minor_units())
                    && query
                        .max_price
                        .is_none_or(|max| price.minor_units() <= max.minor_units());
                let options_match = groups.iter().all(|(name, values)| {
                    let Some(i) = product
                        .options
                        .iter()
                        .position(|o| o.name.to_lowercase() == *name)
                    else {
                        return false;
                    };
                    variant
                        .options
                        .get(i)
                        .is_some_and(|v| values.contains(&v.to_lowercase()))
                });
                in_bounds
                    && options_match
                    && (!query.in_stock || pricing::remaining(variant, sold) > 0)
            });
        if !matching {
            continue;
        }
        let available = product
            .variants
            .iter()
            .any(|v| pricing::remaining(v, sold) > 0);
        let title = pricing::product_text(product, market).0.to_owned();
        hits.push(Hit {
            product,
            position,
            title,
            prices,
            available,
        });
    }

    sort(&mut hits, query.sort);
    let facets = facets(data, market, &hits);
    let per_page = match query.per_page {
        0 => DEFAULT_PER_PAGE,
        n => n.min(MAX_PER_PAGE),
    };
    let total = u32::try_from(hits.len()).unwrap_or(u32::MAX);
    let start = usize::try_from(u64::from(query.page) * u64::from(per_page)).unwrap_or(usize::MAX);
    let products = hits
        .iter()
        .skip(start)
        .take(per_page as usize)
        .map(|hit| pricing::product(data, market, hit.product, sold))
        .collect::<Result<Vec<_>>>()?;
    Ok(ProductPage {
        products,
        total,
        page: query.page,
        per_page,
        facets,
    })
}

/// Price bounds must be in the market's currency: comparing across currencies would be a
/// silent conversion.
fn check_bounds(market: &Market, query: &ProductQuery) -> Result<()> {
    let mut fields = Vec::new();
    for (field, bound) in [
        ("min_price", query.min_price),
        ("max_price", query.max_price),
    ] {
        if bound.is_some_and(|b| b.currency() != market.currency) {
            fields.push(FieldError::new(field, Problem::Invalid));
        }
    }
    if fields.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidInput { fields })
    }
}

/// Every token appears somewhere in the product's English or translated text, tags or handle.
fn matches_text(product: &CatalogProduct, market: &Market, tokens: &[String]) -> bool {
    let (title, description) = pricing::product_text(product, market);
    let mut haystack = String::new();
    for part in [
        product.title.as_str(),
        product.description.as_str(),
        title,
        description,
        product.handle.as_str(),
    ]
    .into_iter()
    .chain(product.tags.iter().map(String::as_str))
    {
        haystack.push_str(&part.to_lowercase());
        haystack.push('\n');
    }
    tokens.iter().all(|t| haystack.contains(t.as_str()))
}

fn sort(hits: &mut [Hit<'_>], sort: ProductSort) {
    // Stable sorts with the catalog position last: equal keys keep the merchant's order.
    match sort {
        ProductSort::Featured => hits.sort_by_key(|h| (!h.product.featured, h.position)),
        ProductSort::PriceAsc => hits.sort_by_key(|h| (h.lowest(), h.position)),
        ProductSort::PriceDesc => hits.sort_by_key(|h| (std::cmp::Reverse(h.lowest()), h.position)),
        ProductSort::TitleAsc => hits
            .sort_by(|a, b| compare_titles(&a.title, &b.title).then(a.position.cmp(&b.position))),
        ProductSort::Newest => hits.sort_by(|a, b| {
            b.product
                .created_at
                .cmp(&a.product.created_at)
                .then(a.position.cmp(&b.position))
        }),
    }
}

/// Case-insensitive title order; the browser's `Intl.Collator` does locale collation for lists
/// it sorts itself.
fn compare_titles(a: &str, b: &str) -> Ordering {
    a.to_lowercase()
        .cmp(&b.to_lowercase())
        .then_with(|| a.cmp(b))
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn facets(data: &CatalogFile, market: &Market, hits: &[Hit<'_>]) -> Vec<Facet> {
    let mut facets = Vec::new();

    let collections: Vec<FacetValue> = data
        .collections
        .iter()
        .filter_map(|collection| {
            let n = hits
                .iter()
                .filter(|h| h.product.collections.contains(&collection.handle))
                .count();
            (n > 0).then(|| FacetValue {
                value: collection.handle.clone(),
                label: pricing::collection_text(collection, market).0.to_owned(),
                count: count(n),
            })
        })
        .collect();
    if !collections.is_empty() {
        facets.push(Facet::Collection {
            values: collections,
        });
    }

    let mut options = OptionFacets::default();
    for hit in hits {
        options.add(&hit.product.options, |i, value| {
            hit.product
                .variants
                .iter()
                .any(|v| v.options.get(i).map(String::as_str) == Some(value))
        });
    }
    facets.extend(options.finish());

    let prices = hits.iter().flat_map(|h| h.prices.iter().copied());
    if let (Some(min), Some(max)) = (
        prices.clone().min_by_key(|p| p.minor_units()),
        prices.max_by_key(|p| p.minor_units()),
    ) {
        facets.push(Facet::PriceRange { min, max });
    }
    facets.push(Facet::InStock {
        count: count(hits.iter().filter(|h| h.available).count()),
    });
    facets
}
