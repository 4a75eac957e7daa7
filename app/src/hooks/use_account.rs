//! `use_account()`: who is signed in, and the account actions that touch the cart too: signing
//! in carries the guest cart into the account (see [`dhow_sdk::account::sign_in`]), registering
//! makes the guest cart the new account's, signing out starts a fresh guest cart. Every tab
//! follows a sign-in or sign-out made in another.

use std::rc::Rc;

use dhow_sdk::Error;
use dhow_sdk::account::{self, Accounts, Customer, Registration};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::hooks::{UseCart, use_market};
use crate::store::{Store, use_store};

/// Written after every sign-in and sign-out, so that other tabs follow.
const SYNC_KEY: &str = "dhow.account.sync";

/// Where the account stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountState {
    /// Not known yet (the backend is being asked).
    Unknown,
    /// Nobody is signed in.
    SignedOut,
    /// A customer is signed in.
    SignedIn(Customer),
}

/// The account context.
#[derive(Clone, Copy)]
pub struct UseAccount {
    /// Where the account stands.
    pub state: ReadSignal<AccountState>,
    set_state: WriteSignal<AccountState>,
    store: StoredValue<Rc<Store>, LocalStorage>,
    cart: Option<UseCart>,
    market: Memo<dhow_sdk::Market>,
}

impl UseAccount {
    /// The signed-in customer, tracked.
    pub fn customer(&self) -> Option<Customer> {
        self.state.with(|s| match s {
            AccountState::SignedIn(c) => Some(c.clone()),
            _ => None,
        })
    }

    /// Whether a customer is signed in, tracked.
    pub fn signed_in(&self) -> bool {
        self.state.with(|s| matches!(s, AccountState::SignedIn(_)))
    }

    /// The store's backend, for account calls of a page's own (addresses, orders).
    pub fn store(&self) -> Rc<Store> {
        self.store.get_value()
    }

    fn set(&self, state: AccountState) {
        if let Some(cart) = self.cart {
            cart.set_signed_in(matches!(state, AccountState::SignedIn(_)));
        }
        self.set_state.set(state);
    }

    fn announce(&self) {
        browser::local_set(SYNC_KEY, &browser::change_stamp());
    }

    /// Signs in, carrying the guest cart over into the account's.
    pub async fn sign_in(&self, email: &str, password: &str) -> Result<Customer, Error> {
        let store = self.store.get_value();
        let guest = self.cart.and_then(|c| c.saved_id());
        let market = self.market.get_untracked();
        let signed =
            account::sign_in(&store.backend, email, password, guest.as_ref(), &market).await?;
        if let Some(cart) = self.cart {
            cart.take(signed.cart);
        }
        self.set(AccountState::SignedIn(signed.customer.clone()));
        self.announce();
        Ok(signed.customer)
    }

    /// Creates an account and signs it in; the guest cart becomes the account's.
    pub async fn register(&self, registration: &Registration) -> Result<Customer, Error> {
        let store = self.store.get_value();
        let customer = store.backend.register(registration).await?;
        if let Some(cart) = self.cart
            && let Some(guest) = cart.saved_id()
        {
            // The customer is registered whatever happens to the cart: a cart that cannot be
            // adopted stays the guest's.
            if let Ok(adopted) = store.backend.adopt_cart(&guest).await {
                cart.take(Some(adopted));
            }
        }
        self.set(AccountState::SignedIn(customer.clone()));
        self.announce();
        Ok(customer)
    }

    /// Signs out; the next cart is a fresh guest cart.
    pub async fn sign_out(&self) -> Result<(), Error> {
        let store = self.store.get_value();
        let result = store.backend.sign_out().await;
        if let Some(cart) = self.cart {
            cart.clear();
        }
        self.set(AccountState::SignedOut);
        self.announce();
        result
    }

    /// Takes a changed profile.
    pub fn updated(&self, customer: Customer) {
        self.set(AccountState::SignedIn(customer));
    }

    /// Asks the backend again who is signed in (another tab signed in or out, a session
    /// expired).
    pub fn refresh(&self) {
        let this = *self;
        spawn_local(async move { this.load().await });
    }

    async fn load(self) {
        let store = self.store.get_value();
        let state = match store.backend.customer().await {
            Ok(Some(customer)) => AccountState::SignedIn(customer),
            Ok(None) => AccountState::SignedOut,
            // The account cannot be asked now: the shopper shops as a guest meanwhile.
            Err(_) => AccountState::SignedOut,
        };
        self.set(state);
    }

    /// Handles an account call's error that means the session ended: the state follows.
    pub fn check(&self, error: &Error) {
        if matches!(error, Error::NotSignedIn) {
            self.set(AccountState::SignedOut);
        }
    }
}

/// Provides the account below the cart context, and asks the backend who is signed in after
/// the first render (a prerendered page shows the signed-out header, as every visitor's).
pub fn provide_account() -> UseAccount {
    let store = use_store().store();
    let (state, set_state) = signal(AccountState::Unknown);
    let account = UseAccount {
        state,
        set_state,
        store: StoredValue::new_local(store),
        cart: use_context::<UseCart>(),
        market: use_market().market,
    };
    provide_context(account);
    Effect::new(move |_| untrack(|| account.refresh()));
    browser::on_storage_change(SYNC_KEY, move || {
        account.refresh();
        if let Some(cart) = account.cart {
            cart.reload();
        }
    });
    account
}

/// The account provided by the storefront: `state`, `customer()`, and `sign_in`, `register`,
/// `sign_out`. Call it in a component rendered inside the storefront or an embedded element.
pub fn use_account() -> UseAccount {
    expect_context::<UseAccount>()
}
