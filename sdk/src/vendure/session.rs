//! A cart's Vendure session: the record kept in the storage (bearer token, market, channel,
//! and what is known of its payment and order), and sending operations in it, including the
//! recovery of an order whose payment answer was lost.

use cynic::{MutationBuilder, QueryBuilder};
use serde::{Deserialize, Serialize};

use super::VendureBackend;
use super::errors::{self, paid_already};
use super::mapping::{self, CartContext, VendureAmounts};
use super::queries as q;
use super::transport::{Reply, RequestContext};
use crate::error::{Error, Resource, Result};
use crate::ids::{CartId, MarketId};
use crate::market::Market;
use crate::model::{Cart, CheckoutState, Order, Payment};

/// Where session records live in the storage.
const KEY_PREFIX: &str = "dhow.vendure.cart.";
/// Where a session record that could not be read is kept.
const RECOVERY_PREFIX: &str = "dhow.vendure.recovery.";
/// The schema version of the session records this adapter writes.
const SESSION_VERSION: u32 = 1;

/// A cart's session as kept in the storage.
#[derive(Clone, Serialize, Deserialize)]
pub(super) struct Session {
    /// Vendure's bearer token.
    pub(super) token: String,
    /// The market the cart is priced in.
    pub(super) market: MarketId,
    /// The channel token of the market when the session started.
    #[serde(default)]
    pub(super) channel: Option<String>,
    /// The order's code once a payment was accepted (the order left the session then).
    #[serde(default)]
    pub(super) order_code: Option<String>,
    /// The payment as described to the shopper.
    #[serde(default)]
    pub(super) payment: Option<Payment>,
    /// The placed order, once completed: completing again returns it.
    #[serde(default)]
    pub(super) order: Option<Order>,
    /// The code of the session's active order as last seen. When the answer to a payment is
    /// lost, the order has left the session: this is how the adapter finds it again.
    #[serde(default)]
    pub(super) active_code: Option<String>,
    /// Whether `token` is the signed-in customer's session (see `account.rs`): the order is the
    /// customer's, who is its contact, and a move to another channel keeps the session.
    #[serde(default)]
    pub(super) signed_in: bool,
}

// The token is a credential: never in a log.
impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("token", &"<hidden>")
            .field("market", &self.market)
            .field("channel", &self.channel)
            .field("order_code", &self.order_code)
            .field("payment", &self.payment)
            .field("order", &self.order)
            .field("active_code", &self.active_code)
            .field("signed_in", &self.signed_in)
            .finish()
    }
}

impl Session {
    /// A cart in the signed-in customer's session `token`, in `market` sold through `channel`:
    /// its order is the customer's active order of that channel.
    pub(super) fn signed_in(token: &str, market: &Market, channel: Option<&str>) -> Session {
        Session {
            token: token.to_owned(),
            market: market.id.clone(),
            channel: channel.map(str::to_owned),
            order_code: None,
            payment: None,
            order: None,
            active_code: None,
            signed_in: true,
        }
    }
}

fn key(id: &CartId) -> String {
    format!("{KEY_PREFIX}{}", id.as_str())
}

impl VendureBackend {
    /// The stored session of a cart, or [`Error::NotFound`]. A record this version cannot read
    /// (not JSON, another shape, a newer version) is [`Error::SetAside`]: moved under
    /// `dhow.vendure.recovery.cart.<id>`, so the storefront starts afresh and says so, and
    /// nothing (a paid order's code among it) is silently lost.
    pub(super) fn session(&self, id: &CartId) -> Result<Session> {
        let recovery = format!("{RECOVERY_PREFIX}cart.{}", id.as_str());
        crate::storage::read_record(&*self.storage, &key(id), &recovery, "cart", SESSION_VERSION)?
            .ok_or_else(|| Error::not_found(Resource::Cart, id.as_str()))
    }

    pub(super) fn save(&self, id: &CartId, session: &Session) -> Result<()> {
        crate::storage::write_record(&*self.storage, &key(id), SESSION_VERSION, session)
    }

