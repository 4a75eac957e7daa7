//! Money and numbers formatted by the browser's `Intl`, one cached formatter per locale and
//! currency, with amounts handed over as exact decimal strings (never through a float).
//!
//! Natively (the prerender) there is no `Intl`: the same text comes from data recorded from
//! Chromium (`intl.json`, written by `e2e/tools/intl-data.mjs`), so a prerendered page reads
//! exactly as the browser renders it and hydration keeps every character.

use dhow_sdk::Money;

/// Formats `money` for `locale`: `$1,234.50`, `1.234,50 €`, `￥1,235`, `1.250 د.ك.‏`.
///
/// The formatter shows exactly the currency's ISO 4217 digits, so an amount is never rounded
/// for display (CLDR shows fewer digits than ISO for a few currencies).
pub fn format_money(locale: &str, money: Money) -> String {
    imp::format_money(locale, money)
}

/// The name of a country or region in `locale`: `region_name("de-DE", "JP")` is `"Japan"` in
/// German (`Intl.DisplayNames`); the code itself when the browser cannot name it.
pub fn region_name(locale: &str, code: &str) -> String {
    imp::display_name(locale, "region", code).unwrap_or_else(|| code.to_owned())
}

/// The name of a language in `locale`, by its BCP 47 tag.
pub fn language_name(locale: &str, tag: &str) -> String {
    imp::display_name(locale, "language", tag).unwrap_or_else(|| tag.to_owned())
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

    pub(super) fn format_money(locale: &str, money: Money) -> String {
        let decimal = JsValue::from_str(&money.to_decimal_string());
        formatter(locale, money.currency())
            .and_then(|f| f.call1(&JsValue::NULL, &decimal).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| super::plain(money))
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "native.rs"]
mod imp;

/// The fallback when `Intl` is unavailable: `19.99 EUR`, still exact.
fn plain(money: Money) -> String {
    format!("{} {}", money.to_decimal_string(), money.currency())
}
