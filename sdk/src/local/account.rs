//! Customer accounts of the local engine, kept in its storage (the browser's `localStorage`):
//!
//! - `dhow.local.account.<email>`: the account, its password as a salted PBKDF2 hash
//!   ([`super::password`]), its address book, its kept cart and the numbers of its orders;
//! - `dhow.local.session`: who is signed in (the email), for every tab of the browser;
//! - `dhow.local.signin.<email>`: recent failed sign-ins (five in fifteen minutes lock the email
//!   for the rest of that quarter hour);
//! - `dhow.local.reset.<sha-256 of a token>`: a pending password reset (an hour), and
//!   `dhow.local.outbox`: the "e-mails" the engine would have sent, for a development outbox page.

use serde::{Deserialize, Serialize};

use super::LocalBackend;
use super::password::{self, PasswordHash};
use super::state::PREFIX;
use crate::account::{
    self, AccountFeatures, Accounts, AddressDefaults, Customer, OrderHistory, OrderPage, Profile,
    Registration, SavedAddress,
};
use crate::address::Address;
use crate::error::{Error, Problem, Resource, Result};
use crate::ids::{AddressId, CartId, CustomerId};
use crate::model::{Cart, Order};

const SESSION_KEY: &str = "dhow.local.session";
const OUTBOX_KEY: &str = "dhow.local.outbox";
/// Failed sign-ins allowed in [`LOCK_SECONDS`].
const MAX_FAILURES: usize = 5;
const LOCK_SECONDS: i64 = 15 * 60;
const RESET_SECONDS: i64 = 60 * 60;
/// Messages the outbox keeps (the newest).
const OUTBOX_SIZE: usize = 20;
/// Addresses a book holds at most.
const MAX_ADDRESSES: usize = 50;

#[derive(Clone, Debug, Serialize, Deserialize)]
struct StoredAccount {
    id: CustomerId,
    email: String,
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    phone: Option<String>,
    password: PasswordHash,
    #[serde(default)]
    addresses: Vec<SavedAddress>,
    #[serde(default)]
    next_address: u64,
    #[serde(default)]
    cart: Option<CartId>,
    /// Order numbers, oldest first.
    #[serde(default)]
    orders: Vec<String>,
}

