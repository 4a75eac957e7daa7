//! Hand-computed totals of known carts in the fixture's markets: exclusive state tax (US),
//! inclusive VAT (DE), a zero-decimal currency (JP), converted prices with cash rounding and
//! duties due on delivery (CH), three decimals and no VAT (KW), provincial HST (CA).
//!
//! Fixture facts used below: rates from EUR — USD 1.08, JPY 162.35, CHF 0.94, KWD 0.332,
//! CAD 1.47. Express shipping is EUR 14.90 / USD 19.00; standard EUR 4.90 / USD 6.00 / JPY 900,
//! free from EUR 150 / USD 150 / JPY 20000. All roundings are half up unless a market's rule says
//! otherwise.

mod common;

use common::{address_in, addresses, backend, market, money};
use dhow_sdk::address::Address;
use dhow_sdk::local::LocalBackend;
use dhow_sdk::model::{Cart, CartTotals, Figure, TaxLine};
use dhow_sdk::{Backend, Decimal, Money};

/// Builds a cart in `market`: lines, codes, then address and option when given.
async fn cart(
    backend: &LocalBackend,
    market_id: &str,
    lines: &[(&str, u32)],
    codes: &[&str],
    address: Option<Address>,
    option: Option<&str>,
) -> Cart {
    let m = market(market_id);
    let mut cart = backend.create_cart(&m).await.unwrap();
    for (variant, quantity) in lines {
        cart = backend
            .add_line(&cart.id, &(*variant).into(), *quantity)
            .await
            .unwrap();
    }
    for code in codes {
        cart = backend.apply_discount(&cart.id, code).await.unwrap();
    }
    if let Some(address) = address {
        cart = backend
            .set_shipping_address(&cart.id, &address)
            .await
            .unwrap();
    }
    if let Some(option) = option {
        cart = backend
            .set_shipping_option(&cart.id, &option.into())
            .await
            .unwrap();
    }
    assert_consistent(&cart.totals);
    cart
}

/// The invariants every cart keeps, whatever its market.
fn assert_consistent(totals: &CartTotals) {
    assert_eq!(
        totals.total.amount,
        totals.expected_total().unwrap(),
        "total = invariant"
    );
    let tax_sum = Money::sum(
        totals.tax.amount.currency(),
        totals.tax_lines.iter().map(|t| t.amount),
    )
    .unwrap();
    assert_eq!(tax_sum, totals.tax.amount, "tax lines add up");
}

fn fin(text: &str, code: &str) -> Figure {
    Figure::final_(money(text, code))
}

fn est(text: &str, code: &str) -> Figure {
    Figure::estimate(money(text, code))
}

fn tax_line(name: &str, rate: &str, amount: &str, code: &str) -> TaxLine {
    TaxLine {
        name: name.into(),
        rate: Some(Decimal::parse(rate).unwrap()),
        amount: money(amount, code),
    }
}

fn amounts(cart: &Cart, pick: impl Fn(&dhow_sdk::model::CartLine) -> Money) -> Vec<String> {
    cart.lines
        .iter()
        .map(|l| pick(l).to_decimal_string())
        .collect()
}

