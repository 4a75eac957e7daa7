//! One sort for the whole SDK and storefront. Every `sort_by` with a closure of its own is a
//! copy of the standard library's sort (about 4 KB of wasm each); sorting through here compiles
//! that sort once, over positions, whatever is sorted and however.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping items that compare equal in their order (stable).
///
/// ```
/// let mut names = vec![("b", 1), ("a", 2), ("b", 0)];
/// dhow_sdk::sorting::sort_by(&mut names, |x, y| x.0.cmp(y.0));
/// assert_eq!(names, [("a", 2), ("b", 1), ("b", 0)]);
/// ```
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts and removes repeats: `Vec::sort` then `Vec::dedup`, through [`sort_by`].
pub fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
    items.dedup();
}

/// The one instance of the standard library's stable sort.
fn sort_positions(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // A fixed pseudo-random sequence with many repeats, so stability shows.
        let mut state = 7u32;
        let items: Vec<(u8, u32)> = (0..500)
            .map(|i| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((state >> 16) as u8 % 13, i)
            })
            .collect();
        let mut ours = items.clone();
        sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut theirs = items;
        theirs.sort_by_key(|a| a.0);
        assert_eq!(ours, theirs);
        let mut reversed = ours.clone();
        sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
        assert!(reversed.windows(2).all(|w| w[0].0 >= w[1].0));
    }

    #[test]
    fn empty_single_and_repeated() {
        let mut empty: Vec<String> = Vec::new();
        sort_dedup(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec!["x".to_owned()];
        sort_dedup(&mut one);
        assert_eq!(one, ["x"]);
        let mut handles = vec!["b", "a", "b", "c", "a"];
        sort_dedup(&mut handles);
        assert_eq!(handles, ["a", "b", "c"]);
    }
}
