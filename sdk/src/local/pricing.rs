//! Catalog data priced and translated for a market: the products, variants and collections the
//! storefront shows, built from the catalog file on every read.

use std::collections::{BTreeMap, HashMap};

use crate::error::Result;
use crate::ids::{CollectionId, ProductId, VariantId};
use crate::local::data::{
    CatalogCollection, CatalogFile, CatalogProduct, CatalogVariant, Translation,
};
use crate::market::{Market, TaxDisplay};
use crate::model::{Collection, Price, Product, Variant};
use crate::money::{Currency, Money, RoundingRule, price_in};

/// Units sold per variant id, as persisted.
pub(crate) type Sold = BTreeMap<String, u32>;

/// Lookups into the catalog, built once: a 1,000-line cart must not scan the catalog per line.
#[derive(Debug, Default)]
pub(crate) struct CatalogIndex {
    variants: HashMap<String, (usize, usize)>,
    handles: HashMap<String, usize>,
}

impl CatalogIndex {
    /// Indexes products by handle and variants by id; on a duplicate the first one wins, as
    /// the catalog check reports duplicates before an engine is built from a file.
    pub fn new(data: &CatalogFile) -> CatalogIndex {
        let mut index = CatalogIndex::default();
        for (p, product) in data.products.iter().enumerate() {
            index.handles.entry(product.handle.clone()).or_insert(p);
            for (v, variant) in product.variants.iter().enumerate() {
                index.variants.entry(variant.id.clone()).or_insert((p, v));
            }
        }
        index
    }

    /// The product and variant with this variant id.
    pub fn variant<'a>(
        &self,
        data: &'a CatalogFile,
        id: &str,
    ) -> Option<(&'a CatalogProduct, &'a CatalogVariant)> {
        let &(p, v) = self.variants.get(id)?;
        let product = data.products.get(p)?;
        Some((product, product.variants.get(v)?))
    }

    /// The product with this handle.
    pub fn product<'a>(&self, data: &'a CatalogFile, handle: &str) -> Option<&'a CatalogProduct> {
        data.products.get(*self.handles.get(handle)?)
    }
}

/// The translation for `locale`: the exact tag, else the bare language (`de` for `de-CH`), else
/// any tag of the same language (`de-DE` for `de-CH`), so a regional variant of a language the
/// catalog has is never shown English.
pub(crate) fn translation<'a>(
    translations: &'a BTreeMap<String, Translation>,
    locale: &str,
) -> Option<&'a Translation> {
    if let Some(t) = translations.get(locale) {
        return Some(t);
    }
    let language = primary_language(locale);
    translations.get(language).or_else(|| {
        translations
            .iter()
            .find(|(tag, _)| primary_language(tag).eq_ignore_ascii_case(language))
            .map(|(_, t)| t)
    })
}

fn primary_language(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// A product's title and description in the market's language.
pub(crate) fn product_text<'a>(product: &'a CatalogProduct, market: &Market) -> (&'a str, &'a str) {
    match translation(&product.translations, &market.locale) {
        Some(t) => (
            &t.title,
            t.description.as_deref().unwrap_or(&product.description),
        ),
        None => (&product.title, &product.description),
    }
}

/// A collection's title and description in the market's language.
pub(crate) fn collection_text<'a>(
    collection: &'a CatalogCollection,
    market: &Market,
) -> (&'a str, &'a str) {
    match translation(&collection.translations, &market.locale) {
        Some(t) => (
            &t.title,
            t.description.as_deref().unwrap_or(&collection.description),
        ),
        None => (&collection.title, &collection.description),
    }
}

/// A variant's unit price in the market: the merchant's price in its currency, else converted
/// from the base currency with the market's rounding rule. It is a shelf price on the market's
/// tax basis either way: catalog prices are set that way.
pub(crate) fn unit_price(
    data: &CatalogFile,
    market: &Market,
    variant: &CatalogVariant,
) -> Result<Money> {
    Ok(price_in(
        &variant.prices,
        market.currency,
        &data.rates,
        market.rounding,
    )?
    .money)
}

