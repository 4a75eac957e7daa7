//! The products recommendations are computed for: their content features and the handle ↔
//! internal id mapping the counting works on.

use std::collections::HashMap;

/// What the content similarity knows of a product: language-free features only (ids, tags,
/// option names, price), so the lists hold in every market and language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProductFeatures {
    /// The product's handle.
    pub handle: String,
    /// Ids of the collections it is in.
    pub collections: Vec<String>,
    /// Merchant tags.
    pub tags: Vec<String>,
    /// Names of the options it varies by (`Size`, `Colour`).
    pub options: Vec<String>,
    /// Its cheapest variant's price in minor units of the default market's currency.
    pub cheapest: Option<i64>,
    /// Whether it has any variant (a product without one cannot be bought, so it is never
    /// recommended, though it still gets its own file).
    pub has_variant: bool,
}

/// Handles and their internal ids (`u32`, dense from 0).
///
/// From a catalog the set is fixed, and products of orders that are not in it are ignored (and
/// counted); without a catalog every handle seen in the orders becomes a product.
#[derive(Debug, Clone, Default)]
pub struct Products {
    handles: Vec<String>,
    ids: HashMap<String, u32>,
    recommendable: Vec<bool>,
    fixed: bool,
}

impl Products {
    /// The catalog's products, with ids in the order given.
    pub fn from_catalog(features: &[ProductFeatures]) -> Products {
        let mut products = Products {
            fixed: false,
            ..Products::default()
        };
        for product in features {
            // A handle listed twice keeps its first entry's id.
            if products.ids.contains_key(&product.handle) {
                continue;
            }
            products.intern(&product.handle);
            if let Some(last) = products.recommendable.last_mut() {
                *last = product.has_variant;
            }
        }
        products.fixed = true;
        products
    }

    /// An empty, growing set: every handle met becomes a product.
    pub fn open() -> Products {
        Products::default()
    }

    /// The id of `handle`, adding it when the set is not fixed; `None` for a product not in a
    /// fixed catalog.
    pub fn intern(&mut self, handle: &str) -> Option<u32> {
        if let Some(&id) = self.ids.get(handle) {
            return Some(id);
        }
        if self.fixed {
            return None;
        }
        let id = u32::try_from(self.handles.len()).ok()?;
        self.handles.push(handle.to_owned());
        self.ids.insert(handle.to_owned(), id);
        self.recommendable.push(true);
        Some(id)
    }

    /// The id of `handle`, if it is a product.
    pub fn id(&self, handle: &str) -> Option<u32> {
        self.ids.get(handle).copied()
    }

    /// The handle of an id.
    pub fn handle(&self, id: u32) -> &str {
        &self.handles[id as usize]
    }

    /// How many products there are.
    pub fn len(&self) -> usize {
        self.handles.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.handles.is_empty()
    }

    /// Whether a product may appear in other products' lists.
    pub fn recommendable(&self, id: u32) -> bool {
        self.recommendable
            .get(id as usize)
            .copied()
            .unwrap_or(false)
    }

    /// Each id's position among the handles sorted ascending: the tie-breaker of every list.
    pub fn ranks(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.handles.len() as u32).collect();
        order.sort_unstable_by(|a, b| self.handles[*a as usize].cmp(&self.handles[*b as usize]));
        let mut rank = vec![0u32; order.len()];
        for (position, id) in order.into_iter().enumerate() {
            rank[id as usize] = position as u32;
        }
        rank
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_catalog_is_fixed_and_an_open_set_grows() {
        let features = [
            ProductFeatures {
                handle: "b".into(),
                has_variant: true,
                ..ProductFeatures::default()
            },
            ProductFeatures {
                handle: "a".into(),
                ..ProductFeatures::default()
            },
        ];
        let mut catalog = Products::from_catalog(&features);
        assert_eq!(catalog.intern("c"), None);
        assert_eq!(catalog.intern("a"), Some(1));
        assert!(catalog.recommendable(0) && !catalog.recommendable(1));
        assert_eq!(catalog.ranks(), [1, 0]);
        let mut open = Products::open();
        assert_eq!(open.intern("z"), Some(0));
        assert_eq!(open.intern("z"), Some(0));
        assert_eq!(open.len(), 1);
    }
}
