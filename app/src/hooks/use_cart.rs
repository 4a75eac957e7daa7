//! `use_cart()`: the shopper's cart. Kept by id in browser storage (it survives reloads), in step
//! across tabs, updated optimistically with totals marked as estimates until the backend answers,
//! and rolled back with a message when an update fails. It places the order too, so that an
//! order placed while the shopper navigates away still ends in its confirmation.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use dhow_sdk::model::{Cart, CheckoutState, Order, PaymentInput, Product, Variant};
use dhow_sdk::{Backend, CartId, Error, LineId, Market, PaymentMethodId, Resource};
use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::analytics::{Analytics, use_analytics};
use crate::browser;
use crate::hooks::use_market;
use crate::routes::lazy::ChunkUnavailable;
use crate::store::{Store, use_store};
use estimate::{optimistic_add, optimistic_quantity};

mod estimate;

/// Where the cart's id is kept.
const CART_KEY: &str = "dhow.cart";
/// Written after every change so that other tabs reload the cart.
const SYNC_KEY: &str = "dhow.cart.sync";
/// The id a cart shown before the backend created it carries.
const PENDING_CART: &str = "pending";
/// Where the confirmation page finds the order just placed (this tab, until it closes).
pub const LAST_ORDER_KEY: &str = "dhow.order.last";

/// Something about the cart the shopper should know, shown at the top of every page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CartNotice {
    /// The browser keeps nothing (storage blocked or full): the cart lasts only as long as
    /// the page.
    NotKept,
    /// The saved cart could not be used (unreadable, or for a market no longer sold in); it
    /// was set aside and a new one started.
    SetAside,
    /// An order was placed (perhaps while the shopper was on another page).
    OrderPlaced {
        /// Its number.
        number: String,
    },
}

/// The cart context.
#[derive(Clone, Copy)]
pub struct UseCart {
    /// The cart as last known: the backend's answer, or an optimistic guess whose totals are
    /// marked as estimates. `None` before the shopper adds anything.
    pub cart: ReadSignal<Option<Cart>>,
    /// Requests in flight.
    pub pending: ReadSignal<u32>,
    /// Why the last update failed (it was rolled back); cleared by the next success.
    pub error: ReadSignal<Option<Error>>,
    /// Whether the cart drawer is open.
    pub drawer_open: RwSignal<bool>,
    /// What the shopper should be told about the cart, until dismissed.
    pub notice: RwSignal<Option<CartNotice>>,
    /// The order placed last in this page view: the checkout goes on to its confirmation.
    pub placed: ReadSignal<Option<Order>>,
    // The writable sides of the signals above: only the cart context changes them.
    set_cart: WriteSignal<Option<Cart>>,
    set_pending: WriteSignal<u32>,
    set_error: WriteSignal<Option<Error>>,
    set_placed: WriteSignal<Option<Order>>,
    store: StoredValue<Rc<Store>, LocalStorage>,
    market: Memo<dhow_sdk::Market>,
    issued: StoredValue<u64>,
    /// The cart as the backend last answered it: what a failed update rolls back to.
    confirmed: StoredValue<Option<Cart>, LocalStorage>,
    /// Runs the last update again when it failed for want of a connection.
    retry: StoredValue<Option<Rc<dyn Fn()>>, LocalStorage>,
    /// The last write queued: writes reach the backend one at a time, in the order the shopper
    /// made them, so a later answer always includes the earlier changes, and two quick first
    /// adds on a network backend create one cart, not two.
    last_write: StoredValue<Option<Shared<LocalBoxFuture<'static, ()>>>, LocalStorage>,
    /// Where confirmed changes and placed orders are reported.
    analytics: Option<Analytics>,
    /// Whether a customer is signed in: a new cart is then made the account's.
    signed_in: StoredValue<bool>,
}

impl UseCart {
    /// Items in the cart (sum of quantities), tracked.
    pub fn item_count(&self) -> u32 {
        self.cart.with(|c| c.as_ref().map_or(0, Cart::item_count))
    }

