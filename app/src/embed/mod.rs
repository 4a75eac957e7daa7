//! Dhow's components as custom elements on a brand's page (`<dhow-product-card>`,
//! `<dhow-cart-button>`, …). One set of contexts — store, translations, market, cart — is created
//! once by [`start`] and every element is mounted under it, so all elements on a page share one
//! cart and one market, and the cart is the storefront's own (same storage key, same cross-tab
//! sync). The custom-element classes themselves are a small JavaScript module
//! (`app/embed/dhow-embed.js`) that calls the functions exported by the `dhow-embed` binary.

mod elements;
mod events;
pub mod parts;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use dhow_sdk::{Error, Problem, Resource, StoreConfig, Unsold};
use leptos::mount::UnmountHandle;
use leptos::prelude::*;
use leptos::reactive::owner::Owner;
use leptos::tachys::view::any_view::AnyViewState;
use serde::Deserialize;

use crate::hooks::{UseCart, UseMarket, provide_cart, provide_market_in_place};
use crate::i18n::{self, provide_i18n};
use crate::store::{CONFIG_URL, fetch_text, open_store_under, provide_store};

pub use events::{CartSnapshot, OrderPlaced};

/// An element's attributes, by name.
pub type Attributes = BTreeMap<String, String>;

/// Tells the page about something that happened: an event name (`dhow:cart-changed`) and its
/// payload as JSON.
pub type Emit = Rc<dyn Fn(&str, &str)>;

/// How the embedded store is configured: the attributes of `<dhow-store>`. Every field is
/// optional; with none, the same-origin `/dhow.json` is used as is.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct StoreOptions {
    /// URL of the store configuration file (default `/dhow.json`).
    pub config: Option<String>,
    /// Backend kind, overriding the file's: `local`, `medusa`, `vendure`.
    pub backend: Option<String>,
    /// The backend's URL (Medusa's Store API, Vendure's Shop API).
    pub backend_url: Option<String>,
    /// Medusa's publishable key.
    pub publishable_key: Option<String>,
    /// Vendure's channel token.
    pub channel_token: Option<String>,
    /// The local backend's catalog file.
    pub catalog: Option<String>,
    /// The market the page starts in (the shopper's own later choice wins).
    pub market: Option<String>,
    /// The language to show, when the market speaks it.
    pub locale: Option<String>,
    /// Where the full storefront lives, for links to product pages and the cart page (default:
    /// the same origin).
    pub storefront: Option<String>,
}

impl StoreOptions {
    /// The `<dhow-store>` attributes that configure the store, one per field.
    pub const ATTRIBUTES: [&str; 9] = [
        "config",
        "backend",
        "backend-url",
        "publishable-key",
        "channel-token",
        "catalog",
        "market",
        "locale",
        "storefront",
    ];

    /// The configuration file's JSON with this element's backend attributes laid over it.
    fn apply(&self, file: &str) -> Result<StoreConfig, Error> {
        let mut json: serde_json::Value =
            serde_json::from_str(file).map_err(|e| Error::Decode {
                message: format!("store configuration: {e}"),
            })?;
        let overrides = [
            ("kind", &self.backend),
            ("url", &self.backend_url),
            ("publishable_key", &self.publishable_key),
            ("channel_token", &self.channel_token),
            ("catalog", &self.catalog),
        ];
        if overrides.iter().any(|(_, v)| v.is_some()) {
            let backend = json
                .as_object_mut()
                .map(|o| o.entry("backend").or_insert_with(|| serde_json::json!({})));
            let Some(serde_json::Value::Object(backend)) = backend else {
                return Err(Error::Decode {
                    message: "store configuration: not an object".to_owned(),
                });
            };
            // Another kind of backend takes none of the file's backend settings.
            if let Some(kind) = &self.backend
                && backend.get("kind").and_then(|k| k.as_str()) != Some(kind)
            {
                backend.clear();
            }
            for (key, value) in overrides {
                if let Some(value) = value {
                    backend.insert(key.to_owned(), value.clone().into());
                }
            }
        }
        StoreConfig::from_json(&json.to_string())
    }
}

/// The contexts every element is mounted under.
struct Runtime {
    owner: Owner,
    market: UseMarket,
    cart: UseCart,
    checkout_open: RwSignal<bool>,
    emit: StoredValue<Emit, LocalStorage>,
}

