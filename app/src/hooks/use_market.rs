//! `use_market()`: the shopper's market (from the URL) and language, links that keep them, and
//! switching either.

use std::rc::Rc;

use dhow_sdk::Market;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

use crate::browser;
use crate::i18n::{self, use_i18n};
use crate::store::use_store;

/// Navigates to the same page in the market with the given id.
type SwitchMarket = Rc<dyn Fn(&str)>;

/// Where the shopper's language choice is kept between visits.
const LANGUAGE_KEY: &str = "dhow.language";

/// The market context. The market is part of the URL (`/de/products/x`; the default market has
/// a plain path), so a shared link opens the same market.
#[derive(Clone, Copy)]
pub struct UseMarket {
    /// The market, with `locale` set to the language in use: pass it to the backend as is.
    pub market: Memo<Market>,
    /// Whether the URL names a market the store does not sell to.
    pub unknown: Memo<bool>,
    /// The language chosen by the shopper, when it differs from the market's.
    language: RwSignal<Option<String>>,
    prefix: Memo<String>,
    go: StoredValue<SwitchMarket, LocalStorage>,
}

impl UseMarket {
    /// A link to `path` (`/products/x`) in the current market.
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.prefix.get(), path)
    }

    /// The language in use (BCP 47).
    pub fn locale(&self) -> String {
        self.market.with(|m| m.locale.clone())
    }

    /// Moves to another market, staying on the same page.
    pub fn switch_market(&self, id: &str) {
        self.go.with_value(|go| go(id));
    }

    /// Uses `locale` for text, keeping the market.
    pub fn set_language(&self, locale: &str) {
        browser::local_set(LANGUAGE_KEY, locale);
        self.language.set(Some(locale.to_owned()));
    }
}

/// Splits `/de/products/x` into the market id (when the first segment is a listed market) and
/// the rest of the path.
fn split_prefix<'a>(path: &'a str, markets: &[Market]) -> (Option<&'a str>, &'a str) {
    let trimmed = path.strip_prefix('/').unwrap_or(path);
    let (first, rest) = match trimmed.find('/') {
        Some(i) => (&trimmed[..i], &trimmed[i..]),
        None => (trimmed, "/"),
    };
    if markets.iter().any(|m| m.id.as_str() == first) {
        (Some(first), if rest.is_empty() { "/" } else { rest })
    } else {
        (None, path)
    }
}

/// `/de/products/x` without its market prefix (`/products/x`); paths of the default market as
/// they are.
pub fn path_without_market<'a>(path: &'a str, markets: &[Market]) -> &'a str {
    split_prefix(path, markets).1
}

/// The market a path is in (the default market when it names none it sells to).
pub fn market_for_path<'a>(config: &'a dhow_sdk::StoreConfig, path: &str) -> Option<&'a Market> {
    match split_prefix(path, &config.markets).0 {
        Some(id) => config.market(id),
        None => config.default_market().ok(),
    }
}

/// Whether `segment` looks like a market prefix (two lower-case letters) that the store does
/// not have: such URLs get the not-found page rather than the default market.
fn unknown_prefix(path: &str, markets: &[Market]) -> bool {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    first.len() == 2
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && !markets.iter().any(|m| m.id.as_str() == first)
}

/// The market `id` (or the fallback when it is not listed), speaking `language` when it can.
fn market_memo(
    markets: Vec<Market>,
    fallback: Market,
    id: impl Fn() -> String + Send + Sync + 'static,
    language: RwSignal<Option<String>>,
) -> Memo<Market> {
    Memo::new(move |_| {
        let id = id();
        let mut market = markets
            .iter()
            .find(|m| m.id.as_str() == id)
            .cloned()
            .unwrap_or_else(|| fallback.clone());
        if let Some(chosen) = language.get().filter(|l| market.speaks(l)) {
            market.locale = chosen;
        }
        market
    })
}

/// The URL prefix of `market`'s pages: none for the default market, `/de` for others.
fn market_prefix(market: Memo<Market>, default_id: String) -> Memo<String> {
    Memo::new(move |_| {
        let id = market.with(|m| m.id.as_str().to_owned());
        if id == default_id {
            String::new()
        } else {
            format!("/{id}")
        }
    })
}

/// Keeps the loaded translations in step with the market's language (loading them before the
/// first render, so its numbers are already in the market's locale).
fn follow_language(market: Memo<Market>, set_document: bool) {
    let i18n = use_i18n();
    i18n.load(market.with_untracked(|m| m.locale.clone()));
    Effect::new(move |_| {
        let locale = market.with(|m| m.locale.clone());
        if set_document {
            browser::set_document_language(&locale, i18n::is_rtl(&locale));
        }
        i18n.load(locale);
    });
}

