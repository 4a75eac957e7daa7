//! `use_recommendations()`: the products recommended for one or more products, read from the
//! published lists (`dhow_sdk::recommend`) and kept to what the shopper's market can buy.
//!
//! A list names products by handle; each is read from the backend in the shopper's market, so
//! it is priced in the market's currency, and kept only when it is sold there and in stock.
//! A product without a list (no file) recommends nothing. On a prerendered page the lists are
//! part of the HTML (like every catalog read) and asked again after the takeover.

use std::collections::{BTreeMap, BTreeSet};

use dhow_sdk::model::Product;
use dhow_sdk::recommend::{ProductRecommendations, Recommended};
use dhow_sdk::{Error, Market};
use leptos::prelude::*;

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

    fn of(self, lists: &ProductRecommendations) -> &[Recommended] {
        match self {
            RecommendationKind::BoughtTogether => &lists.bought_together,
            RecommendationKind::Similar => &lists.similar,
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
        handles.sort();
        handles.dedup();
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
            async move { recommended(&store, &market, &handles, kind, limit).await }
        },
    )
}

/// Reads the lists of `handles`, merges them and keeps the first `limit` products the market
/// can buy.
async fn recommended(
    store: &Store,
    market: &Market,
    handles: &[String],
    kind: RecommendationKind,
    limit: usize,
) -> Result<Vec<Product>, Error> {
    let mut lists = Vec::with_capacity(handles.len());
    for handle in handles {
        if let Some(list) = read_list(store, handle).await? {
            lists.push(list);
        }
    }
    let candidates = merge_recommendations(&lists, kind, handles);
    let mut found = Vec::new();
    // A few at a time: most candidates are kept, so this asks for little more than it shows.
    for batch in candidates.chunks(limit.max(1)) {
        let answers = futures::future::join_all(
            batch
                .iter()
                .map(|handle| async move { store.product(market, handle).await }),
        )
        .await;
        for answer in answers {
            match answer {
                Ok(product) if product.available() => found.push(slim(product)),
                // Sold out here, or not sold in this market at all: not recommended.
                Ok(_) | Err(Error::NotFound { .. } | Error::NotSold { .. }) => {}
                Err(error) => return Err(error),
            }
        }
        if found.len() >= limit {
            break;
        }
    }
    found.truncate(limit);
    Ok(found)
}

/// A product's lists, `None` when it has none (no file).
async fn read_list(store: &Store, handle: &str) -> Result<Option<ProductRecommendations>, Error> {
    let path = format!("/{}", dhow_sdk::recommend::product_path(handle));
    match store.read_file(&path).await {
        Ok(text) => serde_json::from_str::<ProductRecommendations>(&text)
            .map(Some)
            .map_err(|e| Error::Decode {
                message: format!("{path}: {e}"),
            }),
        Err(Error::NotFound { .. }) => Ok(None),
        Err(error) => Err(error),
    }
}

/// The candidates of several lists of one kind, best first: a product in several lists takes
/// its best score; ties go by handle, so every render orders them alike. `exclude`d products
/// (the ones recommended for) are left out.
pub fn merge_recommendations(
    lists: &[ProductRecommendations],
    kind: RecommendationKind,
    exclude: &[String],
) -> Vec<String> {
    let exclude: BTreeSet<&str> = exclude.iter().map(String::as_str).collect();
    let mut best: BTreeMap<&str, f64> = BTreeMap::new();
    for entry in lists.iter().flat_map(|list| kind.of(list)) {
        if exclude.contains(entry.product.as_str()) || !entry.score.is_finite() {
            continue;
        }
        let score = best.entry(entry.product.as_str()).or_insert(entry.score);
        if entry.score > *score {
            *score = entry.score;
        }
    }
    let mut ranked: Vec<(&str, f64)> = best.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    ranked.into_iter().map(|(h, _)| h.to_owned()).collect()
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
    use dhow_sdk::recommend::Source;

    fn list(product: &str, entries: &[(&str, f64)]) -> ProductRecommendations {
        ProductRecommendations {
            version: 1,
            product: product.into(),
            bought_together: entries
                .iter()
                .map(|(p, score)| Recommended {
                    product: (*p).into(),
                    score: *score,
                    support: Some(2),
                    source: Source::Orders,
                })
                .collect(),
            similar: vec![],
        }
    }

    #[test]
    fn lists_merge_by_best_score_without_the_products_themselves() {
        let lists = [
            list("a", &[("b", 0.2), ("c", 0.5), ("x", 0.3)]),
            list("b", &[("a", 0.9), ("x", 0.6), ("d", 0.3)]),
        ];
        let merged = merge_recommendations(
            &lists,
            RecommendationKind::BoughtTogether,
            &["a".into(), "b".into()],
        );
        assert_eq!(merged, ["x", "c", "d"]);
    }

    #[test]
    fn ties_go_by_handle_and_broken_scores_are_dropped() {
        let lists = [list("a", &[("z", 0.5), ("m", 0.5), ("n", f64::NAN)])];
        let merged =
            merge_recommendations(&lists, RecommendationKind::BoughtTogether, &["a".into()]);
        assert_eq!(merged, ["m", "z"]);
        assert!(merge_recommendations(&lists, RecommendationKind::Similar, &[]).is_empty());
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