    /// Opens the cart drawer once the frame that shows the cart's latest change has painted:
    /// after an add, the shopper sees the new count at once, and opening the modal drawer (which
    /// makes the rest of the page inert and so restyles all of it) comes after that paint.
    pub fn open_drawer_after_paint(&self) {
        let open = self.drawer_open;
        request_animation_frame(move || {
            set_timeout(move || open.set(true), std::time::Duration::ZERO);
        });
    }

    /// Adds `quantity` of `variant`, showing it at once and confirming with the backend.
    pub fn add(&self, product: &Product, variant: &Variant, quantity: u32) {
        let variant_id = variant.id.clone();
        let (product, variant) = (product.clone(), variant.clone());
        if self.cart.with_untracked(Option::is_none) {
            // The first add shows at once too: on an empty cart in the market's currency that
            // the backend's answer replaces.
            self.set_cart
                .set(Some(pending_cart(&self.market.get_untracked())));
        }
        // Adding is not idempotent: when an attempt failed without an answer it may still have
        // reached the backend, so a retry first reads the cart and sends the add only if the
        // line does not hold it yet. The quantity wanted is fixed at the first attempt.
        let wanted = Rc::new(Cell::new(None::<u32>));
        let this = *self;
        self.mutate(
            move |cart| optimistic_add(cart, &product, &variant, quantity),
            move |store, id| {
                let wanted = wanted.clone();
                async move {
                    let held = |cart: &Cart| cart.line_for(&variant_id).map_or(0, |l| l.quantity);
                    match wanted.get() {
                        Some(target) => {
                            let current = store.backend.cart(&id).await?;
                            if held(&current) >= target {
                                return Ok(current);
                            }
                        }
                        None => {
                            let before = this
                                .confirmed
                                .with_value(|c| c.as_ref().filter(|c| c.id == id).map_or(0, held));
                            wanted.set(Some(before.saturating_add(quantity)));
                        }
                    }
                    store.backend.add_line(&id, &variant_id, quantity).await
                }
            },
        );
    }

    /// Sets a line's quantity (zero removes it).
    pub fn set_quantity(&self, line: LineId, quantity: u32) {
        let target = line.clone();
        self.mutate(
            move |cart| optimistic_quantity(cart, &target, quantity),
            move |store, id| async move { store.backend.update_line(&id, &line, quantity).await },
        );
    }

    /// Removes a line.
    pub fn remove(&self, line: LineId) {
        let target = line.clone();
        self.mutate(
            move |cart| optimistic_quantity(cart, &target, 0),
            move |store, id| async move { store.backend.remove_line(&id, &line).await },
        );
    }

    /// Runs a backend call on the cart and takes its answer; the error is returned for the
    /// caller to show beside its form (a rejected code, an address field).
    pub fn update<F, Fut>(&self, op: F) -> impl Future<Output = Result<Cart, Error>> + 'static
    where
        F: FnOnce(Rc<Store>, CartId) -> Fut + 'static,
        Fut: Future<Output = Result<Cart, Error>> + 'static,
    {
        let this = *self;
        async move {
            let result = this.call(op).await;
            if let Ok(cart) = &result {
                this.accept(cart.clone());
            }
            result
        }
    }

    /// Runs a backend call on the cart (creating the cart first if there is none yet).
    async fn call<F, Fut>(self, op: F) -> Result<Cart, Error>
    where
        F: FnOnce(Rc<Store>, CartId) -> Fut,
        Fut: Future<Output = Result<Cart, Error>>,
    {
        let store = self.store.get_value();
        self.set_pending.update(|n| *n += 1);
        let (done, finished) = futures::channel::oneshot::channel::<()>();
        let previous = self.last_write.get_value();
        self.last_write
            .set_value(Some(finished.map(|_| ()).boxed_local().shared()));
        if let Some(previous) = previous {
            previous.await;
        }
        let result = match self.ensure_cart(&store).await {
            Ok(id) => op(store, id).await,
            Err(error) => Err(error),
        };
        // Dropping the sender (or sending) lets the next write go.
        drop(done);
        self.set_pending.update(|n| *n = n.saturating_sub(1));
        result
    }

    /// The id of the saved cart, if there is one (not a cart still being created).
    pub fn saved_id(&self) -> Option<CartId> {
        browser::local_get(CART_KEY).map(CartId)
    }

