//! `<CollectionList>`: collections as image cards linking to their pages.

use dhow_sdk::model::Collection;
use leptos::prelude::*;

use crate::hooks::use_market;

/// A row of collection cards.
#[component]
pub fn CollectionList(
    /// The collections to show.
    #[prop(into)]
    collections: Signal<Vec<Collection>>,
) -> impl IntoView {
    let market = use_market();
    view! {
        <ul class="dhow-collection-list" part="collection-list">
            <For
                each=move || collections.get()
                key=|c| (c.id.clone(), c.title.clone())
                children=move |c| {
                    let href = market.href(&crate::search_params::collection_path(&c.handle));
                    view! {
                        <li>
                            <a class="dhow-collection-card" part="collection-card" href=href>
                                {c.image.map(|img| view! {
                                    <img src=img.url.clone() srcset=img.srcset() sizes="(max-width: 48rem) 100vw, 30rem"
                                        alt="" width=img.width height=img.height loading="lazy" decoding="async"/>
                                })}
                                <span class="dhow-collection-card__title" part="title">{c.title}</span>
                            </a>
                        </li>
                    }
                }
            />
        </ul>
    }
}
