//! Money and numbers formatted by the browser's `Intl`, one cached formatter per locale and
//! currency, with amounts handed over as exact decimal strings (never through a float).
//!
//! Natively (the prerender) there is no `Intl`: the same text comes from data recorded from
//! Chromium (`intl.json`, written by `e2e/tools/intl-data.mjs`), so a prerendered page reads
//! exactly as the browser renders it and hydration keeps every character.

use std::cell::RefCell;
use std::collections::BTreeMap;

use dhow_sdk::Money;
use serde::{Deserialize, Serialize};

/// Formats `money` for `locale`: `$1,234.50`, `1.234,50 €`, `￥1,235`, `1.250 د.ك.‏`.
///
/// The formatter shows exactly the currency's ISO 4217 digits, so an amount is never rounded
/// for display (CLDR shows fewer digits than ISO for a few currencies).
pub fn format_money(locale: &str, money: Money) -> String {
    let key = || format!("{} {}", money.currency(), money.to_decimal_string());
    if let Some(text) = known(locale, key) {
        return text;
    }
    match imp::format_money(locale, money) {
        Some(text) => {
            record(locale, key, &text);
            text
        }
        None => plain(money),
    }
}

/// The name of a country or region in `locale`: `region_name("de-DE", "JP")` is `"Japan"` in
/// German (`Intl.DisplayNames`); the code itself when the browser cannot name it.
pub fn region_name(locale: &str, code: &str) -> String {
    display_name(locale, "region", code).unwrap_or_else(|| code.to_owned())
}

/// The name of a language in `locale`, by its BCP 47 tag.
pub fn language_name(locale: &str, tag: &str) -> String {
    display_name(locale, "language", tag).unwrap_or_else(|| tag.to_owned())
}

fn display_name(locale: &str, kind: &'static str, code: &str) -> Option<String> {
    let key = || format!("{kind}:{code}");
    if let Some(name) = known(locale, key) {
        return Some(name);
    }
    let name = imp::display_name(locale, kind, code)?;
    record(locale, key, &name);
    Some(name)
}

/// The text a prerendered page was formatted with, in its locale: what the app takes the page
/// over with instead of asking `Intl` again. The first `Intl` object a page makes sets up the
/// browser's locale data, about 25 ms of a fast phone's main thread (100-150 ms at 4x CPU
/// throttling), and a takeover that asks none leaves that to [`warm_up`] in idle time.
///
/// One map, by what was formatted: money by currency and exact amount (`"EUR 89.00"` →
/// `"89,00 €"`), names by kind and code (`"region:JP"` → `"Japan"`), plural categories by
/// whole number (`"#1"` → `"one"`). Only text the data recorded from the browser gave is kept
/// (never a fallback such as `19.99 EUR` or a bare country code): the text `Intl` gives in
/// Chromium, which `e2e/tests/prerender.spec.ts` checks against the browser.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Formatted(pub BTreeMap<String, String>);

