//! Catalog operations of the Medusa adapter: product search with paging and facets, product by
//! handle, collections.

use super::{MedusaBackend, mapping, wire};
use crate::error::{Error, Resource, Result, Unsold};
use crate::market::Market;
use crate::model::{
    Collection, Product, ProductFilter, ProductPage, ProductQuery, ProductSort, facets,
};

/// Products per page when the query leaves it to the backend.
const DEFAULT_PER_PAGE: u32 = 24;
/// Most products per page (Medusa's own limit is larger; this keeps one page light).
const MAX_PER_PAGE: u32 = 100;
/// Products read per request when the whole result is needed.
const SCAN_PAGE: u32 = 100;
/// Most products read to filter, sort or count facets here: beyond it, they cover the first
/// 1,000 products of the result only. A catalog that large wants a search engine in Medusa.
const MAX_SCAN: u64 = 1000;

impl MedusaBackend {
    /// Search: on the server when Medusa can do all of it, here otherwise (module docs).
    pub(super) async fn search(
        &self,
        market: &Market,
        query: &ProductQuery,
    ) -> Result<ProductPage> {
        let filter = ProductFilter::new(query, market.currency)?;
        let per_page = match query.per_page {
            0 => DEFAULT_PER_PAGE,
            n => n.min(MAX_PER_PAGE),
        };
        let collections = self.all_collections().await?;
        let collection_id = match &query.collection {
            Some(handle) => match collections.iter().find(|c| &c.handle == handle) {
                Some(c) => Some(c.id.0.clone()),
                // No such collection: nothing is in it.
                None => {
                    return Ok(ProductPage {
                        products: Vec::new(),
                        total: 0,
                        page: query.page,
                        per_page,
                        facets: Vec::new(),
                    });
                }
            },
            None => None,
        };
        let order = match query.sort {
            ProductSort::TitleAsc => Some("title"),
            ProductSort::Newest => Some("-created_at"),
            ProductSort::Featured | ProductSort::PriceAsc | ProductSort::PriceDesc => None,
        };
        let filters_here = !filter.is_empty()
            || matches!(query.sort, ProductSort::PriceAsc | ProductSort::PriceDesc);
        let base = Listing {
            market,
            text: query.text.trim(),
            collection_id: collection_id.as_deref(),
            order,
        };
        let offset = u64::from(query.page) * u64::from(per_page);

        if !filters_here {
            let (products, total) = self.list(&base, offset, per_page).await?;
            let whole = offset == 0 && products.len() as u64 >= total;
            let facets = if whole {
                facets(&products, &collections)
            } else {
                facets(&self.scan(&base).await?, &collections)
            };
            return Ok(ProductPage {
                products,
                total: u32::try_from(total).unwrap_or(u32::MAX),
                page: query.page,
                per_page,
                facets,
            });
        }

        let mut hits: Vec<Product> = self
            .scan(&base)
            .await?
            .into_iter()
            .filter(|p| filter.matches(p))
            .collect();
        match query.sort {
            ProductSort::PriceAsc => {
                crate::sorting::sort_by(&mut hits, |a, b| lowest(a).cmp(&lowest(b)))
            }
            ProductSort::PriceDesc => {
                crate::sorting::sort_by(&mut hits, |a, b| lowest(b).cmp(&lowest(a)))
            }
            _ => {}
        }
        let facets = facets(&hits, &collections);
        let total = u32::try_from(hits.len()).unwrap_or(u32::MAX);
        let products = hits
            .into_iter()
            .skip(usize::try_from(offset).unwrap_or(usize::MAX))
            .take(per_page as usize)
            .collect();
        Ok(ProductPage {
            products,
            total,
            page: query.page,
            per_page,
            facets,
        })
    }

    /// One page of a listing as Medusa orders it, with the number of products in all. Products
    /// without a price in the market are left out of the page (they cannot be sold there).
    async fn list(
        &self,
        listing: &Listing<'_>,
        offset: u64,
        limit: u32,
    ) -> Result<(Vec<Product>, u64)> {
        let region = self.region_for(listing.market).await?;
        let country = listing.market.country.as_str().to_ascii_lowercase();
        let (offset, limit) = (offset.to_string(), limit.to_string());
        let mut params: Vec<(&str, &str)> = vec![
            ("region_id", &region.id),
            ("country_code", &country),
            ("fields", wire::PRODUCT_FIELDS),
            ("limit", &limit),
            ("offset", &offset),
        ];
        if !listing.text.is_empty() {
            params.push(("q", listing.text));
        }
        if let Some(id) = listing.collection_id {
            params.push(("collection_id", id));
        }
        if let Some(order) = listing.order {
            params.push(("order", order));
        }
        let answer: wire::Products = self.transport.get(&["store", "products"], &params).await?;
        Ok((sold_in(&answer, listing.market)?, answer.count))
    }

    /// The whole result of a listing, up to [`MAX_SCAN`] products.
    async fn scan(&self, listing: &Listing<'_>) -> Result<Vec<Product>> {
        let mut all = Vec::new();
        let mut offset = 0u64;
        loop {
            let (page, total) = self.list(listing, offset, SCAN_PAGE).await?;
            all.extend(page);
            offset += u64::from(SCAN_PAGE);
            if offset >= total.min(MAX_SCAN) {
                return Ok(all);
            }
        }
    }

    /// One product by handle.
    pub(super) async fn product_by_handle(&self, market: &Market, handle: &str) -> Result<Product> {
        let region = self.region_for(market).await?;
        let country = market.country.as_str().to_ascii_lowercase();
        let answer: wire::Products = self
            .transport
            .get(
                &["store", "products"],
                &[
                    ("handle", handle),
                    ("region_id", &region.id),
                    ("country_code", &country),
                    ("fields", wire::PRODUCT_FIELDS),
                ],
            )
            .await?;
        by_handle(&answer, market, handle)
    }

    /// Every collection (Medusa's are few; 200 at most are read).
    pub(super) async fn all_collections(&self) -> Result<Vec<Collection>> {
        let answer: wire::Collections = self
            .transport
            .get(&["store", "collections"], &[("limit", "200")])
            .await?;
        Ok(answer.collections.iter().map(mapping::collection).collect())
    }
}

/// The products of a listing answer that have a price in `market`.
pub(super) fn sold_in(answer: &wire::Products, market: &Market) -> Result<Vec<Product>> {
    let mut products = Vec::with_capacity(answer.products.len());
    for w in &answer.products {
        if let Some(p) = mapping::product(w, market)? {
            products.push(p);
        }
    }
    Ok(products)
}

/// The product with `handle` in an answer, priced for `market`.
pub(super) fn by_handle(answer: &wire::Products, market: &Market, handle: &str) -> Result<Product> {
    let w = answer
        .products
        .iter()
        .find(|p| p.handle == handle)
        .ok_or_else(|| Error::not_found(Resource::Product, handle))?;
    mapping::product(w, market)?.ok_or_else(|| Error::NotSold {
        what: Unsold::Market,
        code: market.id.to_string(),
    })
}

/// What Medusa is asked for: text, collection and order.
struct Listing<'a> {
    market: &'a Market,
    text: &'a str,
    collection_id: Option<&'a str>,
    order: Option<&'a str>,
}

fn lowest(product: &Product) -> i64 {
    product
        .lowest_price()
        .map_or(i64::MAX, |p| p.amount.minor_units())
}
