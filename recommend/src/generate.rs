//! Synthetic orders, seeded and deterministic: planted bundles (groups of 2–4 products often
//! bought together), Zipf-like popularity for single items, and noise, with increasing
//! timestamps over a year. Used for the demo store's files, the tests and the benchmark.
//!
//! Automatic bundles are drawn across collections (a jacket with a beanie rather than two
//! jackets), preferring products that share a tag with the bundle's first product (`winter`,
//! `travel`), so they read as something a shopper would buy together. Each product is in at most
//! one bundle.

use std::collections::HashSet;
use std::io::Write;

use crate::RecommendError;
use crate::orders::OrderRecord;
use crate::prng::SplitMix64;
use crate::products::ProductFeatures;
use crate::source::{OrderSource, Orders};

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct GeneratorOptions {
    /// Orders to generate.
    pub orders: u64,
    /// The seed: the same seed, catalog and options give the same orders.
    pub seed: u64,
    /// Bundles to plant when none are given (default: one per 8 products).
    pub bundles: Option<usize>,
    /// Bundles given by handle, planted instead of drawn.
    pub explicit_bundles: Vec<Vec<String>>,
    /// Share of orders that are a bundle.
    pub bundle_share: f64,
    /// The first order's time (seconds since the epoch); the last is a year later.
    pub start: i64,
}

impl Default for GeneratorOptions {
    fn default() -> GeneratorOptions {
        GeneratorOptions {
            orders: 10_000,
            seed: 1,
            bundles: None,
            explicit_bundles: Vec::new(),
            bundle_share: 0.3,
            // 2026-01-01T00:00:00Z.
            start: 1_767_225_600,
        }
    }
}

/// One year, the span of the generated orders.
const YEAR: i64 = 365 * 86_400;

/// A generator over a catalog's products.
pub struct Generator {
    handles: Vec<String>,
    bundles: Vec<Vec<u32>>,
    /// Cumulative Zipf weights over product ids.
    popularity: Vec<f64>,
    options: GeneratorOptions,
}

impl Generator {
    /// A generator over `catalog` (products without variants are never ordered).
    pub fn new(
        catalog: &[ProductFeatures],
        options: GeneratorOptions,
    ) -> Result<Generator, RecommendError> {
        let buyable: Vec<&ProductFeatures> = catalog.iter().filter(|p| p.has_variant).collect();
        if buyable.len() < 2 {
            return Err(RecommendError::Invalid(
                "the catalog needs at least 2 buyable products".into(),
            ));
        }
        let handles: Vec<String> = buyable.iter().map(|p| p.handle.clone()).collect();
        let mut random = SplitMix64::new(options.seed);
        let bundles = if options.explicit_bundles.is_empty() {
            let wanted = options.bundles.unwrap_or(buyable.len() / 8).max(1);
            draw_bundles(&buyable, wanted, &mut random)
        } else {
            let mut bundles = Vec::new();
            for bundle in &options.explicit_bundles {
                let ids = bundle
                    .iter()
                    .map(|h| {
                        handles
                            .iter()
                            .position(|x| x == h)
                            .map(|i| i as u32)
                            .ok_or_else(|| {
                                RecommendError::Invalid(format!(
                                    "bundle product {h:?} is not in the catalog"
                                ))
                            })
                    })
                    .collect::<Result<Vec<u32>, _>>()?;
                if ids.len() < 2 {
                    return Err(RecommendError::Invalid(
                        "a bundle needs at least 2 products".into(),
                    ));
                }
                bundles.push(ids);
            }
            bundles
        };
        // Zipf over a random permutation of the products: weight 1/(rank + 1).
        let mut order: Vec<usize> = (0..handles.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, random.below(i + 1));
        }
        let mut weight = vec![0.0; handles.len()];
        for (rank, &id) in order.iter().enumerate() {
            weight[id] = 1.0 / (rank as f64 + 1.0);
        }
        let mut total = 0.0;
        let popularity = weight
            .into_iter()
            .map(|w| {
                total += w;
                total
            })
            .collect();
        Ok(Generator {
            handles,
            bundles,
            popularity,
            options,
        })
    }

    /// The bundles planted, by handle.
    pub fn planted_bundles(&self) -> Vec<Vec<String>> {
        self.bundles
            .iter()
            .map(|b| {
                b.iter()
                    .map(|&i| self.handles[i as usize].clone())
                    .collect()
            })
            .collect()
    }

    /// Every order, from the start (the same sequence on every call).
    pub fn orders(&self) -> impl Iterator<Item = OrderRecord> + '_ {
        let mut random = SplitMix64::new(self.options.seed ^ 0x6f72_6465_7273);
        let count = self.options.orders;
        (0..count).map(move |k| {
            let placed_at = self.options.start
                + (i128::from(k) * i128::from(YEAR) / i128::from(count.max(1))) as i64;
            let mut products: Vec<u32> = Vec::with_capacity(4);
            if !self.bundles.is_empty() && random.next_f64() < self.options.bundle_share {
                let bundle = &self.bundles[random.below(self.bundles.len())];
                products.extend(bundle.iter().copied().filter(|_| random.next_f64() < 0.85));
                if products.len() < 2 {
                    products.clear();
                    products.extend_from_slice(&bundle[..2]);
                }
                if random.next_f64() < 0.3 {
                    products.push(self.popular(&mut random));
                }
            } else {
                let r = random.next_f64();
                let size = if r < 0.5 {
                    1
                } else if r < 0.8 {
                    2
                } else {
                    3
                };
                for _ in 0..size {
                    products.push(self.popular(&mut random));
                }
            }
            OrderRecord {
                id: format!("g{k:08}"),
                placed_at,
                products: products
                    .iter()
                    .map(|&i| self.handles[i as usize].clone())
                    .collect(),
            }
        })
    }

    fn popular(&self, random: &mut SplitMix64) -> u32 {
        let total = self.popularity.last().copied().unwrap_or(0.0);
        let x = random.next_f64() * total;
        self.popularity
            .partition_point(|&c| c <= x)
            .min(self.handles.len() - 1) as u32
    }

    /// Writes every order as JSON lines (`csv` false) or CSV rows.
    pub fn write(&self, out: &mut dyn Write, csv: bool) -> std::io::Result<u64> {
        if csv {
            writeln!(out, "order_id,placed_at,product,quantity")?;
        }
        let mut written = 0;
        for order in self.orders() {
            let at = crate::time::format_rfc3339(order.placed_at);
            if csv {
                for product in &order.products {
                    writeln!(out, "{},{at},{product},1", order.id)?;
                }
            } else {
                let lines: Vec<serde_json::Value> = order
                    .products
                    .iter()
                    .map(|p| serde_json::json!({ "product": p, "quantity": 1 }))
                    .collect();
                let line = serde_json::json!({ "id": order.id, "placed_at": at, "lines": lines });
                writeln!(out, "{line}")?;
            }
            written += 1;
        }
        Ok(written)
    }
}

