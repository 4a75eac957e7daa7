//! The pages no first page needs (the cart page, checkout, the order pages, the customer account) live in
//! chunks of the wasm that the browser fetches when a shopper first opens one of them.
//!
//! The routes here ask a [`PageLoader`] for their page. The storefront binary (`src/main.rs`)
//! registers one whose functions are split points: the build (`scripts/split-wasm.mjs`) cuts them,
//! and all the code only they reach, out of the first page's module into chunks. The split points
//! live in that binary, not in this library, because a split point is an export of every binary
//! that links it, and the embed (`src/bin/dhow-embed.rs`) must not carry the pages.
//!
//! Natively (the prerender, the tests) the pages are built directly. In a wasm build that
//! registered no loader, and when a chunk cannot be fetched (offline, or a deploy replaced the
//! files mid-visit), the page shows the "can't reach the store" notice with a retry; nothing
//! panics, and the cart is untouched.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::components::layout::ErrorNotice;

/// A page that lives in a chunk of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LazyPage {
    /// `/cart` (its chunk also holds the cart drawer's body).
    Cart,
    /// `/checkout`.
    Checkout,
    /// `/orders/:number`.
    OrderConfirmation,
    /// `/orders`.
    OrderLookup,
    /// `/account`.
    Account,
    /// `/account/addresses`.
    Addresses,
    /// `/account/orders`.
    Orders,
    /// `/account/orders/:number`.
    AccountOrder,
    /// `/account/sign-in`.
    SignIn,
    /// `/account/register`.
    Register,
    /// `/account/reset`.
    Reset,
    /// `/account/outbox`.
    Outbox,
}

/// A chunk of the storefront's code could not be fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkUnavailable;

/// Builds a page once its chunk is in (fetching it first when it is not).
pub type PageFuture = Pin<Box<dyn Future<Output = Result<AnyView, ChunkUnavailable>>>>;

/// Fetches a page's chunk without building the page.
pub type PreloadFuture = Pin<Box<dyn Future<Output = Result<(), ChunkUnavailable>>>>;

/// How the storefront binary builds the pages of [`LazyPage`], and fetches their chunks ahead.
#[derive(Clone, Copy)]
pub struct PageLoader {
    /// Builds the page.
    pub build: fn(LazyPage) -> PageFuture,
    /// Fetches the page's chunk without building it.
    pub preload: fn(LazyPage) -> PreloadFuture,
}

static LOADER: OnceLock<PageLoader> = OnceLock::new();

/// Registers the storefront's page loader; call it once, before the app starts. A second call is
/// ignored.
pub fn register_page_loader(loader: PageLoader) {
    let _ = LOADER.set(loader);
}

/// Fetches the chunk of `page` ahead of a likely visit (the cart drawer's checkout link, the
/// account menu). Without a loader, or natively, there is nothing to fetch.
pub async fn preload(page: LazyPage) -> Result<(), ChunkUnavailable> {
    match LOADER.get() {
        Some(loader) => (loader.preload)(page).await,
        None => Ok(()),
    }
}

/// Starts fetching the chunk of `page` in the background (a failure is left for the visit, which
/// retries and explains it).
pub fn prefetch(page: LazyPage) {
    if LOADER.get().is_some() {
        leptos::task::spawn_local(async move {
            let _ = preload(page).await;
        });
    }
}

async fn build(page: LazyPage) -> AnyView {
    let built = match LOADER.get() {
        Some(loader) => (loader.build)(page).await,
        None => build_here(page),
    };
    built.unwrap_or_else(|ChunkUnavailable| view! { <ChunkFailed/> }.into_any())
}

/// Natively every page is in the one binary.
#[cfg(not(target_arch = "wasm32"))]
fn build_here(page: LazyPage) -> Result<AnyView, ChunkUnavailable> {
    use super::*;
    Ok(match page {
        LazyPage::Cart => view! { <CartPage/> }.into_any(),
        LazyPage::Checkout => view! { <CheckoutPage/> }.into_any(),
        LazyPage::OrderConfirmation => view! { <OrderConfirmationPage/> }.into_any(),
        LazyPage::OrderLookup => view! { <OrderLookupPage/> }.into_any(),
        LazyPage::Account => view! { <AccountPage/> }.into_any(),
        LazyPage::Addresses => view! { <AddressesPage/> }.into_any(),
        LazyPage::Orders => view! { <OrdersPage/> }.into_any(),
        LazyPage::AccountOrder => view! { <AccountOrderPage/> }.into_any(),
        LazyPage::SignIn => view! { <SignInPage/> }.into_any(),
        LazyPage::Register => view! { <RegisterPage/> }.into_any(),
        LazyPage::Reset => view! { <ResetPage/> }.into_any(),
        LazyPage::Outbox => view! { <OutboxPage/> }.into_any(),
    })
}

/// A wasm build that registered no loader has no split pages to show.
#[cfg(target_arch = "wasm32")]
fn build_here(_: LazyPage) -> Result<AnyView, ChunkUnavailable> {
    Err(ChunkUnavailable)
}

/// A view built in a chunk, shown once the chunk is in. No loader (`None`: a wasm build that
/// registered none) or a chunk that cannot be fetched shows [`ChunkFailed`] in its place.
#[cfg(target_arch = "wasm32")]
pub(crate) fn chunk_view(future: Option<PageFuture>) -> AnyView {
    let Some(future) = future else {
        return view! { <ChunkFailed/> }.into_any();
    };
    let future = send_wrapper::SendWrapper::new(future);
    Suspend::new(async move {
        future
            .await
            .unwrap_or_else(|ChunkUnavailable| view! { <ChunkFailed/> }.into_any())
    })
    .into_any()
}

/// What a page shows when its chunk could not be fetched: the network notice, and a retry that
/// loads the page again (a failed fetch is not remembered, so the retry fetches afresh).
#[component]
pub(crate) fn ChunkFailed() -> impl IntoView {
    let error = dhow_sdk::Error::Network {
        message: "a part of the storefront could not be loaded".to_owned(),
    };
    let retry = Callback::new(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    view! {
        <section class="dhow-section">
            <ErrorNotice error=error on_retry=retry/>
        </section>
    }
}

macro_rules! lazy_routes {
    ($($(#[$doc:meta])* $route:ident => $page:ident;)*) => {$(
        $(#[$doc])*
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_: Self) -> AnyView {
                build(LazyPage::$page).await
            }
        }
    )*};
}

lazy_routes! {
    /// `/cart`.
    CartRoute => Cart;
    /// `/checkout`.
    CheckoutRoute => Checkout;
    /// `/orders/:number`.
    OrderConfirmationRoute => OrderConfirmation;
    /// `/orders`.
    OrderLookupRoute => OrderLookup;
    /// `/account`.
    AccountRoute => Account;
    /// `/account/addresses`.
    AddressesRoute => Addresses;
    /// `/account/orders`.
    OrdersRoute => Orders;
    /// `/account/orders/:number`.
    AccountOrderRoute => AccountOrder;
    /// `/account/sign-in`.
    SignInRoute => SignIn;
    /// `/account/register`.
    RegisterRoute => Register;
    /// `/account/reset`.
    ResetRoute => Reset;
    /// `/account/outbox`.
    OutboxRoute => Outbox;
}
