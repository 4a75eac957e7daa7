//! Customer accounts: the contract every adapter implements beside [`Backend`], the account
//! model, the password rule, and the one way a guest cart is carried into an account on sign-in
//! ([`sign_in`]).
//!
//! Who is signed in is the adapter's own business, kept in its [`Storage`](crate::storage)
//! like cart sessions: after [`Accounts::sign_in`], the account calls of the same adapter act
//! for that customer until [`Accounts::sign_out`] forgets the session. A call that needs a
//! customer when none is signed in is [`Error::NotSignedIn`].

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::address::Address;
use crate::backend::Backend;
use crate::error::{Error, FieldError, Problem, Result};
use crate::ids::{AddressId, CartId, CustomerId};
use crate::market::Market;
use crate::model::{Cart, CheckoutState, Order};

#[cfg(test)]
mod tests;

/// A customer's account as the storefront shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    /// The backend's id.
    pub id: CustomerId,
    /// The email the customer signs in with.
    pub email: String,
    /// Given name.
    #[serde(default)]
    pub first_name: String,
    /// Family name.
    #[serde(default)]
    pub last_name: String,
    /// Phone number, when given.
    #[serde(default)]
    pub phone: Option<String>,
}

/// What a new account is made from.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    /// The email to sign in with.
    pub email: String,
    /// The password, in clear only on its way to the backend (or the local engine's hash).
    pub password: String,
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
}

// Never print a password, not even in a debug log.
impl fmt::Debug for Registration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Registration")
            .field("email", &self.email)
            .field("password", &"<hidden>")
            .field("first_name", &self.first_name)
            .field("last_name", &self.last_name)
            .finish()
    }
}

/// The parts of an account a customer can change themselves.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// Phone number; `None` clears it.
    #[serde(default)]
    pub phone: Option<String>,
}

/// An address of the address book.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedAddress {
    /// The backend's id.
    pub id: AddressId,
    /// The address.
    pub address: Address,
    /// Whether checkout fills it in as the shipping address.
    #[serde(default)]
    pub default_shipping: bool,
    /// Whether checkout fills it in as the billing address.
    #[serde(default)]
    pub default_billing: bool,
}

/// Which defaults an address is saved as. Making one address a default takes it from the
/// address that was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressDefaults {
    /// The default shipping address.
    pub shipping: bool,
    /// The default billing address.
    pub billing: bool,
}

/// Which page of the order history: `offset` orders skipped, at most `limit` returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderPage {
    /// Orders to skip (newest first).
    pub offset: u32,
    /// Orders to return at most (1 to 100).
    pub limit: u32,
}

impl Default for OrderPage {
    fn default() -> OrderPage {
        OrderPage {
            offset: 0,
            limit: 10,
        }
    }
}

/// A page of a customer's orders, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderHistory {
    /// The orders of the page, with their lines, totals and addresses as placed.
    pub orders: Vec<Order>,
    /// How many orders the customer has in all.
    pub total: u32,
}

/// What an adapter's accounts can do beyond the common contract, for the storefront to offer
/// only what works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountFeatures {
    /// A password can be reset with a token the backend sends (by e-mail, or the local engine's
    /// development outbox).
    pub password_reset: bool,
    /// New accounts must verify their email before signing in.
    pub verification: bool,
}

/// The password rule every adapter applies before a password leaves the storefront, so that the
/// shopper sees the same rule on every backend: at least [`min_chars`](Self::min_chars)
/// characters, at most [`max_bytes`](Self::max_bytes) bytes of UTF-8 (what bcrypt-based
/// backends can keep), and not only spaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordRule {
    /// Fewest characters.
    pub min_chars: u32,
    /// Most bytes of UTF-8.
    pub max_bytes: u32,
}

impl fmt::Display for PasswordRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {} characters", self.min_chars, self.max_bytes)
    }
}

/// The rule of [`check_password`].
pub const PASSWORD_RULE: PasswordRule = PasswordRule {
    min_chars: 8,
    max_bytes: 72,
};

/// Checks a new password against [`PASSWORD_RULE`]: [`Error::WeakPassword`] when it is not met.
///
/// ```
/// use dhow_sdk::account::check_password;
///
/// assert!(check_password("correct horse").is_ok());
/// assert!(check_password("short").is_err());
/// assert!(check_password("        ").is_err());
/// ```
pub fn check_password(password: &str) -> Result<()> {
    let weak = || Error::WeakPassword {
        rule: PASSWORD_RULE,
    };
    if (password.chars().count() as u32) < PASSWORD_RULE.min_chars
        || password.len() as u32 > PASSWORD_RULE.max_bytes
        || password.trim().is_empty()
    {
        return Err(weak());
    }
    Ok(())
}

