//! The build end to end on small hand-computed cases and on synthetic orders: scores, support
//! and shrinkage, tie order, the content fill, the planted bundles, the evaluation, the files.

use dhow_recommend::RecommendError;
use dhow_recommend::build::{BuildOptions, Built, Holdout, build};
use dhow_recommend::generate::{Generator, GeneratorOptions, synthetic_catalog};
use dhow_recommend::orders::OrderRecord;
use dhow_recommend::products::ProductFeatures;
use dhow_recommend::source::{FileFormat, FileSource, VecSource};
use dhow_recommend::together::{CoOccurrence, Settings};
use dhow_sdk::recommend::{ProductRecommendations, RecommendationIndex, Source};

fn order(id: usize, products: &[&str]) -> OrderRecord {
    OrderRecord {
        id: id.to_string(),
        placed_at: id as i64,
        products: products.iter().map(|p| p.to_string()).collect(),
    }
}

fn no_eval(settings: Settings) -> BuildOptions {
    BuildOptions {
        settings,
        holdout: None,
        skip_bad: false,
    }
}

fn list<'a>(built: &'a Built, handle: &str) -> &'a ProductRecommendations {
    built
        .lists
        .iter()
        .find(|l| l.product == handle)
        .expect("a list per product")
}

fn entries(list: &[dhow_sdk::recommend::Recommended]) -> Vec<(&str, f64)> {
    list.iter().map(|r| (r.product.as_str(), r.score)).collect()
}

/// a+b three times, a alone, b+c twice, c+a (a twice in one order):
/// n_a = 5, n_b = 5, n_c = 3; c_ab = 3, c_bc = 2, c_ac = 1.
fn small() -> Vec<OrderRecord> {
    vec![
        order(1, &["a", "b"]),
        order(2, &["a", "b"]),
        order(3, &["b", "a"]),
        order(4, &["a"]),
        order(5, &["b", "c"]),
        order(6, &["b", "c"]),
        order(7, &["c", "a", "a"]),
    ]
}

#[test]
fn hand_computed_scores_with_min_support_and_shrinkage() {
    let built = build(
        &mut VecSource::new(small()),
        None,
        &no_eval(Settings::default()),
    )
    .unwrap();
    // By hand, λ = 5: ab = 3/sqrt(5·5) · 3/(3+5) = 0.6 · 0.375 = 0.225;
    // bc = 2/sqrt(5·3) · 2/(2+5) = 0.516397779… · 0.285714… = 0.147542222712663…;
    // ac has support 1 < 2: not listed.
    let a = entries(&list(&built, "a").bought_together);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].0, "b");
    assert!((a[0].1 - 0.225).abs() < 1e-15);
    let b = &list(&built, "b").bought_together;
    assert_eq!(b[0].product, "a");
    assert_eq!(b[1].product, "c");
    assert!((b[1].score - 0.147_542_222_712_663_5).abs() < 1e-15);
    assert_eq!(b[1].support, Some(2));
    assert_eq!(b[1].source, Source::Orders);
    assert_eq!(built.orders, 7);

    // Min support 1 lets ac in: 1/sqrt(15) · 1/6 = 0.043033148291193….
    let loose = Settings {
        min_support: 1,
        ..Settings::default()
    };
    let built = build(&mut VecSource::new(small()), None, &no_eval(loose)).unwrap();
    let a = &list(&built, "a").bought_together;
    assert_eq!(a[1].product, "c");
    assert!((a[1].score - 0.043_033_148_291_193_5).abs() < 1e-15);

    // No shrinkage: the plain cosine, ab = 3/5 = 0.6. Shrinkage lowers rare pairs more:
    // bc/ab is 0.6557 with λ = 5 against 0.8607 with λ = 0.
    let plain = Settings {
        shrinkage: 0.0,
        ..Settings::default()
    };
    let built = build(&mut VecSource::new(small()), None, &no_eval(plain)).unwrap();
    let a = entries(&list(&built, "a").bought_together);
    assert!(a[0].0 == "b" && (a[0].1 - 0.6).abs() < 1e-15);
}

#[test]
fn ties_are_broken_by_handle_and_input_order_does_not_matter() {
    let orders = vec![
        order(1, &["x", "zed"]),
        order(2, &["x", "yak"]),
        order(3, &["x", "zed"]),
        order(4, &["x", "yak"]),
        order(5, &["x", "ant"]),
        order(6, &["ant", "x"]),
    ];
    let mut reversed = orders.clone();
    reversed.reverse();
    let one = build(
        &mut VecSource::new(orders),
        None,
        &no_eval(Settings::default()),
    )
    .unwrap();
    let two = build(
        &mut VecSource::new(reversed),
        None,
        &no_eval(Settings::default()),
    )
    .unwrap();
    let x: Vec<&str> = list(&one, "x")
        .bought_together
        .iter()
        .map(|r| r.product.as_str())
        .collect();
    assert_eq!(x, ["ant", "yak", "zed"]);
    assert_eq!(one.lists, two.lists);
}

