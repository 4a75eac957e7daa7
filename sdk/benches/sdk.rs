//! Benchmarks of the SDK's hot paths, printed as median figures: a 1,000-line cart's totals in
//! the local engine, 10,000 currency conversions with a rounding rule, 10,000 address checks,
//! product search with filters and facets over 1,000 products.
//!
//! A plain binary rather than a benchmark framework: a few measurements need only a clock and a
//! median. Run with `cargo bench -p dhow-sdk`; `cargo bench -p dhow-sdk -- search` runs the
//! measurements whose name holds `search` only.

use std::collections::BTreeMap;
use std::future::Future;
use std::hint::black_box;
use std::rc::Rc;
use std::time::{Duration, Instant};

use dhow_sdk::address::{Address, CountryCode, validate};
use dhow_sdk::local::data::{
    CatalogCollection, CatalogFile, CatalogProduct, CatalogVariant, DutyRule, ShippingRule, TaxRule,
};
use dhow_sdk::local::{Clock, LocalBackend, MemoryStorage};
use dhow_sdk::model::{ProductOption, ProductQuery, ProductSort};
use dhow_sdk::money::{RateTable, RoundingRule};
use dhow_sdk::{Backend, Currency, Decimal, DutyTerms, Market, Money, TaxDisplay};

/// Samples per measurement; the median is printed.
const SAMPLES: usize = 31;

/// Runs a future of the local engine, which never waits on anything, to completion.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
    }
}

/// Median wall time of `SAMPLES` runs of `run`, after one warm-up run.
fn median(mut run: impl FnMut()) -> Duration {
    run();
    let mut times: Vec<Duration> = (0..SAMPLES)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[SAMPLES / 2]
}

fn report(what: &str, per: &str, count: u32, time: Duration) {
    let each = time / count;
    println!(
        "{what:<58} median {:>10.3} ms per {per:<10} {:>9.1} ns each",
        time.as_secs_f64() * 1e3,
        each.as_nanos() as f64
    );
}

fn money(text: &str, currency: Currency) -> Money {
    Money::parse(text, currency).expect("amount")
}

fn cc(code: &str) -> CountryCode {
    CountryCode::parse(code).expect("country")
}

/// A catalog of 1,000 single-variant products priced in EUR only, so every line of a Swiss cart
/// is converted with cash rounding, taxed inclusive, and counted for duties.
fn big_catalog() -> CatalogFile {
    let products = (0..1000)
        .map(|i| CatalogProduct {
            handle: format!("product-{i}"),
            title: format!("Product {i}"),
            description: "Bench product.".into(),
            collections: Vec::new(),
            tags: Vec::new(),
            images: Vec::new(),
            options: Vec::new(),
            created_at: "2026-01-01".into(),
            featured: false,
            translations: BTreeMap::new(),
            variants: vec![CatalogVariant {
                id: format!("v{i}"),
                sku: format!("SKU-{i}"),
                options: Vec::new(),
                prices: vec![Money::from_minor(500 + (i * 37) % 20_000, Currency::EUR)],
                compare_at: Vec::new(),
                stock: 1_000,
            }],
        })
        .collect();
    CatalogFile {
        rates: RateTable {
            base: Currency::EUR,
            rates: BTreeMap::from([(
                Currency::from_code("CHF").expect("CHF"),
                "0.9412".parse().expect("rate"),
            )]),
        },
        taxes: vec![TaxRule {
            country: cc("CH"),
            name: "MWST".into(),
            rate: "0.081".parse().expect("rate"),
            regions: BTreeMap::new(),
            shipping_taxable: true,
        }],
        duties: vec![DutyRule {
            country: cc("CH"),
            rate: "0.04".parse().expect("rate"),
            de_minimis: vec![money("50.00", Currency::EUR)],
        }],
        ships_from: cc("DE"),
        customs_union: Vec::new(),
        shipping: vec![ShippingRule {
            id: "standard".into(),
            name: "Standard".into(),
            countries: vec![cc("CH")],
            rates: vec![money("9.90", Currency::EUR)],
            free_over: Vec::new(),
            min_days: 3,
            max_days: 5,
        }],
        promotions: Vec::new(),
        collections: Vec::new(),
        products,
    }
}