/// Checks the fields of a registration before it is sent: the email's form, the password rule,
/// names within 100 characters and not both empty. Field errors name `email`, `first_name`,
/// `last_name`.
pub fn check_registration(registration: &Registration) -> Result<()> {
    let mut fields = Vec::new();
    if let Some(problem) = crate::contact::email_problem(&registration.email) {
        fields.push(FieldError::new("email", problem));
    }
    fields.extend(name_errors(
        &registration.first_name,
        &registration.last_name,
    ));
    if !fields.is_empty() {
        return Err(Error::InvalidInput { fields });
    }
    check_password(&registration.password)
}

/// Checks a profile change before it is sent, on every backend alike: names as at registration,
/// a phone (when given) that reads as one. Field errors name `first_name`, `last_name`, `phone`.
pub fn check_profile(profile: &Profile) -> Result<()> {
    let mut fields = name_errors(&profile.first_name, &profile.last_name);
    if let Some(phone) = &profile.phone
        && !phone.trim().is_empty()
        && !crate::address::is_phone_number(phone.trim())
    {
        fields.push(FieldError::new("phone", Problem::Invalid));
    }
    if fields.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidInput { fields })
    }
}

/// Names of at most 100 characters each, not both empty.
fn name_errors(first: &str, last: &str) -> Vec<FieldError> {
    let mut fields = Vec::new();
    for (name, value) in [("first_name", first), ("last_name", last)] {
        if value.chars().count() > 100 {
            fields.push(FieldError::new(name, Problem::TooLong { max: 100 }));
        }
    }
    if first.trim().is_empty() && last.trim().is_empty() {
        fields.push(FieldError::new("last_name", Problem::Required));
    }
    fields
}

/// The email as accounts compare it: trimmed and lower case.
pub fn normalize_email(email: &str) -> String {
    crate::text::lowercase(email.trim())
}

/// Customer accounts on a commerce backend. Implemented by every adapter beside [`Backend`];
/// the signed-in customer's session is kept in the adapter's storage.
///
/// Every call but [`register`](Self::register), [`sign_in`](Self::sign_in),
/// [`customer`](Self::customer), [`sign_out`](Self::sign_out) and the password reset needs a
/// signed-in customer ([`Error::NotSignedIn`] otherwise), and only ever sees that customer's
/// data: another customer's address or order is [`Error::NotFound`].
#[allow(async_fn_in_trait)]
pub trait Accounts {
    /// What this backend's accounts can do.
    fn account_features(&self) -> AccountFeatures;

    /// Creates an account and signs it in (unless the backend requires verification first:
    /// then [`Error::NotVerified`] after the account was made). [`Error::EmailTaken`] when the
    /// email has an account; [`Error::WeakPassword`] and [`Error::InvalidInput`] as
    /// [`check_registration`] says.
    async fn register(&self, registration: &Registration) -> Result<Customer>;

    /// Signs in. [`Error::WrongCredentials`] for an unknown email and a wrong password alike;
    /// [`Error::TooManyAttempts`] after repeated failures.
    async fn sign_in(&self, email: &str, password: &str) -> Result<Customer>;

    /// Signs out: the session is forgotten (and ended on the backend where it can be: on
    /// Vendure that ends every session of the customer, on every device). Signing out when
    /// nobody is signed in is not an error.
    async fn sign_out(&self) -> Result<()>;

    /// The signed-in customer, or `None` (never signed in, signed out, session expired).
    async fn customer(&self) -> Result<Option<Customer>>;

    /// Changes the customer's names and phone.
    async fn update_profile(&self, profile: &Profile) -> Result<Customer>;

    /// The customer's address book.
    async fn addresses(&self) -> Result<Vec<SavedAddress>>;

    /// Adds an address (validated for its country). It is a default only as `defaults` says
    /// (the first address of a book is not made one on its own).
    async fn add_address(
        &self,
        address: &Address,
        defaults: AddressDefaults,
    ) -> Result<SavedAddress>;

    /// Replaces an address of the book.
    async fn update_address(
        &self,
        id: &AddressId,
        address: &Address,
        defaults: AddressDefaults,
    ) -> Result<SavedAddress>;

