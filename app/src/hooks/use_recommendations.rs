//! `use_recommendations()`: the products recommended for one or more products, read from the
//! published lists (`dhow_sdk::recommend`) and kept to what the shopper's market can buy.
//!
//! A list names products by handle; each is read from the backend in the shopper's market, so
//! it is priced in the market's currency, and kept only when it is sold there and in stock.
//! A product without a list (no file) recommends nothing. On a prerendered page the lists are
//! part of the HTML (like every catalog read) and asked again after the takeover.

use std::collections::BTreeSet;

use dhow_sdk::model::Product;
use dhow_sdk::{Error, Market};
use leptos::prelude::*;
use serde::Deserialize;

use crate::hooks::use_market;
use crate::snapshot::{CatalogRead, Prerender, catalog_key, use_catalog};
use crate::store::{Store, use_store};

/// Which of a product's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum RecommendationKind {
    /// Bought in the same orders ("Frequently bought together", "Complete your order").
    BoughtTogether,
    /// Alike by content ("You may also like").
    Similar,
}

impl RecommendationKind {
    /// The kind named `name` (`bought-together`, `similar`), as the embed's attribute says.
    pub fn parse(name: &str) -> Option<RecommendationKind> {
        match name {
            "bought-together" | "bought_together" => Some(RecommendationKind::BoughtTogether),
            "similar" => Some(RecommendationKind::Similar),
            _ => None,
        }
    }
}

/// Up to `limit` products recommended for the products `handles` (their `kind` lists merged,
/// best score first, none of `handles` itself), each sold and in stock in the shopper's market.
/// Follows `handles` and the market.
pub fn use_recommendations(
    handles: impl Fn() -> Vec<String> + Send + Sync + 'static,
    kind: RecommendationKind,
    limit: usize,
    prerender: Prerender,
) -> CatalogRead<Vec<Product>> {
    let store = use_store();
    let market = use_market();
    let handles = Memo::new(move |_| {
        let mut handles = handles();
        dhow_sdk::sorting::sort_dedup(&mut handles);
        handles
    });
    use_catalog(
        prerender,
        move || {
            market.market.with(|m| {
                handles
                    .with(|h| catalog_key("recommendations", &(&m.id, &m.locale, h, kind, limit)))
            })
        },
        move || {
            let (market, handles, store) = (
                market.market.get_untracked(),
                handles.get_untracked(),
                store.store(),
            );
            async move { recommended_products(&store, &market, &handles, kind, limit).await }
        },
    )
}

/// [`use_recommendations`] for places that are never prerendered (the cart, the embed): up to
/// `limit` products of the `kind` lists of `handles`, read in the browser only, empty until the
/// first answer and after a failed one (a list is never worth an error message), asked again
/// when what `ask` says or the market change. `ask` answers `None` for "no list".
pub fn use_recommendations_here(
    ask: impl Fn() -> Option<(Vec<String>, RecommendationKind, usize)> + 'static,
) -> ReadSignal<Vec<Product>> {
    let store = use_store();
    let market = use_market();
    let (products, set_products) = signal(Vec::<Product>::new());
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        let asking = ask();
        let market = market.market.get();
        let number = asked.get_value() + 1;
        asked.set_value(number);
        let Some((mut handles, kind, limit)) = asking.filter(|(h, _, _)| !h.is_empty()) else {
            set_products.set(Vec::new());
            return;
        };
        dhow_sdk::sorting::sort_dedup(&mut handles);
        let store = store.store();
        leptos::task::spawn_local(async move {
            let found = recommended_products(&store, &market, &handles, kind, limit).await;
            // An answer to an older question is dropped.
            if asked.try_get_value() == Some(number) {
                set_products.try_set(found.unwrap_or_default());
            }
        });
    });
    products
}

/// Up to `limit` products recommended for `handles` (their `kind` lists read and merged), each
/// sold and in stock in `market`: what [`use_recommendations`] answers, for code that reads it
/// without a page snapshot (the embed).
pub async fn recommended_products(
    store: &Store,
    market: &Market,
    handles: &[String],
    kind: RecommendationKind,
    limit: usize,
) -> Result<Vec<Product>, Error> {
    let mut lists = Vec::with_capacity(handles.len());
    for handle in handles {
        if let Some(list) = read_list(store, handle).await? {
            lists.push(match kind {
                RecommendationKind::BoughtTogether => list.bought_together,
                RecommendationKind::Similar => list.similar,
            });
        }
    }
    available_products(store, market, merge_recommendations(&lists, handles), limit).await
}

