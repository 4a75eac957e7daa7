//! A search's variant filters (options, price range, stock) and its facets, for every backend
//! that applies or counts them itself rather than on its server.

use super::catalog::{
    Collection, Facet, FacetValue, OptionFacets, Product, ProductOption, ProductQuery,
};
use crate::error::{Error, FieldError, Problem, Result};
use crate::money::{Currency, Money};
use crate::text::{eq_ignore_case, lowercase};

/// The filters of a [`ProductQuery`] that a variant must meet: option values, price range and
/// stock, prepared once per search (option names and values folded to lower case) to be checked
/// against many products.
///
/// A product matches when one of its variants meets all of them at once: "size M under 30 in
/// stock" must not match a product with an M at 50 and an L at 25. Values asked for one option
/// are alternatives (OR); different options must all match (AND). Names and values compare
/// without regard to case.
///
/// ```
/// use dhow_sdk::model::{Price, Product, ProductFilter, ProductOption, ProductQuery, Variant};
/// use dhow_sdk::{Currency, Money, ProductId, VariantId};
///
/// let eur = |text: &str| Money::parse(text, Currency::EUR).unwrap();
/// let variant = |size: &str, price: &str, available: bool| Variant {
///     id: VariantId(format!("tee-{size}")),
///     title: size.into(),
///     sku: None,
///     options: vec![size.into()],
///     price: Price { amount: eur(price), compare_at: None, tax_included: true, converted: false },
///     available,
///     stock: None,
/// };
/// let tee = Product {
///     id: ProductId("tee".into()),
///     handle: "tee".into(),
///     title: "Tee".into(),
///     description: String::new(),
///     images: Vec::new(),
///     options: vec![ProductOption { name: "Size".into(), values: vec!["M".into(), "L".into()] }],
///     variants: vec![variant("M", "50.00", true), variant("L", "25.00", true)],
///     collections: Vec::new(),
///     tags: Vec::new(),
/// };
/// let query = |max: &str| ProductQuery {
///     options: vec![("size".into(), "m".into())],
///     max_price: Some(eur(max)),
///     ..ProductQuery::default()
/// };
/// // The M costs 50.00: under 30 only the L is, and it is not an M.
/// assert!(!ProductFilter::new(&query("30.00"), Currency::EUR)?.matches(&tee));
/// assert!(ProductFilter::new(&query("50.00"), Currency::EUR)?.matches(&tee));
/// // A bound in another currency is refused rather than compared.
/// assert!(ProductFilter::new(&query("30.00"), Currency::USD).is_err());
/// # Ok::<(), dhow_sdk::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProductFilter {
    /// Option names with the values accepted for each, in lower case.
    options: Vec<(String, Vec<String>)>,
    min_price: Option<Money>,
    max_price: Option<Money>,
    in_stock: bool,
}

impl ProductFilter {
    /// The filters of `query`, for a market selling in `currency`.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming `min_price` and/or `max_price` when a bound is in another
    /// currency: comparing amounts across currencies would be a silent conversion, and answering
    /// "nothing matches" would hide the caller's mistake behind an empty page.
    pub fn new(query: &ProductQuery, currency: Currency) -> Result<Self> {
        let fields: Vec<FieldError> = [
            ("min_price", query.min_price),
            ("max_price", query.max_price),
        ]
        .into_iter()
        .filter(|(_, bound)| bound.is_some_and(|b| b.currency() != currency))
        .map(|(field, _)| FieldError::new(field, Problem::Invalid))
        .collect();
        if !fields.is_empty() {
            return Err(Error::InvalidInput { fields });
        }
        let mut options: Vec<(String, Vec<String>)> = Vec::new();
        for (name, value) in &query.options {
            let (name, value) = (lowercase(name), lowercase(value));
            match options.iter_mut().find(|(n, _)| *n == name) {
                Some((_, values)) => values.push(value),
                None => options.push((name, vec![value])),
            }
        }
        Ok(Self {
            options,
            min_price: query.min_price,
            max_price: query.max_price,
            in_stock: query.in_stock,
        })
    }

    /// The price range alone, for a backend whose server applies the option and stock filters.
    pub fn price_only(self) -> Self {
        Self {
            options: Vec::new(),
            in_stock: false,
            ..self
        }
    }

    /// Whether the filter lets every variant through, so a backend can skip reading the whole
    /// result to apply it.
    pub fn is_empty(&self) -> bool {
        self.options.is_empty()
            && self.min_price.is_none()
            && self.max_price.is_none()
            && !self.in_stock
    }

