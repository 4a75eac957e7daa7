//! Checkout operations of the Medusa adapter: contact and addresses, shipping options, payment
//! with Medusa's system provider, placing the order, and finding orders placed on this device.

use serde_json::json;

use super::cart::FIELDS;
use super::errors::{Request, during};
use super::transport::{ApiError, Failure};
use super::{MedusaBackend, mapping, wire};
use crate::address::{self, Address};
use crate::contact::email_problem;
use crate::error::{Error, Problem, Resource, Result};
use crate::ids::{CartId, ShippingOptionId};
use crate::model::{
    Cart, Order, Payment, PaymentInput, PaymentKind, PaymentMethod, ShippingOption,
};

/// Storage key of the order id placed under a number (order lookup on this device).
fn order_key(number: &str) -> String {
    format!("dhow.medusa.order.{number}")
}

/// Storage key of the order id a cart became (completing twice).
fn cart_order_key(cart: &CartId) -> String {
    format!("dhow.medusa.cart-order.{cart}")
}

impl MedusaBackend {
    pub(super) async fn email(&self, cart: &CartId, email: &str) -> Result<Cart> {
        let email = email.trim();
        if let Some(problem) = email_problem(email) {
            return Err(Error::invalid("email", problem));
        }
        self.update_cart(cart, &json!({ "email": email }))
            .await
            .map_err(during(Request::SetEmail(cart)))
    }

    /// Sets the shipping address after checking every field, so the shopper sees every problem
    /// at once. A billing address that was the shipping address (or none) follows it.
    pub(super) async fn shipping_address(&self, cart: &CartId, address: &Address) -> Result<Cart> {
        address::validate(address).map_err(|fields| Error::InvalidInput { fields })?;
        let current = self.fetch_cart(cart).await?;
        let wire_address = mapping::from_address(address);
        let old_shipping = current
            .shipping_address
            .as_ref()
            .and_then(mapping::to_address);
        let old_billing = current
            .billing_address
            .as_ref()
            .and_then(mapping::to_address);
        let mut body = json!({ "shipping_address": wire_address });
        if old_billing.is_none() || old_billing == old_shipping {
            body["billing_address"] = json!(wire_address);
        }
        self.update_cart(cart, &body)
            .await
            .map_err(during(Request::SetAddress(cart)))
    }

    /// Sets a billing address, or bills to the shipping address.
    pub(super) async fn billing_address(
        &self,
        cart: &CartId,
        address: Option<&Address>,
    ) -> Result<Cart> {
        let billing = match address {
            Some(address) => {
                address::validate(address).map_err(|fields| Error::InvalidInput { fields })?;
                mapping::from_address(address)
            }
            None => {
                let current = self.fetch_cart(cart).await?;
                match current
                    .shipping_address
                    .as_ref()
                    .and_then(mapping::to_address)
                {
                    Some(shipping) => mapping::from_address(&shipping),
                    // No shipping address yet: nothing to copy; it is copied when one is set.
                    None => return self.map_cart(&current).await,
                }
            }
        };
        self.update_cart(cart, &json!({ "billing_address": billing }))
            .await
            .map_err(during(Request::SetAddress(cart)))
    }

    pub(super) async fn options_for(&self, cart: &CartId) -> Result<Vec<ShippingOption>> {
        let current = self.fetch_cart(cart).await?;
        let currency = mapping::currency(&current.currency_code)?;
        let answer: wire::ShippingOptions = self
            .transport
            .get(
                &["store", "shipping-options"],
                &[("cart_id", cart.as_str())],
            )
            .await
            .map_err(during(Request::Cart(cart)))?;
        priced_options(&answer, currency)
    }

    pub(super) async fn choose_option(
        &self,
        cart: &CartId,
        option: &ShippingOptionId,
    ) -> Result<Cart> {
        let answer: std::result::Result<wire::CartEnvelope, Failure> = self
            .transport
            .post(
                &["store", "carts", cart.as_str(), "shipping-methods"],
                &[FIELDS],
                &json!({ "option_id": option.as_str() }),
            )
            .await;
        match answer {
            Ok(answer) => self.map_cart(&answer.cart).await,
            Err(failure) => Err(during(Request::ChooseOption(cart))(failure)),
        }
    }

    /// The providers of the cart's region that Dhow can pay with: Medusa's system provider.
    pub(super) async fn methods_for(&self, cart: &CartId) -> Result<Vec<PaymentMethod>> {
        let current = self.fetch_cart(cart).await?;
        let region = current.region_id.unwrap_or_default();
        let answer: wire::PaymentProviders = self
            .transport
            .get(
                &["store", "payment-providers"],
                &[("region_id", region.as_str())],
            )
            .await?;
        Ok(payment_methods(&answer))
    }

