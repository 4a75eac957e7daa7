//! The local engine's cart and checkout rules: stock, promotion codes and their rejections,
//! moving a cart between markets, contact and address checks, the test card, completing exactly
//! once, order lookup, and state shared between tabs through storage.

mod common;

use std::rc::Rc;

use common::{address_in, backend, backend_with, market, money};
use dhow_sdk::local::{LocalBackend, MemoryStorage, Storage};
use dhow_sdk::model::{CardDetails, Cart, PaymentInput};
use dhow_sdk::{Backend, CartId, Error, Result};
use dhow_sdk::{Problem, PromotionRejection, Resource};

fn card(number: &str) -> PaymentInput {
    PaymentInput {
        method: "test-card".into(),
        card: Some(CardDetails {
            number: number.into(),
            expiry: "12/30".into(),
            cvc: "123".into(),
        }),
    }
}

const VISA: &str = "4242 4242 4242 4242";
const DECLINED: &str = "4000 0000 0000 0002";

fn fields(result: Result<Cart>) -> Vec<(String, Problem)> {
    match result {
        Err(Error::InvalidInput { fields }) => {
            fields.into_iter().map(|f| (f.field, f.problem)).collect()
        }
        other => panic!("expected invalid input, got {other:?}"),
    }
}

fn rejection(result: Result<Cart>) -> PromotionRejection {
    match result {
        Err(Error::PromotionRejected { reason, .. }) => reason,
        other => panic!("expected a rejected code, got {other:?}"),
    }
}

/// A cart in `market_id` ready to pay: one line, email, address, standard shipping.
async fn ready(b: &LocalBackend, market_id: &str, variant: &str, quantity: u32) -> Cart {
    let cart = b.create_cart(&market(market_id)).await.unwrap();
    b.add_line(&cart.id, &variant.into(), quantity)
        .await
        .unwrap();
    b.set_email(&cart.id, "Shopper@Example.com").await.unwrap();
    b.set_shipping_address(&cart.id, &address_in(market_id))
        .await
        .unwrap();
    b.set_shipping_option(&cart.id, &"standard".into())
        .await
        .unwrap()
}

#[tokio::test]
async fn lines_respect_stock() {
    let b = backend();
    let cart = b.create_cart(&market("de")).await.unwrap();
    let id = &cart.id;
    assert_eq!(
        fields(b.add_line(id, &"mug".into(), 0).await),
        [("quantity".to_owned(), Problem::Invalid)]
    );
    assert_eq!(
        b.add_line(id, &"nope".into(), 1).await.unwrap_err(),
        Error::not_found(Resource::Variant, "nope")
    );
    assert_eq!(
        b.add_line(id, &"shirt-l".into(), 1).await.unwrap_err(),
        Error::OutOfStock {
            variant: "shirt-l".into(),
            available: 0
        }
    );
    // Adding the same variant again merges into one line; the stock (5) counts both.
    let c = b.add_line(id, &"shirt-s".into(), 3).await.unwrap();
    let c2 = b.add_line(id, &"shirt-s".into(), 2).await.unwrap();
    assert_eq!(
        (c2.lines.len(), c2.lines[0].quantity, &c2.lines[0].id),
        (1, 5, &c.lines[0].id)
    );
    assert_eq!(
        b.add_line(id, &"shirt-s".into(), 1).await.unwrap_err(),
        Error::OutOfStock {
            variant: "shirt-s".into(),
            available: 5
        }
    );
    let line = &c2.lines[0].id;
    assert!(matches!(
        b.update_line(id, line, 6).await,
        Err(Error::OutOfStock { available: 5, .. })
    ));
    assert_eq!(b.update_line(id, line, 2).await.unwrap().item_count(), 2);
    assert_eq!(
        b.add_line(id, &"mug".into(), u32::MAX).await.unwrap_err(),
        Error::OutOfStock {
            variant: "mug".into(),
            available: 50
        }
    );
    let c = b.update_line(id, line, 0).await.unwrap();
    assert!(c.lines.is_empty());
    assert_eq!(
        b.remove_line(id, line).await.unwrap_err(),
        Error::not_found(Resource::Line, line.as_str())
    );
    // A removed line's id is never given again.
    let c = b.add_line(id, &"shirt-s".into(), 1).await.unwrap();
    assert_ne!(&c.lines[0].id, line);
    assert_eq!(
        b.cart(&CartId::from("missing")).await.unwrap_err(),
        Error::not_found(Resource::Cart, "missing")
    );
}