#[tokio::test]
async fn us_california_exclusive_tax_and_duties_at_checkout() {
    let b = backend();
    let ca = addresses("us").remove(0);
    let cart = cart(
        &b,
        "us",
        &[("shirt-m", 2), ("mug", 1)],
        &["welcome10"],
        Some(ca),
        Some("express"),
    )
    .await;
    // Lines: 2 × 54.00 = 108.00; 1 × 14.00 = 14.00; subtotal 122.00.
    // WELCOME10: 10 % of 122.00 = 12.20, split 108:14 → 10.80 and 1.40 (exact).
    // Line totals 97.20 and 12.60: goods 109.80. Express: USD 19.00 (not free, no threshold).
    // CA sales tax 7.25 % on top, per line: 97.20 × 0.0725 = 7.047 → 7.05;
    // 12.60 × 0.0725 = 0.9135 → 0.91; shipping untaxed in the US. Tax 7.96.
    // US duty 10 %, no de minimis: 109.80 × 0.10 = 10.98, paid at checkout.
    // Total 122.00 − 12.20 + 19.00 + 7.96 + 10.98 = 147.74.
    let t = &cart.totals;
    assert_eq!(t.subtotal, fin("122.00", "USD"));
    assert_eq!(t.discount, fin("12.20", "USD"));
    assert_eq!(amounts(&cart, |l| l.discount), ["10.80", "1.40"]);
    assert_eq!(t.shipping, Some(fin("19.00", "USD")));
    assert_eq!(amounts(&cart, |l| l.tax), ["7.05", "0.91"]);
    assert_eq!(
        t.tax_lines,
        [tax_line("CA sales tax", "0.0725", "7.96", "USD")]
    );
    assert_eq!(t.tax, fin("7.96", "USD"));
    assert!(!t.tax_included);
    assert_eq!(t.duties, Some(fin("10.98", "USD")));
    assert_eq!(t.total, fin("147.74", "USD"));
    assert_eq!(
        cart.discounts[0].code, "WELCOME10",
        "the merchant's spelling"
    );
}

#[tokio::test]
async fn us_estimates_before_the_address_then_follows_the_state() {
    let b = backend();
    let cart = cart(&b, "us", &[("shirt-m", 1)], &[], None, None).await;
    // 54.00; cheapest option standard 6.00 (estimate); default US rate 6 %: 3.24 (estimate);
    // duty 5.40 (estimate until the address is known). Total 54 + 6 + 3.24 + 5.40 = 68.64.
    let t = &cart.totals;
    assert_eq!(t.shipping, Some(est("6.00", "USD")));
    assert_eq!(t.tax, est("3.24", "USD"));
    assert_eq!(t.tax_lines, [tax_line("Sales tax", "0.06", "3.24", "USD")]);
    assert_eq!(t.duties, Some(est("5.40", "USD")));
    assert_eq!(t.total, est("68.64", "USD"));

    // New York: 54.00 × 0.08875 = 4.7925 → 4.79.
    let ny = b
        .set_shipping_address(&cart.id, &addresses("us").remove(1))
        .await
        .unwrap();
    assert_eq!(ny.totals.tax, fin("4.79", "USD"));
    assert_eq!(
        ny.totals.shipping,
        Some(est("6.00", "USD")),
        "no option chosen yet"
    );
    assert!(ny.totals.total.estimate);
    // Oregon has no sales tax: no tax line at all.
    let or = b
        .set_shipping_address(&cart.id, &addresses("us").remove(2))
        .await
        .unwrap();
    assert_eq!(or.totals.tax, fin("0.00", "USD"));
    assert!(or.totals.tax_lines.is_empty());
    // A state without a rule of its own (DC) pays the country's default, now final.
    let dc = b
        .set_shipping_address(&cart.id, &addresses("us").remove(3))
        .await
        .unwrap();
    assert_eq!(dc.totals.tax, fin("3.24", "USD"));
    let chosen = b
        .set_shipping_option(&dc.id, &"standard".into())
        .await
        .unwrap();
    // 54.00 + 6.00 + 3.24 + 5.40 = 68.64, every figure final.
    assert_eq!(chosen.totals.total, fin("68.64", "USD"));
    assert_consistent(&chosen.totals);
}

