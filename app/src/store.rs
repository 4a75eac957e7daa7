//! The store a storefront runs on: its configuration and backend, loaded once at start-up and
//! provided to every component.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;

use dhow_sdk::model::Product;
use dhow_sdk::{AnyBackend, Backend, BackendConfig, Error, Market, StoreConfig};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;

/// Where the storefront reads its configuration from.
pub const CONFIG_URL: &str = "/dhow.json";

/// The store's configuration and backend, as loaded.
pub struct Store {
    /// The configuration: name, backend, markets.
    pub config: StoreConfig,
    /// The backend all data comes from.
    pub backend: AnyBackend,
    /// Reads the site's own static files (the catalog of the local engine, recommendation
    /// lists) by their path from the site's root (`/recommendations/v1/index.json`).
    files: SiteFiles,
    /// Products already read, by market and handle: at build time many pages list the same
    /// products. Empty in the browser, which always asks afresh.
    products: RefCell<HashMap<(String, String, String), Product>>,
}

/// Reads one of the site's static files by its path from the site's root.
pub type SiteFiles = Rc<dyn Fn(&str) -> LocalBoxFuture<'static, Result<String, Error>>>;

impl Store {
    /// One of the site's own static files, by its path from the site's root (`/…`).
    pub fn read_file(&self, path: &str) -> LocalBoxFuture<'static, Result<String, Error>> {
        (self.files)(path)
    }

    /// A product priced in `market`. At build time (natively) an answer is kept for the next
    /// page that lists the same product; in the browser every call asks the backend.
    pub async fn product(&self, market: &Market, handle: &str) -> Result<Product, Error> {
        let key = (
            market.id.to_string(),
            market.locale.clone(),
            handle.to_owned(),
        );
        if let Some(product) = self.products.borrow().get(&key) {
            return Ok(product.clone());
        }
        let product = self.backend.product(market, handle).await?;
        if cfg!(not(target_arch = "wasm32")) {
            self.products.borrow_mut().insert(key, product.clone());
        }
        Ok(product)
    }
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
    open_store_under(config, "").await
}

/// Opens the backend a configuration names, for a site whose files are under `root` (an
/// address without the trailing `/`; empty for this page's own site). Absolute URLs a
/// configuration names are read as they are.
pub async fn open_store_under(config: StoreConfig, root: &str) -> Result<Store, Error> {
    let root = root.trim_end_matches('/').to_owned();
    open_store_reading(config, move |url: &str| {
        let url = if url.starts_with('/') && !url.starts_with("//") {
            format!("{root}{url}")
        } else {
            url.to_owned()
        };
        async move { fetch_text(&url).await }
    })
    .await
}

/// Opens the backend a configuration names, reading the site's files (the local catalog,
/// recommendation lists) with `read`: the prerender reads them from the built site on disk.
pub async fn open_store_reading<F, Fut>(config: StoreConfig, read: F) -> Result<Store, Error>
where
    F: Fn(&str) -> Fut + 'static,
    Fut: Future<Output = Result<String, Error>> + 'static,
{
    let files: SiteFiles = Rc::new(move |path: &str| Box::pin(read(path)));
    let opened = {
        let files = files.clone();
        dhow_sdk::connect::open(&config, crate::browser::storage(), move |url: &str| {
            files(url)
        })
        .await
    };
    match opened {
        Ok(backend) => Ok(Store {
            config,
            backend,
            files,
            products: RefCell::default(),
        }),
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
    // As bytes, copied into the wasm's memory as they are: `text()` would hand over a JS string
    // that wasm-bindgen re-encodes character by character (the 290 KB local catalog took ~20 ms
    // of the takeover at 4x CPU that way).
    let buffer = JsFuture::from(response.array_buffer().map_err(network)?)
        .await
        .map_err(network)?;
    utf8_text(js_sys::Uint8Array::new(&buffer).to_vec()).ok_or_else(|| Error::Decode {
        message: format!("{url} is not UTF-8 text"),
    })
}

/// Text from a file's bytes: UTF-8, with a leading byte-order mark dropped (as `Response.text()`
/// drops it); none when the bytes are not UTF-8.
pub fn utf8_text(mut bytes: Vec<u8>) -> Option<String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).ok()
}

/// GETs a file (native builds read it from disk: used by tests only).
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_text(url: &str) -> Result<String, Error> {
    std::fs::read_to_string(url.trim_start_matches('/')).map_err(|e| file_error(url, &e))
}

/// A file that could not be read from disk: missing is "not found", as a server would say.
#[cfg(not(target_arch = "wasm32"))]
pub fn file_error(path: &str, error: &std::io::Error) -> Error {
    if error.kind() == std::io::ErrorKind::NotFound {
        Error::not_found(dhow_sdk::Resource::File, path)
    } else {
        Error::Network {
            message: format!("{path}: {error}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::utf8_text;

    #[test]
    fn a_files_bytes_read_as_utf8_text() {
        assert_eq!(
            utf8_text("{\"a\":\"€\"}".as_bytes().to_vec()).as_deref(),
            Some("{\"a\":\"€\"}")
        );
        // A byte-order mark is dropped, as `Response.text()` drops it.
        assert_eq!(utf8_text(b"\xEF\xBB\xBF{}".to_vec()).as_deref(), Some("{}"));
        // Not UTF-8: none (the caller reports it), never a guess.
        assert_eq!(utf8_text(b"a\xFFb".to_vec()), None);
    }
}