    /// Removes an address of the book.
    async fn remove_address(&self, id: &AddressId) -> Result<()>;

    /// A page of the customer's orders, newest first.
    async fn orders(&self, page: OrderPage) -> Result<OrderHistory>;

    /// One of the customer's orders by the number the shopper sees. Another customer's order is
    /// [`Error::NotFound`].
    async fn customer_order(&self, number: &str) -> Result<Order>;

    /// Asks for a password-reset token to be sent to `email`. Answers the same whether the email
    /// has an account or not. [`Error::Unsupported`] when the backend cannot send one.
    async fn request_password_reset(&self, email: &str) -> Result<()>;

    /// Sets a new password with a token from a reset message. A used or unknown token is
    /// [`Error::InvalidInput`] on `token`.
    async fn reset_password(&self, token: &str, password: &str) -> Result<()>;

    /// The open cart kept for the signed-in customer (from an earlier visit, another device),
    /// or `None`.
    async fn customer_cart(&self) -> Result<Option<Cart>>;

    /// Makes `cart` the signed-in customer's: the order it becomes belongs to the account, and
    /// it is the cart [`customer_cart`](Self::customer_cart) finds next time. The cart returned
    /// is the one to keep from now on; a backend whose customer carts live in the session
    /// answers with the customer's cart holding `cart`'s lines, under another id.
    async fn adopt_cart(&self, cart: &CartId) -> Result<Cart>;
}

/// What signing in with a guest cart gave: the customer and the cart to keep (none when neither
/// the guest nor the account had one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedIn {
    /// The customer.
    pub customer: Customer,
    /// The cart the storefront keeps from now on.
    pub cart: Option<Cart>,
}

/// Signs in and carries the guest cart over: the one way every storefront and the contract
/// suite do it.
///
/// - No guest cart (or an empty one): the account's kept cart, if any, moved to `market`.
/// - No kept cart: the guest cart becomes the account's.
/// - Both: the account's cart is moved to `market` (the shopper's current market wins) and the
///   guest's lines are added to it (lines of the same variant add up); the merged cart is kept
///   and the guest cart is left.
///
/// A line the account's market cannot sell is left out rather than failing the sign-in; the
/// customer is signed in whatever happens to the carts, and a cart that cannot be merged leaves
/// the guest cart as it was (`cart` is then the guest cart).
pub async fn sign_in<B: Backend + Accounts>(
    backend: &B,
    email: &str,
    password: &str,
    guest: Option<&CartId>,
    market: &Market,
) -> Result<SignedIn> {
    let customer = backend.sign_in(email, password).await?;
    let guest_cart = match guest {
        Some(id) => match backend.cart(id).await {
            Ok(cart) if cart.state == CheckoutState::Open => Some(cart),
            _ => None,
        },
        None => None,
    };
    let cart = match carry_over(backend, guest_cart.clone(), market).await {
        Ok(cart) => cart,
        Err(_) => guest_cart,
    };
    Ok(SignedIn { customer, cart })
}

async fn carry_over<B: Backend + Accounts>(
    backend: &B,
    guest: Option<Cart>,
    market: &Market,
) -> Result<Option<Cart>> {
    let guest = guest.filter(|cart| !cart.lines.is_empty());
    let kept = backend
        .customer_cart()
        .await?
        .filter(|cart| cart.state == CheckoutState::Open);
    let in_market = |cart: Cart| async move {
        if cart.market == market.id {
            Ok(cart)
        } else {
            backend.set_cart_market(&cart.id, market).await
        }
    };
    match (guest, kept) {
        (None, None) => Ok(None),
        (None, Some(kept)) => Ok(Some(in_market(kept).await?)),
        (Some(guest), None) => {
            let cart = backend.adopt_cart(&guest.id).await?;
            Ok(Some(in_market(cart).await?))
        }
        (Some(guest), Some(kept)) if guest.id == kept.id => Ok(Some(in_market(kept).await?)),
        (Some(guest), Some(kept)) => {
            let mut cart = in_market(kept).await?;
            for line in &guest.lines {
                match backend
                    .add_line(&cart.id, &line.variant_id, line.quantity)
                    .await
                {
                    Ok(merged) => cart = merged,
                    Err(
                        Error::NotSold { .. } | Error::OutOfStock { .. } | Error::NotFound { .. },
                    ) => {}
                    Err(e) => return Err(e),
                }
            }
            Ok(Some(cart))
        }
    }
}
