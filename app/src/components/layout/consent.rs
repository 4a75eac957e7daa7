//! `<ConsentBanner>`: asks what the shopper allows ("Accept all", "Reject all", "Manage" with
//! categories), and `<PrivacySettingsLink>`, the footer's way back to it. Shown only when the store
//! sends analytics; never in a prerendered page.

use dhow_sdk::analytics::consent::Consent;
use leptos::prelude::*;

use crate::analytics::use_analytics;
use crate::i18n::use_i18n;

/// The consent banner: a region at the bottom of the window, over the page (it moves nothing).
/// "Manage" shows the categories with their current state; "Save choices" keeps them.
#[component]
pub fn ConsentBanner() -> impl IntoView {
    let analytics = use_analytics()?;
    let i18n = use_i18n();
    let managing = RwSignal::new(false);
    let current = move || analytics.choice.get_untracked().unwrap_or(Consent::NONE);
    let allow_analytics = RwSignal::new(false);
    let allow_marketing = RwSignal::new(false);
    let manage = move |_| {
        let now = current();
        allow_analytics.set(now.analytics);
        allow_marketing.set(now.marketing);
        managing.set(true);
    };
    let save = move |_| {
        analytics.choose(Consent {
            analytics: allow_analytics.get_untracked(),
            marketing: allow_marketing.get_untracked(),
        });
        managing.set(false);
    };
    Some(view! {
        <Show when=move || analytics.banner_open.get()>
            <section class="dhow-consent" part="consent-banner" role="region"
                aria-labelledby="dhow-consent-title">
                <h2 id="dhow-consent-title" class="dhow-consent__title">{move || i18n.t("consent-title")}</h2>
                <p class="dhow-consent__text">{move || i18n.t("consent-text")}</p>
                <Show when=move || managing.get()>
                    <fieldset class="dhow-consent__categories">
                        <label class="dhow-consent__category">
                            <input type="checkbox" checked disabled/>
                            <span><strong>{move || i18n.t("consent-necessary")}</strong>" "
                                {move || i18n.t("consent-necessary-text")}</span>
                        </label>
                        <label class="dhow-consent__category">
                            <input type="checkbox" prop:checked=move || allow_analytics.get()
                                on:change=move |ev| allow_analytics.set(event_target_checked(&ev))/>
                            <span><strong>{move || i18n.t("consent-analytics")}</strong>" "
                                {move || i18n.t("consent-analytics-text")}</span>
                        </label>
                        <label class="dhow-consent__category">
                            <input type="checkbox" prop:checked=move || allow_marketing.get()
                                on:change=move |ev| allow_marketing.set(event_target_checked(&ev))/>
                            <span><strong>{move || i18n.t("consent-marketing")}</strong>" "
                                {move || i18n.t("consent-marketing-text")}</span>
                        </label>
                    </fieldset>
                </Show>
                <div class="dhow-consent__actions">
                    <button type="button" class="dhow-button" on:click=move |_| analytics.choose(Consent::ALL)>
                        {move || i18n.t("consent-accept-all")}
                    </button>
                    <button type="button" class="dhow-button" on:click=move |_| analytics.choose(Consent::NONE)>
                        {move || i18n.t("consent-reject-all")}
                    </button>
                    {move || if managing.get() {
                        view! {
                            <button type="button" class="dhow-button dhow-button--secondary" on:click=save>
                                {move || i18n.t("consent-save")}
                            </button>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" class="dhow-button dhow-button--secondary" on:click=manage>
                                {move || i18n.t("consent-manage")}
                            </button>
                        }.into_any()
                    }}
                </div>
            </section>
        </Show>
    })
}

/// "Privacy settings": reopens the banner with the categories shown. Rendered (as a button)
/// only after the first render and only when the store sends analytics, so a prerendered footer
/// stays the same for every store.
#[component]
pub fn PrivacySettingsLink() -> impl IntoView {
    let analytics = use_analytics();
    let i18n = use_i18n();
    let mounted = RwSignal::new(false);
    Effect::new(move |_| mounted.set(true));
    move || {
        let analytics = analytics.filter(|a| mounted.get() && a.enabled())?;
        Some(view! {
            <button type="button" class="dhow-footer__privacy" on:click=move |_| analytics.banner_open.set(true)>
                {move || i18n.t("privacy-settings")}
            </button>
        })
    }
}
