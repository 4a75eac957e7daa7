//! The shared variant filter and facets: OR within an option, AND across options, inclusive
//! bounds, bounds in another currency, stock, and facets over mapped products.

use super::*;
use crate::error::Error;
use crate::ids::{CollectionId, ProductId, VariantId};
use crate::model::{Price, Variant};

fn eur(minor: i64) -> Money {
    Money::from_minor(minor, Currency::EUR)
}

fn variant(size: &str, colour: &str, price: Money, available: bool) -> Variant {
    Variant {
        id: VariantId(format!("{size}-{colour}")),
        title: format!("{size} / {colour}"),
        sku: None,
        options: vec![size.into(), colour.into()],
        price: Price {
            amount: price,
            compare_at: None,
            tax_included: true,
            converted: false,
        },
        available,
        stock: None,
    }
}

fn option(name: &str, values: &[&str]) -> ProductOption {
    ProductOption {
        name: name.into(),
        values: values.iter().map(|v| (*v).into()).collect(),
    }
}

/// A tee: M/Navy at 30.00 in stock, L/Sand at 50.00 sold out.
fn tee() -> Product {
    Product {
        id: ProductId("tee".into()),
        handle: "tee".into(),
        title: "Tee".into(),
        description: String::new(),
        images: Vec::new(),
        options: vec![
            option("Size", &["M", "L"]),
            option("Colour", &["Navy", "Sand"]),
        ],
        variants: vec![
            variant("M", "Navy", eur(3000), true),
            variant("L", "Sand", eur(5000), false),
        ],
        collections: vec![CollectionId("c-tops".into())],
        tags: Vec::new(),
    }
}

fn filter(query: ProductQuery) -> ProductFilter {
    ProductFilter::new(&query, Currency::EUR).expect("bounds in EUR")
}

fn options(pairs: &[(&str, &str)]) -> ProductQuery {
    ProductQuery {
        options: pairs
            .iter()
            .map(|(n, v)| ((*n).into(), (*v).into()))
            .collect(),
        ..ProductQuery::default()
    }
}

#[test]
fn values_of_one_option_are_alternatives() {
    assert!(filter(options(&[("Size", "S"), ("Size", "M")])).matches(&tee()));
    assert!(!filter(options(&[("Size", "S"), ("Size", "XL")])).matches(&tee()));
}

#[test]
fn different_options_must_all_match_on_one_variant() {
    assert!(filter(options(&[("Size", "M"), ("Colour", "Navy")])).matches(&tee()));
    // M exists and Sand exists, but not on the same variant.
    assert!(!filter(options(&[("Size", "M"), ("Colour", "Sand")])).matches(&tee()));
    // OR within Colour, AND with Size: M/Navy.
    let query = options(&[("Size", "M"), ("Colour", "Sand"), ("Colour", "Navy")]);
    assert!(filter(query).matches(&tee()));
}

#[test]
fn names_and_values_compare_without_case() {
    assert!(filter(options(&[("size", "m"), ("COLOUR", "navy")])).matches(&tee()));
    let mut product = tee();
    product.variants[0].options[1] = "Écru".into();
    assert!(filter(options(&[("colour", "ÉCRU")])).matches(&product));
}

#[test]
fn an_option_the_product_lacks_matches_nothing() {
    assert!(!filter(options(&[("Material", "Wool")])).matches(&tee()));
}

#[test]
fn bounds_are_inclusive() {
    let range = |min, max| ProductQuery {
        min_price: min,
        max_price: max,
        ..ProductQuery::default()
    };
    assert!(filter(range(Some(eur(3000)), Some(eur(3000)))).matches(&tee()));
    assert!(filter(range(Some(eur(5000)), None)).matches(&tee()));
    assert!(!filter(range(Some(eur(5001)), None)).matches(&tee()));
    assert!(!filter(range(None, Some(eur(2999)))).matches(&tee()));
    assert!(!filter(range(Some(eur(3001)), Some(eur(4999)))).matches(&tee()));
}

