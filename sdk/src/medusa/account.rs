//! Customer accounts on Medusa's Store API: registration and sign-in through Medusa's
//! `emailpass` auth provider, the profile, address book and order history of
//! `/store/customers/me` and `/store/orders`, the customer's kept cart, and password resets.
//!
//! - **Session.** Signing in gives a bearer token (a JWT that carries the customer's id). It is
//!   kept in the adapter's [`Storage`](crate::storage::Storage) under `dhow.medusa.account`
//!   (a versioned record: token and customer id) and sent only in the `Authorization` header of
//!   the account's own requests. A token Medusa no longer accepts (expired: a day by default,
//!   `projectConfig.http.jwtExpiresIn`) is forgotten, and the customer is signed out.
//! - **Carts and checkout** need no token: Medusa 2.21.2 lets whoever holds a cart's id change
//!   and complete it, and an order placed from a cart made the customer's
//!   ([`Accounts::adopt_cart`]) is the customer's, whatever email the cart was given. (Medusa
//!   also gives a guest's order to the account whose email the guest typed.)
//! - **The kept cart.** The Store API cannot list a customer's carts, so the cart adopted last is
//!   kept in the customer's `metadata.dhow_cart_id`, and found again there from any device.
//! - **Emails** are compared as [`account::normalize_email`] makes them: Medusa's auth identities
//!   are case-sensitive, so every email is sent trimmed and in lower case. An identity written in
//!   other letters by another client cannot sign in here.

use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::cart::FIELDS;
use super::errors::{Request, during};
use super::transport::{Bearer, Transport};
use super::{MedusaBackend, mapping, wire};
use crate::account::{
    self, AccountFeatures, Accounts, AddressDefaults, Customer, OrderHistory, OrderPage, Profile,
    Registration, SavedAddress,
};
use crate::address::{self, Address};
use crate::contact::email_problem;
use crate::error::{Error, Problem, Resource, Result};
use crate::ids::{AddressId, CartId, CustomerId};
use crate::model::{Cart, Order};

/// Where the signed-in customer's session is kept.
const SESSION_KEY: &str = "dhow.medusa.account";
/// Where a session record that could not be read is set aside.
const RECOVERY_KEY: &str = "dhow.medusa.recovery.account";
/// The schema version of the session record.
const SESSION_VERSION: u32 = 1;
/// The customer metadata key holding the id of the customer's kept cart.
const KEPT_CART_KEY: &str = "dhow_cart_id";
/// Orders or addresses read per request when reading a whole list.
const PAGE: u64 = 100;

/// The signed-in customer, as kept in the storage.
#[derive(Clone, Serialize, Deserialize)]
struct Session {
    /// Medusa's bearer token for the customer.
    token: String,
    /// The customer the token is for.
    customer: CustomerId,
}

// The token is a credential: never printed.
impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("token", &"<hidden>")
            .field("customer", &self.customer)
            .finish()
    }
}

impl Session {
    fn bearer(&self) -> Bearer {
        Bearer(self.token.clone())
    }
}

impl MedusaBackend {
    /// The kept session, if any. A record this version cannot read is set aside
    /// ([`Error::SetAside`]); the next call finds nobody signed in.
    fn session(&self) -> Result<Option<Session>> {
        crate::storage::read_record(
            &*self.storage,
            SESSION_KEY,
            RECOVERY_KEY,
            "account session",
            SESSION_VERSION,
        )
    }

    fn require_session(&self) -> Result<Session> {
        self.session()?.ok_or(Error::NotSignedIn)
    }

    /// The answer of a signed-in request: a session Medusa no longer accepts is forgotten, so
    /// that every later call knows nobody is signed in.
    fn in_session<T>(&self, answer: Result<T>) -> Result<T> {
        if let Err(Error::NotSignedIn) = answer {
            self.storage.remove(SESSION_KEY)?;
        }
        answer
    }

    fn as_customer(&self, session: &Session) -> Transport {
        self.transport.with_bearer(&session.bearer())
    }