impl StoredAccount {
    fn customer(&self) -> Customer {
        Customer {
            id: self.id.clone(),
            email: self.email.clone(),
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            phone: self.phone.clone(),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct StoredSession {
    email: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct StoredReset {
    email: String,
    expires_at: i64,
}

/// A message the local engine "sent": shown on the storefront's development outbox page,
/// since the engine has no e-mail to send with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    /// The address it was for.
    pub to: String,
    /// What it is: `password_reset`.
    pub kind: String,
    /// The reset token the message carries.
    pub token: String,
    /// When it was sent, RFC 3339.
    pub sent_at: String,
}

fn account_key(email: &str) -> String {
    format!("{PREFIX}account.{email}")
}

fn attempts_key(email: &str) -> String {
    format!("{PREFIX}signin.{email}")
}

fn reset_key(digest: &str) -> String {
    format!("{PREFIX}reset.{digest}")
}

fn invalid_token() -> Error {
    Error::invalid("token", Problem::Invalid)
}

impl LocalBackend {
    fn account(&self, email: &str) -> Result<Option<StoredAccount>> {
        self.state().read_record(&account_key(email), "account")
    }

    fn save_account(&self, account: &StoredAccount) -> Result<()> {
        self.state()
            .write_record(&account_key(&account.email), account)
    }

    /// The signed-in account, or `None`. A session naming an account that is gone is forgotten.
    fn signed_in(&self) -> Result<Option<StoredAccount>> {
        let session: Option<StoredSession> = match self.state().read_record(SESSION_KEY, "session")
        {
            Err(Error::SetAside { .. }) => None,
            other => other?,
        };
        let Some(session) = session else {
            return Ok(None);
        };
        match self.account(&session.email)? {
            Some(account) => Ok(Some(account)),
            None => {
                self.storage.remove(SESSION_KEY)?;
                Ok(None)
            }
        }
    }

    fn require_account(&self) -> Result<StoredAccount> {
        self.signed_in()?.ok_or(Error::NotSignedIn)
    }

    fn start_session(&self, email: &str) -> Result<()> {
        self.state().write_record(
            SESSION_KEY,
            &StoredSession {
                email: email.to_owned(),
            },
        )
    }

    /// Adds an order's number to its account's history (once: a retried order is not listed
    /// twice).
    pub(super) fn record_order(&self, email: &str, number: &str) -> Result<()> {
        if let Some(mut account) = self.account(email)?
            && !account.orders.iter().any(|n| n == number)
        {
            account.orders.push(number.to_owned());
            self.save_account(&account)?;
        }
        Ok(())
    }

    /// The messages of the development outbox, newest first.
    pub fn outbox(&self) -> Result<Vec<OutboxMessage>> {
        let mut messages: Vec<OutboxMessage> = self
            .state()
            .read_record(OUTBOX_KEY, "outbox")
            .unwrap_or_default()
            .unwrap_or_default();
        messages.reverse();
        Ok(messages)
    }

    fn failures(&self, email: &str) -> Vec<i64> {
        let now = self.clock.unix_seconds();
        let recent: Vec<i64> = self
            .state()
            .read_record(&attempts_key(email), "sign-in attempts")
            .ok()
            .flatten()
            .unwrap_or_default();
        recent
            .into_iter()
            .filter(|t| now - t < LOCK_SECONDS)
            .collect()
    }

    fn check_address(address: &Address) -> Result<()> {
        crate::address::validate(address).map_err(|fields| Error::InvalidInput { fields })
    }

    fn set_defaults(book: &mut [SavedAddress], id: &AddressId, defaults: AddressDefaults) {
        for saved in book.iter_mut() {
            let this = &saved.id == id;
            if defaults.shipping {
                saved.default_shipping = this;
            } else if this {
                saved.default_shipping = false;
            }
            if defaults.billing {
                saved.default_billing = this;
            } else if this {
                saved.default_billing = false;
            }
        }
    }
}

impl Accounts for LocalBackend {
    fn account_features(&self) -> AccountFeatures {
        AccountFeatures {
            password_reset: true,
            verification: false,
        }
    }

    async fn register(&self, registration: &Registration) -> Result<Customer> {
        account::check_registration(registration)?;
        let email = account::normalize_email(&registration.email);
        if self.account(&email)?.is_some() {
            return Err(Error::EmailTaken);
        }
        let id = CustomerId(format!(
            "cus_{}",
            password::hex(&password::random_bytes::<8>()?)
        ));
        let account = StoredAccount {
            id,
            email: email.clone(),
            first_name: registration.first_name.trim().to_owned(),
            last_name: registration.last_name.trim().to_owned(),
            phone: None,
            password: PasswordHash::new(&registration.password, self.password_iterations).await?,
            addresses: Vec::new(),
            next_address: 1,
            cart: None,
            orders: Vec::new(),
        };
        // Another tab may have registered the email while the hash was made.
        if self.account(&email)?.is_some() {
            return Err(Error::EmailTaken);
        }
        self.save_account(&account)?;
        self.start_session(&email)?;
        Ok(account.customer())
    }

    async fn sign_in(&self, email: &str, password: &str) -> Result<Customer> {
        let email = account::normalize_email(email);
        let mut failures = self.failures(&email);
        if failures.len() >= MAX_FAILURES {
            let now = self.clock.unix_seconds();
            let oldest = failures.iter().min().copied().unwrap_or(now);
            return Err(Error::TooManyAttempts {
                retry_after: u32::try_from(LOCK_SECONDS - (now - oldest)).ok(),
            });
        }
        let account = self.account(&email)?;
        // An unknown email costs the same hashing as a known one, and answers the same.
        let matches = match &account {
            Some(account) => account.password.verify(password).await?,
            None => {
                PasswordHash::new(password, self.password_iterations).await?;
                false
            }
        };
        match account {
            Some(account) if matches => {
                self.storage.remove(&attempts_key(&email))?;
                self.start_session(&email)?;
                Ok(account.customer())
            }
            _ => {
                failures.push(self.clock.unix_seconds());
                self.state()
                    .write_record(&attempts_key(&email), &failures)?;
                Err(Error::WrongCredentials)
            }
        }
    }

    async fn sign_out(&self) -> Result<()> {
        self.storage.remove(SESSION_KEY)
    }

    async fn customer(&self) -> Result<Option<Customer>> {
        Ok(self.signed_in()?.map(|a| a.customer()))
    }

    async fn update_profile(&self, profile: &Profile) -> Result<Customer> {
        let mut account = self.require_account()?;
        account::check_profile(profile)?;
        account.first_name = profile.first_name.trim().to_owned();
        account.last_name = profile.last_name.trim().to_owned();
        account.phone = profile
            .phone
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned);
        self.save_account(&account)?;
        Ok(account.customer())
    }

    async fn addresses(&self) -> Result<Vec<SavedAddress>> {
        Ok(self.require_account()?.addresses)
    }

    async fn add_address(
        &self,
        address: &Address,
        defaults: AddressDefaults,
    ) -> Result<SavedAddress> {
        let mut account = self.require_account()?;
        Self::check_address(address)?;
        if account.addresses.len() >= MAX_ADDRESSES {
            return Err(Error::Conflict {
                message: format!("an address book holds {MAX_ADDRESSES} addresses at most"),
            });
        }
        let id = AddressId(format!("addr_{}", account.next_address.max(1)));
        account.next_address = account.next_address.max(1) + 1;
        account.addresses.push(SavedAddress {
            id: id.clone(),
            address: address.clone(),
            default_shipping: false,
            default_billing: false,
        });
        Self::set_defaults(&mut account.addresses, &id, defaults);
        self.save_account(&account)?;
        account
            .addresses
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| Error::not_found(Resource::Address, id.as_str()))
    }

    async fn update_address(
        &self,
        id: &AddressId,
        address: &Address,
        defaults: AddressDefaults,
    ) -> Result<SavedAddress> {
        let mut account = self.require_account()?;
        Self::check_address(address)?;
        let saved = account
            .addresses
            .iter_mut()
            .find(|a| &a.id == id)
            .ok_or_else(|| Error::not_found(Resource::Address, id.as_str()))?;
        saved.address = address.clone();
        Self::set_defaults(&mut account.addresses, id, defaults);
        self.save_account(&account)?;
        account
            .addresses
            .into_iter()
            .find(|a| &a.id == id)
            .ok_or_else(|| Error::not_found(Resource::Address, id.as_str()))
    }

    async fn remove_address(&self, id: &AddressId) -> Result<()> {
        let mut account = self.require_account()?;
        let before = account.addresses.len();
        account.addresses.retain(|a| &a.id != id);
        if account.addresses.len() == before {
            return Err(Error::not_found(Resource::Address, id.as_str()));
        }
        self.save_account(&account)
    }

    async fn orders(&self, page: OrderPage) -> Result<OrderHistory> {
        let account = self.require_account()?;
        let limit = page.limit.clamp(1, 100) as usize;
        let state = self.state();
        let mut orders = Vec::new();
        for number in account
            .orders
            .iter()
            .rev()
            .skip(page.offset as usize)
            .take(limit)
        {
            if let Some(order) = state.order(number)? {
                orders.push(order);
            }
        }
        Ok(OrderHistory {
            orders,
            total: u32::try_from(account.orders.len()).unwrap_or(u32::MAX),
        })
    }

    async fn customer_order(&self, number: &str) -> Result<Order> {
        let account = self.require_account()?;
        let number = number.trim();
        let listed = account
            .orders
            .iter()
            .find(|n| n.eq_ignore_ascii_case(number))
            .ok_or_else(|| Error::not_found(Resource::Order, number))?;
        self.state()
            .order(listed)?
            .ok_or_else(|| Error::not_found(Resource::Order, number))
    }

    async fn request_password_reset(&self, email: &str) -> Result<()> {
        let email = account::normalize_email(email);
        if let Some(problem) = crate::contact::email_problem(&email) {
            return Err(Error::invalid("email", problem));
        }
        if self.account(&email)?.is_none() {
            return Ok(());
        }
        let token = password::hex(&password::random_bytes::<24>()?);
        let now = self.clock.unix_seconds();
        self.state().write_record(
            &reset_key(&password::digest(&token)),
            &StoredReset {
                email: email.clone(),
                expires_at: now + RESET_SECONDS,
            },
        )?;
        let mut messages: Vec<OutboxMessage> = self
            .state()
            .read_record(OUTBOX_KEY, "outbox")
            .unwrap_or_default()
            .unwrap_or_default();
        messages.push(OutboxMessage {
            to: email,
            kind: "password_reset".to_owned(),
            token,
            sent_at: self.clock.now().rfc3339(),
        });
        let skip = messages.len().saturating_sub(OUTBOX_SIZE);
        self.state()
            .write_record(OUTBOX_KEY, &messages[skip..].to_vec())
    }

    async fn reset_password(&self, token: &str, new_password: &str) -> Result<()> {
        let key = reset_key(&password::digest(token.trim()));
        let reset: StoredReset = self
            .state()
            .read_record(&key, "password reset")
            .ok()
            .flatten()
            .ok_or_else(invalid_token)?;
        if reset.expires_at <= self.clock.unix_seconds() {
            self.storage.remove(&key)?;
            return Err(invalid_token());
        }
        account::check_password(new_password)?;
        let mut account = self.account(&reset.email)?.ok_or_else(invalid_token)?;
        account.password = PasswordHash::new(new_password, self.password_iterations).await?;
        self.save_account(&account)?;
        self.storage.remove(&key)?;
        self.storage.remove(&attempts_key(&reset.email))
    }

    async fn customer_cart(&self) -> Result<Option<Cart>> {
        let account = self.require_account()?;
        let Some(id) = account.cart else {
            return Ok(None);
        };
        match self.state().cart(&id) {
            Ok(cart) if cart.order.is_none() && cart.customer.as_ref() == Some(&account.email) => {
                self.view(&cart).map(Some)
            }
            Ok(_) | Err(Error::NotFound { .. } | Error::SetAside { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn adopt_cart(&self, id: &CartId) -> Result<Cart> {
        let mut account = self.require_account()?;
        let mut cart = self.open_cart(id)?;
        // Another account's cart (in the same browser) is not this one's to take.
        if cart.customer.as_ref().is_some_and(|c| c != &account.email) {
            return Err(Error::not_found(Resource::Cart, id.as_str()));
        }
        cart.customer = Some(account.email.clone());
        self.state().save_cart(&cart)?;
        account.cart = Some(cart.id.clone());
        self.save_account(&account)?;
        self.view(&cart)
    }
}
