//! `<RecentlyViewed>`: the products this shopper viewed lately, newest first, fed by the
//! analytics stream's `view_item` events and kept in browser storage only with functional
//! consent. Drawn only in the browser, after the first render (a prerendered page is the same for
//! everyone).

use dhow_sdk::model::Product;
use leptos::prelude::*;

use super::ProductCard;
use crate::analytics::use_analytics;
use crate::hooks::{available_products, use_market};
use crate::i18n::use_i18n;
use crate::store::use_store;

/// Products shown at most.
pub const RECENT_SHOWN: usize = 4;

/// "Recently viewed": up to four products sold and in stock in the shopper's market, leaving out
/// `exclude` (the product on this page); nothing when there are none.
#[component]
pub fn RecentlyViewed(
    /// The handle of the product shown on this page, if any.
    #[prop(optional, into)]
    exclude: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let analytics = use_analytics();
    let market = use_market();
    let store = use_store();
    let (products, set_products) = signal(Vec::<Product>::new());
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        let Some(analytics) = analytics else {
            return;
        };
        let skip = exclude.map(|e| e.get());
        let handles: Vec<String> = analytics
            .recent
            .get()
            .into_iter()
            .filter(|h| Some(h) != skip.as_ref())
            .collect();
        let market = market.market.get();
        let number = asked.get_value() + 1;
        asked.set_value(number);
        let store = store.store();
        leptos::task::spawn_local(async move {
            let found = available_products(&store, &market, handles, RECENT_SHOWN).await;
            // An answer to an older question is dropped; a failure shows nothing.
            if asked.try_get_value() == Some(number) {
                set_products.try_set(found.unwrap_or_default());
            }
        });
    });
    move || {
        let products = products.get();
        (!products.is_empty()).then(|| {
            view! {
                <section class="dhow-recs dhow-recs--recent" part="recently-viewed"
                    aria-labelledby="dhow-recent-title">
                    <h2 id="dhow-recent-title" class="dhow-recs__title">{move || i18n.t("recent-title")}</h2>
                    <ul class="dhow-product-grid" part="product-grid" role="list">
                        {products.into_iter().map(|p| view! { <li><ProductCard product=p/></li> }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
