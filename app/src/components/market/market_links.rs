//! `<MarketLinks>`: the same page in every market the store sells to, as plain links — what a
//! search engine follows, and how a shopper switches market before (or without) any script.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::format::region_name;
use crate::head::{hreflang, market_path};
use crate::hooks::{path_without_market, use_market};
use crate::i18n::use_i18n;
use crate::store::use_store;

/// A list of links, one per market ("Japan · JPY"), each to the page shown now in that market,
/// the current one marked `aria-current`.
#[component]
pub fn MarketLinks() -> impl IntoView {
    let i18n = use_i18n();
    let market = use_market();
    let config = use_store().store().config.clone();
    let location = use_location();
    let links = move || {
        let locale = i18n.locale();
        let current = market.market.with(|m| m.id.clone());
        let path = location.pathname.get();
        let search = location.search.get();
        let rest = path_without_market(&path, &config.markets).to_owned();
        let query = if search.is_empty() {
            String::new()
        } else {
            format!("?{}", search.trim_start_matches('?'))
        };
        let mut links: Vec<_> = config
            .markets
            .iter()
            .map(|m| {
                let name = region_name(&locale, m.country.as_str());
                let href = format!("{}{query}", market_path(&config, m, &rest));
                (name, m.currency, href, hreflang(m), m.id == current)
            })
            .collect();
        dhow_sdk::sorting::sort_by(&mut links, |a, b| a.0.cmp(&b.0));
        links
            .into_iter()
            .map(|(name, currency, href, lang, here)| {
                view! {
                    <li>
                        <a href=href hreflang=lang aria-current=here.then_some("page")>
                            {format!("{name} · {currency}")}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="dhow-market-links" aria-label=move || i18n.t("market-links-label")>
            <ul class="dhow-market-links__list">{links}</ul>
        </nav>
    }
}
