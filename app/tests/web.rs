//! Browser tests (headless Chromium through wasm-bindgen-test): what only a real browser can
//! show — `Intl` formatting of exact amounts, and display names.
#![cfg(target_arch = "wasm32")]

use dhow_app::format::{format_money, language_name, region_name};
use dhow_sdk::{Currency, Money};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn amounts_beyond_float_precision_stay_exact() {
    // 2^53 is about 9.0e15: a float would round these digits away.
    let money = Money::from_minor(1_234_567_890_123_456_789, Currency::USD);
    assert_eq!(format_money("en-US", money), "$12,345,678,901,234,567.89");
}

#[wasm_bindgen_test]
fn each_currency_shows_its_own_digits() {
    assert_eq!(
        format_money("ja-JP", Money::from_minor(1235, Currency::JPY)),
        "￥1,235"
    );
    let kwd = Currency::from_code("KWD").expect("KWD");
    assert_eq!(
        format_money("en-US", Money::from_minor(1250, kwd)),
        "KWD\u{a0}1.250"
    );
    let eur = Money::from_minor(123_456, Currency::EUR);
    assert_eq!(format_money("de-DE", eur), "1.234,56\u{a0}€");
    assert_eq!(format_money("fr-FR", eur), "1\u{202f}234,56\u{a0}€");
}

#[wasm_bindgen_test]
fn an_unknown_locale_still_shows_the_exact_amount() {
    let money = Money::from_minor(1999, Currency::EUR);
    assert_eq!(format_money("not a locale!", money), "19.99 EUR");
}

#[wasm_bindgen_test]
fn countries_and_languages_are_named_in_the_shoppers_language() {
    assert_eq!(region_name("de-DE", "JP"), "Japan");
    assert_eq!(region_name("fr-FR", "DE"), "Allemagne");
    assert_eq!(language_name("ja-JP", "ja-JP"), "日本語 (日本)");
}

/// The prerender's plural rules, this same file compiled here.
#[path = "../src/i18n/cldr.rs"]
mod cldr;

/// The prerender chooses plural variants with the CLDR rules of `intl_pluralrules`; the browser
/// with its own `Intl.PluralRules`. They must agree, or a prerendered "3 items" would change
/// wording when the app takes the page over. (Below a million: from there CLDR 38 gave French,
/// Spanish and Portuguese a `many` category, which the shipped messages do not use.)
#[wasm_bindgen_test]
fn plural_categories_agree_with_the_prerenders_rules() {
    for (locale, _) in dhow_app::i18n::LOCALES {
        for n in (0..=1100).chain([10_000, 100_001, 999_999]) {
            let prerender = cldr::plural_category(locale, n as f64);
            let browser = dhow_app::i18n::plural_category(locale, n as f64);
            assert!(prerender.is_some(), "{locale}: {n}");
            assert_eq!(browser, prerender, "{locale}: {n}");
        }
    }
}

#[wasm_bindgen_test]
fn case_folding_in_the_browser_follows_the_same_unicode_rules() {
    use dhow_sdk::text::{eq_ignore_case, lowercase, uppercase};
    // Text that is not ASCII is folded by the browser here, by Rust's tables natively: the same
    // answers either way.
    assert_eq!(lowercase("STRASSE Über"), "strasse über");
    assert_eq!(lowercase("ΟΔΟΣ ΟΔΟΣ"), "οδος οδος");
    assert_eq!(lowercase("İstanbul"), "i\u{307}stanbul");
    assert_eq!(lowercase("東京 Tokyo"), "東京 tokyo");
    assert_eq!(uppercase("straße"), "STRASSE");
    assert_eq!(uppercase("ab-12 ç"), "AB-12 Ç");
    assert!(eq_ignore_case("São Paulo", "SÃO PAULO"));
    assert!(!eq_ignore_case("Øre", "ore"));
}
