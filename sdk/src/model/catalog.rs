//! Products, variants, options, images, collections, and product search with facets.

use serde::{Deserialize, Serialize};

use crate::ids::{CollectionId, ProductId, VariantId};
use crate::money::Money;

/// An image of a product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// Where the image is served from.
    pub url: String,
    /// Text alternative for screen readers.
    pub alt: String,
    /// Intrinsic width in pixels, when known (lets the page reserve space).
    #[serde(default)]
    pub width: Option<u32>,
    /// Intrinsic height in pixels, when known.
    #[serde(default)]
    pub height: Option<u32>,
    /// The same image at other widths, for the browser to pick the one that fits the screen
    /// (`srcset`); empty when the backend serves one size only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<ImageSource>,
}

/// A copy of an [`Image`] at one width.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageSource {
    /// Where this copy is served from.
    pub url: String,
    /// Its width in pixels.
    pub width: u32,
}

impl Image {
    /// The image's `srcset` attribute (`"a-400.webp 400w, a-800.webp 800w"`), or `None` when it
    /// has one size only.
    ///
    /// ```
    /// use dhow_sdk::model::{Image, ImageSource};
    /// let image = Image {
    ///     url: "/a-800.webp".into(),
    ///     alt: String::new(),
    ///     width: Some(800),
    ///     height: Some(1000),
    ///     sources: vec![
    ///         ImageSource { url: "/a-400.webp".into(), width: 400 },
    ///         ImageSource { url: "/a-800.webp".into(), width: 800 },
    ///     ],
    /// };
    /// assert_eq!(image.srcset().as_deref(), Some("/a-400.webp 400w, /a-800.webp 800w"));
    /// ```
    pub fn srcset(&self) -> Option<String> {
        if self.sources.is_empty() {
            return None;
        }
        let parts: Vec<String> = self
            .sources
            .iter()
            .map(|s| format!("{} {}w", s.url, s.width))
            .collect();
        Some(parts.join(", "))
    }
}

/// One option a product varies by, with its values in display order: Size → S, M, L.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductOption {
    /// Name of the option, as shown: `Size`, `Colour`.
    pub name: String,
    /// Its values in display order.
    pub values: Vec<String>,
}

/// A price as the shopper sees it in a market.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Price {
    /// What the shopper pays per unit, with or without tax as `tax_included` says.
    pub amount: Money,
    /// The former price, shown struck through, when the item is on sale.
    #[serde(default)]
    pub compare_at: Option<Money>,
    /// Whether `amount` includes tax.
    pub tax_included: bool,
    /// Whether the amount was converted from another currency with a rate (an estimate) rather
    /// than set by the merchant in this currency.
    #[serde(default)]
    pub converted: bool,
}

/// A purchasable variant: one combination of option values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// The variant's id, used to add it to a cart.
    pub id: VariantId,
    /// Its title, for example `M / Navy`.
    pub title: String,
    /// Stock keeping unit, when the merchant has one.
    #[serde(default)]
    pub sku: Option<String>,
    /// One value per product option, in the product's option order.
    pub options: Vec<String>,
    /// Its price in the market asked for.
    pub price: Price,
    /// Whether it can be bought now.
    pub available: bool,
    /// Units in stock, when the backend tells (`None`: not tracked or not disclosed).
    #[serde(default)]
    pub stock: Option<u32>,
}

/// A product with its variants, priced for one market.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    /// The product's id.
    pub id: ProductId,
    /// URL-safe handle: `/products/{handle}`.
    pub handle: String,
    /// Title in the market's language when the backend has it.
    pub title: String,
    /// Description as plain text paragraphs separated by blank lines (never raw HTML: the
    /// storefront renders text, so a backend's markup cannot inject script).
    pub description: String,
    /// Images, the first one is the main image.
    pub images: Vec<Image>,
    /// Options the product varies by; empty for a product with one variant.
    pub options: Vec<ProductOption>,
    /// Variants.
    pub variants: Vec<Variant>,
    /// Collections the product belongs to.
    #[serde(default)]
    pub collections: Vec<CollectionId>,
    /// Merchant tags.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl Product {
    /// The variant whose option values are `values`, if one exists.
    pub fn variant_for(&self, values: &[String]) -> Option<&Variant> {
        self.variants.iter().find(|v| v.options == values)
    }

    /// The cheapest variant's price: "from" price in a grid. Variants are in one currency.
    pub fn lowest_price(&self) -> Option<&Price> {
        self.variants
            .iter()
            .map(|v| &v.price)
            .min_by_key(|p| p.amount.minor_units())
    }

    /// Whether any variant can be bought.
    pub fn available(&self) -> bool {
        self.variants.iter().any(|v| v.available)
    }
}

/// A collection of products: `Outerwear`, `New in`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collection {
    /// The collection's id.
    pub id: CollectionId,
    /// URL-safe handle: `/collections/{handle}`.
    pub handle: String,
    /// Title in the market's language.
    pub title: String,
    /// Short description.
    #[serde(default)]
    pub description: String,
    /// Cover image.
    #[serde(default)]
    pub image: Option<Image>,
}

/// How a product list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProductSort {
    /// The merchant's order.
    #[default]
    Featured,
    /// Lowest price first.
    PriceAsc,
    /// Highest price first.
    PriceDesc,
    /// Alphabetical by title.
    TitleAsc,
    /// Newest first.
    Newest,
}

