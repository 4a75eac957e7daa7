//! `<Footer>`: the market's terms and links to order lookup.

use leptos::prelude::*;

use super::PrivacySettingsLink;
use crate::components::market::MarketLinks;
use crate::components::money::MarketTerms;
use crate::hooks::use_market;
use crate::i18n::use_i18n;
use crate::store::use_store;

/// The site footer.
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let market = use_market();
    let name = use_store().store().config.name.clone();
    view! {
        <footer class="dhow-footer" part="footer">
            <MarketTerms/>
            <nav aria-label=move || i18n.t("footer-nav")>
                <a href=move || market.href("/orders")>{move || i18n.t("order-lookup-title")}</a>
                <PrivacySettingsLink/>
            </nav>
            <p class="dhow-footer__brand">{name}</p>
            <MarketLinks/>
        </footer>
    }
}