    /// Forgets a cart's session record.
    pub(super) fn forget_cart(&self, id: &CartId) -> Result<()> {
        self.storage.remove(&key(id))
    }

    /// A session that can still change: not yet paid.
    pub(super) fn open_session(&self, id: &CartId) -> Result<Session> {
        let session = self.session(id)?;
        match &session.order_code {
            Some(_) => Err(paid_already(id, &session)),
            None => Ok(session),
        }
    }

    /// Sends an operation in a cart's session. A new token in the answer means Vendure no
    /// longer knows the session: the record is dropped and the cart is not found.
    pub(super) async fn in_session<T, V>(
        &self,
        id: &CartId,
        session: &Session,
        name: &str,
        operation: &cynic::Operation<T, V>,
    ) -> Result<T>
    where
        T: serde::de::DeserializeOwned,
        V: Serialize,
    {
        let market = self.market(session.market.as_str())?;
        let language = mapping::language(market);
        let ctx = RequestContext {
            channel: session.channel.as_deref(),
            session: Some(&session.token),
            currency: Some(market.currency.code()),
            language: language.as_deref(),
        };
        let Reply { data, new_session } = self.transport.send(name, operation, ctx).await?;
        if new_session.is_some() {
            self.storage.remove(&key(id))?;
            return Err(Error::not_found(Resource::Cart, id.as_str()));
        }
        Ok(data)
    }

