//! Property tests of the local engine: random carts in every market of the fixture keep the
//! totals invariant to the minor unit, and no input — however odd — makes the engine panic.

mod common;

use common::{addresses, backend, config};
use dhow_sdk::local::LocalBackend;
use dhow_sdk::local::data::{CatalogFile, PromotionKind};
use dhow_sdk::model::{CardDetails, Cart, PaymentInput};
use dhow_sdk::{Backend, Currency, Decimal, Error, Money};
use proptest::prelude::*;

const VARIANTS: &[&str] = &[
    "shirt-s",
    "shirt-m",
    "shirt-l",
    "tote",
    "scarf-grey",
    "scarf-navy",
    "mug",
];
const CODES: &[&str] = &[
    "WELCOME10",
    "save5",
    "FREESHIP",
    "SUMMER20",
    "NEWYEAR",
    "YEN500",
    "BOGUS",
];
const MARKETS: &[&str] = &["us", "de", "fr", "jp", "ch", "kw", "ca"];

fn run<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(future)
}

/// Every invariant a priced cart keeps.
fn check(cart: &Cart) -> Result<(), TestCaseError> {
    let t = &cart.totals;
    let currency = cart.currency;
    prop_assert_eq!(cart.check(), Ok(()), "the sums add up");
    let sum = |f: &dyn Fn(&dhow_sdk::model::CartLine) -> Money| {
        Money::sum(currency, cart.lines.iter().map(f)).unwrap()
    };
    let codes = Money::sum(currency, cart.discounts.iter().map(|d| d.amount)).unwrap();
    prop_assert_eq!(codes, t.discount.amount, "code amounts add up");
    for line in &cart.lines {
        prop_assert_eq!(
            line.subtotal,
            line.unit_price
                .checked_mul(i64::from(line.quantity))
                .unwrap()
        );
        prop_assert_eq!(
            line.total,
            line.subtotal.checked_sub(line.discount).unwrap()
        );
        prop_assert!(
            !line.total.is_negative() && !line.discount.is_negative() && !line.tax.is_negative()
        );
        prop_assert_eq!(line.unit_price.currency(), currency);
    }
    prop_assert!(!t.total.amount.is_negative());
    let line_tax = sum(&|l| l.tax);
    prop_assert!(
        line_tax.minor_units() <= t.tax.amount.minor_units(),
        "lines' tax is part of the tax"
    );
    if t.shipping.is_some_and(|s| s.estimate) || (!t.tax_included && t.tax.estimate) {
        prop_assert!(
            t.total.estimate,
            "an estimated part makes the total an estimate"
        );
    }
    Ok(())
}

#[derive(Clone, Debug)]
enum Step {
    Add(usize, u32),
    Update(usize, u32),
    Code(usize),
    Uncode(usize),
    Address(usize),
    Option(usize),
    Market(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..VARIANTS.len(), 1u32..5).prop_map(|(v, q)| Step::Add(v, q)),
        2 => (0usize..4, 0u32..6).prop_map(|(l, q)| Step::Update(l, q)),
        2 => (0..CODES.len()).prop_map(Step::Code),
        1 => (0..CODES.len()).prop_map(Step::Uncode),
        1 => (0usize..4).prop_map(Step::Address),
        1 => (0usize..3).prop_map(Step::Option),
        1 => (0..MARKETS.len()).prop_map(Step::Market),
    ]
}

