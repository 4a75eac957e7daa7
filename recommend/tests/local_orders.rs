//! Orders placed on the SDK's real `local` engine, exported as a browser would
//! (`JSON.stringify(localStorage)`), read back by the builder's `--local-orders` source.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::rc::Rc;

use dhow_recommend::RecommendError;
use dhow_recommend::build::{BuildOptions, build};
use dhow_recommend::orders::OrderRecord;
use dhow_recommend::source::OrderSource;
use dhow_recommend::source::local::LocalOrdersSource;
use dhow_recommend::time::parse_rfc3339;
use dhow_sdk::address::Address;
use dhow_sdk::local::{Clock, LocalBackend, MemoryStorage, Storage};
use dhow_sdk::model::{CardDetails, Order, PaymentInput, ProductQuery};
use dhow_sdk::{Backend, Market, StoreConfig};

const CATALOG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/catalog.json");
const CONFIG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/dhow.json");

/// The demo store's local engine over `storage`, in its `us` market.
fn demo(storage: Rc<MemoryStorage>) -> (LocalBackend, Market) {
    let config = StoreConfig::from_json(&std::fs::read_to_string(CONFIG).unwrap()).unwrap();
    let market = config
        .market("us")
        .or_else(|| config.default_market().ok())
        .cloned()
        .unwrap();
    let backend = LocalBackend::from_json(
        &std::fs::read_to_string(CATALOG).unwrap(),
        config.markets.clone(),
        storage,
    )
    .unwrap()
    .with_clock(Clock::fixed_at("2026-03-01T10:00:00Z").unwrap());
    (backend, market)
}

/// A whole checkout of one unit of each of the first `products` in-stock products (as
/// sdk/examples/checkout.rs does it).
async fn place(backend: &LocalBackend, market: &Market, products: std::ops::Range<usize>) -> Order {
    let page = backend
        .products(market, &ProductQuery::default())
        .await
        .unwrap();
    let variants: Vec<_> = page
        .products
        .iter()
        .filter_map(|p| p.variants.iter().find(|v| v.available))
        .map(|v| v.id.clone())
        .collect();
    let cart = backend.create_cart(market).await.unwrap();
    for variant in &variants[products] {
        backend.add_line(&cart.id, variant, 1).await.unwrap();
    }
    backend
        .set_email(&cart.id, "sam.rivera@example.com")
        .await
        .unwrap();
    let mut address = Address::new(
        "Sam",
        "Rivera",
        "1 Market St",
        "San Francisco",
        market.country,
    );
    address.region = Some("CA".into());
    address.postal_code = Some("94105".into());
    backend
        .set_shipping_address(&cart.id, &address)
        .await
        .unwrap();
    let option = backend.shipping_options(&cart.id).await.unwrap().remove(0);
    backend
        .set_shipping_option(&cart.id, &option.id)
        .await
        .unwrap();
    let method = backend
        .payment_methods(&cart.id)
        .await
        .unwrap()
        .remove(0)
        .id;
    let card = CardDetails {
        number: "4242 4242 4242 4242".into(),
        expiry: "12/34".into(),
        cvc: "123".into(),
    };
    backend
        .pay(
            &cart.id,
            &PaymentInput {
                method,
                card: Some(card),
            },
        )
        .await
        .unwrap();
    backend.complete(&cart.id).await.unwrap()
}

