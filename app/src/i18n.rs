//! UI text from Fluent files in `locales/`: the default locale is compiled in, others are fetched
//! on demand. Fluent does not format money, so amounts are formatted first and passed in.
//!
//! The files are read by the storefront's own reader of the Fluent its locales use
//! ([`ftl`]); plural categories come from the browser's `Intl.PluralRules` (natively, for the
//! prerender, from CLDR's rules in ICU4X: `i18n/cldr.rs`).

use std::rc::Rc;

use leptos::prelude::*;

pub mod ftl;

pub use ftl::Value;

/// The locale compiled into the bundle, shown before any other loads.
pub const DEFAULT_LOCALE: &str = "en-US";

/// Locales the storefront ships, with whether each is written right to left.
pub const LOCALES: &[(&str, bool)] = &[
    ("en-US", false),
    ("de-DE", false),
    ("fr-FR", false),
    ("es-ES", false),
    ("ja-JP", false),
    ("zh-CN", false),
    ("ar", true),
    ("pt-BR", false),
];

const DEFAULT_FTL: &str = include_str!("../../locales/en-US/main.ftl");

/// One locale's messages.
pub struct Translations {
    locale: String,
    messages: ftl::Messages,
    /// Isolation marks keep numbers and names from reordering inside right-to-left text;
    /// left-to-right text needs none.
    isolate: bool,
}

impl Translations {
    /// Reads a locale's Fluent source; a message that cannot be read is dropped and the rest
    /// still loads (a missing message falls back to its key rather than failing the page).
    pub fn new(locale: &str, source: &str) -> Translations {
        // Errors are a check failure in the locale test, not a shopper's problem.
        let (messages, _errors) = ftl::Messages::parse(source);
        Translations {
            locale: locale.to_owned(),
            messages,
            isolate: is_rtl(locale),
        }
    }

    /// The default locale's messages, compiled in.
    pub fn default_locale() -> Translations {
        Translations::new(DEFAULT_LOCALE, DEFAULT_FTL)
    }

    /// The locale these messages are in.
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// The message `key` with `args`; the key itself when the message is missing.
    pub fn format(&self, key: &str, args: &[(&str, Value)]) -> String {
        self.messages
            .format(key, args, self.isolate, &self.locale, plural_category)
            .unwrap_or_else(|| key.to_owned())
    }
}

/// The cardinal plural category (`zero`, `one`, `two`, `few`, `many`, `other`) of `number` in
/// `locale`, from the browser's `Intl.PluralRules` (natively, CLDR's rules). A whole number's
/// category is kept when the prerender renders a page, and taken from there when the app takes
/// the page over (`format::Formatted`).
pub fn plural_category(locale: &str, number: f64) -> Option<&'static str> {
    // Whole numbers only: their key needs no float formatting in the wasm.
    let whole = (number.fract() == 0.0 && number.abs() < 1e15).then_some(number as i64);
    let key = |n: i64| move || format!("#{n}");
    if let Some(n) = whole
        && let Some(category) = crate::format::known(locale, key(n))
    {
        return category_name(&category);
    }
    let category = rules_category(locale, number)?;
    if let Some(n) = whole {
        crate::format::record(locale, key(n), category);
    }
    Some(category)
}

#[cfg(target_arch = "wasm32")]
fn rules_category(locale: &str, number: f64) -> Option<&'static str> {
    use std::cell::RefCell;
    thread_local! {
        static RULES: RefCell<Option<(String, js_sys::Intl::PluralRules)>> = const { RefCell::new(None) };
    }
    let category = RULES.with(|rules| {
        let mut rules = rules.borrow_mut();
        if rules.as_ref().is_none_or(|(tag, _)| tag != locale) {
            let locales = js_sys::Array::of1(&locale.into());
            let made = js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new());
            *rules = Some((locale.to_owned(), made));
        }
        rules
            .as_ref()
            .map(|(_, rules)| String::from(rules.select(number)))
    })?;
    category_name(&category)
}

#[cfg(not(target_arch = "wasm32"))]
use cldr::plural_category as rules_category;

