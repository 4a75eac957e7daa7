//! `<ProductGrid>`: a responsive grid of product cards.

use dhow_sdk::model::Product;
use leptos::prelude::*;

use super::ProductCard;

/// Cards whose images load at once: about the first screenful on a wide screen.
const EAGER_CARDS: usize = 8;

/// Products as a grid of cards, keyed by id so re-pricing updates cards in place.
#[component]
pub fn ProductGrid(
    /// The products to show.
    #[prop(into)]
    products: Signal<Vec<Product>>,
) -> impl IntoView {
    view! {
        <ul class="dhow-product-grid" part="product-grid">
            <For
                each=move || products.get().into_iter().enumerate()
                key=|(_, p)| (p.id.clone(), p.variants.first().map(|v| v.price.amount))
                children=|(index, product)| view! {
                    <li><ProductCard product=product eager=index < EAGER_CARDS/></li>
                }
            />
        </ul>
    }
}
