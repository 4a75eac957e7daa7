//! Home page: the store's featured products and its collections.

use dhow_sdk::Backend;
use dhow_sdk::model::ProductQuery;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use serde_json::json;

use crate::components::catalog::{CollectionList, ItemList, ProductGrid};
use crate::components::layout::ErrorNotice;
use crate::head::{PageMeta, absolute, market_path, use_page_meta};
use crate::hooks::use_market;
use crate::i18n::use_i18n;
use crate::snapshot::{Prerender, catalog_key, use_catalog};
use crate::store::use_store;

/// Products on the home page.
const HOME_PRODUCTS: u32 = 12;

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let market = use_market().market;
    let query = ProductQuery {
        per_page: HOME_PRODUCTS,
        ..ProductQuery::default()
    };
    let products = {
        let key_query = query.clone();
        use_catalog(
            Prerender::Yes,
            move || market.with(|m| catalog_key("products", &(&m.id, &m.locale, &key_query))),
            move || {
                let (market, backend, query) =
                    (market.get_untracked(), store.store(), query.clone());
                async move {
                    backend
                        .backend
                        .products(&market, &query)
                        .await
                        .map(|page| page.products)
                }
            },
        )
    };
    let collections = use_catalog(
        Prerender::Yes,
        move || market.with(|m| catalog_key("collections", &(&m.id, &m.locale))),
        move || {
            let (market, backend) = (market.get_untracked(), store.store());
            async move { backend.backend.collections(&market).await }
        },
    );
    use_page_meta(move || {
        let config = &store.store().config;
        let market = market.get();
        let home = absolute(config, &market_path(config, &market, "/"));
        let search = absolute(config, &market_path(config, &market, "/search"));
        PageMeta {
            title: String::new(),
            description: config.description.clone().unwrap_or_default(),
            image: products.with(|p| {
                p.as_ref()
                    .and_then(|p| p.as_ref().ok()?.first()?.images.first().cloned())
            }),
            kind: "website",
            structured_data: vec![
                json!({
                    "@context": "https://schema.org",
                    "@type": "Organization",
                    "name": config.name,
                    "url": home,
                }),
                json!({
                    "@context": "https://schema.org",
                    "@type": "WebSite",
                    "name": config.name,
                    "url": home,
                    "inLanguage": market.locale,
                    "potentialAction": {
                        "@type": "SearchAction",
                        "target": { "@type": "EntryPoint", "urlTemplate": format!("{search}?q={{search_term_string}}") },
                        "query-input": "required name=search_term_string",
                    },
                }),
            ],
            indexable: true,
        }
    });
    view! {
        <section class="dhow-section" aria-labelledby="featured-heading">
            <h1 id="featured-heading" class="dhow-section__title">{move || i18n.t("home-featured")}</h1>
            {move || match products.get() {
                None => EitherOf3::A(view! { <div class="dhow-skeleton-grid" aria-hidden="true"></div> }),
                Some(Ok(list)) => EitherOf3::B(view! {
                    <ProductGrid products=list list=ItemList { id: "home".into(), name: i18n.t("home-featured") }/>
                }),
                Some(Err(error)) => EitherOf3::C(view! {
                    <ErrorNotice error=error on_retry=Callback::new(move |_| products.refetch())/>
                }),
            }}
        </section>
        <section class="dhow-section" aria-labelledby="collections-heading">
            <h2 id="collections-heading" class="dhow-section__subtitle">{move || i18n.t("home-collections")}</h2>
            // A missing list of collections is not worth an error: the products above show it.
            {move || collections.get().and_then(Result::ok).map(|list| view! { <CollectionList collections=list/> })}
        </section>
    }
}
