//! Decoding tests of the Vendure adapter, without a server: real Shop API responses saved in
//! `sdk/tests/fixtures/vendure/` (those of `capture-fixtures.sh`, and under `adapter/` those of
//! the adapter's own operations, taken from the offline run's cassettes), and hand-written malformed
//! ones under `malformed/`. Every answer maps to the right value or to a typed error.

use super::errors;
use super::mapping::{self, CartContext, VendureAmounts};
use super::queries as q;
use super::transport::{RequestContext, decode};
use crate::address::CountryCode;
use crate::error::Error;
use crate::ids::{CartId, MarketId};
use crate::market::{DutyTerms, Market, TaxDisplay};
use crate::money::{Currency, Money, RoundingRule};

/// A saved answer under `sdk/tests/fixtures/vendure/`, built into the test binary.
macro_rules! fixture {
    ($path:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/vendure/",
            $path
        ))
    };
}
pub(super) use fixture;

/// An answer that must decode.
pub(super) fn ok<T: serde::de::DeserializeOwned>(body: &[u8]) -> T {
    decode::<T>(body, 200, RequestContext::default()).expect("decodes")
}

fn currency(code: &str) -> Currency {
    Currency::from_code(code).expect("currency")
}

fn money(text: &str, code: &str) -> Money {
    Money::parse(text, currency(code)).expect("amount")
}

fn market(id: &str, country: &str, code: &str, tax: TaxDisplay) -> Market {
    Market {
        id: MarketId(id.into()),
        country: CountryCode::parse(country).expect("country"),
        locale: "en-US".into(),
        languages: Vec::new(),
        currency: currency(code),
        tax_display: tax,
        duty_terms: DutyTerms::PaidAtCheckout,
        rounding: RoundingRule::Nearest,
    }
}

fn cart_of(order: &q::OrderFields, market: &Market, tax_included: bool) -> crate::model::Cart {
    let id = CartId("v1".into());
    let ctx = CartContext {
        id: &id,
        market,
        precision: 2,
        tax_included,
    };
    mapping::cart(order, &ctx).expect("maps")
}

fn invariants(cart: &crate::model::Cart) {
    crate::model::assert_totals_add_up(cart);
}

// ---------------------------------------------------------------------------------------------
// Saved responses

#[test]
fn a_usd_product_maps_with_options_and_stock() {
    let data: q::ProductQuery = ok(fixture!("product.json"));
    let product =
        mapping::product(data.product.expect("product"), currency("USD"), 2, false).expect("maps");
    assert_eq!(product.handle, "merino-crew-sweater");
    assert_eq!(product.options.len(), 2);
    assert_eq!(product.options[0].name, "Size");
    let first = &product.variants[0];
    assert_eq!(first.price.amount, money("95.00", "USD"));
    assert!(!first.price.tax_included);
    assert_eq!(first.options.len(), 2, "one value per option");
    assert_eq!(first.title, first.options.join(" / "));
    assert!(
        product.variants.iter().any(|v| !v.available),
        "the sold-out variant"
    );
    assert!(!product.description.contains('<'), "plain text");
}

#[test]
fn a_jpy_price_is_whole_yen_from_hundredths() {
    // Vendure keeps JPY in hundredths: 1490000 is ¥14,900 with tax.
    let data: q::ProductQuery = ok(fixture!("product_jpy.json"));
    let product =
        mapping::product(data.product.expect("product"), currency("JPY"), 2, true).expect("maps");
    let price = &product.variants[0].price;
    assert_eq!(price.amount, money("14900", "JPY"));
    assert_eq!(price.amount.minor_units(), 14_900);
    assert!(price.tax_included);
}

#[test]
fn a_jpy_net_price_with_a_fraction_of_a_yen_is_refused_not_rounded() {
    // The same product's net price (¥12,521.01) is not whole yen: shown without tax it would be
    // a price Vendure cannot charge.
    let data: q::ProductQuery = ok(fixture!("product_jpy.json"));
    let refused = mapping::product(data.product.expect("product"), currency("JPY"), 2, false);
    assert!(matches!(refused, Err(Error::Decode { .. })), "{refused:?}");
}

#[test]
fn a_eur_product_in_the_tax_inclusive_channel() {
    let data: q::ProductQuery = ok(fixture!("eu_product.json"));
    let product =
        mapping::product(data.product.expect("product"), currency("EUR"), 2, true).expect("maps");
    assert_eq!(product.variants[0].price.amount, money("89.00", "EUR"));
}

#[test]
fn a_missing_product_is_none() {
    let data: q::ProductQuery = ok(fixture!("product_missing.json"));
    assert!(data.product.is_none());
}

