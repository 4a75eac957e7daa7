//! Fuzzing the Vendure adapter: saved Shop API answers (`tests/fixtures/vendure/`), mutated by
//! the harness in `fuzz/`, go through the adapter's own decoding and mapping for the operation
//! that asked for them, with the HTTP status varied too. Every case must end in a value or a
//! typed error, never a panic; a cart the adapter accepts must add up. `DHOW_FUZZ_CASES` sets
//! the number of cases (10,000 by default).

mod fuzz;

use dhow_sdk::address::CountryCode;
use dhow_sdk::market::{DutyTerms, TaxDisplay};
use dhow_sdk::model::Cart;
use dhow_sdk::money::RoundingRule;
use dhow_sdk::vendure::fuzzing::{Context, Operation, Read, read};
use dhow_sdk::{Currency, Error, Market, MarketId};
use serde_json::{Value, json};

use fuzz::{Input, Verdict};

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/vendure/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
}

fn market(id: &str, country: &str, currency: &str, locale: &str) -> Market {
    Market {
        id: MarketId(id.into()),
        country: CountryCode::parse(country).expect("country"),
        locale: locale.into(),
        languages: Vec::new(),
        currency: Currency::from_code(currency).expect("currency"),
        tax_display: TaxDisplay::Exclusive,
        duty_terms: DutyTerms::PaidAtCheckout,
        rounding: RoundingRule::Nearest,
    }
}

/// A saved answer, the operation that asked for it, and where it was asked: the market, and
/// whether the channel's prices include tax.
struct Seed {
    name: &'static str,
    document: Value,
    operation: Operation,
    market: usize,
    tax_included: bool,
}

/// The markets of the saved answers: the US channel (without tax), the EU and the Japanese
/// channels (with tax).
fn markets() -> Vec<Market> {
    vec![
        market("us", "US", "USD", "en-US"),
        market("de", "DE", "EUR", "de-DE"),
        market("jp", "JP", "JPY", "ja-JP"),
        market("gb", "GB", "GBP", "en-GB"),
    ]
}

const US: usize = 0;
const DE: usize = 1;
const JP: usize = 2;
const GB: usize = 3;

/// The answer to another operation that returns the same thing: `data.<from>` moved to
/// `data.<to>`, marked as an `Order` where a union result needs it.
fn answer_as(document: &Value, from: &str, to: &str) -> Value {
    let mut order = document["data"][from].clone();
    if let Value::Object(fields) = &mut order {
        fields.insert("__typename".to_owned(), json!("Order"));
    }
    json!({ "data": { to: order } })
}

