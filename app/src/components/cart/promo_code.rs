//! `<PromoCode>`: enter a discount code; see why a code was refused; remove applied codes.

use dhow_sdk::{Error, PromotionRejection};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::format::format_money;
use crate::hooks::use_cart;
use crate::i18n::use_i18n;

/// The message key for a refused code.
fn rejection_key(reason: PromotionRejection) -> &'static str {
    match reason {
        PromotionRejection::Unknown => "promo-unknown",
        PromotionRejection::Expired => "promo-expired",
        PromotionRejection::UsedUp => "promo-used-up",
        PromotionRejection::MinimumNotReached => "promo-minimum",
        PromotionRejection::NotInMarket => "promo-not-in-market",
        PromotionRejection::AlreadyApplied => "promo-already-applied",
        PromotionRejection::NotCombinable => "promo-not-combinable",
        _ => "promo-unknown",
    }
}

/// The discount code form and the codes applied.
#[component]
pub fn PromoCode() -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let code = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let analytics = crate::analytics::use_analytics();
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let entered = code.get_untracked().trim().to_owned();
        if entered.is_empty() {
            message.set(Some(i18n.t("promo-empty")));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let typed = entered.clone();
            let result = cart
                .update(move |store, id| async move {
                    use dhow_sdk::Backend;
                    store.backend.apply_discount(&id, &typed).await
                })
                .await;
            busy.set(false);
            match result {
                Ok(cart) => {
                    code.set(String::new());
                    message.set(None);
                    // The code as the backend applied it (its own spelling), as the promotion.
                    let applied = cart
                        .discounts
                        .iter()
                        .find(|d| d.code.eq_ignore_ascii_case(&entered))
                        .map_or(entered, |d| d.code.clone());
                    if let Some(analytics) = analytics {
                        let mut event = dhow_sdk::analytics::Event::for_cart(
                            dhow_sdk::analytics::EventName::SelectPromotion,
                            &cart,
                        );
                        event = event
                            .text("promotion_id", applied.clone())
                            .text("promotion_name", applied);
                        analytics.track(event);
                    }
                }
                Err(Error::PromotionRejected { reason, .. }) => {
                    message.set(Some(
                        i18n.t_with(rejection_key(reason), &[("code", entered.into())]),
                    ));
                }
                Err(_) => message.set(Some(i18n.t("error-generic"))),
            }
        });
    };
    let remove = move |applied: String| {
        spawn_local(async move {
            let result = cart
                .update(move |store, id| async move {
                    use dhow_sdk::Backend;
                    store.backend.remove_discount(&id, &applied).await
                })
                .await;
            if result.is_err() {
                message.set(Some(i18n.t("error-generic")));
            }
        });
    };
    let applied = move || {
        let locale = i18n.locale();
        cart.cart.with(|c| {
            c.as_ref().map(|c| c.discounts.clone()).unwrap_or_default()
        })
        .into_iter()
        .map(|d| {
            let amount = format_money(&locale, d.amount);
            let name = d.code.clone();
            view! {
                <li class="dhow-promo__applied">
                    <span class="dhow-promo__code">{d.code.clone()}</span>
                    <span>{if d.free_shipping { i18n.t("promo-free-shipping") } else { format!("−{amount}") }}</span>
                    <button type="button" class="dhow-link-button"
                        aria-label=i18n.t_with("promo-remove-code", &[("code", name.clone().into())])
                        on:click=move |_| remove(name.clone())>{i18n.t("cart-remove")}</button>
                </li>
            }
        })
        .collect_view()
    };
    view! {
        <div class="dhow-promo" part="promo-code">
            <form class="dhow-promo__form" on:submit=apply>
                <label for="dhow-promo-input">{move || i18n.t("promo-label")}</label>
                <div class="dhow-promo__row">
                    <input id="dhow-promo-input" type="text" autocomplete="off" autocapitalize="characters"
                        aria-describedby="dhow-promo-message"
                        prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))/>
                    <button type="submit" class="dhow-button dhow-button--secondary" disabled=move || busy.get()>
                        {move || i18n.t("promo-apply")}
                    </button>
                </div>
                <p id="dhow-promo-message" class="dhow-field-error" role="alert">{move || message.get()}</p>
            </form>
            <ul class="dhow-promo__list">{applied}</ul>
        </div>
    }
}
