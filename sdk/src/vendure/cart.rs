//! Cart operations of the Vendure adapter: creating and reading a cart, moving it to another
//! market (re-priced in its channel, or re-created in another channel), lines and discount
//! codes.

use cynic::{Id, MutationBuilder, QueryBuilder};

use super::VendureBackend;
use super::errors::{self, paid_already, rename_not_found};
use super::queries as q;
use super::session::Session;
use crate::backend::Backend;
use crate::error::{Error, Problem, Resource, Result, Unsold};
use crate::ids::{CartId, LineId, VariantId};
use crate::market::Market;
use crate::model::{Cart, CheckoutState, Order};

pub(super) async fn create_cart(backend: &VendureBackend, market: &Market) -> Result<Cart> {
    let market = backend.market(market.id.as_str())?;
    let session = backend.start_session(market).await?;
    let id = CartId(format!("v{}", crate::storage::entropy()));
    backend.save(&id, &session)?;
    backend.to_cart(&id, &session, None).await
}

pub(super) async fn cart(backend: &VendureBackend, id: &CartId) -> Result<Cart> {
    let session = backend.session(id)?;
    if let Some(order) = &session.order {
        return Ok(cart_of(id, order));
    }
    if let Some(code) = &session.order_code {
        // Paid but not completed: the order has left the session; show it as it was placed.
        let operation = q::OrderByCodeQuery::build(q::CodeVariables { code: code.clone() });
        let order = backend
            .in_session(id, &session, "order_by_code", &operation)
            .await?;
        return backend
            .to_cart(id, &session, order.order_by_code.as_ref())
            .await;
    }
    let order = backend.active_order(id, &session).await?;
    if order.is_none()
        && let Some((session, paid)) = backend.paid_elsewhere(id, &session, None).await?
    {
        return backend.to_cart(id, &session, Some(&paid)).await;
    }
    backend.to_cart(id, &session, order.as_ref()).await
}

pub(super) async fn set_cart_market(
    backend: &VendureBackend,
    id: &CartId,
    market: &Market,
) -> Result<Cart> {
    let market = backend.market(market.id.as_str())?;
    let mut session = backend.open_session(id)?;
    if session.channel.as_deref() != backend.channel_of(market) {
        return backend.move_channel(id, &session, market).await;
    }
    let previous = backend.market(session.market.as_str())?.currency;
    session.market = market.id.clone();
    if previous == market.currency {
        backend.save(id, &session)?;
        return backend.cart(id).await;
    }
    let operation = q::SetCurrency::build(q::CurrencyVariables {
        currency: q::CurrencyCode::from_code(market.currency.code()),
    });
    // Sent in the new currency, so Vendure answers with the new prices.
    let data = backend
        .in_session(id, &session, "set_currency", &operation)
        .await;
    match data {
        Ok(data) => {
            let order = errors::outcome(data.set_currency_code_for_order.into(), None, None)?;
            backend.save(id, &session)?;
            backend.to_cart(id, &session, Some(&order)).await
        }
        // No order yet: nothing to re-price, the next request carries the new currency.
        Err(Error::Backend { .. }) if backend.active_order(id, &session).await?.is_none() => {
            backend.save(id, &session)?;
            backend.to_cart(id, &session, None).await
        }
        Err(e) => Err(e),
    }
}

pub(super) async fn add_line(
    backend: &VendureBackend,
    id: &CartId,
    variant: &VariantId,
    quantity: u32,
) -> Result<Cart> {
    let quantity = positive(quantity)?;
    let operation = q::AddItem::build(q::AddItemVariables {
        variant: Id::new(variant.as_str()),
        quantity,
    });
    backend
        .change(
            id,
            "add_item",
            operation,
            |d: q::AddItem| d.add_item_to_order.into(),
            Some(variant.as_str()),
            None,
        )
        .await
        .map_err(|e| rename_not_found(e, Resource::Variant, variant.as_str()))
}