    /// The mapping context of a cart in its market.
    pub(super) async fn cart_context<'a>(
        &self,
        id: &'a CartId,
        market: &'a Market,
    ) -> Result<CartContext<'a>> {
        let channel = self.channel(market).await?;
        Ok(CartContext {
            id,
            market,
            precision: self.config.money_precision,
            tax_included: channel.prices_include_tax,
        })
    }

    /// Maps an order of a cart's session to the cart.
    pub(super) async fn to_cart(
        &self,
        id: &CartId,
        session: &Session,
        order: Option<&q::OrderFields>,
    ) -> Result<Cart> {
        let market = self.market(session.market.as_str())?;
        let ctx = self.cart_context(id, market).await?;
        if let Some(order) = order
            && session.order_code.is_none()
            && session.active_code.as_deref() != Some(order.code.as_str())
        {
            // Another order than the one last seen: that one left the session. If it was paid
            // (the answer to the payment was lost), a change made since went to a new, empty
            // order: the cart is the paid one, never a second order to pay again.
            if session.active_code.is_some()
                && let Some((paid, _)) = self.paid_elsewhere(id, session, None).await?
            {
                return Err(paid_already(id, &paid));
            }
            let mut seen = session.clone();
            seen.active_code = Some(order.code.clone());
            // Only a help for finding a paid order again: a store that cannot keep it must not
            // turn the answer into an error.
            let _ = self.save(id, &seen);
        }
        let mut cart = match order {
            Some(order) => mapping::cart(order, &ctx)?,
            None => mapping::empty_cart(&ctx),
        };
        if session.order_code.is_some() {
            cart.state = CheckoutState::Paid;
        }
        Ok(cart)
    }

    /// Runs a mutation that answers with the order (or an error result) and maps the cart.
    pub(super) async fn change<T, V>(
        &self,
        id: &CartId,
        name: &str,
        operation: cynic::Operation<T, V>,
        pick: impl Fn(T) -> q::Outcome,
        subject: Option<&str>,
        coupon: Option<&str>,
    ) -> Result<Cart>
    where
        T: serde::de::DeserializeOwned,
        V: Serialize,
    {
        let session = self.open_session(id)?;
        let mut reopened = false;
        loop {
            let data = self.in_session(id, &session, name, &operation).await?;
            match pick(data) {
                // An order left in ArrangingPayment takes no changes (the answer to a payment
                // was lost after the order moved there, or the reopening after a decline was):
                // it goes back to AddingItems and the change is sent once more, so the cart is
                // never stuck. Paying again moves it forward again.
                q::Outcome::Refused(e)
                    if e.code == q::ErrorCode::OrderModificationError && !reopened =>
                {
                    reopened = true;
                    self.reopen(id, &session).await;
                }
                outcome => {
                    let order = errors::outcome(outcome, subject, coupon)?;
                    return self.to_cart(id, &session, Some(&order)).await;
                }
            }
        }
    }

    /// The order this session had, when it has left the session without the adapter knowing
    /// (the answer to the payment was lost): found by its code and, once paid, recorded as paid
    /// in the session, which is returned with it. `None` when there was no such order or it is
    /// not paid.
    pub(super) async fn paid_elsewhere(
        &self,
        id: &CartId,
        session: &Session,
        card: Option<&str>,
    ) -> Result<Option<(Session, q::OrderFields)>> {
        let Some(code) = session.active_code.clone() else {
            return Ok(None);
        };
        let operation = q::OrderByCodeQuery::build(q::CodeVariables { code: code.clone() });
        let found = match self
            .in_session(id, session, "order_by_code", &operation)
            .await
        {
            Ok(data) => data.order_by_code,
            Err(Error::Backend { code, .. }) if code == "FORBIDDEN" => None,
            Err(e) => return Err(e),
        };
        // Not active and past adding items: paid. A cancelled order is not a payment to keep.
        let paid = |o: &q::OrderFields| {
            !o.active
                && !matches!(
                    o.state,
                    q::OrderState::AddingItems | q::OrderState::Cancelled
                )
        };
        let Some(order) = found.filter(paid) else {
            return Ok(None);
        };
        let money = VendureAmounts::new(
            mapping::currency(order.currency_code.code())?,
            self.config.money_precision,
        )?;
        let description = card.map(mapping::card_description).unwrap_or_default();
        let mut paid = session.clone();
        paid.order_code = Some(order.code.clone());
        paid.payment = Some(mapping::payment(&order, &money, description)?);
        self.save(id, &paid)?;
        Ok(Some((paid, order)))
    }

    /// The session's active order (`None` before the first line, and once paid).
    pub(super) async fn active_order(
        &self,
        id: &CartId,
        session: &Session,
    ) -> Result<Option<q::OrderFields>> {
        let operation = q::ActiveOrderQuery::build(());
        Ok(self
            .in_session(id, session, "active_order", &operation)
            .await?
            .active_order)
    }

    /// Starts a session in `market`'s channel: Vendure issues a token with its first answer.
    pub(super) async fn start_session(&self, market: &Market) -> Result<Session> {
        let language = mapping::language(market);
        let operation = q::ActiveOrderQuery::build(());
        let reply = self
            .transport
            .send(
                "start_session",
                &operation,
                self.catalog_context(market, &language),
            )
            .await?;
        let token = reply.new_session.ok_or_else(no_session_token)?;
        Ok(Session {
            token,
            market: market.id.clone(),
            channel: self.channel_of(market).map(str::to_owned),
            order_code: None,
            payment: None,
            order: None,
            active_code: None,
            signed_in: false,
        })
    }

    /// Moves the order back to `AddingItems` after a refused payment, so it can be changed and
    /// paid again. A failure here is not the shopper's concern: `pay` retries from either state.
    pub(super) async fn reopen(&self, id: &CartId, session: &Session) {
        let operation = q::Transition::build(q::StateVariables {
            state: q::OrderState::AddingItems,
        });
        let _ = self
            .in_session(id, session, "transition_adding_items", &operation)
            .await;
    }
}

/// The error for an answer that should have started a session and carried no token.
pub(super) fn no_session_token() -> Error {
    Error::Backend {
        code: "no_session_token".to_owned(),
        message: "Vendure sent no vendure-auth-token header: its authOptions.tokenMethod must \
                  include 'bearer' (and CORS must expose the header)"
            .to_owned(),
    }
}
