//! `<FacetFilters>`: narrow a product list by collection, option values, price and stock.

use dhow_sdk::model::Facet;
use leptos::prelude::*;

use crate::format::format_money;
use crate::i18n::use_i18n;
use crate::search_params::SearchParams;

/// Filters for a product list. Each change calls `on_change` with the new search, which the
/// page puts in the URL.
#[component]
pub fn FacetFilters(
    /// Facets of the current result.
    #[prop(into)]
    facets: Signal<Vec<Facet>>,
    /// The search shown.
    #[prop(into)]
    params: Signal<SearchParams>,
    /// Called with the search to show next.
    on_change: Callback<SearchParams>,
    /// Whether to offer the collection facet (not on a collection's own page).
    #[prop(optional)]
    with_collections: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let change = move |edit: Box<dyn FnOnce(&mut SearchParams)>| {
        let mut next = params.get_untracked();
        edit(&mut next);
        next.page = 0;
        on_change.run(next);
    };
    let min_input = NodeRef::<leptos::html::Input>::new();
    let max_input = NodeRef::<leptos::html::Input>::new();
    let apply_price = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let read = |node: NodeRef<leptos::html::Input>| {
            node.get_untracked()
                .map(|i| i.value())
                .filter(|v| !v.trim().is_empty())
        };
        let (min, max) = (read(min_input), read(max_input));
        change(Box::new(move |p| {
            p.min = min;
            p.max = max;
        }));
    };

    let groups = move || {
        facets.get().into_iter().map(|facet| match facet {
            Facet::Collection { values } if with_collections => {
                let items = values.into_iter().map(|v| {
                    let handle = v.value.clone();
                    let checked = {
                        let handle = handle.clone();
                        move || params.with(|p| p.collection.as_deref() == Some(handle.as_str()))
                    };
                    let toggle = Callback::new(move |()| {
                        let handle = handle.clone();
                        change(Box::new(move |p| {
                            p.collection = if p.collection.as_deref() == Some(handle.as_str()) { None } else { Some(handle) };
                        }));
                    });
                    view! {
                        <FacetValueCheckbox label=v.label count=v.count checked=Signal::derive(checked) on_toggle=toggle/>
                    }
                }).collect_view();
                view! {
                    <fieldset class="dhow-facets__group">
                        <legend>{move || i18n.t("filter-collection")}</legend>
                        {items}
                    </fieldset>
                }.into_any()
            }
            Facet::Option { name, values } => {
                let items = values.into_iter().map(|v| {
                    let (name, value) = (name.clone(), v.value.clone());
                    let checked = {
                        let (name, value) = (name.clone(), value.clone());
                        move || params.with(|p| p.has_option(&name, &value))
                    };
                    let toggle = Callback::new(move |()| {
                        let (name, value) = (name.clone(), value.clone());
                        change(Box::new(move |p| p.toggle_option(&name, &value)));
                    });
                    view! {
                        <FacetValueCheckbox label=v.label count=v.count checked=Signal::derive(checked) on_toggle=toggle/>
                    }
                }).collect_view();
                view! {
                    <fieldset class="dhow-facets__group">
                        <legend>{name.clone()}</legend>
                        {items}
                    </fieldset>
                }.into_any()
            }
            Facet::PriceRange { min, max } => {
                let locale = i18n.locale();
                let range = i18n.t_with("filter-price-range", &[
                    ("min", format_money(&locale, min).into()),
                    ("max", format_money(&locale, max).into()),
                ]);
                view! {
                    <form class="dhow-facets__group dhow-facets__price" on:submit=apply_price>
                        <fieldset>
                            <legend>{move || i18n.t("filter-price")}</legend>
                            <p class="dhow-facets__hint">{range}</p>
                            <label>
                                <span>{move || i18n.t("filter-price-min")}</span>
                                <input node_ref=min_input type="text" inputmode="decimal" size="6"
                                    prop:value=move || params.with(|p| p.min.clone().unwrap_or_default())/>
                            </label>
                            <label>
                                <span>{move || i18n.t("filter-price-max")}</span>
                                <input node_ref=max_input type="text" inputmode="decimal" size="6"
                                    prop:value=move || params.with(|p| p.max.clone().unwrap_or_default())/>
                            </label>
                            <button type="submit" class="dhow-button dhow-button--secondary">{move || i18n.t("filter-apply")}</button>
                        </fieldset>
                    </form>
                }.into_any()
            }
            Facet::InStock { count } => view! {
                <FacetValueCheckbox label=i18n.t("filter-in-stock") count=count
                    checked=Signal::derive(move || params.with(|p| p.in_stock))
                    on_toggle=Callback::new(move |()| change(Box::new(|p| p.in_stock = !p.in_stock)))/>
            }.into_any(),
            Facet::Collection { .. } => ().into_any(),
        }).collect_view()
    };
    let active = move || {
        params.with(|p| {
            !p.options.is_empty()
                || p.min.is_some()
                || p.max.is_some()
                || p.in_stock
                || (with_collections && p.collection.is_some())
        })
    };
    view! {
        <aside class="dhow-facets" part="facets" aria-label=move || i18n.t("filter-title")>
            <h2 class="dhow-facets__title">{move || i18n.t("filter-title")}</h2>
            {groups}
            <Show when=active>
                <button type="button" class="dhow-link-button" on:click=move |_| change(Box::new(move |p| {
                    p.options.clear();
                    p.min = None;
                    p.max = None;
                    p.in_stock = false;
                    if with_collections {
                        p.collection = None;
                    }
                }))>{move || i18n.t("filter-clear")}</button>
            </Show>
        </aside>
    }
}

/// One value of a facet: a checkbox with the value and how many products have it.
#[component]
fn FacetValueCheckbox(
    label: String,
    count: u32,
    #[prop(into)] checked: Signal<bool>,
    on_toggle: Callback<()>,
) -> impl IntoView {
    view! {
        <label class="dhow-facets__value">
            <input type="checkbox" checked=move || checked.get() prop:checked=checked on:change=move |_| on_toggle.run(())/>
            <span>{label}</span>
            <span class="dhow-facets__count">{count}</span>
        </label>
    }
}
