//! Decoding tests without a server: every saved Medusa response (`tests/fixtures/medusa/`) maps
//! to the model values checked by hand, and malformed answers (`fixtures/medusa/malformed/`) give
//! typed errors or correct values, never a panic.

use proptest::prelude::*;

use super::*;
use crate::StoreConfig;
use crate::medusa::transport::decode;
use crate::model::{Cart, Facet, OrderStatus, facets};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/medusa/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn market(id: &str) -> Market {
    let config = StoreConfig::from_json(include_str!("../../../../public/dhow.json"))
        .expect("public/dhow.json");
    config.market(id).cloned().expect("market")
}

fn cart_of(name: &str, market_id: &str) -> Result<Cart> {
    let w: wire::CartEnvelope = decode(&fixture(name))?;
    cart(&w.cart, &market(market_id))
}

fn eur(text: &str) -> Money {
    Money::parse(text, Currency::EUR).expect("eur")
}

fn usd(text: &str) -> Money {
    Money::parse(text, Currency::USD).expect("usd")
}

fn jpy(text: &str) -> Money {
    Money::parse(text, Currency::JPY).expect("jpy")
}

/// The sums every cart must keep (as the contract suite checks them).
fn assert_invariants(cart: &Cart) {
    crate::model::assert_totals_add_up(cart);
    let t = &cart.totals;
    let sum = |m: Vec<Money>| Money::sum(cart.currency, m).expect("one currency");
    assert_eq!(
        sum(cart.discounts.iter().map(|d| d.amount).collect()),
        t.discount.amount
    );
    for line in &cart.lines {
        assert_eq!(
            line.total,
            line.subtotal
                .checked_sub(line.discount)
                .expect("same currency")
        );
    }
}

#[test]
fn a_tax_inclusive_cart_ready_to_pay() {
    let cart = cart_of("cart_ready.json", "de").expect("maps");
    assert_invariants(&cart);
    let t = &cart.totals;
    assert!(t.tax_included);
    // Two mugs at 16.90 with VAT inside, 10 % off (3.3799999999999994 → 3.38), standard
    // shipping 4.90: 33.80 − 3.38 + 4.90 = 35.32, of which VAT 5.639327731092437 → 5.64.
    assert_eq!(t.subtotal.amount, eur("33.80"));
    assert_eq!(t.discount.amount, eur("3.38"));
    assert_eq!(t.shipping.map(|s| s.amount), Some(eur("4.90")));
    assert_eq!(t.tax.amount, eur("5.64"));
    assert_eq!(t.total.amount, eur("35.32"));
    assert!(!t.total.estimate && !t.tax.estimate);
    assert_eq!(t.tax_lines.len(), 1);
    assert_eq!(t.tax_lines[0].name, "VAT");
    assert_eq!(t.tax_lines[0].rate, Decimal::new(19, 2));
    let line = &cart.lines[0];
    assert_eq!((line.quantity, line.unit_price), (2, eur("16.90")));
    assert_eq!((line.discount, line.total), (eur("3.38"), eur("30.42")));
    // 4.8569747899159665 → 4.86.
    assert_eq!(line.tax, eur("4.86"));
    assert_eq!(line.handle, "enamel-camp-mug");
    assert_eq!(line.variant_title, "White");
    assert_eq!(cart.discounts[0].code, "WELCOME10");
    assert_eq!(cart.email.as_deref(), Some("erika@example.com"));
    let shipping = cart.shipping_address.as_ref().expect("address");
    assert_eq!(
        (shipping.city.as_str(), shipping.country.as_str()),
        ("Hamburg", "DE")
    );
    assert_eq!(
        cart.billing_address, None,
        "billing is the shipping address"
    );
    assert!(cart.shipping_option.is_some());
}

#[test]
fn a_tax_exclusive_cart_adds_sales_tax_on_goods_and_shipping() {
    let cart = cart_of("cart_usd_ny.json", "us").expect("maps");
    assert_invariants(&cart);
    let t = &cart.totals;
    assert!(!t.tax_included);
    // Three mugs at 17.90 = 53.70, 10 % off = 5.37, shipping 9.90, NY tax 4 % of
    // (48.33 + 9.90) = 2.3292 → 2.33; total 60.5592 → 60.56 = 53.70 − 5.37 + 9.90 + 2.33.
    assert_eq!(t.subtotal.amount, usd("53.70"));
    assert_eq!(t.discount.amount, usd("5.37"));
    assert_eq!(t.shipping.map(|s| s.amount), Some(usd("9.90")));
    assert_eq!(t.tax.amount, usd("2.33"));
    assert_eq!(t.total.amount, usd("60.56"));
    assert_eq!(t.tax_lines[0].name, "NY sales tax");
    assert_eq!(t.tax_lines[0].rate, Decimal::new(4, 2));
    let address = cart.shipping_address.as_ref().expect("address");
    assert_eq!(address.region.as_deref(), Some("NY"), "us-ny → NY");
}

