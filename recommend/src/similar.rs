//! Similar products by content: a weighted score over language-free features.
//!
//! ```text
//! similar(i, j) = 0.45 · Jaccard(collections) + 0.35 · Jaccard(tags)
//!               + 0.10 · Jaccard(option names) + 0.10 · price band closeness
//! ```
//!
//! The price band is the bit length of the cheapest price in minor units (log2 bands: in cents,
//! 10.24–20.47, 20.48–40.95, …); closeness is 1 in the same band, 0.5 in an adjacent one, else 0
//! (and 0 when either has no price).
//!
//! Candidates come from an inverted index of collections and tags: only products sharing at
//! least one collection or tag are compared, so two products alike only in option names and
//! price (every `Size` product in the 20–40 band) are not listed as similar. The cost is the sum
//! over products of their collections' and tags' list lengths instead of P²; a collection
//! holding most of the catalog makes it P² again, with cheap comparisons of short sorted lists.

use std::collections::HashMap;

use crate::products::{ProductFeatures, Products};
use crate::ranked::{Ranked, offer};

/// Weight of shared collections.
pub const COLLECTIONS: f64 = 0.45;
/// Weight of shared tags.
pub const TAGS: f64 = 0.35;
/// Weight of shared option names.
pub const OPTIONS: f64 = 0.10;
/// Weight of price band closeness.
pub const PRICE: f64 = 0.10;

/// A product's features as sorted interned ids.
#[derive(Default, Clone)]
struct Interned {
    collections: Vec<u32>,
    tags: Vec<u32>,
    options: Vec<u32>,
    band: Option<u32>,
}

/// The content score of two products' features (symmetric, in `[0, 1]`).
///
/// ```
/// use dhow_recommend::products::ProductFeatures;
/// use dhow_recommend::similar::score;
///
/// let product = |collections: &[&str], tags: &[&str], cheapest| ProductFeatures {
///     collections: collections.iter().map(|c| c.to_string()).collect(),
///     tags: tags.iter().map(|t| t.to_string()).collect(),
///     cheapest,
///     has_variant: true,
///     ..ProductFeatures::default()
/// };
/// // Same collection; tags share 1 of 3; no options; same band (40.96–81.91): 0.45 + 0.35/3 + 0.1.
/// let a = product(&["knitwear"], &["wool", "winter"], Some(5_000));
/// let b = product(&["knitwear"], &["wool", "hat"], Some(6_000));
/// assert!((score(&a, &b) - (0.45 + 0.35 / 3.0 + 0.1)).abs() < 1e-12);
/// ```
pub fn score(a: &ProductFeatures, b: &ProductFeatures) -> f64 {
    let mut names = Names::default();
    let (a, b) = (names.intern(a), names.intern(b));
    interned_score(&a, &b)
}

/// Each product's `k` most similar products (best first, ties by handle; score > 0; never
/// itself; never a product that cannot be bought), by internal id of `products`.
pub(crate) fn similar_lists(
    features: &[ProductFeatures],
    products: &Products,
    k: usize,
) -> Vec<Vec<Ranked>> {
    let rank = products.ranks();
    let mut names = Names::default();
    let mut interned = vec![Interned::default(); products.len()];
    let mut present = vec![false; products.len()];
    for product in features {
        if let Some(id) = products.id(&product.handle)
            && !present[id as usize]
        {
            interned[id as usize] = names.intern(product);
            present[id as usize] = true;
        }
    }
    // Inverted index: collection → products, tag → products.
    let mut by_collection = vec![Vec::new(); names.collections.len()];
    let mut by_tag = vec![Vec::new(); names.tags.len()];
    for (id, product) in interned.iter().enumerate() {
        if !products.recommendable(id as u32) {
            continue;
        }
        for &c in &product.collections {
            by_collection[c as usize].push(id as u32);
        }
        for &t in &product.tags {
            by_tag[t as usize].push(id as u32);
        }
    }
    let mut lists = vec![Vec::new(); products.len()];
    let mut seen = vec![u32::MAX; products.len()];
    for (id, product) in interned.iter().enumerate() {
        let postings = product
            .collections
            .iter()
            .map(|&c| &by_collection[c as usize])
            .chain(product.tags.iter().map(|&t| &by_tag[t as usize]));
        for posting in postings {
            for &other in posting {
                if other as usize == id || seen[other as usize] == id as u32 {
                    continue;
                }
                seen[other as usize] = id as u32;
                let s = interned_score(product, &interned[other as usize]);
                if s > 0.0 {
                    let item = Ranked {
                        product: other,
                        score: s,
                        support: 0,
                    };
                    offer(&mut lists[id], k, item, &rank);
                }
            }
        }
    }
    lists
}