    /// Says whether a customer is signed in, for the carts made from now on.
    pub fn set_signed_in(&self, signed_in: bool) {
        self.signed_in.set_value(signed_in);
    }

    /// Takes `cart` as the shopper's cart from now on (the account's after signing in), or
    /// forgets the cart when there is none.
    pub fn take(&self, cart: Option<Cart>) {
        match cart {
            Some(cart) => self.accept(cart),
            None => self.clear(),
        }
    }

    /// Forgets the cart (after its order was placed): the next add starts a new one.
    pub fn clear(&self) {
        browser::local_remove(CART_KEY);
        browser::local_set(SYNC_KEY, &browser::change_stamp());
        self.confirmed.set_value(None);
        self.retry.set_value(None);
        self.set_cart.set(None);
    }

    /// Takes a placed order: the cart is done, the confirmation page can show the order, and
    /// the shopper is told wherever they are.
    fn order_placed(&self, order: Order) {
        if let Ok(json) = serde_json::to_string(&order) {
            browser::session_set(LAST_ORDER_KEY, &json);
        }
        self.clear();
        self.notice.set(Some(CartNotice::OrderPlaced {
            number: order.number.clone(),
        }));
        self.set_placed.set(Some(order));
    }

    /// Places the order for the cart, doing only what is left of it by where the backend says
    /// the cart is: an open cart is paid with `payment` then completed; a paid one is only
    /// completed; a completed one gives its order. So a retry after a lost answer never pays
    /// twice and never leaves a paid order unseen. One tab at a time places an order.
    ///
    /// The order is taken by the cart context, not by the page that asked: navigating away
    /// meanwhile still ends in the order being shown (see [`UseCart::placed`]).
    pub async fn place_order(
        &self,
        card: Option<dhow_sdk::model::CardDetails>,
    ) -> Result<Order, Error> {
        let this = *self;
        let store = this.store.get_value();
        let id = this
            .cart
            .with_untracked(|c| c.as_ref().map(|c| c.id.clone()))
            .filter(|id| id.as_str() != PENDING_CART)
            .ok_or_else(|| Error::Conflict {
                message: "there is no cart to order".to_owned(),
            })?;
        this.set_pending.update(|n| *n += 1);
        let coupon = this
            .cart
            .with_untracked(|c| c.as_ref().and_then(dhow_sdk::analytics::coupon_of));
        let result = browser::with_lock("dhow.checkout", async {
            let backend = &store.backend;
            let current = backend.cart(&id).await?;
            if current.state == CheckoutState::Open {
                let method: PaymentMethodId = backend
                    .payment_methods(&id)
                    .await?
                    .into_iter()
                    .next()
                    .map(|m| m.id)
                    .ok_or_else(|| Error::Conflict {
                        message: "no payment method".to_owned(),
                    })?;
                backend.pay(&id, &PaymentInput { method, card }).await?;
            }
            backend.complete(&id).await
        })
        .await;
        this.set_pending.update(|n| *n = n.saturating_sub(1));
        if let Ok(order) = &result {
            if let Some(analytics) = this.analytics {
                analytics.track(dhow_sdk::analytics::Event::purchase(order, coupon));
            }
            this.order_placed(order.clone());
        }
        result
    }

    /// Reads the cart again from the backend (another tab changed it, or an update failed).
    pub fn reload(&self) {
        let this = *self;
        spawn_local(async move { this.load().await });
    }

    /// Reads the saved cart: what reloading does, awaited.
    async fn load(self) {
        let Some(id) = browser::local_get(CART_KEY) else {
            self.set_cart.set(None);
            return;
        };
        let id = CartId(id);
        let store = self.store.get_value();
        match store.backend.cart(&id).await {
            Ok(cart) if matches!(cart.state, CheckoutState::Completed { .. }) => {
                // Completed (the answer to placing it was lost, or another tab placed it): it
                // takes no more changes. Its order is shown and a new cart starts.
                match complete(store, id).await {
                    Ok(Ok(order)) => self.order_placed(order),
                    Ok(Err(_)) => self.clear(),
                    // The code that completes orders could not be fetched: the cart stays, so
                    // the next load (a retry, another page) shows its order.
                    Err(ChunkUnavailable) => self.load_failed(Error::Network {
                        message: "a part of the storefront could not be loaded".to_owned(),
                    }),
                }
            }
            Ok(cart) => {
                self.confirmed.set_value(Some(cart.clone()));
                self.set_cart.set(Some(cart));
            }
            Err(Error::NotFound { .. }) => self.forget(),
            Err(Error::SetAside { .. }) => {
                self.forget();
                self.notice.set(Some(CartNotice::SetAside));
            }
            Err(error) => self.load_failed(error),
        }
    }

