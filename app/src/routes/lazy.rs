//! The pages other than the product page live in chunks of the wasm that the browser fetches
//! when a shopper first opens one of them: the catalog's lists (home, a collection, search), the
//! cart page, checkout, the order pages, the customer account. The first page's module holds the
//! product page and what every page shares (the header, the cart, the market), so a product page
//! loads no list code. The product page is not a chunk of its own: measured, splitting it too
//! moved the code it shares with the lists into shared chunks and cost it more in calls across
//! modules and separately compressed files than it saved (a product page 403.6 KB brotli, against
//! 367.4 KB with the lists alone split off).
//!
//! A prerendered catalog page is taken over only once its chunk is in (`crate::start` fetches it,
//! and the page's HTML preloads it beside the main module): hydration is synchronous, and a route
//! whose chunk is loaded builds its page in the first poll.
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
    /// `/`.
    Home,
    /// `/collections/:handle`.
    Collection,
    /// `/search`.
    Search,
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

impl LazyPage {
    /// The page of a path without its market prefix (`/products/x`), if it lives in a chunk.
    pub fn for_path(path: &str) -> Option<Self> {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let path = path
            .strip_suffix('/')
            .filter(|p| !p.is_empty())
            .unwrap_or(path);
        let (first, rest) = match path.strip_prefix('/')?.split_once('/') {
            Some((first, rest)) => (first, Some(rest)),
            None => (path.strip_prefix('/')?, None),
        };
        // One segment: a handle or an order number.
        let one = |rest: Option<&str>| rest.is_some_and(|r| !r.is_empty() && !r.contains('/'));
        Some(match (first, rest) {
            ("", None) => Self::Home,
            ("collections", r) if one(r) => Self::Collection,
            ("search", None) => Self::Search,
            ("cart", None) => Self::Cart,
            ("checkout", None) => Self::Checkout,
            ("orders", None) => Self::OrderLookup,
            ("orders", r) if one(r) => Self::OrderConfirmation,
            ("account", None) => Self::Account,
            ("account", Some("addresses")) => Self::Addresses,
            ("account", Some("orders")) => Self::Orders,
            ("account", Some("sign-in")) => Self::SignIn,
            ("account", Some("register")) => Self::Register,
            ("account", Some("reset")) => Self::Reset,
            ("account", Some("outbox")) => Self::Outbox,
            ("account", Some(r)) if one(r.strip_prefix("orders/")) => Self::AccountOrder,
            _ => return None,
        })
    }

    /// The chunk the page lives in: the name its split points give it in the storefront binary
    /// (`src/main.rs`), which `wasm-chunks.json` lists the files of.
    pub fn chunk(self) -> &'static str {
        match self {
            Self::Home | Self::Collection | Self::Search => "listing",
            Self::Cart => "cart",
            Self::Checkout => "checkout",
            Self::OrderConfirmation | Self::OrderLookup => "orders",
            Self::Account
            | Self::Addresses
            | Self::Orders
            | Self::AccountOrder
            | Self::SignIn
            | Self::Register
            | Self::Reset
            | Self::Outbox => "account",
        }
    }
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

/// Fetches the chunk of a page ahead of the click: pointing at, touching or focusing a link to
/// a page of the storefront (in any market) prefetches the chunk that page lives in. One listener
/// for the whole document, so every link counts, the ones a brand's content adds included.
#[cfg(target_arch = "wasm32")]
pub fn prefetch_on_intent(markets: Vec<dhow_sdk::Market>) {
    use wasm_bindgen::JsCast;

    if LOADER.get().is_none() {
        return;
    }
    let intent = move |event: web_sys::Event| {
        let link = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .and_then(|link| link.get_attribute("href"));
        let Some(href) = link else {
            return;
        };
        // Only the storefront's own paths: `/de/products/x`, not `//cdn…` or `https://…`.
        if !href.starts_with('/') || href.starts_with("//") {
            return;
        }
        let path = crate::hooks::path_without_market(&href, &markets);
        if let Some(page) = LazyPage::for_path(path) {
            prefetch(page);
        }
    };
    for name in ["pointerover", "focusin", "touchstart"] {
        let intent = intent.clone();
        // Lives as long as the page: the storefront never unmounts.
        std::mem::forget(window_event_listener_untyped(name, intent));
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
        LazyPage::Home => view! { <Home/> }.into_any(),
        LazyPage::Collection => view! { <CollectionPage/> }.into_any(),
        LazyPage::Search => view! { <SearchPage/> }.into_any(),
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
    /// `/`.
    HomeRoute => Home;
    /// `/collections/:handle`.
    CollectionRoute => Collection;
    /// `/search`.
    SearchRoute => Search;
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

#[cfg(test)]
mod tests {
    use super::LazyPage::{self, *};

    #[test]
    fn each_path_names_the_page_it_routes_to() {
        let cases: [(&str, Option<LazyPage>); 24] = [
            ("/", Some(Home)),
            ("", None),
            ("/collections/outerwear", Some(Collection)),
            ("/collections/outerwear/", Some(Collection)),
            ("/collections", None),
            ("/collections/a/b", None),
            ("/products/canvas-bucket-hat", None),
            ("/products/canvas-bucket-hat?variant=2#reviews", None),
            ("/search?q=mug#results", Some(Search)),
            ("/search", Some(Search)),
            ("/search?q=mug", Some(Search)),
            ("/cart", Some(Cart)),
            ("/checkout", Some(Checkout)),
            ("/orders", Some(OrderLookup)),
            ("/orders/1001", Some(OrderConfirmation)),
            ("/account", Some(Account)),
            ("/account/addresses", Some(Addresses)),
            ("/account/orders", Some(Orders)),
            ("/account/orders/1001", Some(AccountOrder)),
            ("/account/sign-in", Some(SignIn)),
            ("/account/register", Some(Register)),
            ("/account/reset", Some(Reset)),
            ("/account/outbox", Some(Outbox)),
            ("/account/elsewhere", None),
        ];
        for (path, page) in cases {
            assert_eq!(LazyPage::for_path(path), page, "{path}");
        }
        assert_eq!(LazyPage::for_path("/404"), None);
        assert_eq!(LazyPage::for_path("products/x"), None);
    }

    #[test]
    fn catalog_lists_share_a_chunk() {
        assert_eq!(Home.chunk(), "listing");
        assert_eq!(Collection.chunk(), "listing");
        assert_eq!(Search.chunk(), "listing");
        assert_eq!(OrderLookup.chunk(), OrderConfirmation.chunk());
        assert_eq!(SignIn.chunk(), "account");
    }
}
