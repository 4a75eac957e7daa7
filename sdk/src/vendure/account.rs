//! Customer accounts on Vendure: registration and signing in over the Shop API's native
//! authentication, the signed-in customer's session kept in the storage, the profile, address
//! book and order history, the password reset, and the customer's cart.
//!
//! # The account session
//!
//! Signing in (`login`, in a new session: never in a guest cart's, so that Vendure's own
//! order merge does not run, the SDK's [`account::sign_in`](crate::account::sign_in) merges)
//! gives a bearer token. It is kept with the customer's id and email under
//! `dhow.vendure.account` (a versioned record, as cart sessions are) and sent with every account
//! call, in the default channel: Vendure keeps customers there whatever channel they shop in.
//! When Vendure answers with a new token the session has ended on the server: the record is
//! forgotten and the call is [`Error::NotSignedIn`].
//!
//! Vendure's `logout` ends every session of the customer, on every device: signing out here
//! signs the customer out everywhere, and the adapter never ends a session it merely drops.
//!
//! # The customer's cart
//!
//! A customer's active order belongs to the customer, in every session of theirs, one per
//! channel. A cart of the account is a cart session record (see `session.rs`) holding the
//! account's token, marked `signed_in`; the account record lists them, and signing out forgets
//! them with it. Cart operations through [`Backend`] then act on the customer's order, and an
//! order placed in it is the customer's.
//!
//! Vendure's default channel also holds every other channel's orders, and answers there with
//! the customer's active order of another channel when it has none of its own. So the adapter
//! keeps one cart per customer where it can: a cart moved to another channel cancels its old
//! order (`move_channel`), [`customer_cart`](Accounts::customer_cart) looks in the default
//! channel last, and a cart adopted into a channel first settles what Vendure takes for the
//! customer's order there (`claim_channel`).

use cynic::{Id, MutationBuilder, QueryBuilder};
use serde::{Deserialize, Serialize};

use super::VendureBackend;
use super::errors::{self, paid_already, rename_not_found};
use super::mapping;
use super::queries as q;
use super::session::{Session, no_session_token};
use super::transport::{Reply, RequestContext};
use crate::account::{
    AccountFeatures, Accounts, AddressDefaults, Customer, OrderHistory, OrderPage, Profile,
    Registration, SavedAddress, check_password, check_registration, normalize_email,
};
use crate::address::{self, Address};
use crate::backend::Backend;
use crate::error::{Error, Problem, Resource, Result};
use crate::ids::{AddressId, CartId, CustomerId, VariantId};
use crate::market::Market;
use crate::model::{Cart, Order};

/// Where the account session lives in the storage.
const ACCOUNT_KEY: &str = "dhow.vendure.account";
/// Where an account record that could not be read is kept.
const ACCOUNT_RECOVERY: &str = "dhow.vendure.recovery.account";
/// The schema version of the account records this adapter writes.
const ACCOUNT_VERSION: u32 = 1;

/// The signed-in customer's session as kept in the storage.
#[derive(Clone, Serialize, Deserialize)]
pub(super) struct AccountSession {
    /// Vendure's bearer token of the customer's session.
    pub(super) token: String,
    /// The customer's id.
    pub(super) customer: CustomerId,
    /// The email the customer signed in with, as accounts compare it.
    pub(super) email: String,
    /// The cart session records made with this token (forgotten on signing out).
    #[serde(default)]
    pub(super) carts: Vec<CartId>,
}

// The token is a credential: never in a log.
impl std::fmt::Debug for AccountSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccountSession")
            .field("token", &"<hidden>")
            .field("customer", &self.customer)
            .field("email", &self.email)
            .field("carts", &self.carts)
            .finish()
    }
}

/// An account mutation's answer as what was asked for, or the error it maps to.
fn answer<T>(answer: q::Answer<T>) -> Result<T> {
    match answer {
        q::Answer::Done(done) => Ok(done),
        q::Answer::Refused(e) => Err(errors::refused(e, None, None)),
        q::Answer::Unknown(name) => Err(Error::Backend {
            code: name.clone(),
            message: format!("the store answered with an unknown result type `{name}`"),
        }),
    }
}