impl Formatted {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[derive(Default)]
struct Memo {
    /// What a prerendered page was formatted with, and its locale ([`seed`]).
    known: Option<(String, Formatted)>,
    /// What is being formatted in one locale, while the prerender renders a page ([`record`]).
    recording: Option<(String, Formatted)>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::default();
}

/// The seeded text for `key` in `locale` (the key is made only when there is a seed for it).
pub(crate) fn known(locale: &str, key: impl FnOnce() -> String) -> Option<String> {
    MEMO.with(|memo| match &memo.borrow().known {
        Some((tag, formatted)) if tag == locale => formatted.0.get(&key()).cloned(),
        _ => None,
    })
}

/// Keeps `text` under `key` if a recording in `locale` is on (only the prerender records: in
/// the browser this is nothing).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn record(locale: &str, key: impl FnOnce() -> String, text: &str) {
    MEMO.with(|memo| {
        if let Some((tag, formatted)) = &mut memo.borrow_mut().recording
            && tag == locale
        {
            formatted.0.insert(key(), text.to_owned());
        }
    });
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn record(_locale: &str, _key: impl FnOnce() -> String, _text: &str) {}

/// Formats in `locale` with the text a prerendered page was written with, where it has it
/// (the app, before it takes the page over). Replaces what an earlier call gave.
pub fn seed(locale: &str, formatted: Formatted) {
    MEMO.with(|memo| memo.borrow_mut().known = Some((locale.to_owned(), formatted)));
}

/// Starts keeping every money text and name formatted in `locale` (the prerender, before it
/// renders a page), until [`take_recorded`].
pub fn start_recording(locale: &str) {
    MEMO.with(|memo| memo.borrow_mut().recording = Some((locale.to_owned(), Formatted::default())));
}

/// What was formatted since [`start_recording`], and stops recording.
pub fn take_recorded() -> Formatted {
    MEMO.with(|memo| memo.borrow_mut().recording.take())
        .map(|(_, formatted)| formatted)
        .unwrap_or_default()
}

/// Makes the browser's `Intl` objects a page will need next (money in `currency` and country
/// names in `locale`), when the browser has nothing else to do: after a takeover that asked
/// `Intl` nothing, so that the first price the shopper's next step formats (the cart drawer's
/// total, another market's prices) does not pay for setting `Intl` up. Natively, nothing.
pub fn warm_up(locale: &str, currency: dhow_sdk::Currency) {
    imp::warm_up(locale, currency);
}

/// The calendar date of an RFC 3339 time in `locale`, in the shopper's time zone
/// (`Intl.DateTimeFormat`, medium style: `Dec 6, 2026`, `06.12.2026`, `2026/12/06`). The time's
/// own date (`2026-12-06`) when it cannot be formatted (natively, or a time that does not read).
pub fn format_date(locale: &str, rfc3339: &str) -> String {
    imp::format_date(locale, rfc3339)
        .unwrap_or_else(|| rfc3339.get(..10).unwrap_or(rfc3339).to_owned())
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use dhow_sdk::{Currency, Money};
    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
        type NumberFormat;

        // `catch`: an unknown locale tag throws a RangeError, which must not abort the app.
        #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = "NumberFormat")]
        fn new(locales: &Array, options: &Object) -> Result<NumberFormat, JsValue>;

        #[wasm_bindgen(method, getter, js_class = "NumberFormat")]
        fn format(this: &NumberFormat) -> Function;

        #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
        type DateTimeFormat;

        #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = "DateTimeFormat")]
        fn new(locales: &Array, options: &Object) -> Result<DateTimeFormat, JsValue>;

        #[wasm_bindgen(method, catch, js_class = "DateTimeFormat")]
        fn format(this: &DateTimeFormat, date: &js_sys::Date) -> Result<JsValue, JsValue>;

        #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
        type DisplayNames;

        #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = "DisplayNames")]
        fn new(locales: &Array, options: &Object) -> Result<DisplayNames, JsValue>;

        #[wasm_bindgen(method, catch, js_class = "DisplayNames")]
        fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;
    }

