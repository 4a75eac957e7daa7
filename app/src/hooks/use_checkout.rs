//! `use_checkout()`: the checkout's state and actions — which step the shopper is on, what the
//! backend refused, what is on its way — for the checkout's step components or markup of your own.

use dhow_sdk::address::Address;
use dhow_sdk::model::{CardDetails, CheckoutState, Order, ShippingOption};
use dhow_sdk::{Backend, Error, FieldError, ShippingOptionId};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::hooks::{UseCart, UseMarket, use_cart, use_market};
use crate::i18n::{I18n, use_i18n};
use crate::store::{StoreContext, use_store};
pub use step::{CheckoutEvent, CheckoutStep};

mod step;

/// The details step's answer: contact and addresses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckoutDetails {
    /// Where the confirmation goes.
    pub email: String,
    /// Where to ship (in the market's country).
    pub shipping_address: Address,
    /// Where to bill, when not the shipping address (any country).
    pub billing_address: Option<Address>,
}

/// Options of [`use_checkout_with_options`].
#[derive(Clone, Copy, Default)]
pub struct UseCheckoutOptions {
    /// Called once with the order when it is placed, or when the cart turns out to be ordered
    /// already (another tab placed it, or the answer to placing it was lost).
    pub on_placed: Option<Callback<Order>>,
}

/// What the checkout hook gives: read-only state, and the actions as methods. It is `Copy`:
/// move it into as many closures as need it. The state is the read halves of the hook's own
/// signals and memos rather than `Signal`s: a `Signal<T>` per type is generic code of its own in
/// the wasm (about 6 KB brotli for these nine).
#[derive(Clone, Copy)]
pub struct UseCheckoutReturn {
    /// The step the shopper is on.
    pub step: ReadSignal<CheckoutStep>,
    /// The cart's checkout state as last read (`None` while there is no cart).
    pub cart_state: Memo<Option<CheckoutState>>,
    /// Refused fields of the contact, the shipping address and the card, by field name.
    pub errors: ReadSignal<Vec<FieldError>>,
    /// Refused fields of the billing address (its field names are the shipping address's, so
    /// they are kept apart).
    pub billing_errors: ReadSignal<Vec<FieldError>>,
    /// A message about the whole checkout (declined card, sold out, unreachable store).
    pub notice: ReadSignal<Option<String>>,
    /// Whether a step's request is on its way: its button waits.
    pub busy: ReadSignal<bool>,
    /// The ways to ship to the address given, once it is saved.
    pub shipping_options: ReadSignal<Vec<ShippingOption>>,
    /// The shipping option the cart holds.
    pub chosen_shipping: Memo<Option<ShippingOptionId>>,
    /// The order, once placed.
    pub order: ReadSignal<Option<Order>>,
    state: State,
    cart: UseCart,
    market: UseMarket,
    store: StoreContext,
    i18n: I18n,
    on_placed: Option<Callback<Order>>,
    analytics: Option<crate::analytics::Analytics>,
}

/// The writable side of the hook's state, kept inside it.
#[derive(Clone, Copy)]
struct State {
    step: RwSignal<CheckoutStep>,
    errors: RwSignal<Vec<FieldError>>,
    billing_errors: RwSignal<Vec<FieldError>>,
    notice: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
    options: RwSignal<Vec<ShippingOption>>,
    order: RwSignal<Option<Order>>,
}

impl UseCheckoutReturn {
    /// Saves contact and addresses (moving the cart to this page's market first), then reads
    /// the ways to ship and chooses the first when the cart holds none; on success the step is
    /// [`CheckoutStep::Shipping`], else the refused fields are in `errors` and `billing_errors`.
    pub fn submit_details(&self, details: CheckoutDetails) {
        let (this, state, cart) = (*self, self.state, self.cart);
        state.errors.set(Vec::new());
        state.billing_errors.set(Vec::new());
        state.notice.set(None);
        state.busy.set(true);
        let CheckoutDetails {
            email,
            shipping_address,
            billing_address,
        } = details;
        spawn_local(async move {
            // A cart another tab moved to its market comes back to this page's market first:
            // the address is for this market's country.
            if let Err(e) = cart.move_to(&this.market.market.get_untracked()).await {
                this.show_error(e);
                state.busy.try_set(false);
                return;
            }
            let contact = cart
                .update(move |s, id| async move { s.backend.set_email(&id, email.trim()).await })
                .await;
            let shipping = cart
                .update(move |s, id| async move {
                    s.backend.set_shipping_address(&id, &shipping_address).await
                })
                .await;
            let bill = cart
                .update(move |s, id| async move {
                    s.backend
                        .set_billing_address(&id, billing_address.as_ref())
                        .await
                })
                .await;
            let mut fields = Vec::new();
            let mut other = None;
            for result in [contact.err(), shipping.err()].into_iter().flatten() {
                match result {
                    Error::InvalidInput { fields: f } => fields.extend(f),
                    e => other = Some(e),
                }
            }
            let mut bill_fields = Vec::new();
            match bill {
                Err(Error::InvalidInput { fields: f }) => bill_fields = f,
                Err(e) => other = Some(e),
                Ok(_) => {}
            }
            if let Some(e) = other {
                this.show_error(e);
            } else if !fields.is_empty() || !bill_fields.is_empty() {
                state.errors.try_set(fields);
                state.billing_errors.try_set(bill_fields);
            } else if let Some(id) = cart
                .cart
                .with_untracked(|c| c.as_ref().map(|c| c.id.clone()))
            {
                match this.store.store().backend.shipping_options(&id).await {
                    Ok(list) => {
                        let first = list.first().map(|o| o.id.clone());
                        state.options.try_set(list);
                        if this.chosen_shipping.get_untracked().is_none()
                            && let Some(first) = first
                        {
                            this.choose(first).await;
                        }
                        this.advance(CheckoutEvent::DetailsSaved);
                    }
                    Err(e) => this.show_error(e),
                }
            }
            state.busy.try_set(false);
        });
    }