impl OrderSource for Generator {
    fn describe(&self) -> String {
        format!(
            "{} synthetic orders (seed {})",
            self.options.orders, self.options.seed
        )
    }

    fn open(&mut self) -> Result<Orders<'_>, RecommendError> {
        Ok(Box::new(self.orders().map(Ok)))
    }
}

/// Draws `wanted` disjoint bundles of 2–4 products from different collections, preferring
/// products sharing a tag with the bundle's first one.
fn draw_bundles(
    catalog: &[&ProductFeatures],
    wanted: usize,
    random: &mut SplitMix64,
) -> Vec<Vec<u32>> {
    let mut order: Vec<u32> = (0..catalog.len() as u32).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, random.below(i + 1));
    }
    let mut used = vec![false; catalog.len()];
    let mut bundles = Vec::new();
    for &first in &order {
        if bundles.len() >= wanted {
            break;
        }
        if used[first as usize] {
            continue;
        }
        let size = 2 + random.below(3);
        let mut bundle = vec![first];
        let mut collections: HashSet<&str> = catalog[first as usize]
            .collections
            .iter()
            .map(String::as_str)
            .collect();
        let tags: HashSet<&str> = catalog[first as usize]
            .tags
            .iter()
            .map(String::as_str)
            .collect();
        // Best first: shares a tag and no collection; then no collection; then anything.
        for strictness in [2, 1, 0] {
            for &other in &order {
                if bundle.len() >= size {
                    break;
                }
                let product = catalog[other as usize];
                if used[other as usize] || bundle.contains(&other) {
                    continue;
                }
                let new_collection = product
                    .collections
                    .iter()
                    .all(|c| !collections.contains(c.as_str()));
                let shares_tag = product.tags.iter().any(|t| tags.contains(t.as_str()));
                let fits = match strictness {
                    2 => new_collection && shares_tag,
                    1 => new_collection,
                    _ => true,
                };
                if fits {
                    bundle.push(other);
                    collections.extend(product.collections.iter().map(String::as_str));
                }
            }
        }
        if bundle.len() >= 2 {
            for &b in &bundle {
                used[b as usize] = true;
            }
            bundles.push(bundle);
        }
    }
    bundles
}

/// A synthetic catalog of `count` products (`p00000`…): collections, tags, option names and
/// prices drawn with `seed`, for the benchmark and tests.
pub fn synthetic_catalog(count: usize, seed: u64) -> Vec<ProductFeatures> {
    let mut random = SplitMix64::new(seed ^ 0x0063_6174_616c_6f67);
    let collections = (count / 200).max(4);
    let tags = (count / 30).max(12);
    (0..count)
        .map(|i| {
            let mut product = ProductFeatures {
                handle: format!("p{i:05}"),
                collections: vec![format!("c{}", random.below(collections))],
                tags: (0..2 + random.below(3))
                    .map(|_| format!("t{}", random.below(tags)))
                    .collect(),
                options: ["Size", "Colour", "Material"][..random.below(3)]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                cheapest: Some(500 + random.below(50_000) as i64),
                has_variant: true,
            };
            if random.below(10) == 0 {
                product
                    .collections
                    .push(format!("c{}", random.below(collections)));
            }
            product
        })
        .collect()
}