    /// `GET` for the signed-in customer.
    async fn get_as<T: DeserializeOwned>(
        &self,
        session: &Session,
        request: Request<'_>,
        segments: &[&str],
        query: &[(&str, &str)],
    ) -> Result<T> {
        let answer = self
            .as_customer(session)
            .get(segments, query)
            .await
            .map_err(during(request));
        self.in_session(answer)
    }

    /// `POST` for the signed-in customer.
    async fn post_as<T: DeserializeOwned>(
        &self,
        session: &Session,
        request: Request<'_>,
        segments: &[&str],
        query: &[(&str, &str)],
        body: &serde_json::Value,
    ) -> Result<T> {
        let answer = self
            .as_customer(session)
            .post(segments, query, body)
            .await
            .map_err(during(request));
        self.in_session(answer)
    }

    /// The customer a token is for: [`Error::NotSignedIn`] when Medusa refuses the token (or
    /// the identity it names has no customer yet).
    async fn customer_of(&self, token: &Bearer) -> Result<wire::Customer> {
        let answer: wire::CustomerEnvelope = self
            .transport
            .with_bearer(token)
            .get(&["store", "customers", "me"], &[])
            .await
            .map_err(during(Request::Customer))?;
        Ok(answer.customer)
    }

    /// The signed-in customer as Medusa has it now.
    async fn me(&self, session: &Session) -> Result<wire::Customer> {
        let answer = self.customer_of(&session.bearer()).await;
        self.in_session(answer)
    }

    /// A session token for an email (already normalized) and password.
    async fn authenticate(&self, email: &str, password: &str) -> Result<Bearer> {
        let answer: wire::Token = self
            .transport
            .post(
                &["auth", "customer", "emailpass"],
                &[],
                &json!({ "email": email, "password": password }),
            )
            .await
            .map_err(during(Request::SignIn))?;
        Ok(Bearer(answer.token))
    }

    /// Makes the customer of an auth identity (`identity`: the token `register` answered).
    async fn create_customer(
        &self,
        identity: &Bearer,
        email: &str,
        first_name: &str,
        last_name: &str,
    ) -> Result<wire::Customer> {
        let answer: wire::CustomerEnvelope = self
            .transport
            .with_bearer(identity)
            .post(
                &["store", "customers"],
                &[],
                &json!({ "email": email, "first_name": first_name, "last_name": last_name }),
            )
            .await
            .map_err(during(Request::Register))?;
        Ok(answer.customer)
    }

    /// Signs in (email already normalized) and keeps the session.
    async fn open_session(&self, email: &str, password: &str) -> Result<Customer> {
        let mut token = self.authenticate(email, password).await?;
        let customer = match self.customer_of(&token).await {
            Ok(customer) => customer,
            // The password is right but the identity has no customer: a registration that
            // stopped between its two requests. Its customer is made now, with the email alone
            // (the names can be given in the profile); otherwise the email could never be used.
            Err(Error::NotSignedIn) => {
                self.create_customer(&token, email, "", "").await?;
                // The token of a sign-in made before the customer existed does not name it.
                token = self.authenticate(email, password).await?;
                self.customer_of(&token).await?
            }
            Err(e) => return Err(e),
        };
        let session = Session {
            token: token.0,
            customer: CustomerId(customer.id.clone()),
        };
        crate::storage::write_record(&*self.storage, SESSION_KEY, SESSION_VERSION, &session)?;
        Ok(mapping::customer(&customer))
    }

    /// An address of the customer's book as Medusa answered it after a change.
    fn address_in(
        answer: &wire::CustomerEnvelope,
        pick: impl Fn(&wire::CustomerAddress) -> bool,
    ) -> Result<SavedAddress> {
        answer
            .customer
            .addresses
            .iter()
            .filter(|a| pick(a))
            // Newest first: ids are ULIDs, which sort by time too.
            .max_by(|a, b| (&a.created_at, &a.id).cmp(&(&b.created_at, &b.id)))
            .and_then(mapping::saved_address)
            .ok_or_else(|| Error::Decode {
                message: "Medusa's answer lacks the address it saved".into(),
            })
    }