    /// A payment collection for the cart (Medusa returns the existing one on a retry) and a
    /// session with the chosen provider. Card details are not sent: the system provider takes
    /// none. Authorization itself happens when the cart is completed.
    pub(super) async fn authorize(&self, cart: &CartId, input: &PaymentInput) -> Result<Payment> {
        let methods = self.methods_for(cart).await?;
        if !methods.iter().any(|m| m.id == input.method) {
            return Err(Error::invalid("method", Problem::Invalid));
        }
        let created: wire::PaymentCollectionEnvelope = self
            .transport
            .post(
                &["store", "payment-collections"],
                &[],
                &json!({ "cart_id": cart.as_str() }),
            )
            .await
            .map_err(during(Request::Cart(cart)))?;
        let collection_id = created.payment_collection.id;
        let session: wire::PaymentCollectionEnvelope = self
            .transport
            .post(
                &[
                    "store",
                    "payment-collections",
                    &collection_id,
                    "payment-sessions",
                ],
                &[],
                &json!({ "provider_id": input.method.as_str() }),
            )
            .await?;
        let mut payment = mapping::payment(&session.payment_collection)?;
        payment.method = input.method.clone();
        payment.description = mapping::provider_name(input.method.as_str()).to_owned();
        Ok(payment)
    }

    /// Places the order. Medusa answers a second completion with the same order; should it
    /// refuse instead (the cart is completed), the order remembered for the cart is returned.
    pub(super) async fn place(&self, cart: &CartId) -> Result<Order> {
        let answer: std::result::Result<wire::Completion, Failure> = self
            .transport
            .post(
                &["store", "carts", cart.as_str(), "complete"],
                &[],
                &json!({}),
            )
            .await;
        let order_id = match answer {
            Ok(completion) => placed(completion)?,
            Err(failure) => match self.storage.get(&cart_order_key(cart)) {
                Ok(Some(order_id)) if matches!(failure, Failure::Api(_)) => order_id,
                _ => return Err(during(Request::Cart(cart))(failure)),
            },
        };
        // The order is placed whatever storage says: a full or blocked store must not turn a
        // placed order into an error (only a later lookup on this device would miss it).
        let _ = self.storage.set(&cart_order_key(cart), &order_id);
        let order = self.fetch_order(&order_id).await?;
        let _ = self.storage.set(&order_key(&order.number), &order_id);
        Ok(order)
    }

    async fn fetch_order(&self, id: &str) -> Result<Order> {
        let answer: wire::OrderEnvelope = self
            .transport
            .get(&["store", "orders", id], &[("fields", wire::ORDER_FIELDS)])
            .await
            .map_err(during(Request::Order(id)))?;
        self.map_order(&answer.order).await
    }

    /// An order answer mapped in its market.
    pub(super) async fn map_order(&self, w: &wire::Cart) -> Result<Order> {
        let market = self.market_of(w).await?;
        mapping::order(w, &market)
    }

    /// An order placed on this device (see the module documentation), if the email matches.
    pub(super) async fn find_order(&self, number: &str, email: &str) -> Result<Order> {
        let number = number.trim().trim_start_matches('#');
        let not_found = || Error::not_found(Resource::Order, number);
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(not_found());
        }
        let Some(id) = self.storage.get(&order_key(number))? else {
            return Err(not_found());
        };
        let order = self.fetch_order(&id).await?;
        // A wrong email gets the same answer as a wrong number: nothing about the order leaks.
        if order.number == number && order.email.trim().eq_ignore_ascii_case(email.trim()) {
            Ok(order)
        } else {
            Err(not_found())
        }
    }
}

/// The options of an answer that Medusa has priced, in the cart's currency.
pub(super) fn priced_options(
    answer: &wire::ShippingOptions,
    currency: crate::money::Currency,
) -> Result<Vec<ShippingOption>> {
    let mut options = Vec::new();
    for option in &answer.shipping_options {
        options.extend(mapping::shipping_option(option, currency)?);
    }
    Ok(options)
}

/// The providers of an answer that Dhow can pay with: Medusa's system provider.
pub(super) fn payment_methods(answer: &wire::PaymentProviders) -> Vec<PaymentMethod> {
    answer
        .payment_providers
        .iter()
        .filter(|p| p.id == mapping::SYSTEM_PROVIDER)
        .map(|p| PaymentMethod {
            id: p.id.clone().into(),
            name: mapping::provider_name(&p.id).to_owned(),
            kind: PaymentKind::Manual,
        })
        .collect()
}

/// The id of the order a completion placed, or the error the cart was answered with.
pub(super) fn placed(completion: wire::Completion) -> Result<String> {
    if let Some(order) = completion.order {
        return Ok(order.id);
    }
    let error = completion.error.unwrap_or_default();
    let refused = ApiError {
        status: 400,
        kind: error.kind.unwrap_or_default(),
        code: error.code.unwrap_or_default(),
        message: error
            .message
            .unwrap_or_else(|| format!("cart answered as `{}`", completion.kind)),
        retry_after: None,
    };
    Err(refused.into_error())
}