/// Runs one step; refusals the rules allow are fine, anything else fails the case.
async fn apply(b: &LocalBackend, cart: &Cart, step: &Step) -> Result<Option<Cart>, TestCaseError> {
    let id = &cart.id;
    let market = cart.market.as_str();
    let result = match step {
        Step::Add(v, q) => b.add_line(id, &VARIANTS[*v].into(), *q).await,
        Step::Update(l, q) => match cart.lines.get(*l) {
            Some(line) => b.update_line(id, &line.id, *q).await,
            None => return Ok(None),
        },
        Step::Code(c) => b.apply_discount(id, CODES[*c]).await,
        Step::Uncode(c) => b.remove_discount(id, CODES[*c]).await,
        Step::Address(a) => {
            let all = addresses(market);
            b.set_shipping_address(id, &all[a % all.len()]).await
        }
        Step::Option(o) => {
            let options = b.shipping_options(id).await.unwrap();
            match options.get(*o) {
                Some(option) => b.set_shipping_option(id, &option.id).await,
                None => return Ok(None),
            }
        }
        Step::Market(m) => {
            let market = config().market(MARKETS[*m]).cloned().unwrap();
            b.set_cart_market(id, &market).await
        }
    };
    match result {
        Ok(cart) => Ok(Some(cart)),
        Err(
            Error::OutOfStock { .. } | Error::PromotionRejected { .. } | Error::NotFound { .. },
        ) => Ok(None),
        Err(other) => Err(TestCaseError::fail(format!("{step:?}: {other:?}"))),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_carts_keep_the_invariant_in_every_market(
        market in 0..MARKETS.len(),
        steps in prop::collection::vec(step(), 1..16),
    ) {
        run(async {
            let b = backend();
            let market = config().market(MARKETS[market]).cloned().unwrap();
            let mut cart = b.create_cart(&market).await.unwrap();
            check(&cart)?;
            for step in &steps {
                if let Some(next) = apply(&b, &cart, step).await? {
                    check(&next)?;
                    cart = next;
                }
            }
            // What is stored reads back the same.
            prop_assert_eq!(&b.cart(&cart.id).await.unwrap(), &cart);
            Ok(())
        })?;
    }

    #[test]
    fn data_built_without_the_check_never_panics(
        price in prop_oneof![any::<i64>(), -100_000i64..100_000],
        quantity in prop_oneof![1u32..=u32::MAX, 1u32..10],
        percent in prop_oneof![any::<i64>(), -200i64..200],
        rate in prop_oneof![any::<i64>(), -2_000i64..2_000],
        scale in 0u32..=18,
        market in 0..MARKETS.len(),
    ) {
        // `LocalBackend::new` takes data as given: negative or huge prices, rates and percents
        // must come back as errors, never as a panic.
        let mut data = CatalogFile::from_json(common::CATALOG).unwrap();
        let decimal = Decimal::new(i128::from(rate), scale).unwrap();
        let mug = data.products.iter_mut().find(|p| p.handle == "ceramic-mug").unwrap();
        mug.variants[0].prices = vec![Money::from_minor(price, Currency::EUR)];
        mug.variants[0].stock = u32::MAX;
        data.promotions[0].kind =
            PromotionKind::Percentage { percent: Decimal::new(i128::from(percent), scale).unwrap() };
        // SAVE5 without its minimum, so a fixed amount meets a negative subtotal.
        data.promotions[1].min_subtotal.clear();
        for tax in &mut data.taxes {
            tax.rate = decimal;
        }
        for duty in &mut data.duties {
            duty.rate = decimal;
        }
        let storage = std::rc::Rc::new(dhow_sdk::local::MemoryStorage::new());
        let b = LocalBackend::new(data, config().markets, storage)
            .with_clock(dhow_sdk::local::Clock::fixed_at(common::NOW).unwrap());
        run(async {
            let market = config().market(MARKETS[market]).cloned().unwrap();
            let _ = b.products(&market, &dhow_sdk::model::ProductQuery::default()).await;
            let Ok(cart) = b.create_cart(&market).await else { return };
            let _ = b.add_line(&cart.id, &"mug".into(), quantity).await;
            let _ = b.add_line(&cart.id, &"tote".into(), 1).await;
            let _ = b.apply_discount(&cart.id, "WELCOME10").await;
            let _ = b.apply_discount(&cart.id, "SAVE5").await;
            let _ = b.set_shipping_address(&cart.id, &addresses(market.id.as_str())[0]).await;
            let _ = b.set_shipping_option(&cart.id, &"standard".into()).await;
            if let Ok(cart) = b.cart(&cart.id).await {
                // Whatever the data, a cart that prices at all keeps the invariant.
                assert_eq!(cart.totals.total.amount, cart.totals.expected_total().unwrap());
            }
        });
    }

    #[test]
    fn odd_input_never_panics(text in ".{0,40}", number in "[0-9 ]{0,24}", quantity in any::<u32>()) {
        run(async {
            let b = backend();
            let market = config().market("ch").cloned().unwrap();
            let cart = b.create_cart(&market).await.unwrap();
            let id = &cart.id;
            let _ = b.add_line(id, &text.as_str().into(), quantity).await;
            let _ = b.add_line(id, &"mug".into(), quantity).await;
            let _ = b.apply_discount(id, &text).await;
            let _ = b.remove_discount(id, &text).await;
            let _ = b.set_email(id, &text).await;
            let _ = b.set_shipping_option(id, &text.as_str().into()).await;
            let card = CardDetails { number: number.clone(), expiry: text.clone(), cvc: text.clone() };
            let _ = b.pay(id, &PaymentInput { method: "test-card".into(), card: Some(card) }).await;
            let _ = b.complete(id).await;
            let _ = b.order(&text, &text).await;
            let _ = b.product(&market, &text).await;
            let _ = b.cart(&text.as_str().into()).await;
            let query = dhow_sdk::model::ProductQuery { text: text.clone(), page: quantity, per_page: quantity, ..Default::default() };
            let _ = b.products(&market, &query).await;
            let _ = LocalBackend::from_json(&text, Vec::new(), std::rc::Rc::new(dhow_sdk::local::MemoryStorage::new()));
        });
    }
}