#[tokio::test]
async fn promotion_codes_are_checked() {
    let b = backend();
    let cart = b.create_cart(&market("de")).await.unwrap();
    let id = &cart.id;
    b.add_line(id, &"mug".into(), 1).await.unwrap();
    assert_eq!(
        rejection(b.apply_discount(id, "NOPE").await),
        PromotionRejection::Unknown
    );
    assert_eq!(
        rejection(b.apply_discount(id, "  ").await),
        PromotionRejection::Unknown
    );
    assert_eq!(
        rejection(b.apply_discount(id, "summer20").await),
        PromotionRejection::Expired
    );
    assert_eq!(
        rejection(b.apply_discount(id, "NEWYEAR").await),
        PromotionRejection::Expired
    );
    assert_eq!(
        rejection(b.apply_discount(id, "YEN500").await),
        PromotionRejection::NotInMarket
    );
    // 12.50 is below SAVE5's minimum of 30.00.
    assert_eq!(
        rejection(b.apply_discount(id, "SAVE5").await),
        PromotionRejection::MinimumNotReached
    );
    let c = b.apply_discount(id, " welcome10 ").await.unwrap();
    assert_eq!(c.discounts[0].code, "WELCOME10");
    assert_eq!(
        rejection(b.apply_discount(id, "Welcome10").await),
        PromotionRejection::AlreadyApplied
    );
    // FreeShip combines with nothing, either way round.
    assert_eq!(
        rejection(b.apply_discount(id, "freeship").await),
        PromotionRejection::NotCombinable
    );
    let c = b.remove_discount(id, "welcome10").await.unwrap();
    assert!(c.discounts.is_empty());
    assert_eq!(
        b.remove_discount(id, "welcome10").await.unwrap_err(),
        Error::not_found(Resource::Discount, "welcome10")
    );
    b.apply_discount(id, "FREESHIP").await.unwrap();
    assert_eq!(
        rejection(b.apply_discount(id, "WELCOME10").await),
        PromotionRejection::NotCombinable
    );
    match b.apply_discount(id, "Nope").await {
        Err(Error::PromotionRejected { code, .. }) => assert_eq!(code, "Nope", "as typed"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_code_drops_out_when_the_cart_no_longer_qualifies() {
    let b = backend();
    let cart = b.create_cart(&market("de")).await.unwrap();
    let c = b.add_line(&cart.id, &"scarf-grey".into(), 1).await.unwrap();
    let c2 = b.apply_discount(&c.id, "SAVE5").await.unwrap();
    assert_eq!(c2.totals.discount.amount, money("5.00", "EUR"));
    // 35.00 → 2 × 12.50 = 25.00 after swapping lines: below the 30.00 minimum.
    b.add_line(&c.id, &"mug".into(), 2).await.unwrap();
    let c3 = b.remove_line(&c.id, &c.lines[0].id).await.unwrap();
    assert!(c3.discounts.is_empty());
    assert!(c3.totals.discount.amount.is_zero());
}

#[tokio::test]
async fn a_cart_follows_its_market() {
    let b = backend();
    let us = b.create_cart(&market("us")).await.unwrap();
    let id = &us.id;
    b.add_line(id, &"shirt-m".into(), 1).await.unwrap();
    b.apply_discount(id, "FREESHIP").await.unwrap();
    b.set_shipping_address(id, &address_in("us")).await.unwrap();
    b.set_shipping_option(id, &"express".into()).await.unwrap();
    // To Germany: EUR prices, German titles, same lines; FREESHIP is valid in DE too; the US
    // address and option are gone.
    let de = b.set_cart_market(id, &market("de")).await.unwrap();
    assert_eq!(de.currency.code(), "EUR");
    assert_eq!(de.lines[0].unit_price, money("49.90", "EUR"));
    assert_eq!(de.lines[0].title, "Leinenhemd");
    assert_eq!(de.discounts.len(), 1);
    assert_eq!(
        (de.shipping_address.as_ref(), de.shipping_option.as_ref()),
        (None, None)
    );
    // To Japan: FREESHIP is not valid there and drops out; the cart reads back the same.
    let jp = b.set_cart_market(id, &market("jp")).await.unwrap();
    assert!(jp.discounts.is_empty());
    assert_eq!(jp.lines[0].unit_price, money("7900", "JPY"));
    assert_eq!(b.cart(id).await.unwrap(), jp);
}

#[tokio::test]
async fn contact_and_addresses_are_validated() {
    let b = backend();
    let cart = b.create_cart(&market("us")).await.unwrap();
    let id = &cart.id;
    b.add_line(id, &"mug".into(), 1).await.unwrap();
    assert_eq!(
        fields(b.set_email(id, "not-an-email").await),
        [("email".to_owned(), Problem::Invalid)]
    );
    assert_eq!(
        fields(b.set_email(id, " ").await),
        [("email".to_owned(), Problem::Required)]
    );
    assert_eq!(
        b.set_email(id, " a@example.com ")
            .await
            .unwrap()
            .email
            .as_deref(),
        Some("a@example.com")
    );

    // A German address for a US cart: the country is not served by this market.
    assert_eq!(
        fields(b.set_shipping_address(id, &address_in("de")).await),
        [("country".to_owned(), Problem::CountryNotServed)]
    );
    let mut bad = address_in("us");
    bad.line1 = String::new();
    bad.postal_code = Some("9410".into());
    let got = fields(b.set_shipping_address(id, &bad).await);
    let names: Vec<&str> = got.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(names, ["line1", "postal_code"]);

    // A region given by name is stored as its code, which is what tax rules use.
    let mut named = address_in("us");
    named.region = Some("california".into());
    let c = b.set_shipping_address(id, &named).await.unwrap();
    assert_eq!(c.shipping_address.unwrap().region.as_deref(), Some("CA"));
    assert_eq!(c.totals.tax_lines[0].name, "CA sales tax");

    // Billing may be anywhere, but must be a valid address.
    let c = b
        .set_billing_address(id, Some(&address_in("de")))
        .await
        .unwrap();
    assert!(c.billing_address.is_some());
    assert!(matches!(
        b.set_billing_address(id, Some(&bad)).await,
        Err(Error::InvalidInput { .. })
    ));
    assert!(
        b.set_billing_address(id, None)
            .await
            .unwrap()
            .billing_address
            .is_none()
    );

    assert_eq!(
        b.set_shipping_option(id, &"teleport".into())
            .await
            .unwrap_err(),
        Error::not_found(Resource::ShippingOption, "teleport")
    );
    // Kuwait is served by standard only.
    let kw = b.create_cart(&market("kw")).await.unwrap();
    let options = b.shipping_options(&kw.id).await.unwrap();
    assert_eq!(
        options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
        ["standard"]
    );
    assert!(
        b.set_shipping_option(&kw.id, &"express".into())
            .await
            .is_err()
    );
}

#[tokio::test]
async fn the_test_card_authorizes_or_declines() {
    let b = backend();
    let empty = b.create_cart(&market("de")).await.unwrap();
    assert!(matches!(
        b.pay(&empty.id, &card(VISA)).await,
        Err(Error::Conflict { .. })
    ));

    let cart = ready(&b, "de", "mug", 2).await;
    let methods = b.payment_methods(&cart.id).await.unwrap();
    assert_eq!((methods.len(), methods[0].name.as_str()), (1, "Test card"));

    let mut wrong = card(VISA);
    wrong.method = "cash".into();
    assert_eq!(
        b.pay(&cart.id, &wrong).await.unwrap_err(),
        Error::not_found(Resource::PaymentMethod, "cash")
    );
    let no_card = PaymentInput {
        method: "test-card".into(),
        card: None,
    };
    assert!(matches!(
        b.pay(&cart.id, &no_card).await,
        Err(Error::InvalidInput { .. })
    ));
    let mut bad = card("4242 4242 4242 4241");
    if let Some(c) = bad.card.as_mut() {
        c.expiry = "10/26".into();
        c.cvc = "1".into();
    }
    match b.pay(&cart.id, &bad).await {
        Err(Error::InvalidInput { fields }) => {
            let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
            assert_eq!(names, ["card_number", "card_expiry", "card_cvc"]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        b.pay(&cart.id, &card(DECLINED)).await.unwrap_err(),
        Error::PaymentDeclined {
            reason: Some("card_declined".into())
        }
    );
    assert_eq!(
        b.pay(&cart.id, &card("5555 5555 5555 4444"))
            .await
            .unwrap_err(),
        Error::PaymentDeclined {
            reason: Some("unknown_test_card".into())
        }
    );
    let payment = b.pay(&cart.id, &card(VISA)).await.unwrap();
    assert_eq!(payment.amount, cart.totals.total.amount);
    assert_eq!(payment.description, "Visa •••• 4242");
}

#[tokio::test]
async fn completes_once_with_numbered_orders() {
    let storage = Rc::new(MemoryStorage::new());
    let b = backend_with(storage.clone());
    let fresh = b.create_cart(&market("jp")).await.unwrap();
    assert!(
        matches!(b.complete(&fresh.id).await, Err(Error::Conflict { .. })),
        "empty cart"
    );
    b.add_line(&fresh.id, &"mug".into(), 1).await.unwrap();
    let missing: Vec<String> = match b.complete(&fresh.id).await {
        Err(Error::InvalidInput { fields }) => fields.into_iter().map(|f| f.field).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(missing, ["email", "shipping_address", "shipping_option"]);

    let cart = ready(&b, "jp", "shirt-m", 2).await;
    assert!(
        matches!(b.complete(&cart.id).await, Err(Error::Conflict { .. })),
        "not paid"
    );
    b.pay(&cart.id, &card(VISA)).await.unwrap();
    // The cart changed after paying: the authorization no longer covers it.
    b.add_line(&cart.id, &"mug".into(), 1).await.unwrap();
    assert!(
        matches!(b.complete(&cart.id).await, Err(Error::Conflict { .. })),
        "total changed"
    );
    let paid = b.pay(&cart.id, &card(VISA)).await.unwrap();

    let order = b.complete(&cart.id).await.unwrap();
    assert_eq!(order.number, "DHW-10001");
    assert_eq!(order.placed_at, common::NOW);
    assert_eq!(order.email, "Shopper@Example.com");
    assert_eq!(order.totals.total.amount, paid.amount);
    assert!(!order.totals.total.estimate);
    assert_eq!(order.lines.len(), 2);
    assert_eq!(
        order.shipping_option.as_ref().map(|o| o.id.as_str()),
        Some("standard")
    );
    // Completing again — a retry after a lost answer — gives the same order.
    assert_eq!(b.complete(&cart.id).await.unwrap(), order);
    // The completed cart is read-only.
    assert!(matches!(
        b.add_line(&cart.id, &"mug".into(), 1).await,
        Err(Error::Conflict { .. })
    ));
    assert!(matches!(
        b.set_email(&cart.id, "x@example.com").await,
        Err(Error::Conflict { .. })
    ));
    assert!(matches!(
        b.set_cart_market(&cart.id, &market("de")).await,
        Err(Error::Conflict { .. })
    ));
    assert!(matches!(
        b.pay(&cart.id, &card(VISA)).await,
        Err(Error::Conflict { .. })
    ));
    assert!(b.cart(&cart.id).await.is_ok());

    // Stock is reserved: 10 − 2 shirts left.
    let shirt = b.product(&market("jp"), "linen-shirt").await.unwrap();
    assert_eq!(shirt.variants[1].stock, Some(8));

    // Lookup: email in any case; a wrong email looks exactly like a wrong number.
    assert_eq!(
        b.order("dhw-10001", "shopper@example.COM").await.unwrap(),
        order
    );
    assert_eq!(
        b.order("DHW-10001", "other@example.com").await.unwrap_err(),
        Error::not_found(Resource::Order, "DHW-10001")
    );
    assert_eq!(
        b.order("DHW-99999", "shopper@example.com")
            .await
            .unwrap_err(),
        Error::not_found(Resource::Order, "DHW-99999")
    );

    // The next order, from another tab over the same storage, continues the sequence.
    let tab = backend_with(storage.clone());
    let second = ready(&tab, "us", "mug", 1).await;
    tab.pay(&second.id, &card(VISA)).await.unwrap();
    assert_eq!(tab.complete(&second.id).await.unwrap().number, "DHW-10002");

    // Everything lives under the engine's prefix, and no card data was kept.
    for key in storage.keys() {
        assert!(key.starts_with("dhow.local."), "{key}");
        let value = storage.get(&key).unwrap().unwrap_or_default();
        assert!(
            !value.contains("4242424242424242") && !value.contains("4242 4242 4242 4242"),
            "{key}"
        );
        assert!(!value.contains("12/30"), "{key}");
    }
}

#[tokio::test]
async fn tabs_share_carts_and_stock() {
    let storage = Rc::new(MemoryStorage::new());
    let one = backend_with(storage.clone());
    let two = backend_with(storage.clone());
    // Two shoppers (or tabs) each hold 2 of the 3 grey scarves.
    let a = ready(&one, "de", "scarf-grey", 2).await;
    let b = ready(&two, "de", "scarf-grey", 2).await;
    assert_eq!(
        two.cart(&a.id).await.unwrap(),
        a,
        "the other tab reads the same cart"
    );
    one.pay(&a.id, &card(VISA)).await.unwrap();
    two.pay(&b.id, &card(VISA)).await.unwrap();
    one.complete(&a.id).await.unwrap();
    // Only one is left when the second completes.
    assert_eq!(
        two.complete(&b.id).await.unwrap_err(),
        Error::OutOfStock {
            variant: "scarf-grey".into(),
            available: 1
        }
    );
    let c = two.update_line(&b.id, &b.lines[0].id, 1).await.unwrap();
    two.pay(&c.id, &card(VISA)).await.unwrap();
    assert_eq!(two.complete(&c.id).await.unwrap().number, "DHW-10002");
    assert!(matches!(
        one.add_line(&a.id, &"scarf-grey".into(), 1).await,
        Err(Error::Conflict { .. })
    ));
    let scarf = one.product(&market("de"), "wool-scarf").await.unwrap();
    assert_eq!(
        (scarf.variants[0].available, scarf.variants[0].stock),
        (false, Some(0))
    );
    // Different carts get different ids.
    assert_ne!(a.id, b.id);
}

/// Storage that refuses every write, as a full `localStorage` does.
struct FullStorage;

impl Storage for FullStorage {
    fn get(&self, _key: &str) -> Result<Option<String>> {
        Ok(None)
    }
    fn set(&self, _key: &str, _value: &str) -> Result<()> {
        Err(Error::Backend {
            code: "quota_exceeded".into(),
            message: "full".into(),
        })
    }
    fn remove(&self, _key: &str) -> Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn storage_failures_are_errors() {
    let b = LocalBackend::from_json(
        common::CATALOG,
        common::config().markets,
        Rc::new(FullStorage),
    )
    .unwrap();
    assert!(
        matches!(b.create_cart(&market("de")).await, Err(Error::Backend { code, .. }) if code == "quota_exceeded")
    );
    // Reads still work.
    assert!(b.product(&market("de"), "ceramic-mug").await.is_ok());

    // Corrupt state from another version is set aside under a recovery key, not a panic and
    // not a failure forever.
    let storage = Rc::new(MemoryStorage::new());
    storage.set("dhow.local.cart.bad", "{\"id\": 3}").unwrap();
    let b = backend_with(storage.clone());
    assert!(matches!(
        b.cart(&CartId::from("bad")).await,
        Err(Error::SetAside { what, key }) if what == "cart" && key == "dhow.local.recovery.cart.bad"
    ));
    assert!(matches!(
        b.cart(&CartId::from("bad")).await,
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        storage
            .get("dhow.local.recovery.cart.bad")
            .unwrap()
            .as_deref(),
        Some("{\"id\": 3}")
    );
}

#[tokio::test]
async fn garbage_stock_and_sequence_heal_and_shopping_goes_on() {
    let storage = Rc::new(MemoryStorage::new());
    storage.set("dhow.local.sold", "\u{0}garbage").unwrap();
    storage.set("dhow.local.order_seq", "-5").unwrap();
    let b = backend_with(storage.clone());
    // Every page and every add works again at once.
    assert!(b.product(&market("de"), "ceramic-mug").await.is_ok());
    let cart = ready(&b, "de", "mug", 1).await;
    b.pay(&cart.id, &card(VISA)).await.unwrap();
    let order = b.complete(&cart.id).await.unwrap();
    assert_eq!(order.number, "DHW-10001");
    assert!(storage.get("dhow.local.recovery.sold").unwrap().is_some());
    assert!(
        storage
            .get("dhow.local.recovery.order_seq")
            .unwrap()
            .is_some()
    );
}

#[tokio::test]
async fn a_cart_whose_market_was_removed_is_set_aside() {
    let storage = Rc::new(MemoryStorage::new());
    let b = backend_with(storage.clone());
    let cart = b.create_cart(&market("de")).await.unwrap();
    b.add_line(&cart.id, &"mug".into(), 1).await.unwrap();
    // The store stops selling in Germany.
    let without_de: Vec<_> = common::config()
        .markets
        .into_iter()
        .filter(|m| m.id.as_str() != "de")
        .collect();
    let b = LocalBackend::from_json(common::CATALOG, without_de, storage.clone()).unwrap();
    assert!(matches!(
        b.cart(&cart.id).await,
        Err(Error::SetAside { what, .. }) if what == "cart"
    ));
    assert!(matches!(
        b.add_line(&cart.id, &"mug".into(), 1).await,
        Err(Error::NotFound { .. })
    ));
    let kept = format!("dhow.local.recovery.cart.{}", cart.id);
    assert!(storage.get(&kept).unwrap().is_some());
}

/// Storage that fails the next `n`-th write and then works: a write failing midway through
/// placing an order.
struct FailingWrite {
    inner: MemoryStorage,
    writes: std::cell::Cell<u32>,
    fail_at: std::cell::Cell<Option<u32>>,
}

impl Storage for FailingWrite {
    fn get(&self, key: &str) -> Result<Option<String>> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<()> {
        let n = self.writes.get() + 1;
        self.writes.set(n);
        if self.fail_at.get() == Some(n) {
            self.fail_at.set(None);
            return Err(Error::Backend {
                code: "quota_exceeded".into(),
                message: "full".into(),
            });
        }
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<()> {
        self.inner.remove(key)
    }
}

#[tokio::test]
async fn a_write_failing_midway_never_makes_a_second_order_or_counts_stock_twice() {
    // Placing an order writes: the sequence, the cart's number, the order, the stock, the
    // cart. Fail each in turn, then retry.
    for failing in 1..=5 {
        let storage = Rc::new(FailingWrite {
            inner: MemoryStorage::new(),
            writes: std::cell::Cell::new(0),
            fail_at: std::cell::Cell::new(None),
        });
        let b = LocalBackend::from_json(common::CATALOG, common::config().markets, storage.clone())
            .unwrap()
            .with_clock(dhow_sdk::local::Clock::fixed_at("2026-11-25T10:00:00Z").unwrap());
        let cart = ready(&b, "de", "mug", 2).await;
        let before = b.product(&market("de"), "ceramic-mug").await.unwrap();
        let stock = |p: &dhow_sdk::model::Product| {
            p.variants
                .iter()
                .find(|v| v.id.as_str() == "mug")
                .and_then(|v| v.stock)
        };
        b.pay(&cart.id, &card(VISA)).await.unwrap();
        storage.fail_at.set(Some(storage.writes.get() + failing));
        assert!(b.complete(&cart.id).await.is_err(), "write {failing} fails");
        let order = b.complete(&cart.id).await.expect("the retry places it");
        assert_eq!(b.complete(&cart.id).await.unwrap().number, order.number);
        // A number whose taking could not be recorded is skipped, as database sequences skip
        // them; there is one order all the same.
        let orders: Vec<String> = storage
            .inner
            .keys()
            .into_iter()
            .filter(|k| k.starts_with("dhow.local.order.DHW-"))
            .collect();
        assert_eq!(
            orders,
            [format!("dhow.local.order.{}", order.number)],
            "write {failing}: one order"
        );
        let after = b.product(&market("de"), "ceramic-mug").await.unwrap();
        assert_eq!(
            stock(&after),
            stock(&before).map(|s| s - 2),
            "write {failing}: stock counted once"
        );
    }
}
