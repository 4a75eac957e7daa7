//! Product page: gallery, title, price with tax and duty terms, variant picker, quantity, add to
//! cart, and the description.

use dhow_sdk::model::Product;
use dhow_sdk::{Backend, Error};
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::cart::AddToCart;
use crate::components::catalog::{Gallery, VariantPicker, initial_selection};
use crate::components::layout::ErrorNotice;
use crate::components::money::{MarketTerms, Price};
use crate::hooks::use_market;
use crate::routes::NotFound;
use crate::store::use_store;

/// `/products/:handle`.
#[component]
pub fn ProductPage() -> impl IntoView {
    let store = use_store();
    let market = use_market();
    let params = use_params_map();
    let handle = Memo::new(move |_| params.with(|p| p.get("handle").unwrap_or_default()));
    // Kept across re-pricing, so switching market keeps the shopper's choice.
    let selected = RwSignal::new(Vec::<String>::new());
    let product = LocalResource::new(move || {
        let market = market.market.get();
        let handle = handle.get();
        let backend = store.store();
        async move { backend.backend.product(&market, &handle).await }
    });
    Effect::new(move |previous: Option<String>| {
        let h = handle.get();
        if previous.as_ref() != Some(&h) {
            selected.set(Vec::new());
        }
        h
    });
    view! {
        <Transition fallback=|| view! { <div class="dhow-skeleton dhow-skeleton--product" aria-hidden="true"></div> }>
            {move || Suspend::new(async move {
                match product.await {
                    Ok(p) => EitherOf3::A(view! { <ProductDetail product=p selected=selected/> }),
                    Err(Error::NotFound { .. }) => EitherOf3::B(view! { <NotFound/> }),
                    Err(error) => EitherOf3::C(view! {
                        <ErrorNotice error=error on_retry=Callback::new(move |_| product.refetch())/>
                    }),
                }
            })}
        </Transition>
    }
}

#[component]
fn ProductDetail(product: Product, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let valid = selected.with_untracked(|s| product.variant_for(s).is_some());
    if !valid {
        selected.set(initial_selection(&product));
    }
    let stored = StoredValue::new(product.clone());
    let variant =
        Memo::new(move |_| selected.with(|s| stored.with_value(|p| p.variant_for(s).cloned())));
    let price = Signal::derive(move || {
        variant
            .get()
            .map(|v| v.price)
            .or_else(|| stored.with_value(|p| p.lowest_price().cloned()))
    });
    let paragraphs = product
        .description
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| view! { <p>{p.trim().to_owned()}</p> })
        .collect_view();
    let has_options = !product.options.is_empty();
    view! {
        <article class="dhow-product" part="product">
            <Gallery images=product.images.clone()/>
            <div class="dhow-product__info">
                <h1 class="dhow-product__title">{product.title.clone()}</h1>
                <div class="dhow-product__price">
                    {move || price.get().map(|p| view! { <Price price=p/> })}
                    <MarketTerms/>
                </div>
                {has_options.then(|| view! { <VariantPicker product=product.clone() selected=selected/> })}
                <AddToCart product=Signal::derive(move || stored.get_value()) variant=variant/>
                <div class="dhow-product__description">{paragraphs}</div>
            </div>
        </article>
    }
}
