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
    let allow_functional = RwSignal::new(false);
    let allow_analytics = RwSignal::new(false);
    let allow_marketing = RwSignal::new(false);
    let manage = move || {
        let now = current();
        allow_functional.set(now.functional);
        allow_analytics.set(now.analytics);
        allow_marketing.set(now.marketing);
        managing.set(true);
    };
    let save = move || {
        analytics.choose(Consent {
            functional: allow_functional.get_untracked(),
            analytics: allow_analytics.get_untracked(),
            marketing: allow_marketing.get_untracked(),
        });
        managing.set(false);
    };
    // Drawn again when the banner opens or the language changes: the texts are plain strings,
    // so the banner costs a few view types, not one per text. "Manage" only adds the categories
    // and relabels its button, so keyboard focus stays on it.
    let banner = move || {
        if !analytics.banner_open.get() {
            return None;
        }
        let t = move |key: &str| i18n.t(key);
        let category = move |label: &str, text: &str, input: AnyView| {
            view! {
                <label class="dhow-consent__category">
                    {input}
                    <span><strong>{t(label)}</strong>" "{t(text)}</span>
                </label>
            }
        };
        let categories = move || {
            managing.get().then(|| {
            view! {
                <fieldset class="dhow-consent__categories">
                    {category("consent-necessary", "consent-necessary-text",
                        view! { <input type="checkbox" checked disabled/> }.into_any())}
                    {category("consent-functional", "consent-functional-text",
                        view! { <input type="checkbox" prop:checked=allow_functional.get_untracked()
                            on:change=move |ev| allow_functional.set(event_target_checked(&ev))/> }.into_any())}
                    {category("consent-analytics", "consent-analytics-text",
                        view! { <input type="checkbox" prop:checked=allow_analytics.get_untracked()
                            on:change=move |ev| allow_analytics.set(event_target_checked(&ev))/> }.into_any())}
                    {category("consent-marketing", "consent-marketing-text",
                        view! { <input type="checkbox" prop:checked=allow_marketing.get_untracked()
                            on:change=move |ev| allow_marketing.set(event_target_checked(&ev))/> }.into_any())}
                </fieldset>
            }
        })
        };
        let last_label = move || {
            t(if managing.get() {
                "consent-save"
            } else {
                "consent-manage"
            })
        };
        let last_action = move || {
            if managing.get_untracked() {
                save();
            } else {
                manage();
            }
        };
        Some(view! {
            <section class="dhow-consent" part="consent-banner" role="region"
                aria-labelledby="dhow-consent-title">
                <h2 id="dhow-consent-title" class="dhow-consent__title">{t("consent-title")}</h2>
                <p class="dhow-consent__text">{t("consent-text")}</p>
                {categories}
                <div class="dhow-consent__actions">
                    <button type="button" class="dhow-button" on:click=move |_| analytics.choose(Consent::ALL)>
                        {t("consent-accept-all")}
                    </button>
                    <button type="button" class="dhow-button" on:click=move |_| analytics.choose(Consent::NONE)>
                        {t("consent-reject-all")}
                    </button>
                    <button type="button" class="dhow-button dhow-button--secondary" on:click=move |_| last_action()>
                        {last_label}
                    </button>
                </div>
            </section>
        })
    };
    Some(banner)
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