thread_local! {
    static RUNTIME: RefCell<Option<Rc<Runtime>>> = const { RefCell::new(None) };
}

fn runtime() -> Result<Rc<Runtime>, Error> {
    RUNTIME
        .with(|r| r.borrow().clone())
        .ok_or_else(|| Error::Conflict {
            message: "Dhow is not ready yet: wait for Dhow.ready".to_owned(),
        })
}

/// The error for a JSON argument from the page that does not read: which one, and why.
fn unreadable(field: &str) -> Error {
    Error::invalid(field, Problem::Invalid)
}

/// Loads the store and creates the shared contexts. Call once; elements mount after it. Every
/// failure is a typed [`Error`]: the page's JavaScript gets it as `{ "kind": …, … }`.
pub async fn start(options: &str, emit: Emit) -> Result<(), Error> {
    if RUNTIME.with(|r| r.borrow().is_some()) {
        return Ok(());
    }
    // Effects and resources need the async executor before anything is mounted; it may already
    // be set (a second call, or a page that mounted Leptos itself), which is fine.
    #[cfg(target_arch = "wasm32")]
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let options: StoreOptions =
        serde_json::from_str(options).map_err(|_| unreadable("dhow-store"))?;
    let owner = Owner::new();
    owner.with(provide_i18n);
    let url = options
        .config
        .clone()
        .unwrap_or_else(|| CONFIG_URL.to_owned());
    let store = async {
        let file = fetch_text(&url).await?;
        // The site's files (catalog, recommendation lists) are beside its configuration.
        let root = url.rsplit_once('/').map_or("", |(root, _)| root);
        open_store_under(options.apply(&file)?, root).await
    }
    .await?;
    let runtime = owner.with(|| {
        provide_store(Rc::new(store))?;
        let market = provide_market_in_place(
            options.market.clone(),
            options.storefront.clone().unwrap_or_default(),
        );
        if let Some(locale) = &options.locale
            && i18n::LOCALES.iter().any(|(tag, _)| tag == locale)
            && market.market.with_untracked(|m| m.speaks(locale))
        {
            market.set_language(locale);
        }
        crate::analytics::provide_analytics();
        let cart = provide_cart();
        crate::hooks::provide_account();
        let checkout_open = RwSignal::new(false);
        events::emit_cart_changes(cart, market, emit.clone());
        Ok::<_, Error>(Runtime {
            owner: owner.clone(),
            market,
            cart,
            checkout_open,
            emit: StoredValue::new_local(emit),
        })
    })?;
    RUNTIME.with(|r| *r.borrow_mut() = Some(Rc::new(runtime)));
    Ok(())
}

/// A mounted element: dropping it unmounts the view and disposes everything it created
/// (effects, resources, listeners).
pub struct Mounted {
    attributes: ArcRwSignal<Attributes>,
    _handle: UnmountHandle<AnyViewState>,
}

impl Mounted {
    /// Sets (or, with `None`, removes) an attribute; the element updates in place.
    pub fn set_attribute(&self, name: &str, value: Option<String>) {
        self.attributes.update(|a| match value {
            Some(v) => {
                a.insert(name.to_owned(), v);
            }
            None => {
                a.remove(name);
            }
        });
    }
}

/// Mounts the element `kind` (`product-card`, `buy-button`, `price`, `market-selector`,
/// `cart-button`, `cart-drawer`, `checkout`, `recommendations`, `account`) into `container`, with its attributes as JSON.
pub fn mount(
    container: web_sys::HtmlElement,
    kind: &str,
    attributes: &str,
) -> Result<Mounted, Error> {
    let runtime = runtime()?;
    let attributes: Attributes =
        serde_json::from_str(attributes).map_err(|_| unreadable("attributes"))?;
    let attributes = ArcRwSignal::new(attributes);
    let element =
        elements::Element::parse(kind).ok_or_else(|| Error::not_found(Resource::Element, kind))?;
    let view = {
        let attributes = attributes.clone();
        let runtime = runtime.clone();
        let container = container.clone();
        move || {
            elements::keep_language(container, runtime.market);
            elements::view(element, attributes, elements::Shared::from(&*runtime))
        }
    };
    // Mounted under the shared owner, so the element sees the shared contexts.
    let handle = runtime
        .owner
        .with(|| leptos::mount::mount_to(container, view));
    Ok(Mounted {
        attributes,
        _handle: handle,
    })
}

