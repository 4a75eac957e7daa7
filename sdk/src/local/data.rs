//! The local engine's store data: the catalog file a merchant writes (products with prices per
//! currency, stock), plus the rules the engine applies (rates, taxes, duties, shipping, promotions).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::address::CountryCode;
use crate::clock::parse_date;
use crate::decimal::Decimal;
use crate::error::{Error, Result};
use crate::market::Market;
use crate::model::{Image, ProductOption};
use crate::money::{Money, RateTable, price_in};

/// Everything the local engine sells and the rules it prices by: one JSON file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogFile {
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
    pub collections: Vec<CatalogCollection>,
    /// Products.
    pub products: Vec<CatalogProduct>,
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
pub struct CatalogCollection {
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
pub struct CatalogProduct {
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
    pub variants: Vec<CatalogVariant>,
}

/// A variant in the catalog file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogVariant {
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
#[serde(tag = "type", rename_all = "snake_case", try_from = "RawPromotionKind")]
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

/// A [`PromotionKind`] as read: the type and every variant's fields.
#[derive(Deserialize)]
struct RawPromotionKind {
    #[serde(rename = "type")]
    kind: PromotionType,
    #[serde(default)]
    percent: Option<Decimal>,
    #[serde(default)]
    amounts: Option<Vec<Money>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum PromotionType {
    Percentage,
    Fixed,
    FreeShipping,
}

impl TryFrom<RawPromotionKind> for PromotionKind {
    type Error = String;

    fn try_from(raw: RawPromotionKind) -> std::result::Result<PromotionKind, String> {
        use crate::tagged::required;
        Ok(match raw.kind {
            PromotionType::Percentage => PromotionKind::Percentage {
                percent: required(raw.percent, "percentage", "percent")?,
            },
            PromotionType::Fixed => PromotionKind::Fixed {
                amounts: required(raw.amounts, "fixed", "amounts")?,
            },
            PromotionType::FreeShipping => PromotionKind::FreeShipping,
        })
    }
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

impl CatalogFile {
    /// Reads a catalog file. Text that is not a catalog is [`Error::Decode`], never a panic.
    ///
    /// ```
    /// let data = dhow_sdk::local::data::CatalogFile::from_json(r#"{
    ///   "rates": { "base": "EUR", "rates": {} }, "taxes": [], "duties": [], "ships_from": "DE",
    ///   "shipping": [], "collections": [], "products": []
    /// }"#).unwrap();
    /// assert!(data.products.is_empty());
    /// assert!(dhow_sdk::local::data::CatalogFile::from_json("{}").is_err());
    /// ```
    pub fn from_json(text: &str) -> Result<CatalogFile> {
        serde_json::from_str(text).map_err(|e| Error::Decode {
            message: format!("catalog: {e}"),
        })
    }