    /// Chooses a way to ship. When the backend does not take it, the choices are drawn again
    /// from the cart, which kept its option.
    pub fn choose_shipping(&self, option: ShippingOptionId) {
        let this = *self;
        this.state.notice.set(None);
        spawn_local(async move {
            if !this.choose(option).await {
                // The browser keeps the clicked radio checked: draw the choices again.
                this.state.options.try_update(|_| {});
            }
        });
    }

    /// Goes on from the shipping choice to the payment.
    pub fn continue_to_payment(&self) {
        // An error from an earlier step is not this step's.
        self.state.notice.set(None);
        let chosen = self.chosen_shipping.get_untracked();
        let tier = self.state.options.with_untracked(|options| {
            options
                .iter()
                .find(|o| Some(&o.id) == chosen.as_ref())
                .map(|o| o.name.clone())
        });
        self.report(
            dhow_sdk::analytics::EventName::AddShippingInfo,
            tier.map(|t| ("shipping_tier", t)),
        );
        self.advance(CheckoutEvent::ShippingConfirmed);
    }

    /// Goes back to `step` to change it, while the cart is open.
    pub fn edit(&self, step: CheckoutStep) {
        self.advance(CheckoutEvent::Edit(step));
    }

    /// Places the order, paying with `card` unless the cart is paid already (see
    /// [`UseCart::place_order`]). On success the step is [`CheckoutStep::Placed`] and the
    /// `on_placed` option is called.
    pub fn place_order(&self, card: CardDetails) {
        let (this, state) = (*self, self.state);
        state.errors.set(Vec::new());
        state.notice.set(None);
        state.busy.set(true);
        this.report(
            dhow_sdk::analytics::EventName::AddPaymentInfo,
            Some(("payment_type", "card".to_owned())),
        );
        spawn_local(async move {
            // The cart context places the order and keeps it: the checkout may be gone by the
            // time the backend answers (the shopper navigated away), and then only what is
            // still here is told.
            let result = this.cart.place_order(Some(card)).await;
            state.busy.try_set(false);
            match result {
                Ok(order) => this.take_order(order),
                Err(e) => this.show_error(e),
            }
        });
    }

