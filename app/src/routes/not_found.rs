//! The page for routes that do not exist.

use leptos::prelude::*;

use crate::head::{PageMeta, use_page_meta};
use crate::i18n::use_i18n;

/// A real not-found page with a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    use_page_meta(move || PageMeta {
        title: i18n.t("not-found-title"),
        description: i18n.t("not-found-body"),
        ..PageMeta::default()
    });
    view! {
        <section class="dhow-section dhow-not-found">
            <h1 class="dhow-section__title">{move || i18n.t("not-found-title")}</h1>
            <p>{move || i18n.t("not-found-body")}</p>
            <a class="dhow-button" href="/">{move || i18n.t("not-found-home")}</a>
        </section>
    }
}