fn bench_cart_totals() {
    let chf = Currency::from_code("CHF").expect("CHF");
    let market = Market {
        id: "ch".into(),
        country: cc("CH"),
        locale: "de-CH".into(),
        languages: Vec::new(),
        currency: chf,
        tax_display: TaxDisplay::Inclusive,
        duty_terms: DutyTerms::DueOnDelivery,
        rounding: RoundingRule::Cash { increment: 5 },
    };
    let backend = LocalBackend::new(
        big_catalog(),
        vec![market.clone()],
        Rc::new(MemoryStorage::new()),
    )
    .with_clock(Clock::fixed(1_795_600_000));
    let cart = block_on(backend.create_cart(&market)).expect("cart");
    for i in 0..1000 {
        block_on(backend.add_line(&cart.id, &format!("v{i}").as_str().into(), 1 + (i % 3)))
            .expect("line");
    }
    let full = block_on(backend.cart(&cart.id)).expect("cart");
    assert_eq!(full.lines.len(), 1000);
    assert_eq!(
        full.totals.total.amount,
        full.totals.expected_total().expect("invariant")
    );
    let time = median(|| {
        black_box(block_on(backend.cart(black_box(&cart.id))).expect("cart"));
    });
    report(
        "cart read + totals, 1,000 lines (storage + pricing)",
        "cart",
        1,
        time,
    );
    let line = full.lines[500].id.clone();
    let mut quantity = 1;
    let time = median(|| {
        quantity = quantity % 3 + 1;
        black_box(block_on(backend.update_line(&cart.id, &line, quantity)).expect("update"));
    });
    report(
        "update a line of a 1,000-line cart (read, price, write)",
        "update",
        1,
        time,
    );
}

fn bench_conversion() {
    let chf = Currency::from_code("CHF").expect("CHF");
    let table = RateTable {
        base: Currency::EUR,
        rates: BTreeMap::from([
            (Currency::USD, "1.0834".parse::<Decimal>().expect("rate")),
            (chf, "0.9412".parse::<Decimal>().expect("rate")),
            (Currency::JPY, "162.35".parse::<Decimal>().expect("rate")),
        ]),
    };
    let prices: Vec<Money> = (0..10_000)
        .map(|i| Money::from_minor(99 + i * 113, Currency::USD))
        .collect();
    let rules = [
        ("nearest", chf, RoundingRule::Nearest),
        ("cash 0.05", chf, RoundingRule::Cash { increment: 5 }),
        (
            "up to ¥100",
            Currency::JPY,
            RoundingRule::Up { increment: 100 },
        ),
    ];
    for (name, to, rule) in rules {
        let time = median(|| {
            for &price in &prices {
                black_box(table.convert(black_box(price), to, rule).expect("convert"));
            }
        });
        report(
            &format!("convert 10,000 prices USD → {to} ({name})"),
            "10,000",
            10_000,
            time,
        );
    }
}

fn bench_addresses() {
    let a = |country: &str, line1: &str, city: &str, region: Option<&str>, postal: Option<&str>| {
        let mut address =
            Address::new("Sam", "Rivera", line1, city, cc(country)).with_phone("+1 555 0100");
        address.region = region.map(Into::into);
        address.postal_code = postal.map(Into::into);
        address
    };
    let samples = [
        a(
            "US",
            "1 Market St",
            "San Francisco",
            Some("California"),
            Some("94105"),
        ),
        a("DE", "Unter den Linden 1", "Berlin", None, Some("10117")),
        a(
            "JP",
            "1-1 Chiyoda",
            "Chiyoda-ku",
            Some("13"),
            Some("１００－８１１１"),
        ),
        a("GB", "10 Downing Street", "London", None, Some("sw1a 2aa")),
        a(
            "CA",
            "100 Queen St W",
            "Toronto",
            Some("ON"),
            Some("M5H2N2"),
        ),
        a("AE", "Sheikh Zayed Road 1", "", Some("DU"), None),
        a(
            "BR",
            "Av. Paulista 1000",
            "São Paulo",
            Some("SP"),
            Some("01310-100"),
        ),
        // Invalid ones: every field error is collected.
        a("US", "", "", Some("Narnia"), Some("9410")),
        a("CA", "1 Rue", "Montréal", Some("XX"), Some("123")),
        a("ZZ", "Somewhere 1", "Nowhere", None, None),
    ];
    let addresses: Vec<&Address> = samples.iter().cycle().take(10_000).collect();
    let valid = addresses.iter().filter(|a| validate(a).is_ok()).count();
    assert_eq!(valid, 8_000);
    let time = median(|| {
        for address in &addresses {
            black_box(validate(black_box(address)).is_ok());
        }
    });
    report(
        "validate 10,000 addresses (8 countries, 20% invalid)",
        "10,000",
        10_000,
        time,
    );
}