pub(super) async fn update_line(
    backend: &VendureBackend,
    id: &CartId,
    line: &LineId,
    quantity: u32,
) -> Result<Cart> {
    if quantity == 0 {
        return backend.remove_line(id, line).await;
    }
    let operation = q::AdjustLine::build(q::AdjustLineVariables {
        line: Id::new(line.as_str()),
        quantity: positive(quantity)?,
    });
    backend
        .change(
            id,
            "adjust_line",
            operation,
            |d: q::AdjustLine| d.adjust_order_line.into(),
            Some(line.as_str()),
            None,
        )
        .await
        .map_err(|e| rename_not_found(e, Resource::Line, line.as_str()))
}

pub(super) async fn remove_line(
    backend: &VendureBackend,
    id: &CartId,
    line: &LineId,
) -> Result<Cart> {
    let operation = q::RemoveLine::build(q::LineVariables {
        line: Id::new(line.as_str()),
    });
    backend
        .change(
            id,
            "remove_line",
            operation,
            |d: q::RemoveLine| d.remove_order_line.into(),
            None,
            None,
        )
        .await
        .map_err(|e| rename_not_found(e, Resource::Line, line.as_str()))
}

pub(super) async fn apply_discount(
    backend: &VendureBackend,
    id: &CartId,
    code: &str,
) -> Result<Cart> {
    let code = code.trim();
    if code.is_empty() {
        return Err(Error::invalid("code", Problem::Required));
    }
    let operation = q::ApplyCoupon::build(q::CouponVariables {
        code: code.to_owned(),
    });
    backend
        .change(
            id,
            "apply_coupon",
            operation,
            |d: q::ApplyCoupon| d.apply_coupon_code.into(),
            None,
            Some(code),
        )
        .await
}

pub(super) async fn remove_discount(
    backend: &VendureBackend,
    id: &CartId,
    code: &str,
) -> Result<Cart> {
    let session = backend.open_session(id)?;
    let order = backend.active_order(id, &session).await?;
    // Vendure removes a code as written on the order.
    let Some(applied) = order.as_ref().and_then(|o| {
        o.coupon_codes
            .iter()
            .find(|c| c.eq_ignore_ascii_case(code.trim()))
    }) else {
        return Err(Error::not_found(Resource::Discount, code.trim()));
    };
    let operation = q::RemoveCoupon::build(q::CouponVariables {
        code: applied.clone(),
    });
    let data = backend
        .in_session(id, &session, "remove_coupon", &operation)
        .await?;
    backend
        .to_cart(id, &session, data.remove_coupon_code.as_ref())
        .await
}

impl VendureBackend {
    /// Moves a cart into another channel: a new session there with the same lines, discount
    /// codes and email. Lines that cannot be bought there fail the move; codes that do not
    /// apply there are dropped, as the cart then shows.
    ///
    /// A signed-in customer's cart stays in the customer's session, whose active order in the
    /// new channel takes the lines. The old channel's order is cancelled first (Vendure's
    /// `AddingItems → Cancelled`: an abandoned cart to the merchant, never placed): a customer
    /// session remembers one active order whatever the channel, and Vendure's default channel
    /// holds the orders of every channel, so an order left active there would be found again
    /// in place of the new one. A move that fails puts the lines back in the old channel.
    pub(super) async fn move_channel(
        &self,
        id: &CartId,
        session: &Session,
        market: &Market,
    ) -> Result<Cart> {
        let order = self.active_order(id, session).await?;
        // No order: it may have been paid while the answer was lost. Then the cart stays
        // where it is, paid; a new session would lose it.
        if order.is_none()
            && let Some((paid, _)) = self.paid_elsewhere(id, session, None).await?
        {
            return Err(paid_already(id, &paid));
        }
        let mut moved = if session.signed_in {
            Session::signed_in(&session.token, market, self.channel_of(market))
        } else {
            self.start_session(market).await?
        };
        let Some(order) = order else {
            self.save(id, &moved)?;
            return self.to_cart(id, &moved, None).await;
        };
        if session.signed_in {
            self.cancel_active(id, session).await?;
        }
        let last = match self.copy_order(id, &moved, &order).await {
            Ok(last) => last,
            Err(e) => {
                if session.signed_in {
                    // Best effort: the error says what went wrong whatever happens here.
                    let _ = self.cancel_active(id, &moved).await;
                    let _ = self.copy_order(id, session, &order).await;
                }
                return Err(e);
            }
        };
        moved.market = market.id.clone();
        self.save(id, &moved)?;
        self.to_cart(id, &moved, last.as_ref()).await
    }

