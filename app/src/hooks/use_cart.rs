//! `use_cart()`: the shopper's cart. Kept by id in browser storage (it survives reloads), in step
//! across tabs, updated optimistically with totals marked as estimates until the backend answers,
//! and rolled back with a message when an update fails.

use std::future::Future;
use std::rc::Rc;

use dhow_sdk::model::{Cart, CartLine, Product, Variant};
use dhow_sdk::{Backend, CartId, Error, LineId, Market, Money};
use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::hooks::use_market;
use crate::store::{Store, use_store};

/// Where the cart's id is kept.
const CART_KEY: &str = "dhow.cart";
/// Written after every change so that other tabs reload the cart.
const SYNC_KEY: &str = "dhow.cart.sync";
/// The id a cart shown before the backend created it carries.
const PENDING_CART: &str = "pending";

/// The cart context.
#[derive(Clone, Copy)]
pub struct UseCart {
    /// The cart as last known: the backend's answer, or an optimistic guess whose totals are
    /// marked as estimates. `None` before the shopper adds anything.
    pub cart: RwSignal<Option<Cart>>,
    /// Requests in flight.
    pub pending: RwSignal<u32>,
    /// Why the last update failed (it was rolled back); cleared by the next success.
    pub error: RwSignal<Option<Error>>,
    /// Whether the cart drawer is open.
    pub drawer_open: RwSignal<bool>,
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
}

impl UseCart {
    /// Items in the cart (sum of quantities), tracked.
    pub fn item_count(&self) -> u32 {
        self.cart.with(|c| c.as_ref().map_or(0, Cart::item_count))
    }

    /// Adds `quantity` of `variant`, showing it at once and confirming with the backend.
    pub fn add(&self, product: &Product, variant: &Variant, quantity: u32) {
        let variant_id = variant.id.clone();
        let (product, variant) = (product.clone(), variant.clone());
        if self.cart.with_untracked(Option::is_none) {
            // The first add shows at once too: on an empty cart in the market's currency that
            // the backend's answer replaces.
            self.cart
                .set(Some(pending_cart(&self.market.get_untracked())));
        }
        self.mutate(
            move |cart| optimistic_add(cart, &product, &variant, quantity),
            move |store, id| async move { store.backend.add_line(&id, &variant_id, quantity).await },
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
        self.pending.update(|n| *n += 1);
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
        self.pending.update(|n| *n = n.saturating_sub(1));
        result
    }

    /// Forgets the cart (after its order was placed): the next add starts a new one.
    pub fn clear(&self) {
        browser::local_remove(CART_KEY);
        browser::local_set(SYNC_KEY, &browser::change_stamp());
        self.confirmed.set_value(None);
        self.retry.set_value(None);
        self.cart.set(None);
    }

    /// Reads the cart again from the backend (another tab changed it, or an update failed).
    pub fn reload(&self) {
        let this = *self;
        spawn_local(async move {
            let Some(id) = browser::local_get(CART_KEY) else {
                this.cart.set(None);
                return;
            };
            let store = this.store.get_value();
            match store.backend.cart(&CartId(id)).await {
                Ok(cart) => {
                    this.confirmed.set_value(Some(cart.clone()));
                    this.cart.set(Some(cart));
                }
                Err(Error::NotFound { .. }) => {
                    browser::local_remove(CART_KEY);
                    this.confirmed.set_value(None);
                    this.cart.set(None);
                }
                Err(error) => this.error.set(Some(error)),
            }
        });
    }

    fn mutate<O, F, Fut>(&self, optimistic: O, op: F)
    where
        O: FnOnce(&mut Cart) -> bool + Clone + 'static,
        F: FnOnce(Rc<Store>, CartId) -> Fut + Clone + 'static,
        Fut: Future<Output = Result<Cart, Error>> + 'static,
    {
        let redo = (optimistic.clone(), op.clone());
        self.cart.update(|cart| {
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
                    this.confirmed.set_value(Some(cart.clone()));
                    // A newer update is on its way: its answer wins, this one is not shown.
                    if this.issued.get_value() == seq {
                        this.accept(cart);
                        this.error.set(None);
                    }
                }
                Err(error) => {
                    // Back to what the backend last confirmed, so nothing shown is a guess.
                    if this.issued.get_value() == seq {
                        this.cart.set(this.confirmed.get_value());
                    }
                    if error.is_retryable() {
                        let retry: Rc<dyn Fn()> = Rc::new(move || {
                            let (optimistic, op) = redo.clone();
                            this.mutate(optimistic, op);
                        });
                        this.retry.set_value(Some(retry));
                    }
                    this.error.set(Some(error));
                    this.reload();
                }
            }
        });
    }

    /// Whether the last failed update can be tried again (the store could not be reached).
    pub fn can_retry(&self) -> bool {
        self.retry.with_value(Option::is_some)
    }

    /// Tries the last failed update again, as the shopper made it.
    pub fn retry(&self) {
        if let Some(retry) = self.retry.get_value() {
            self.error.set(None);
            retry();
        }
    }

    fn accept(&self, cart: Cart) {
        browser::local_set(CART_KEY, cart.id.as_str());
        browser::local_set(SYNC_KEY, &browser::change_stamp());
        self.confirmed.set_value(Some(cart.clone()));
        self.cart.set(Some(cart));
    }

    async fn ensure_cart(&self, store: &Store) -> Result<CartId, Error> {
        if let Some(id) = browser::local_get(CART_KEY) {
            return Ok(CartId(id));
        }
        let market = self.market.get_untracked();
        let id = store.backend.create_cart(&market).await?.id;
        // Only the id: the optimistic lines stay shown until the write that needed the cart
        // answers with the cart that holds them.
        browser::local_set(CART_KEY, id.as_str());
        Ok(id)
    }
}