    /// Shows why the saved cart could not be read. When trying again may help (no connection, a
    /// part of the storefront not fetched), "Try again" reads it again, unless a failed change
    /// is waiting to be sent again: its retry goes first, and its answer is the cart.
    fn load_failed(&self, error: Error) {
        if error.is_retryable() && self.retry.with_value(Option::is_none) {
            let this = *self;
            self.retry.set_value(Some(Rc::new(move || this.reload())));
        }
        self.set_error.set(Some(error));
    }

    /// Forgets a cart the backend no longer has: the next add starts a new one.
    fn forget(&self) {
        browser::local_remove(CART_KEY);
        self.confirmed.set_value(None);
        self.set_cart.set(None);
    }

    fn mutate<O, F, Fut>(&self, optimistic: O, op: F)
    where
        O: FnOnce(&mut Cart) -> bool + Clone + 'static,
        F: FnOnce(Rc<Store>, CartId) -> Fut + Clone + 'static,
        Fut: Future<Output = Result<Cart, Error>> + 'static,
    {
        self.mutate_once(optimistic, op, true);
    }

    /// [`UseCart::mutate`]; `fresh` allows one more try on a new cart when the saved one is gone.
    fn mutate_once<O, F, Fut>(&self, optimistic: O, op: F, fresh: bool)
    where
        O: FnOnce(&mut Cart) -> bool + Clone + 'static,
        F: FnOnce(Rc<Store>, CartId) -> Fut + Clone + 'static,
        Fut: Future<Output = Result<Cart, Error>> + 'static,
    {
        let redo = (optimistic.clone(), op.clone());
        self.set_cart.update(|cart| {
            if let Some(cart) = cart {
                optimistic(cart);
            }
        });
        let seq = self.issued.get_value() + 1;
        self.issued.set_value(seq);
        self.retry.set_value(None);
        let this = *self;
        spawn_local(async move {
            match this.call(op).await {
                Ok(cart) => {
                    this.confirmed.update_value(|before| {
                        report_changes(this.analytics, before.as_ref(), &cart);
                        *before = Some(cart.clone());
                    });
                    // A newer update is on its way: its answer wins, this one is not shown.
                    if this.issued.get_value() == seq {
                        this.accept(cart);
                        this.set_error.set(None);
                    }
                }
                Err(error @ (Error::SetAside { .. } | Error::NotFound { .. }))
                    if fresh && cart_gone(&error) =>
                {
                    // The saved cart is gone (set aside, or removed by the backend): the change
                    // goes to a new cart, once.
                    if matches!(error, Error::SetAside { .. }) {
                        this.notice.set(Some(CartNotice::SetAside));
                    }
                    this.forget();
                    let (optimistic, op) = redo;
                    this.mutate_once(optimistic, op, false);
                }
                Err(error) => {
                    // Back to what the backend last confirmed, so nothing shown is a guess.
                    if this.issued.get_value() == seq {
                        this.set_cart.set(this.confirmed.get_value());
                    }
                    if error.is_retryable() {
                        let retry: Rc<dyn Fn()> = Rc::new(move || {
                            let (optimistic, op) = redo.clone();
                            this.mutate_once(optimistic, op, fresh);
                        });
                        this.retry.set_value(Some(retry));
                    }
                    this.set_error.set(Some(error));
                    this.reload();
                }
            }
        });
    }

    /// Moves the cart to `market` unless it is there (re-priced in its currency).
    pub async fn move_to(&self, market: &Market) -> Result<(), Error> {
        let there = self.cart.with_untracked(|c| {
            c.as_ref()
                .is_none_or(|c| c.market == market.id || c.id.as_str() == PENDING_CART)
        });
        if there {
            return Ok(());
        }
        let target = market.clone();
        self.update(
            move |store, id| async move { store.backend.set_cart_market(&id, &target).await },
        )
        .await
        .map(|_| ())
    }

