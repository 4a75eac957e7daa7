//! `<DetailsStep>`: the checkout's first step — email, the shipping address in the market's
//! country, and a billing address when it differs — and what the shopper typed in it.

use dhow_sdk::account::{Accounts, AddressDefaults, SavedAddress};
use dhow_sdk::address::{Address, CountryCode};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{AddressDraft, AddressForm, BillingAddress, problem_message};
use crate::format::region_name;
use crate::hooks::{
    CheckoutDetails, CheckoutStep, UseAccount, UseCart, UseCheckoutReturn, use_market,
};
use crate::i18n::use_i18n;

/// What the shopper has typed in the details step. The checkout keeps it above its steps, so
/// it outlives their markup; the shopper writes it, the checkout reads it when submitted.
#[derive(Clone, Copy)]
pub struct DetailsDraft {
    /// The email as typed.
    pub email: RwSignal<String>,
    /// The shipping address as typed.
    pub shipping: RwSignal<AddressDraft>,
    /// Whether the bill goes to the shipping address (else to `billing`).
    pub bill_to_shipping: RwSignal<bool>,
    /// The billing address as typed.
    pub billing: RwSignal<AddressDraft>,
    /// The billing address's country, once the shopper chose one (else the market's).
    pub billing_country: RwSignal<Option<CountryCode>>,
    /// Whether a signed-in customer keeps the shipping address in the address book.
    pub save_address: RwSignal<bool>,
    /// Whether the draft was filled from the cart (what the account fills waits for it).
    loaded: RwSignal<bool>,
}

impl DetailsDraft {
    /// An empty draft, filled once from what `cart` already holds (a reload mid-checkout).
    pub fn from_cart(cart: UseCart) -> DetailsDraft {
        let draft = DetailsDraft {
            email: RwSignal::new(String::new()),
            shipping: RwSignal::new(AddressDraft::default()),
            // Billing: the shipping address unless the shopper gives another, in any country.
            bill_to_shipping: RwSignal::new(true),
            billing: RwSignal::new(AddressDraft::default()),
            billing_country: RwSignal::new(None),
            save_address: RwSignal::new(false),
            loaded: RwSignal::new(false),
        };
        Effect::new(move |_| {
            if draft.loaded.get_untracked() {
                return;
            }
            cart.cart.with(|c| {
                if let Some(c) = c {
                    draft.loaded.set(true);
                    if let Some(e) = &c.email {
                        draft.email.set(e.clone());
                    }
                    if let Some(a) = &c.shipping_address {
                        draft.shipping.set(AddressDraft::from_address(a));
                    }
                    if let Some(a) = &c.billing_address {
                        draft.bill_to_shipping.set(false);
                        draft.billing_country.set(Some(a.country));
                        draft.billing.set(AddressDraft::from_address(a));
                    }
                }
            });
        });
        draft
    }

    /// Fills what the cart left empty from the signed-in customer's account: the email, the
    /// default shipping address when it is in `country` (else the first address there), and the
    /// default billing address when it is another. Everything stays editable.
    pub fn fill_from_account(&self, country: Signal<CountryCode>) {
        let Some(account) = use_context::<UseAccount>() else {
            return;
        };
        let draft = *self;
        let done = StoredValue::new(false);
        Effect::new(move |_| {
            let Some(customer) = account.customer() else {
                return;
            };
            if !draft.loaded.get() || done.get_value() {
                return;
            }
            done.set_value(true);
            if draft.email.with_untracked(|e| e.trim().is_empty()) {
                draft.email.set(customer.email);
            }
            let empty = draft
                .shipping
                .with_untracked(|d| d.0.values().all(|v| v.trim().is_empty()));
            if !empty {
                return;
            }
            let country = country.get_untracked();
            spawn_local(async move {
                let Ok(book) = account.store().backend.addresses().await else {
                    return;
                };
                let there = |a: &&SavedAddress| a.address.country == country;
                let shipping = book
                    .iter()
                    .filter(there)
                    .find(|a| a.default_shipping)
                    .or_else(|| book.iter().find(there));
                if let Some(chosen) = shipping {
                    draft
                        .shipping
                        .try_set(AddressDraft::from_address(&chosen.address));
                }
                let billing = book
                    .iter()
                    .find(|a| a.default_billing)
                    .filter(|b| shipping.is_none_or(|s| s.id != b.id));
                if let Some(billing) = billing
                    && draft.bill_to_shipping.get_untracked()
                {
                    draft.bill_to_shipping.try_set(false);
                    draft.billing_country.try_set(Some(billing.address.country));
                    draft
                        .billing
                        .try_set(AddressDraft::from_address(&billing.address));
                }
            });
        });
    }

