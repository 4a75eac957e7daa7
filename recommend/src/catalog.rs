//! The store's catalog through the SDK, as the storefront and the prerender see it: the
//! backend `dhow.json` names (the embedded `local` engine by default), paged through in the
//! default market, reduced to [`ProductFeatures`].

use std::path::Path;
use std::rc::Rc;

use dhow_sdk::model::{Product, ProductQuery};
use dhow_sdk::storage::MemoryStorage;
use dhow_sdk::{Backend, Error, StoreConfig};

use crate::RecommendError;
use crate::handle::check_handle;
use crate::products::ProductFeatures;

/// Products asked per page.
const PAGE: u32 = 50;

/// The catalog's products, and the handles skipped for not being URL-safe.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Every product with a usable handle, in the backend's order, each once.
    pub products: Vec<ProductFeatures>,
    /// Handles that cannot be file names (these products get no lists, as they get no page).
    pub skipped: Vec<String>,
}

/// Reads the catalog of the store configured in `config` (`${NAME}` placeholders are filled
/// from the environment). Files the configuration names (the local engine's `/catalog.json`)
/// are read under `site`, as the prerender reads them from the built site.
pub fn load(config: &Path, site: &Path) -> Result<Catalog, RecommendError> {
    let text = std::fs::read_to_string(config).map_err(|e| RecommendError::io(config, e))?;
    let config_error = |e: String| RecommendError::Catalog(format!("{}: {e}", config.display()));
    let store = StoreConfig::from_json(&expand_environment(&text).map_err(config_error)?)
        .map_err(|e| config_error(e.to_string()))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| RecommendError::Catalog(e.to_string()))?;
    runtime.block_on(read_products(&store, site))
}

async fn read_products(store: &StoreConfig, site: &Path) -> Result<Catalog, RecommendError> {
    let catalog_error = |e: Error| RecommendError::Catalog(e.to_string());
    let site = site.to_path_buf();
    let read = move |url: &str| {
        let path = site.join(url.trim_start_matches('/'));
        async move {
            std::fs::read_to_string(&path).map_err(|e| Error::Network {
                message: format!("{}: {e}", path.display()),
            })
        }
    };
    let backend = dhow_sdk::connect::open(store, Rc::new(MemoryStorage::new()), read)
        .await
        .map_err(catalog_error)?;
    let market = store.default_market().map_err(catalog_error)?;
    let mut catalog = Catalog::default();
    let mut seen = std::collections::HashSet::new();
    let mut page = 0;
    loop {
        let query = ProductQuery {
            page,
            per_page: PAGE,
            ..ProductQuery::default()
        };
        let found = backend
            .products(market, &query)
            .await
            .map_err(catalog_error)?;
        for product in &found.products {
            if check_handle(&product.handle).is_err() {
                catalog.skipped.push(product.handle.clone());
            } else if seen.insert(product.handle.clone()) {
                catalog.products.push(features(product));
            }
        }
        page += 1;
        if found.products.is_empty() || u64::from(page) * u64::from(PAGE) >= u64::from(found.total)
        {
            break;
        }
    }
    Ok(catalog)
}

/// A product's content features (prices in the market it was read in).
pub fn features(product: &Product) -> ProductFeatures {
    ProductFeatures {
        handle: product.handle.clone(),
        collections: product
            .collections
            .iter()
            .map(|c| c.as_str().to_owned())
            .collect(),
        tags: product.tags.clone(),
        options: product.options.iter().map(|o| o.name.clone()).collect(),
        cheapest: product.lowest_price().map(|p| p.amount.minor_units()),
        has_variant: !product.variants.is_empty(),
    }
}

/// `${NAME}` in the configuration, filled from the environment: an unset name is an error (the
/// prerender's rule, from the SDK).
fn expand_environment(text: &str) -> Result<String, String> {
    dhow_sdk::config::fill_placeholders(text, |name| std::env::var(name).ok())
        .map_err(|e| e.to_string())
}
