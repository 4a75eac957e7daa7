//! Short ranked lists: the best `k` neighbours of a product, ties broken by handle.

/// One neighbour of a product, by internal id.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Ranked {
    /// The neighbour's internal id.
    pub product: u32,
    /// Its score.
    pub score: f64,
    /// Orders with both products (0 for content entries).
    pub support: u32,
}

/// Whether `a` ranks before `b`: higher score first, then the handle that sorts first
/// (`rank[id]` is the handle's position in ascending order), so lists never depend on hash order.
pub(crate) fn before(a: &Ranked, b: &Ranked, rank: &[u32]) -> bool {
    a.score > b.score || (a.score == b.score && rank[a.product as usize] < rank[b.product as usize])
}

/// Offers `item` to `list`, kept sorted best first and at most `k` long.
pub(crate) fn offer(list: &mut Vec<Ranked>, k: usize, item: Ranked, rank: &[u32]) {
    if k == 0 {
        return;
    }
    if list.len() == k && list.last().is_some_and(|last| !before(&item, last, rank)) {
        return;
    }
    let at = list
        .iter()
        .position(|other| before(&item, other, rank))
        .unwrap_or(list.len());
    list.insert(at, item);
    list.truncate(k);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_best_in_order_with_ties_by_rank() {
        let rank = [3, 0, 2, 1];
        let mut list = Vec::new();
        for (product, score) in [(0, 0.5), (1, 0.5), (2, 0.9), (3, 0.5)] {
            offer(
                &mut list,
                3,
                Ranked {
                    product,
                    score,
                    support: 0,
                },
                &rank,
            );
        }
        let ids: Vec<u32> = list.iter().map(|r| r.product).collect();
        assert_eq!(ids, [2, 1, 3]);
    }
}
