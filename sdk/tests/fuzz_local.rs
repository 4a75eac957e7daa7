//! Fuzzing the local engine's stored state: the records a short journey leaves in storage
//! (carts open, paid and completed, an order, units sold, the order number sequence) are
//! mutated by the harness in `fuzz/`, written back, and the engine is asked to go on: read the
//! carts, change them, check out, look the order up, search. Every call must end in a value or
//! a typed error, never a panic, and a fresh cart must then go all the way to an order.
//! `DHOW_FUZZ_CASES` sets the number of cases (10,000 by default).

mod common;
mod fuzz;

use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use common::{address_in, backend_with, config};
use dhow_sdk::local::{LocalBackend, MemoryStorage, Storage};
use dhow_sdk::model::{CardDetails, PaymentInput, ProductQuery};
use dhow_sdk::{Backend, CartId, Error, Market, Result};
use serde_json::Value;

use fuzz::{Input, Rng, Verdict};

/// The fixture's market with this id (the configuration read once).
fn market(id: &str) -> Market {
    thread_local! {
        static MARKETS: Vec<Market> = config().markets;
    }
    MARKETS.with(|markets| {
        markets
            .iter()
            .find(|m| m.id.as_str() == id)
            .cloned()
            .expect("a fixture market")
    })
}

/// The result of a local call: the engine's futures are ready at their first poll.
fn now<T>(future: impl Future<Output = T>) -> T {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("a local call waited"),
    }
}

fn visa() -> PaymentInput {
    PaymentInput {
        method: "test-card".into(),
        card: Some(CardDetails {
            number: "4242 4242 4242 4242".into(),
            expiry: "12/30".into(),
            cvc: "123".into(),
        }),
    }
}

/// A cart the journey left, and its market.
#[derive(Clone, Debug)]
struct Journey {
    carts: Vec<(CartId, &'static str)>,
    order: String,
    email: String,
}

/// Checks out a cart in `market_id` with `variants`: email, address, standard shipping, the
/// test card, then the order.
fn checkout(b: &LocalBackend, market_id: &str, variants: &[&str]) -> Result<(CartId, String)> {
    let cart = now(b.create_cart(&market(market_id)))?;
    for v in variants {
        now(b.add_line(&cart.id, &(*v).into(), 1))?;
    }
    now(b.set_email(&cart.id, "shopper@example.com"))?;
    now(b.set_shipping_address(&cart.id, &address_in(market_id)))?;
    now(b.set_shipping_option(&cart.id, &"standard".into()))?;
    now(b.pay(&cart.id, &visa()))?;
    let order = now(b.complete(&cart.id))?;
    Ok((cart.id, order.number))
}

/// The records of a short journey: a completed cart with its order (units sold, the
/// sequence), a paid cart with a code, an open cart in yen.
fn journey(b: &LocalBackend) -> Journey {
    let (done, number) = checkout(b, "de", &["mug", "tote"]).expect("a first order");
    now(b.apply_discount(&done, "WELCOME10")).expect_err("a completed cart takes no code");

    let paid = now(b.create_cart(&market("us"))).expect("a cart").id;
    now(b.add_line(&paid, &"shirt-s".into(), 2)).expect("shirts");
    now(b.add_line(&paid, &"mug".into(), 3)).expect("mugs");
    now(b.apply_discount(&paid, "WELCOME10")).expect("a code");
    now(b.apply_discount(&paid, "SAVE5")).expect("a second code");
    now(b.set_email(&paid, "paid@example.com")).expect("email");
    now(b.set_shipping_address(&paid, &address_in("us"))).expect("address");
    now(b.set_billing_address(&paid, Some(&address_in("us")))).expect("billing");
    now(b.set_shipping_option(&paid, &"express".into())).expect("express");
    now(b.pay(&paid, &visa())).expect("paid");

    let open = now(b.create_cart(&market("jp"))).expect("a cart").id;
    now(b.add_line(&open, &"mug".into(), 1)).expect("a mug");
    now(b.apply_discount(&open, "YEN500")).ok();

    Journey {
        carts: vec![(done, "de"), (paid, "us"), (open, "jp")],
        order: number,
        email: "shopper@example.com".to_owned(),
    }
}

/// Everything in the store, by key.
fn snapshot(storage: &MemoryStorage) -> Vec<(String, String)> {
    storage
        .keys()
        .into_iter()
        .map(|k| {
            let v = storage.get(&k).expect("memory").expect("listed");
            (k, v)
        })
        .collect()
}

fn restore(storage: &MemoryStorage, records: &[(String, String)]) {
    for key in storage.keys() {
        storage.remove(&key).expect("memory");
    }
    for (key, value) in records {
        storage.set(key, value).expect("memory");
    }
}

/// One case: which records were replaced by what, which calls to make, and whether a fresh
/// cart then goes all the way to an order (always when the sequence, the stock or an order was
/// changed, as they are what a new order reads) or only takes a line.
struct Case {
    records: Vec<(String, String)>,
    calls: Vec<usize>,
    full_checkout: bool,
}

/// The calls a storefront makes on a cart and around it; `n` picks one.
fn call(b: &LocalBackend, j: &Journey, n: usize) -> Result<()> {
    let (cart, market_id) = &j.carts[n % j.carts.len()];
    let here = market(market_id);
    match n / j.carts.len() % 17 {
        0 => now(b.cart(cart)).map(drop),
        1 => now(b.add_line(cart, &"mug".into(), 1)).map(drop),
        2 => now(b.update_line(cart, &"line_1".into(), 3)).map(drop),
        3 => now(b.remove_line(cart, &"line_2".into())).map(drop),
        4 => now(b.apply_discount(cart, "FreeShip")).map(drop),
        5 => now(b.remove_discount(cart, "WELCOME10")).map(drop),
        6 => now(b.set_email(cart, "again@example.com")).map(drop),
        7 => now(b.set_shipping_address(cart, &address_in(market_id))).map(drop),
        8 => now(b.shipping_options(cart)).map(drop),
        9 => now(b.set_shipping_option(cart, &"standard".into())).map(drop),
        10 => now(b.payment_methods(cart)).map(drop),
        11 => now(b.pay(cart, &visa())).map(drop),
        12 => now(b.complete(cart)).map(drop),
        13 => now(b.set_cart_market(cart, &market("fr"))).map(drop),
        14 => now(b.order(&j.order, &j.email)).map(drop),
        15 => {
            let query = ProductQuery {
                text: "mug".into(),
                in_stock: true,
                ..ProductQuery::default()
            };
            now(b.products(&here, &query)).map(drop)
        }
        _ => now(b.product(&here, "ceramic-mug")).map(drop),
    }
}

/// A record of the journey, mutated.
fn mutated_record(rng: &mut Rng, records: &[(String, String)]) -> (String, Input) {
    let (key, text) = rng.pick(records);
    let document: Value =
        serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.clone()));
    let input = fuzz::mutate(rng, key, &document);
    (key.clone(), input)
}

