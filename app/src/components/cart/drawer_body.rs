//! `<CartDrawerBody>`: what the cart drawer holds (lines, discount codes, suggestions, totals and
//! the way to checkout), and how the drawer gets it.
//!
//! A page needs the drawer's body only once the drawer first opens, so in the browser it lives
//! in a chunk of the wasm (with the cart page), fetched when the browser is idle after the app
//! has started, or when the drawer opens first, whichever comes first. As with the pages of
//! `crate::routes::lazy`, the split point is in each binary (`src/main.rs`,
//! `src/bin/dhow-embed.rs`), which registers a [`DrawerLoader`]; natively the body is built
//! directly. A chunk that cannot be fetched shows the "can't reach the store" notice with a
//! retry in the drawer; the cart count, the buttons and the cart itself keep working.

use std::sync::OnceLock;

use leptos::prelude::*;

use super::{CartError, CartLines, CartTotals, PromoCode};
use crate::components::catalog::CompleteYourOrder;
use crate::hooks::{use_cart, use_market};
use crate::i18n::use_i18n;
use crate::routes::lazy::{PageFuture, PreloadFuture};

/// The drawer's body: the cart's error, its lines (or that it is empty), discount codes,
/// suggestions, totals, "Check out" and "View cart".
#[component]
pub fn CartDrawerBody(
    /// Closes the drawer (a link followed, the cart left empty).
    on_close: Callback<()>,
    /// What "Check out" does, after the drawer has closed.
    on_checkout: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let market = use_market();
    let lines = Signal::derive(move || {
        cart.cart
            .with(|c| c.as_ref().map(|c| c.lines.clone()).unwrap_or_default())
    });
    let totals = move || {
        cart.cart.with(|c| {
            c.as_ref()
                .filter(|c| !c.lines.is_empty())
                .map(|c| c.totals.clone())
        })
    };
    view! {
        <CartError/>
        <Show when=move || !lines.with(Vec::is_empty)
            fallback=move || view! {
                <div class="dhow-drawer__empty">
                    <p>{move || i18n.t("cart-empty")}</p>
                    <a class="dhow-button" href=move || market.href("/search") on:click=move |_| on_close.run(())>
                        {move || i18n.t("cart-continue")}
                    </a>
                </div>
            }>
            <div class="dhow-drawer__body" aria-busy=move || (cart.pending.get() > 0).to_string()>
                <CartLines lines=lines editable=true/>
                <PromoCode/>
                <CompleteYourOrder/>
            </div>
            <div class="dhow-drawer__foot">
                {move || totals().map(|t| view! { <CartTotals totals=t/> })}
                <button type="button" class="dhow-button dhow-button--block" part="checkout-button" on:click=move |_| {
                    on_close.run(());
                    on_checkout.run(());
                }>{move || i18n.t("cart-checkout")}</button>
                <a class="dhow-link-button" href=move || market.href("/cart")
                    on:click=move |_| on_close.run(())>{move || i18n.t("cart-view")}</a>
            </div>
        </Show>
    }
}

/// How a binary builds the drawer's body from its chunk.
#[derive(Clone, Copy)]
pub struct DrawerLoader {
    /// Builds the body (`on_close`, `on_checkout`).
    pub body: fn(Callback<()>, Callback<()>) -> PageFuture,
    /// Fetches the body's chunk without building it.
    pub preload: fn() -> PreloadFuture,
}

static LOADER: OnceLock<DrawerLoader> = OnceLock::new();

/// Registers the binary's drawer loader; call it once, before the app starts. A second call is
/// ignored.
pub fn register_drawer_loader(loader: DrawerLoader) {
    let _ = LOADER.set(loader);
}

/// Starts fetching the body's chunk in the background (a failure is left for the drawer, which
/// explains it).
pub fn prefetch_drawer_body() {
    if let Some(loader) = LOADER.get() {
        let preload = loader.preload;
        leptos::task::spawn_local(async move {
            let _ = preload().await;
        });
    }
}

/// The drawer's body, built from its chunk once the chunk is in.
pub fn drawer_body(on_close: Callback<()>, on_checkout: Callback<()>) -> AnyView {
    #[cfg(target_arch = "wasm32")]
    return crate::routes::lazy::chunk_view(
        LOADER
            .get()
            .map(|loader| (loader.body)(on_close, on_checkout)),
    );
    #[cfg(not(target_arch = "wasm32"))]
    view! { <CartDrawerBody on_close=on_close on_checkout=on_checkout/> }.into_any()
}

/// Defines, in a binary, the split point of the drawer's body (a split point must be in the
/// binary that links it) and `drawer_loader()`, the [`DrawerLoader`] to register. Expects in
/// scope: `wasm_split` (`leptos::wasm_split::wasm_split`), `Unavailable` (the binary's error for a
/// chunk that cannot be fetched, from `SplitLoaderError`) and `ChunkUnavailable`.
#[macro_export]
macro_rules! drawer_split_point {
    () => {
        #[wasm_split(cart, wasm_split_path = leptos::wasm_split, fallible, preload(preload_drawer_body))]
        fn drawer_body(
            on_close: leptos::prelude::Callback<()>,
            on_checkout: leptos::prelude::Callback<()>,
        ) -> Result<leptos::prelude::AnyView, Unavailable> {
            use $crate::components::cart::CartDrawerBody;
            use leptos::prelude::*;
            Ok(view! { <CartDrawerBody on_close=on_close on_checkout=on_checkout/> }.into_any())
        }

        pub fn drawer_loader() -> $crate::components::cart::DrawerLoader {
            $crate::components::cart::DrawerLoader {
                body: |on_close, on_checkout| {
                    Box::pin(async move {
                        drawer_body(on_close, on_checkout)
                            .await
                            .map_err(|Unavailable| ChunkUnavailable)
                    })
                },
                preload: || {
                    Box::pin(async { preload_drawer_body().await.map_err(|_| ChunkUnavailable) })
                },
            }
        }
    };
}
