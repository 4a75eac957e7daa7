//! The build: reads the orders (streamed, up to three passes), counts, evaluates on a holdout,
//! and turns the counts into every product's lists.
//!
//! Passes, with a holdout of the newest fraction of orders (the default):
//! 1. timestamps only (8 bytes an order) to find the cutoff time — skipped when the cutoff is
//!    given as a time;
//! 2. orders placed at or before the cutoff are counted (the training counts);
//! 3. the training counts are frozen into each product's top [`evaluate::K`] list; each
//!    held-out order is judged against them and then added to the counts.
//!
//! After pass 3 the counts hold all orders, and the published lists are built from them. The
//! source must yield the same orders in every pass. Without a holdout, one pass.

use dhow_sdk::recommend::{FORMAT_VERSION, MAX_LIST, ProductRecommendations, Recommended, Source};

use crate::RecommendError;
use crate::evaluate::{self, Evaluation, Evaluator};
use crate::orders::OrderRecord;
use crate::products::{ProductFeatures, Products};
use crate::ranked::{Ranked, offer};
use crate::similar::similar_lists;
use crate::source::OrderSource;
use crate::together::{CoOccurrence, Settings};

/// A bought-together list with fewer order-based entries than this is filled up with
/// content-similar products.
pub const FILL_BELOW: usize = 3;

/// Which orders are held out to evaluate the lists.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Holdout {
    /// The newest fraction of orders by time (0 < fraction < 1); orders at the cutoff's exact
    /// time are trained on, so slightly fewer may be held out.
    Newest(f64),
    /// Orders placed after this time (seconds since the epoch).
    After(i64),
}

/// How to build.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildOptions {
    /// Scoring of pairs.
    pub settings: Settings,
    /// Evaluation holdout; `None` skips the evaluation (one pass over the orders).
    pub holdout: Option<Holdout>,
    /// Skip (and count) lines that cannot be read instead of stopping at the first.
    pub skip_bad: bool,
}

impl Default for BuildOptions {
    fn default() -> BuildOptions {
        BuildOptions {
            settings: Settings::default(),
            holdout: Some(Holdout::Newest(0.2)),
            skip_bad: false,
        }
    }
}

/// What a build computed.
#[derive(Debug)]
pub struct Built {
    /// Every product's lists, by handle ascending (scores at full precision).
    pub lists: Vec<ProductRecommendations>,
    /// Orders read (training and held out).
    pub orders: u64,
    /// The products and their ids.
    pub products: Products,
    /// The counts over all orders.
    pub counts: CoOccurrence,
    /// The holdout's figures, when evaluated.
    pub evaluation: Option<Evaluation>,
    /// Lines skipped as unreadable (`skip_bad`), and the first one's error.
    pub skipped: (u64, Option<String>),
    /// Order lines naming a product that is not in the catalog (ignored), and one such handle.
    pub unknown: (u64, Option<String>),
}

/// Builds every product's lists from `source`; `catalog` fixes the products (and gives the
/// content features), else every product of the orders gets lists (bought together only).
pub fn build(
    source: &mut dyn OrderSource,
    catalog: Option<&[ProductFeatures]>,
    options: &BuildOptions,
) -> Result<Built, RecommendError> {
    let settings = &options.settings;
    if !(settings.shrinkage >= 0.0 && settings.shrinkage.is_finite()) {
        return Err(RecommendError::Invalid(
            "shrinkage must be 0 or more".into(),
        ));
    }
    let mut run = Run {
        products: catalog.map_or_else(Products::open, Products::from_catalog),
        counts: CoOccurrence::new(),
        orders: 0,
        skipped: (0, None),
        unknown: (0, None),
        ids: Vec::new(),
    };
    let similar = match catalog {
        Some(features) => similar_lists(features, &run.products, MAX_LIST),
        None => Vec::new(),
    };
    let cutoff = match options.holdout {
        None => None,
        Some(Holdout::After(time)) => Some(time),
        Some(Holdout::Newest(fraction)) => {
            if !(fraction > 0.0 && fraction < 1.0) {
                return Err(RecommendError::Invalid(
                    "the holdout fraction must be between 0 and 1".into(),
                ));
            }
            newest_cutoff(source, options, fraction)?
        }
    };
    let mut evaluation = None;
    match cutoff {
        None => {
            run.skipped = pass(source, options, &mut |order| {
                run.count(&order, settings);
            })?;
        }
        Some(cutoff) => {
            run.skipped = pass(source, options, &mut |order| {
                if order.placed_at <= cutoff {
                    run.count(&order, settings);
                }
            })?;
            let training = run.orders;
            let rank = run.products.ranks();
            let lists: Vec<Vec<u32>> = run
                .lists(settings, &similar, &rank)
                .into_iter()
                .map(|list| {
                    list.iter()
                        .take(evaluate::K)
                        .map(|(r, _)| r.product)
                        .collect()
                })
                .collect();
            let popular = run.popular(evaluate::K + 1, &rank);
            let mut evaluator = Evaluator::default();
            let mut distinct = Vec::new();
            // This pass meets the same bad lines as the one before: they are reported once.
            pass(source, options, &mut |order| {
                if order.placed_at > cutoff {
                    run.count(&order, settings);
                    distinct.clear();
                    distinct.extend_from_slice(&run.ids);
                    distinct.sort_unstable();
                    distinct.dedup();
                    let list = |i: u32| lists.get(i as usize).map_or(&[][..], Vec::as_slice);
                    evaluator.order(&distinct, list, &popular);
                }
            })?;
            evaluation = Some(evaluator.finish(cutoff, training, run.orders - training));
        }
    }
    let rank = run.products.ranks();
    let lists = run.lists(settings, &similar, &rank);
    let mut published: Vec<ProductRecommendations> = lists
        .into_iter()
        .enumerate()
        .map(|(id, bought)| {
            let handle = |r: &Ranked| run.products.handle(r.product).to_owned();
            ProductRecommendations {
                version: FORMAT_VERSION,
                product: run.products.handle(id as u32).to_owned(),
                bought_together: bought
                    .iter()
                    .map(|(r, source)| Recommended {
                        product: handle(r),
                        score: r.score,
                        support: (*source == Source::Orders).then_some(u64::from(r.support)),
                        source: *source,
                    })
                    .collect(),
                similar: similar
                    .get(id)
                    .map_or(&[][..], Vec::as_slice)
                    .iter()
                    .map(|r| Recommended {
                        product: handle(r),
                        score: r.score,
                        support: None,
                        source: Source::Content,
                    })
                    .collect(),
            }
        })
        .collect();
    published.sort_by(|a, b| a.product.cmp(&b.product));
    Ok(Built {
        lists: published,
        orders: run.orders,
        products: run.products,
        counts: run.counts,
        evaluation,
        skipped: run.skipped,
        unknown: run.unknown,
    })
}