#[cfg(not(target_arch = "wasm32"))]
mod cldr;

fn category_name(category: &str) -> Option<&'static str> {
    ["zero", "one", "two", "few", "many", "other"]
        .into_iter()
        .find(|name| *name == category)
}

/// Whether a locale is written right to left.
pub fn is_rtl(locale: &str) -> bool {
    let language = locale.split('-').next().unwrap_or(locale);
    matches!(language, "ar" | "he" | "fa" | "ur")
}

/// The translations in use, for components: `let i18n = use_i18n(); i18n.t("cart-title")`.
#[derive(Clone, Copy)]
pub struct I18n {
    current: RwSignal<Rc<Translations>, LocalStorage>,
    /// The locale last asked for: a slow load that finishes after a newer choice is dropped.
    wanted: RwSignal<String>,
}

impl I18n {
    /// The message `key` in the current locale, tracked: views re-render when the locale changes.
    pub fn t(&self, key: &str) -> String {
        self.current.with(|t| t.format(key, &[]))
    }

    /// The message `key` with arguments: `i18n.t_with("cart-count", &[("count", 3.into())])`.
    pub fn t_with(&self, key: &str, args: &[(&str, Value)]) -> String {
        self.current.with(|t| t.format(key, args))
    }

    /// The locale in use, tracked: the one last asked for, so numbers and money switch at once
    /// while its messages may still be loading.
    pub fn locale(&self) -> String {
        self.wanted.get()
    }

    /// The locale whose messages are loaded, untracked.
    pub fn loaded_locale_untracked(&self) -> String {
        self.current.with_untracked(|t| t.locale().to_owned())
    }

    /// Switches to other messages.
    pub fn set(&self, translations: Translations) {
        remember_crash_text(&translations);
        self.current.set(Rc::new(translations));
    }

    /// Loads `locale`'s messages (fetched on demand: only the default locale is in the bundle)
    /// and switches to them. An unknown locale, or one that fails to load, keeps the current
    /// messages: the shopper still has a working page.
    pub fn load(&self, locale: String) {
        self.wanted.set(locale.clone());
        if self.loaded_locale_untracked() == locale {
            return;
        }
        if locale == DEFAULT_LOCALE {
            self.set(Translations::default_locale());
            return;
        }
        if !LOCALES.iter().any(|(tag, _)| *tag == locale) {
            return;
        }
        let this = *self;
        leptos::task::spawn_local(async move {
            let url = format!("/locales/{locale}/main.ftl");
            if let Ok(source) = crate::store::fetch_text(&url).await
                && this.wanted.get_untracked() == locale
            {
                this.set(Translations::new(&locale, &source));
            }
        });
    }
}

/// Keeps the crash notice in the language of `translations` (see [`crate::crash`]).
fn remember_crash_text(translations: &Translations) {
    crate::crash::remember_text(
        translations.format("crash-message", &[]),
        translations.format("crash-reload", &[]),
    );
}

/// Provides translations in the default locale to the tree below.
pub fn provide_i18n() -> I18n {
    provide_i18n_with(Translations::default_locale())
}

/// Provides the given translations to the tree below: a prerendered page is rendered, and taken
/// over, in its market's language from the first render.
pub fn provide_i18n_with(translations: Translations) -> I18n {
    remember_crash_text(&translations);
    let i18n = I18n {
        wanted: RwSignal::new(translations.locale().to_owned()),
        current: RwSignal::new_local(Rc::new(translations)),
    };
    provide_context(i18n);
    i18n
}

/// The messages of `locale` (a shipped locale), fetched unless compiled in; the default
/// locale's when they cannot be had.
pub async fn load_translations(locale: &str) -> Translations {
    if locale == DEFAULT_LOCALE || !LOCALES.iter().any(|(tag, _)| *tag == locale) {
        return Translations::default_locale();
    }
    match crate::store::fetch_text(&format!("/locales/{locale}/main.ftl")).await {
        Ok(source) => Translations::new(locale, &source),
        Err(_) => Translations::default_locale(),
    }
}