    /// Checks what JSON types cannot: unique handles and variant ids, option values that exist,
    /// dates that are days, rates that are not negative, and a price for every variant and
    /// shipping option in the currency of every market selling it. Every problem found is
    /// listed in one [`Error::Decode`], so a merchant fixes a catalog in one pass.
    ///
    /// ```
    /// use dhow_sdk::local::data::CatalogFile;
    ///
    /// let data = CatalogFile::from_json(r#"{
    ///   "rates": { "base": "EUR", "rates": {} }, "taxes": [], "duties": [], "ships_from": "DE",
    ///   "shipping": [], "collections": [],
    ///   "products": [{ "handle": "mug", "title": "Mug", "description": "", "collections": ["kitchen"],
    ///                  "images": [], "created_at": "2026-01-01", "variants": [] }]
    /// }"#).unwrap();
    /// let err = data.check(&[]).unwrap_err().to_string();
    /// assert!(err.contains("unknown collection `kitchen`") && err.contains("has no variant"));
    /// ```
    pub fn check(&self, markets: &[Market]) -> Result<()> {
        let mut problems = Vec::new();
        let mut handles = BTreeSet::new();
        let mut variant_ids = BTreeSet::new();
        let collections: BTreeSet<&str> =
            self.collections.iter().map(|c| c.handle.as_str()).collect();
        for product in &self.products {
            let name = &product.handle;
            if product.handle.is_empty() || !handles.insert(product.handle.as_str()) {
                problems.push(format!("product handle `{name}` is empty or repeated"));
            }
            if product.variants.is_empty() {
                problems.push(format!("product `{name}` has no variant"));
            }
            if parse_date(&product.created_at).is_none() {
                problems.push(format!("product `{name}`: created_at is not YYYY-MM-DD"));
            }
            for c in &product.collections {
                if !collections.contains(c.as_str()) {
                    problems.push(format!("product `{name}`: unknown collection `{c}`"));
                }
            }
            for variant in &product.variants {
                let id = &variant.id;
                if id.is_empty() || !variant_ids.insert(id.as_str()) {
                    problems.push(format!("variant id `{id}` is empty or repeated"));
                }
                let options_exist = variant.options.len() == product.options.len()
                    && variant
                        .options
                        .iter()
                        .zip(&product.options)
                        .all(|(v, o)| o.values.contains(v));
                if !options_exist {
                    problems.push(format!(
                        "variant `{id}`: option values do not match the product's options"
                    ));
                }
                if variant
                    .prices
                    .iter()
                    .chain(&variant.compare_at)
                    .any(|m| m.is_negative())
                {
                    problems.push(format!("variant `{id}` has a negative price"));
                }
                for market in markets {
                    let rule = market.rounding;
                    let priced = price_in(&variant.prices, market.currency, &self.rates, rule)
                        .is_ok()
                        && (variant.compare_at.is_empty()
                            || price_in(&variant.compare_at, market.currency, &self.rates, rule)
                                .is_ok());
                    if !priced {
                        problems.push(format!(
                            "variant `{id}` has no price in {} (market {})",
                            market.currency, market.id
                        ));
                    }
                }
            }
        }
        for market in markets {
            for rule in self
                .shipping
                .iter()
                .filter(|r| r.countries.contains(&market.country))
            {
                if price_in(&rule.rates, market.currency, &self.rates, market.rounding).is_err() {
                    problems.push(format!(
                        "shipping `{}` has no rate in {}",
                        rule.id, market.currency
                    ));
                }
            }
        }
        for rule in &self.shipping {
            if rule
                .rates
                .iter()
                .chain(&rule.free_over)
                .any(|m| m.is_negative())
            {
                problems.push(format!("shipping `{}` has a negative amount", rule.id));
            }
        }
        for duty in &self.duties {
            if duty.de_minimis.iter().any(|m| m.is_negative()) {
                problems.push(format!(
                    "duty of {} has a negative de minimis",
                    duty.country
                ));
            }
        }
        let negative = |rate: &Decimal| rate.is_negative();
        for tax in &self.taxes {
            if negative(&tax.rate) || tax.regions.values().any(|r| negative(&r.rate)) {
                problems.push(format!("tax of {} has a negative rate", tax.country));
            }
        }
        for duty in self.duties.iter().filter(|d| negative(&d.rate)) {
            problems.push(format!("duty of {} has a negative rate", duty.country));
        }
        for promotion in &self.promotions {
            let code = &promotion.code;
            if let PromotionKind::Percentage { percent } = &promotion.kind
                && (percent.is_negative() || above_hundred(*percent))
            {
                problems.push(format!(
                    "promotion `{code}`: percent is not between 0 and 100"
                ));
            }
            let fixed = match &promotion.kind {
                PromotionKind::Fixed { amounts } => amounts.as_slice(),
                _ => &[],
            };
            if fixed
                .iter()
                .chain(&promotion.min_subtotal)
                .any(|m| m.is_negative())
            {
                problems.push(format!("promotion `{code}` has a negative amount"));
            }
            for date in promotion.starts.iter().chain(&promotion.ends) {
                if parse_date(date).is_none() {
                    problems.push(format!("promotion `{code}`: `{date}` is not YYYY-MM-DD"));
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Decode {
                message: format!("catalog: {}", problems.join("; ")),
            })
        }
    }
}

/// Whether a percentage is above 100 (or too large to tell).
fn above_hundred(percent: Decimal) -> bool {
    match Decimal::new(-100, 0).and_then(|minus| percent.checked_add(minus)) {
        Some(excess) => !excess.is_negative() && !excess.is_zero(),
        None => true,
    }
}
