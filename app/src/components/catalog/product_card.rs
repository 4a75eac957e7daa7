//! `<ProductCard>`: a product's image, title and price, linking to its page.

use dhow_sdk::model::Product;
use leptos::prelude::*;

use crate::components::money::Price;
use crate::hooks::use_market;
use crate::i18n::use_i18n;

/// How wide a card's image is drawn, for the browser to pick a copy from its `srcset`: half the
/// screen on a phone (two columns), else about the grid's minimum column.
const CARD_SIZES: &str = "(max-width: 40rem) 50vw, 15rem";

/// A product in a grid: main image, title, lowest price, and whether it is sold out.
#[component]
pub fn ProductCard(
    /// The product, priced for the current market.
    product: Product,
    /// Load the image at once (cards in the first screenful); others load as they scroll in.
    #[prop(optional)]
    eager: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    // The link keeps the shopper's market (`/jp/products/…`), so the product page prices alike.
    let market = use_market();
    let path = crate::search_params::product_path(&product.handle);
    let href = move || market.href(&path);
    let image = product.images.first().cloned();
    let price = product.lowest_price().cloned();
    let sold_out = !product.available();
    view! {
        <article class="dhow-product-card" part="product-card">
            <a class="dhow-product-card__link" href=href>
                {image.map(|img| view! {
                    <img class="dhow-product-card__image" part="image" src=img.url.clone() alt=img.alt.clone()
                        srcset=img.srcset() sizes=CARD_SIZES
                        width=img.width height=img.height loading=if eager { "eager" } else { "lazy" } decoding="async"/>
                })}
                <h3 class="dhow-product-card__title" part="title">{product.title.clone()}</h3>
            </a>
            {price.map(|p| view! { <Price price=p/> })}
            {sold_out.then(|| view! {
                <span class="dhow-badge dhow-badge--muted" part="badge">{move || i18n.t("product-sold-out")}</span>
            })}
        </article>
    }
}