    thread_local! {
        static NAMES: RefCell<HashMap<(String, &'static str), DisplayNames>> = RefCell::default();
    }

    pub(super) fn display_name(locale: &str, kind: &'static str, code: &str) -> Option<String> {
        let key = (locale.to_owned(), kind);
        let cached = NAMES.with(|cache| {
            cache
                .borrow()
                .get(&key)
                .map(|names| names.of(code).ok()?.as_string())
        });
        if let Some(name) = cached {
            return name;
        }
        let options = Object::new();
        Reflect::set(
            &options,
            &JsValue::from_str("type"),
            &JsValue::from_str(kind),
        )
        .ok()?;
        let names = DisplayNames::new(&Array::of1(&JsValue::from_str(locale)), &options).ok()?;
        let name = names.of(code).ok()?.as_string();
        NAMES.with(|cache| cache.borrow_mut().insert(key, names));
        name
    }

    thread_local! {
        static FORMATTERS: RefCell<HashMap<(String, Currency), Function>> = RefCell::default();
    }

    fn formatter(locale: &str, currency: Currency) -> Option<Function> {
        let key = (locale.to_owned(), currency);
        if let Some(f) = FORMATTERS.with(|cache| cache.borrow().get(&key).cloned()) {
            return Some(f);
        }
        let options = Object::new();
        let digits = JsValue::from(u32::from(currency.exponent()));
        let set = |k: &str, v: &JsValue| Reflect::set(&options, &JsValue::from_str(k), v).is_ok();
        let ok = set("style", &JsValue::from_str("currency"))
            && set("currency", &JsValue::from_str(currency.code()))
            && set("minimumFractionDigits", &digits)
            && set("maximumFractionDigits", &digits);
        if !ok {
            return None;
        }
        let locales = Array::of1(&JsValue::from_str(locale));
        let format = NumberFormat::new(&locales, &options).ok()?.format();
        FORMATTERS.with(|cache| cache.borrow_mut().insert(key, format.clone()));
        Some(format)
    }

    pub(super) fn format_date(locale: &str, rfc3339: &str) -> Option<String> {
        let time = js_sys::Date::new(&JsValue::from_str(rfc3339));
        if time.get_time().is_nan() {
            return None;
        }
        let options = Object::new();
        Reflect::set(
            &options,
            &JsValue::from_str("dateStyle"),
            &JsValue::from_str("medium"),
        )
        .ok()?;
        let locales = Array::of1(&JsValue::from_str(locale));
        DateTimeFormat::new(&locales, &options)
            .ok()?
            .format(&time)
            .ok()?
            .as_string()
            .filter(|s| !s.is_empty())
    }

    pub(super) fn format_money(locale: &str, money: Money) -> Option<String> {
        let decimal = JsValue::from_str(&money.to_decimal_string());
        formatter(locale, money.currency())
            .and_then(|f| f.call1(&JsValue::NULL, &decimal).ok())
            .and_then(|v| v.as_string())
    }

    pub(super) fn warm_up(locale: &str, currency: Currency) {
        let locale = locale.to_owned();
        crate::browser::when_idle(move || {
            let _ = formatter(&locale, currency);
            let _ = display_name(&locale, "region", "US");
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "native.rs"]
mod imp;

/// The fallback when `Intl` is unavailable: `19.99 EUR`, still exact.
fn plain(money: Money) -> String {
    format!("{} {}", money.to_decimal_string(), money.currency())
}

#[cfg(test)]
mod tests {
    use super::*;
    use dhow_sdk::Currency;

    fn eur(minor: i64) -> Money {
        Money::from_minor(minor, Currency::EUR)
    }

    fn formatted(entries: &[(&str, &str)]) -> Formatted {
        Formatted(
            entries
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn a_recording_keeps_what_the_data_formatted_in_its_locale_only() {
        start_recording("de-DE");
        assert_eq!(format_money("de-DE", eur(8900)), "89,00\u{a0}€");
        assert_eq!(region_name("de-DE", "JP"), "Japan");
        assert_eq!(language_name("de-DE", "ja-JP"), "Japanisch (Japan)");
        assert_eq!(crate::i18n::plural_category("de-DE", 1.0), Some("one"));
        // Not a whole number: not kept.
        assert_eq!(crate::i18n::plural_category("de-DE", 1.5), Some("other"));
        // Another locale, and fallbacks (no recorded data): not kept.
        assert_eq!(format_money("en-US", eur(8900)), "€89.00");
        assert_eq!(format_money("xx-YY", eur(1999)), "19.99 EUR");
        assert_eq!(region_name("de-DE", "QQ"), "QQ");
        let recorded = take_recorded();
        assert_eq!(
            recorded,
            formatted(&[
                ("#1", "one"),
                ("EUR 89.00", "89,00\u{a0}€"),
                ("language:ja-JP", "Japanisch (Japan)"),
                ("region:JP", "Japan"),
            ])
        );
        // Stopped: nothing more is kept.
        format_money("de-DE", eur(100));
        assert!(take_recorded().is_empty());
    }

    #[test]
    fn seeded_text_is_used_in_its_locale_and_anything_else_is_formatted() {
        seed(
            "de-DE",
            formatted(&[
                ("EUR 89.00", "89 Euro"),
                ("region:JP", "Nippon"),
                ("#3", "many"),
            ]),
        );
        assert_eq!(crate::i18n::plural_category("de-DE", 3.0), Some("many"));
        assert_eq!(crate::i18n::plural_category("de-DE", 1.0), Some("one"));
        assert_eq!(crate::i18n::plural_category("en-US", 3.0), Some("other"));
        assert_eq!(format_money("de-DE", eur(8900)), "89 Euro");
        assert_eq!(region_name("de-DE", "JP"), "Nippon");
        assert_eq!(format_money("de-DE", eur(8901)), "89,01\u{a0}€");
        assert_eq!(format_money("en-US", eur(8900)), "€89.00");
        assert_eq!(region_name("en-US", "JP"), "Japan");
        assert_eq!(region_name("de-DE", "FR"), "Frankreich");
        seed("de-DE", Formatted::default());
        assert_eq!(format_money("de-DE", eur(8900)), "89,00\u{a0}€");
    }

    #[test]
    fn a_snapshot_without_formatted_text_still_reads() {
        let snapshot: crate::snapshot::CatalogSnapshot = serde_json::from_str(
            r#"{"version":1,"url":"/","backend":"local","locale":"en-US","hydrate":true,"answers":{}}"#,
        )
        .expect("reads");
        assert!(snapshot.formatted.is_empty());
    }
}
