//! Collection and search pages: a product grid with facets, sorting and pages, all held in the
//! URL so a filtered list can be shared.

use dhow_sdk::Backend;
use dhow_sdk::model::{Collection, ProductPage};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use serde_json::json;

use crate::components::catalog::{FacetFilters, ItemList, ProductGrid};
use crate::components::layout::ErrorNotice;
use crate::head::{PageMeta, absolute, breadcrumbs, market_path, use_page_meta};
use crate::hooks::use_market;
use crate::i18n::use_i18n;
use crate::routes::NotFound;
use crate::search_params::{SORTS, SearchParams, sort_name};
use crate::snapshot::{Prerender, catalog_key, use_catalog};
use crate::store::use_store;

/// `/collections/:handle`: one collection's products.
#[component]
pub fn CollectionPage() -> impl IntoView {
    let params = use_params_map();
    let handle = Memo::new(move |_| params.with(|p| p.get("handle").unwrap_or_default()));
    view! { <Listing collection=handle/> }
}

/// `/search?q=…`: products matching words and filters.
#[component]
pub fn SearchPage() -> impl IntoView {
    view! { <Listing/> }
}

#[component]
fn Listing(#[prop(optional, into)] collection: Option<Signal<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let market = use_market();
    let query = use_query_map();
    let navigate = use_navigate();
    let params = Memo::new(move |_| {
        query.with(|q| SearchParams::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    let collection_handle = move || collection.map(|c| c.get());

    let collections = use_catalog(
        Prerender::Yes,
        move || {
            market
                .market
                .with(|m| catalog_key("collections", &(&m.id, &m.locale)))
        },
        move || {
            let (market, backend) = (market.market.get_untracked(), store.store());
            async move { backend.backend.collections(&market).await }
        },
    );
    let product_query = move || {
        params
            .get()
            .to_product_query(collection_handle(), market.market.with(|m| m.currency))
    };
    // A collection's first page is in its prerendered HTML; search results depend on what the
    // shopper asks, so the search page is prerendered as a shell.
    let prerender = if collection.is_some() {
        Prerender::Yes
    } else {
        Prerender::No
    };
    let page = use_catalog(
        prerender,
        move || {
            let query = product_query();
            market
                .market
                .with(|m| catalog_key("products", &(&m.id, &m.locale, &query)))
        },
        move || {
            let (market, backend) = (market.market.get_untracked(), store.store());
            let query = leptos::reactive::graph::untrack_with_diagnostics(product_query);
            async move { backend.backend.products(&market, &query).await }
        },
    );

    let path = move || match collection_handle() {
        Some(h) => market.href(&crate::search_params::collection_path(&h)),
        None => market.href("/search"),
    };
    let go = StoredValue::new_local(move |next: SearchParams| {
        let query = next.to_query();
        let target = if query.is_empty() {
            path()
        } else {
            format!("{}?{query}", path())
        };
        navigate(&target, Default::default());
    });
    let on_change = Callback::new(move |next: SearchParams| go.with_value(|go| go(next)));

    let title = move || {
        if let Some(handle) = collection_handle() {
            let found: Option<Collection> = collections.with(|r| {
                r.as_ref()
                    .and_then(|r| r.as_ref().ok())
                    .and_then(|list| list.iter().find(|c| c.handle == handle).cloned())
            });
            found.map(|c| c.title)
        } else {
            let text = params.with(|p| p.text.clone());
            Some(if text.is_empty() {
                i18n.t("search-all")
            } else {
                i18n.t_with("search-results-for", &[("query", text.into())])
            })
        }
    };
    let item_list = move || match collection_handle() {
        Some(handle) => ItemList {
            id: format!("collection-{handle}"),
            name: untrack(title).unwrap_or(handle),
        },
        None => ItemList {
            id: "search".into(),
            name: untrack(title).unwrap_or_default(),
        },
    };
    // `search` once per search made (not again when only the page or a filter changes).
    if let Some(analytics) = crate::analytics::use_analytics() {
        Effect::new(move |before: Option<String>| {
            let text = params.with(|p| p.text.clone());
            if collection_handle().is_none() && !text.is_empty() && before.as_ref() != Some(&text) {
                analytics.track(
                    dhow_sdk::analytics::Event::new(dhow_sdk::analytics::EventName::Search)
                        .text("search_term", text.clone()),
                );
            }
            text
        });
    }
    let unknown_collection = move || {
        collection_handle().is_some()
            && collections.with(|r| {
                r.as_ref()
                    .and_then(|r| r.as_ref().ok())
                    .is_some_and(|list| {
                        collection_handle().is_some_and(|h| !list.iter().any(|c| c.handle == h))
                    })
            })
    };

    let results = move || match page.get() {
        None => EitherOf3::A(view! { <div class="dhow-skeleton-grid" aria-hidden="true"></div> }),
        Some(Ok(page)) => EitherOf3::B(
            view! { <Results page=page params=params on_change=on_change path=Signal::derive(path) with_collections=collection.is_none() list=item_list()/> },
        ),
        Some(Err(error)) => EitherOf3::C(view! {
            <ErrorNotice error=error on_retry=Callback::new(move |_| page.refetch())/>
        }),
    };

    use_page_meta(move || {
        let config = &store.store().config;
        let current = market.market.get();
        let Some(handle) = collection_handle() else {
            return PageMeta {
                title: title().unwrap_or_default(),
                ..PageMeta::default()
            };
        };
        let found = collections.with(|r| {
            r.as_ref()
                .and_then(|r| r.as_ref().ok())
                .and_then(|list| list.iter().find(|c| c.handle == handle).cloned())
        });
        let Some(found) = found else {
            return PageMeta::default();
        };
        let here = market_path(
            config,
            &current,
            &crate::search_params::collection_path(&handle),
        );
        let items: Vec<serde_json::Value> = page.with(|p| {
            p.as_ref()
                .and_then(|p| p.as_ref().ok())
                .map(|p| {
                    p.products
                        .iter()
                        .enumerate()
                        .map(|(i, product)| {
                            json!({
                                "@type": "ListItem",
                                "position": i + 1,
                                "url": absolute(config, &market_path(config, &current, &crate::search_params::product_path(&product.handle))),
                                "name": product.title,
                            })
                        })
                        .collect()
                })
                .unwrap_or_default()
        });
        PageMeta {
            title: found.title.clone(),
            description: if found.description.is_empty() {
                config.description.clone().unwrap_or_default()
            } else {
                found.description.clone()
            },
            image: found.image.clone(),
            kind: "website",
            structured_data: vec![
                json!({
                    "@context": "https://schema.org",
                    "@type": "CollectionPage",
                    "name": found.title,
                    "url": absolute(config, &here),
                    "mainEntity": { "@type": "ItemList", "itemListElement": items },
                }),
                breadcrumbs(
                    config,
                    &[
                        (config.name.clone(), market_path(config, &current, "/")),
                        (found.title.clone(), here),
                    ],
                ),
            ],
            indexable: true,
        }
    });

    view! {
        <Show when=move || !unknown_collection() fallback=NotFound>
            <section class="dhow-listing" aria-labelledby="listing-heading">
                <h1 id="listing-heading" class="dhow-section__title">{title}</h1>
                {results}
            </section>
        </Show>
    }
}

#[component]
fn Results(
    page: ProductPage,
    params: Memo<SearchParams>,
    on_change: Callback<SearchParams>,
    path: Signal<String>,
    with_collections: bool,
    /// Which list the results are, for analytics.
    list: ItemList,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = page.total;
    let pages = total.div_ceil(page.per_page.max(1)).max(1);
    let current = page.page;
    let facets = page.facets.clone();
    let sort_select = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let mut next = params.get_untracked();
        next.sort = SORTS
            .into_iter()
            .find(|s| sort_name(*s) == value)
            .unwrap_or_default();
        next.page = 0;
        on_change.run(next);
    };
    let page_link = move |n: u32| {
        let mut next = params.get_untracked();
        next.page = n;
        let query = next.to_query();
        if query.is_empty() {
            path.get()
        } else {
            format!("{}?{query}", path.get())
        }
    };
    let empty = page.products.is_empty();
    view! {
        <div class="dhow-listing__layout">
            <FacetFilters facets=facets params=params on_change=on_change with_collections=with_collections/>
            <div class="dhow-listing__main">
                <div class="dhow-listing__bar">
                    <p class="dhow-listing__count" role="status">
                        {move || i18n.t_with("search-count", &[("count", total.into())])}
                    </p>
                    <label class="dhow-listing__sort">
                        <span>{move || i18n.t("sort-label")}</span>
                        <select on:change=sort_select>
                            {SORTS.into_iter().map(|s| {
                                let name = sort_name(s);
                                view! {
                                    <option value=name selected=move || params.with(|p| p.sort == s)>
                                        {move || i18n.t(&format!("sort-{name}"))}
                                    </option>
                                }
                            }).collect_view()}
                        </select>
                    </label>
                </div>
                {if empty {
                    Either::Left(view! { <p class="dhow-listing__empty">{move || i18n.t("search-empty")}</p> })
                } else {
                    Either::Right(view! { <ProductGrid products=page.products.clone() list=list/> })
                }}
                {(pages > 1).then(|| view! {
                    <nav class="dhow-pagination" aria-label=move || i18n.t("pagination-label")>
                        {(current > 0).then(|| view! {
                            <a class="dhow-button dhow-button--secondary" rel="prev" href=page_link(current - 1)>
                                {move || i18n.t("pagination-previous")}
                            </a>
                        })}
                        <span>{move || i18n.t_with("pagination-status", &[("page", (current + 1).into()), ("pages", pages.into())])}</span>
                        {(current + 1 < pages).then(|| view! {
                            <a class="dhow-button dhow-button--secondary" rel="next" href=page_link(current + 1)>
                                {move || i18n.t("pagination-next")}
                            </a>
                        })}
                    </nav>
                })}
            </div>
        </div>
    }
}
