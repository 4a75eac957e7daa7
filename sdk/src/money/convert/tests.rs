//! Tests of conversion: exchange rates, rate tables and `price_in`, with property tests of the
//! rounding rules applied to converted amounts.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::money::PriceEnding;
use crate::money::testing::{d, money, rate};

const CASH_CHF: RoundingRule = RoundingRule::Cash { increment: 5 };
const NINETY_NINE: RoundingRule = RoundingRule::Ending {
    ending: PriceEnding::NinetyNine,
};
const WHOLE: RoundingRule = RoundingRule::Ending {
    ending: PriceEnding::Whole,
};

#[test]
fn converts_three_decimal_currencies() {
    let usd_kwd = rate(Currency::USD, Currency::KWD, "0.3072");
    let kwd = usd_kwd
        .convert(money("19.99", Currency::USD), RoundingRule::Nearest)
        .unwrap();
    assert_eq!(kwd.to_decimal_string(), "6.141"); // 6.140928
    let kwd_usd = rate(Currency::KWD, Currency::USD, "3.2552");
    let usd = kwd_usd
        .convert(money("1.250", Currency::KWD), RoundingRule::Nearest)
        .unwrap();
    assert_eq!(usd.to_decimal_string(), "4.07"); // 4.069
}

#[test]
fn converts_yen_both_ways() {
    let eur_jpy = rate(Currency::EUR, Currency::JPY, "162.35");
    let yen = eur_jpy
        .convert(money("19.99", Currency::EUR), RoundingRule::Nearest)
        .unwrap();
    assert_eq!(yen, money("3245", Currency::JPY)); // 3245.3765
    let yen = eur_jpy
        .convert(money("19.99", Currency::EUR), NINETY_NINE)
        .unwrap();
    assert_eq!(yen, money("3299", Currency::JPY));
    let jpy_eur = rate(Currency::JPY, Currency::EUR, "0.006159");
    let eur = jpy_eur
        .convert(money("1000", Currency::JPY), RoundingRule::Nearest)
        .unwrap();
    assert_eq!(eur, money("6.16", Currency::EUR)); // 6.159

    let table = RateTable {
        base: Currency::EUR,
        rates: BTreeMap::from([(Currency::JPY, d("162.35"))]),
    };
    let eur = table.convert(
        money("1000", Currency::JPY),
        Currency::EUR,
        RoundingRule::Nearest,
    );
    assert_eq!(eur.unwrap(), money("6.16", Currency::EUR)); // 6.1595…
    let yen = table.convert(
        money("19.99", Currency::EUR),
        Currency::JPY,
        RoundingRule::Nearest,
    );
    assert_eq!(yen.unwrap(), money("3245", Currency::JPY));
}

#[test]
fn refunds_convert_as_mirrors() {
    let usd_eur = rate(Currency::USD, Currency::EUR, "0.9259");
    let sale = usd_eur
        .convert(money("10.00", Currency::USD), RoundingRule::Nearest)
        .unwrap();
    let refund = usd_eur
        .convert(money("-10.00", Currency::USD), RoundingRule::Nearest)
        .unwrap();
    assert_eq!(sale.to_decimal_string(), "9.26"); // 9.259
    assert_eq!(refund.to_decimal_string(), "-9.26");
    // -0.125 at rate 1 is an exact half: away from zero.
    assert_eq!(
        rate(Currency::USD, Currency::EUR, "0.5")
            .convert(money("-0.25", Currency::USD), RoundingRule::Nearest)
            .unwrap()
            .to_decimal_string(),
        "-0.13"
    );
}

#[test]
fn exchange_rate_checks_its_input() {
    let eur_jpy = rate(Currency::EUR, Currency::JPY, "162.35");
    assert_eq!(
        eur_jpy.convert(money("1.00", Currency::USD), RoundingRule::Nearest),
        Err(MoneyError::CurrencyMismatch(Currency::USD, Currency::EUR))
    );
    for bad in ["0", "-1.2"] {
        assert_eq!(
            rate(Currency::EUR, Currency::JPY, bad)
                .convert(money("1", Currency::EUR), RoundingRule::Nearest),
            Err(MoneyError::InvalidRate {
                from: Currency::EUR,
                to: Currency::JPY
            })
        );
    }
    let huge = rate(Currency::EUR, Currency::JPY, "1000000000");
    assert_eq!(
        huge.convert(
            Money::from_minor(i64::MAX, Currency::EUR),
            RoundingRule::Nearest
        ),
        Err(MoneyError::Overflow)
    );
}

