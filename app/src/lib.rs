//! Dhow's storefront: reusable Leptos components and hooks for cross-border commerce, the
//! single-page app that composes them, and the same components as custom elements for a brand's
//! own pages (`embed`).

mod app;
mod browser;
pub mod components;
pub mod embed;
pub mod format;
pub mod hooks;
pub mod i18n;
pub mod routes;
pub mod search_params;
pub mod store;

pub use app::App;

/// Mounts the storefront into `#dhow-root`, replacing the static shell that `index.html` paints
/// before the wasm runs (or appends to `<body>` when there is no such element).
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    use wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("dhow-root"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_html("");
            // The app lives as long as the page: keep it mounted.
            std::mem::forget(leptos::mount::mount_to(root, App));
        }
        None => leptos::mount::mount_to_body(App),
    }
}