    /// Puts the lines, discount codes and (for a guest) email of `order` into the active order
    /// of `session`; answers with that order as it last was.
    async fn copy_order(
        &self,
        id: &CartId,
        session: &Session,
        order: &q::OrderFields,
    ) -> Result<Option<q::OrderFields>> {
        let mut last: Option<q::OrderFields> = None;
        for line in &order.lines {
            let variant = line.product_variant.id.clone();
            let operation = q::AddItem::build(q::AddItemVariables {
                variant: variant.clone(),
                quantity: line.quantity,
            });
            let data = self.in_session(id, session, "add_item", &operation).await;
            let data = data.map_err(|e| match e {
                // The new session is ours; "not found" here means the variant is not sold there.
                Error::NotFound { .. } => Error::NotSold {
                    what: Unsold::Variant,
                    code: variant.inner().to_owned(),
                },
                other => other,
            })?;
            last = Some(errors::outcome(
                data.add_item_to_order.into(),
                Some(variant.inner()),
                None,
            )?);
        }
        for code in &order.coupon_codes {
            let operation = q::ApplyCoupon::build(q::CouponVariables { code: code.clone() });
            let data = self
                .in_session(id, session, "apply_coupon", &operation)
                .await?;
            if let Ok(order) = errors::outcome(data.apply_coupon_code.into(), None, Some(code)) {
                last = Some(order);
            }
        }
        // A signed-in customer is the contact of their orders already.
        if let Some(customer) = order.customer.as_ref().filter(|_| !session.signed_in) {
            let operation = q::SetCustomer::build(q::CustomerVariables {
                input: q::CustomerInput {
                    email_address: customer.email_address.clone(),
                    first_name: String::new(),
                    last_name: String::new(),
                },
            });
            let data = self
                .in_session(id, session, "set_customer", &operation)
                .await?;
            if let Ok(order) = errors::outcome(data.set_customer_for_order.into(), None, None) {
                last = Some(order);
            }
        }
        Ok(last)
    }

    /// Cancels the active order of `session`'s channel, so that it is no longer active.
    async fn cancel_active(&self, id: &CartId, session: &Session) -> Result<()> {
        let operation = q::Transition::build(q::StateVariables {
            state: q::OrderState::Cancelled,
        });
        let data = self
            .in_session(id, session, "transition_cancelled", &operation)
            .await?;
        match data.transition_order_to_state {
            Some(result) => errors::outcome(result.into(), None, None).map(|_| ()),
            None => Ok(()),
        }
    }
}

/// A quantity as GraphQL's `Int`, refusing zero.
fn positive(quantity: u32) -> Result<i32> {
    match i32::try_from(quantity) {
        Ok(q) if q > 0 => Ok(q),
        _ => Err(Error::invalid("quantity", Problem::Invalid)),
    }
}

/// A completed cart shown from its order: lines and totals as placed.
fn cart_of(id: &CartId, order: &Order) -> Cart {
    Cart {
        id: id.clone(),
        market: order.market.clone(),
        currency: order.totals.total.amount.currency(),
        lines: order.lines.clone(),
        discounts: Vec::new(),
        email: Some(order.email.clone()),
        shipping_address: Some(order.shipping_address.clone()),
        billing_address: order.billing_address.clone(),
        shipping_option: order.shipping_option.as_ref().map(|o| o.id.clone()),
        totals: order.totals.clone(),
        state: CheckoutState::Completed {
            order: Some(order.number.clone()),
        },
    }
}