/// What `copy(JSON.stringify(localStorage))` gives for `storage`, saved as a file.
fn export(storage: &MemoryStorage, name: &str) -> PathBuf {
    let entries: BTreeMap<String, String> = storage
        .keys()
        .into_iter()
        .map(|key| {
            let value = storage.get(&key).unwrap().unwrap();
            (key, value)
        })
        .collect();
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("local-orders-{}-{name}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_string(&entries).unwrap()).unwrap();
    path
}

fn read_all(path: &PathBuf) -> Vec<Result<OrderRecord, RecommendError>> {
    let mut source = LocalOrdersSource::new(path);
    source.open().unwrap().collect()
}

fn record(order: &Order) -> OrderRecord {
    OrderRecord {
        id: order.number.clone(),
        placed_at: parse_rfc3339(&order.placed_at).unwrap(),
        products: order.lines.iter().map(|l| l.handle.clone()).collect(),
    }
}

#[tokio::test(flavor = "current_thread")]
async fn orders_placed_on_the_local_engine_read_back() {
    let storage = Rc::new(MemoryStorage::new());
    let (backend, market) = demo(storage.clone());
    let first = place(&backend, &market, 0..2).await;
    let second = place(&backend, &market, 1..4).await;
    assert_eq!(first.lines.len(), 2);
    assert_eq!(second.lines.len(), 3);
    // The engine keeps more than orders: carts, the order sequence, units sold.
    let keys = storage.keys();
    assert!(
        keys.iter().any(|k| k.starts_with("dhow.local.cart.")),
        "{keys:?}"
    );
    assert!(keys.iter().any(|k| k == "dhow.local.order_seq"), "{keys:?}");

    let path = export(&storage, "placed");
    let orders: Vec<OrderRecord> = read_all(&path).into_iter().map(|o| o.unwrap()).collect();
    assert_eq!(orders, [record(&first), record(&second)]);
    assert_eq!(
        orders[0].placed_at,
        parse_rfc3339("2026-03-01T10:00:00Z").unwrap()
    );

    // Every pass reads the same orders, and the build takes them.
    let mut source = LocalOrdersSource::new(&path);
    let options = BuildOptions {
        holdout: None,
        ..BuildOptions::default()
    };
    let built = build(&mut source, None, &options).unwrap();
    assert_eq!(built.orders, 2);
    std::fs::remove_file(&path).unwrap();
}

#[tokio::test(flavor = "current_thread")]
async fn cancelled_and_broken_records_of_the_engine() {
    let storage = Rc::new(MemoryStorage::new());
    let (backend, market) = demo(storage.clone());
    let kept = place(&backend, &market, 0..2).await;
    let cancelled = place(&backend, &market, 2..3).await;
    // The engine cannot cancel; its record is edited as a backend's admin would.
    let key = format!("dhow.local.order.{}", cancelled.number);
    let mut value: serde_json::Value =
        serde_json::from_str(&storage.get(&key).unwrap().unwrap()).unwrap();
    assert_eq!(value["version"], 1, "the engine's record shape: {value}");
    value["data"]["status"] = "cancelled".into();
    storage.set(&key, &value.to_string()).unwrap();
    // An order record from before versions: the bare order.
    let bare = Order {
        number: "DHW-00042".into(),
        ..kept.clone()
    };
    storage
        .set(
            "dhow.local.order.DHW-00042",
            &serde_json::to_string(&bare).unwrap(),
        )
        .unwrap();
    storage
        .set("dhow.local.order.DHW-99999", "{\"version\":1,\"data\":")
        .unwrap();

    let path = export(&storage, "broken");
    let orders = read_all(&path);
    assert_eq!(orders.len(), 3, "{orders:?}");
    // Keys in the export's order: DHW-00042, DHW-10001, (DHW-10002 cancelled), DHW-99999.
    assert_eq!(orders[0].as_ref().unwrap(), &record(&bare));
    assert_eq!(orders[1].as_ref().unwrap(), &record(&kept));
    let Err(error) = &orders[2] else {
        panic!("{orders:?}");
    };
    assert!(error.is_bad_line());
    assert!(
        error.to_string().contains("\"dhow.local.order.DHW-99999\""),
        "{error}"
    );

    // The build stops at it, naming the key; `--skip-bad` counts it and goes on.
    let mut source = LocalOrdersSource::new(&path);
    let mut options = BuildOptions {
        holdout: None,
        ..BuildOptions::default()
    };
    let Err(stopped) = build(&mut source, None, &options) else {
        panic!("a broken record stops the build");
    };
    assert!(stopped.to_string().contains("DHW-99999"), "{stopped}");
    options.skip_bad = true;
    let built = build(&mut source, None, &options).unwrap();
    assert_eq!(built.orders, 2);
    assert_eq!(built.skipped.0, 1);
    assert!(
        built
            .skipped
            .1
            .as_deref()
            .unwrap_or("")
            .contains("DHW-99999"),
        "{:?}",
        built.skipped
    );
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn the_command_takes_local_orders_and_refuses_two_sources() {
    let storage = Rc::new(MemoryStorage::new());
    let (backend, market) = demo(storage.clone());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(place(&backend, &market, 0..2));
    let path = export(&storage, "command");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_dhow-recommend"))
            .arg("build")
            .args(args)
            .output()
            .unwrap()
    };
    let file = path.to_str().unwrap();
    let ok = run(&["--local-orders", file, "--no-eval"]);
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(
        ok.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(stdout.contains("orders read: 1;"), "{stdout}");
    let both = run(&["--local-orders", file, "--orders", file, "--no-eval"]);
    assert!(!both.status.success());
    assert!(
        String::from_utf8_lossy(&both.stderr).contains("give one of"),
        "{}",
        String::from_utf8_lossy(&both.stderr)
    );
    std::fs::remove_file(&path).unwrap();
}