fn table() -> RateTable {
    RateTable {
        base: Currency::EUR,
        rates: BTreeMap::from([
            (Currency::USD, d("1.08")),
            (Currency::GBP, d("0.85")),
            (Currency::CHF, d("0.9412")),
            (Currency::JPY, d("162.35")),
            (Currency::SEK, d("0")),
        ]),
    }
}

#[test]
fn rate_table_converts_through_the_base_exactly() {
    let t = table();
    let nearest = RoundingRule::Nearest;
    assert_eq!(
        t.convert(money("10.00", Currency::EUR), Currency::USD, nearest)
            .unwrap(),
        money("10.80", Currency::USD)
    );
    assert_eq!(
        t.convert(money("10.80", Currency::USD), Currency::EUR, nearest)
            .unwrap(),
        money("10.00", Currency::EUR)
    );
    // USD → GBP is 0.85 / 1.08 = 0.787037…: 1.00 USD is 0.787… GBP, one rounding.
    assert_eq!(
        t.convert(money("1.00", Currency::USD), Currency::GBP, nearest)
            .unwrap(),
        money("0.79", Currency::GBP)
    );
    // Through a rounded EUR amount 0.03 USD would be 0.03 EUR and then 0.03 GBP; exactly
    // it is 0.0236… GBP.
    assert_eq!(
        t.convert(money("0.03", Currency::USD), Currency::GBP, nearest)
            .unwrap(),
        money("0.02", Currency::GBP)
    );
    let gbp = t
        .convert(money("30.49", Currency::USD), Currency::GBP, NINETY_NINE)
        .unwrap();
    assert_eq!(gbp, money("24.99", Currency::GBP)); // 23.9969…, just past 23.99
    // The cross rate from USD to JPY: 100 USD = 100 / 1.08 × 162.35 = 15032.407… JPY.
    let yen = t
        .convert(money("100.00", Currency::USD), Currency::JPY, nearest)
        .unwrap();
    assert_eq!(yen, money("15032", Currency::JPY));
    // Same currency: unchanged, the rule is not applied.
    let same = t
        .convert(money("23.12", Currency::USD), Currency::USD, NINETY_NINE)
        .unwrap();
    assert_eq!(same, money("23.12", Currency::USD));
}

#[test]
fn rate_table_reports_missing_and_broken_rates() {
    let t = table();
    assert_eq!(
        t.convert(
            money("1.00", Currency::EUR),
            Currency::CAD,
            RoundingRule::Nearest
        ),
        Err(MoneyError::NoRate {
            from: Currency::EUR,
            to: Currency::CAD
        })
    );
    assert_eq!(
        t.convert(
            money("1.00", Currency::CAD),
            Currency::USD,
            RoundingRule::Nearest
        ),
        Err(MoneyError::NoRate {
            from: Currency::CAD,
            to: Currency::USD
        })
    );
    assert_eq!(
        t.convert(
            money("1.00", Currency::USD),
            Currency::SEK,
            RoundingRule::Nearest
        ),
        Err(MoneyError::InvalidRate {
            from: Currency::EUR,
            to: Currency::SEK
        })
    );
    assert!(t.has_rate(Currency::EUR) && t.has_rate(Currency::JPY) && !t.has_rate(Currency::CAD));
}