    /// Whether the last failed update can be tried again (the store could not be reached).
    pub fn can_retry(&self) -> bool {
        self.retry.with_value(Option::is_some)
    }

    /// Tries the last failed update again, as the shopper made it.
    pub fn retry(&self) {
        if let Some(retry) = self.retry.get_value() {
            self.set_error.set(None);
            retry();
        }
    }

    fn accept(&self, cart: Cart) {
        browser::local_set(CART_KEY, cart.id.as_str());
        browser::local_set(SYNC_KEY, &browser::change_stamp());
        self.confirmed.set_value(Some(cart.clone()));
        self.set_cart.set(Some(cart));
    }

    async fn ensure_cart(&self, store: &Store) -> Result<CartId, Error> {
        if let Some(id) = browser::local_get(CART_KEY) {
            return Ok(CartId(id));
        }
        // Tabs share the saved id: two first adds in two tabs must make one cart. Under the
        // lock, the id is read again (the other tab may have just created it).
        browser::with_lock("dhow.cart.create", async {
            if let Some(id) = browser::local_get(CART_KEY) {
                return Ok(CartId(id));
            }
            let market = self.market.get_untracked();
            let mut id = store.backend.create_cart(&market).await?.id;
            if self.signed_in.get_value() {
                // The signed-in customer's order must land in the account: the cart is theirs
                // from the start (a backend may answer with the account's own cart).
                id = dhow_sdk::account::Accounts::adopt_cart(&store.backend, &id)
                    .await?
                    .id;
            }
            // Only the id: the optimistic lines stay shown until the write that needed the cart
            // answers with the cart that holds them.
            browser::local_set(CART_KEY, id.as_str());
            Ok(id)
        })
        .await
    }
}

/// `add_to_cart` and `remove_from_cart` for what the backend's answer changed since the one
/// before: once per change the backend confirmed, at its prices.
fn report_changes(analytics: Option<Analytics>, before: Option<&Cart>, after: &Cart) {
    use dhow_sdk::analytics::{Event, EventName, cart_changes};
    let Some(analytics) = analytics else {
        return;
    };
    let before = before.filter(|b| b.id == after.id);
    let (added, removed) = cart_changes(before, after);
    if !added.is_empty() {
        analytics.track(Event::with_items(EventName::AddToCart, added));
    }
    if !removed.is_empty() {
        analytics.track(Event::with_items(EventName::RemoveFromCart, removed));
    }
}

/// Whether an error says the cart itself is gone (not a line or a variant in it).
fn cart_gone(error: &Error) -> bool {
    match error {
        Error::SetAside { what, .. } => what == "cart",
        Error::NotFound { what, .. } => *what == Resource::Cart,
        _ => false,
    }
}

/// An empty cart in `market`, shown until the backend has created the real one.
fn pending_cart(market: &Market) -> Cart {
    let mut cart = Cart::empty(CartId::from(PENDING_CART), market);
    cart.totals.mark_estimate();
    cart
}