/// The storefront's text in the shopper's language, from `locales/<tag>/main.ftl`: `t(key)` and
/// `t_with(key, args)` (plurals and other selectors come from the Fluent message), and the locale
/// in use for your own number formatting. Tracked: views re-render when the language changes.
/// Outside the storefront it provides the default locale.
///
/// ```
/// use dhow_app::i18n::use_i18n;
/// use leptos::prelude::*;
///
/// Owner::new().with(|| {
///     let i18n = use_i18n();
///     assert_eq!(i18n.t("cart-title"), "Your cart");
///     assert_eq!(i18n.t_with("cart-count", &[("count", 2.into())]), "2 items in your cart");
///     assert_eq!(i18n.locale(), "en-US");
/// });
/// ```
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(provide_i18n)
}

#[cfg(test)]
mod tests {
    //! The locale check: every locale has every message, every message the code uses exists,
    //! and every message formats without error, exactly as Fluent's reference implementation
    //! formats it.
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    use fluent_bundle::FluentResource;
    use fluent_syntax::ast::Entry;

    use super::*;

    fn locales_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales")
    }

    fn source(locale: &str) -> String {
        let path = locales_dir().join(locale).join("main.ftl");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn ids(locale: &str) -> BTreeSet<String> {
        let resource = FluentResource::try_new(source(locale))
            .unwrap_or_else(|(_, errors)| panic!("{locale}: syntax errors {errors:?}"));
        resource
            .entries()
            .filter_map(|e| match e {
                Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    /// Keys the code names literally: `t("key"` and `t_with("key"`.
    fn keys_in_code() -> BTreeSet<String> {
        let mut keys = BTreeSet::new();
        let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("source dir").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).expect("source file");
                    for marker in [".t(\"", ".t_with(\""] {
                        for (i, _) in text.match_indices(marker) {
                            let rest = &text[i + marker.len()..];
                            if let Some(end) = rest.find('"') {
                                let key = &rest[..end];
                                if key.chars().all(|c| {
                                    c.is_ascii_lowercase()
                                        || c.is_ascii_digit()
                                        || c == '-'
                                        || c == '_'
                                }) {
                                    keys.insert(key.to_owned());
                                }
                            }
                        }
                    }
                }
            }
        }
        // Keys built at run time: sort names and the address labels of every country.
        for sort in crate::search_params::SORTS {
            keys.insert(format!("sort-{}", crate::search_params::sort_name(sort)));
        }
        for country in dhow_sdk::address::countries() {
            let format = dhow_sdk::address::format_for(country);
            for field in format.rows.iter().flat_map(|r| r.iter()) {
                keys.insert(crate::components::checkout::label_key(&format, *field));
            }
        }
        keys
    }

    #[test]
    fn every_shipped_locale_has_a_folder_and_every_folder_is_shipped() {
        let folders: BTreeSet<String> = std::fs::read_dir(locales_dir())
            .expect("locales dir")
            .flatten()
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        let shipped: BTreeSet<String> = LOCALES.iter().map(|(l, _)| (*l).to_owned()).collect();
        assert_eq!(folders, shipped);
    }

    #[test]
    fn every_locale_has_exactly_the_default_locales_messages() {
        let reference = ids(DEFAULT_LOCALE);
        for (locale, _) in LOCALES {
            let these = ids(locale);
            let missing: Vec<_> = reference.difference(&these).collect();
            let extra: Vec<_> = these.difference(&reference).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{locale}: missing {missing:?}, extra {extra:?}"
            );
        }
    }

    #[test]
    fn every_key_used_in_code_exists() {
        let reference = ids(DEFAULT_LOCALE);
        let used = keys_in_code();
        // The scan itself must work: these are certainly used.
        for key in [
            "add-to-cart",
            "cart-checkout",
            "checkout-place-order",
            "address-postal-zip_code",
            "sort-newest",
        ] {
            assert!(used.contains(key), "the scan missed {key}");
        }
        let missing: Vec<_> = used
            .into_iter()
            .filter(|k| !reference.contains(k))
            .collect();
        assert!(
            missing.is_empty(),
            "used in code but absent from {DEFAULT_LOCALE}: {missing:?}"
        );
    }

    /// Fluent's reference implementation, for comparison.
    fn reference_bundle(locale: &str) -> fluent_bundle::FluentBundle<FluentResource> {
        let langid: unic_langid::LanguageIdentifier = locale.parse().expect("locale tag");
        let mut bundle = fluent_bundle::FluentBundle::new(vec![langid]);
        bundle.set_use_isolating(is_rtl(locale));
        let resource = FluentResource::try_new(source(locale)).expect("the file parses");
        bundle.add_resource(resource).expect("no duplicate ids");
        bundle
    }

    /// Every shipped file reads whole with the storefront's reader, with the same messages
    /// Fluent's own parser finds.
    #[test]
    fn every_locale_reads_whole() {
        for (locale, _) in LOCALES {
            let (messages, errors) = ftl::Messages::parse(&source(locale));
            assert!(errors.is_empty(), "{locale}: {errors:?}");
            let read: BTreeSet<String> = messages.ids().map(str::to_owned).collect();
            assert_eq!(read, ids(locale), "{locale}");
        }
    }

    /// Every message of every locale formats exactly as Fluent formats it (the same text, the
    /// same plural variants, the same isolation marks), across numbers that reach every plural
    /// category of every shipped locale, text, and a missing argument.
    #[test]
    fn every_message_formats_as_fluent_does() {
        const TEXT: [&str; 15] = [
            "amount", "price", "total", "code", "title", "example", "query", "country", "number",
            "email", "address", "name", "date", "min", "max",
        ];
        const NUMBERS: [&str; 7] = ["count", "index", "page", "pages", "minutes", "min", "max"];
        let mut cases: Vec<Vec<(&str, Value)>> = Vec::new();
        for n in [
            0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 19, 21, 22, 25, 100, 101, 102, 103, 111, 1000,
        ] {
            let mut args: Vec<(&str, Value)> =
                TEXT.iter().map(|name| (*name, Value::from("x"))).collect();
            args.retain(|(name, _)| !NUMBERS.contains(name));
            args.extend(NUMBERS.iter().map(|name| (*name, Value::from(n))));
            cases.push(args);
        }
        // Text where a number may go, and no arguments at all.
        cases.push(
            TEXT.iter()
                .chain(NUMBERS.iter())
                .map(|name| (*name, Value::from("Ana \"Ñ\" 2")))
                .collect(),
        );
        cases.push(Vec::new());
        let mut compared = 0;
        let mut fluent_wrong = BTreeSet::new();
        for (locale, _) in LOCALES {
            let ours = Translations::new(locale, &source(locale));
            let reference = reference_bundle(locale);
            for id in ids(locale) {
                let pattern = reference
                    .get_message(&id)
                    .and_then(|m| m.value())
                    .unwrap_or_else(|| panic!("{locale}: {id} has no value"));
                for args in &cases {
                    // Where fluent-bundle's plural rules (intl_pluralrules) are not CLDR's, the
                    // reference is wrong; those numbers are checked on their own below.
                    if let Some((_, Value::Number(n))) =
                        args.iter().find(|(name, _)| *name == "count")
                        && fluent_category(locale, *n as f64) != plural_category(locale, *n as f64)
                    {
                        fluent_wrong.insert((locale.to_string(), *n as u32));
                        continue;
                    }
                    let mut fluent_args = fluent_bundle::FluentArgs::new();
                    for (name, value) in args {
                        match value {
                            Value::Text(text) => fluent_args.set(*name, text.clone()),
                            Value::Number(n) => fluent_args.set(*name, *n),
                        }
                    }
                    let mut errors = Vec::new();
                    let expected =
                        reference.format_pattern(pattern, Some(&fluent_args), &mut errors);
                    assert_eq!(
                        ours.format(&id, args),
                        expected,
                        "{locale}: {id} with {args:?}"
                    );
                    if !args.is_empty() {
                        assert!(errors.is_empty(), "{locale}: {id}: {errors:?}");
                        assert!(!expected.trim().is_empty(), "{locale}: {id} is empty");
                    }
                    compared += 1;
                }
            }
        }
        // Every locale has some 250 messages.
        assert!(
            compared >= LOCALES.len() * 200 * cases.len() * 9 / 10,
            "compared only {compared}"
        );
        // The one known difference: intl_pluralrules 7 reads Arabic's `n % 100 = 3..10` (few)
        // and `n % 100 = 11..99` (many) as if on n itself, so Fluent writes 103 and 111 with the
        // `other` variant; the browser's Intl, the prerender (ICU4X) and CLDR say few and many.
        let expected = BTreeSet::from([("ar".to_string(), 103), ("ar".to_string(), 111)]);
        assert_eq!(fluent_wrong, expected);
    }

    /// Fluent's plural category (intl_pluralrules, looked up as fluent-bundle does).
    fn fluent_category(locale: &str, n: f64) -> Option<&'static str> {
        use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
        let tag: unic_langid::LanguageIdentifier = locale.parse().ok()?;
        let language = unic_langid::LanguageIdentifier::from_parts(tag.language, None, None, &[]);
        let rules = PluralRules::create(tag, PluralRuleType::CARDINAL)
            .or_else(|_| PluralRules::create(language, PluralRuleType::CARDINAL))
            .ok()?;
        Some(match rules.select(n).ok()? {
            PluralCategory::ZERO => "zero",
            PluralCategory::ONE => "one",
            PluralCategory::TWO => "two",
            PluralCategory::FEW => "few",
            PluralCategory::MANY => "many",
            PluralCategory::OTHER => "other",
        })
    }

    /// Arabic's plurals of 103 and 111 follow CLDR (where Fluent's own rules do not).
    #[test]
    fn arabic_plurals_follow_cldr_past_one_hundred() {
        let ar = Translations::new("ar", &source("ar"));
        let stock = |n: u32| ar.format("stock-low", &[("count", n.into())]);
        // few: n % 100 = 3..10; many: n % 100 = 11..99; other: 100..102.
        assert_eq!(stock(103), stock(3).replace('3', "103"));
        assert_eq!(stock(111), stock(11).replace("11", "111"));
        assert_eq!(stock(101), stock(100).replace("100", "101"));
        assert_ne!(stock(103), stock(101).replace("101", "103"));
    }

    /// The reader's own cases beyond what the shipped files use: multi-line text, blank lines,
    /// block variants, as Fluent reads them.
    #[test]
    fn layouts_fluent_allows_read_as_fluent_reads_them() {
        let source = "multi =\n    First line\n      indented more\n\n    after a blank\nblock = { $n ->\n    [one]\n        One\n        thing\n   *[other] { $n }\n        things\n  }\ninline = A { $n ->\n    [0] zero\n   *[other] some\n} B\n";
        let (messages, errors) = ftl::Messages::parse(source);
        assert!(errors.is_empty(), "{errors:?}");
        let mut bundle = fluent_bundle::FluentBundle::new(vec![
            "en-US".parse::<unic_langid::LanguageIdentifier>().unwrap(),
        ]);
        bundle.set_use_isolating(false);
        bundle
            .add_resource(FluentResource::try_new(source.to_owned()).expect("valid Fluent"))
            .unwrap();
        for id in ["multi", "block", "inline"] {
            for n in [0, 1, 7] {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("n", n);
                let pattern = bundle.get_message(id).and_then(|m| m.value()).unwrap();
                let expected = bundle.format_pattern(pattern, Some(&args), &mut Vec::new());
                let got = messages
                    .format(id, &[("n", n.into())], false, "en-US", plural_category)
                    .unwrap();
                assert_eq!(got, expected, "{id} with {n}");
            }
        }
    }

    #[test]
    fn right_to_left_locales_are_known() {
        assert!(is_rtl("ar"));
        assert!(!is_rtl("de-DE"));
        assert!(LOCALES.iter().any(|(l, rtl)| *l == "ar" && *rtl));
    }
}