/// 1,000 products of 12 variants (3 sizes × 4 colours) in 5 collections, priced in EUR, some
/// variants sold out: enough for option, price and stock filters and every facet to have work.
fn search_catalog() -> CatalogFile {
    let sizes = ["S", "M", "L"];
    let colours = ["Navy", "Sand", "Olive", "Black"];
    let mut catalog = big_catalog();
    catalog.collections = (0..5)
        .map(|c| CatalogCollection {
            handle: format!("collection-{c}"),
            title: format!("Collection {c}"),
            description: String::new(),
            image: None,
            translations: BTreeMap::new(),
        })
        .collect();
    for (i, product) in catalog.products.iter_mut().enumerate() {
        product.collections = vec![format!("collection-{}", i % 5)];
        product.options = vec![
            ProductOption {
                name: "Size".into(),
                values: sizes.iter().map(|s| (*s).into()).collect(),
            },
            ProductOption {
                name: "Colour".into(),
                values: colours.iter().map(|c| (*c).into()).collect(),
            },
        ];
        let base = 500 + (i as i64 * 37) % 20_000;
        product.variants = (0..12)
            .map(|v| CatalogVariant {
                id: format!("v{i}-{v}"),
                sku: format!("SKU-{i}-{v}"),
                options: vec![sizes[v / 4].into(), colours[v % 4].into()],
                prices: vec![Money::from_minor(base + (v as i64) * 100, Currency::EUR)],
                compare_at: Vec::new(),
                stock: if (i + v) % 7 == 0 { 0 } else { 50 },
            })
            .collect();
    }
    catalog
}

fn bench_search() {
    let market = Market {
        id: "de".into(),
        country: cc("DE"),
        locale: "de-DE".into(),
        languages: Vec::new(),
        currency: Currency::EUR,
        tax_display: TaxDisplay::Inclusive,
        duty_terms: DutyTerms::PaidAtCheckout,
        rounding: RoundingRule::Nearest,
    };
    let backend = LocalBackend::new(
        search_catalog(),
        vec![market.clone()],
        Rc::new(MemoryStorage::new()),
    );
    let everything = ProductQuery::default();
    let filtered = ProductQuery {
        options: vec![
            ("size".into(), "M".into()),
            ("size".into(), "L".into()),
            ("colour".into(), "navy".into()),
        ],
        min_price: Some(money("20.00", Currency::EUR)),
        max_price: Some(money("150.00", Currency::EUR)),
        in_stock: true,
        sort: ProductSort::PriceAsc,
        ..ProductQuery::default()
    };
    for (name, query) in [
        ("no filter", &everything),
        ("options + price + stock", &filtered),
    ] {
        let page = block_on(backend.products(&market, query)).expect("search");
        assert!(page.total > 0 && !page.facets.is_empty());
        let time = median(|| {
            black_box(block_on(backend.products(&market, black_box(query))).expect("search"));
        });
        report(
            &format!("search 1,000 products × 12 variants ({name})"),
            "search",
            1,
            time,
        );
    }
}

fn main() {
    // `cargo test --benches` runs bench binaries with `--bench` absent: keep that quick.
    if !std::env::args().any(|a| a == "--bench") {
        println!("run with `cargo bench -p dhow-sdk` for figures");
        return;
    }
    // Other arguments name the measurements to run, as a benchmark harness's filter does.
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let wanted =
        |name: &str| filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()));
    println!("dhow-sdk benchmarks: median of {SAMPLES} samples");
    let benches: [(&str, fn()); 4] = [
        ("cart_totals", bench_cart_totals),
        ("conversion", bench_conversion),
        ("addresses", bench_addresses),
        ("search", bench_search),
    ];
    for (name, bench) in benches {
        if wanted(name) {
            bench();
        }
    }
}