    /// The whole address book, page by page (Medusa answers 50 addresses unless told).
    async fn all_addresses(&self, session: &Session) -> Result<Vec<wire::CustomerAddress>> {
        let mut addresses = Vec::new();
        loop {
            let offset = (addresses.len() as u64).to_string();
            let page: wire::Addresses = self
                .get_as(
                    session,
                    Request::Customer,
                    &["store", "customers", "me", "addresses"],
                    &[
                        ("limit", &PAGE.to_string()),
                        ("offset", &offset),
                        ("order", "created_at"),
                    ],
                )
                .await?;
            let read = page.addresses.len();
            addresses.extend(page.addresses);
            if read == 0 || addresses.len() as u64 >= page.count {
                return Ok(addresses);
            }
        }
    }

    /// The body of an address of the book, with the defaults it is saved as.
    fn address_body(address: &Address, defaults: AddressDefaults) -> Result<serde_json::Value> {
        address::validate(address).map_err(|fields| Error::InvalidInput { fields })?;
        let mut body = json!(mapping::from_address(address));
        body["is_default_shipping"] = json!(defaults.shipping);
        body["is_default_billing"] = json!(defaults.billing);
        Ok(body)
    }
}

/// The id of the customer's kept cart, from their metadata.
fn kept_cart(customer: &wire::Customer) -> Option<CartId> {
    customer
        .metadata
        .as_ref()?
        .get(KEPT_CART_KEY)?
        .as_str()
        .filter(|id| !id.is_empty())
        .map(CartId::from)
}

impl Accounts for MedusaBackend {
    /// Password reset: yes, through Medusa's `emailpass` provider. Medusa makes the token and
    /// hands it to the brand's notification provider (a subscriber of `auth.password_reset`),
    /// which e-mails it; without one, no message reaches the shopper. No verification: Medusa
    /// lets a new account sign in at once.
    fn account_features(&self) -> AccountFeatures {
        AccountFeatures {
            password_reset: true,
            verification: false,
        }
    }

    /// Makes the auth identity (`POST /auth/customer/emailpass/register`), its customer
    /// (`POST /store/customers`), then signs in. Registering again after the second step failed
    /// (with the same password) finishes the account.
    async fn register(&self, registration: &Registration) -> Result<Customer> {
        account::check_registration(registration)?;
        let email = account::normalize_email(&registration.email);
        let identity: wire::Token = self
            .transport
            .post(
                &["auth", "customer", "emailpass", "register"],
                &[],
                &json!({ "email": email, "password": registration.password }),
            )
            .await
            .map_err(during(Request::Register))?;
        self.create_customer(
            &Bearer(identity.token),
            &email,
            registration.first_name.trim(),
            registration.last_name.trim(),
        )
        .await?;
        self.open_session(&email, &registration.password).await
    }

    async fn sign_in(&self, email: &str, password: &str) -> Result<Customer> {
        self.open_session(&account::normalize_email(email), password)
            .await
    }

    /// Forgets the session. Medusa's bearer tokens cannot be ended on the server
    /// (`DELETE /auth/session` ends cookie sessions only): a token copied before signing out
    /// stays valid until it expires.
    async fn sign_out(&self) -> Result<()> {
        self.storage.remove(SESSION_KEY)
    }

