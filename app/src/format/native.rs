//! `Intl` without a browser: money formats and display names recorded from Chromium for every
//! locale the storefront ships (`intl.json`). Unknown locales and codes fall back as the browser
//! build does when `Intl` fails: the plain `19.99 EUR`, the bare code.

use std::collections::HashMap;
use std::sync::OnceLock;

use dhow_sdk::Money;
use serde::Deserialize;

const DATA: &str = include_str!("intl.json");

#[derive(Deserialize)]
struct Recorded {
    locales: HashMap<String, LocaleFormats>,
}

#[derive(Deserialize)]
struct LocaleFormats {
    group: String,
    decimal: String,
    /// The locale's digits 0 to 9, in order.
    digits: String,
    /// Sizes of the integer's groups from the right: the last group, then every other one.
    grouping: [usize; 2],
    /// The fewest digits left of the first group separator for it to be written at all.
    min_grouping: usize,
    /// Per ISO code: positive prefix and suffix, then negative prefix and suffix.
    currencies: HashMap<String, [String; 4]>,
    regions: HashMap<String, String>,
    languages: HashMap<String, String>,
    /// `[code, decimal amount, Chromium's text]`, checked by the tests below.
    #[cfg_attr(not(test), allow(dead_code))]
    samples: Vec<[String; 3]>,
}

fn recorded() -> Option<&'static Recorded> {
    static RECORDED: OnceLock<Option<Recorded>> = OnceLock::new();
    RECORDED
        .get_or_init(|| serde_json::from_str(DATA).ok())
        .as_ref()
}

fn locale(tag: &str) -> Option<&'static LocaleFormats> {
    recorded()?.locales.get(tag)
}

pub(super) fn format_money(tag: &str, money: Money) -> Option<String> {
    format_decimal(tag, money.currency().code(), &money.to_decimal_string())
}

/// Nothing to set up natively.
pub(super) fn warm_up(_tag: &str, _currency: dhow_sdk::Currency) {}

/// Formats an exact decimal string (`-1234.50`, as [`Money::to_decimal_string`] writes it).
fn format_decimal(tag: &str, code: &str, decimal: &str) -> Option<String> {
    let data = locale(tag)?;
    let [prefix, suffix, negative_prefix, negative_suffix] = data.currencies.get(code)?;
    let (negative, unsigned) = match decimal.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, decimal),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits: Vec<char> = data.digits.chars().collect();
    if digits.len() != 10
        || whole.is_empty()
        || !unsigned.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    {
        return None;
    }
    let localize = |text: &str, out: &mut String| {
        for b in text.bytes() {
            out.push(digits[usize::from(b - b'0')]);
        }
    };
    let mut out = String::new();
    out.push_str(if negative { negative_prefix } else { prefix });
    for (i, group) in groups(whole, data).iter().enumerate() {
        if i > 0 {
            out.push_str(&data.group);
        }
        localize(group, &mut out);
    }
    if !fraction.is_empty() {
        out.push_str(&data.decimal);
        localize(fraction, &mut out);
    }
    out.push_str(if negative { negative_suffix } else { suffix });
    Some(out)
}

/// Splits an integer's digits into groups as the locale writes them.
fn groups<'a>(whole: &'a str, data: &LocaleFormats) -> Vec<&'a str> {
    let [last, other] = data.grouping;
    if last == 0 || other == 0 || whole.len() < last + data.min_grouping {
        return vec![whole];
    }
    let mut groups = vec![&whole[whole.len() - last..]];
    let mut end = whole.len() - last;
    while end > other {
        groups.push(&whole[end - other..end]);
        end -= other;
    }
    groups.push(&whole[..end]);
    groups.reverse();
    groups
}

pub(super) fn display_name(tag: &str, kind: &'static str, code: &str) -> Option<String> {
    let data = locale(tag)?;
    let names = match kind {
        "region" => &data.regions,
        "language" => &data.languages,
        _ => return None,
    };
    names.get(code).cloned()
}

/// No `Intl` natively, and no recorded dates: account pages, the only ones showing dates, are
/// never prerendered.
pub(super) fn format_date(_tag: &str, _rfc3339: &str) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::format_money;
    use crate::i18n::LOCALES;
    use dhow_sdk::Currency;

    #[test]
    fn the_data_parses_and_covers_every_shipped_locale() {
        let data = recorded().expect("intl.json parses");
        for (tag, _) in LOCALES {
            assert!(
                data.locales.contains_key(*tag),
                "{tag} has no recorded Intl data: run `node tools/intl-data.mjs` in e2e/"
            );
        }
    }

    #[test]
    fn every_currency_has_a_format_in_every_locale() {
        for (tag, _) in LOCALES {
            let data = locale(tag).unwrap();
            for currency in Currency::all() {
                assert!(
                    data.currencies.contains_key(currency.code()),
                    "{tag} has no format for {currency}: run `node tools/intl-data.mjs` in e2e/"
                );
            }
        }
    }

    #[test]
    fn formats_exactly_as_chromium_did() {
        let mut checked = 0;
        for (tag, data) in &recorded().unwrap().locales {
            for [code, decimal, expected] in &data.samples {
                let currency = Currency::from_code(code).unwrap();
                let money = Money::parse(decimal, currency).unwrap();
                assert_eq!(
                    &format_money(tag, money),
                    expected,
                    "{tag} {code} {decimal}"
                );
                checked += 1;
            }
        }
        assert!(checked > 4000, "only {checked} samples");
    }

    #[test]
    fn known_formats() {
        let eur = |minor| Money::from_minor(minor, Currency::EUR);
        assert_eq!(
            format_money("en-US", Money::from_minor(123450, Currency::USD)),
            "$1,234.50"
        );
        assert_eq!(format_money("de-DE", eur(123450)), "1.234,50\u{a0}€");
        assert_eq!(
            format_money("ja-JP", Money::from_minor(1235, Currency::JPY)),
            "￥1,235"
        );
        // es-ES groups only from five digits.
        assert_eq!(format_money("es-ES", eur(123450)), "1234,50\u{a0}€");
        assert_eq!(format_money("es-ES", eur(1234550)), "12.345,50\u{a0}€");
        assert_eq!(
            format_money("en-US", Money::from_minor(-4225, Currency::USD)),
            "-$42.25"
        );
    }

    #[test]
    fn unknown_locales_and_codes_fall_back_like_the_browser_build() {
        let money = Money::from_minor(1999, Currency::EUR);
        assert_eq!(format_money("xx-YY", money), "19.99 EUR");
        assert_eq!(display_name("xx-YY", "region", "JP"), None);
        assert_eq!(
            display_name("de-DE", "region", "JP").as_deref(),
            Some("Japan")
        );
        assert_eq!(
            display_name("fr-FR", "region", "DE").as_deref(),
            Some("Allemagne")
        );
        assert_eq!(display_name("de-DE", "region", "QQ"), None);
        assert_eq!(
            display_name("ja-JP", "language", "ja-JP").as_deref(),
            Some("日本語 (日本)")
        );
    }
}
