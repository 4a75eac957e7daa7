//! Fuzzing the Medusa adapter: saved Store API answers (`tests/fixtures/medusa/`), mutated by
//! the harness in `fuzz/`, go through the adapter's own decoding and mapping for their kind of
//! answer. Every case must end in a value or a typed error, never a panic; a cart the adapter
//! accepts must add up. `DHOW_FUZZ_CASES` sets the number of cases (10,000 by default).

mod fuzz;

use dhow_sdk::Error;
use dhow_sdk::Market;
use dhow_sdk::StoreConfig;
use dhow_sdk::medusa::fuzzing::{Answer, Read, Reader};
use dhow_sdk::model::Cart;
use serde_json::{Value, json};

use fuzz::{Input, Verdict};

const CONFIG: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/dhow.json"));

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/medusa/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}

/// A saved answer, the kind of answer it is, and the market it is read in.
struct Seed {
    name: &'static str,
    document: Value,
    answer: Answer,
    market: &'static str,
}

fn seeds() -> Vec<Seed> {
    let seed = |name: &'static str, answer: Answer, market: &'static str| Seed {
        name,
        document: fixture(name),
        answer,
        market,
    };
    // The by-handle lookup reads a listing; the saved products by id become one-product lists.
    let listing = |name: &'static str, product: Value, market: &'static str| Seed {
        name,
        document: json!({ "products": [product], "count": 1, "offset": 0, "limit": 50 }),
        answer: Answer::Product {
            handle: "enamel-camp-mug".to_owned(),
        },
        market,
    };
    let product = fixture("product.json")["product"].clone();
    let product_usd = fixture("product_usd.json");
    // Answers no fixture holds, built from the saved product: a collection (the demo store's
    // products are in none) and a variant's stock.
    let collections = json!({ "collections": [{
        "id": "pcol_01",
        "handle": product["handle"].clone(),
        "title": product["title"].clone(),
    }] });
    let variant = &product["variants"][0];
    let variants = json!({ "variants": [{
        "id": variant["id"].clone(),
        "inventory_quantity": variant["inventory_quantity"].clone(),
        "manage_inventory": variant["manage_inventory"].clone(),
        "allow_backorder": variant["allow_backorder"].clone(),
    }] });
    let variant_id = variant["id"].as_str().unwrap_or_default().to_owned();
    let mut seeds = vec![
        seed("regions.json", Answer::Regions, "de"),
        seed("products.json", Answer::Products, "de"),
        listing("product.json", product.clone(), "de"),
        listing("product_usd.json", product_usd.clone(), "us"),
        Seed {
            name: "product.json (as a listing)",
            document: json!({ "products": [product], "count": 1 }),
            answer: Answer::Products,
            market: "de",
        },
        Seed {
            name: "product.json (collection)",
            document: collections,
            answer: Answer::Collections,
            market: "us",
        },
        Seed {
            name: "product.json (variant stock)",
            document: variants,
            answer: Answer::Variants {
                variant: variant_id,
            },
            market: "de",
        },
        seed("cart.json", Answer::Cart, "de"),
        seed("cart_jpy.json", Answer::Cart, "jp"),
        seed("cart_ready.json", Answer::Cart, "de"),
        seed("cart_usd_ny.json", Answer::Cart, "us"),
        seed("cart_with_promotion.json", Answer::Cart, "de"),
        seed("complete.json", Answer::Completion, "de"),
        seed("complete_again.json", Answer::Completion, "de"),
        seed(
            "malformed/completion_with_error.json",
            Answer::Completion,
            "de",
        ),
        seed("order.json", Answer::Order, "de"),
        seed("payment_collection.json", Answer::PaymentCollection, "de"),
        seed("shipping_options.json", Answer::ShippingOptions, "de"),
        seed(
            "error_out_of_stock.json",
            Answer::Refusal { status: 400 },
            "de",
        ),
        seed(
            "error_unknown_promotion.json",
            Answer::Refusal { status: 400 },
            "de",
        ),
        seed("malformed/not_json.json", Answer::Cart, "de"),
        seed(
            "malformed/cart_amounts_with_exponents.json",
            Answer::Cart,
            "de",
        ),
        seed("malformed/cart_null_lists.json", Answer::Cart, "de"),
        seed(
            "malformed/order_without_display_id.json",
            Answer::Order,
            "de",
        ),
    ];
    // The order inside a completion is an order answer too.
    let complete = fixture("complete.json");
    seeds.push(Seed {
        name: "complete.json (order)",
        document: json!({ "order": complete["order"].clone() }),
        answer: Answer::Order,
        market: "de",
    });
    seeds
}

/// The sums every cart the adapter accepts must keep (the SDK's own check).
fn adds_up(cart: &Cart) -> Result<(), String> {
    cart.check().map_err(|e| e.to_string())
}

#[test]
fn mutated_medusa_answers_never_panic() {
    let config = StoreConfig::from_json(CONFIG).expect("public/dhow.json");
    let reader = Reader::new(config.markets.clone(), &fixture("regions.json").to_string())
        .expect("the saved regions read");
    let seeds = seeds();
    let market = |id: &str| -> Market { config.market(id).cloned().expect("a configured market") };
    let mut unread = Vec::new();
    // Every saved answer that reads as it is must still read: the mutations start from
    // answers the adapter understands.
    for seed in &seeds {
        let text = match &seed.document {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        let got = reader.read(&seed.answer, &market(seed.market), &text);
        let expect_ok = !seed.name.starts_with("malformed/not_json")
            && !seed.name.starts_with("error_")
            && !seed.name.contains("without_display_id")
            && !seed.name.contains("completion_with_error");
        if got.is_ok() != expect_ok {
            unread.push(format!("{}: {got:?}", seed.name));
        }
    }
    assert!(unread.is_empty(), "saved answers read wrongly: {unread:#?}");
    fuzz::run(
        "medusa",
        |rng| {
            let seed = rng.pick(&seeds);
            let input = fuzz::mutate(rng, seed.name, &seed.document);
            (input, seed)
        },
        |input: &Input, seed: &&Seed| {
            // The transport hands the mapping the body as text, invalid UTF-8 replaced.
            let text = input.text();
            match reader.read(&seed.answer, &market(seed.market), &text) {
                Ok(Read::Cart(cart)) => match adds_up(&cart) {
                    Ok(()) => Verdict::Read,
                    Err(e) => Verdict::Wrong(e),
                },
                Ok(_) => Verdict::Read,
                // The reader never reaches for the network: that would be a fuzzing bug.
                Err(e @ (Error::Network { .. } | Error::Timeout)) => {
                    Verdict::Wrong(format!("a network error from a body: {e}"))
                }
                Err(e) => Verdict::Refused(e),
            }
        },
    );
}
