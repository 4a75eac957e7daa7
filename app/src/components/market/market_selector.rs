//! `<MarketSelector>`: choose the country/region (which sets currency, taxes and duties) and,
//! separately, the language.

use leptos::prelude::*;

use crate::analytics::Takeover;
use crate::format::{language_name, region_name};
use crate::hooks::use_market;
use crate::i18n::use_i18n;
use crate::store::use_store;

/// Two labelled menus: "Country/region" lists every market with its currency; "Language" lists
/// the languages of the current market, each in its own name.
#[component]
pub fn MarketSelector() -> impl IntoView {
    let i18n = use_i18n();
    let market = use_market();
    let markets = use_store().store().config.markets.clone();
    let all_markets = markets.clone();
    let countries = move || {
        let locale = i18n.locale();
        let current = market.market.with(|m| m.id.clone());
        let mut options: Vec<_> = markets
            .iter()
            .map(|m| {
                let name = region_name(&locale, m.country.as_str());
                (name, m.id.clone(), m.currency)
            })
            .collect();
        dhow_sdk::sorting::sort_by(&mut options, |a, b| a.0.cmp(&b.0));
        options
            .into_iter()
            .map(|(name, id, currency)| {
                let selected = id == current;
                view! {
                    <option value=id.0.clone() selected=selected>{format!("{name} · {currency}")}</option>
                }
            })
            .collect_view()
    };
    // Each language is named in its own language ("日本語 (日本)", "العربية") once the app runs.
    // A prerendered page, and the takeover's first pass over it, name them in the page's
    // language instead: a closed menu shows only the chosen one (the same either way), and
    // options in other scripts would make the browser find and load those scripts' fonts
    // (a CJK font is tens of megabytes) before it can lay out the first paint. Each option's `lang` is
    // the language its name is written in.
    let takeover = use_context::<Takeover>().is_some();
    let endonyms = RwSignal::new(cfg!(target_arch = "wasm32") && !takeover);
    let languages = move || {
        let current = market.market.get();
        let own_names = endonyms.get();
        // The market's own languages (its default first), whatever language is shown now.
        let tags: Vec<String> = all_markets
            .iter()
            .find(|m| m.id == current.id)
            .map(|m| {
                std::iter::once(m.locale.clone())
                    .chain(m.languages.iter().cloned())
                    .collect()
            })
            .unwrap_or_else(|| vec![current.locale.clone()]);
        tags.into_iter()
            .map(|tag| {
                let selected = tag == current.locale;
                let (name, lang) = if own_names {
                    (language_name(&tag, &tag), tag.clone())
                } else {
                    (language_name(&current.locale, &tag), current.locale.clone())
                };
                view! { <option value=tag.clone() selected=selected lang=lang>{name}</option> }
            })
            .collect_view()
    };
    // A prerendered page's menus work before the app has taken the page over, but nothing
    // hears their change then: once the app runs, a menu whose value is no longer the option
    // the page was written with is the shopper's choice, applied as if just made. (The app's
    // own language may differ from the page's, a remembered choice: that is not a change.
    // `autocomplete="off"`: the browser restores no earlier choice into them on back or reload.)
    let country_select = NodeRef::<leptos::html::Select>::new();
    let language_select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        let (Some(country), Some(language)) = (country_select.get(), language_select.get()) else {
            return;
        };
        if let Some(id) = changed_before_takeover(&country) {
            market.switch_market(&id);
        } else if let Some(locale) = changed_before_takeover(&language) {
            market.set_language(&locale);
        }
    });
    // After the choice above is read: renaming the options rewrites them. In idle time: names
    // in other languages ask `Intl`, which the takeover leaves alone (`format::Formatted`).
    if takeover {
        Effect::new(move |_| crate::browser::when_idle(move || endonyms.set(true)));
    }
    view! {
        <div class="dhow-market-selector" part="market-selector">
            <label class="dhow-market-selector__field">
                <span>{move || i18n.t("market-country")}</span>
                <select node_ref=country_select autocomplete="off"
                    on:change=move |ev| market.switch_market(&event_target_value(&ev))>{countries}</select>
            </label>
            <label class="dhow-market-selector__field">
                <span>{move || i18n.t("market-language")}</span>
                <select node_ref=language_select autocomplete="off"
                    on:change=move |ev| market.set_language(&event_target_value(&ev))>{languages}</select>
            </label>
        </div>
    }
}

/// The value of a menu the shopper changed before the app ran: one that is not the option the
/// page's HTML selected.
fn changed_before_takeover(select: &web_sys::HtmlSelectElement) -> Option<String> {
    let written = select
        .query_selector("option[selected]")
        .ok()
        .flatten()?
        .get_attribute("value")?;
    let value = select.value();
    (!value.is_empty() && value != written).then_some(value)
}