    async fn customer(&self) -> Result<Option<Customer>> {
        let Some(session) = self.session()? else {
            return Ok(None);
        };
        match self.me(&session).await {
            Ok(customer) => Ok(Some(mapping::customer(&customer))),
            Err(Error::NotSignedIn) => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn update_profile(&self, profile: &Profile) -> Result<Customer> {
        let session = self.require_session()?;
        account::check_profile(profile)?;
        let phone = profile
            .phone
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let answer: wire::CustomerEnvelope = self
            .post_as(
                &session,
                Request::Customer,
                &["store", "customers", "me"],
                &[],
                &json!({
                    "first_name": profile.first_name.trim(),
                    "last_name": profile.last_name.trim(),
                    "phone": phone,
                }),
            )
            .await?;
        Ok(mapping::customer(&answer.customer))
    }

    /// The book, oldest address first. An address Dhow cannot show (saved by another client
    /// without a street, or with a country that is not ISO 3166) is left out.
    async fn addresses(&self) -> Result<Vec<SavedAddress>> {
        let session = self.require_session()?;
        Ok(self
            .all_addresses(&session)
            .await?
            .iter()
            .filter_map(mapping::saved_address)
            .collect())
    }

    /// Medusa moves a default from the address that had it.
    async fn add_address(
        &self,
        address: &Address,
        defaults: AddressDefaults,
    ) -> Result<SavedAddress> {
        let session = self.require_session()?;
        let body = Self::address_body(address, defaults)?;
        let sent = mapping::from_address(address);
        let answer: wire::CustomerEnvelope = self
            .post_as(
                &session,
                Request::Customer,
                &["store", "customers", "me", "addresses"],
                &[],
                &body,
            )
            .await?;
        // Medusa answers with the customer and the whole book: the new address is the newest
        // one with what was sent (another tab may have added one at the same time).
        Self::address_in(&answer, |a| a.address == sent)
    }

    async fn update_address(
        &self,
        id: &AddressId,
        address: &Address,
        defaults: AddressDefaults,
    ) -> Result<SavedAddress> {
        let session = self.require_session()?;
        let body = Self::address_body(address, defaults)?;
        let answer: wire::CustomerEnvelope = self
            .post_as(
                &session,
                Request::Address(id),
                &["store", "customers", "me", "addresses", id.as_str()],
                &[],
                &body,
            )
            .await?;
        Self::address_in(&answer, |a| a.id == id.as_str())
    }

    async fn remove_address(&self, id: &AddressId) -> Result<()> {
        let session = self.require_session()?;
        let answer = self
            .as_customer(&session)
            .delete::<IgnoredAny, ()>(
                &["store", "customers", "me", "addresses", id.as_str()],
                &[],
                None,
            )
            .await
            .map_err(during(Request::Address(id)));
        self.in_session(answer).map(drop)
    }

    /// `GET /store/orders`: Medusa lists the signed-in customer's orders only. A page asks for
    /// 1 to 100 orders; a limit outside is brought within.
    async fn orders(&self, page: OrderPage) -> Result<OrderHistory> {
        let session = self.require_session()?;
        let answer: wire::Orders = self
            .get_as(
                &session,
                Request::Customer,
                &["store", "orders"],
                &[
                    ("limit", &page.limit.clamp(1, 100).to_string()),
                    ("offset", &page.offset.to_string()),
                    ("order", "-created_at"),
                    ("fields", wire::ORDER_LIST_FIELDS),
                ],
            )
            .await?;
        let mut orders = Vec::with_capacity(answer.orders.len());
        for order in &answer.orders {
            orders.push(self.map_order(order).await?);
        }
        Ok(OrderHistory {
            orders,
            total: u32::try_from(answer.count).unwrap_or(u32::MAX),
        })
    }

    /// Found in the customer's own order list: `GET /store/orders/{id}` answers any order to
    /// whoever knows its id, and the list cannot be filtered by number, so the list is read
    /// (numbers only, 100 a request, newest first) for the number, then the order by its id
    /// within the list.
    async fn customer_order(&self, number: &str) -> Result<Order> {
        let session = self.require_session()?;
        let number = number.trim().trim_start_matches('#');
        let not_found = || Error::not_found(Resource::Order, number);
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(not_found());
        }
        let mut offset = 0u64;
        let id = loop {
            let page: wire::OrderNumbers = self
                .get_as(
                    &session,
                    Request::Customer,
                    &["store", "orders"],
                    &[
                        ("limit", &PAGE.to_string()),
                        ("offset", &offset.to_string()),
                        ("order", "-created_at"),
                        ("fields", "id,display_id"),
                    ],
                )
                .await?;
            if let Some(order) = page
                .orders
                .iter()
                .find(|o| o.display_id.is_some_and(|d| d.to_string() == number))
            {
                break order.id.clone();
            }
            offset += page.orders.len() as u64;
            if page.orders.is_empty() || offset >= page.count {
                return Err(not_found());
            }
        };
        let answer: wire::Orders = self
            .get_as(
                &session,
                Request::Customer,
                &["store", "orders"],
                &[("id", &id), ("fields", wire::ORDER_LIST_FIELDS)],
            )
            .await?;
        match answer.orders.first() {
            Some(order) => self.map_order(order).await,
            None => Err(not_found()),
        }
    }

    /// `POST /auth/customer/emailpass/reset-password`: Medusa answers the same whether the
    /// email has an account or not, and hands the token to the brand's notification provider.
    async fn request_password_reset(&self, email: &str) -> Result<()> {
        let email = account::normalize_email(email);
        if let Some(problem) = email_problem(&email) {
            return Err(Error::invalid("email", problem));
        }
        self.transport
            .post_ignoring_answer(
                &["auth", "customer", "emailpass", "reset-password"],
                &json!({ "identifier": email }),
            )
            .await
            .map_err(during(Request::PasswordReset))
    }

    /// `POST /auth/customer/emailpass/update` with the reset token as bearer: the token names
    /// the identity, and Medusa takes it once. The password rule is checked first, so a weak
    /// password does not use the token up. A session signed in before stays valid (Medusa's
    /// tokens cannot be revoked) until it expires.
    async fn reset_password(&self, token: &str, password: &str) -> Result<()> {
        let token = token.trim();
        if token.is_empty() {
            return Err(Error::invalid("token", Problem::Invalid));
        }
        account::check_password(password)?;
        let _: IgnoredAny = self
            .transport
            .with_bearer(&Bearer(token.to_owned()))
            .post(
                &["auth", "customer", "emailpass", "update"],
                &[],
                &json!({ "password": password }),
            )
            .await
            .map_err(during(Request::NewPassword))?;
        Ok(())
    }

    /// The cart named in the customer's metadata, while it is open and still theirs (anyone
    /// holding a cart's id can give it to another customer in Medusa).
    async fn customer_cart(&self) -> Result<Option<Cart>> {
        let session = self.require_session()?;
        let me = self.me(&session).await?;
        let Some(id) = kept_cart(&me) else {
            return Ok(None);
        };
        let owner: Result<wire::CartOwnerEnvelope> = self
            .transport
            .get(
                &["store", "carts", id.as_str()],
                &[("fields", "id,completed_at,customer.id")],
            )
            .await
            .map_err(during(Request::Cart(&id)));
        match owner {
            Ok(owner)
                if owner.cart.completed_at.is_none()
                    && owner.cart.customer_id.as_deref() == Some(me.id.as_str()) =>
            {
                let w = self.fetch_cart(&id).await?;
                self.map_cart(&w).await.map(Some)
            }
            Ok(_) | Err(Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `POST /store/carts/{id}/customer` gives the cart (and the order it becomes) to the
    /// customer and sets its email to theirs; the cart's id is then kept in the customer's
    /// metadata for [`customer_cart`](Accounts::customer_cart). The same cart is kept. A
    /// completed cart is [`Error::Conflict`].
    async fn adopt_cart(&self, cart: &CartId) -> Result<Cart> {
        let session = self.require_session()?;
        let answer: wire::CartEnvelope = self
            .post_as(
                &session,
                Request::AdoptCart(cart),
                &["store", "carts", cart.as_str(), "customer"],
                &[FIELDS],
                &json!({}),
            )
            .await?;
        // Medusa gives a completed cart too, but its order stays whose it was.
        if answer.cart.completed_at.is_some() {
            return Err(Error::Conflict {
                message: format!("cart {cart} is already completed"),
            });
        }
        let _: wire::CustomerEnvelope = self
            .post_as(
                &session,
                Request::Customer,
                &["store", "customers", "me"],
                &[],
                &json!({ "metadata": { KEPT_CART_KEY: cart.as_str() } }),
            )
            .await?;
        self.map_cart(&answer.cart).await
    }
}

#[cfg(test)]
mod tests;
