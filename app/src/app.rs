//! The storefront app: loads the store, provides it, and routes between pages. Every market has
//! the same pages under its prefix (`/de/products/x`); the default market has plain paths.

use std::rc::Rc;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, PartialPathMatch, PathSegment, PossibleRouteMatch, path};

use crate::analytics::provide_analytics;
use crate::components::cart::CartDrawer;
use crate::components::layout::{CartNotices, ConsentBanner, ErrorNotice, Footer, Header};
use crate::head::{PageMeta, use_page_meta};
use crate::hooks::{provide_account, provide_cart, provide_market, use_market};
use crate::i18n::{provide_i18n, use_i18n};
use crate::routes::lazy::{
    AccountOrderRoute, AccountRoute, AddressesRoute, CartRoute, CheckoutRoute,
    OrderConfirmationRoute, OrderLookupRoute, OrdersRoute, OutboxRoute, RegisterRoute, ResetRoute,
    SignInRoute,
};
use crate::routes::{CollectionPage, Home, NotFound, ProductPage, SearchPage};
use crate::store::{CONFIG_URL, Store, load_store, provide_store};

/// The whole storefront, rendered in the browser from nothing: loads the store, then shows it
/// (or an error with a way to try again).
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    let store = LocalResource::new(|| async { load_store(CONFIG_URL).await.map(Rc::new) });
    view! {
        <Suspense fallback=|| view! { <div class="dhow-loading" aria-busy="true"></div> }>
            {move || Suspend::new(async move {
                match store.await {
                    Ok(store) => Either::Left(view! { <Storefront store=store/> }),
                    Err(error) => Either::Right(view! {
                        <main id="main" class="dhow-main">
                            <ErrorNotice error=error on_retry=Callback::new(move |_| store.refetch())/>
                        </main>
                    }),
                }
            })}
        </Suspense>
    }
}

/// The storefront once its store is loaded: what the prerender renders at build time and what
/// the browser takes over. Translations come from the context when provided (the page's
/// language), else the default locale.
#[component]
pub fn Storefront(store: Rc<Store>) -> impl IntoView {
    if let Err(error) = provide_store(store) {
        return Either::Right(
            view! { <main id="main" class="dhow-main"><ErrorNotice error=error/></main> },
        );
    }
    Either::Left(view! {
        <Router>
            <Shell/>
        </Router>
    })
}

/// Header, pages, footer and cart drawer, inside the router so the market can come from the URL.
#[component]
fn Shell() -> impl IntoView {
    provide_market();
    provide_analytics();
    provide_cart();
    provide_account();
    page_views();
    let shell = use_context::<ShopperPageShell>();
    if let Some(ShopperPageShell { title }) = shell {
        let i18n = use_i18n();
        use_page_meta(move || PageMeta {
            title: i18n.t(title),
            ..PageMeta::default()
        });
    }
    let shell = shell.is_some();
    view! {
        <Header/>
        <CartNotices/>
        <main id="main" class="dhow-main" tabindex="-1">
            {if shell {
                Either::Left(view! {
                    <section class="dhow-section" aria-busy="true">
                        <div class="dhow-skeleton dhow-skeleton--title"></div>
                        <div class="dhow-skeleton-grid"></div>
                    </section>
                })
            } else {
                Either::Right(view! {
                    <Routes fallback=Fallback>
                        <ParentRoute path=MarketPrefix view=MarketGate>
                            <Route path=path!("") view=Home/>
                            <Route path=path!("/products/:handle") view=ProductPage/>
                            <Route path=path!("/collections/:handle") view=CollectionPage/>
                            <Route path=path!("/search") view=SearchPage/>
                            <Route path=path!("/cart") view={Lazy::<CartRoute>::new()}/>
                            <Route path=path!("/checkout") view={Lazy::<CheckoutRoute>::new()}/>
                            <Route path=path!("/orders") view={Lazy::<OrderLookupRoute>::new()}/>
                            <Route path=path!("/orders/:number") view={Lazy::<OrderConfirmationRoute>::new()}/>
                            <Route path=path!("/account") view={Lazy::<AccountRoute>::new()}/>
                            <Route path=path!("/account/addresses") view={Lazy::<AddressesRoute>::new()}/>
                            <Route path=path!("/account/orders") view={Lazy::<OrdersRoute>::new()}/>
                            <Route path=path!("/account/orders/:number") view={Lazy::<AccountOrderRoute>::new()}/>
                            <Route path=path!("/account/sign-in") view={Lazy::<SignInRoute>::new()}/>
                            <Route path=path!("/account/register") view={Lazy::<RegisterRoute>::new()}/>
                            <Route path=path!("/account/reset") view={Lazy::<ResetRoute>::new()}/>
                            <Route path=path!("/account/outbox") view={Lazy::<OutboxRoute>::new()}/>
                        </ParentRoute>
                    </Routes>
                })
            }}
        </main>
        <Footer/>
        <CartDrawer/>
        <ConsentBanner/>
    }
}

/// `page_view` on the first page and on every route change, once the page's title is set.
fn page_views() {
    let location = leptos_router::hooks::use_location();
    let Some(analytics) = crate::analytics::use_analytics() else {
        return;
    };
    analytics.expect_page_views();
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        analytics.route_changed();
    });
}

/// Provided by the prerender for pages that are per shopper (cart, checkout, orders): their
/// HTML is the header and footer around a loading state, and the browser renders the page.
#[derive(Clone, Copy, Debug)]
pub struct ShopperPageShell {
    /// The message id of the page's title (`cart-title`), the same the page itself shows.
    pub title: &'static str,
}

/// The optional market prefix of every path: a first segment of two lower-case letters (`/de`),
/// or nothing (the default market). One route table serves every market, so switching market
/// keeps the page mounted and only re-prices it.
#[derive(Clone, Copy, Debug)]
struct MarketPrefix;

impl PossibleRouteMatch for MarketPrefix {
    fn optional(&self) -> bool {
        true
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        let Some(rest) = path.strip_prefix('/') else {
            return Some(PartialPathMatch::new(path, Vec::new(), ""));
        };
        let end = rest.find('/').unwrap_or(rest.len());
        let segment = &rest[..end];
        if segment.len() == 2 && segment.bytes().all(|b| b.is_ascii_lowercase()) {
            let (matched, remaining) = path.split_at(end + 1);
            Some(PartialPathMatch::new(
                remaining,
                vec![("market".into(), segment.to_owned())],
                matched,
            ))
        } else {
            Some(PartialPathMatch::new(path, Vec::new(), ""))
        }
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        path.push(PathSegment::OptionalParam("market".into()));
    }
}

/// Pages under a market prefix; a prefix the store does not sell to is not found.
#[component]
fn MarketGate() -> impl IntoView {
    let market = use_market();
    view! {
        <Show when=move || !market.unknown.get() fallback=NotFound>
            <Outlet/>
        </Show>
    }
}

/// What paths without a route show: the not-found page (and, in benchmark builds, the
/// benchmark page, which is kept out of the route table of shipped builds).
#[component]
fn Fallback() -> impl IntoView {
    #[cfg(feature = "bench")]
    if leptos_router::hooks::use_location()
        .pathname
        .get_untracked()
        == "/bench/cards"
    {
        return view! { <crate::routes::BenchCards/> }.into_any();
    }
    view! { <NotFound/> }.into_any()
}