fn interned_score(a: &Interned, b: &Interned) -> f64 {
    let price = match (a.band, b.band) {
        (Some(x), Some(y)) if x == y => 1.0,
        (Some(x), Some(y)) if x.abs_diff(y) == 1 => 0.5,
        _ => 0.0,
    };
    COLLECTIONS * jaccard(&a.collections, &b.collections)
        + TAGS * jaccard(&a.tags, &b.tags)
        + OPTIONS * jaccard(&a.options, &b.options)
        + PRICE * price
}

/// |A ∩ B| / |A ∪ B| of two sorted, deduplicated lists; 0 when both are empty.
fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    let (mut x, mut y, mut both) = (0, 0, 0usize);
    while x < a.len() && y < b.len() {
        match a[x].cmp(&b[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                x += 1;
                y += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
    }
}

/// Interned names of collections, tags and options (each its own namespace).
#[derive(Default)]
struct Names {
    collections: HashMap<String, u32>,
    tags: HashMap<String, u32>,
    options: HashMap<String, u32>,
}

impl Names {
    fn intern(&mut self, product: &ProductFeatures) -> Interned {
        fn ids(table: &mut HashMap<String, u32>, names: &[String]) -> Vec<u32> {
            let mut ids: Vec<u32> = names
                .iter()
                .map(|name| {
                    let next = table.len() as u32;
                    *table.entry(name.clone()).or_insert(next)
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        }
        Interned {
            collections: ids(&mut self.collections, &product.collections),
            tags: ids(&mut self.tags, &product.tags),
            options: ids(&mut self.options, &product.options),
            band: product
                .cheapest
                .filter(|p| *p >= 0)
                .map(|p| 64 - p.leading_zeros()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(
        handle: &str,
        collections: &[&str],
        tags: &[&str],
        cheapest: i64,
    ) -> ProductFeatures {
        ProductFeatures {
            handle: handle.into(),
            collections: collections.iter().map(|c| c.to_string()).collect(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            options: vec!["Size".into()],
            cheapest: Some(cheapest),
            has_variant: true,
        }
    }

    #[test]
    fn hand_computed_scores() {
        let a = product("a", &["x"], &["t1", "t2"], 1000);
        // Same collection, 1 of 3 tags, same options, adjacent band (1000: 10 bits; 1500: 11).
        let b = product("b", &["x"], &["t2", "t3"], 1500);
        assert!((score(&a, &b) - (0.45 + 0.35 / 3.0 + 0.1 + 0.05)).abs() < 1e-12);
        // Nothing shared but options and a far price band: 0.1.
        let c = product("c", &["y"], &["t9"], 100_000);
        assert!((score(&a, &c) - 0.1).abs() < 1e-12);
        assert_eq!(jaccard(&[], &[]), 0.0);
    }

    #[test]
    fn lists_exclude_self_unrelated_and_unbuyable_products() {
        let mut features = vec![
            product("a", &["x"], &["t1"], 1000),
            product("b", &["x"], &["t1"], 1000),
            product("c", &["x"], &[], 1000),
            product("d", &["y"], &["t5"], 1000),
            product("e", &["x"], &["t1"], 1000),
        ];
        features[4].has_variant = false;
        let products = Products::from_catalog(&features);
        let lists = similar_lists(&features, &products, 8);
        let handles = |id: usize| -> Vec<&str> {
            lists[id]
                .iter()
                .map(|r| products.handle(r.product))
                .collect()
        };
        assert_eq!(handles(0), ["b", "c"]);
        assert!(handles(3).is_empty());
        // The unbuyable product has its own list but is in nobody's.
        assert_eq!(handles(4), ["a", "b", "c"]);
    }

    #[test]
    fn ties_go_to_the_handle_sorting_first() {
        let features = vec![
            product("m", &["x"], &[], 1000),
            product("z", &["x"], &[], 1000),
            product("b", &["x"], &[], 1000),
        ];
        let products = Products::from_catalog(&features);
        let lists = similar_lists(&features, &products, 8);
        let first: Vec<&str> = lists[0]
            .iter()
            .map(|r| products.handle(r.product))
            .collect();
        assert_eq!(first, ["b", "z"]);
    }
}