/// Provides the cart below the market context: loads the saved cart, follows market changes,
/// and reloads when another tab changes it.
pub fn provide_cart() -> UseCart {
    let store = use_store().store();
    let market = use_market().market;
    let (cart, set_cart) = signal(None);
    let (pending, set_pending) = signal(0);
    let (error, set_error) = signal(None);
    let (placed, set_placed) = signal(None);
    let cart = UseCart {
        cart,
        pending,
        error,
        drawer_open: RwSignal::new(false),
        notice: RwSignal::new(None),
        placed,
        set_cart,
        set_pending,
        set_error,
        set_placed,
        store: StoredValue::new_local(store),
        market,
        issued: StoredValue::new(0),
        last_write: StoredValue::new_local(None),
        confirmed: StoredValue::new_local(None),
        retry: StoredValue::new_local(None),
        analytics: use_analytics(),
        signed_in: StoredValue::new(false),
    };
    provide_context(cart);
    // The cart follows this tab's market: re-priced in its currency when the shopper switches
    // here, or when the saved cart first loads in another market. A cart another tab moved is
    // not moved back on its change (two tabs in two markets would pass it to and fro); the
    // checkout moves it to its own market before it asks for an address.
    let follow = move || {
        let target = market.get_untracked();
        let differs = cart.cart.with_untracked(|c| {
            c.as_ref()
                .is_some_and(|c| c.market != target.id && c.id.as_str() != PENDING_CART)
        });
        if differs {
            spawn_local(async move {
                let result = cart.move_to(&target).await;
                if let Err(error) = result {
                    cart.set_error.set(Some(error));
                }
            });
        }
    };
    // After the first render: a prerendered page shows no cart, and the page taken over must
    // match it; the saved cart's count appears as soon as the wasm runs. The notice that the
    // browser keeps nothing waits for the first render too.
    Effect::new(move |_| {
        untrack(|| {
            spawn_local(async move {
                cart.load().await;
                follow();
            });
            browser::on_storage_lost(move || cart.notice.set(Some(CartNotice::NotKept)));
        })
    });
    browser::on_storage_change(SYNC_KEY, move || cart.reload());
    Effect::new(move |first: Option<()>| {
        market.track();
        if first.is_some() {
            untrack(follow);
        }
    });
    cart
}

/// The cart provided by the storefront: its lines and totals (`cart`), what is in flight
/// (`pending`), the last error, the drawer, and the actions `add`, `set_quantity`, `remove` and
/// `update` (any backend call on the cart). Call it in a component rendered inside the storefront
/// (or an embedded Dhow element); it panics elsewhere.
///
/// ```
/// use dhow_app::hooks::use_cart;
/// use dhow_app::i18n::use_i18n;
/// use leptos::prelude::*;
///
/// /// A cart link of your own ("Cart (3)"), and a button that removes every line.
/// #[component]
/// fn MyCartSummary() -> impl IntoView {
///     let cart = use_cart();
///     let i18n = use_i18n();
///     let empty = move |_| {
///         let ids = cart.cart.with(|c| c.iter().flat_map(|c| &c.lines).map(|l| l.id.clone()).collect::<Vec<_>>());
///         ids.into_iter().for_each(|id| cart.remove(id));
///     };
///     view! {
///         <button type="button" on:click=move |_| cart.drawer_open.set(true)>
///             {move || format!("{} ({})", i18n.t("cart-button"), cart.item_count())}
///         </button>
///         <button type="button" on:click=empty disabled=move || cart.pending.get() > 0>
///             {move || i18n.t("cart-remove")}
///         </button>
///     }
/// }
/// ```
pub fn use_cart() -> UseCart {
    expect_context::<UseCart>()
}

/// The backend completing a cart, once the code that does it is in.
pub type CompletedFuture = std::pin::Pin<Box<dyn Future<Output = Result<Order, Error>>>>;

/// Completes a cart whose checkout another tab (or a lost answer) finished, and gives its order.
pub type CompleteFuture =
    std::pin::Pin<Box<dyn Future<Output = Result<Result<Order, Error>, ChunkUnavailable>>>>;

static COMPLETE: std::sync::OnceLock<fn(Rc<Store>, CartId) -> CompleteFuture> =
    std::sync::OnceLock::new();

/// Registers how a binary completes an order (`Backend::complete`): the storefront and the embed
/// keep that code, the backend's whole order placement, in their checkout chunk, which loading a
/// cart fetches only for a cart whose checkout was finished elsewhere. Call it once, before the
/// app starts; without it (natively) the order is completed here.
pub fn register_complete(complete: fn(Rc<Store>, CartId) -> CompleteFuture) {
    let _ = COMPLETE.set(complete);
}

async fn complete(store: Rc<Store>, id: CartId) -> Result<Result<Order, Error>, ChunkUnavailable> {
    match COMPLETE.get() {
        Some(complete) => complete(store, id).await,
        #[cfg(not(target_arch = "wasm32"))]
        None => Ok(store.backend.complete(&id).await),
        // A wasm build keeps the backend's order placement out of the first module.
        #[cfg(target_arch = "wasm32")]
        None => {
            let _ = (store, id);
            Err(ChunkUnavailable)
        }
    }
}