fn seeds() -> Vec<Seed> {
    use Operation as O;
    // The answers to the adapter's own operations (`adapter/`, saved with
    // the offline run's recorded cassettes) and those of `capture-fixtures.sh` whose selection covers the
    // adapter's.
    let saved: &[(&'static str, Operation, usize, bool)] = &[
        ("product.json", O::Product, US, false),
        ("product_gbp.json", O::Product, GB, false),
        ("product_jpy.json", O::Product, JP, true),
        ("eu_product.json", O::Product, DE, true),
        ("product_missing.json", O::Product, US, false),
        ("adapter/us_search.json", O::Search, US, false),
        ("active_order_after.json", O::ActiveOrder, US, false),
        ("adapter/jp_order.json", O::OrderByCode, JP, true),
        ("shipping_methods.json", O::ShippingMethods, US, false),
        ("jpy_shipping_methods.json", O::ShippingMethods, JP, true),
        (
            "adapter/jp_shipping_methods.json",
            O::ShippingMethods,
            JP,
            true,
        ),
        ("payment_methods.json", O::PaymentMethods, US, false),
        ("insufficient_stock.json", O::AddItem, US, false),
        ("coupon_invalid.json", O::ApplyCoupon, US, false),
        ("adapter/us_cart.json", O::SetShippingMethod, US, false),
        ("adapter/jp_cart.json", O::SetShippingMethod, JP, true),
        ("payment_declined.json", O::AddPayment, US, false),
        ("jpy_payment_declined.json", O::AddPayment, JP, true),
        ("adapter/us_paid.json", O::AddPayment, US, false),
        ("malformed/graphql_errors.json", O::OrderByCode, US, false),
        ("malformed/currency_not_sold.json", O::Product, US, false),
        ("malformed/errors_wrong_types.json", O::Product, US, false),
        (
            "malformed/unknown_result_type.json",
            O::ApplyCoupon,
            US,
            false,
        ),
        (
            "malformed/unknown_error_code.json",
            O::ApplyCoupon,
            US,
            false,
        ),
        (
            "malformed/negative_quantity.json",
            O::SetShippingMethod,
            US,
            false,
        ),
        ("malformed/huge_number.json", O::ShippingMethods, US, false),
        (
            "malformed/fractional_jpy.json",
            O::ShippingMethods,
            JP,
            true,
        ),
        ("malformed/bad_gateway.html", O::Product, US, false),
    ];
    let mut seeds: Vec<Seed> = saved
        .iter()
        .map(|&(name, operation, market, tax_included)| Seed {
            name,
            document: fixture(name),
            operation,
            market,
            tax_included,
        })
        .collect();

    // Every mutation that changes the order answers with the same order fragment as
    // `setOrderShippingMethod`: the saved carts stand for each of them.
    let carts = [
        ("adapter/us_cart.json", US, false),
        ("adapter/jp_cart.json", JP, true),
    ];
    let mutations: &[(Operation, &str)] = &[
        (O::ActiveOrder, "activeOrder"),
        (O::AddItem, "addItemToOrder"),
        (O::AdjustLine, "adjustOrderLine"),
        (O::RemoveLine, "removeOrderLine"),
        (O::SetCurrency, "setCurrencyCodeForOrder"),
        (O::ApplyCoupon, "applyCouponCode"),
        (O::RemoveCoupon, "removeCouponCode"),
        (O::SetCustomer, "setCustomerForOrder"),
        (O::SetShippingAddress, "setOrderShippingAddress"),
        (O::SetBillingAddress, "setOrderBillingAddress"),
        (O::UnsetBillingAddress, "unsetOrderBillingAddress"),
        (O::Transition, "transitionOrderToState"),
    ];
    for &(name, market, tax_included) in &carts {
        let cart = fixture(name);
        for &(operation, field) in mutations {
            seeds.push(Seed {
                name,
                document: answer_as(&cart, "setOrderShippingMethod", field),
                operation,
                market,
                tax_included,
            });
        }
    }
    // The paid orders, as found again by code and as paid.
    seeds.push(Seed {
        name: "adapter/us_paid.json",
        document: answer_as(
            &fixture("adapter/us_paid.json"),
            "addPaymentToOrder",
            "orderByCode",
        ),
        operation: O::OrderByCode,
        market: US,
        tax_included: false,
    });
    seeds.push(Seed {
        name: "adapter/jp_order.json",
        document: answer_as(
            &fixture("adapter/jp_order.json"),
            "orderByCode",
            "addPaymentToOrder",
        ),
        operation: O::AddPayment,
        market: JP,
        tax_included: true,
    });

    // Answers saved only in part. The channel query also asks for the countries, which
    // `capture-fixtures.sh` does not.
    for (name, market, countries) in [
        (
            "channel.json",
            US,
            json!([{ "code": "US" }, { "code": "CA" }]),
        ),
        (
            "eu_channel.json",
            DE,
            json!([{ "code": "DE" }, { "code": "FR" }]),
        ),
    ] {
        let mut channel = fixture(name);
        channel["data"]["availableCountries"] = countries;
        seeds.push(Seed {
            name,
            document: channel,
            operation: O::Channel,
            market,
            tax_included: market != US,
        });
    }
    // A page of products is a list of the saved products.
    let product = fixture("product.json")["data"]["product"].clone();
    seeds.push(Seed {
        name: "product.json (as a page)",
        document: json!({ "data": { "products": { "items": [product.clone(), product.clone()] } } }),
        operation: O::Products,
        market: US,
        tax_included: false,
    });
    // Collections and facets: the saved product's collection with its description and image,
    // the saved search's facet values with ids.
    seeds.push(Seed {
        name: "product.json (collections)",
        document: json!({ "data": { "collections": { "items": [{
            "slug": product["collections"][0]["slug"].clone(),
            "name": product["collections"][0]["name"].clone(),
            "description": product["description"].clone(),
            "featuredAsset": product["featuredAsset"].clone(),
        }] } } }),
        operation: O::Collections,
        market: US,
        tax_included: false,
    });
    let search = fixture("adapter/us_search.json");
    let values: Vec<Value> = search["data"]["search"]["facetValues"]
        .as_array()
        .map(|values| {
            values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let name = v["facetValue"]["name"].clone();
                    json!({ "id": (i + 1).to_string(), "code": name.clone(), "name": name })
                })
                .collect()
        })
        .unwrap_or_default();
    seeds.push(Seed {
        name: "adapter/us_search.json (facets)",
        document: json!({ "data": { "facets": { "items": [
            { "code": "collection", "name": "Collection", "values": values }
        ] } } }),
        operation: O::Facets,
        market: US,
        tax_included: false,
    });
    seeds
}

