//! `<ProductGrid>`: a responsive grid of product cards.

use dhow_sdk::analytics::{Event, EventName, Item};
use dhow_sdk::model::Product;
use leptos::prelude::*;

use super::ProductCard;
use crate::analytics::{list_items, use_analytics};

/// Cards whose images load at once: about the first screenful on a wide screen.
const EAGER_CARDS: usize = 8;

/// Which list a grid is, for analytics (`item_list_id`, `item_list_name`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemList {
    /// A stable id: `home`, `collection-outerwear`, `search`.
    pub id: String,
    /// The name shown: the list's heading.
    pub name: String,
}

/// Products as a grid of cards, keyed by position, id and price. A grid named
/// by `list` reports `view_item_list` each time it shows another set of products, and
/// `select_item` when a card is followed.
#[component]
pub fn ProductGrid(
    /// The products to show.
    #[prop(into)]
    products: Signal<Vec<Product>>,
    /// The list this grid is, for analytics; unnamed grids report nothing.
    #[prop(optional)]
    list: Option<ItemList>,
) -> impl IntoView {
    let analytics = use_analytics().filter(|a| a.enabled()).zip(list);
    let reported = StoredValue::new(Vec::<String>::new());
    let shown = StoredValue::new(Vec::<Item>::new());
    if let Some((analytics, list)) = analytics.clone() {
        Effect::new(move |_| {
            let items = products.with(|p| list_items(&list.id, &list.name, p));
            let ids: Vec<String> = items.iter().map(|i| i.item_id.clone()).collect();
            if !items.is_empty() && reported.get_value() != ids {
                reported.set_value(ids);
                shown.set_value(items.clone());
                analytics.track(Event::with_items(EventName::ViewItemList, items));
            }
        });
    }
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some((analytics, _)) = analytics.clone() else {
            return;
        };
        use wasm_bindgen::JsCast;
        let index = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a.dhow-product-card__link").ok().flatten())
            .and_then(|a| a.closest("li[data-index]").ok().flatten())
            .and_then(|li| li.get_attribute("data-index"))
            .and_then(|i| i.parse::<usize>().ok());
        if let Some(item) = index.and_then(|i| shown.with_value(|s| s.get(i).cloned())) {
            analytics.track(Event::with_items(EventName::SelectItem, vec![item]));
        }
    };
    view! {
        <ul class="dhow-product-grid" part="product-grid" on:click=on_click>
            <For
                each=move || products.get().into_iter().enumerate()
                key=|(index, p)| (*index, p.id.clone(), p.variants.first().map(|v| v.price.amount))
                children=|(index, product)| view! {
                    <li data-index=index><ProductCard product=product eager=index < EAGER_CARDS/></li>
                }
            />
        </ul>
    }
}