/// A product search: text, filters, order and page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductQuery {
    /// Words to search for in titles, descriptions and tags; empty lists everything.
    #[serde(default)]
    pub text: String,
    /// Only products in this collection (by handle).
    #[serde(default)]
    pub collection: Option<String>,
    /// Only products with a variant having these option values: (option name, value) pairs.
    /// Values of the same option are alternatives (OR); different options must all match (AND).
    #[serde(default)]
    pub options: Vec<(String, String)>,
    /// Lowest price, inclusive, in the market's currency.
    #[serde(default)]
    pub min_price: Option<Money>,
    /// Highest price, inclusive, in the market's currency.
    #[serde(default)]
    pub max_price: Option<Money>,
    /// Only products that can be bought now.
    #[serde(default)]
    pub in_stock: bool,
    /// Order of results.
    #[serde(default)]
    pub sort: ProductSort,
    /// Zero-based page number.
    #[serde(default)]
    pub page: u32,
    /// Products per page; 0 means the backend's default.
    #[serde(default)]
    pub per_page: u32,
}

/// One value of a facet with how many products in the result have it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    /// The value (an option value, or a collection handle).
    pub value: String,
    /// Label to show (a collection's title; the value itself for options).
    pub label: String,
    /// Products in the current result with it.
    pub count: u32,
}

/// A facet to narrow a search by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "RawFacet")]
pub enum Facet {
    /// Filter by collection.
    Collection {
        /// Collections with counts.
        values: Vec<FacetValue>,
    },
    /// Filter by a product option (Size, Colour).
    Option {
        /// The option's name.
        name: String,
        /// Its values with counts.
        values: Vec<FacetValue>,
    },
    /// Filter by price; the bounds of the current result.
    PriceRange {
        /// Lowest price in the result.
        min: Money,
        /// Highest price in the result.
        max: Money,
    },
    /// Filter to what is in stock; how many are.
    InStock {
        /// Products that can be bought now.
        count: u32,
    },
}

/// A [`Facet`] as read: the kind and every variant's fields.
#[derive(Deserialize)]
struct RawFacet {
    kind: FacetKind,
    #[serde(default)]
    values: Option<Vec<FacetValue>>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    min: Option<Money>,
    #[serde(default)]
    max: Option<Money>,
    #[serde(default)]
    count: Option<u32>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum FacetKind {
    Collection,
    Option,
    PriceRange,
    InStock,
}

impl TryFrom<RawFacet> for Facet {
    type Error = String;

    fn try_from(raw: RawFacet) -> Result<Facet, String> {
        use crate::tagged::required;
        Ok(match raw.kind {
            FacetKind::Collection => Facet::Collection {
                values: required(raw.values, "collection", "values")?,
            },
            FacetKind::Option => Facet::Option {
                name: required(raw.name, "option", "name")?,
                values: required(raw.values, "option", "values")?,
            },
            FacetKind::PriceRange => Facet::PriceRange {
                min: required(raw.min, "price_range", "min")?,
                max: required(raw.max, "price_range", "max")?,
            },
            FacetKind::InStock => Facet::InStock {
                count: required(raw.count, "in_stock", "count")?,
            },
        })
    }
}

/// A page of search results with facets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductPage {
    /// Products on this page.
    pub products: Vec<Product>,
    /// Products matching in all.
    pub total: u32,
    /// This page's number, zero-based.
    pub page: u32,
    /// Products per page.
    pub per_page: u32,
    /// Facets for the whole result (before paging).
    pub facets: Vec<Facet>,
}

impl ProductPage {
    /// Whether a further page exists.
    pub fn has_more(&self) -> bool {
        u64::from(self.page + 1) * u64::from(self.per_page) < u64::from(self.total)
    }
}

/// Option facets (`Size`, `Colour`, …) counted over a set of products, the same way by every
/// backend that computes them itself: one facet per option name in the order names first appear,
/// values in the order they first appear, and a product counts once per value however many of its
/// variants have it.
///
/// ```
/// use dhow_sdk::model::{Facet, OptionFacets, ProductOption};
///
/// let options = vec![ProductOption { name: "Size".into(), values: vec!["S".into(), "M".into()] }];
/// let mut facets = OptionFacets::default();
/// // This product has a variant in size S only.
/// facets.add(&options, |_, value| value == "S");
/// facets.add(&options, |_, _| true);
/// let Facet::Option { name, values } = &facets.finish()[0] else { unreachable!() };
/// assert_eq!(name, "Size");
/// assert_eq!((values[0].count, values[1].count), (2, 1));
/// ```
#[derive(Debug, Default)]
pub struct OptionFacets {
    options: Vec<(String, Vec<FacetValue>)>,
}

impl OptionFacets {
    /// Counts one product: its `options`, and `has(i, value)` saying whether a variant has
    /// `value` as its `i`-th option.
    pub fn add(&mut self, options: &[ProductOption], has: impl Fn(usize, &str) -> bool) {
        for (i, option) in options.iter().enumerate() {
            let index = match self.options.iter().position(|(n, _)| *n == option.name) {
                Some(index) => index,
                None => {
                    self.options.push((option.name.clone(), Vec::new()));
                    self.options.len() - 1
                }
            };
            let Some((_, values)) = self.options.get_mut(index) else {
                continue;
            };
            for value in option.values.iter().filter(|v| has(i, v)) {
                match values.iter_mut().find(|v| v.value == *value) {
                    Some(v) => v.count = v.count.saturating_add(1),
                    None => values.push(FacetValue {
                        value: value.clone(),
                        label: value.clone(),
                        count: 1,
                    }),
                }
            }
        }
    }

    /// The facets, leaving out option names no product had a value for.
    pub fn finish(self) -> Vec<Facet> {
        self.options
            .into_iter()
            .filter(|(_, values)| !values.is_empty())
            .map(|(name, values)| Facet::Option { name, values })
            .collect()
    }
}