#[test]
fn a_yen_cart_rounds_to_whole_yen_and_estimates_before_shipping() {
    let cart = cart_of("cart_jpy.json", "jp").expect("maps");
    assert_invariants(&cart);
    let t = &cart.totals;
    // 2700 − 270 = 2430; consumption tax inside 220.909… → 221.
    assert_eq!(t.subtotal.amount, jpy("2700"));
    assert_eq!(t.discount.amount, jpy("270"));
    assert_eq!(t.tax.amount, jpy("221"));
    assert_eq!(t.total.amount, jpy("2430"));
    assert_eq!(t.shipping, None);
    assert!(t.total.estimate, "shipping is still to come");
    assert!(t.tax.estimate, "no destination yet");
}

#[test]
fn every_saved_cart_keeps_the_invariants() {
    for (name, market_id) in [
        ("cart.json", "de"),
        ("cart_with_promotion.json", "de"),
        ("cart_ready.json", "de"),
        ("cart_usd_ny.json", "us"),
        ("cart_jpy.json", "jp"),
    ] {
        let cart = cart_of(name, market_id).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_invariants(&cart);
        assert_eq!(cart.market, market(market_id).id);
    }
    let with_code = cart_of("cart_with_promotion.json", "de").expect("maps");
    assert_eq!(with_code.totals.discount.amount, eur("3.38"));
    assert_eq!(with_code.discounts[0].amount, eur("3.38"));
    assert_eq!(with_code.totals.total.amount, eur("30.42"));
}

#[test]
fn an_order_maps_with_its_number_payment_and_shipping() {
    let w: wire::OrderEnvelope = decode(&fixture("order.json")).expect("decodes");
    let order = order(&w.order, &market("de")).expect("maps");
    assert_eq!(
        order.number,
        w.order.display_id.expect("display id").to_string()
    );
    assert_eq!(order.email, "erika@example.com");
    assert_eq!(order.status, OrderStatus::Placed);
    assert_eq!(order.totals.total.amount, eur("35.32"));
    assert_eq!(order.totals.tax.amount, eur("5.64"));
    assert_eq!(
        order.totals.total.amount,
        order.totals.expected_total().expect("computes")
    );
    let payment = order.payment.expect("paid");
    assert_eq!(payment.amount, eur("35.32"));
    assert_eq!(payment.method.as_str(), SYSTEM_PROVIDER);
    let shipping = order.shipping_option.expect("shipping");
    assert_eq!(
        (shipping.name.as_str(), shipping.amount),
        ("Standard", eur("4.90"))
    );
    assert_eq!(order.shipping_address.postal_code.as_deref(), Some("20457"));
    assert_eq!(order.lines.len(), 1);
}

#[test]
fn completing_twice_answers_with_the_same_order() {
    let first: wire::Completion = decode(&fixture("complete.json")).expect("decodes");
    let again: wire::Completion = decode(&fixture("complete_again.json")).expect("decodes");
    assert_eq!(first.kind, "order");
    assert_eq!(
        first.order.map(|o| o.id),
        again.order.map(|o| o.id),
        "Medusa answers a second completion with the same order"
    );
    let refused: wire::Completion =
        decode(&fixture("malformed/completion_with_error.json")).expect("decodes");
    assert_eq!(refused.kind, "cart");
    assert_eq!(
        refused.error.and_then(|e| e.kind).as_deref(),
        Some("payment_authorization_error")
    );
}

#[test]
fn products_map_with_prices_options_and_stock() {
    let w: wire::Products = decode(&fixture("products.json")).expect("decodes");
    let de = market("de");
    let products: Vec<Product> = w
        .products
        .iter()
        .map(|p| product(p, &de).expect("maps").expect("priced"))
        .collect();
    assert_eq!(products.len(), 7);
    for p in &products {
        assert!(!p.variants.is_empty(), "{}", p.handle);
        for v in &p.variants {
            assert_eq!(v.options.len(), p.options.len(), "{}", p.handle);
            assert!(v.options.iter().all(|o| !o.is_empty()), "{}", p.handle);
            assert_eq!(v.price.amount.currency(), Currency::EUR);
            assert!(v.price.tax_included);
        }
    }
    let tee = products
        .iter()
        .find(|p| p.handle == "garment-dyed-tee")
        .expect("tee");
    assert!(!tee.available(), "every tee is sold out");
    let facets = facets(&products, &[]);
    assert!(
        facets
            .iter()
            .any(|f| matches!(f, Facet::Option { name, .. } if name == "Size"))
    );
    assert!(
        facets
            .iter()
            .any(|f| matches!(f, Facet::InStock { count: 6 }))
    );

    let one: serde_json::Value = decode(&fixture("product.json")).expect("decodes");
    let w: wire::Product = serde_json::from_value(one["product"].clone()).expect("product");
    let mug = product(&w, &de).expect("maps").expect("priced");
    assert_eq!(mug.handle, "enamel-camp-mug");
    assert_eq!(mug.options[0].name, "Colour");
    let white = mug
        .variants
        .iter()
        .find(|v| v.options == ["White"])
        .expect("white");
    assert_eq!(white.price.amount, eur("16.90"));
    assert_eq!(white.sku.as_deref(), Some("DG-ECM-WHI"));
    assert!(white.stock.is_some_and(|s| s > 0));
    assert_eq!(mug.images[0].url, "/images/products/enamel-camp-mug.svg");

    let w: wire::Product = decode(&fixture("product_usd.json")).expect("bare product");
    let mug = product(&w, &market("us")).expect("maps").expect("priced");
    assert_eq!(mug.lowest_price().map(|p| p.amount), Some(usd("17.90")));
    assert!(!mug.variants[0].price.tax_included);
}