    /// The contact and addresses as typed, the shipping address in `country` (untracked).
    pub fn details(&self, country: CountryCode) -> CheckoutDetails {
        let billing_address = (!self.bill_to_shipping.get_untracked()).then(|| {
            let billing_country = self.billing_country.get_untracked().unwrap_or(country);
            self.billing.get_untracked().to_address(billing_country)
        });
        CheckoutDetails {
            email: self.email.get_untracked(),
            shipping_address: self.shipping.get_untracked().to_address(country),
            billing_address,
        }
    }
}

/// Email and addresses; once saved, a line that recalls them with an "Edit" button.
#[component]
pub fn DetailsStep(
    /// The checkout this step belongs to.
    checkout: UseCheckoutReturn,
    /// What the shopper typed.
    draft: DetailsDraft,
) -> impl IntoView {
    let i18n = use_i18n();
    let market = use_market();
    let country = Signal::derive(move || market.market.with(|m| m.country));
    let country_name = move || region_name(&i18n.locale(), country.get().as_str());
    let email_error = move || {
        checkout.errors.with(|l| {
            l.iter()
                .find(|e| e.field == "email")
                .map(|e| problem_message(i18n, &e.problem))
        })
    };
    let account = use_context::<UseAccount>();
    draft.fill_from_account(country);
    // The address to keep in the address book once the step is accepted.
    let to_save = StoredValue::new(None::<Address>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let details = draft.details(country.get_untracked());
        let signed_in = account.is_some_and(|a| a.customer().is_some());
        to_save.set_value(
            (signed_in && draft.save_address.get_untracked())
                .then(|| details.shipping_address.clone()),
        );
        checkout.submit_details(details);
    };
    let step = checkout.step;
    let email = draft.email;
    if let Some(account) = account {
        Effect::new(move |_| {
            if step.get() == CheckoutStep::Details {
                return;
            }
            let Some(address) = to_save.try_update_value(Option::take).flatten() else {
                return;
            };
            draft.save_address.set(false);
            spawn_local(async move { save_to_book(account, address).await });
        });
    }

    view! {
        <form class="dhow-step" on:submit=submit novalidate=true
            aria-labelledby="step-details">
            <h2 id="step-details">{move || i18n.t("checkout-details")}</h2>
            <Show when=move || step.get() == CheckoutStep::Details fallback=move || view! {
                <div class="dhow-step__done">
                    <p>{move || email.get()}</p>
                    <p>{move || {
                        let a = draft.shipping.get().to_address(country.get());
                        format!("{} {}, {}, {}", a.first_name, a.last_name, a.line1, a.city)
                    }}</p>
                    <Show when=move || step.get().can_edit()>
                        <button type="button" class="dhow-link-button"
                            on:click=move |_| checkout.edit(CheckoutStep::Details)>{move || i18n.t("checkout-edit")}</button>
                    </Show>
                </div>
            }>
                <div class="dhow-field" data-field="email">
                    <label for="checkout-email">{move || i18n.t("checkout-email")}</label>
                    <input id="checkout-email" type="email" autocomplete="email" required=true
                        aria-invalid=move || email_error().is_some().to_string()
                        aria-describedby="checkout-email-error"
                        prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))/>
                    <span id="checkout-email-error" class="dhow-field-error">{email_error}</span>
                </div>
                <p class="dhow-checkout__country">
                    {move || i18n.t_with("checkout-shipping-to", &[("country", country_name().into())])}
                </p>
                <AddressForm country=country draft=draft.shipping errors=checkout.errors/>
                {move || account.filter(|a| a.customer().is_some()).map(|_| view! {
                    <label class="dhow-checkbox">
                        <input type="checkbox" prop:checked=move || draft.save_address.get()
                            on:change=move |ev| draft.save_address.set(event_target_checked(&ev))/>
                        <span>{move || i18n.t("account-save-address")}</span>
                    </label>
                })}
                <BillingAddress
                    bill_to_shipping=draft.bill_to_shipping
                    draft=draft.billing
                    country=draft.billing_country
                    shipping_country=country
                    errors=checkout.billing_errors/>
                <button type="submit" class="dhow-button" disabled=move || checkout.busy.get()>
                    {move || i18n.t("checkout-continue-shipping")}
                </button>
            </Show>
        </form>
    }
}

/// Adds `address` to the signed-in customer's book unless it is there already. The checkout
/// goes on whatever happens: the address is on the order either way.
async fn save_to_book(account: UseAccount, address: Address) {
    let backend = &account.store().backend;
    let Ok(book) = backend.addresses().await else {
        return;
    };
    if book.iter().any(|saved| saved.address == address) {
        return;
    }
    let _ = backend
        .add_address(&address, AddressDefaults::default())
        .await;
}
