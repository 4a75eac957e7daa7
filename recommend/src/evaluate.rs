//! Offline evaluation on a time-based holdout: how often the top of a product's
//! bought-together list names the other products of a later order, against recommending the
//! most popular products.
//!
//! For each held-out order with at least two distinct products, and each product `i` in it:
//! the recommended products are the first [`K`] of `i`'s list built from the training orders;
//! the relevant ones are the order's other products; precision@K = hits / K and
//! recall@K = hits / |relevant|, averaged over all such (order, `i`). The baseline recommends the
//! K most popular training products other than `i`.

/// How many recommendations are judged per product.
pub const K: usize = 5;

/// Precision and recall at [`K`], averaged over the cases.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Metrics {
    /// Mean precision@K.
    pub precision: f64,
    /// Mean recall@K.
    pub recall: f64,
}

/// The outcome of an evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// Orders placed at or before this time (seconds since the epoch) were trained on.
    pub cutoff: i64,
    /// Orders trained on.
    pub training_orders: u64,
    /// Orders held out.
    pub held_out_orders: u64,
    /// (order, product) cases judged.
    pub cases: u64,
    /// The bought-together lists (with their content fill).
    pub model: Metrics,
    /// The most popular products.
    pub baseline: Metrics,
}

/// Sums of the metrics over the cases seen so far.
#[derive(Debug, Default)]
pub(crate) struct Evaluator {
    cases: u64,
    precision: [f64; 2],
    recall: [f64; 2],
}

impl Evaluator {
    /// Judges one held-out order, given as its distinct products' ids, against `lists(i)` (the
    /// model's top K for `i`) and `popular` (the K + 1 most popular products, best first).
    pub(crate) fn order<'a>(
        &mut self,
        distinct: &[u32],
        lists: impl Fn(u32) -> &'a [u32],
        popular: &[u32],
    ) {
        if distinct.len() < 2 {
            return;
        }
        let relevant = (distinct.len() - 1) as f64;
        for &i in distinct {
            let hits = |recommended: &mut dyn Iterator<Item = u32>| {
                recommended
                    .take(K)
                    .filter(|r| *r != i && distinct.contains(r))
                    .count() as f64
            };
            let model = hits(&mut lists(i).iter().copied());
            let baseline = hits(&mut popular.iter().copied().filter(|p| *p != i));
            for (slot, h) in [model, baseline].into_iter().enumerate() {
                self.precision[slot] += h / K as f64;
                self.recall[slot] += h / relevant;
            }
            self.cases += 1;
        }
    }

    /// The averages, with the holdout's figures.
    pub(crate) fn finish(&self, cutoff: i64, training: u64, held_out: u64) -> Evaluation {
        let n = self.cases.max(1) as f64;
        let metrics = |slot: usize| Metrics {
            precision: self.precision[slot] / n,
            recall: self.recall[slot] / n,
        };
        Evaluation {
            cutoff,
            training_orders: training,
            held_out_orders: held_out,
            cases: self.cases,
            model: metrics(0),
            baseline: metrics(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed_metrics() {
        let mut evaluator = Evaluator::default();
        // Order {0, 1, 2}. Lists: 0 → [1, 9], 1 → [], 2 → [0, 1]. Popular: [0, 5, 6, 7, 8, 9].
        let lists: Vec<Vec<u32>> = vec![vec![1, 9], vec![], vec![0, 1]];
        evaluator.order(&[0, 1, 2], |i| &lists[i as usize], &[0, 5, 6, 7, 8, 9]);
        // Model hits: 1, 0, 2 → precision (1+0+2)/5/3 = 0.2, recall (1/2+0+2/2)/3 = 0.5.
        // Baseline: for 0: [5..9] → 0; for 1 and 2: [0,5,6,7,8] → 1 each →
        // precision 2/5/3, recall (0+1/2+1/2)/3.
        let e = evaluator.finish(0, 0, 1);
        assert_eq!(e.cases, 3);
        assert!((e.model.precision - 0.2).abs() < 1e-12);
        assert!((e.model.recall - 0.5).abs() < 1e-12);
        assert!((e.baseline.precision - 2.0 / 15.0).abs() < 1e-12);
        assert!((e.baseline.recall - 1.0 / 3.0).abs() < 1e-12);
        // Orders of one product are not judged.
        evaluator.order(&[4], |_| &[], &[]);
        assert_eq!(evaluator.finish(0, 0, 1).cases, 3);
    }
}