    /// A checkout event about the whole cart, with one more parameter when given.
    fn report(&self, name: dhow_sdk::analytics::EventName, param: Option<(&'static str, String)>) {
        let Some(analytics) = self.analytics else {
            return;
        };
        self.cart.cart.with_untracked(|cart| {
            if let Some(cart) = cart.as_ref().filter(|c| !c.lines.is_empty()) {
                let mut event = dhow_sdk::analytics::Event::for_cart(name, cart);
                if let Some((key, value)) = param {
                    event = event.text(key, value);
                }
                analytics.track(event);
            }
        });
    }

    /// Moves the step by `event` (nothing when the checkout is gone).
    fn advance(&self, event: CheckoutEvent) {
        let step = self.state.step;
        if let Some(now) = step.try_get_untracked() {
            let next = now.next(event);
            if next != now {
                step.set(next);
            }
        }
    }

    /// Takes a placed order once, however it was learnt: the answer to placing it, or the cart
    /// context finding the cart completed. `on_placed` is called even when the checkout is gone
    /// by then (closed or left while the backend worked): whoever gave it is told.
    fn take_order(&self, order: Order) {
        let known = self
            .state
            .order
            .try_with_untracked(|o| o.as_ref().is_some_and(|o| o.number == order.number));
        if known == Some(true) {
            return;
        }
        self.advance(CheckoutEvent::OrderPlaced);
        self.state.order.try_set(Some(order.clone()));
        if let Some(on_placed) = self.on_placed {
            on_placed.try_run(order);
        }
    }

    /// Chooses a shipping option for the cart; returns whether the backend took it.
    async fn choose(&self, option: ShippingOptionId) -> bool {
        let result = self
            .cart
            .update(move |s, id| async move { s.backend.set_shipping_option(&id, &option).await })
            .await;
        match result {
            Ok(_) => true,
            Err(e) => {
                self.show_error(e);
                false
            }
        }
    }

    /// Shows an error where the shopper can act on it: beside its fields, or above the steps.
    fn show_error(&self, error: Error) {
        let (i18n, state) = (self.i18n, self.state);
        match error {
            Error::InvalidInput { fields } => {
                state.errors.try_set(fields);
            }
            Error::PaymentDeclined { .. } => {
                state.notice.try_set(Some(i18n.t("payment-declined")));
            }
            Error::OutOfStock { .. } => {
                state.notice.try_set(Some(i18n.t("checkout-out-of-stock")));
            }
            e if e.is_retryable() => {
                state.notice.try_set(Some(i18n.t("error-unreachable")));
            }
            _ => {
                state.notice.try_set(Some(i18n.t("error-generic")));
            }
        }
    }
}

/// The checkout of the storefront's cart, starting at its first step, or where the cart's
/// checkout state says it is. Call it in a component rendered inside the storefront (or an
/// embedded Dhow element); it panics elsewhere.
///
/// ```
/// use dhow_app::hooks::{CheckoutStep, use_checkout};
/// use dhow_app::i18n::use_i18n;
/// use leptos::prelude::*;
///
/// /// A progress line of your own above the checkout: "2 / 3".
/// #[component]
/// fn MyCheckoutProgress() -> impl IntoView {
///     let checkout = use_checkout();
///     let i18n = use_i18n();
///     let number = move || match checkout.step.get() {
///         CheckoutStep::Details => 1,
///         CheckoutStep::Shipping => 2,
///         _ => 3,
///     };
///     view! {
///         <p aria-busy=move || checkout.busy.get().to_string()>
///             {move || format!("{} {} / 3", i18n.t("checkout-title"), number())}
///         </p>
///     }
/// }
/// ```
pub fn use_checkout() -> UseCheckoutReturn {
    use_checkout_with_options(UseCheckoutOptions::default())
}

/// [`use_checkout`] with options: what to do with the placed order.
pub fn use_checkout_with_options(options: UseCheckoutOptions) -> UseCheckoutReturn {
    let cart = use_cart();
    let state = State {
        step: RwSignal::new(CheckoutStep::Details),
        errors: RwSignal::new(Vec::new()),
        billing_errors: RwSignal::new(Vec::new()),
        notice: RwSignal::new(None),
        busy: RwSignal::new(false),
        options: RwSignal::new(Vec::new()),
        order: RwSignal::new(None),
    };
    let cart_state = Memo::new(move |_| cart.cart.with(|c| c.as_ref().map(|c| c.state.clone())));
    let checkout = UseCheckoutReturn {
        step: state.step.read_only(),
        cart_state,
        errors: state.errors.read_only(),
        billing_errors: state.billing_errors.read_only(),
        notice: state.notice.read_only(),
        busy: state.busy.read_only(),
        shipping_options: state.options.read_only(),
        chosen_shipping: Memo::new(move |_| {
            cart.cart
                .with(|c| c.as_ref().and_then(|c| c.shipping_option.clone()))
        }),
        order: state.order.read_only(),
        state,
        cart,
        market: use_market(),
        store: use_store(),
        i18n: use_i18n(),
        on_placed: options.on_placed,
        analytics: crate::analytics::use_analytics(),
    };

    crate::analytics::track_cart_once(cart.cart, dhow_sdk::analytics::EventName::BeginCheckout);

    // The cart's checkout state moves the step: a paid cart (a reload after paying) goes to
    // placing the order; a cart that becomes open again goes back to paying.
    Effect::new(move |_| {
        let Some(now) = cart_state.get() else {
            return;
        };
        let before = state.step.get_untracked();
        checkout.advance(CheckoutEvent::CartState(now));
        if before != CheckoutStep::Paid
            && state.step.get_untracked() == CheckoutStep::Paid
            && state.options.with_untracked(Vec::is_empty)
        {
            // Only for the recap of the shipping step: placing the order does not need the
            // options, so a failure to read them leaves the recap empty and says nothing.
            spawn_local(async move {
                let id = cart
                    .cart
                    .with_untracked(|c| c.as_ref().map(|c| c.id.clone()));
                if let Some(id) = id
                    && let Ok(list) = checkout.store.store().backend.shipping_options(&id).await
                {
                    state.options.try_set(list);
                }
            });
        }
    });

    // A completed cart never reaches the cart signal: the cart context takes its order and
    // starts a new cart. An order it takes while this checkout is open (a reload found the
    // cart completed, or another tab placed it) is this checkout's order.
    let before = cart
        .placed
        .with_untracked(|o| o.as_ref().map(|o| o.number.clone()));
    Effect::new(move |_| {
        let placed = cart.placed.get();
        if let Some(order) = placed.filter(|o| Some(&o.number) != before.as_ref()) {
            checkout.advance(CheckoutEvent::CartState(CheckoutState::Completed {
                order: Some(order.number.clone()),
            }));
            checkout.take_order(order);
        }
    });
    checkout
}
