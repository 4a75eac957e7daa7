//! The store a storefront runs on: its configuration and backend, loaded once at start-up and
//! provided to every component.

use std::rc::Rc;

use dhow_sdk::{AnyBackend, BackendConfig, Error, Market, StoreConfig};
use leptos::prelude::*;

/// Where the storefront reads its configuration from.
pub const CONFIG_URL: &str = "/dhow.json";

/// The store's configuration and backend, as loaded.
pub struct Store {
    /// The configuration: name, backend, markets.
    pub config: StoreConfig,
    /// The backend all data comes from.
    pub backend: AnyBackend,
}

/// The store, for components: `let store = use_store();`.
#[derive(Clone, Copy)]
pub struct StoreContext {
    store: StoredValue<Rc<Store>, LocalStorage>,
    default_market: StoredValue<Market>,
}

impl StoreContext {
    /// The loaded store.
    pub fn store(&self) -> Rc<Store> {
        self.store.get_value()
    }

    /// The market used when the URL names none.
    pub fn default_market(&self) -> Market {
        self.default_market.get_value()
    }
}

/// Provides a loaded store to the tree below; fails when its default market is not listed.
pub fn provide_store(store: Rc<Store>) -> Result<StoreContext, Error> {
    let default_market = store.config.default_market()?.clone();
    let context = StoreContext {
        store: StoredValue::new_local(store),
        default_market: StoredValue::new(default_market),
    };
    provide_context(context);
    Ok(context)
}

/// The store provided at the root. Components are rendered inside it only.
pub fn use_store() -> StoreContext {
    expect_context::<StoreContext>()
}

/// Loads the configuration, then the backend it names.
pub async fn load_store(config_url: &str) -> Result<Store, Error> {
    open_store(StoreConfig::from_json(&fetch_text(config_url).await?)?).await
}

/// Opens the backend a configuration names (an embedded page may have adjusted the file's).
pub async fn open_store(config: StoreConfig) -> Result<Store, Error> {
    open_store_reading(config, |url: &str| {
        let url = url.to_owned();
        async move { fetch_text(&url).await }
    })
    .await
}

/// Opens the backend a configuration names, reading the files it names (the local catalog)
/// with `read`: the prerender reads them from the built site on disk.
pub async fn open_store_reading<F, Fut>(config: StoreConfig, read: F) -> Result<Store, Error>
where
    F: Fn(&str) -> Fut,
    Fut: std::future::Future<Output = Result<String, Error>>,
{
    match dhow_sdk::connect::open(&config, crate::browser::storage(), read).await {
        Ok(backend) => Ok(Store { config, backend }),
        Err(error) => {
            // A backend this build was compiled without (see the app's cargo features). For the
            // developer: the shopper sees a plain "something went wrong".
            #[cfg(target_arch = "wasm32")]
            if let Error::NotSold {
                what: dhow_sdk::Unsold::Backend,
                code,
            } = &error
            {
                web_sys::console::error_1(
                    &format!(
                        "dhow.json names the `{code}` backend, which this build does not \
                         include: build with `--features {code}`"
                    )
                    .into(),
                );
            }
            Err(error)
        }
    }
}

/// Which backend a configuration names, as one string: a page prerendered from one backend is
/// never taken over by a storefront configured for another.
pub fn backend_fingerprint(config: &BackendConfig) -> String {
    serde_json::to_string(config).unwrap_or_default()
}

/// GETs a same-origin text file.
#[cfg(target_arch = "wasm32")]
pub async fn fetch_text(url: &str) -> Result<String, Error> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let network = |e: wasm_bindgen::JsValue| Error::Network {
        message: e.as_string().unwrap_or_else(|| format!("{e:?}")),
    };
    let window = web_sys::window().ok_or_else(|| Error::Network {
        message: "no window".into(),
    })?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(network)?
        .unchecked_into();
    if !response.ok() {
        let status = response.status();
        return Err(if status == 404 {
            Error::not_found(dhow_sdk::Resource::File, url)
        } else {
            Error::Backend {
                code: status.to_string(),
                message: response.status_text(),
            }
        });
    }
    let text = JsFuture::from(response.text().map_err(network)?)
        .await
        .map_err(network)?;
    text.as_string().ok_or_else(|| Error::Decode {
        message: format!("{url} is not text"),
    })
}

/// GETs a file (native builds read it from disk: used by tests only).
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_text(url: &str) -> Result<String, Error> {
    std::fs::read_to_string(url.trim_start_matches('/')).map_err(|e| Error::Network {
        message: e.to_string(),
    })
}