/// The build's running state.
struct Run {
    products: Products,
    counts: CoOccurrence,
    orders: u64,
    skipped: (u64, Option<String>),
    unknown: (u64, Option<String>),
    /// The last counted order's product ids (reused buffer).
    ids: Vec<u32>,
}

impl Run {
    fn count(&mut self, order: &OrderRecord, settings: &Settings) {
        self.orders += 1;
        self.ids.clear();
        for handle in &order.products {
            match self.products.intern(handle) {
                Some(id) => self.ids.push(id),
                None => {
                    self.unknown.0 += 1;
                    self.unknown.1.get_or_insert_with(|| handle.clone());
                }
            }
        }
        self.counts.add_order(&self.ids, settings);
    }

    /// Each product's bought-together list with its content fill.
    fn lists(
        &self,
        settings: &Settings,
        similar: &[Vec<Ranked>],
        rank: &[u32],
    ) -> Vec<Vec<(Ranked, Source)>> {
        let products = &self.products;
        let from_orders = self
            .counts
            .top_lists(settings, products.len(), MAX_LIST, rank, |id| {
                products.recommendable(id)
            });
        from_orders
            .into_iter()
            .enumerate()
            .map(|(id, orders)| {
                let mut list: Vec<(Ranked, Source)> =
                    orders.into_iter().map(|r| (r, Source::Orders)).collect();
                if list.len() < FILL_BELOW {
                    for r in similar.get(id).map_or(&[][..], Vec::as_slice) {
                        if list.len() >= MAX_LIST {
                            break;
                        }
                        if !list.iter().any(|(l, _)| l.product == r.product) {
                            list.push((*r, Source::Content));
                        }
                    }
                }
                list
            })
            .collect()
    }

    /// The `k` products in most orders (ties by handle), recommendable ones only.
    fn popular(&self, k: usize, rank: &[u32]) -> Vec<u32> {
        let mut top = Vec::new();
        for id in 0..self.products.len() as u32 {
            let n = self.counts.bought(id);
            if n > 0 && self.products.recommendable(id) {
                let item = Ranked {
                    product: id,
                    score: f64::from(n),
                    support: n,
                };
                offer(&mut top, k, item, rank);
            }
        }
        top.into_iter().map(|r| r.product).collect()
    }
}

/// Pass 1: the time before which all but the newest `fraction` of orders were placed; `None`
/// when too few orders to hold any out.
fn newest_cutoff(
    source: &mut dyn OrderSource,
    options: &BuildOptions,
    fraction: f64,
) -> Result<Option<i64>, RecommendError> {
    let mut times = Vec::new();
    pass(source, options, &mut |order| times.push(order.placed_at))?;
    let held_out = (times.len() as f64 * fraction).floor() as usize;
    if held_out == 0 || held_out >= times.len() {
        return Ok(None);
    }
    let at = times.len() - held_out - 1;
    let (_, cutoff, _) = times.select_nth_unstable(at);
    Ok(Some(*cutoff))
}

/// One pass over the source, skipping bad lines when asked: returns how many were skipped and
/// the first one's error. `each` sees the good orders only.
fn pass(
    source: &mut dyn OrderSource,
    options: &BuildOptions,
    each: &mut dyn FnMut(OrderRecord),
) -> Result<(u64, Option<String>), RecommendError> {
    let mut skipped = (0u64, None);
    for order in source.open()? {
        match order {
            Ok(order) => each(order),
            Err(error) if options.skip_bad && error.is_bad_line() => {
                skipped.0 += 1;
                skipped.1.get_or_insert_with(|| error.to_string());
            }
            Err(error) => return Err(error),
        }
    }
    Ok(skipped)
}