#[tokio::test]
async fn de_inclusive_vat_with_a_fixed_discount() {
    let b = backend();
    let cart = cart(
        &b,
        "de",
        &[("shirt-s", 1), ("tote", 2)],
        &["SAVE5"],
        Some(address_in("de")),
        Some("express"),
    )
    .await;
    // Lines: 49.90 and 2 × 19.99 = 39.98; subtotal 89.88 (minimum 30.00 reached).
    // SAVE5: 5.00 split 4990:3998 → exact shares 2.7759 and 2.2240: 2.77 + 2.22 = 4.99, the
    // last cent to the larger remainder → 2.78 and 2.22. Line totals 47.12 and 37.76.
    // Express 14.90 (goods 84.88 < 150, and express has no threshold anyway).
    // VAT inside the prices, × 19/119: 47.12 → 7.5233 → 7.52; 37.76 → 6.0289 → 6.03;
    // shipping is taxed: 14.90 → 2.3790 → 2.38. Tax 15.93.
    // No duties inside the EU. Total 89.88 − 5.00 + 14.90 = 99.78 (tax included).
    let t = &cart.totals;
    assert_eq!(t.subtotal, fin("89.88", "EUR"));
    assert_eq!(amounts(&cart, |l| l.discount), ["2.78", "2.22"]);
    assert_eq!(amounts(&cart, |l| l.total), ["47.12", "37.76"]);
    assert_eq!(amounts(&cart, |l| l.tax), ["7.52", "6.03"]);
    assert_eq!(t.tax_lines, [tax_line("MwSt.", "0.19", "15.93", "EUR")]);
    assert!(t.tax_included);
    assert_eq!(t.duties, None);
    assert_eq!(t.total, fin("99.78", "EUR"));
    // German titles for a German shopper; English where the catalog has no translation.
    assert_eq!(cart.lines[0].title, "Leinenhemd");
    assert_eq!(cart.lines[1].title, "Segeltuchtasche");
    assert_eq!(cart.lines[0].variant_title, "S");
    assert_eq!(cart.lines[0].compare_at, Some(money("59.90", "EUR")));
}

#[tokio::test]
async fn fr_in_the_customs_union_pays_no_duty() {
    let b = backend();
    let cart = cart(
        &b,
        "fr",
        &[("mug", 2)],
        &["FREESHIP"],
        Some(address_in("fr")),
        Some("standard"),
    )
    .await;
    // 2 × 12.50 = 25.00; free shipping code: 0.00; TVA 20 % inside: 25.00 / 6 = 4.1666 → 4.17.
    // The fixture's FR duty rule never applies: FR is in the customs union with DE.
    let t = &cart.totals;
    assert_eq!(t.shipping, Some(fin("0.00", "EUR")));
    assert_eq!(t.tax, fin("4.17", "EUR"));
    assert_eq!(t.duties, None);
    assert_eq!(t.total, fin("25.00", "EUR"));
    assert!(cart.discounts[0].free_shipping);
    assert_eq!(cart.discounts[0].amount, money("0.00", "EUR"));
}

#[tokio::test]
async fn jp_zero_decimals_converted_prices_and_duty() {
    let b = backend();
    let cart = cart(
        &b,
        "jp",
        &[("shirt-m", 1), ("tote", 1)],
        &[],
        Some(address_in("jp")),
        Some("express"),
    )
    .await;
    // Shirt: merchant price ¥7900. Tote: EUR 19.99 × 162.35 = 3245.3765, rounded up to the
    // next ¥100 (market rule) → ¥3300, converted. Subtotal ¥11200.
    // Express: EUR 14.90 × 162.35 = 2419.015 → ¥2500.
    // Consumption tax inside, × 10/110: 7900 → 718.18 → 718; 3300 → 300; shipping 2500 →
    // 227.27 → 227. Tax ¥1245.
    // Duty: goods net of tax 7182 + 3000 = 10182 > de minimis ¥10000 → 10182 × 5 % = 509.1 → 509.
    // Total 11200 + 2500 + 509 = ¥14209.
    let t = &cart.totals;
    assert_eq!(amounts(&cart, |l| l.unit_price), ["7900", "3300"]);
    assert_eq!(t.subtotal, fin("11200", "JPY"));
    assert_eq!(t.shipping, Some(fin("2500", "JPY")));
    assert_eq!(amounts(&cart, |l| l.tax), ["718", "300"]);
    assert_eq!(t.tax, fin("1245", "JPY"));
    assert_eq!(t.duties, Some(fin("509", "JPY")));
    assert_eq!(t.total, fin("14209", "JPY"));
    assert_eq!(cart.lines[0].title, "リネンシャツ");

    // The shirt's product page says the tote price is converted, the shirt's is not.
    let m = market("jp");
    let tote = b.product(&m, "canvas-tote").await.unwrap();
    assert!(tote.variants[0].price.converted);
    assert!(tote.variants[0].price.tax_included);
    let shirt = b.product(&m, "linen-shirt").await.unwrap();
    assert!(!shirt.variants[0].price.converted);
}

