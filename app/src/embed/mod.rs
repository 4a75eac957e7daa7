//! Dhow's components as custom elements on a brand's page (`<dhow-product-card>`,
//! `<dhow-cart-button>`, …). One set of contexts — store, translations, market, cart — is created
//! once by [`start`] and every element is mounted under it, so all elements on a page share one
//! cart and one market, and the cart is the storefront's own (same storage key, same cross-tab
//! sync). The custom-element classes themselves are a small JavaScript module
//! (`app/embed/dhow-embed.js`) that calls the functions exported by the `dhow-embed` binary.

mod elements;
mod events;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use dhow_sdk::{Error, StoreConfig};
use leptos::mount::UnmountHandle;
use leptos::prelude::*;
use leptos::reactive::owner::Owner;
use leptos::tachys::view::any_view::AnyViewState;
use serde::Deserialize;

use crate::hooks::{UseCart, UseMarket, provide_cart, provide_market_in_place};
use crate::i18n::{self, provide_i18n};
use crate::store::{CONFIG_URL, fetch_text, open_store, provide_store};

pub use events::{CartSnapshot, MoneyAmount, OrderPlaced};

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

fn runtime() -> Result<Rc<Runtime>, String> {
    RUNTIME
        .with(|r| r.borrow().clone())
        .ok_or_else(|| "Dhow is not ready yet: wait for Dhow.ready".to_owned())
}

/// Loads the store and creates the shared contexts. Call once; elements mount after it.
pub async fn start(options: &str, emit: Emit) -> Result<(), String> {
    if RUNTIME.with(|r| r.borrow().is_some()) {
        return Ok(());
    }
    start_executor();
    let options: StoreOptions =
        serde_json::from_str(options).map_err(|e| format!("<dhow-store> attributes: {e}"))?;
    let owner = Owner::new();
    owner.with(provide_i18n);
    let url = options
        .config
        .clone()
        .unwrap_or_else(|| CONFIG_URL.to_owned());
    let store = async {
        let file = fetch_text(&url).await?;
        open_store(options.apply(&file)?).await
    }
    .await
    .map_err(|e| format!("Dhow could not load its store from {url}: {e}"))?;
    let runtime = owner.with(|| {
        provide_store(Rc::new(store)).map_err(|e| format!("store configuration: {e}"))?;
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
        let cart = provide_cart();
        let checkout_open = RwSignal::new(false);
        events::emit_cart_changes(cart, market, emit.clone());
        Ok::<_, String>(Runtime {
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

/// Leptos starts its async executor (which effects and resources need) in its mount functions
/// only; mounting nothing into a detached element starts it before the store loads.
fn start_executor() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let detached = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("div").ok())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = detached {
            leptos::mount::mount_to(element, || ()).forget();
        }
    }
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
/// `cart-button`, `cart-drawer`, `checkout`) into `container`, with its attributes as JSON.
pub fn mount(
    container: web_sys::HtmlElement,
    kind: &str,
    attributes: &str,
) -> Result<Mounted, String> {
    let runtime = runtime()?;
    let attributes: Attributes =
        serde_json::from_str(attributes).map_err(|e| format!("<dhow-{kind}> attributes: {e}"))?;
    let attributes = ArcRwSignal::new(attributes);
    let element = elements::Element::parse(kind)
        .ok_or_else(|| format!("there is no element <dhow-{kind}>"))?;
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
pub fn set_market(id: &str) -> Result<(), String> {
    let runtime = runtime()?;
    let listed = runtime.owner.with(|| {
        crate::store::use_store()
            .store()
            .config
            .market(id)
            .is_some()
    });
    if !listed {
        return Err(format!("the store does not sell to a market \"{id}\""));
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
pub fn set_cart_open(open: bool) -> Result<(), String> {
    runtime()?.cart.drawer_open.set(open);
    Ok(())
}

/// Opens the checkout in place (in the cart drawer's element) and tells the page.
pub fn open_checkout() -> Result<(), String> {
    let runtime = runtime()?;
    elements::open_checkout(&elements::Shared::from(&*runtime));
    Ok(())
}

/// The cart as the page sees it, as JSON.
pub fn cart() -> Result<String, String> {
    let runtime = runtime()?;
    let snapshot = runtime.cart.cart.with_untracked(|c| {
        CartSnapshot::new(
            c.as_ref(),
            &runtime.market.market.with_untracked(|m| m.clone()),
        )
    });
    serde_json::to_string(&snapshot).map_err(|e| e.to_string())
}