/// Provides the market context below a `<Router>`; keeps `<html lang dir>` and the loaded
/// translations in step with the language.
pub fn provide_market() -> UseMarket {
    let store = use_store().store();
    let markets = store.config.markets.clone();
    let default_id = store.config.default_market.as_str().to_owned();
    let fallback = use_store().default_market();
    let location = use_location();
    // A page being taken over renders in its market's language first, exactly as prerendered;
    // the shopper's own choice applies right after.
    let hydrating = Owner::current_shared_context().is_some_and(|sc| sc.during_hydration());
    let language = RwSignal::new(if hydrating {
        None
    } else {
        browser::local_get(LANGUAGE_KEY)
    });
    if hydrating {
        Effect::new(move |_| {
            if let Some(saved) = browser::local_get(LANGUAGE_KEY) {
                language.set(Some(saved));
            }
        });
    }

    let market = {
        let markets = markets.clone();
        let default_id = default_id.clone();
        market_memo(
            markets.clone(),
            fallback,
            move || {
                let path = location.pathname.get();
                split_prefix(&path, &markets)
                    .0
                    .unwrap_or(&default_id)
                    .to_owned()
            },
            language,
        )
    };
    let prefix = market_prefix(market, default_id.clone());
    let unknown = Memo::new(move |_| unknown_prefix(&location.pathname.get(), &markets));
    follow_language(market, true);

    let go: SwitchMarket = {
        let navigate = use_navigate();
        let markets = store.config.markets.clone();
        let default_id = default_id.clone();
        Rc::new(move |id: &str| {
            let path = location.pathname.get_untracked();
            let (_, rest) = split_prefix(&path, &markets);
            let prefix = if id == default_id {
                String::new()
            } else {
                format!("/{id}")
            };
            let search = location.search.get_untracked();
            let query = if search.is_empty() {
                String::new()
            } else {
                format!("?{}", search.trim_start_matches('?'))
            };
            let target = format!("{prefix}{rest}{query}");
            navigate(
                &target,
                NavigateOptions {
                    scroll: false,
                    ..NavigateOptions::default()
                },
            );
        })
    };
    let context = UseMarket {
        market,
        unknown,
        language,
        prefix,
        go: StoredValue::new_local(go),
    };
    provide_context(context);
    context
}

/// Where a page without the storefront's router (a brand's page with embedded components)
/// remembers the shopper's market between visits.
const IN_PLACE_MARKET_KEY: &str = "dhow.market";

/// Provides the market context where there is no router and no market in the URL: components
/// embedded in a brand's page. The market starts as the one the shopper last chose there, else
/// `initial` (when listed), else the store's default; `switch_market` changes it in place. Links
/// (`href`) point into the storefront at `storefront` (`""`: the same origin) in that market.
/// The page's own `<html lang dir>` is left alone: the embedding sets them on its elements.
pub fn provide_market_in_place(initial: Option<String>, storefront: String) -> UseMarket {
    let store = use_store().store();
    let markets = store.config.markets.clone();
    let default_id = store.config.default_market.as_str().to_owned();
    let listed = {
        let markets = markets.clone();
        move |id: &str| markets.iter().any(|m| m.id.as_str() == id)
    };
    let start = browser::local_get(IN_PLACE_MARKET_KEY)
        .filter(|id| listed(id))
        .or(initial.filter(|id| listed(id)))
        .unwrap_or_else(|| default_id.clone());
    let chosen = RwSignal::new(start);
    let language = RwSignal::new(browser::local_get(LANGUAGE_KEY));
    let market = market_memo(
        markets,
        use_store().default_market(),
        move || chosen.get(),
        language,
    );
    let market_path = market_prefix(market, default_id);
    let prefix =
        Memo::new(move |_| format!("{}{}", storefront.trim_end_matches('/'), market_path.get()));
    follow_language(market, false);
    let go: SwitchMarket = Rc::new(move |id: &str| {
        if listed(id) {
            browser::local_set(IN_PLACE_MARKET_KEY, id);
            chosen.set(id.to_owned());
        }
    });
    let context = UseMarket {
        market,
        unknown: Memo::new(|_| false),
        language,
        prefix,
        go: StoredValue::new_local(go),
    };
    provide_context(context);
    context
}

/// The market context provided by the storefront: the market (country, language, currency, tax
/// display, duty terms), links that keep it (`href`), and `switch_market` / `set_language`. Call
/// it in a component rendered inside the storefront (or an embedded Dhow element); it panics
/// elsewhere.
///
/// ```
/// use dhow_app::format::region_name;
/// use dhow_app::hooks::use_market;
/// use leptos::prelude::*;
///
/// /// A link to a product that stays in the shopper's market, and a one-click move to Japan.
/// #[component]
/// fn MyProductLink(handle: String) -> impl IntoView {
///     let market = use_market();
///     let href = move || market.href(&format!("/products/{handle}"));
///     view! {
///         <a href=href>{move || market.market.with(|m| m.currency.code().to_owned())}</a>
///         <button type="button" on:click=move |_| market.switch_market("jp")>
///             {move || region_name(&market.locale(), "JP")}
///         </button>
///     }
/// }
/// ```
pub fn use_market() -> UseMarket {
    expect_context::<UseMarket>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markets() -> Vec<Market> {
        let config = dhow_sdk::StoreConfig::from_json(include_str!("../../../public/dhow.json"))
            .expect("demo configuration");
        config.markets
    }

    #[test]
    fn splits_market_prefixes() {
        let m = markets();
        assert_eq!(
            split_prefix("/de/products/x", &m),
            (Some("de"), "/products/x")
        );
        assert_eq!(split_prefix("/de", &m), (Some("de"), "/"));
        assert_eq!(split_prefix("/products/x", &m), (None, "/products/x"));
        assert_eq!(split_prefix("/us/cart", &m), (Some("us"), "/cart"));
        assert_eq!(split_prefix("/", &m), (None, "/"));
    }

    #[test]
    fn unknown_two_letter_prefixes_are_not_found() {
        let m = markets();
        assert!(unknown_prefix("/zz/products/x", &m));
        assert!(!unknown_prefix("/de/products/x", &m));
        assert!(!unknown_prefix("/products/x", &m));
        assert!(!unknown_prefix("/", &m));
    }
}