#[tokio::test]
async fn ch_cash_rounding_and_duties_due_on_delivery() {
    let b = backend();
    let cart = cart(
        &b,
        "ch",
        &[("scarf-navy", 2), ("mug", 1)],
        &["WELCOME10"],
        Some(address_in("ch")),
        Some("express"),
    )
    .await;
    // Scarf: EUR 35.00 × 0.94 = 32.90 (on a 0.05 step already); mug: 12.50 × 0.94 = 11.75.
    // Subtotal 2 × 32.90 + 11.75 = 77.55.
    // WELCOME10: 7.755 → 7.76, split 6580:1175 → shares 6.5842 and 1.1757: floors 6.58 + 1.17,
    // the spare cent to the larger remainder (0.57) → 6.58 and 1.18. Line totals 59.22, 10.57.
    // Express: EUR 14.90 × 0.94 = 14.006 → nearest 0.05 → 14.00.
    // MWST 8.1 % inside, × 81/1081: 59.22 → 4.4374 → 4.44; 10.57 → 0.7920 → 0.79;
    // shipping 14.00 → 1.0490 → 1.05. Tax 6.28.
    // Duty: goods net of tax 54.78 + 9.78 = 64.56 > de minimis EUR 50 → CHF 47.00;
    // 64.56 × 4 % = 2.5824 → 2.58, due on delivery: shown as an estimate, not in the total.
    // Total 77.55 − 7.76 + 14.00 = 83.79.
    let t = &cart.totals;
    assert_eq!(amounts(&cart, |l| l.unit_price), ["32.90", "11.75"]);
    assert_eq!(t.subtotal, fin("77.55", "CHF"));
    assert_eq!(t.discount, fin("7.76", "CHF"));
    assert_eq!(amounts(&cart, |l| l.discount), ["6.58", "1.18"]);
    assert_eq!(t.shipping, Some(fin("14.00", "CHF")));
    assert_eq!(amounts(&cart, |l| l.tax), ["4.44", "0.79"]);
    assert_eq!(t.tax, fin("6.28", "CHF"));
    assert_eq!(t.duties, Some(est("2.58", "CHF")));
    assert_eq!(t.total, fin("83.79", "CHF"));
    // de-CH finds the de-DE translation.
    assert_eq!(cart.lines[1].title, "Ceramic mug");
    let scarf = b.product(&market("ch"), "linen-shirt").await.unwrap();
    assert_eq!(scarf.title, "Leinenhemd");
}

#[tokio::test]
async fn kw_three_decimals_no_vat() {
    let b = backend();
    let cart = cart(
        &b,
        "kw",
        &[("mug", 1), ("shirt-m", 2)],
        &[],
        Some(address_in("kw")),
        Some("standard"),
    )
    .await;
    // Mug: merchant price KWD 4.500. Shirt: EUR 49.90 × 0.332 = 16.5668 → 16.567; × 2 = 33.134.
    // Subtotal 37.634. Standard: EUR 4.90 × 0.332 = 1.6268 → 1.627 (free only from EUR 150 →
    // KWD 49.800). No tax rule for KW: no tax.
    // Duty: de minimis USD 100 → 100 × 0.332 / 1.08 = 30.7407… → KWD 30.741; goods 37.634 above
    // it → 37.634 × 5 % = 1.8817 → 1.882, due on delivery (estimate, not in the total).
    // Total 37.634 + 1.627 = 39.261.
    let t = &cart.totals;
    assert_eq!(t.subtotal, fin("37.634", "KWD"));
    assert_eq!(t.shipping, Some(fin("1.627", "KWD")));
    assert!(t.tax_lines.is_empty());
    assert_eq!(t.tax, fin("0.000", "KWD"));
    assert_eq!(t.duties, Some(est("1.882", "KWD")));
    assert_eq!(t.total, fin("39.261", "KWD"));
}