impl VendureBackend {
    /// The signed-in customer's session, or `None`. A record this version cannot read is set
    /// aside ([`Error::SetAside`]), as cart sessions are.
    pub(super) fn account(&self) -> Result<Option<AccountSession>> {
        crate::storage::read_record(
            &*self.storage,
            ACCOUNT_KEY,
            ACCOUNT_RECOVERY,
            "account",
            ACCOUNT_VERSION,
        )
    }

    /// The signed-in customer's session, or [`Error::NotSignedIn`].
    fn signed_in(&self) -> Result<AccountSession> {
        self.account()?.ok_or(Error::NotSignedIn)
    }

    fn keep_account(&self, account: &AccountSession) -> Result<()> {
        crate::storage::write_record(&*self.storage, ACCOUNT_KEY, ACCOUNT_VERSION, account)
    }

    /// Forgets an account session and the carts made in it.
    fn forget_account(&self, account: &AccountSession) -> Result<()> {
        for id in &account.carts {
            self.forget_cart(id)?;
        }
        // Only this session's record: another tab may have signed in since.
        let current = self.account()?;
        if current.is_some_and(|c| c.token == account.token) {
            self.storage.remove(ACCOUNT_KEY)?;
        }
        Ok(())
    }

    /// Ends a session on the server, and with it (Vendure's `logout` does so) every session
    /// of the same customer, on every device. A session the server no longer knows is ended
    /// already, and a failure leaves a session that expires on its own: neither is the
    /// shopper's concern.
    async fn end_session(&self, token: &str) {
        let ctx = RequestContext {
            session: Some(token),
            ..RequestContext::default()
        };
        let _ = self
            .transport
            .send("logout", &q::Logout::build(()), ctx)
            .await;
    }

    /// Sends an operation in the customer's session, in `channel`. A new token in the answer,
    /// or a refusal because nobody is signed in, means the session has ended on the server:
    /// it is forgotten and the call is [`Error::NotSignedIn`].
    async fn as_customer<T, V>(
        &self,
        account: &AccountSession,
        channel: Option<&str>,
        name: &str,
        operation: &cynic::Operation<T, V>,
    ) -> Result<T>
    where
        T: serde::de::DeserializeOwned,
        V: Serialize,
    {
        let ctx = RequestContext {
            channel,
            session: Some(&account.token),
            ..RequestContext::default()
        };
        match self.transport.send(name, operation, ctx).await {
            Ok(Reply {
                data,
                new_session: None,
            }) => Ok(data),
            Ok(_) => {
                self.forget_account(account)?;
                Err(Error::NotSignedIn)
            }
            // Vendure refuses a customer's mutation in a session it does not know (it starts an
            // anonymous one) and one on another customer's address alike: asking tells which.
            Err(Error::Backend { code, message }) if code == "FORBIDDEN" => {
                self.active_customer(account).await?;
                Err(Error::Backend { code, message })
            }
            Err(e) => Err(e),
        }
    }

    /// The signed-in customer as Vendure has them; [`Error::NotSignedIn`] (and the session
    /// forgotten) when the session has no customer any more.
    async fn active_customer(&self, account: &AccountSession) -> Result<q::AccountFields> {
        let ctx = RequestContext {
            session: Some(&account.token),
            ..RequestContext::default()
        };
        let operation = q::ActiveCustomerQuery::build(());
        let reply = self
            .transport
            .send("active_customer", &operation, ctx)
            .await?;
        match reply.data.active_customer {
            Some(customer) if reply.new_session.is_none() => Ok(customer),
            _ => {
                self.forget_account(account)?;
                Err(Error::NotSignedIn)
            }
        }
    }

    /// Signs in in a new session: its token, or the refusal ([`Error::WrongCredentials`],
    /// [`Error::NotVerified`]).
    async fn log_in(&self, email: &str, password: &str) -> Result<String> {
        let operation = q::Login::build(q::LoginVariables {
            username: email.to_owned(),
            password: password.to_owned(),
        });
        let Reply { data, new_session } = self
            .transport
            .send("login", &operation, RequestContext::default())
            .await?;
        answer(data.login.into())?;
        new_session.ok_or_else(no_session_token)
    }

