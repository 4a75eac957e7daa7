//! The local engine's catalog side: search filters, sorts, pages and facets; products by handle;
//! collections; translations; and catalog files it refuses.

mod common;

use std::rc::Rc;

use common::{CATALOG, backend, config, market, money};
use dhow_sdk::local::{LocalBackend, MemoryStorage};
use dhow_sdk::model::{Facet, ProductQuery, ProductSort};
use dhow_sdk::{Backend, Error, Resource, Unsold};

fn handles(page: &dhow_sdk::model::ProductPage) -> Vec<&str> {
    page.products.iter().map(|p| p.handle.as_str()).collect()
}

fn query() -> ProductQuery {
    ProductQuery::default()
}

#[tokio::test]
async fn lists_everything_featured_first() {
    let b = backend();
    let page = b.products(&market("us"), &query()).await.unwrap();
    // Featured (tote, scarf) in catalog order, then the rest in catalog order.
    assert_eq!(
        handles(&page),
        ["canvas-tote", "wool-scarf", "linen-shirt", "ceramic-mug"]
    );
    assert_eq!((page.total, page.page, page.per_page), (4, 0, 24));
    assert!(!page.has_more());
}

#[tokio::test]
async fn searches_text_in_any_language_and_case() {
    let b = backend();
    let us = market("us");
    let de = market("de");
    let search = |text: &str| ProductQuery {
        text: text.into(),
        ..query()
    };
    assert_eq!(
        handles(&b.products(&us, &search("LINEN")).await.unwrap()),
        ["linen-shirt"]
    );
    // Tags, handles and descriptions count; every word must match.
    assert_eq!(
        handles(&b.products(&us, &search("winter")).await.unwrap()),
        ["wool-scarf"]
    );
    assert_eq!(
        handles(&b.products(&us, &search("ceramic-mug")).await.unwrap()),
        ["ceramic-mug"]
    );
    assert_eq!(
        handles(&b.products(&us, &search("merino scotland")).await.unwrap()),
        ["wool-scarf"]
    );
    assert!(
        b.products(&us, &search("merino linen"))
            .await
            .unwrap()
            .products
            .is_empty()
    );
    // A German shopper finds the German title, and the English one still works.
    assert_eq!(
        handles(&b.products(&de, &search("leinenhemd")).await.unwrap()),
        ["linen-shirt"]
    );
    assert_eq!(
        handles(&b.products(&de, &search("shirt")).await.unwrap()),
        ["linen-shirt"]
    );
}

#[tokio::test]
async fn filters_by_collection_options_price_and_stock() {
    let b = backend();
    let us = market("us");
    let by = |q: ProductQuery| {
        let b = &b;
        let us = &us;
        async move { b.products(us, &q).await.unwrap() }
    };
    let clothing = by(ProductQuery {
        collection: Some("clothing".into()),
        ..query()
    })
    .await;
    assert_eq!(handles(&clothing), ["wool-scarf", "linen-shirt"]);

    // Values of one option are alternatives; different options must all match.
    let size = |v: &str| ("Size".to_owned(), v.to_owned());
    let colour = |v: &str| ("Colour".to_owned(), v.to_owned());
    assert_eq!(
        handles(
            &by(ProductQuery {
                options: vec![size("M")],
                ..query()
            })
            .await
        ),
        ["linen-shirt"]
    );
    assert_eq!(
        handles(
            &by(ProductQuery {
                options: vec![size("XL"), size("m")],
                ..query()
            })
            .await
        ),
        ["linen-shirt"]
    );
    assert!(
        by(ProductQuery {
            options: vec![size("M"), colour("Navy")],
            ..query()
        })
        .await
        .products
        .is_empty()
    );

    // Prices: the scarf is converted (EUR 35.00 × 1.08 = 37.80), the shirt 54.00.
    let under_40 = by(ProductQuery {
        max_price: Some(money("40.00", "USD")),
        ..query()
    })
    .await;
    assert_eq!(
        handles(&under_40),
        ["canvas-tote", "wool-scarf", "ceramic-mug"]
    );
    let from_37_80 = by(ProductQuery {
        min_price: Some(money("37.80", "USD")),
        ..query()
    })
    .await;
    assert_eq!(handles(&from_37_80), ["wool-scarf", "linen-shirt"]);

    // One variant must meet every filter: the only L is sold out.
    let l_in_stock = by(ProductQuery {
        options: vec![size("L")],
        in_stock: true,
        ..query()
    })
    .await;
    assert!(l_in_stock.products.is_empty());
    assert_eq!(
        by(ProductQuery {
            options: vec![size("L")],
            ..query()
        })
        .await
        .total,
        1
    );

    // Bounds in another currency are refused, not converted.
    let err = b
        .products(
            &us,
            &ProductQuery {
                min_price: Some(money("1.00", "EUR")),
                ..query()
            },
        )
        .await;
    assert!(matches!(err, Err(Error::InvalidInput { fields }) if fields[0].field == "min_price"));
}

