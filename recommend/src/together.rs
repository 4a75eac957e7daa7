//! Bought together: item-item collaborative filtering over co-occurrence in orders.
//!
//! Each order counts as the set of its *distinct* products. With `n_i` the orders holding
//! product `i` and `c_ij` the orders holding both `i` and `j`, a pair's score is the cosine
//! shrunk towards zero when few orders back it:
//!
//! ```text
//! score(i, j) = c_ij / sqrt(n_i · n_j) · c_ij / (c_ij + λ)      kept when c_ij ≥ min support
//! ```
//!
//! The score is symmetric and in `[0, 1)` (`c_ij ≤ min(n_i, n_j)`). Orders with more than
//! `max_order_products` distinct products (a reseller's or an office's bulk order, which says
//! little about what goes together) count for `n_i` but add no pairs.
//!
//! Cost: for orders of `k` distinct products, O(Σ k²) time to count (k ≤ the cap) and
//! O(P + distinct pairs) memory: one counter per product and one `u32` per pair seen, keyed by
//! `(i, j)` with `i < j` packed in a `u64`. Orders themselves are never kept.

use crate::fxhash::FxHashMap;
use crate::ranked::{Ranked, offer};

/// The scoring's knobs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Fewest orders with both products for a pair to be scored at all.
    pub min_support: u32,
    /// λ: how strongly pairs with little support are shrunk towards zero.
    pub shrinkage: f64,
    /// Orders with more distinct products than this add no pairs.
    pub max_order_products: usize,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            min_support: 2,
            shrinkage: 5.0,
            max_order_products: 50,
        }
    }
}

impl Settings {
    /// The method in words, for the published index.
    pub fn describe(&self) -> String {
        format!(
            "bought_together: cosine over co-occurrence of distinct products per order, \
             min support {}, shrinkage {} (score = c/sqrt(n_a*n_b) * c/(c+shrinkage)), \
             orders of more than {} products add no pairs; filled with content-similar \
             products below {} order-based entries. similar: 0.45 Jaccard(collections) + \
             0.35 Jaccard(tags) + 0.1 Jaccard(option names) + 0.1 price band (log2)",
            self.min_support,
            self.shrinkage,
            self.max_order_products,
            crate::build::FILL_BELOW
        )
    }
}

/// The shrunk cosine of a pair bought together in `together` orders, its products in `n_a` and
/// `n_b` orders.
///
/// ```
/// // 3 orders with both, 4 and 9 orders with each, λ = 5: 3/6 · 3/8 = 0.1875.
/// assert_eq!(dhow_recommend::together::score(3, 4, 9, 5.0), 0.1875);
/// ```
pub fn score(together: u32, n_a: u32, n_b: u32, shrinkage: f64) -> f64 {
    if together == 0 || n_a == 0 || n_b == 0 {
        return 0.0;
    }
    let c = f64::from(together);
    c / (f64::from(n_a) * f64::from(n_b)).sqrt() * (c / (c + shrinkage))
}

/// One scored pair, `a < b` by internal id.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoredPair {
    /// One product's id.
    pub a: u32,
    /// The other's.
    pub b: u32,
    /// Orders with both.
    pub together: u32,
    /// The pair's score.
    pub score: f64,
}

/// Order and pair counts, added to one order at a time.
#[derive(Debug, Default, Clone)]
pub struct CoOccurrence {
    bought: Vec<u32>,
    pairs: FxHashMap<u64, u32>,
    scratch: Vec<u32>,
    orders: u64,
    capped: u64,
}

impl CoOccurrence {
    /// Empty counts.
    pub fn new() -> CoOccurrence {
        CoOccurrence::default()
    }

    /// Counts one order given as its products' ids (repeats allowed).
    pub fn add_order(&mut self, products: &[u32], settings: &Settings) {
        self.orders += 1;
        self.scratch.clear();
        self.scratch.extend_from_slice(products);
        self.scratch.sort_unstable();
        self.scratch.dedup();
        if let Some(&last) = self.scratch.last()
            && self.bought.len() <= last as usize
        {
            self.bought.resize(last as usize + 1, 0);
        }
        for &p in &self.scratch {
            self.bought[p as usize] += 1;
        }
        if self.scratch.len() > settings.max_order_products {
            self.capped += 1;
            return;
        }
        for (x, &a) in self.scratch.iter().enumerate() {
            for &b in &self.scratch[x + 1..] {
                *self.pairs.entry(key(a, b)).or_insert(0) += 1;
            }
        }
    }

    /// Orders counted.
    pub fn orders(&self) -> u64 {
        self.orders
    }

    /// Orders that added no pairs for having too many products.
    pub fn capped_orders(&self) -> u64 {
        self.capped
    }

    /// Orders holding product `id`.
    pub fn bought(&self, id: u32) -> u32 {
        self.bought.get(id as usize).copied().unwrap_or(0)
    }

    /// Orders holding both products.
    pub fn together(&self, a: u32, b: u32) -> u32 {
        let k = if a < b { key(a, b) } else { key(b, a) };
        self.pairs.get(&k).copied().unwrap_or(0)
    }

    /// Distinct pairs seen, whatever their support.
    pub fn distinct_pairs(&self) -> usize {
        self.pairs.len()
    }

    /// Every pair with enough support, scored, in no particular order.
    pub fn scored_pairs(&self, settings: &Settings) -> impl Iterator<Item = ScoredPair> + '_ {
        let settings = *settings;
        self.pairs.iter().filter_map(move |(&k, &together)| {
            if together < settings.min_support {
                return None;
            }
            let (a, b) = ((k >> 32) as u32, k as u32);
            Some(ScoredPair {
                a,
                b,
                together,
                score: score(together, self.bought(a), self.bought(b), settings.shrinkage),
            })
        })
    }

    /// Each product's best `k` partners (best first, ties by handle through `rank`), for ids
    /// `0..products`; `allowed(id)` says whether a product may be recommended.
    pub(crate) fn top_lists(
        &self,
        settings: &Settings,
        products: usize,
        k: usize,
        rank: &[u32],
        allowed: impl Fn(u32) -> bool,
    ) -> Vec<Vec<Ranked>> {
        let mut lists = vec![Vec::new(); products];
        for pair in self.scored_pairs(settings) {
            if (pair.a as usize) >= products || (pair.b as usize) >= products {
                continue;
            }
            for (of, other) in [(pair.a, pair.b), (pair.b, pair.a)] {
                if allowed(other) {
                    let item = Ranked {
                        product: other,
                        score: pair.score,
                        support: pair.together,
                    };
                    offer(&mut lists[of as usize], k, item, rank);
                }
            }
        }
        lists
    }
}

fn key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}
