use super::consent::{Consent, ConsentConfig, ConsentRecord, ConsentRule};
use super::*;
use crate::ids::{CartId, LineId, MarketId, ProductId, VariantId};
use crate::model::{AppliedDiscount, CartTotals, Figure};

fn money(minor: i64, code: &str) -> Money {
    Money::from_minor(minor, Currency::from_code(code).unwrap())
}

fn line(variant: &str, quantity: u32, unit: Money, discount: Money) -> CartLine {
    let subtotal = unit.checked_mul(i64::from(quantity)).unwrap();
    CartLine {
        id: LineId::from(format!("line-{variant}").as_str()),
        product_id: ProductId::from(format!("prod-{variant}").as_str()),
        variant_id: VariantId::from(variant),
        handle: variant.to_owned(),
        title: format!("Product {variant}"),
        variant_title: "M / Navy".to_owned(),
        image: None,
        quantity,
        unit_price: unit,
        compare_at: None,
        subtotal,
        discount,
        tax: Money::zero(unit.currency()),
        total: subtotal.checked_sub(discount).unwrap(),
    }
}

fn cart(lines: Vec<CartLine>, discount: Money, codes: &[&str]) -> Cart {
    let currency = discount.currency();
    let subtotal = Money::sum(currency, lines.iter().map(|l| l.subtotal)).unwrap();
    let mut cart = Cart::empty(CartId::from("cart-1"), &market(currency));
    cart.lines = lines;
    cart.discounts = codes
        .iter()
        .map(|c| AppliedDiscount {
            code: (*c).to_owned(),
            amount: discount,
            free_shipping: false,
        })
        .collect();
    cart.totals = CartTotals {
        subtotal: Figure::final_(subtotal),
        discount: Figure::final_(discount),
        total: Figure::final_(subtotal.checked_sub(discount).unwrap()),
        ..cart.totals
    };
    cart
}

fn market(currency: Currency) -> crate::Market {
    serde_json::from_value(serde_json::json!({
        "id": "us", "country": "US", "locale": "en-US", "currency": currency.code(),
        "tax_display": "exclusive", "duty_terms": "paid_at_checkout"
    }))
    .unwrap()
}

#[test]
fn data_layer_amounts_are_numbers_with_the_currencys_digits_and_exact_form_strings() {
    for (minor, code, number) in [
        (9500, "USD", "95.00"),
        (1950, "JPY", "1950"),
        (12500, "KWD", "12.500"),
        (-5, "EUR", "-0.05"),
    ] {
        let item = Item::new("p", "P", money(minor, code), 1);
        let event = Event::with_items(EventName::ViewItem, vec![item]);
        let layer: serde_json::Value = serde_json::from_str(&event.to_data_layer_json()).unwrap();
        assert_eq!(layer["event"], "view_item");
        assert_eq!(layer["ecommerce"]["currency"], code);
        // The literal as written, parsed by a JSON reader into the number it names.
        assert!(
            event
                .to_data_layer_json()
                .contains(&format!("\"value\":{number}"))
        );
        // What a JavaScript reader gets: the number the decimal names.
        assert_eq!(
            layer["ecommerce"]["items"][0]["price"].as_f64(),
            number.parse::<f64>().ok()
        );
        let exact: serde_json::Value = serde_json::from_str(&event.to_exact_json(7, 1000)).unwrap();
        assert_eq!(exact["params"]["value"], number);
        assert_eq!(exact["params"]["items"][0]["price"], number);
        assert_eq!(exact["sequence"], 7);
    }
}

#[test]
fn non_commerce_events_put_their_parameters_beside_the_event_name() {
    let event = Event::page_view("https://shop.example/de/", "Start · \"Dhow\"\n</script>");
    let layer: serde_json::Value = serde_json::from_str(&event.to_data_layer_json()).unwrap();
    assert_eq!(layer["event"], "page_view");
    assert_eq!(layer["page_location"], "https://shop.example/de/");
    assert_eq!(layer["page_title"], "Start · \"Dhow\"\n</script>");
    assert!(layer.get("ecommerce").is_none());
    assert!(!event.to_data_layer_json().contains("</script>"));
    let search = Event::new(EventName::Search).text("search_term", "rain jacket");
    assert_eq!(
        search.to_data_layer_json(),
        r#"{"event":"search","search_term":"rain jacket"}"#
    );
}

