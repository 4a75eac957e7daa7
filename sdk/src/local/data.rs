//! The local engine's store data: the catalog file a merchant writes (products with prices per
//! currency, stock), plus the rules the engine applies (rates, taxes, duties, shipping, promotions).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::address::CountryCode;
use crate::decimal::Decimal;
use crate::model::{Image, ProductOption};
use crate::money::{Money, RateTable};

/// Everything the local engine sells and the rules it prices by: one JSON file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreData {
    /// Exchange rates from the base currency, for currencies without merchant prices.
    pub rates: RateTable,
    /// Tax rules by destination country.
    pub taxes: Vec<TaxRule>,
    /// Import duties by destination country (goods ship from `ships_from`).
    pub duties: Vec<DutyRule>,
    /// Country the goods ship from; no duty applies within it or its customs union.
    pub ships_from: CountryCode,
    /// Countries in the same customs union as `ships_from` (no duties between them).
    #[serde(default)]
    pub customs_union: Vec<CountryCode>,
    /// Shipping zones and their rates.
    pub shipping: Vec<ShippingRule>,
    /// Promotion codes.
    #[serde(default)]
    pub promotions: Vec<PromotionRule>,
    /// Collections.
    pub collections: Vec<CollectionData>,
    /// Products.
    pub products: Vec<ProductData>,
}

/// Title and description in another language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    /// Translated title.
    pub title: String,
    /// Translated description; the original is used when absent.
    #[serde(default)]
    pub description: Option<String>,
}

/// A collection in the catalog file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectionData {
    /// Id and handle.
    pub handle: String,
    /// Title in the catalog's language (English).
    pub title: String,
    /// Short description.
    #[serde(default)]
    pub description: String,
    /// Cover image.
    #[serde(default)]
    pub image: Option<Image>,
    /// Translations by BCP 47 tag (`de-DE`, `ja-JP`, `ar`).
    #[serde(default)]
    pub translations: BTreeMap<String, Translation>,
}

/// A product in the catalog file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductData {
    /// Id and handle (`/products/{handle}`).
    pub handle: String,
    /// Title in English.
    pub title: String,
    /// Plain-text description; paragraphs separated by blank lines.
    pub description: String,
    /// Handles of the collections it belongs to.
    pub collections: Vec<String>,
    /// Tags for search.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Images.
    pub images: Vec<Image>,
    /// Options (empty for a single-variant product).
    #[serde(default)]
    pub options: Vec<ProductOption>,
    /// When it was added (`YYYY-MM-DD`), for "newest" sorting.
    pub created_at: String,
    /// Whether it shows on the home page.
    #[serde(default)]
    pub featured: bool,
    /// Translations by BCP 47 tag.
    #[serde(default)]
    pub translations: BTreeMap<String, Translation>,
    /// Variants.
    pub variants: Vec<VariantData>,
}

/// A variant in the catalog file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantData {
    /// Id (unique in the catalog).
    pub id: String,
    /// Stock keeping unit.
    pub sku: String,
    /// One value per product option.
    #[serde(default)]
    pub options: Vec<String>,
    /// Prices the merchant set, one per currency, as shelf prices on the tax basis of the
    /// markets using that currency. Other currencies are converted from the base currency.
    pub prices: Vec<Money>,
    /// Former prices, per currency, when on sale.
    #[serde(default)]
    pub compare_at: Vec<Money>,
    /// Units in stock.
    pub stock: u32,
}

/// Tax of a destination country.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxRule {
    /// The country.
    pub country: CountryCode,
    /// Name shown in totals: `VAT`, `GST`, `Sales tax`.
    pub name: String,
    /// Rate as a fraction: `0.19`.
    pub rate: Decimal,
    /// Rates by region code that replace `rate` (US states, Canadian provinces).
    #[serde(default)]
    pub regions: BTreeMap<String, RegionTax>,
    /// Whether shipping is taxed too.
    #[serde(default)]
    pub shipping_taxable: bool,
}

/// A region's own tax.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionTax {
    /// Name in totals (`HST`, `CA sales tax`).
    pub name: String,
    /// Rate as a fraction.
    pub rate: Decimal,
}

/// Import duty into a destination country.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DutyRule {
    /// The destination.
    pub country: CountryCode,
    /// Duty rate on the goods' value (after discounts, before tax).
    pub rate: Decimal,
    /// Orders whose goods value is at or below this pay no duty; given per currency, converted
    /// for others.
    pub de_minimis: Vec<Money>,
}

/// A shipping option offered in some countries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingRule {
    /// Id of the option.
    pub id: String,
    /// Name shown to the shopper: `Standard`, `Express`.
    pub name: String,
    /// Countries served.
    pub countries: Vec<CountryCode>,
    /// Price per currency (shelf price on the market's tax basis); converted for others.
    pub rates: Vec<Money>,
    /// Free when the subtotal after discounts reaches this, per currency; converted for others.
    #[serde(default)]
    pub free_over: Vec<Money>,
    /// Fewest business days.
    pub min_days: u32,
    /// Most business days.
    pub max_days: u32,
}

/// What a promotion gives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PromotionKind {
    /// A percentage off every line (`"10"` is 10 %).
    Percentage {
        /// Percent off.
        percent: Decimal,
    },
    /// A fixed amount off the order, per currency; converted for others.
    Fixed {
        /// Amounts per currency.
        amounts: Vec<Money>,
    },
    /// Free shipping.
    FreeShipping,
}

/// A promotion code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotionRule {
    /// The code; matched case-insensitively.
    pub code: String,
    /// What it gives.
    pub kind: PromotionKind,
    /// Smallest subtotal it applies to, per currency; converted for others.
    #[serde(default)]
    pub min_subtotal: Vec<Money>,
    /// Markets it applies in (ids); empty means all.
    #[serde(default)]
    pub markets: Vec<String>,
    /// First day it applies (`YYYY-MM-DD`).
    #[serde(default)]
    pub starts: Option<String>,
    /// Last day it applies (`YYYY-MM-DD`).
    #[serde(default)]
    pub ends: Option<String>,
    /// Whether it may be combined with other codes.
    #[serde(default)]
    pub combinable: bool,
}
