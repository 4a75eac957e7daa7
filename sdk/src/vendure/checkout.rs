//! Checkout operations of the Vendure adapter: contact and addresses, shipping, payment with
//! Vendure's dummy handler, completing the order and looking orders up by code.

use cynic::{Id, MutationBuilder, QueryBuilder};

use super::VendureBackend;
use super::errors::{self, rename_forbidden, rename_not_found};
use super::mapping::{self, VendureAmounts};
use super::queries as q;
use super::session::Session;
use super::transport::RequestContext;
use crate::account::normalize_email;
use crate::address::{self, Address};
use crate::contact::email_problem;
use crate::error::{Error, FieldError, Problem, Resource, Result};
use crate::ids::{CartId, ShippingOptionId};
use crate::market::Market;
use crate::model::{
    CardMonth, Cart, Order, Payment, PaymentInput, PaymentKind, PaymentMethod, ShippingOption,
};

/// The Dhow test card that Vendure's dummy handler is asked to decline.
const DECLINE_CARD: &str = "4000000000000002";

pub(super) async fn set_email(backend: &VendureBackend, id: &CartId, email: &str) -> Result<Cart> {
    let email = email.trim();
    if let Some(problem) = email_problem(email) {
        return Err(Error::invalid("email", problem));
    }
    let session = backend.open_session(id)?;
    let order = backend.active_order(id, &session).await?;
    backend
        .set_customer(id, email, VendureBackend::names(order.as_ref()))
        .await
}

pub(super) async fn set_shipping_address(
    backend: &VendureBackend,
    id: &CartId,
    address: &Address,
) -> Result<Cart> {
    let session = backend.open_session(id)?;
    let market = backend.market(session.market.as_str())?;
    let mut fields = address::validate(address).err().unwrap_or_default();
    if address.country != market.country && !fields.iter().any(|f| f.field == "country") {
        fields.push(FieldError::new("country", Problem::CountryNotServed));
    }
    if !fields.is_empty() {
        return Err(Error::InvalidInput { fields });
    }
    let operation = q::SetShippingAddress::build(q::AddressVariables {
        input: mapping::address_input(&address.normalized()),
    });
    let cart = backend
        .change(
            id,
            "set_shipping_address",
            operation,
            |d: q::SetShippingAddress| d.set_order_shipping_address.into(),
            None,
            None,
        )
        .await?;
    // A guest who gave the email first gets the address's name on the customer record.
    match &cart.email {
        Some(email) => {
            let names = (
                address.first_name.trim().to_owned(),
                address.last_name.trim().to_owned(),
            );
            backend.set_customer(id, &email.clone(), names).await
        }
        None => Ok(cart),
    }
}

pub(super) async fn set_billing_address(
    backend: &VendureBackend,
    id: &CartId,
    address: Option<&Address>,
) -> Result<Cart> {
    match address {
        Some(address) => {
            address::validate(address).map_err(|fields| Error::InvalidInput { fields })?;
            let operation = q::SetBillingAddress::build(q::AddressVariables {
                input: mapping::address_input(&address.normalized()),
            });
            backend
                .change(
                    id,
                    "set_billing_address",
                    operation,
                    |d: q::SetBillingAddress| d.set_order_billing_address.into(),
                    None,
                    None,
                )
                .await
        }
        None => {
            let operation = q::UnsetBillingAddress::build(());
            backend
                .change(
                    id,
                    "unset_billing_address",
                    operation,
                    |d: q::UnsetBillingAddress| d.unset_order_billing_address.into(),
                    None,
                    None,
                )
                .await
        }
    }
}

pub(super) async fn shipping_options(
    backend: &VendureBackend,
    id: &CartId,
) -> Result<Vec<ShippingOption>> {
    let session = backend.open_session(id)?;
    let market = backend.market(session.market.as_str())?;
    let channel = backend.channel(market).await?;
    let operation = q::ShippingMethodsQuery::build(());
    let data = backend
        .in_session(id, &session, "shipping_methods", &operation)
        .await?;
    let money = VendureAmounts::new(market.currency, backend.config.money_precision)?;
    data.eligible_shipping_methods
        .into_iter()
        .map(|quote| mapping::shipping_option(quote, &money, channel.prices_include_tax))
        .collect()
}

pub(super) async fn set_shipping_option(
    backend: &VendureBackend,
    id: &CartId,
    option: &ShippingOptionId,
) -> Result<Cart> {
    let operation = q::SetShippingMethod::build(q::ShippingMethodVariables {
        ids: vec![Id::new(option.as_str())],
    });
    backend
        .change(
            id,
            "set_shipping_method",
            operation,
            |d: q::SetShippingMethod| d.set_order_shipping_method.into(),
            Some(option.as_str()),
            None,
        )
        .await
        .map_err(|e| rename_not_found(e, Resource::ShippingOption, option.as_str()))
}