#[test]
fn regions_shipping_options_and_payment_collections_decode() {
    let regions: wire::Regions = decode(&fixture("regions.json")).expect("regions");
    let codes: Vec<&str> = regions
        .regions
        .iter()
        .map(|r| r.currency_code.as_str())
        .collect();
    assert_eq!(codes.len(), 4);
    assert!(codes.contains(&"jpy"));
    let options: wire::ShippingOptions =
        decode(&fixture("shipping_options.json")).expect("options");
    let mapped: Vec<ShippingOption> = options
        .shipping_options
        .iter()
        .filter_map(|o| shipping_option(o, Currency::EUR).expect("maps"))
        .collect();
    let standard = mapped
        .iter()
        .find(|o| o.name == "Standard")
        .expect("standard");
    assert_eq!(standard.amount, eur("4.90"));
    let pc: wire::PaymentCollectionEnvelope =
        decode(&fixture("payment_collection.json")).expect("collection");
    let payment = payment(&pc.payment_collection).expect("maps");
    assert_eq!(payment.amount, eur("35.32"));
    assert_eq!(payment.description, "Manual payment");
}

#[test]
fn addresses_go_both_ways() {
    let address = Address::new(
        "Sam",
        "Rivera",
        "350 5th Ave",
        "New York",
        CountryCode::parse("US").expect("US"),
    )
    .with_region("New York")
    .with_postal_code("10118");
    let w = from_address(&address);
    assert_eq!(w.province.as_deref(), Some("us-ny"));
    assert_eq!(w.country_code.as_deref(), Some("us"));
    let back = to_address(&w).expect("an address");
    assert_eq!(back.region.as_deref(), Some("NY"));
    assert_eq!(back.line1, "350 5th Ave");
    let jp = Address::new(
        "Aiko",
        "Sato",
        "1-1 Chiyoda",
        "Chiyoda-ku",
        CountryCode::parse("JP").expect("JP"),
    )
    .with_region("13")
    .with_postal_code("1008111");
    let w = from_address(&jp);
    assert_eq!(w.province.as_deref(), Some("jp-13"));
    assert_eq!(w.postal_code.as_deref(), Some("100-8111"));
    // Medusa's placeholder holding only a country is no address.
    let placeholder = wire::Address {
        country_code: Some("us".into()),
        ..wire::Address::default()
    };
    assert_eq!(to_address(&placeholder), None);
}

/// Decodes a cart fixture and maps it in `market_id`: the path every cart answer takes.
fn malformed_cart(name: &str, market_id: &str) -> Result<Cart> {
    let w: wire::CartEnvelope = decode(&fixture(&format!("malformed/{name}")))?;
    cart(&w.cart, &market(market_id))
}

#[test]
fn malformed_carts_are_decode_errors() {
    for name in [
        "cart_missing_total.json",
        "cart_total_not_a_number.json",
        "cart_total_null.json",
        "cart_quantity_wrong_type.json",
        "cart_quantity_negative.json",
        "cart_unknown_currency.json",
        "cart_totals_disagree.json",
        "cart_items_not_a_list.json",
        "cart_amount_beyond_i64.json",
        "cart_amount_exponent_overflow.json",
        "cart_empty_object.json",
        "not_json.json",
    ] {
        let got = malformed_cart(name, "de");
        assert!(matches!(got, Err(Error::Decode { .. })), "{name}: {got:?}");
    }
}