#[test]
fn a_us_cart_with_a_code_shipping_and_tax_adds_up() {
    let data: q::SetShippingMethod = ok(fixture!("adapter/us_cart.json"));
    let order =
        errors::outcome(data.set_order_shipping_method.into(), None, None).expect("an order");
    let us = market("us", "US", "USD", TaxDisplay::Exclusive);
    let cart = cart_of(&order, &us, false);
    // Two sweaters at $95.00; WELCOME10 takes $19.00; Standard shipping $9.90; 6 % US tax on
    // $171.00 is $10.26 (shipping untaxed); $171.00 + $9.90 + $10.26 = $191.16.
    let line = &cart.lines[0];
    assert_eq!(line.quantity, 2);
    assert_eq!(line.unit_price, money("95.00", "USD"));
    assert_eq!(line.subtotal, money("190.00", "USD"));
    assert_eq!(line.discount, money("19.00", "USD"));
    assert_eq!(line.total, money("171.00", "USD"));
    assert_eq!(line.tax, money("10.26", "USD"));
    let t = &cart.totals;
    assert!(!t.tax_included);
    assert_eq!(t.subtotal.amount, money("190.00", "USD"));
    assert_eq!(t.discount.amount, money("19.00", "USD"));
    assert_eq!(t.shipping.expect("shipping").amount, money("9.90", "USD"));
    assert_eq!(t.tax.amount, money("10.26", "USD"));
    assert_eq!(t.total.amount, money("191.16", "USD"));
    assert!(!t.total.estimate, "address and shipping are known");
    assert_eq!(t.tax_lines.len(), 1, "the zero shipping tax is left out");
    assert_eq!(t.tax_lines[0].name, "Sales tax US");
    assert_eq!(
        t.tax_lines[0].rate.map(|r| r.to_string()),
        Some("0.06".into())
    );
    assert_eq!(cart.discounts.len(), 1);
    assert_eq!(cart.discounts[0].code, "WELCOME10");
    assert_eq!(cart.discounts[0].amount, money("19.00", "USD"));
    let address = cart.shipping_address.as_ref().expect("address");
    assert_eq!(
        (address.first_name.as_str(), address.last_name.as_str()),
        ("Sam", "Rivera")
    );
    assert_eq!(address.region.as_deref(), Some("CA"));
    assert_eq!(cart.shipping_option.as_ref().map(|o| o.as_str()), Some("1"));
    invariants(&cart);
}

#[test]
fn a_jpy_cart_in_the_tax_inclusive_channel_adds_up_to_the_yen() {
    let data: q::SetShippingMethod = ok(fixture!("adapter/jp_cart.json"));
    let order =
        errors::outcome(data.set_order_shipping_method.into(), None, None).expect("an order");
    let jp = market("jp", "JP", "JPY", TaxDisplay::Inclusive);
    let cart = cart_of(&order, &jp, true);
    // Two at ¥14,900 with tax; 10 % off is ¥2,980; shipping ¥1,500 with tax: ¥28,320.
    let t = &cart.totals;
    assert!(t.tax_included);
    assert_eq!(t.subtotal.amount, money("29800", "JPY"));
    assert_eq!(t.discount.amount, money("2980", "JPY"));
    assert_eq!(t.shipping.expect("shipping").amount, money("1500", "JPY"));
    assert_eq!(t.total.amount, money("28320", "JPY"));
    // Included tax is ¥2,574.54 at Vendure's precision: rounded to ¥2,575, and the tax lines
    // (¥2,438.18 and ¥136.36) carry the rounding difference on the largest one.
    assert_eq!(t.tax.amount, money("2575", "JPY"));
    assert_eq!(t.tax_lines.len(), 2);
    assert_eq!(t.tax_lines[0].amount, money("2439", "JPY"));
    assert_eq!(t.tax_lines[1].amount, money("136", "JPY"));
    invariants(&cart);
}

#[test]
fn a_paid_order_carries_its_payment_of_the_whole_total() {
    let data: q::AddPayment = ok(fixture!("adapter/us_paid.json"));
    let order = errors::outcome(data.add_payment_to_order.into(), None, None).expect("order");
    assert!(!order.active);
    let usd = VendureAmounts::new(currency("USD"), 2).expect("converter");
    let payment = mapping::payment(&order, &usd, "Card •••• 4242".into()).expect("payment");
    let us = market("us", "US", "USD", TaxDisplay::Exclusive);
    assert_eq!(
        payment.amount,
        cart_of(&order, &us, false).totals.total.amount
    );
}

#[test]
fn an_order_looked_up_in_jpy_is_final() {
    let data: q::OrderByCodeQuery = ok(fixture!("adapter/jp_order.json"));
    let found = data.order_by_code.expect("order");
    let jp = market("jp", "JP", "JPY", TaxDisplay::Inclusive);
    let id = CartId(String::new());
    let ctx = CartContext {
        id: &id,
        market: &jp,
        precision: 2,
        tax_included: true,
    };
    let order = mapping::order(&found, &ctx, "dummy-payment".into()).expect("maps");
    assert_eq!(order.number, found.code);
    assert!(!order.placed_at.is_empty());
    assert_eq!(order.totals.total.amount.currency().code(), "JPY");
    assert!(!order.totals.total.estimate);
    assert_eq!(
        order.payment.expect("payment").amount,
        order.totals.total.amount
    );
}