pub(super) async fn payment_methods(
    backend: &VendureBackend,
    id: &CartId,
) -> Result<Vec<PaymentMethod>> {
    let session = backend.open_session(id)?;
    let operation = q::PaymentMethodsQuery::build(());
    let data = backend
        .in_session(id, &session, "payment_methods", &operation)
        .await?;
    Ok(data
        .eligible_payment_methods
        .into_iter()
        .filter(|m| m.is_eligible)
        .map(|m| PaymentMethod {
            id: crate::ids::PaymentMethodId(m.code),
            name: m.name,
            // Only test-card handlers are supported (see the module's documentation).
            kind: PaymentKind::TestCard,
        })
        .collect())
}

pub(super) async fn pay(
    backend: &VendureBackend,
    id: &CartId,
    input: &PaymentInput,
) -> Result<Payment> {
    // Paying a paid cart again (a retry after a lost answer) is the payment already made.
    let session = backend.session(id)?;
    if session.order_code.is_some()
        && let Some(payment) = &session.payment
    {
        return Ok(payment.clone());
    }
    let session = backend.open_session(id)?;
    let card = input
        .card
        .as_ref()
        .ok_or_else(|| Error::invalid("card_number", Problem::Required))?;
    // The form checks every backend's card gets (number, Luhn, expiry, CVC), before Vendure
    // sees the payment.
    let digits = card.check(CardMonth::now())?;
    let Some(order) = backend.active_order(id, &session).await? else {
        // The answer to an earlier payment may have been lost after the order was paid.
        if let Some((paid, _)) = backend.paid_elsewhere(id, &session, Some(&digits)).await?
            && let Some(payment) = paid.payment
        {
            return Ok(payment);
        }
        return Err(Error::Conflict {
            message: "the cart is empty".to_owned(),
        });
    };
    if order.state == q::OrderState::AddingItems {
        let operation = q::Transition::build(q::StateVariables {
            state: q::OrderState::ArrangingPayment,
        });
        let data = backend
            .in_session(id, &session, "transition_arranging_payment", &operation)
            .await?;
        let result = data
            .transition_order_to_state
            .ok_or_else(|| Error::Conflict {
                message: "the cart has no order to pay".to_owned(),
            })?;
        if let Err(refused) = errors::outcome(result.into(), None, None) {
            // A resent request (a browser resends a POST whose connection closed without
            // an answer) finds the order already moved by its first copy: that is success.
            let moved = backend
                .active_order(id, &session)
                .await?
                .is_some_and(|o| o.state == q::OrderState::ArrangingPayment);
            if !moved {
                return Err(refused);
            }
        }
    }
    // The dummy handler reads only this flag; the card number never leaves the browser.
    let metadata = serde_json::json!({ "shouldDecline": digits == DECLINE_CARD });
    let operation = q::AddPayment::build(q::PaymentVariables {
        input: q::PaymentInput {
            method: input.method.as_str().to_owned(),
            metadata: q::Json(metadata),
        },
    });
    let data = backend
        .in_session(id, &session, "add_payment", &operation)
        .await?;
    let paid = match errors::outcome(
        data.add_payment_to_order.into(),
        Some(input.method.as_str()),
        None,
    ) {
        Ok(order) => order,
        Err(e) => {
            // A refusal other than a decline may answer a resent request whose first copy
            // paid the order (NO_ACTIVE_ORDER_ERROR): that payment is the answer, and
            // reopening would start a new, empty order.
            if !matches!(e, Error::PaymentDeclined { .. })
                && let Some((paid, _)) = backend.paid_elsewhere(id, &session, Some(&digits)).await?
                && let Some(payment) = paid.payment
            {
                return Ok(payment);
            }
            backend.reopen(id, &session).await;
            return Err(e);
        }
    };
    let money = VendureAmounts::new(
        mapping::currency(paid.currency_code.code())?,
        backend.config.money_precision,
    )?;
    let payment = mapping::payment(&paid, &money, mapping::card_description(&digits))?;
    let mut session = session;
    session.order_code = Some(paid.code.clone());
    session.payment = Some(payment.clone());
    backend.save(id, &session)?;
    Ok(payment)
}

pub(super) async fn complete(backend: &VendureBackend, id: &CartId) -> Result<Order> {
    let mut session = backend.session(id)?;
    if let Some(order) = &session.order {
        return Ok(order.clone());
    }
    let Some(code) = session.order_code.clone() else {
        return Err(Error::Conflict {
            message: "the cart has not been paid".to_owned(),
        });
    };
    let operation = q::OrderByCodeQuery::build(q::CodeVariables { code: code.clone() });
    let found = backend
        .in_session(id, &session, "order_by_code", &operation)
        .await
        .map_err(|e| rename_forbidden(e, &code))?
        .order_by_code
        .ok_or_else(|| Error::not_found(Resource::Order, code.as_str()))?;
    if found.active {
        return Err(Error::Conflict {
            message: format!("order {code} is not paid yet"),
        });
    }
    let market = backend.market(session.market.as_str())?;
    let ctx = backend.cart_context(id, market).await?;
    let description = session
        .payment
        .as_ref()
        .map(|p| p.description.clone())
        .unwrap_or_default();
    let order = mapping::order(&found, &ctx, description)?;
    session.order = Some(order.clone());
    backend.save(id, &session)?;
    Ok(order)
}

