//! Dhow's storefront: reusable Leptos components and hooks for cross-border commerce, the
//! single-page app that composes them, and the same components as custom elements for a brand's
//! own pages (`embed`).

pub mod analytics;
mod app;
mod browser;
pub mod components;
pub mod crash;
pub mod embed;
pub mod format;
pub mod head;
pub mod hooks;
pub mod i18n;
pub mod routes;
pub mod search_params;
pub mod snapshot;
pub mod store;

pub use app::{App, ShopperPageShell, Storefront};

/// Starts the storefront in the browser. A page the prerender wrote for this very URL, from
/// this store's backend, is taken over as it is (hydrated: no element re-created); any other
/// page (a per-shopper shell, a deep link served the fallback page, a filtered list) is rendered
/// afresh into `#dhow-root`. Until then the page's HTML stays as it is, and its links work.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    crash::install();
    wasm_bindgen_futures::spawn_local(boot());
}

#[cfg(target_arch = "wasm32")]
async fn boot() {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    use crate::snapshot::{
        CatalogSnapshot, SNAPSHOT_ELEMENT_ID, SNAPSHOT_VERSION, SnapshotContext,
    };

    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let root = document
        .get_element_by_id("dhow-root")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.body());
    let Some(root) = root else {
        return;
    };
    let snapshot: Option<CatalogSnapshot> = document
        .get_element_by_id(SNAPSHOT_ELEMENT_ID)
        .and_then(|e| e.text_content())
        .and_then(|text| serde_json::from_str(&text).ok());

    let store = match store::load_store(store::CONFIG_URL).await {
        Ok(store) => std::rc::Rc::new(store),
        Err(_) => {
            // The app that loads the store itself shows the error and offers to try again.
            root.set_inner_html("");
            std::mem::forget(leptos::mount::mount_to(root, App));
            return;
        }
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let url = format!("{path}{}", location.search().unwrap_or_default());
    let market = hooks::market_for_path(&store.config, &path);
    let locale = market
        .map(|m| m.locale.clone())
        .unwrap_or_else(|| i18n::DEFAULT_LOCALE.to_owned());
    let currency = market.map(|m| m.currency);
    let translations = i18n::load_translations(&locale).await;
    let takeover = snapshot.filter(|s| {
        s.version == SNAPSHOT_VERSION
            && s.hydrate
            && s.url == url
            && s.backend == store::backend_fingerprint(&store.config.backend)
            && s.locale == translations.locale()
    });
    // Reading the store (the local engine parses and checks its catalog) and taking the page
    // over are each long: a tap or a frame that waits between them is not held up by both.
    browser::yield_to_browser().await;
    match takeover {
        Some(snapshot) => {
            // Leptos reads these globals for server-streamed resources; a prerendered page has
            // none (its answers travel in the snapshot), so they are set empty.
            for name in [
                "__RESOLVED_RESOURCES",
                "__SERIALIZED_ERRORS",
                "__INCOMPLETE_CHUNKS",
            ] {
                let _ = js_sys::Reflect::set(&window, &name.into(), &js_sys::Array::new());
            }
            // The page's prices and names as the prerender wrote them: the takeover asks
            // `Intl` nothing, and sets it up only in idle time afterwards.
            let page_locale = snapshot.locale.clone();
            format::seed(&page_locale, snapshot.formatted);
            let handle = leptos::mount::hydrate_from(root.clone(), move || {
                provide_context(analytics::Takeover);
                SnapshotContext::provide(snapshot.answers);
                i18n::provide_i18n_with(translations);
                view! { <Storefront store=store/> }
            });
            std::mem::forget(handle);
            // For tests and a brand's own scripts: how the app started.
            let _ = root.set_attribute("data-dhow-app", "hydrated");
            if let Some(currency) = currency {
                format::warm_up(&page_locale, currency);
            }
        }
        None => {
            root.set_inner_html("");
            let handle = leptos::mount::mount_to(root.clone(), move || {
                SnapshotContext::provide(Default::default());
                i18n::provide_i18n_with(translations);
                view! { <Storefront store=store/> }
            });
            std::mem::forget(handle);
            let _ = root.set_attribute("data-dhow-app", "rendered");
        }
    }
}