#[tokio::test]
async fn sorts_by_price_title_and_date() {
    let b = backend();
    let de = market("de");
    let sorted = |sort| ProductQuery { sort, ..query() };
    // EUR: mug 12.50, tote 19.99, scarf 35.00, shirt 49.90.
    let asc = b
        .products(&de, &sorted(ProductSort::PriceAsc))
        .await
        .unwrap();
    assert_eq!(
        handles(&asc),
        ["ceramic-mug", "canvas-tote", "wool-scarf", "linen-shirt"]
    );
    let desc = b
        .products(&de, &sorted(ProductSort::PriceDesc))
        .await
        .unwrap();
    assert_eq!(
        handles(&desc),
        ["linen-shirt", "wool-scarf", "canvas-tote", "ceramic-mug"]
    );
    // By German title: Ceramic mug, Leinenhemd, Segeltuchtasche, Wool scarf.
    let title = b
        .products(&de, &sorted(ProductSort::TitleAsc))
        .await
        .unwrap();
    assert_eq!(
        handles(&title),
        ["ceramic-mug", "linen-shirt", "canvas-tote", "wool-scarf"]
    );
    let newest = b.products(&de, &sorted(ProductSort::Newest)).await.unwrap();
    assert_eq!(
        handles(&newest),
        ["ceramic-mug", "wool-scarf", "linen-shirt", "canvas-tote"]
    );
}

#[tokio::test]
async fn pages_through_results() {
    let b = backend();
    let us = market("us");
    let page = |page, per_page| ProductQuery {
        page,
        per_page,
        sort: ProductSort::PriceAsc,
        ..query()
    };
    let first = b.products(&us, &page(0, 3)).await.unwrap();
    assert_eq!(first.products.len(), 3);
    assert!(first.has_more());
    let second = b.products(&us, &page(1, 3)).await.unwrap();
    assert_eq!(handles(&second), ["linen-shirt"]);
    assert!(!second.has_more());
    assert!(
        b.products(&us, &page(u32::MAX, 3))
            .await
            .unwrap()
            .products
            .is_empty()
    );
    assert_eq!(b.products(&us, &page(0, 1000)).await.unwrap().per_page, 100);
}

#[tokio::test]
async fn facets_describe_the_whole_result() {
    let b = backend();
    let de = market("de");
    let page = b
        .products(
            &de,
            &ProductQuery {
                per_page: 1,
                ..query()
            },
        )
        .await
        .unwrap();
    assert_eq!(page.products.len(), 1);
    let collection = page.facets.iter().find_map(|f| match f {
        Facet::Collection { values } => Some(values),
        _ => None,
    });
    let values = collection.unwrap();
    let summary: Vec<(&str, &str, u32)> = values
        .iter()
        .map(|v| (v.value.as_str(), v.label.as_str(), v.count))
        .collect();
    assert_eq!(
        summary,
        [
            ("clothing", "Kleidung", 2),
            ("home", "Wohnen", 2),
            ("accessories", "Accessories", 2)
        ]
    );
    let options: Vec<(&str, Vec<(&str, u32)>)> = page
        .facets
        .iter()
        .filter_map(|f| match f {
            Facet::Option { name, values } => Some((
                name.as_str(),
                values.iter().map(|v| (v.value.as_str(), v.count)).collect(),
            )),
            _ => None,
        })
        .collect();
    // Featured order puts the scarf (Colour) before the shirt (Size).
    assert_eq!(
        options,
        [
            ("Colour", vec![("Grey", 1), ("Navy", 1)]),
            ("Size", vec![("S", 1), ("M", 1), ("L", 1)])
        ]
    );
    assert!(page.facets.contains(&Facet::PriceRange {
        min: money("12.50", "EUR"),
        max: money("49.90", "EUR")
    }));
    assert!(page.facets.contains(&Facet::InStock { count: 4 }));

    // Nothing found: no price range, zero in stock.
    let none = b
        .products(
            &de,
            &ProductQuery {
                text: "zzz".into(),
                ..query()
            },
        )
        .await
        .unwrap();
    assert_eq!(none.facets, [Facet::InStock { count: 0 }]);
}

