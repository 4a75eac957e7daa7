//! Product search over the catalog: text, collection, option and price filters, sorting, pages,
//! and facets over the whole filtered result.

use std::cmp::Ordering;

use crate::error::Result;
use crate::local::data::{CatalogFile, CatalogProduct};
use crate::local::pricing::{self, Sold};
use crate::market::Market;
use crate::model::{
    Collection, Faceted, ProductFilter, ProductOption, ProductPage, ProductQuery, ProductSort,
    facets,
};
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

/// The engine's own catalog types, counted by the shared facets without mapping every hit into
/// a model `Product` (only the page's products are).
impl Faceted for Hit<'_> {
    fn options(&self) -> &[ProductOption] {
        &self.product.options
    }

    fn has_option_value(&self, index: usize, value: &str) -> bool {
        self.product
            .variants
            .iter()
            .any(|v| v.options.get(index).map(String::as_str) == Some(value))
    }

    fn prices(&self) -> impl Iterator<Item = Money> + '_ {
        self.prices.iter().copied()
    }

    fn available(&self) -> bool {
        self.available
    }

    fn in_collection(&self, collection: &Collection) -> bool {
        self.product.collections.contains(&collection.handle)
    }
}

/// Runs a search: the page asked for, priced for the market, with facets for every match.
pub(crate) fn search(
    data: &CatalogFile,
    market: &Market,
    query: &ProductQuery,
    sold: &Sold,
) -> Result<ProductPage> {
    let filter = ProductFilter::new(query, market.currency)?;
    let tokens: Vec<String> = query
        .text
        .split_whitespace()
        .map(crate::text::lowercase)
        .collect();

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
        // The shared filter on the engine's own variants: mapping each into a model `Variant`
        // would allocate for every variant of every product searched.
        let matching = product
            .variants
            .iter()
            .zip(&prices)
            .any(|(variant, price)| {
                filter.accepts(&product.options, &variant.options, *price, || {
                    pricing::remaining(variant, sold) > 0
                })
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
    let collections: Vec<Collection> = data
        .collections
        .iter()
        .map(|c| pricing::collection(c, market))
        .collect();
    let facets = facets(&hits, &collections);
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
        haystack.push_str(&crate::text::lowercase(part));
        haystack.push('\n');
    }
    tokens.iter().all(|t| haystack.contains(t.as_str()))
}

fn sort(hits: &mut Vec<Hit<'_>>, sort: ProductSort) {
    // The catalog position breaks every tie: equal keys keep the merchant's order. One
    // comparison for every order, so the sort is compiled once.
    crate::sorting::sort_by(hits, |a, b| {
        let by = match sort {
            ProductSort::Featured => (!a.product.featured).cmp(&!b.product.featured),
            ProductSort::PriceAsc => a.lowest().cmp(&b.lowest()),
            ProductSort::PriceDesc => b.lowest().cmp(&a.lowest()),
            ProductSort::TitleAsc => compare_titles(&a.title, &b.title),
            ProductSort::Newest => b.product.created_at.cmp(&a.product.created_at),
        };
        by.then(a.position.cmp(&b.position))
    });
}

/// Case-insensitive title order; the browser's `Intl.Collator` does locale collation for lists
/// it sorts itself.
fn compare_titles(a: &str, b: &str) -> Ordering {
    crate::text::lowercase(a)
        .cmp(&crate::text::lowercase(b))
        .then_with(|| a.cmp(b))
}