pub(super) async fn order(backend: &VendureBackend, number: &str, email: &str) -> Result<Order> {
    let number = number.trim();
    let not_found = || Error::not_found(Resource::Order, number);
    let operation = q::OrderByCodeQuery::build(q::CodeVariables {
        code: number.to_owned(),
    });
    for channel in backend.channels_in_use() {
        let ctx = RequestContext {
            channel,
            ..RequestContext::default()
        };
        let found = match backend
            .transport
            .send("order_lookup", &operation, ctx)
            .await
        {
            Ok(reply) => reply.data.order_by_code,
            // Vendure refuses unknown codes and old guest orders alike: not found here.
            Err(Error::Backend { code, .. }) if code == "FORBIDDEN" => None,
            Err(e) => return Err(e),
        };
        let Some(found) = found else { continue };
        let email_matches = found
            .customer
            .as_ref()
            .is_some_and(|c| crate::text::eq_ignore_case(c.email_address.trim(), email.trim()));
        if !email_matches {
            return Err(not_found());
        }
        if let Some(order) = backend.placed(channel, &found).await? {
            return Ok(order);
        }
    }
    Err(not_found())
}

impl VendureBackend {
    /// The channels the configured markets are sold through, each once, in the markets' order.
    pub(super) fn channels_in_use(&self) -> Vec<Option<&str>> {
        let mut channels: Vec<Option<&str>> = Vec::new();
        for market in &self.markets {
            let channel = self.channel_of(market);
            if !channels.contains(&channel) {
                channels.push(channel);
            }
        }
        channels
    }

    /// A placed order, found in `channel`, as the shopper sees it in the market it was placed
    /// in. `None` when no market of `channel` sells in its currency: Vendure finds an order
    /// from other channels too (every order is also in the default channel), and the channel
    /// whose markets sell in the order's currency is the one it was placed in.
    pub(super) async fn placed(
        &self,
        channel: Option<&str>,
        found: &q::OrderFields,
    ) -> Result<Option<Order>> {
        let Some(market) = self.market_of(channel, found) else {
            return Ok(None);
        };
        let id = CartId(String::new());
        let ctx = self.cart_context(&id, market).await?;
        let description = found
            .payments
            .as_deref()
            .and_then(|p| p.last())
            .map(|p| p.method.clone())
            .unwrap_or_default();
        mapping::order(found, &ctx, description).map(Some)
    }

    /// Names for a guest customer taken from the order's shipping address, so the merchant sees
    /// who ordered; empty until an address is known.
    pub(super) fn names(order: Option<&q::OrderFields>) -> (String, String) {
        order
            .and_then(|o| o.shipping_address.as_ref())
            .and_then(mapping::address)
            .map(|a| (a.first_name, a.last_name))
            .unwrap_or_default()
    }

    pub(super) async fn set_customer(
        &self,
        id: &CartId,
        email: &str,
        names: (String, String),
    ) -> Result<Cart> {
        let session = self.open_session(id)?;
        if session.signed_in {
            return self.customer_contact(id, &session, email).await;
        }
        let operation = q::SetCustomer::build(q::CustomerVariables {
            input: q::CustomerInput {
                email_address: email.to_owned(),
                first_name: names.0,
                last_name: names.1,
            },
        });
        self.change(
            id,
            "set_customer",
            operation,
            |d: q::SetCustomer| d.set_customer_for_order.into(),
            None,
            None,
        )
        .await
    }

    /// The contact of a signed-in customer's cart is the customer: Vendure refuses to set
    /// another (`ALREADY_LOGGED_IN_ERROR`). The customer's own email is the cart as it is;
    /// another email is a conflict, so that an order is never confirmed to an address the
    /// shopper did not mean.
    async fn customer_contact(&self, id: &CartId, session: &Session, email: &str) -> Result<Cart> {
        let order = self.active_order(id, session).await?;
        let owner = match order.as_ref().and_then(|o| o.customer.as_ref()) {
            Some(customer) => Some(customer.email_address.clone()),
            None => self
                .account()?
                .filter(|account| account.token == session.token)
                .map(|account| account.email),
        };
        if let Some(owner) = owner
            && normalize_email(&owner) != normalize_email(email)
        {
            return Err(Error::Conflict {
                message: format!(
                    "the cart belongs to the signed-in customer {owner}: sign out to check out \
                     with another email"
                ),
            });
        }
        self.to_cart(id, session, order.as_ref()).await
    }

    /// The market an order looked up by code was placed in: one of the channel's markets in
    /// the order's currency, shipping to its country when one does.
    pub(super) fn market_of(
        &self,
        channel: Option<&str>,
        order: &q::OrderFields,
    ) -> Option<&Market> {
        let country = order
            .shipping_address
            .as_ref()
            .and_then(|a| a.country_code.as_deref())
            .unwrap_or_default();
        let candidates: Vec<&Market> = self
            .markets
            .iter()
            .filter(|m| self.channel_of(m) == channel)
            .filter(|m| m.currency.code() == order.currency_code.code())
            .collect();
        candidates
            .iter()
            .find(|m| m.country.as_str().eq_ignore_ascii_case(country))
            .or(candidates.first())
            .copied()
    }
}