#[test]
fn every_filter_holds_on_the_same_variant() {
    // Size L exists, and a variant at 30.00 exists, but the L costs 50.00.
    let query = ProductQuery {
        max_price: Some(eur(3000)),
        ..options(&[("Size", "L")])
    };
    assert!(!filter(query).matches(&tee()));
}

#[test]
fn stock_wants_an_available_variant() {
    let in_stock = |pairs| ProductQuery {
        in_stock: true,
        ..options(pairs)
    };
    assert!(filter(in_stock(&[("Size", "M")])).matches(&tee()));
    // The L is sold out.
    assert!(!filter(in_stock(&[("Size", "L")])).matches(&tee()));
    // Without the stock filter, a sold-out variant still matches.
    assert!(filter(options(&[("Size", "L")])).matches(&tee()));
}

#[test]
fn availability_is_asked_only_when_stock_is_filtered() {
    let tee = tee();
    let values = &tee.variants[0].options;
    let asked = std::cell::Cell::new(false);
    let ask = || {
        asked.set(true);
        true
    };
    assert!(filter(ProductQuery::default()).accepts(&tee.options, values, eur(1), ask));
    assert!(!asked.get());
}

/// A bound in another currency is a typed error naming the field, not "no match": comparing
/// minor units across currencies would convert silently, and an empty page would hide the
/// caller's mistake.
#[test]
fn a_bound_in_another_currency_is_invalid_input() {
    let query = ProductQuery {
        min_price: Some(Money::from_minor(1000, Currency::USD)),
        max_price: Some(eur(5000)),
        ..ProductQuery::default()
    };
    let Err(Error::InvalidInput { fields }) = ProductFilter::new(&query, Currency::EUR) else {
        panic!("a USD bound in a EUR market is refused");
    };
    let named: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(named, ["min_price"]);
}

#[test]
fn a_price_in_another_currency_is_outside_the_bounds() {
    let query = ProductQuery {
        max_price: Some(eur(5000)),
        ..ProductQuery::default()
    };
    let tee = tee();
    let usd = Money::from_minor(100, Currency::USD);
    assert!(!filter(query).accepts(&tee.options, &tee.variants[0].options, usd, || true));
}

#[test]
fn price_only_drops_the_options_and_stock() {
    let query = ProductQuery {
        in_stock: true,
        max_price: Some(eur(5000)),
        ..options(&[("Size", "XL")])
    };
    let filter = filter(query).price_only();
    assert!(filter.matches(&tee()));
    assert!(!filter.is_empty());
    assert!(
        ProductFilter::new(&ProductQuery::default(), Currency::EUR)
            .expect("no bounds")
            .is_empty()
    );
}

#[test]
fn facets_count_collections_options_prices_and_stock() {
    let mut sold_out = tee();
    sold_out.collections = vec![CollectionId("c-sale".into())];
    sold_out.variants = vec![variant("L", "Navy", eur(1500), false)];
    let collection = |id: &str, handle: &str, title: &str| Collection {
        id: CollectionId(id.into()),
        handle: handle.into(),
        title: title.into(),
        description: String::new(),
        image: None,
    };
    let collections = [
        collection("c-empty", "empty", "Empty"),
        collection("c-sale", "sale", "Sale"),
        collection("c-tops", "tops", "Tops"),
    ];
    let value = |value: &str, label: &str, count| FacetValue {
        value: value.into(),
        label: label.into(),
        count,
    };
    let found = facets(&[tee(), sold_out], &collections);
    assert_eq!(
        found,
        [
            Facet::Collection {
                values: vec![value("sale", "Sale", 1), value("tops", "Tops", 1)],
            },
            Facet::Option {
                name: "Size".into(),
                values: vec![value("M", "M", 1), value("L", "L", 2)],
            },
            Facet::Option {
                name: "Colour".into(),
                values: vec![value("Navy", "Navy", 2), value("Sand", "Sand", 1)],
            },
            Facet::PriceRange {
                min: eur(1500),
                max: eur(5000),
            },
            Facet::InStock { count: 1 },
        ]
    );
}