/// An empty cart in `market`, shown until the backend has created the real one.
fn pending_cart(market: &Market) -> Cart {
    let mut cart = Cart::empty(CartId::from(PENDING_CART), market);
    cart.totals.mark_estimate();
    cart
}

/// Shows an added variant before the backend answers. Returns whether the cart changed.
fn optimistic_add(cart: &mut Cart, product: &Product, variant: &Variant, quantity: u32) -> bool {
    let unit = variant.price.amount;
    if unit.currency() != cart.currency {
        return false;
    }
    if let Some(line) = cart.lines.iter().find(|l| l.variant_id == variant.id) {
        let (id, quantity) = (line.id.clone(), line.quantity.saturating_add(quantity));
        return optimistic_quantity(cart, &id, quantity);
    }
    let Ok(subtotal) = unit.checked_mul(i64::from(quantity)) else {
        return false;
    };
    let zero = Money::zero(cart.currency);
    cart.lines.push(CartLine {
        id: LineId(format!("pending-{}", variant.id)),
        product_id: product.id.clone(),
        variant_id: variant.id.clone(),
        handle: product.handle.clone(),
        title: product.title.clone(),
        variant_title: variant.title.clone(),
        image: product.images.first().cloned(),
        quantity,
        unit_price: unit,
        compare_at: variant.price.compare_at,
        subtotal,
        discount: zero,
        tax: zero,
        total: subtotal,
    });
    reestimate(cart)
}

/// Shows a line's new quantity before the backend answers (zero hides the line).
fn optimistic_quantity(cart: &mut Cart, line: &LineId, quantity: u32) -> bool {
    let Some(index) = cart.lines.iter().position(|l| &l.id == line) else {
        return false;
    };
    if quantity == 0 {
        cart.lines.remove(index);
        return reestimate(cart);
    }
    let entry = &mut cart.lines[index];
    let Ok(subtotal) = entry.unit_price.checked_mul(i64::from(quantity)) else {
        return false;
    };
    entry.quantity = quantity;
    entry.subtotal = subtotal;
    entry.total = subtotal.checked_sub(entry.discount).unwrap_or(subtotal);
    reestimate(cart)
}

/// Recomputes the subtotal from the lines and moves the total by the same amount; every figure
/// becomes an estimate until the backend's totals arrive.
fn reestimate(cart: &mut Cart) -> bool {
    let Ok(subtotal) = Money::sum(cart.currency, cart.lines.iter().map(|l| l.subtotal)) else {
        return false;
    };
    let totals = &mut cart.totals;
    let delta = subtotal.checked_sub(totals.subtotal.amount);
    let total = delta.and_then(|d| totals.total.amount.checked_add(d));
    if let Ok(total) = total {
        totals.subtotal.amount = subtotal;
        totals.total.amount = total;
    }
    totals.mark_estimate();
    true
}