#[test]
fn big_orders_count_for_popularity_but_add_no_pairs() {
    let many: Vec<String> = (0..51).map(|i| format!("p{i}")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    let mut counts = CoOccurrence::new();
    let settings = Settings::default();
    counts.add_order(&(0..51).collect::<Vec<u32>>(), &settings);
    counts.add_order(&[0, 1, 1], &settings);
    assert_eq!(
        (counts.bought(0), counts.bought(1), counts.bought(50)),
        (2, 2, 1)
    );
    assert_eq!(counts.together(1, 0), 1);
    assert_eq!(counts.capped_orders(), 1);
    let orders = vec![order(1, &many), order(2, &many), order(3, &["p0", "p1"])];
    let built = build(&mut VecSource::new(orders), None, &no_eval(settings)).unwrap();
    assert!(list(&built, "p0").bought_together.is_empty());
}

fn features(handle: &str, collection: &str, tags: &[&str]) -> ProductFeatures {
    ProductFeatures {
        handle: handle.into(),
        collections: vec![collection.into()],
        tags: tags.iter().map(|t| t.to_string()).collect(),
        options: vec![],
        cheapest: Some(2_000),
        has_variant: true,
    }
}

#[test]
fn short_lists_are_filled_with_similar_products_and_every_product_has_a_list() {
    let catalog = vec![
        features("jacket", "outerwear", &["winter"]),
        features("parka", "outerwear", &["winter"]),
        features("beanie", "accessories", &["winter"]),
        features("mug", "home", &["coffee"]),
    ];
    let orders = vec![
        order(1, &["jacket", "beanie"]),
        order(2, &["jacket", "beanie"]),
        order(3, &["jacket", "unknown-product"]),
    ];
    let built = build(
        &mut VecSource::new(orders),
        Some(&catalog),
        &no_eval(Settings::default()),
    )
    .unwrap();
    let jacket = &list(&built, "jacket").bought_together;
    let sources: Vec<(&str, Source)> = jacket
        .iter()
        .map(|r| (r.product.as_str(), r.source))
        .collect();
    // Beanie from orders, then parka by content (beanie is not listed twice).
    assert_eq!(
        sources,
        [("beanie", Source::Orders), ("parka", Source::Content)]
    );
    assert_eq!(jacket[1].support, None);
    assert_eq!(built.lists.len(), 4);
    assert!(list(&built, "mug").bought_together.is_empty());
    assert_eq!(built.unknown.0, 1);
}

fn synthetic(products: usize, orders: u64) -> (Vec<ProductFeatures>, Generator) {
    let catalog = synthetic_catalog(products, 11);
    let options = GeneratorOptions {
        orders,
        seed: 11,
        ..GeneratorOptions::default()
    };
    let generator = Generator::new(&catalog, options).unwrap();
    (catalog, generator)
}

#[test]
fn planted_bundles_are_recovered_and_beat_the_popularity_baseline() {
    let (catalog, mut generator) = synthetic(300, 30_000);
    let planted = generator.planted_bundles();
    assert!(planted.len() >= 30, "{}", planted.len());
    let built = build(&mut generator, Some(&catalog), &BuildOptions::default()).unwrap();
    for bundle in &planted {
        for member in bundle {
            let top: Vec<&str> = list(&built, member)
                .bought_together
                .iter()
                .take(3)
                .map(|r| r.product.as_str())
                .collect();
            for other in bundle.iter().filter(|o| *o != member) {
                assert!(
                    top.contains(&other.as_str()),
                    "{member}: {other} not in {top:?}"
                );
            }
        }
    }
    let evaluation = built.evaluation.expect("evaluated");
    assert_eq!(
        evaluation.training_orders + evaluation.held_out_orders,
        30_000
    );
    assert_eq!(evaluation.held_out_orders, 6_000);
    assert!(
        evaluation.model.precision > evaluation.baseline.precision,
        "{evaluation:?}"
    );
    assert!(
        evaluation.model.recall > evaluation.baseline.recall,
        "{evaluation:?}"
    );
}

#[test]
fn the_generator_is_deterministic() {
    let (_, one) = synthetic(50, 500);
    let (_, two) = synthetic(50, 500);
    assert!(one.orders().eq(two.orders()));
    assert_eq!(one.planted_bundles(), two.planted_bundles());
    let times: Vec<i64> = one.orders().map(|o| o.placed_at).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn a_cutoff_time_holds_out_the_later_orders() {
    let options = BuildOptions {
        holdout: Some(Holdout::After(4)),
        ..BuildOptions::default()
    };
    let built = build(&mut VecSource::new(small()), None, &options).unwrap();
    let e = built.evaluation.clone().unwrap();
    assert_eq!((e.training_orders, e.held_out_orders), (4, 3));
    // Published lists come from all orders.
    assert_eq!(built.orders, 7);
    assert_eq!(list(&built, "b").bought_together.len(), 2);
}

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dhow-recommend-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn bad_lines_stop_the_build_or_are_skipped_and_counted() {
    let dir = temp("bad-lines");
    let path = dir.join("orders.jsonl");
    std::fs::write(
        &path,
        "{\"id\":\"1\",\"placed_at\":1,\"lines\":[{\"product\":\"a\"},{\"product\":\"b\"}]}\n\
         {\"id\":\"2\",\"placed_at\":2,\"lines\":[{\"product\":\"a/../b\"}]}\n\
         {\"id\":\"3\",\"placed_at\":3,\"lines\":[{\"product\":\"a\"},{\"product\":\"b\"}]}\n",
    )
    .unwrap();
    let mut source = FileSource::new(&path, FileFormat::JsonLines);
    match build(&mut source, None, &BuildOptions::default()) {
        Err(RecommendError::BadLine {
            line: 2, message, ..
        }) => {
            assert!(message.contains("not URL-safe"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let skipping = BuildOptions {
        skip_bad: true,
        ..BuildOptions::default()
    };
    let built = build(&mut source, None, &skipping).unwrap();
    assert_eq!(built.skipped.0, 1);
    assert_eq!(built.orders, 2);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn files_round_trip_and_stale_ones_are_removed() {
    let dir = temp("files");
    let products = dir.join("recommendations/v1/products");
    std::fs::create_dir_all(&products).unwrap();
    std::fs::write(products.join("gone.json"), "{}").unwrap();
    std::fs::write(products.join("notes.txt"), "kept").unwrap();
    let built = build(
        &mut VecSource::new(small()),
        None,
        &no_eval(Settings::default()),
    )
    .unwrap();
    let published =
        dhow_recommend::publish::write_site(&dir, &built, "2026-12-01T00:00:00Z", "test").unwrap();
    assert_eq!((published.written, published.removed), (3, 1));
    assert!(!products.join("gone.json").exists() && products.join("notes.txt").exists());
    let text = std::fs::read_to_string(products.join("b.json")).unwrap();
    assert!(!text.contains('\n') && text.len() < 400, "{text}");
    let b: ProductRecommendations = serde_json::from_str(&text).unwrap();
    // Rounded to 4 decimals in the file.
    assert_eq!(entries(&b.bought_together), [("a", 0.225), ("c", 0.1475)]);
    let index: RecommendationIndex = serde_json::from_str(
        &std::fs::read_to_string(dir.join("recommendations/v1/index.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(index.products, ["a", "b", "c"]);
    assert_eq!(
        (index.orders, index.built_at.as_str()),
        (7, "2026-12-01T00:00:00Z")
    );
    let pairs = dir.join("pairs.csv");
    dhow_recommend::publish::write_pairs(&pairs, &built, &Settings::default()).unwrap();
    let text = std::fs::read_to_string(&pairs).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0], ["a", "b", "c_ab", "n_a", "n_b", "score"]);
    assert_eq!(rows[1][..5], ["a", "b", "3", "5", "5"]);
    assert_eq!(rows[2][..5], ["b", "c", "2", "5", "3"]);
    // Full precision: the shortest text that reads back as the same f64.
    assert!((rows[1][5].parse::<f64>().unwrap() - 0.225).abs() < 1e-15);
    assert!((rows[2][5].parse::<f64>().unwrap() - 0.147_542_222_712_663_5).abs() < 1e-15);
    let _ = std::fs::remove_dir_all(dir);
}

mod properties {
    use proptest::prelude::*;

    use dhow_recommend::together::{CoOccurrence, Settings, score};

    proptest! {
        #[test]
        fn scores_are_symmetric_and_between_0_and_1(
            orders in prop::collection::vec(prop::collection::vec(0u32..12, 0..6), 1..60),
            shrinkage in 0.0f64..20.0,
        ) {
            let settings = Settings { min_support: 1, shrinkage, ..Settings::default() };
            let mut counts = CoOccurrence::new();
            for order in &orders {
                counts.add_order(order, &settings);
            }
            for pair in counts.scored_pairs(&settings) {
                prop_assert!(pair.a < pair.b);
                prop_assert!((0.0..=1.0).contains(&pair.score));
                prop_assert_eq!(counts.together(pair.a, pair.b), counts.together(pair.b, pair.a));
                let (na, nb) = (counts.bought(pair.a), counts.bought(pair.b));
                prop_assert!(pair.together <= na.min(nb));
                prop_assert_eq!(score(pair.together, na, nb, shrinkage), score(pair.together, nb, na, shrinkage));
            }
        }
    }
}
