//! `<ProductGrid>`: a responsive grid of product cards.

use dhow_sdk::model::Product;
use leptos::prelude::*;

use super::ProductCard;

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
                each=move || products.get()
                key=|p| (p.id.clone(), p.variants.first().map(|v| v.price.amount))
                children=|product| view! { <li><ProductCard product=product/></li> }
            />
        </ul>
    }
}
