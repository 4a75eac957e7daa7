//! Paying and placing orders in the local engine: the test card authorization, completing a
//! cart into an order exactly once (stock reserved, number from the sequence), order lookup.

use std::collections::BTreeMap;

use crate::error::{Error, FieldError, Problem, Resource, Result};
use crate::ids::{CartId, OrderId};
use crate::local::LocalBackend;
use crate::local::payment;
use crate::local::pricing;
use crate::model::{Order, OrderStatus, Payment, PaymentInput};
use crate::money::MoneyError;

impl LocalBackend {
    pub(super) fn authorize(&self, id: &CartId, input: &PaymentInput) -> Result<Payment> {
        let state = self.state();
        let mut cart = state.cart(id)?;
        if let Some(number) = &cart.order {
            return Err(Error::Conflict {
                message: format!("cart `{id}` was already paid and completed as order {number}"),
            });
        }
        if cart.lines.is_empty() {
            return Err(Error::Conflict {
                message: "the cart is empty".to_owned(),
            });
        }
        if input.method.as_str() != payment::TEST_CARD {
            return Err(Error::not_found(
                Resource::PaymentMethod,
                input.method.as_str(),
            ));
        }
        let (_, priced) = self.price(&cart)?;
        // Paying again for the same total (a retry after a lost answer) is the authorization
        // already given: a cart is never charged twice.
        if let Some(given) = &cart.payment
            && given.amount == priced.totals.total.amount
            && given.method == input.method
        {
            return Ok(given.clone());
        }
        let card = input
            .card
            .as_ref()
            .ok_or_else(|| Error::invalid("card_number", Problem::Required))?;
        let description = payment::authorize(card, &self.clock.now())?;
        let authorization = Payment {
            method: input.method.clone(),
            amount: priced.totals.total.amount,
            description,
        };
        cart.payment = Some(authorization.clone());
        state.save_cart(&cart)?;
        Ok(authorization)
    }

    pub(super) fn place_order(&self, id: &CartId) -> Result<Order> {
        let state = self.state();
        let mut cart = state.cart(id)?;
        // A retry after a lost answer gets the order placed the first time.
        if let Some(number) = &cart.order {
            return state
                .order(number)?
                .ok_or_else(|| Error::not_found(Resource::Order, number.as_str()));
        }
        if cart.lines.is_empty() {
            return Err(Error::Conflict {
                message: "the cart is empty".to_owned(),
            });
        }
        let (market, priced) = self.price(&cart)?;
        let mut missing = Vec::new();
        if cart.email.is_none() {
            missing.push(FieldError::new("email", Problem::Required));
        }
        if cart.shipping_address.is_none() {
            missing.push(FieldError::new("shipping_address", Problem::Required));
        }
        if priced.chosen.is_none() {
            missing.push(FieldError::new("shipping_option", Problem::Required));
        }
        let (Some(email), Some(address), true) =
            (&cart.email, &cart.shipping_address, missing.is_empty())
        else {
            return Err(Error::InvalidInput { fields: missing });
        };
        let total = priced.totals.total.amount;
        match &cart.payment {
            None => {
                return Err(Error::Conflict {
                    message: "the cart has not been paid".to_owned(),
                });
            }
            Some(p) if p.amount != total => {
                return Err(Error::Conflict {
                    message: format!(
                        "the total changed to {total} since {} was authorized: pay again",
                        p.amount
                    ),
                });
            }
            Some(_) => {}
        }

        // Stock is checked again: another tab may have sold the last units since they were
        // added. An order already counted (a retry after a failure midway) is not checked
        // against itself.
        let mut sold = state.sold_record()?;
        let number = cart.placing.clone();
        let counted = number.as_ref().is_some_and(|n| sold.orders.contains(n));
        let mut wanted: BTreeMap<&str, u32> = BTreeMap::new();
        for line in &cart.lines {
            let entry = wanted.entry(line.variant.as_str()).or_default();
            *entry = entry
                .checked_add(line.quantity)
                .ok_or(MoneyError::Overflow)?;
        }
        for (&variant_id, &quantity) in &wanted {
            let Some((_, variant)) = self.index.variant(&self.data, variant_id) else {
                continue;
            };
            let available = pricing::remaining(variant, &sold.units);
            if quantity > available && !counted {
                return Err(Error::OutOfStock {
                    variant: variant_id.to_owned(),
                    available,
                });
            }
        }

        // The number is taken once and kept on the cart before anything else is written.
        let number = match number {
            Some(number) => number,
            None => {
                let number = state.next_order_number()?;
                cart.placing = Some(number.clone());
                state.save_cart(&cart)?;
                number
            }
        };
        let order = Order {
            id: OrderId(format!("order_{number}")),
            number: number.clone(),
            email: email.clone(),
            market: market.id.clone(),
            placed_at: self.clock.now().rfc3339(),
            status: OrderStatus::Placed,
            lines: priced.lines,
            totals: priced.totals,
            shipping_address: address.clone(),
            billing_address: cart.billing_address.clone(),
            shipping_option: priced.chosen,
            payment: cart.payment.clone(),
        };
        // The order, then the stock with the order's number in one write, then the cart's link
        // to the order. Each step can be done again: if a write fails midway, a retry writes the
        // same order under the same number and counts its stock once.
        state.save_order(&order)?;
        if !counted {
            for (variant_id, quantity) in wanted {
                let entry = sold.units.entry(variant_id.to_owned()).or_default();
                *entry = entry.saturating_add(quantity);
            }
            sold.orders.push(number.clone());
            state.save_sold(&sold)?;
        }
        if let Some(customer) = &cart.customer {
            self.record_order(customer, &number)?;
        }
        cart.order = Some(number);
        cart.placing = None;
        state.save_cart(&cart)?;
        Ok(order)
    }

    pub(super) fn find_order(&self, number: &str, email: &str) -> Result<Order> {
        let number = crate::text::uppercase(number.trim());
        let not_found = || Error::not_found(Resource::Order, number.as_str());
        if number.is_empty() {
            return Err(not_found());
        }
        let order = self.state().order(&number)?.ok_or_else(not_found)?;
        // A wrong email answers exactly like a wrong number: an order's existence is not
        // revealed to someone who does not know its email.
        if !crate::text::eq_ignore_case(order.email.trim(), email.trim()) {
            return Err(not_found());
        }
        Ok(order)
    }
}