#[tokio::test]
async fn products_by_handle_and_collections() {
    let b = backend();
    let de = market("de");
    let shirt = b.product(&de, "linen-shirt").await.unwrap();
    assert_eq!(shirt.title, "Leinenhemd");
    assert_eq!(
        shirt.description,
        "Ein leichtes Hemd aus gewaschenem Leinen."
    );
    assert_eq!(shirt.variants.len(), 3);
    let l = &shirt.variants[2];
    assert_eq!((l.available, l.stock), (false, Some(0)));
    assert_eq!(
        shirt.variants[0].price.compare_at,
        Some(money("59.90", "EUR"))
    );
    assert!(!shirt.variants[0].price.converted);
    assert_eq!(
        b.product(&de, "nope").await,
        Err(Error::not_found(Resource::Product, "nope"))
    );

    // The shopper's language comes with the market passed in.
    let mut english = de.clone();
    english.locale = "en-GB".into();
    assert_eq!(
        b.product(&english, "linen-shirt").await.unwrap().title,
        "Linen shirt"
    );

    let collections = b.collections(&de).await.unwrap();
    let titles: Vec<&str> = collections.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Kleidung", "Wohnen", "Accessories"]);
    assert_eq!(collections[1].description, "For the house.");
}

#[tokio::test]
async fn markets_are_the_configured_ones() {
    let b = backend();
    assert_eq!(b.markets().await.unwrap(), config().markets);
    let mut unknown = market("us");
    unknown.id = "mars".into();
    assert!(matches!(
        b.products(&unknown, &query()).await,
        Err(Error::NotSold {
            what: Unsold::Market,
            ..
        })
    ));
    assert!(matches!(
        b.create_cart(&unknown).await,
        Err(Error::NotSold { .. })
    ));
}

#[test]
fn refuses_catalogs_that_do_not_hold_together() {
    let storage = || Rc::new(MemoryStorage::new());
    let markets = config().markets;
    for broken in ["", "[]", "{\"rates\": 1}", &CATALOG[..CATALOG.len() / 2]] {
        let err = LocalBackend::from_json(broken, markets.clone(), storage()).unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{broken:.20}");
    }
    // Valid JSON, wrong catalog: a repeated variant id, an option value the product lacks, a
    // currency the rate table cannot reach, a bad date.
    let edits = [
        ("\"id\": \"shirt-m\"", "\"id\": \"shirt-s\""),
        ("\"options\": [\"Navy\"]", "\"options\": [\"Teal\"]"),
        ("\"CAD\": \"1.47\", ", ""),
        (
            "\"created_at\": \"2026-10-01\"",
            "\"created_at\": \"October\"",
        ),
        ("\"ends\": \"2020-08-31\"", "\"ends\": \"2020-02-30\""),
        ("\"rate\": \"0.081\"", "\"rate\": \"-0.081\""),
        ("\"amount\": \"12.50\"", "\"amount\": \"-12.50\""),
        ("\"percent\": \"10\"", "\"percent\": \"110\""),
    ];
    for (from, to) in edits {
        assert!(CATALOG.contains(from), "{from}");
        let text = CATALOG.replacen(from, to, 1);
        let err = LocalBackend::from_json(&text, markets.clone(), storage()).unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{to}: {err:?}");
    }
}
