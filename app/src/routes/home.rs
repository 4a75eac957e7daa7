//! Home page: the store's featured products.

use dhow_sdk::Backend;
use dhow_sdk::model::ProductQuery;
use leptos::either::Either;
use leptos::prelude::*;

use crate::components::catalog::{CollectionList, ProductGrid};
use crate::components::layout::ErrorNotice;
use crate::hooks::use_market;
use crate::i18n::use_i18n;
use crate::store::use_store;

/// Products on the home page.
const HOME_PRODUCTS: u32 = 12;

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let market = use_market().market;
    let products = LocalResource::new(move || {
        let market = market.get();
        let backend = store.store();
        async move {
            let query = ProductQuery {
                per_page: HOME_PRODUCTS,
                ..ProductQuery::default()
            };
            backend
                .backend
                .products(&market, &query)
                .await
                .map(|page| page.products)
        }
    });
    let collections = LocalResource::new(move || {
        let market = market.get();
        let backend = store.store();
        async move { backend.backend.collections(&market).await }
    });
    view! {
        <section class="dhow-section" aria-labelledby="featured-heading">
            <h1 id="featured-heading" class="dhow-section__title">{move || i18n.t("home-featured")}</h1>
            <Suspense fallback=|| view! { <div class="dhow-skeleton-grid" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    match products.await {
                        Ok(list) => Either::Left(view! { <ProductGrid products=list/> }),
                        Err(error) => Either::Right(view! {
                            <ErrorNotice error=error on_retry=Callback::new(move |_| products.refetch())/>
                        }),
                    }
                })}
            </Suspense>
        </section>
        <section class="dhow-section" aria-labelledby="collections-heading">
            <h2 id="collections-heading" class="dhow-section__subtitle">{move || i18n.t("home-collections")}</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    // A missing list of collections is not worth an error: the products above show it.
                    collections.await.ok().map(|list| view! { <CollectionList collections=list/> })
                })}
            </Transition>
        </section>
    }
}