#[test]
fn cart_events_value_the_subtotal_after_discounts_with_codes_and_exact_unit_discounts() {
    let usd = |m| money(m, "USD");
    let cart = cart(
        vec![
            line("a", 2, usd(1800), usd(400)),
            line("b", 3, usd(1000), usd(100)),
        ],
        usd(500),
        &["WELCOME10", "SHIP"],
    );
    let event = Event::for_cart(EventName::BeginCheckout, &cart);
    assert_eq!(event.value, Some(usd(3600 + 3000 - 500)));
    assert_eq!(event.items[0].discount, Some(usd(200)));
    // 1.00 over three units is not a whole number of cents each: left out, not rounded.
    assert_eq!(event.items[1].discount, None);
    assert_eq!(event.items[0].coupon.as_deref(), Some("WELCOME10,SHIP"));
    let layer: serde_json::Value = serde_json::from_str(&event.to_data_layer_json()).unwrap();
    assert_eq!(layer["ecommerce"]["coupon"], "WELCOME10,SHIP");
    assert_eq!(layer["ecommerce"]["items"][0]["item_variant"], "M / Navy");
    assert_eq!(layer["ecommerce"]["items"][1]["quantity"], 3);
}

#[test]
fn purchase_carries_the_orders_number_subtotal_after_discounts_tax_and_shipping() {
    let eur = |m| money(m, "EUR");
    let mut cart = cart(vec![line("a", 1, eur(9999), eur(0))], eur(1000), &["TEN"]);
    cart.totals.tax = Figure::final_(eur(1597));
    cart.totals.shipping = Some(Figure::final_(eur(1200)));
    let order = Order {
        id: crate::ids::OrderId::from("ord_1"),
        number: "DHW-10001".into(),
        email: "a@b.example".into(),
        market: MarketId::from("de"),
        placed_at: "2026-12-06T10:00:00Z".into(),
        status: crate::model::OrderStatus::Placed,
        lines: cart.lines.clone(),
        totals: cart.totals.clone(),
        shipping_address: crate::address::Address::new(
            "A",
            "B",
            "Hauptstr. 1",
            "Berlin",
            crate::address::CountryCode::parse("DE").unwrap(),
        ),
        billing_address: None,
        shipping_option: None,
        payment: None,
    };
    let event = Event::purchase(&order, coupon_of(&cart));
    let exact: serde_json::Value = serde_json::from_str(&event.to_exact_json(1, 0)).unwrap();
    assert_eq!(exact["name"], "purchase");
    assert_eq!(exact["params"]["transaction_id"], "DHW-10001");
    assert_eq!(exact["params"]["value"], "89.99");
    assert_eq!(exact["params"]["tax"], "15.97");
    assert_eq!(exact["params"]["shipping"], "12.00");
    assert_eq!(exact["params"]["coupon"], "TEN");
    assert_eq!(exact["params"]["currency"], "EUR");
}

#[test]
fn cart_changes_name_what_was_added_and_taken_out_once() {
    let usd = |m| money(m, "USD");
    let before = cart(
        vec![
            line("a", 1, usd(1000), usd(0)),
            line("b", 2, usd(500), usd(0)),
        ],
        usd(0),
        &[],
    );
    let after = cart(
        vec![
            line("a", 3, usd(1000), usd(0)),
            line("c", 1, usd(700), usd(0)),
        ],
        usd(0),
        &[],
    );
    let (added, removed) = cart_changes(Some(&before), &after);
    assert_eq!(
        added
            .iter()
            .map(|i| (i.item_id.as_str(), i.quantity))
            .collect::<Vec<_>>(),
        [("prod-a", 2), ("prod-c", 1)]
    );
    assert_eq!(
        removed
            .iter()
            .map(|i| (i.item_id.as_str(), i.quantity))
            .collect::<Vec<_>>(),
        [("prod-b", 2)]
    );
    // The same answer again (a retry, another tab's echo) is no change.
    assert_eq!(cart_changes(Some(&after), &after), (vec![], vec![]));
    let (added, _) = cart_changes(None, &before);
    assert_eq!(added.len(), 2);
}

