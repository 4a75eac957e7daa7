//! `<Gallery>`: a product's images, one large with thumbnails to switch.

use dhow_sdk::model::Image;
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// The main image and, when there are several, thumbnail buttons to show each.
#[component]
pub fn Gallery(
    /// The images, main image first.
    images: Vec<Image>,
) -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(0usize);
    let count = images.len();
    let shown = {
        let images = images.clone();
        move || images.get(current.get()).cloned()
    };
    let thumbs = (count > 1).then(|| {
        images
            .iter()
            .enumerate()
            .map(|(index, image)| {
                let label = move || {
                    i18n.t_with(
                        "gallery-show-image",
                        &[("index", (index + 1).into()), ("count", count.into())],
                    )
                };
                view! {
                    <li>
                        <button type="button" class="dhow-gallery__thumb" part="thumbnail"
                            aria-label=label aria-pressed=move || (current.get() == index).to_string()
                            on:click=move |_| current.set(index)>
                            <img src=image.url.clone() srcset=image.srcset() sizes="120px" alt="" width="120" height="150" loading="lazy"/>
                        </button>
                    </li>
                }
            })
            .collect_view()
    });
    view! {
        <div class="dhow-gallery" part="gallery">
            {move || shown().map(|img| view! {
                <img class="dhow-gallery__main" part="image" src=img.url.clone() alt=img.alt.clone()
                    srcset=img.srcset() sizes="(max-width: 48rem) 100vw, 40rem"
                    width=img.width height=img.height fetchpriority="high"/>
            })}
            {thumbs.map(|t| view! { <ul class="dhow-gallery__thumbs">{t}</ul> })}
        </div>
    }
}
