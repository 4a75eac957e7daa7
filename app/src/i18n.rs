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
        let langid: LanguageIdentifier =
            locale.parse().unwrap_or_else(|_| LanguageIdentifier::default());
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
        Translations { locale: locale.to_owned(), bundle }
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
        self.bundle.format_pattern(pattern, args, &mut errors).into_owned()
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

    /// The current locale tag.
    pub fn locale(&self) -> String {
        self.current.with(|t| t.locale().to_owned())
    }

    /// The current locale tag, untracked.
    pub fn locale_untracked(&self) -> String {
        self.current.with_untracked(|t| t.locale().to_owned())
    }

    /// Switches to other messages.
    pub fn set(&self, translations: Translations) {
        self.current.set(Rc::new(translations));
    }

    /// Loads `locale`'s messages (fetched on demand: only the default locale is in the bundle)
    /// and switches to them. An unknown locale, or one that fails to load, keeps the current
    /// messages: the shopper still has a working page.
    pub fn load(&self, locale: String) {
        self.wanted.set(locale.clone());
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

/// Provides translations in the default locale to the tree below.
pub fn provide_i18n() -> I18n {
    let i18n = I18n {
        current: RwSignal::new_local(Rc::new(Translations::default_locale())),
        wanted: RwSignal::new(DEFAULT_LOCALE.to_owned()),
    };
    provide_context(i18n);
    i18n
}

/// The translations provided at the root.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(provide_i18n)
}
