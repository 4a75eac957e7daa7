//! Product page: gallery, title, price with tax and duty terms, variant picker, quantity, add to
//! cart, the description, and recommendations (bought together, alike).

use dhow_sdk::model::Product;
use dhow_sdk::{Backend, Error, Market, StoreConfig};
use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::cart::AddToCart;
use crate::components::catalog::{
    FrequentlyBoughtTogether, Gallery, RecentlyViewed, VariantPicker, YouMayAlsoLike,
    initial_selection,
};
use crate::components::layout::ErrorNotice;
use crate::components::money::{MarketTerms, Price};
use crate::head::{PageMeta, absolute, breadcrumbs, market_path, use_page_meta};
use crate::hooks::use_market;
use crate::routes::NotFound;
use crate::snapshot::{Prerender, catalog_key, use_catalog};
use crate::store::use_store;
use serde_json::json;

/// `/products/:handle`.
#[component]
pub fn ProductPage() -> impl IntoView {
    let store = use_store();
    let market = use_market();
    let params = use_params_map();
    let handle = Memo::new(move |_| params.with(|p| p.get("handle").unwrap_or_default()));
    // Kept across re-pricing, so switching market keeps the shopper's choice.
    let selected = RwSignal::new(Vec::<String>::new());
    let product = use_catalog(
        Prerender::Yes,
        move || {
            market
                .market
                .with(|m| catalog_key("product", &(&m.id, &m.locale, handle.get())))
        },
        move || {
            let (market, handle, backend) = (
                market.market.get_untracked(),
                handle.get_untracked(),
                store.store(),
            );
            async move { backend.backend.product(&market, &handle).await }
        },
    );
    Effect::new(move |previous: Option<String>| {
        let h = handle.get();
        if previous.as_ref().is_some_and(|p| *p != h) {
            selected.set(Vec::new());
        }
        h
    });
    use_page_meta(move || match product.get() {
        Some(Ok(p)) => product_meta(&store.store().config, &market.market.get(), &p),
        Some(Err(Error::NotFound { .. })) => PageMeta::default(),
        _ => PageMeta {
            indexable: true,
            ..PageMeta::default()
        },
    });
    view! {
        {move || match product.get() {
            None => EitherOf4::A(view! { <div class="dhow-skeleton dhow-skeleton--product" aria-hidden="true"></div> }),
            Some(Ok(p)) => EitherOf4::B(view! { <ProductDetail product=p selected=selected/> }),
            Some(Err(Error::NotFound { .. })) => EitherOf4::C(view! { <NotFound/> }),
            Some(Err(error)) => EitherOf4::D(view! {
                <ErrorNotice error=error on_retry=Callback::new(move |_| product.refetch())/>
            }),
        }}
    }
}

/// What a product page says about itself: its title and description, its image, and a
/// schema.org `Product` with one `Offer` per variant at its exact price in the market's
/// currency, with the breadcrumb from the home page.
fn product_meta(config: &StoreConfig, market: &Market, product: &Product) -> PageMeta {
    let url = absolute(
        config,
        &market_path(
            config,
            market,
            &crate::search_params::product_path(&product.handle),
        ),
    );
    let home = market_path(config, market, "/");
    let offers: Vec<serde_json::Value> = product
        .variants
        .iter()
        .map(|v| {
            let mut offer = json!({
                "@type": "Offer",
                "url": url,
                "price": v.price.amount.to_decimal_string(),
                "priceCurrency": v.price.amount.currency().code(),
                "availability": if v.available { "https://schema.org/InStock" } else { "https://schema.org/OutOfStock" },
                "itemCondition": "https://schema.org/NewCondition",
                "name": v.title,
                "priceSpecification": {
                    "@type": "UnitPriceSpecification",
                    "price": v.price.amount.to_decimal_string(),
                    "priceCurrency": v.price.amount.currency().code(),
                    "valueAddedTaxIncluded": v.price.tax_included,
                },
                "shippingDetails": {
                    "@type": "OfferShippingDetails",
                    "shippingDestination": { "@type": "DefinedRegion", "addressCountry": market.country.as_str() },
                },
            });
            if let Some(sku) = &v.sku {
                offer["sku"] = json!(sku);
            }
            offer
        })
        .collect();
    let description = plain_summary(&product.description);
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.title,
        "description": description,
        "url": url,
        "image": product.images.iter().map(|i| absolute(config, &i.url)).collect::<Vec<_>>(),
        "offers": offers,
    });
    if let Some(sku) = product.variants.first().and_then(|v| v.sku.clone()) {
        data["sku"] = json!(sku);
    }
    PageMeta {
        title: product.title.clone(),
        description,
        image: product.images.first().cloned(),
        kind: "product",
        structured_data: vec![
            data,
            breadcrumbs(
                config,
                &[
                    (config.name.clone(), home),
                    (
                        product.title.clone(),
                        market_path(
                            config,
                            market,
                            &crate::search_params::product_path(&product.handle),
                        ),
                    ),
                ],
            ),
        ],
        indexable: true,
    }
}

/// The first paragraph of a description, at most about 160 characters (cut at a word).
pub(crate) fn plain_summary(text: &str) -> String {
    let first = text
        .split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty())
        .unwrap_or("");
    let words: Vec<&str> = first.split_whitespace().collect();
    let mut summary = String::new();
    for word in words {
        if summary.chars().count() + word.chars().count() > 157 {
            summary.push('…');
            return summary;
        }
        if !summary.is_empty() {
            summary.push(' ');
        }
        summary.push_str(word);
    }
    summary
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
    // `view_item` once per product shown, in the variant first shown.
    if let Some(analytics) = crate::analytics::use_analytics() {
        Effect::new(move |_| {
            untrack(|| {
                stored.with_value(|product| {
                    let shown = variant.get().or_else(|| product.variants.first().cloned());
                    if let Some(shown) = shown {
                        analytics.track(dhow_sdk::analytics::Event::with_items(
                            dhow_sdk::analytics::EventName::ViewItem,
                            vec![dhow_sdk::analytics::Item::from_variant(product, &shown, 1)],
                        ));
                    }
                })
            })
        });
    }
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
        <FrequentlyBoughtTogether product=Signal::derive(move || stored.get_value()) variant=variant/>
        <YouMayAlsoLike handle=Signal::derive(move || stored.with_value(|p| p.handle.clone()))/>
        <RecentlyViewed exclude=Signal::derive(move || stored.with_value(|p| p.handle.clone()))/>
    }
}