#[test]
fn rate_table_and_rules_serialize() {
    let json = serde_json::to_string(&table()).unwrap();
    assert_eq!(
        json,
        r#"{"base":"EUR","rates":{"CHF":"0.9412","GBP":"0.85","JPY":"162.35","SEK":"0","USD":"1.08"}}"#
    );
    assert_eq!(serde_json::from_str::<RateTable>(&json).unwrap(), table());
    assert!(serde_json::from_str::<RateTable>(r#"{"base":"EUR","rates":{"USD":1.08}}"#).is_err());

    let rules = [
        (RoundingRule::Nearest, r#"{"kind":"nearest"}"#),
        (CASH_CHF, r#"{"kind":"cash","increment":5}"#),
        (NINETY_NINE, r#"{"kind":"ending","ending":"ninety_nine"}"#),
        (WHOLE, r#"{"kind":"ending","ending":"whole"}"#),
        (
            RoundingRule::Up { increment: 100 },
            r#"{"kind":"up","increment":100}"#,
        ),
    ];
    for (rule, text) in rules {
        assert_eq!(serde_json::to_string(&rule).unwrap(), text);
        assert_eq!(serde_json::from_str::<RoundingRule>(text).unwrap(), rule);
    }

    let eur_jpy = rate(Currency::EUR, Currency::JPY, "162.35");
    let json = serde_json::to_string(&eur_jpy).unwrap();
    assert_eq!(json, r#"{"from":"EUR","to":"JPY","rate":"162.35"}"#);
    assert_eq!(
        serde_json::from_str::<ExchangeRate>(&json).unwrap(),
        eur_jpy
    );

    let conversion = Conversion {
        money: money("22.95", Currency::CHF),
        converted: true,
    };
    let json = serde_json::to_string(&conversion).unwrap();
    assert_eq!(
        json,
        r#"{"money":{"amount":"22.95","currency":"CHF"},"converted":true}"#
    );
    assert_eq!(
        serde_json::from_str::<Conversion>(&json).unwrap(),
        conversion
    );
}

#[test]
fn price_in_prefers_the_merchants_own_price() {
    let t = table();
    let set = [money("25.00", Currency::USD), money("24.00", Currency::EUR)];
    let usd = price_in(&set, Currency::USD, &t, NINETY_NINE).unwrap();
    assert_eq!(
        usd,
        Conversion {
            money: money("25.00", Currency::USD),
            converted: false
        }
    );
    // No CHF price: the EUR (base) price is converted, not the first (USD) one.
    let chf = price_in(&set, Currency::CHF, &t, CASH_CHF).unwrap();
    assert_eq!(
        chf,
        Conversion {
            money: money("22.60", Currency::CHF),
            converted: true
        }
    ); // 22.5888
    // No base price either: the first price with a rate.
    let set = [
        money("1000", Currency::from_code("ISK").unwrap()),
        money("10.80", Currency::USD),
    ];
    let gbp = price_in(&set, Currency::GBP, &t, RoundingRule::Nearest).unwrap();
    assert_eq!(
        gbp,
        Conversion {
            money: money("8.50", Currency::GBP),
            converted: true
        }
    );
}

#[test]
fn price_in_reports_what_is_missing() {
    let t = table();
    assert_eq!(
        price_in(&[], Currency::USD, &t, RoundingRule::Nearest),
        Err(MoneyError::NoPrice(Currency::USD))
    );
    let isk = Currency::from_code("ISK").unwrap();
    assert_eq!(
        price_in(
            &[money("1000", isk)],
            Currency::USD,
            &t,
            RoundingRule::Nearest
        ),
        Err(MoneyError::NoRate {
            from: isk,
            to: Currency::USD
        })
    );
    assert_eq!(
        price_in(
            &[money("10.00", Currency::EUR)],
            Currency::CAD,
            &t,
            RoundingRule::Nearest
        ),
        Err(MoneyError::NoRate {
            from: Currency::EUR,
            to: Currency::CAD
        })
    );
}

fn currencies() -> impl Strategy<Value = Currency> {
    prop::sample::select(vec![
        Currency::EUR,
        Currency::JPY,
        Currency::KWD,
        Currency::CHF,
        Currency::from_code("CLF").unwrap(),
    ])
}

fn rates() -> impl Strategy<Value = Decimal> {
    (1i128..10_000_000, 2u32..=8).prop_map(|(m, s)| Decimal::new(m, s).unwrap())
}

fn rules() -> impl Strategy<Value = RoundingRule> {
    prop_oneof![
        Just(RoundingRule::Nearest),
        (1i64..1000).prop_map(|increment| RoundingRule::Cash { increment }),
        (1i64..1000).prop_map(|increment| RoundingRule::Up { increment }),
        endings().prop_map(|ending| RoundingRule::Ending { ending }),
    ]
}

fn endings() -> impl Strategy<Value = PriceEnding> {
    prop::sample::select(vec![
        PriceEnding::NinetyNine,
        PriceEnding::NinetyFive,
        PriceEnding::Whole,
    ])
}

/// The exact converted value as a fraction of minor units of `to`.
fn exact_fraction(minor: i64, from: Currency, to: Currency, rate: Decimal) -> (i128, i128) {
    let numerator = i128::from(minor) * rate.mantissa() * pow10(u32::from(to.exponent())).unwrap();
    let denominator = pow10(u32::from(from.exponent()) + rate.scale()).unwrap();
    (numerator, denominator)
}

proptest! {
    #[test]
    fn rate_one_between_same_exponents_changes_nothing(
        minor in any::<i64>(),
        scale in 0u32..=18,
    ) {
        let one = Decimal::new(pow10(scale).unwrap(), scale).unwrap();
        let eur_usd = ExchangeRate { from: Currency::EUR, to: Currency::USD, rate: one };
        let eur = Money::from_minor(minor, Currency::EUR);
        let usd = eur_usd.convert(eur, RoundingRule::Nearest).unwrap();
        prop_assert_eq!(usd, Money::from_minor(minor, Currency::USD));
    }

    #[test]
    fn cash_lands_on_a_step_within_half_a_step(
        minor in -100_000_000i64..100_000_000,
        from in currencies(),
        to in currencies(),
        rate in rates(),
        increment in 1i64..1000,
    ) {
        let r = ExchangeRate { from, to, rate };
        let rule = RoundingRule::Cash { increment };
        let result = r.convert(Money::from_minor(minor, from), rule).unwrap().minor_units();
        prop_assert_eq!(result % increment, 0);
        let (n, d) = exact_fraction(minor, from, to, rate);
        // |result - n/d| <= increment / 2, cross-multiplied.
        prop_assert!(2 * (i128::from(result) * d - n).abs() <= i128::from(increment) * d);
    }

    #[test]
    fn endings_are_at_or_above_the_exact_value(
        minor in 1i64..100_000_000,
        from in currencies(),
        to in currencies(),
        rate in rates(),
        ending in endings(),
    ) {
        let r = ExchangeRate { from, to, rate };
        let rule = RoundingRule::Ending { ending };
        let result = r.convert(Money::from_minor(minor, from), rule).unwrap();
        let (n, d) = exact_fraction(minor, from, to, rate);
        let price = i128::from(result.minor_units());
        prop_assert!(price * d >= n);
        let (step, offset) = ending.step_and_offset(to.exponent()).unwrap();
        prop_assert_eq!(price % step, offset);
        // And it is the first such price: one step lower would be below the exact value.
        prop_assert!(price - step < 0 || (price - step) * d < n);
        prop_assert_eq!(result.currency(), to);
    }

    #[test]
    fn a_larger_amount_never_converts_to_a_smaller_one(
        a in -100_000_000i64..100_000_000,
        b in -100_000_000i64..100_000_000,
        from in currencies(),
        to in currencies(),
        rate in rates(),
        rule in rules(),
    ) {
        let (low, high) = (a.min(b), a.max(b));
        let r = ExchangeRate { from, to, rate };
        let low = r.convert(Money::from_minor(low, from), rule).unwrap();
        let high = r.convert(Money::from_minor(high, from), rule).unwrap();
        prop_assert!(low.minor_units() <= high.minor_units());
    }

    #[test]
    fn refunds_are_mirrors_under_every_rule(
        minor in -100_000_000i64..100_000_000,
        from in currencies(),
        to in currencies(),
        rate in rates(),
        rule in rules(),
    ) {
        let r = ExchangeRate { from, to, rate };
        let sale = r.convert(Money::from_minor(minor, from), rule).unwrap();
        let refund = r.convert(Money::from_minor(-minor, from), rule).unwrap();
        prop_assert_eq!(refund, sale.checked_neg().unwrap());
    }

    #[test]
    fn cross_rates_match_a_direct_rate(
        minor in -100_000_000i64..100_000_000,
        from_rate in rates(),
        to_rate in rates(),
        rule in rules(),
    ) {
        // Through a table, USD → GBP equals the direct fraction to_rate / from_rate.
        let t = RateTable {
            base: Currency::EUR,
            rates: BTreeMap::from([(Currency::USD, from_rate), (Currency::GBP, to_rate)]),
        };
        let usd = Money::from_minor(minor, Currency::USD);
        let via_table = t.convert(usd, Currency::GBP, rule).unwrap();
        let n = i128::from(minor) * to_rate.mantissa() * pow10(from_rate.scale()).unwrap();
        let d = from_rate.mantissa() * pow10(to_rate.scale()).unwrap();
        prop_assert_eq!(via_table, rule.apply_exact(n, d, Currency::GBP).unwrap());
    }
}