#[test]
fn consent_rules_default_by_country_and_yield_to_the_markets_setting() {
    let mut config = ConsentConfig::default();
    for country in ["DE", "FR", "GB", "CH", "NO"] {
        assert_eq!(config.rule("x", country), ConsentRule::OptIn, "{country}");
    }
    for country in ["US", "JP", "AE", "BR"] {
        assert_eq!(config.rule("x", country), ConsentRule::OptOut, "{country}");
    }
    config.markets.insert("us".into(), ConsentRule::OptIn);
    config.markets.insert("gb".into(), ConsentRule::OptOut);
    assert_eq!(config.rule("us", "US"), ConsentRule::OptIn);
    assert_eq!(config.rule("gb", "GB"), ConsentRule::OptOut);
    let parsed: ConsentConfig = serde_json::from_str(r#"{"markets":{"jp":"opt_in"}}"#).unwrap();
    assert_eq!(parsed.rule("jp", "JP"), ConsentRule::OptIn);
}

#[test]
fn consent_mode_signals_follow_the_categories() {
    let only_analytics = Consent {
        functional: false,
        analytics: true,
        marketing: false,
    };
    let mode: serde_json::Value = serde_json::from_str(&only_analytics.mode_json()).unwrap();
    assert_eq!(mode["analytics_storage"], "granted");
    for key in ["ad_storage", "ad_user_data", "ad_personalization"] {
        assert_eq!(mode[key], "denied");
    }
    let none: serde_json::Value = serde_json::from_str(&Consent::NONE.mode_json()).unwrap();
    assert_eq!(none.as_object().unwrap().len(), 4);
    assert!(none.as_object().unwrap().values().all(|v| v == "denied"));
}

#[test]
fn a_stored_choice_reads_back_and_anything_else_is_no_choice() {
    let text = ConsentRecord::new(Consent::NONE).to_json();
    assert_eq!(ConsentRecord::read(&text), Some(Consent::NONE));
    assert_eq!(
        ConsentRecord::read(r#"{"version":1,"analytics":true,"marketing":false}"#),
        Some(Consent {
            functional: false,
            analytics: true,
            marketing: false
        })
    );
    for garbage in [
        "",
        "{}",
        "yes",
        r#"{"version":2,"analytics":true,"marketing":true}"#,
    ] {
        assert_eq!(ConsentRecord::read(garbage), None, "{garbage}");
    }
}

#[test]
fn the_gate_keeps_a_bounded_queue_until_the_choice() {
    let mut gate = Gate::waiting();
    for i in 0..(Gate::<usize>::CAPACITY + 5) {
        assert_eq!(gate.offer(i), None);
    }
    let sent = gate.decide(true);
    assert_eq!(sent.len(), Gate::<usize>::CAPACITY);
    assert_eq!(sent[0], 5, "the oldest are dropped first");
    let mut refused = Gate::waiting();
    refused.offer(1);
    assert!(refused.decide(false).is_empty());
    assert_eq!(refused.offer(2), None);
    assert_eq!(
        refused.decide(true),
        Vec::<i32>::new(),
        "nothing refused comes back"
    );
    assert_eq!(Gate::decided(true).offer(3), Some(3));
}

#[test]
fn the_outbox_puts_back_what_was_not_sent_within_its_bound() {
    let mut outbox = Outbox::new(4);
    for e in ["a", "b", "c"] {
        outbox.push(format!("\"{e}\""));
    }
    let batch = outbox.take(2);
    outbox.push("\"d\"".into());
    outbox.push("\"e\"".into());
    outbox.put_back(batch);
    // Room for one of the two put back: the newest events stay.
    assert_eq!(outbox.dropped(), 1);
    assert_eq!(outbox.take(10), ["\"b\"", "\"c\"", "\"d\"", "\"e\""]);
    let payload: serde_json::Value =
        serde_json::from_str(&Outbox::payload(&["{\"x\":1}".to_owned()], None)).unwrap();
    assert_eq!(payload["events"][0]["x"], 1);
    assert!(payload.get("client_id").is_none());
}

#[test]
fn a_store_config_reads_its_analytics_and_refuses_a_collector_that_is_no_url() {
    let base = |analytics: &str| {
        format!(
            r#"{{"name":"D","backend":{{"kind":"local","catalog":"/c.json"}},"default_market":"us",
            "markets":[{{"id":"us","country":"US","locale":"en-US","currency":"USD",
            "tax_display":"exclusive","duty_terms":"paid_at_checkout"}}]{analytics}}}"#
        )
    };
    let config = crate::StoreConfig::from_json(&base(
        r#","analytics":{"data_layer":true,"dom_event":true,"collector":"/collect","consent":{"markets":{"us":"opt_in"}}}"#,
    ))
    .unwrap();
    let analytics = config.analytics.unwrap();
    assert!(analytics.sends());
    assert_eq!(analytics.consent.rule("us", "US"), ConsentRule::OptIn);
    assert!(
        crate::StoreConfig::from_json(&base(""))
            .unwrap()
            .analytics
            .is_none()
    );
    for bad in ["collect", "javascript:alert(1)", "//evil.example/c", "/a b"] {
        let text = base(&format!(r#","analytics":{{"collector":"{bad}"}}"#));
        assert!(crate::StoreConfig::from_json(&text).is_err(), "{bad}");
    }
}

mod experiments {
    use super::super::experiments::*;

    fn split(weights: &[(&str, u32)]) -> Experiment {
        Experiment {
            key: "pdp-layout".into(),
            variants: weights
                .iter()
                .map(|(n, w)| ExperimentVariant {
                    name: (*n).into(),
                    weight: *w,
                })
                .collect(),
            audience: Audience::default(),
            start: None,
            end: None,
            paths: Vec::new(),
        }
    }

    fn shopper(now: i64) -> Shopper<'static> {
        Shopper {
            market: "de",
            language: "de-DE",
            returning: false,
            now,
        }
    }

    #[test]
    fn the_bucket_is_the_documented_hash() {
        // Computed independently (Python's hashlib): first 8 bytes of SHA-256("key:id"), mod 10000.
        assert_eq!(bucket("pdp-layout", "0f3a9c"), 2585);
        assert_eq!(bucket("hero", "abc123"), 8830);
    }

    #[test]
    fn over_100000_ids_each_variant_gets_its_weight_within_one_percent() {
        let experiment = split(&[("control", 50), ("b", 30), ("c", 20)]);
        let mut counts = [0u32; 3];
        for i in 0..100_000u32 {
            let id = format!("{:08x}{:04x}", i.wrapping_mul(2_654_435_761), i % 7919);
            match experiment.variant_for_bucket(bucket(&experiment.key, &id)) {
                "control" => counts[0] += 1,
                "b" => counts[1] += 1,
                _ => counts[2] += 1,
            }
        }
        for (count, weight) in counts.iter().zip([50u32, 30, 20]) {
            let share = f64::from(*count) / 1000.0;
            assert!((share - f64::from(weight)).abs() < 1.0, "{counts:?}");
        }
    }

    #[test]
    fn ranges_follow_the_declared_order_and_weights() {
        let experiment = split(&[("a", 1), ("b", 3)]);
        assert_eq!(experiment.variant_for_bucket(0), "a");
        assert_eq!(experiment.variant_for_bucket(2499), "a");
        assert_eq!(experiment.variant_for_bucket(2500), "b");
        assert_eq!(experiment.variant_for_bucket(9999), "b");
        let off = split(&[("a", 1), ("b", 0)]);
        assert!((0..BUCKETS).all(|b| off.variant_for_bucket(b) == "a"));
    }

    #[test]
    fn a_forced_variant_wins_and_an_unknown_one_is_ignored() {
        let experiment = split(&[("control", 1), ("b", 1)]);
        let now = shopper(0);
        for id in ["x", "y", "z"] {
            assert_eq!(experiment.assign(id, &now, Some("b")), ("b", true));
            let natural = experiment.assign(id, &now, None);
            assert_eq!(experiment.assign(id, &now, Some("nope")), natural);
            // Sticky: the same id gets the same variant every time.
            assert_eq!(experiment.assign(id, &now, None), natural);
        }
    }

    #[test]
    fn outside_the_audience_or_the_dates_the_control_is_shown_and_nothing_exposed() {
        let mut experiment = split(&[("control", 0), ("b", 1)]);
        experiment.audience.markets = vec!["de".into()];
        experiment.audience.visitors = Some(Visitors::New);
        experiment.start = Some("2026-12-01".into());
        experiment.end = Some("2026-12-31T00:00:00Z".into());
        let december = crate::clock::parse_utc("2026-12-06T12:00:00Z").unwrap();
        assert_eq!(
            experiment.assign("id", &shopper(december), None),
            ("b", true)
        );
        let before = crate::clock::parse_utc("2026-11-30T23:59:59Z").unwrap();
        assert_eq!(
            experiment.assign("id", &shopper(before), None),
            ("control", false)
        );
        let after = crate::clock::parse_utc("2026-12-31T00:00:00Z").unwrap();
        assert_eq!(
            experiment.assign("id", &shopper(after), None),
            ("control", false)
        );
        let us = Shopper {
            market: "us",
            ..shopper(december)
        };
        assert_eq!(experiment.assign("id", &us, None), ("control", false));
        let returning = Shopper {
            returning: true,
            ..shopper(december)
        };
        assert_eq!(
            experiment.assign("id", &returning, None),
            ("control", false)
        );
    }

    #[test]
    fn a_styles_only_variant_shows_on_its_paths() {
        let mut experiment = split(&[("a", 1)]);
        assert!(experiment.shows_on("/"));
        experiment.paths = vec!["/products/".into(), "/cart".into()];
        assert!(experiment.shows_on("/products/wool-overcoat"));
        assert!(experiment.shows_on("/cart"));
        assert!(!experiment.shows_on("/"));
        assert!(!experiment.shows_on("/collections/bags"));
    }

    #[test]
    fn declarations_that_cannot_work_are_refused() {
        assert_eq!(split(&[]).check(), Err(ExperimentProblem::NoVariants));
        assert_eq!(
            split(&[("a", 0)]).check(),
            Err(ExperimentProblem::NoVariants)
        );
        assert_eq!(
            split(&[("a", 1), ("a", 1)]).check(),
            Err(ExperimentProblem::DuplicateVariant)
        );
        let mut dated = split(&[("a", 1)]);
        dated.start = Some("06/12/2026".into());
        assert_eq!(dated.check(), Err(ExperimentProblem::BadDate));
        let ok = split(&[("a", 1)]);
        assert_eq!(
            check_all(&[ok.clone(), ok]),
            Err(ExperimentProblem::DuplicateKey)
        );
    }

    #[test]
    fn forced_variants_read_from_the_query() {
        assert_eq!(
            forced_variants("dhow_exp=a%3Ab"),
            vec![("a".into(), "b".into())]
        );
        assert_eq!(
            forced_variants("?dhow_exp=a:b&dhow_exp=c:d"),
            vec![("a".into(), "b".into()), ("c".into(), "d".into())]
        );
        assert!(forced_variants("?dhow_exp=&x=a:b").is_empty());
    }
}