#[test]
fn unexpected_but_readable_carts_map_correctly() {
    // Lists sent as null are empty.
    let empty = malformed_cart("cart_null_lists.json", "de").expect("maps");
    assert!(empty.lines.is_empty() && empty.discounts.is_empty());
    assert!(empty.totals.total.amount.is_zero());
    // Exponents are read exactly: 3.532E1 is 35.32, 1.69e+1 is 16.90, 490e-2 is 4.90.
    let exp = malformed_cart("cart_amounts_with_exponents.json", "de").expect("maps");
    assert_eq!(exp.totals.total.amount, eur("35.32"));
    assert_eq!(exp.lines[0].unit_price, eur("16.90"));
    assert_eq!(exp.totals.shipping.map(|s| s.amount), Some(eur("4.90")));
    assert_invariants(&exp);
    // An address without a country is not an address; the tax is then an estimate.
    let no_country = malformed_cart("cart_address_without_country.json", "de").expect("maps");
    assert_eq!(no_country.shipping_address, None);
    assert!(no_country.totals.tax.estimate);
}

fn malformed_product(name: &str, market_id: &str) -> Result<Option<Product>> {
    let v: serde_json::Value = decode(&fixture(&format!("malformed/{name}")))?;
    let w: wire::Product =
        serde_json::from_value(v["product"].clone()).map_err(|e| Error::Decode {
            message: e.to_string(),
        })?;
    product(&w, &market(market_id))
}

#[test]
fn malformed_products() {
    assert_eq!(
        malformed_product("product_without_prices.json", "de").expect("reads"),
        None
    );
    assert!(matches!(
        malformed_product("product_priced_in_another_currency.json", "de"),
        Err(Error::Decode { .. })
    ));
    assert!(matches!(
        malformed_product("product_missing_handle.json", "de"),
        Err(Error::Decode { .. })
    ));
    let negative = malformed_product("product_negative_stock.json", "de")
        .expect("reads")
        .expect("priced");
    assert_eq!(negative.variants[0].stock, Some(0));
    assert!(!negative.variants[0].available);
    let html = malformed_product("product_html_description.json", "de")
        .expect("reads")
        .expect("priced");
    assert!(!html.description.contains('<') || html.description.ends_with("1 < 2"));
    assert!(!html.description.contains("<script"));
    assert!(html.description.starts_with("A steel mug."));
    let w: wire::OrderEnvelope =
        decode(&fixture("malformed/order_without_display_id.json")).expect("decodes");
    assert!(matches!(
        order(&w.order, &market("de")),
        Err(Error::Decode { .. })
    ));
}

#[test]
fn splitting_keeps_every_minor_unit() {
    let parts = split(eur("0.10"), &[1, 1, 1], &[]).expect("splits");
    assert_eq!(Money::sum(Currency::EUR, parts).expect("sum"), eur("0.10"));
    let parts = split(eur("0.05"), &[0, 0], &[100, 300]).expect("falls back");
    assert_eq!(parts, [eur("0.01"), eur("0.04")]);
    assert!(
        split(eur("1.00"), &[], &[]).is_err(),
        "nothing to share out over"
    );
    assert_eq!(split(eur("0.00"), &[], &[]).expect("nothing"), []);
}

/// JSON number text: sign, integer digits, fraction, exponent.
fn json_number() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        "(0|[1-9][0-9]{0,30})",
        proptest::option::of("[0-9]{1,25}"),
        proptest::option::of((
            prop_oneof![Just("e"), Just("E")],
            prop_oneof![Just(""), Just("+"), Just("-")],
            "[0-9]{1,5}",
        )),
    )
        .prop_map(|(negative, int, frac, exp)| {
            let mut s = String::new();
            if negative {
                s.push('-');
            }
            s.push_str(&int);
            if let Some(f) = frac {
                s.push('.');
                s.push_str(&f);
            }
            if let Some((e, sign, digits)) = exp {
                s.push_str(e);
                s.push_str(sign);
                s.push_str(&digits);
            }
            s
        })
}

proptest! {
    /// Any JSON number as the cart's tax or a line's price gives a cart or a typed error, and
    /// an amount that reads is exactly the decimal written.
    #[test]
    fn any_json_number_as_an_amount_is_a_value_or_a_typed_error(number in json_number()) {
        let amount: std::result::Result<Amount, _> = serde_json::from_str(&number);
        if let Ok(amount) = amount {
            prop_assert_eq!(Some(amount.0), Decimal::parse_json_number(&number).ok());
        }
        let ready = fixture("cart_ready.json");
        for (from, to) in [
            ("\"tax_total\": 5.639327731092437", format!("\"tax_total\": {number}")),
            ("\"unit_price\": 16.9", format!("\"unit_price\": {number}")),
        ] {
            let text = ready.replacen(from, &to, 1);
            prop_assert_ne!(&text, &ready);
            let mapped = decode::<wire::CartEnvelope>(&text)
                .and_then(|w| cart(&w.cart, &market("de")));
            match mapped {
                Ok(c) => assert_invariants(&c),
                Err(Error::Decode { .. }) => {}
                Err(other) => prop_assert!(false, "{other:?}"),
            }
        }
    }
}