/// Up to `limit` of the products named by `handles` (in that order) that are sold and in stock
/// in `market`; products not sold there, or gone, are skipped.
pub async fn available_products(
    store: &Store,
    market: &Market,
    handles: impl IntoIterator<Item = String>,
    limit: usize,
) -> Result<Vec<Product>, Error> {
    let mut found = Vec::new();
    // One at a time, best first, until enough are kept: most candidates are, so this asks for
    // little more than it shows (and a list sits below the fold: its code weighs more than the
    // wait).
    for handle in handles {
        if found.len() >= limit {
            break;
        }
        match store.product(market, &handle).await {
            Ok(product) if product.available() => found.push(slim(product)),
            // Sold out here, or not sold in this market at all: not recommended.
            Ok(_) | Err(Error::NotFound { .. } | Error::NotSold { .. }) => {}
            Err(error) => return Err(error),
        }
    }
    Ok(found)
}

/// What the storefront reads of a product's published lists ([`dhow_sdk::recommend`]): the
/// handles, best first. Scores and the rest are skipped unread (the lists are ranked already,
/// and reading them would add float parsing to the page's code for nothing).
#[derive(Deserialize)]
struct Lists {
    #[serde(default)]
    bought_together: Vec<Entry>,
    #[serde(default)]
    similar: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    product: String,
}

/// A product's lists, `None` when it has none (no file).
async fn read_list(store: &Store, handle: &str) -> Result<Option<Lists>, Error> {
    let path = format!("/{}", dhow_sdk::recommend::product_path(handle));
    match store.read_file(&path).await {
        Ok(text) => serde_json::from_str::<Lists>(&text)
            .map(Some)
            .map_err(|e| Error::Decode {
                message: format!("{path}: {e}"),
            }),
        Err(Error::NotFound { .. }) => Ok(None),
        Err(error) => Err(error),
    }
}

/// The candidates of several ranked lists, best first: every list's first entries, then every
/// list's second ones, and so on (a product in several lists counts at its best rank), leaving
/// out `exclude`d products (the ones recommended for) and repeats.
pub fn merge_recommendations<E: AsRef<str>>(lists: &[Vec<E>], exclude: &[String]) -> Vec<String> {
    let mut seen: BTreeSet<&str> = exclude.iter().map(String::as_str).collect();
    let mut merged = Vec::new();
    let longest = lists.iter().map(Vec::len).max().unwrap_or(0);
    for rank in 0..longest {
        for list in lists {
            if let Some(entry) = list.get(rank)
                && seen.insert(entry.as_ref())
            {
                merged.push(entry.as_ref().to_owned());
            }
        }
    }
    merged
}

impl AsRef<str> for Entry {
    fn as_ref(&self) -> &str {
        &self.product
    }
}

/// What a recommendation shows of a product: its description and all images but the first are
/// left out (they would only weigh down the page's snapshot).
fn slim(mut product: Product) -> Product {
    product.description.clear();
    product.images.truncate(1);
    product
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handles(list: &[&str]) -> Vec<String> {
        list.iter().map(|h| (*h).to_owned()).collect()
    }

    #[test]
    fn lists_merge_rank_by_rank_without_the_products_themselves() {
        let lists = [handles(&["b", "c", "x"]), handles(&["a", "x", "d", "e"])];
        let merged = merge_recommendations(&lists, &handles(&["a", "b"]));
        assert_eq!(merged, ["c", "x", "d", "e"]);
    }

    #[test]
    fn a_published_file_reads_as_its_ranked_handles() {
        let file = dhow_sdk::recommend::ProductRecommendations {
            version: 1,
            product: "a".into(),
            bought_together: vec![dhow_sdk::recommend::Recommended {
                product: "b".into(),
                score: 0.5,
                support: Some(3),
                source: dhow_sdk::recommend::Source::Orders,
            }],
            similar: vec![],
        };
        let lists: Lists = serde_json::from_str(&serde_json::to_string(&file).unwrap()).unwrap();
        assert_eq!(merge_recommendations(&[lists.bought_together], &[]), ["b"]);
        assert!(lists.similar.is_empty());
    }

    #[test]
    fn kinds_read_as_the_embed_names_them() {
        assert_eq!(
            RecommendationKind::parse("bought-together"),
            Some(RecommendationKind::BoughtTogether)
        );
        assert_eq!(
            RecommendationKind::parse("similar"),
            Some(RecommendationKind::Similar)
        );
        assert_eq!(RecommendationKind::parse("popular"), None);
    }
}
