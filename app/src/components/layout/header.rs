//! `<Header>`: the store's banner: name, search, market selector, account and cart button.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::account::AccountLink;
use crate::components::cart::CartButton;
use crate::components::market::MarketSelector;
use crate::hooks::use_market;
use crate::i18n::use_i18n;
use crate::store::use_store;

/// The site header.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let market = use_market();
    let name = use_store().store().config.name.clone();
    let navigate = use_navigate();
    let query = RwSignal::new(String::new());
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = query.get_untracked();
        let params = crate::search_params::SearchParams {
            text: crate::search_params::clip(text.trim(), crate::search_params::MAX_QUERY_CHARS)
                .to_owned(),
            ..Default::default()
        };
        let q = params.to_query();
        let path = market.href("/search");
        navigate(
            &if q.is_empty() {
                path
            } else {
                format!("{path}?{q}")
            },
            Default::default(),
        );
    };
    view! {
        <a class="dhow-skip-link" href="#main">{move || i18n.t("skip-to-content")}</a>
        <header class="dhow-header" part="header">
            <a class="dhow-header__brand" part="brand" href=move || market.href("/")>{name}</a>
            <form class="dhow-header__search" part="search" role="search" on:submit=search>
                <label class="dhow-visually-hidden" for="dhow-search">{move || i18n.t("search-label")}</label>
                <input id="dhow-search" type="search" autocomplete="off"
                    maxlength=crate::search_params::MAX_QUERY_CHARS.to_string()
                    placeholder=move || i18n.t("search-placeholder")
                    prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
                <button type="submit" class="dhow-button dhow-button--secondary">{move || i18n.t("search-submit")}</button>
            </form>
            <div class="dhow-header__actions">
                <MarketSelector/>
                <AccountLink/>
                <CartButton/>
            </div>
        </header>
    }
}
