//! UI text from Fluent files in `locales/`: the default locale is compiled in, others are fetched
//! on demand. Fluent does not format money, so amounts are formatted first and passed in.

use std::rc::Rc;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use leptos::prelude::*;
use unic_langid::LanguageIdentifier;

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
    bundle: FluentBundle<FluentResource>,
}

impl Translations {
    /// Parses a locale's Fluent source; a message with a syntax error is dropped and the rest
    /// still loads (a missing message falls back to its key rather than failing the page).
    pub fn new(locale: &str, source: &str) -> Translations {
        let langid: LanguageIdentifier = locale
            .parse()
            .unwrap_or_else(|_| LanguageIdentifier::default());
        let mut bundle = FluentBundle::new(vec![langid]);
        // Isolation marks keep numbers and names from reordering inside right-to-left text;
        // left-to-right text needs none.
        bundle.set_use_isolating(is_rtl(locale));
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(resource) => resource,
            Err((resource, _errors)) => resource,
        };
        // Duplicate ids are a check failure in the locale test, not a shopper's problem.
        let _ = bundle.add_resource(resource);
        Translations {
            locale: locale.to_owned(),
            bundle,
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
    pub fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_owned();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
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
        self.current.with(|t| t.format(key, None))
    }

    /// The message `key` with arguments: `i18n.t_with("cart-count", &[("count", 3.into())])`.
    pub fn t_with(&self, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.current.with(|t| t.format(key, Some(&fluent_args)))
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
        translations.format("crash-message", None),
        translations.format("crash-reload", None),
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
    //! and every message formats without error.
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

    #[test]
    fn every_message_formats_in_every_locale() {
        let mut args = FluentArgs::new();
        for name in [
            "amount", "price", "total", "min", "max", "code", "title", "example", "query",
            "country", "number", "email", "address", "name", "date",
        ] {
            args.set(name, "x");
        }
        for (name, value) in [
            ("count", 3),
            ("index", 1),
            ("page", 2),
            ("pages", 5),
            ("minutes", 15),
        ] {
            args.set(name, value);
        }
        args.set("max", 7);
        args.set("min", 2);
        for (locale, _) in LOCALES {
            let translations = Translations::new(locale, &source(locale));
            for id in ids(locale) {
                let message = translations
                    .bundle
                    .get_message(&id)
                    .expect("listed message");
                let pattern = message
                    .value()
                    .unwrap_or_else(|| panic!("{locale}: {id} has no value"));
                let mut errors = Vec::new();
                let text = translations
                    .bundle
                    .format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{locale}: {id}: {errors:?}");
                assert!(!text.trim().is_empty(), "{locale}: {id} is empty");
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