#[test]
fn mutated_stored_records_never_panic() {
    let storage = Rc::new(MemoryStorage::new());
    let b = backend_with(storage.clone());
    let j = journey(&b);
    let records = snapshot(&storage);
    let keys: Vec<&str> = records.iter().map(|(k, _)| k.as_str()).collect();
    for wanted in ["cart.", "order.", "sold", "order_seq"] {
        assert!(
            keys.iter().any(|k| k.contains(wanted)),
            "the journey wrote a {wanted} record: {keys:?}"
        );
    }
    let calls = 17 * j.carts.len();

    fuzz::run(
        "local",
        |rng| {
            let mut changed = records.clone();
            let (key, input) = mutated_record(rng, &records);
            let text = input.text();
            let mut steps = input.steps.clone();
            match rng.below(20) {
                // The record under another key of its kind (a cart under another cart's id).
                0 => {
                    let others: Vec<&(String, String)> = records
                        .iter()
                        .filter(|(k, _)| *k != key && k.split('.').nth(2) == key.split('.').nth(2))
                        .collect();
                    if let Some((other, _)) = others.first() {
                        set(&mut changed, other, &text);
                        steps.push(format!("written under {other}"));
                    }
                    set(&mut changed, &key, &text);
                }
                // Gone.
                1 => {
                    changed.retain(|(k, _)| *k != key);
                    steps.push("removed".to_owned());
                }
                // Two records at once.
                2 => {
                    set(&mut changed, &key, &text);
                    let (second, more) = mutated_record(rng, &records);
                    set(&mut changed, &second, &more.text());
                    steps.push(format!("and {second}: {:?}", more.steps));
                }
                _ => set(&mut changed, &key, &text),
            }
            let picked: Vec<usize> = (0..4).map(|_| rng.below(calls)).collect();
            let full_checkout = !key.contains(".cart.") || rng.chance(10);
            let input = Input {
                seed_name: key,
                bytes: input.bytes,
                steps,
            };
            (
                input,
                Case {
                    records: changed,
                    calls: picked,
                    full_checkout,
                },
            )
        },
        |_: &Input, case: &Case| {
            restore(&storage, &case.records);
            let mut last: Option<Error> = None;
            for &n in &case.calls {
                match call(&b, &j, n) {
                    Ok(()) => {}
                    Err(e @ (Error::Network { .. } | Error::Timeout)) => {
                        return Verdict::Wrong(format!("a network error from storage: {e}"));
                    }
                    Err(e) => last = Some(e),
                }
            }
            // Whatever was stored, a new shopper can buy.
            let fresh = ["mug", "tote", "shirt-m"].iter().find_map(|v| {
                let tried = if case.full_checkout {
                    checkout(&b, "us", &[v]).map(drop)
                } else {
                    now(b.create_cart(&market("us")))
                        .and_then(|cart| now(b.add_line(&cart.id, &(*v).into(), 1)))
                        .map(drop)
                };
                match tried {
                    Err(Error::OutOfStock { .. }) => None,
                    other => Some((v, other)),
                }
            });
            match fresh {
                Some((_, Ok(()))) | None => {}
                Some((v, Err(e))) => {
                    return Verdict::Wrong(format!("a fresh cart of {v} failed: {e:?}"));
                }
            }
            match last {
                Some(e) => Verdict::Refused(e),
                None => Verdict::Read,
            }
        },
    );
}

fn set(records: &mut Vec<(String, String)>, key: &str, value: &str) {
    match records.iter_mut().find(|(k, _)| k == key) {
        Some((_, v)) => *v = value.to_owned(),
        None => records.push((key.to_owned(), value.to_owned())),
    }
}