#[tokio::test]
async fn ca_ontario_hst_on_goods_and_shipping() {
    let b = backend();
    let cart = cart(
        &b,
        "ca",
        &[("shirt-m", 1), ("tote", 1)],
        &[],
        Some(address_in("ca")),
        Some("standard"),
    )
    .await;
    // Converted with a .99 ending: shirt EUR 49.90 × 1.47 = 73.353 → 73.99; tote 19.99 × 1.47 =
    // 29.3853 → 29.99. Subtotal 103.98. Standard: 4.90 × 1.47 = 7.203 → 7.99.
    // HST 13 % on top, shipping taxed: 73.99 → 9.6187 → 9.62; 29.99 → 3.8987 → 3.90;
    // 7.99 → 1.0387 → 1.04. Tax 14.56.
    // Duty: 103.98 is not above the de minimis of CAD 150: none.
    // Total 103.98 + 7.99 + 14.56 = 126.53.
    let t = &cart.totals;
    assert_eq!(amounts(&cart, |l| l.unit_price), ["73.99", "29.99"]);
    assert_eq!(t.shipping, Some(fin("7.99", "CAD")));
    assert_eq!(t.tax_lines, [tax_line("HST", "0.13", "14.56", "CAD")]);
    assert_eq!(t.duties, None);
    assert_eq!(t.total, fin("126.53", "CAD"));

    // Alberta pays GST only: 73.99 × 5 % = 3.6995 → 3.70; 29.99 → 1.4995 → 1.50; 7.99 → 0.3995
    // → 0.40. Tax 5.60; total 103.98 + 7.99 + 5.60 = 117.57.
    let ab = b
        .set_shipping_address(&cart.id, &addresses("ca").remove(1))
        .await
        .unwrap();
    assert_eq!(
        ab.totals.tax_lines,
        [tax_line("GST", "0.05", "5.60", "CAD")]
    );
    assert_eq!(ab.totals.total, fin("117.57", "CAD"));
    // Quebec has no rule of its own here: the country's GST, as for Alberta.
    let qc = b
        .set_shipping_address(&cart.id, &addresses("ca").remove(2))
        .await
        .unwrap();
    assert_eq!(qc.totals.total, fin("117.57", "CAD"));
}

#[tokio::test]
async fn combined_codes_never_discount_a_line_below_zero() {
    let b = backend();
    // 1 × mug 12.50 + 1 × tote 19.99 = 32.49; WELCOME10 3.25 (3.249 → 3.25), then SAVE5 5.00 on
    // what is left: discount 8.25, every line total ≥ 0 and the parts add up.
    let cart = cart(
        &b,
        "de",
        &[("mug", 1), ("tote", 1)],
        &["WELCOME10", "save5"],
        None,
        None,
    )
    .await;
    assert_eq!(cart.totals.discount, fin("8.25", "EUR"));
    let parts = Money::sum(cart.currency, cart.lines.iter().map(|l| l.discount)).unwrap();
    assert_eq!(parts, cart.totals.discount.amount);
    assert!(cart.lines.iter().all(|l| !l.total.is_negative()));
    assert_eq!(cart.discounts.len(), 2);
}

#[tokio::test]
async fn shipping_becomes_free_over_the_threshold() {
    let b = backend();
    // 3 × shirt-m = 149.70 < 150: standard 4.90. Four shirts: 199.60 ≥ 150: free.
    let c = cart(
        &b,
        "de",
        &[("shirt-m", 3)],
        &[],
        Some(address_in("de")),
        Some("standard"),
    )
    .await;
    assert_eq!(c.totals.shipping, Some(fin("4.90", "EUR")));
    let c = b.update_line(&c.id, &c.lines[0].id, 4).await.unwrap();
    assert_eq!(c.totals.shipping, Some(fin("0.00", "EUR")));
    // A discount that takes the goods back below the threshold brings the fee back:
    // 199.60 − 19.96 = 179.64 is still above; three shirts with 10 % off (134.73) are not.
    let c = b.apply_discount(&c.id, "WELCOME10").await.unwrap();
    assert_eq!(c.totals.shipping, Some(fin("0.00", "EUR")));
    let c = b.update_line(&c.id, &c.lines[0].id, 3).await.unwrap();
    assert_eq!(c.totals.shipping, Some(fin("4.90", "EUR")));
    assert_consistent(&c.totals);
}
