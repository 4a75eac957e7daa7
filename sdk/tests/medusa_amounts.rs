//! Amounts as a real Medusa v2 server sends them (saved responses in `fixtures/medusa/`): JSON
//! numbers in major units, not rounded to the currency. Read exactly, they become exact money
//! once rounded per currency — no float in between.

use dhow_sdk::{Currency, Decimal, Money};
use serde::Deserialize;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/medusa/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[derive(Deserialize)]
struct OrderEnvelope {
    order: OrderTotals,
}

#[derive(Deserialize)]
struct OrderTotals {
    currency_code: String,
    #[serde(deserialize_with = "Decimal::deserialize_json_number")]
    total: Decimal,
    #[serde(deserialize_with = "Decimal::deserialize_json_number")]
    tax_total: Decimal,
    #[serde(deserialize_with = "Decimal::deserialize_json_number")]
    discount_total: Decimal,
    #[serde(deserialize_with = "Decimal::deserialize_json_number")]
    shipping_total: Decimal,
    #[serde(deserialize_with = "Decimal::deserialize_json_number")]
    item_total: Decimal,
}

#[test]
fn order_totals_read_exactly_and_round_per_currency() {
    let order: OrderEnvelope = serde_json::from_str(&fixture("order.json")).expect("order decodes");
    let o = order.order;
    let eur = Currency::from_code(&o.currency_code).expect("currency");
    assert_eq!(eur, Currency::EUR);
    // Exactly the digits the server wrote, float noise included.
    assert_eq!(o.tax_total.to_string(), "5.639327731092437");
    assert_eq!(o.discount_total.to_string(), "3.3799999999999994");
    let money = |d: Decimal| Money::from_decimal_rounded(d, eur).expect("in range");
    assert_eq!(money(o.tax_total), Money::parse("5.64", eur).unwrap());
    assert_eq!(money(o.discount_total), Money::parse("3.38", eur).unwrap());
    // The figures the shopper pays are already whole cents, and add up.
    let total = Money::from_decimal_exact(o.total, eur).expect("whole cents");
    let items = Money::from_decimal_exact(o.item_total, eur).expect("whole cents");
    let shipping = Money::from_decimal_exact(o.shipping_total, eur).expect("whole cents");
    assert_eq!(items.checked_add(shipping).unwrap(), total);
}

#[derive(Deserialize)]
struct Products {
    products: Vec<Product>,
}

#[derive(Deserialize)]
struct Product {
    handle: String,
    variants: Vec<Variant>,
}

#[derive(Deserialize)]
struct Variant {
    calculated_price: Option<CalculatedPrice>,
}

#[derive(Deserialize)]
struct CalculatedPrice {
    currency_code: String,
    #[serde(deserialize_with = "Decimal::deserialize_json_number")]
    calculated_amount: Decimal,
}

#[test]
fn every_listed_price_is_an_exact_amount_of_its_currency() {
    let page: Products = serde_json::from_str(&fixture("products.json")).expect("products decode");
    assert!(!page.products.is_empty());
    let mut prices = 0;
    for product in &page.products {
        for variant in &product.variants {
            let price = variant
                .calculated_price
                .as_ref()
                .unwrap_or_else(|| panic!("{}: no price", product.handle));
            let currency = Currency::from_code(&price.currency_code).expect("known currency");
            let money = Money::from_decimal_exact(price.calculated_amount, currency);
            assert!(
                money.is_some(),
                "{}: {} is not exact in {currency}",
                product.handle,
                price.calculated_amount
            );
            prices += 1;
        }
    }
    assert!(prices > 10, "only {prices} prices read");
}

#[test]
fn malformed_amounts_are_errors_not_panics() {
    for body in [
        r#"{"currency_code":"eur","calculated_amount":"abc"}"#,
        r#"{"currency_code":"eur","calculated_amount":null}"#,
        r#"{"currency_code":"eur","calculated_amount":1e999}"#,
        r#"{"currency_code":"eur","calculated_amount":{"value":"1"}}"#,
        r#"{"currency_code":"eur"}"#,
    ] {
        assert!(
            serde_json::from_str::<CalculatedPrice>(body).is_err(),
            "{body} should not decode"
        );
    }
    let huge: CalculatedPrice = serde_json::from_str(
        r#"{"currency_code":"eur","calculated_amount":123456789012345678901234567}"#,
    )
    .expect("a long integer is still a number");
    assert!(Money::from_decimal_exact(huge.calculated_amount, Currency::EUR).is_none());
}