/// Switches every element to the market with id `id`.
pub fn set_market(id: &str) -> Result<(), Error> {
    let runtime = runtime()?;
    let listed = runtime.owner.with(|| {
        crate::store::use_store()
            .store()
            .config
            .market(id)
            .is_some()
    });
    if !listed {
        return Err(Error::NotSold {
            what: Unsold::Market,
            code: id.to_owned(),
        });
    }
    runtime.market.switch_market(id);
    Ok(())
}

/// The market in use.
pub fn market() -> Option<String> {
    runtime()
        .ok()
        .map(|r| r.market.market.with_untracked(|m| m.id.0.clone()))
}

/// Opens (or closes) the cart drawer.
pub fn set_cart_open(open: bool) -> Result<(), Error> {
    runtime()?.cart.drawer_open.set(open);
    Ok(())
}

/// Opens the checkout in place (in the cart drawer's element) and tells the page.
pub fn open_checkout() -> Result<(), Error> {
    let runtime = runtime()?;
    elements::open_checkout(&elements::Shared::from(&*runtime));
    Ok(())
}

/// The cart as the page sees it, as JSON.
pub fn cart() -> Result<String, Error> {
    let runtime = runtime()?;
    let snapshot = runtime.cart.cart.with_untracked(|c| {
        CartSnapshot::new(
            c.as_ref(),
            &runtime.market.market.with_untracked(|m| m.clone()),
        )
    });
    serde_json::to_string(&snapshot).map_err(|e| Error::Decode {
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::elements::Element;
    use super::*;

    /// The custom elements' module, whose lists must match what the Rust side reads.
    const MODULE: &str = include_str!("../../embed/dhow-embed.js");

    /// The text between `open` and the next `close` in the module.
    fn block(open: &str, close: &str) -> &'static str {
        let start = MODULE.find(open).expect(open) + open.len();
        let len = MODULE[start..].find(close).expect(close);
        &MODULE[start..start + len]
    }

    /// The quoted strings of a JavaScript list (`'a', 'b'`).
    fn strings(list: &str) -> Vec<String> {
        list.split(',')
            .map(|item| item.trim().trim_matches('\'').to_owned())
            .filter(|item| !item.is_empty())
            .collect()
    }

    #[test]
    fn the_store_attributes_the_module_reads_are_the_options_rust_takes() {
        let listed = strings(block("const OPTIONS = [", "];"));
        assert_eq!(listed, StoreOptions::ATTRIBUTES);
        // And each one lands in a field: none is silently ignored by serde.
        for name in StoreOptions::ATTRIBUTES {
            let options: StoreOptions =
                serde_json::from_value(serde_json::json!({ name: "x" })).expect(name);
            let fields = [
                &options.config,
                &options.backend,
                &options.backend_url,
                &options.publishable_key,
                &options.channel_token,
                &options.catalog,
                &options.market,
                &options.locale,
                &options.storefront,
            ];
            assert_eq!(fields.iter().filter(|f| f.is_some()).count(), 1, "{name}");
        }
    }

    #[test]
    fn the_module_defines_every_element_with_the_attributes_it_reads() {
        let defined: Vec<(String, Vec<String>)> = block("const ELEMENTS = {", "};")
            .lines()
            .filter_map(|line| {
                let (kind, rest) = line.trim().split_once(": [")?;
                let observed = rest.trim_end_matches(',').trim_end_matches(']');
                Some((kind.trim_matches('\'').to_owned(), strings(observed)))
            })
            .collect();
        let expected: Vec<(String, Vec<String>)> = Element::ALL
            .iter()
            .map(|e| {
                let attributes = e.attributes().iter().map(|a| a.to_string()).collect();
                (e.kind().to_owned(), attributes)
            })
            .collect();
        assert_eq!(defined, expected);
        for element in Element::ALL {
            assert_eq!(Element::parse(element.kind()), Some(element));
        }
    }

    #[test]
    fn errors_reach_the_page_typed() {
        let refused = Error::NotSold {
            what: Unsold::Market,
            code: "zz".to_owned(),
        };
        assert_eq!(
            serde_json::to_value(&refused).expect("json"),
            serde_json::json!({ "kind": "not_sold", "what": "market", "code": "zz" })
        );
        assert!(matches!(mount_unready(), Err(Error::Conflict { .. })));
    }

    /// `set_market` before `start`: the runtime is not there yet.
    fn mount_unready() -> Result<(), Error> {
        set_market("us")
    }
}