/// Provides the cart below the market context: loads the saved cart, follows market changes,
/// and reloads when another tab changes it.
pub fn provide_cart() -> UseCart {
    let store = use_store().store();
    let market = use_market().market;
    let cart = UseCart {
        cart: RwSignal::new(None),
        pending: RwSignal::new(0),
        error: RwSignal::new(None),
        drawer_open: RwSignal::new(false),
        store: StoredValue::new_local(store),
        market,
        issued: StoredValue::new(0),
        last_write: StoredValue::new_local(None),
        confirmed: StoredValue::new_local(None),
        retry: StoredValue::new_local(None),
    };
    provide_context(cart);
    // After the first render: a prerendered page shows no cart, and the page taken over must
    // match it; the saved cart's count appears as soon as the wasm runs.
    Effect::new(move |_| untrack(|| cart.reload()));
    browser::on_storage_change(SYNC_KEY, move || cart.reload());

    // The cart follows the market: re-priced in its currency when the shopper switches (or
    // when a cart saved in another market loads). Each (cart, market) pair is tried once, so a
    // backend that refuses cannot cause a loop.
    let tried = StoredValue::new(None::<(String, String)>);
    Effect::new(move |_| {
        let target = market.get();
        let Some(current) = cart
            .cart
            .with(|c| c.as_ref().map(|c| (c.id.0.clone(), c.market.clone())))
        else {
            return;
        };
        if current.1 == target.id {
            return;
        }
        let key = (current.0, target.id.0.clone());
        if tried.get_value().as_ref() == Some(&key) {
            return;
        }
        tried.set_value(Some(key));
        spawn_local(async move {
            let result = cart
                .update(move |store, id| async move {
                    store.backend.set_cart_market(&id, &target).await
                })
                .await;
            if let Err(error) = result {
                cart.error.set(Some(error));
            }
        });
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

#[cfg(test)]
mod tests {
    use dhow_sdk::model::{CartTotals, Figure, Price, ProductOption};
    use dhow_sdk::{Currency, DutyTerms, MarketId, ProductId, VariantId};

    use super::*;

    fn usd(minor: i64) -> Money {
        Money::from_minor(minor, Currency::USD)
    }

    fn product(price: Money) -> (Product, Variant) {
        let variant = Variant {
            id: VariantId::from("mug-white"),
            title: "White".into(),
            sku: None,
            options: vec!["White".into()],
            price: Price {
                amount: price,
                compare_at: None,
                tax_included: false,
                converted: false,
            },
            available: true,
            stock: Some(5),
        };
        let product = Product {
            id: ProductId::from("mug"),
            handle: "mug".into(),
            title: "Mug".into(),
            description: String::new(),
            images: Vec::new(),
            options: vec![ProductOption {
                name: "Colour".into(),
                values: vec!["White".into()],
            }],
            variants: vec![variant.clone()],
            collections: Vec::new(),
            tags: Vec::new(),
        };
        (product, variant)
    }

    fn cart_with_shipping() -> Cart {
        let mut totals = CartTotals::zero(Currency::USD, false, DutyTerms::PaidAtCheckout);
        totals.shipping = Some(Figure::final_(usd(990)));
        totals.total = Figure::final_(usd(990));
        Cart {
            id: CartId::from("c1"),
            market: MarketId::from("us"),
            currency: Currency::USD,
            lines: Vec::new(),
            discounts: Vec::new(),
            email: None,
            shipping_address: None,
            billing_address: None,
            shipping_option: None,
            totals,
        }
    }

    #[test]
    fn an_added_variant_shows_at_once_with_estimated_totals() {
        let mut cart = cart_with_shipping();
        let (product, variant) = product(usd(1790));
        assert!(optimistic_add(&mut cart, &product, &variant, 2));
        assert_eq!(cart.item_count(), 2);
        assert!(cart.lines[0].id.as_str().starts_with("pending-"));
        assert_eq!(cart.totals.subtotal.amount, usd(3580));
        // The total moves by what was added; the shipping already in it stays.
        assert_eq!(cart.totals.total.amount, usd(4570));
        assert!(cart.totals.total.estimate && cart.totals.subtotal.estimate);

        assert!(optimistic_add(&mut cart, &product, &variant, 1));
        assert_eq!(cart.lines.len(), 1);
        assert_eq!(cart.lines[0].quantity, 3);
        assert_eq!(cart.totals.total.amount, usd(6360));
    }

    #[test]
    fn a_price_in_another_currency_is_not_guessed() {
        let mut cart = cart_with_shipping();
        let (product, variant) = product(Money::from_minor(1690, Currency::EUR));
        assert!(!optimistic_add(&mut cart, &product, &variant, 1));
        assert!(cart.lines.is_empty());
        assert!(!cart.totals.total.estimate);
    }

    #[test]
    fn quantity_zero_hides_the_line() {
        let mut cart = cart_with_shipping();
        let (product, variant) = product(usd(1790));
        optimistic_add(&mut cart, &product, &variant, 1);
        let line = cart.lines[0].id.clone();
        assert!(optimistic_quantity(&mut cart, &line, 0));
        assert!(cart.lines.is_empty());
        assert_eq!(cart.totals.subtotal.amount, usd(0));
        assert_eq!(cart.totals.total.amount, usd(990));
        assert!(!optimistic_quantity(&mut cart, &LineId::from("gone"), 3));
    }
}