    /// Whether one of the product's variants meets every filter.
    pub fn matches(&self, product: &Product) -> bool {
        product
            .variants
            .iter()
            .any(|v| self.accepts(&product.options, &v.options, v.price.amount, || v.available))
    }

    /// Whether one variant meets every filter, for a backend holding its catalog in its own
    /// types: the product's `options`, the variant's option `values` in that order, its `price`
    /// in the market, and `available`, asked only when the query wants stock.
    ///
    /// A price in another currency than a bound is outside it: it cannot be compared.
    pub fn accepts(
        &self,
        options: &[ProductOption],
        values: &[String],
        price: Money,
        available: impl FnOnce() -> bool,
    ) -> bool {
        let within = |bound: Option<Money>, ok: fn(i64, i64) -> bool| {
            bound.is_none_or(|b| {
                b.currency() == price.currency() && ok(price.minor_units(), b.minor_units())
            })
        };
        within(self.min_price, |p, b| p >= b)
            && within(self.max_price, |p, b| p <= b)
            && self.options.iter().all(|(name, wanted)| {
                options
                    .iter()
                    .position(|o| eq_ignore_case(&o.name, name))
                    .and_then(|i| values.get(i))
                    .is_some_and(|value| wanted.iter().any(|w| eq_ignore_case(value, w)))
            })
            && (!self.in_stock || available())
    }
}

/// A product of a search result as a backend holds it, for [`facets`]. The model's [`Product`]
/// is one; an engine keeping its catalog in its own types implements it for those.
pub trait Faceted {
    /// The options the product varies by.
    fn options(&self) -> &[ProductOption];
    /// Whether a variant has `value` as its `index`-th option.
    fn has_option_value(&self, index: usize, value: &str) -> bool;
    /// Its variants' prices in the market.
    fn prices(&self) -> impl Iterator<Item = Money> + '_;
    /// Whether it can be bought now.
    fn available(&self) -> bool;
    /// Whether it is in `collection`.
    fn in_collection(&self, collection: &Collection) -> bool;
}

impl Faceted for Product {
    fn options(&self) -> &[ProductOption] {
        &self.options
    }

    fn has_option_value(&self, index: usize, value: &str) -> bool {
        self.variants
            .iter()
            .any(|v| v.options.get(index).map(String::as_str) == Some(value))
    }

    fn prices(&self) -> impl Iterator<Item = Money> + '_ {
        self.variants.iter().map(|v| v.price.amount)
    }

    fn available(&self) -> bool {
        Product::available(self)
    }

    fn in_collection(&self, collection: &Collection) -> bool {
        self.collections.contains(&collection.id)
    }
}

/// Facets over `products`, the whole result of a search (before paging): the `collections`
/// (in their order, titled as given, valued by handle) that hold any of them, their option
/// values ([`OptionFacets`]), the range of their variants' prices, and how many can be bought.
///
/// ```
/// use dhow_sdk::model::{Facet, Product, facets};
///
/// // An empty result still says how many are in stock: none.
/// assert_eq!(facets::<Product>(&[], &[]), [Facet::InStock { count: 0 }]);
/// ```
pub fn facets<P: Faceted>(products: &[P], collections: &[Collection]) -> Vec<Facet> {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let mut facets = Vec::new();
    let values: Vec<FacetValue> = collections
        .iter()
        .filter_map(|c| {
            let n = products.iter().filter(|p| p.in_collection(c)).count();
            (n > 0).then(|| FacetValue {
                value: c.handle.clone(),
                label: c.title.clone(),
                count: count(n),
            })
        })
        .collect();
    if !values.is_empty() {
        facets.push(Facet::Collection { values });
    }
    let mut options = OptionFacets::default();
    for product in products {
        options.add(product.options(), |i, value| {
            product.has_option_value(i, value)
        });
    }
    facets.extend(options.finish());
    let mut range: Option<(Money, Money)> = None;
    for price in products.iter().flat_map(Faceted::prices) {
        range = Some(match range {
            None => (price, price),
            Some((min, max)) => (
                if price.minor_units() < min.minor_units() {
                    price
                } else {
                    min
                },
                if price.minor_units() > max.minor_units() {
                    price
                } else {
                    max
                },
            ),
        });
    }
    if let Some((min, max)) = range {
        facets.push(Facet::PriceRange { min, max });
    }
    facets.push(Facet::InStock {
        count: count(products.iter().filter(|p| p.available()).count()),
    });
    facets
}

#[cfg(test)]
mod tests;