    /// Keeps the session of a customer who just signed in, in place of the one before.
    async fn begin(&self, token: String) -> Result<Customer> {
        let ctx = RequestContext {
            session: Some(&token),
            ..RequestContext::default()
        };
        let operation = q::ActiveCustomerQuery::build(());
        let reply = self
            .transport
            .send("active_customer", &operation, ctx)
            .await?;
        let fields = match reply.data.active_customer {
            Some(fields) if reply.new_session.is_none() => fields,
            _ => {
                return Err(Error::Decode {
                    message: "the session Vendure opened on signing in has no customer".to_owned(),
                });
            }
        };
        let customer = mapping::customer(fields);
        let mut carts = Vec::new();
        match self.account() {
            // The same customer again: their carts move into the new session, under the ids
            // the storefront keeps. The old session is not ended: Vendure's `logout` would end
            // the new one too (it ends every session of the customer).
            Ok(Some(previous)) if previous.customer == customer.id => {
                for id in &previous.carts {
                    match self.session(id) {
                        Ok(mut session) if session.token == previous.token => {
                            session.token = token.clone();
                            self.save(id, &session)?;
                            carts.push(id.clone());
                        }
                        Ok(_) | Err(Error::NotFound { .. }) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
            // Another customer was signed in here: signed out first.
            Ok(Some(previous)) => {
                self.end_session(&previous.token).await;
                self.forget_account(&previous)?;
            }
            // An unreadable record was set aside by reading it; the new one takes its place.
            Ok(None) | Err(Error::SetAside { .. }) => {}
            Err(e) => return Err(e),
        }
        self.keep_account(&AccountSession {
            token,
            customer: customer.id.clone(),
            email: customer.email.clone(),
            carts,
        })?;
        Ok(customer)
    }

    /// The open cart of the account in `channel`: a record made with the account's token that
    /// has not been paid.
    fn account_cart(
        &self,
        account: &AccountSession,
        channel: Option<&str>,
    ) -> Result<Option<(CartId, Session)>> {
        for id in &account.carts {
            let session = match self.session(id) {
                Ok(session) => session,
                Err(Error::NotFound { .. }) => continue,
                Err(e) => return Err(e),
            };
            if session.token == account.token
                && session.channel.as_deref() == channel
                && session.order_code.is_none()
                && session.order.is_none()
            {
                return Ok(Some((id.clone(), session)));
            }
        }
        Ok(None)
    }

    /// A new cart record of the account in `market`, sold through `channel`.
    fn bind_cart(
        &self,
        account: &AccountSession,
        market: &Market,
        channel: Option<&str>,
    ) -> Result<(CartId, Session)> {
        let id = CartId(format!("v{}", crate::storage::entropy()));
        let session = Session::signed_in(&account.token, market, channel);
        // Listed before it is written, so signing out never misses it.
        let mut current = self.signed_in()?;
        if current.token != account.token {
            return Err(Error::NotSignedIn);
        }
        current.carts.push(id.clone());
        self.keep_account(&current)?;
        self.save(&id, &session)?;
        Ok((id, session))
    }

    /// Makes the customer's active order in `channel` one of that channel's, before the
    /// account's cart there takes lines. Vendure's default channel holds the orders of every
    /// channel, and answers with the customer's active order of another channel when it has
    /// none of its own: an empty one is cancelled, and a cart with lines is moved into
    /// `market` (as `move_channel` moves carts). Answers the id of the cart moved, if any.
    async fn claim_channel(
        &self,
        account: &AccountSession,
        channel: Option<&str>,
        market: &Market,
    ) -> Result<Option<CartId>> {
        let active = q::ActiveOrderQuery::build(());
        let cancel = q::Transition::build(q::StateVariables {
            state: q::OrderState::Cancelled,
        });
        // Each round cancels or moves one order, which is then no longer active.
        for _ in 0..3 {
            let data = self
                .as_customer(account, channel, "active_order", &active)
                .await?;
            let Some(order) = data.active_order else {
                return Ok(None);
            };
            if self.market_of(channel, &order).is_some() {
                return Ok(None);
            }
            let home = self
                .channels_in_use()
                .into_iter()
                .filter(|c| *c != channel)
                .find_map(|c| self.market_of(c, &order).map(|m| (c, m)));
            let Some((home, home_market)) = home else {
                return Err(Error::Conflict {
                    message: format!(
                        "the customer's open order {} is in {}, which no market sells in",
                        order.code,
                        order.currency_code.code()
                    ),
                });
            };
            if order.lines.is_empty() {
                let data = self
                    .as_customer(account, channel, "transition_cancelled", &cancel)
                    .await?;
                if let Some(result) = data.transition_order_to_state {
                    errors::outcome(result.into(), None, None)?;
                }
                continue;
            }
            let id = match self.account_cart(account, home)? {
                Some((id, _)) => id,
                None => self.bind_cart(account, home_market, home)?.0,
            };
            self.set_cart_market(&id, market).await?;
            return Ok(Some(id));
        }
        Err(Error::Conflict {
            message: "the customer has more open orders in other channels than can be \
                      sorted out at once"
                .to_owned(),
        })
    }

    /// A page of the customer's placed orders (or the one with `code`), newest first, and how
    /// many there are. Asked in the default channel, which holds the orders of every channel;
    /// only orders in a currency the configured markets sell are listed, so that each maps
    /// into a market and the count stays exact.
    async fn placed_orders(
        &self,
        account: &AccountSession,
        skip: i32,
        take: i32,
        code: Option<&str>,
    ) -> Result<(Vec<Order>, u32)> {
        let mut currencies: Vec<String> = Vec::new();
        for market in &self.markets {
            let code = market.currency.code().to_owned();
            if !currencies.contains(&code) {
                currencies.push(code);
            }
        }
        let options = q::OrderListOptions {
            skip,
            take,
            sort: q::OrderSort {
                order_placed_at: q::SortOrder::Desc,
            },
            filter: q::OrderFilter {
                code: code.map(|code| q::StringOperators {
                    eq: Some(code.to_owned()),
                    ..q::StringOperators::default()
                }),
                // Placed orders only: the active order is the cart, and a cancelled cart (see
                // `move_channel`) was never an order.
                active: Some(q::BooleanOperators { eq: false }),
                order_placed_at: Some(q::DateOperators { is_null: false }),
                currency_code: Some(q::StringOperators {
                    in_: Some(currencies),
                    ..q::StringOperators::default()
                }),
            },
        };
        let operation = q::CustomerOrdersQuery::build(q::OrdersVariables { options });
        let data = self
            .as_customer(account, None, "customer_orders", &operation)
            .await?;
        let Some(customer) = data.active_customer else {
            self.forget_account(account)?;
            return Err(Error::NotSignedIn);
        };
        let list = customer.orders;
        let mut orders = Vec::with_capacity(list.items.len());
        for found in &list.items {
            orders.push(self.placed_anywhere(found).await?);
        }
        let total = u32::try_from(list.total_items).map_err(|_| Error::Decode {
            message: format!("order count {} is negative", list.total_items),
        })?;
        Ok((orders, total))
    }

    /// A placed order in the market of the configured channel that sells in its currency.
    async fn placed_anywhere(&self, found: &q::OrderFields) -> Result<Order> {
        for channel in self.channels_in_use() {
            if let Some(order) = self.placed(channel, found).await? {
                return Ok(order);
            }
        }
        Err(Error::Decode {
            message: format!(
                "order {} is in {}, which no market sells in",
                found.code,
                found.currency_code.code()
            ),
        })
    }

    /// An address mutation's refusal: an address that is not the customer's is not found.
    fn address_error(error: Error, id: &AddressId) -> Error {
        match rename_not_found(error, Resource::Address, id.as_str()) {
            Error::Backend { code, .. } if code == "FORBIDDEN" => {
                Error::not_found(Resource::Address, id.as_str())
            }
            other => other,
        }
    }
}

/// Customer accounts on Vendure's Shop API.
///
/// - [`register`](Accounts::register): `registerCustomerAccount`, then `login`. Vendure answers
///   the registration of an email that has an account with the same success as a new one and
///   changes nothing (so as not to tell who has an account). The adapter tells by the
///   credentials themselves: when they sign in before registering, or do not sign in right
///   after, the account was there already: [`Error::EmailTaken`].
/// - The password reset: `requestPasswordReset` and `resetPassword`. Vendure delivers the
///   token only through the brand's `EmailPlugin` (its `PasswordResetEvent` handler), which
///   the server must have set up: without it no message is sent.
/// - Verification: with Vendure's `authOptions.requireVerification: true` (and the
///   `EmailPlugin` to send the link), signing in before `verifyCustomerAccount` is
///   [`Error::NotVerified`]. The adapter's configuration cannot say whether the server requires
///   it, so [`AccountFeatures::verification`] reports `false`: the setting of Dhow's test
///   server (`backends/vendure/src/vendure-config.js`).
impl Accounts for VendureBackend {
    fn account_features(&self) -> AccountFeatures {
        AccountFeatures {
            password_reset: true,
            verification: false,
        }
    }

    async fn register(&self, registration: &Registration) -> Result<Customer> {
        check_registration(registration)?;
        let email = normalize_email(&registration.email);
        match self.log_in(&email, &registration.password).await {
            // The session that signing in opened is dropped, not ended: Vendure's `logout`
            // ends every session of the customer, on every device.
            Ok(_) => return Err(Error::EmailTaken),
            // No account with these credentials (or one waiting for verification, which
            // registering again sends a new link for).
            Err(Error::WrongCredentials | Error::NotVerified) => {}
            Err(e) => return Err(e),
        }
        let operation = q::Register::build(q::RegisterVariables {
            input: q::RegisterInput {
                email_address: email.clone(),
                first_name: registration.first_name.trim().to_owned(),
                last_name: registration.last_name.trim().to_owned(),
                password: registration.password.clone(),
            },
        });
        let reply = self
            .transport
            .send("register", &operation, RequestContext::default())
            .await?;
        answer(reply.data.register_customer_account.into())?;
        let token = match self.log_in(&email, &registration.password).await {
            Ok(token) => token,
            // Registered with this password a moment ago, yet it does not sign in: Vendure left
            // the account that was there as it was.
            Err(Error::WrongCredentials) => return Err(Error::EmailTaken),
            Err(e) => return Err(e),
        };
        self.begin(token).await
    }

    async fn sign_in(&self, email: &str, password: &str) -> Result<Customer> {
        let email = normalize_email(email);
        if email.is_empty() || password.is_empty() {
            return Err(Error::WrongCredentials);
        }
        let token = self.log_in(&email, password).await?;
        self.begin(token).await
    }

    async fn sign_out(&self) -> Result<()> {
        let account = match self.account() {
            Ok(Some(account)) => account,
            // Nobody is signed in (an unreadable record was set aside by reading it).
            Ok(None) | Err(Error::SetAside { .. }) => return Ok(()),
            Err(e) => return Err(e),
        };
        self.end_session(&account.token).await;
        self.forget_account(&account)
    }

    async fn customer(&self) -> Result<Option<Customer>> {
        let Some(account) = self.account()? else {
            return Ok(None);
        };
        match self.active_customer(&account).await {
            Ok(fields) => Ok(Some(mapping::customer(fields))),
            Err(Error::NotSignedIn) => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn update_profile(&self, profile: &Profile) -> Result<Customer> {
        let account = self.signed_in()?;
        crate::account::check_profile(profile)?;
        let operation = q::UpdateProfile::build(q::ProfileVariables {
            input: q::ProfileInput {
                first_name: profile.first_name.trim().to_owned(),
                last_name: profile.last_name.trim().to_owned(),
                phone_number: profile
                    .phone
                    .as_deref()
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned),
            },
        });
        let data = self
            .as_customer(&account, None, "update_customer", &operation)
            .await?;
        Ok(mapping::customer(data.update_customer))
    }

    async fn addresses(&self) -> Result<Vec<SavedAddress>> {
        let account = self.signed_in()?;
        let operation = q::AddressBookQuery::build(());
        let data = self
            .as_customer(&account, None, "addresses", &operation)
            .await?;
        let Some(book) = data.active_customer else {
            self.forget_account(&account)?;
            return Err(Error::NotSignedIn);
        };
        book.addresses
            .unwrap_or_default()
            .into_iter()
            .map(mapping::saved_address)
            .collect()
    }

    async fn add_address(
        &self,
        address: &Address,
        defaults: AddressDefaults,
    ) -> Result<SavedAddress> {
        let account = self.signed_in()?;
        address::validate(address).map_err(|fields| Error::InvalidInput { fields })?;
        let operation = q::CreateAddress::build(q::AddressVariables {
            input: mapping::new_saved_address(&address.normalized(), defaults),
        });
        let data = self
            .as_customer(&account, None, "create_address", &operation)
            .await?;
        mapping::saved_address(data.create_customer_address)
    }

    async fn update_address(
        &self,
        id: &AddressId,
        address: &Address,
        defaults: AddressDefaults,
    ) -> Result<SavedAddress> {
        let account = self.signed_in()?;
        address::validate(address).map_err(|fields| Error::InvalidInput { fields })?;
        let operation = q::UpdateAddress::build(q::UpdateAddressVariables {
            input: mapping::replaced_address(id, &address.normalized(), defaults),
        });
        let data = self
            .as_customer(&account, None, "update_address", &operation)
            .await
            .map_err(|e| Self::address_error(e, id))?;
        mapping::saved_address(data.update_customer_address)
    }

    async fn remove_address(&self, id: &AddressId) -> Result<()> {
        let account = self.signed_in()?;
        let operation = q::DeleteAddress::build(q::IdVariables {
            id: Id::new(id.as_str()),
        });
        let data = self
            .as_customer(&account, None, "delete_address", &operation)
            .await
            .map_err(|e| Self::address_error(e, id))?;
        if data.delete_customer_address.success {
            Ok(())
        } else {
            Err(Error::not_found(Resource::Address, id.as_str()))
        }
    }

    async fn orders(&self, page: OrderPage) -> Result<OrderHistory> {
        let account = self.signed_in()?;
        let take = match i32::try_from(page.limit) {
            Ok(take @ 1..=100) => take,
            _ => return Err(Error::invalid("limit", Problem::Invalid)),
        };
        let skip =
            i32::try_from(page.offset).map_err(|_| Error::invalid("offset", Problem::Invalid))?;
        let (orders, total) = self.placed_orders(&account, skip, take, None).await?;
        Ok(OrderHistory { orders, total })
    }

    async fn customer_order(&self, number: &str) -> Result<Order> {
        let account = self.signed_in()?;
        let number = number.trim();
        if number.is_empty() {
            return Err(Error::not_found(Resource::Order, number));
        }
        // Only the customer's own orders are searched: another customer's is not found.
        let (orders, _) = self.placed_orders(&account, 0, 1, Some(number)).await?;
        orders
            .into_iter()
            .next()
            .ok_or_else(|| Error::not_found(Resource::Order, number))
    }

    async fn request_password_reset(&self, email: &str) -> Result<()> {
        let email = normalize_email(email);
        if let Some(problem) = crate::contact::email_problem(&email) {
            return Err(Error::invalid("email", problem));
        }
        let operation = q::RequestPasswordReset::build(q::EmailVariables { email });
        let reply = self
            .transport
            .send(
                "request_password_reset",
                &operation,
                RequestContext::default(),
            )
            .await?;
        match reply.data.request_password_reset {
            Some(result) => answer(result.into()).map(|_| ()),
            None => Ok(()),
        }
    }

    async fn reset_password(&self, token: &str, password: &str) -> Result<()> {
        let token = token.trim();
        if token.is_empty() {
            return Err(Error::invalid("token", Problem::Required));
        }
        check_password(password)?;
        let operation = q::ResetPassword::build(q::ResetPasswordVariables {
            token: token.to_owned(),
            password: password.to_owned(),
        });
        let reply = self
            .transport
            .send("reset_password", &operation, RequestContext::default())
            .await?;
        answer(reply.data.reset_password.into())?;
        // Vendure signs the customer in with the new password. Who is signed in changes only
        // through `sign_in`, so that session is ended at once, and with it every session of
        // the customer (Vendure's `logout`): after a new password, everywhere signs in again.
        if let Some(session) = reply.new_session {
            self.end_session(&session).await;
        }
        Ok(())
    }

    async fn customer_cart(&self) -> Result<Option<Cart>> {
        let account = self.signed_in()?;
        // The default channel last: it shows the orders of every channel.
        let mut channels = self.channels_in_use();
        crate::sorting::sort_by(&mut channels, |a, b| a.is_none().cmp(&b.is_none()));
        for channel in channels {
            if let Some((id, _)) = self.account_cart(&account, channel)? {
                let cart = match self.cart(&id).await {
                    Ok(cart) => cart,
                    // The session ended on the server: so did the account's.
                    Err(Error::NotFound {
                        what: Resource::Cart,
                        ..
                    }) => {
                        self.forget_account(&account)?;
                        return Err(Error::NotSignedIn);
                    }
                    Err(e) => return Err(e),
                };
                if !cart.lines.is_empty() {
                    return Ok(Some(cart));
                }
                continue;
            }
            let operation = q::ActiveOrderQuery::build(());
            let data = self
                .as_customer(&account, channel, "active_order", &operation)
                .await?;
            let Some(order) = data.active_order.filter(|o| !o.lines.is_empty()) else {
                continue;
            };
            // The default channel also finds the active orders of other channels: each is
            // taken up in its own channel.
            let Some(market) = self.market_of(channel, &order) else {
                continue;
            };
            let (id, session) = self.bind_cart(&account, market, channel)?;
            return self.to_cart(&id, &session, Some(&order)).await.map(Some);
        }
        Ok(None)
    }

    async fn adopt_cart(&self, cart: &CartId) -> Result<Cart> {
        let account = self.signed_in()?;
        let guest = self.session(cart)?;
        if guest.token == account.token {
            return self.cart(cart).await;
        }
        if guest.order_code.is_some() || guest.order.is_some() {
            return Err(paid_already(cart, &guest));
        }
        let market = self.market(guest.market.as_str())?.clone();
        let order = self.active_order(cart, &guest).await?;
        let channel = guest.channel.as_deref();
        let moved = self.claim_channel(&account, channel, &market).await?;
        let id = match (moved, self.account_cart(&account, channel)?) {
            (Some(id), _) | (None, Some((id, _))) => id,
            (None, None) => self.bind_cart(&account, &market, channel)?.0,
        };
        let mut adopted = self.cart(&id).await?;
        if adopted.market != market.id {
            adopted = self.set_cart_market(&id, &market).await?;
        }
        let Some(order) = order else {
            return Ok(adopted);
        };
        for line in &order.lines {
            let variant = VariantId(line.product_variant.id.inner().to_owned());
            let Ok(quantity) = u32::try_from(line.quantity) else {
                continue;
            };
            match self.add_line(&id, &variant, quantity).await {
                Ok(cart) => adopted = cart,
                // A line that cannot be bought any more is left out rather than failing.
                Err(
                    Error::NotSold { .. }
                    | Error::OutOfStock { .. }
                    | Error::NotFound {
                        what: Resource::Variant,
                        ..
                    },
                ) => {}
                Err(e) => return Err(e),
            }
        }
        for code in &order.coupon_codes {
            // A code that does not apply to the customer's cart is dropped, as the cart then
            // shows.
            if let Ok(cart) = self.apply_discount(&id, code).await {
                adopted = cart;
            }
        }
        Ok(adopted)
    }
}

#[cfg(test)]
mod tests;