#[test]
fn shipping_quotes_with_fractional_net_prices_read_exactly() {
    // Vendure sends the net price behind ¥1,500 as 136363.63636363635.
    let data: q::ShippingMethodsQuery = ok(fixture!("adapter/jp_shipping_methods.json"));
    let yen = VendureAmounts::new(currency("JPY"), 2).expect("converter");
    let options: Vec<_> = data
        .eligible_shipping_methods
        .into_iter()
        .map(|quote| mapping::shipping_option(quote, &yen, true).expect("maps"))
        .collect();
    assert_eq!(options[0].amount, money("1500", "JPY"));
    assert_eq!(options[1].amount, money("4500", "JPY"));
}

#[test]
fn usd_shipping_methods_and_payment_methods_decode() {
    let data: q::ShippingMethodsQuery = ok(fixture!("shipping_methods.json"));
    assert!(!data.eligible_shipping_methods.is_empty());
    let data: q::PaymentMethodsQuery = ok(fixture!("payment_methods.json"));
    assert_eq!(data.eligible_payment_methods[0].code, "dummy-payment");
}

#[test]
fn a_search_page_decodes_with_facets() {
    let data: q::SearchQuery = ok(fixture!("adapter/us_search.json"));
    assert!(data.search.total_items >= 1);
    assert!(!data.search.items.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Malformed and unexpected responses: a typed error, never a panic

fn decode_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(body: &[u8]) -> Error {
    decode::<T>(body, 200, RequestContext::default()).expect_err("refused")
}

#[test]
fn missing_fields_nulls_wrong_types_and_huge_numbers_are_decode_errors() {
    for error in [
        decode_error::<q::ProductQuery>(fixture!("malformed/missing_field.json")),
        decode_error::<q::ProductQuery>(fixture!("malformed/null_data.json")),
        decode_error::<q::ShippingMethodsQuery>(fixture!("malformed/wrong_type.json")),
        decode_error::<q::ProductQuery>(b"not json at all"),
        decode_error::<q::ProductQuery>(b"{}"),
    ] {
        assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    }
}

#[test]
fn amounts_beyond_the_range_of_money_are_refused() {
    // 1.2e29 still reads as a decimal; it cannot become minor units in an i64.
    let data: q::ShippingMethodsQuery = ok(fixture!("malformed/huge_number.json"));
    let usd = VendureAmounts::new(currency("USD"), 2).expect("converter");
    for tax_included in [false, true] {
        let quote = q::ShippingQuote {
            id: data.eligible_shipping_methods[0].id.clone(),
            name: String::new(),
            price: data.eligible_shipping_methods[0].price,
            price_with_tax: data.eligible_shipping_methods[0].price_with_tax,
        };
        let refused = mapping::shipping_option(quote, &usd, tax_included);
        assert!(matches!(refused, Err(Error::Decode { .. })), "{refused:?}");
    }
}

#[test]
fn an_amount_that_is_not_whole_minor_units_is_refused() {
    let data: q::ShippingMethodsQuery = ok(fixture!("malformed/fractional_jpy.json"));
    let yen = VendureAmounts::new(currency("JPY"), 2).expect("converter");
    let quote = data
        .eligible_shipping_methods
        .into_iter()
        .next()
        .expect("one");
    let refused = mapping::shipping_option(quote, &yen, true);
    assert!(matches!(refused, Err(Error::Decode { .. })), "{refused:?}");
}

#[test]
fn an_unknown_currency_is_a_decode_error() {
    let data: q::ProductQuery = ok(fixture!("malformed/unknown_currency.json"));
    let refused = mapping::product(data.product.expect("product"), currency("USD"), 2, false);
    assert!(matches!(refused, Err(Error::Decode { .. })), "{refused:?}");
    assert!(matches!(
        mapping::currency("XBT"),
        Err(Error::Decode { .. })
    ));
}

#[test]
fn graphql_errors_win_over_partial_data() {
    let error = decode_error::<q::OrderByCodeQuery>(fixture!("malformed/graphql_errors.json"));
    assert!(
        matches!(&error, Error::Backend { code, .. } if code == "FORBIDDEN"),
        "{error:?}"
    );
    let chf = RequestContext {
        currency: Some("CHF"),
        ..RequestContext::default()
    };
    let error = decode::<q::ProductQuery>(fixture!("malformed/currency_not_sold.json"), 200, chf)
        .expect_err("refused");
    assert_eq!(
        error,
        Error::NotSold {
            what: crate::error::Unsold::Currency,
            code: "CHF".into()
        }
    );
    let error = decode_error::<q::ProductQuery>(fixture!("malformed/errors_wrong_types.json"));
    assert!(matches!(error, Error::Backend { .. }), "{error:?}");
}

#[test]
fn an_http_error_page_is_a_backend_error_with_its_status() {
    let error = decode::<q::ProductQuery>(
        fixture!("malformed/bad_gateway.html"),
        502,
        RequestContext::default(),
    )
    .expect_err("refused");
    assert!(
        matches!(&error, Error::Backend { code, .. } if code == "502"),
        "{error:?}"
    );
}

#[test]
fn a_line_with_a_negative_quantity_is_refused() {
    let data: q::SetShippingMethod = ok(fixture!("malformed/negative_quantity.json"));
    let order = errors::outcome(data.set_order_shipping_method.into(), None, None).expect("order");
    let us = market("us", "US", "USD", TaxDisplay::Exclusive);
    let id = CartId("v1".into());
    let ctx = CartContext {
        id: &id,
        market: &us,
        precision: 2,
        tax_included: false,
    };
    assert!(matches!(
        mapping::cart(&order, &ctx),
        Err(Error::Decode { .. })
    ));
}

// ---------------------------------------------------------------------------------------------
// Small conversions

#[test]
fn units_convert_per_currency_exponent() {
    let units = |v| q::Units::whole(v);
    let yen = VendureAmounts::new(currency("JPY"), 2).expect("jpy");
    assert_eq!(
        yen.exact(units(195_000)).expect("exact"),
        money("1950", "JPY")
    );
    assert!(yen.exact(units(195_050)).is_err());
    assert_eq!(
        yen.rounded(units(195_050)).expect("rounded"),
        money("1950", "JPY"),
        "half to even"
    );
    let dinar = VendureAmounts::new(currency("KWD"), 2).expect("kwd");
    assert_eq!(
        dinar.exact(units(1_234)).expect("exact"),
        money("12.340", "KWD")
    );
    let euro = VendureAmounts::new(currency("EUR"), 4).expect("precision 4");
    assert_eq!(
        euro.exact(units(123_400)).expect("exact"),
        money("12.34", "EUR")
    );
    assert!(VendureAmounts::new(currency("EUR"), 200).is_err());
}

#[test]
fn rates_languages_and_text() {
    assert_eq!(
        mapping::rate(7.25).map(|r| r.to_string()),
        Some("0.0725".into())
    );
    assert_eq!(mapping::rate(f64::NAN), None);
    assert_eq!(
        mapping::rate(20.0).map(|r| r.to_string()),
        Some("0.20".into())
    );
    // A float is read as the shortest text that is the same float, exponents included.
    let shortest = |v: f64| mapping::shortest(v).map(|d| d.to_string());
    assert_eq!(shortest(0.1 + 0.2).as_deref(), Some("0.30000000000000004"));
    assert_eq!(shortest(1e-7).as_deref(), Some("0.0000001"));
    assert_eq!(shortest(-2.5e3).as_deref(), Some("-2500"));
    assert_eq!(shortest(1e300), None, "beyond what a decimal holds");
    assert_eq!(shortest(f64::INFINITY), None);
    let mut de = market("de", "DE", "EUR", TaxDisplay::Inclusive);
    de.locale = "de-DE".into();
    assert_eq!(mapping::language(&de).as_deref(), Some("de"));
    de.locale = "?".into();
    assert_eq!(mapping::language(&de), None);
    assert_eq!(
        crate::text::plain_text("<p>Soft &amp; warm.</p><p>Made in <b>Italy</b>.<br>Wash cold</p>"),
        "Soft & warm.\n\nMade in Italy.\n\nWash cold"
    );
}

#[test]
fn addresses_round_trip_through_vendures_fields() {
    let us = CountryCode::parse("US").expect("US");
    let address = crate::address::Address::new("Sam", "Rivera", "1 Market St", "San Francisco", us)
        .with_region("CA")
        .with_postal_code("94105");
    let input = mapping::address_input(&address);
    assert_eq!(input.full_name, "Sam Rivera");
    assert_eq!(input.province.as_deref(), Some("CA"));
    let back = mapping::address(&q::AddressFields {
        full_name: Some(input.full_name.clone()),
        street_line1: Some(input.street_line1.clone()),
        city: Some(input.city.clone()),
        province: input.province.clone(),
        postal_code: input.postal_code.clone(),
        country_code: Some(input.country_code.clone()),
        ..q::AddressFields::default()
    });
    assert_eq!(back, Some(address));
    assert_eq!(mapping::address(&q::AddressFields::default()), None);
    assert_eq!(
        mapping::card_description("4242 4242 4242 4242"),
        "Card •••• 4242"
    );
}
