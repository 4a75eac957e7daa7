//! The parts of the embed that a page with a buy button does not need until a shopper asks for
//! them: the checkout (with the order it ends on) and the account element. In the browser they
//! live in chunks of the embed's wasm, fetched when first shown.
//!
//! As with the storefront's pages (`crate::routes::lazy`), the split points are in the embed
//! binary (`src/bin/dhow-embed.rs`), which registers a [`PartLoader`]; the build
//! (`scripts/build-embed.sh`) cuts them, with all the code only they reach, into chunks. Natively
//! (the tests) the parts are built directly. A chunk that cannot be fetched shows the "can't
//! reach the store" notice with a retry, in place of the part; the rest keeps working.

use std::sync::OnceLock;

use dhow_sdk::model::Order;
use leptos::prelude::*;

use crate::routes::lazy::PageFuture;

/// How the embed binary builds its parts from their chunks.
#[derive(Clone, Copy)]
pub struct PartLoader {
    /// The checkout's steps, calling `on_placed` with the order placed.
    pub checkout: fn(Callback<Order>) -> PageFuture,
    /// A placed order's details, as its confirmation.
    pub order: fn(Order) -> PageFuture,
    /// The account element: signed out, the sign-in form; signed in, the customer's menu.
    pub account: fn() -> PageFuture,
    /// Fetches the checkout's chunk ahead (the cart drawer opened).
    pub preload_checkout: fn() -> crate::routes::lazy::PreloadFuture,
}

static LOADER: OnceLock<PartLoader> = OnceLock::new();

/// Registers the embed's part loader; call it once, before any element mounts.
pub fn register_part_loader(loader: PartLoader) {
    let _ = LOADER.set(loader);
}

/// Starts fetching the checkout's chunk in the background (a failure is left for the checkout,
/// which explains it and offers a retry).
pub fn prefetch_checkout() {
    if let Some(loader) = LOADER.get() {
        let preload = loader.preload_checkout;
        leptos::task::spawn_local(async move {
            let _ = preload().await;
        });
    }
}

/// The checkout's steps.
pub fn checkout(on_placed: Callback<Order>) -> AnyView {
    #[cfg(target_arch = "wasm32")]
    return from_chunk(|loader| (loader.checkout)(on_placed));
    #[cfg(not(target_arch = "wasm32"))]
    view! { <crate::components::checkout::CheckoutSteps on_placed=on_placed/> }.into_any()
}

/// A placed order, as its confirmation.
pub fn order(order: Order) -> AnyView {
    #[cfg(target_arch = "wasm32")]
    return from_chunk(|loader| (loader.order)(order));
    #[cfg(not(target_arch = "wasm32"))]
    view! { <crate::routes::OrderDetails order=order confirmation=true/> }.into_any()
}

/// The account element.
pub fn account() -> AnyView {
    #[cfg(target_arch = "wasm32")]
    return from_chunk(|loader| (loader.account)());
    #[cfg(not(target_arch = "wasm32"))]
    view! { <crate::components::account::AccountMenu links=false/> }.into_any()
}

/// A part from its chunk, shown once it is in. A wasm build that registered no loader has no
/// part to show.
#[cfg(target_arch = "wasm32")]
fn from_chunk(load: impl FnOnce(&PartLoader) -> PageFuture) -> AnyView {
    crate::routes::lazy::chunk_view(LOADER.get().map(load))
}