/// A variant's price as the shopper sees it in the market.
pub(crate) fn price(
    data: &CatalogFile,
    market: &Market,
    variant: &CatalogVariant,
) -> Result<Price> {
    let conversion = price_in(
        &variant.prices,
        market.currency,
        &data.rates,
        market.rounding,
    )?;
    Ok(Price {
        amount: conversion.money,
        compare_at: compare_at(data, market, variant, conversion.money)?,
        tax_included: market.tax_display == TaxDisplay::Inclusive,
        converted: conversion.converted,
    })
}

/// The former price, when there is one above the current price: a "former" price at or below
/// the price (possible after conversion and rounding) would show a sale that is none.
pub(crate) fn compare_at(
    data: &CatalogFile,
    market: &Market,
    variant: &CatalogVariant,
    amount: Money,
) -> Result<Option<Money>> {
    if variant.compare_at.is_empty() {
        return Ok(None);
    }
    let former = price_in(
        &variant.compare_at,
        market.currency,
        &data.rates,
        market.rounding,
    )?
    .money;
    Ok((former.minor_units() > amount.minor_units()).then_some(former))
}

/// An amount that is not a shelf price (a discount, a threshold) in `currency`: the merchant's
/// amount in it, else converted to the nearest minor unit. Price endings and cash steps are for
/// prices a shopper reads on a shelf; a threshold rounded up to .99 would move the threshold.
pub(crate) fn amount_in(data: &CatalogFile, set: &[Money], currency: Currency) -> Result<Money> {
    Ok(price_in(set, currency, &data.rates, RoundingRule::Nearest)?.money)
}

/// What a variant's title is: its option values, `M / Navy`; empty without options.
pub(crate) fn variant_title(variant: &CatalogVariant) -> String {
    variant.options.join(" / ")
}

/// Units that can still be bought.
pub(crate) fn remaining(variant: &CatalogVariant, sold: &Sold) -> u32 {
    variant
        .stock
        .saturating_sub(sold.get(&variant.id).copied().unwrap_or(0))
}

/// A catalog product priced and translated for the market, with stock after sales.
pub(crate) fn product(
    data: &CatalogFile,
    market: &Market,
    product: &CatalogProduct,
    sold: &Sold,
) -> Result<Product> {
    let (title, description) = product_text(product, market);
    let variants = product
        .variants
        .iter()
        .map(|variant| {
            let left = remaining(variant, sold);
            Ok(Variant {
                id: VariantId(variant.id.clone()),
                title: variant_title(variant),
                sku: Some(variant.sku.clone()).filter(|s| !s.is_empty()),
                options: variant.options.clone(),
                price: price(data, market, variant)?,
                available: left > 0,
                stock: Some(left),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Product {
        id: ProductId(product.handle.clone()),
        handle: product.handle.clone(),
        title: title.to_owned(),
        description: description.to_owned(),
        images: product.images.clone(),
        options: product.options.clone(),
        variants,
        collections: product
            .collections
            .iter()
            .map(|c| CollectionId(c.clone()))
            .collect(),
        tags: product.tags.clone(),
    })
}

/// A catalog collection titled for the market.
pub(crate) fn collection(collection: &CatalogCollection, market: &Market) -> Collection {
    let (title, description) = collection_text(collection, market);
    Collection {
        id: CollectionId(collection.handle.clone()),
        handle: collection.handle.clone(),
        title: title.to_owned(),
        description: description.to_owned(),
        image: collection.image.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(title: &str) -> Translation {
        Translation {
            title: title.to_owned(),
            description: None,
        }
    }

    #[test]
    fn finds_the_closest_translation() {
        let translations = BTreeMap::from([
            ("de-DE".to_owned(), t("Hemd")),
            ("ar".to_owned(), t("قميص")),
        ]);
        assert_eq!(translation(&translations, "de-DE").unwrap().title, "Hemd");
        assert_eq!(translation(&translations, "de-CH").unwrap().title, "Hemd");
        assert_eq!(translation(&translations, "ar-AE").unwrap().title, "قميص");
        assert!(translation(&translations, "en-US").is_none());
        assert!(translation(&translations, "").is_none());
    }
}
