//! `/bench/cards?n=1000`: renders `n` product cards (the catalog repeated) when asked, so the
//! benchmark can time a large grid. Only in builds with the `bench` feature.

use dhow_sdk::Backend;
use dhow_sdk::model::{Product, ProductQuery};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::catalog::ProductGrid;
use crate::hooks::use_market;
use crate::store::use_store;

/// The benchmark page.
#[component]
pub fn BenchCards() -> impl IntoView {
    let store = use_store();
    let market = use_market().market;
    let query = use_query_map();
    let count = move || {
        query.with(|q| {
            q.get("n")
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(1000)
        })
    };
    let products = RwSignal::new(Vec::<Product>::new());
    let catalog = LocalResource::new(move || {
        let market = market.get();
        let backend = store.store();
        async move {
            let query = ProductQuery {
                per_page: 100,
                ..ProductQuery::default()
            };
            backend
                .backend
                .products(&market, &query)
                .await
                .map(|p| p.products)
                .unwrap_or_default()
        }
    });
    let render = move |_| {
        let Some(base) = catalog.get() else { return };
        if base.is_empty() {
            return;
        }
        let many = (0..count())
            .map(|i| {
                let mut p = base[i % base.len()].clone();
                p.id.0 = format!("{}-{i}", p.id.0);
                p
            })
            .collect();
        products.set(many);
    };
    view! {
        <h1>"Bench: product cards"</h1>
        <button type="button" id="render" disabled=move || catalog.get().is_none() on:click=render>"Render"</button>
        <ProductGrid products=products/>
    }
}