/// The sums every cart the adapter accepts must keep (the SDK's own check).
fn adds_up(cart: &Cart) -> Result<(), String> {
    cart.check().map_err(|e| e.to_string())
}

fn body(document: &Value) -> Vec<u8> {
    match document {
        Value::String(text) => text.clone().into_bytes(),
        other => other.to_string().into_bytes(),
    }
}

#[test]
fn mutated_vendure_answers_never_panic() {
    let markets = markets();
    let seeds = seeds();
    let mut unread = Vec::new();
    // The saved answers read as they are (the error ones into their error): mutations start
    // from answers the adapter understands.
    for seed in &seeds {
        let ctx = Context {
            market: &markets[seed.market],
            tax_included: seed.tax_included,
            precision: 2,
            status: if seed.name.ends_with(".html") {
                502
            } else {
                200
            },
        };
        let got = read(seed.operation, &body(&seed.document), &ctx);
        let expect_ok = !seed.name.starts_with("malformed/")
            && !seed.name.contains("missing")
            && !seed.name.contains("insufficient")
            && !seed.name.contains("invalid")
            && !seed.name.contains("declined");
        if expect_ok && got.is_err() {
            unread.push(format!("{}: {got:?}", seed.name));
        }
    }
    assert!(
        unread.is_empty(),
        "saved answers that do not read: {unread:#?}"
    );
    fuzz::run(
        "vendure",
        |rng| {
            let seed = rng.pick(&seeds);
            let input = fuzz::mutate(rng, seed.name, &seed.document);
            // Mostly the status the answer came with; now and then another one, and now and
            // then another precision or tax basis than the channel's.
            let status = match rng.below(20) {
                0 => *rng.pick(&[0u16, 199, 204, 301, 400, 401, 403, 404, 500, 502, 503, 999]),
                _ if seed.name.ends_with(".html") => 502,
                _ => 200,
            };
            let precision = if rng.chance(5) {
                *rng.pick(&[0u8, 1, 3, 4, 6])
            } else {
                2
            };
            let tax_included = if rng.chance(5) {
                !seed.tax_included
            } else {
                seed.tax_included
            };
            (input, (seed, status, precision, tax_included))
        },
        |input: &Input, &(seed, status, precision, tax_included)| {
            let ctx = Context {
                market: &markets[seed.market],
                tax_included,
                precision,
                status,
            };
            match read(seed.operation, &input.bytes, &ctx) {
                Ok(Read::Cart(cart)) => match adds_up(&cart) {
                    Ok(()) => Verdict::Read,
                    Err(e) => Verdict::Wrong(e),
                },
                Ok(_) => Verdict::Read,
                Err(e @ (Error::Network { .. } | Error::Timeout)) => {
                    Verdict::Wrong(format!("a network error from a body: {e}"))
                }
                Err(e) => Verdict::Refused(e),
            }
        },
    );
}
