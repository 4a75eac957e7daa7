//! What the page hears from embedded elements: the payloads of `dhow:cart-changed`,
//! `dhow:checkout-started` and `dhow:order-placed`. Money travels in [`Money`]'s own serde form,
//! an exact decimal string with its currency (`{ "amount": "95.00", "currency": "USD" }`), never
//! a JavaScript number.

use dhow_sdk::model::{Cart, CartLine, CartTotals, Order};
use dhow_sdk::{Market, Money};
use leptos::prelude::*;
use serde::Serialize;

use super::Emit;
use crate::hooks::{UseCart, UseMarket};

/// Fired on `document` when the cart the backend confirmed changes (and once when it is first
/// known); optimistic guesses are not announced.
pub const CART_CHANGED: &str = "dhow:cart-changed";
/// Fired on `document` when the checkout opens.
pub const CHECKOUT_STARTED: &str = "dhow:checkout-started";
/// Fired on `document` when an order has been placed.
pub const ORDER_PLACED: &str = "dhow:order-placed";

/// One line of a cart or an order.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LineSnapshot {
    /// The variant's id.
    pub variant_id: String,
    /// The product's handle.
    pub handle: String,
    /// The product's title.
    pub title: String,
    /// The variant's title (`"M / Navy"`), empty for a product with one variant.
    pub variant_title: String,
    /// Units.
    pub quantity: u32,
    /// Price of one unit.
    pub unit_price: Money,
    /// The line's total after discounts.
    pub total: Money,
}

impl From<&CartLine> for LineSnapshot {
    fn from(line: &CartLine) -> LineSnapshot {
        LineSnapshot {
            variant_id: line.variant_id.as_str().to_owned(),
            handle: line.handle.clone(),
            title: line.title.clone(),
            variant_title: line.variant_title.clone(),
            quantity: line.quantity,
            unit_price: line.unit_price,
            total: line.total,
        }
    }
}

/// The cart as `dhow:cart-changed`, `dhow:checkout-started` and `Dhow.cart()` give it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CartSnapshot {
    /// The cart's id; `null` before the shopper has added anything.
    pub cart_id: Option<String>,
    /// The market's id.
    pub market: String,
    /// The cart's currency.
    pub currency: String,
    /// Units in the cart.
    pub item_count: u32,
    /// Sum of the lines before discounts.
    pub subtotal: Money,
    /// What the shopper pays.
    pub total: Money,
    /// Whether the total may still change (shipping or tax not known before an address).
    pub total_is_estimate: bool,
    /// The lines.
    pub lines: Vec<LineSnapshot>,
}

impl CartSnapshot {
    /// The snapshot of `cart` (an empty one in `market`'s currency when there is none).
    pub fn new(cart: Option<&Cart>, market: &Market) -> CartSnapshot {
        match cart {
            Some(cart) => CartSnapshot {
                cart_id: Some(cart.id.as_str().to_owned()),
                market: cart.market.as_str().to_owned(),
                currency: cart.currency.code().to_owned(),
                item_count: cart.item_count(),
                subtotal: cart.totals.subtotal.amount,
                total: cart.totals.total.amount,
                total_is_estimate: cart.totals.total.estimate,
                lines: cart.lines.iter().map(LineSnapshot::from).collect(),
            },
            None => {
                let zero = Money::zero(market.currency);
                CartSnapshot {
                    cart_id: None,
                    market: market.id.as_str().to_owned(),
                    currency: market.currency.code().to_owned(),
                    item_count: 0,
                    subtotal: zero,
                    total: zero,
                    total_is_estimate: false,
                    lines: Vec::new(),
                }
            }
        }
    }
}

/// The payload of `dhow:order-placed`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderPlaced {
    /// The number the shopper sees and quotes (`DHW-10001`).
    pub order_number: String,
    /// The market's id.
    pub market: String,
    /// The order's currency.
    pub currency: String,
    /// Units bought.
    pub item_count: u32,
    /// Sum of the lines before discounts.
    pub subtotal: Money,
    /// What the shopper paid.
    pub total: Money,
    /// The lines.
    pub lines: Vec<LineSnapshot>,
}

impl From<&Order> for OrderPlaced {
    fn from(order: &Order) -> OrderPlaced {
        let totals: &CartTotals = &order.totals;
        OrderPlaced {
            order_number: order.number.clone(),
            market: order.market.as_str().to_owned(),
            currency: totals.total.amount.currency().code().to_owned(),
            item_count: order.lines.iter().map(|l| l.quantity).sum(),
            subtotal: totals.subtotal.amount,
            total: totals.total.amount,
            lines: order.lines.iter().map(LineSnapshot::from).collect(),
        }
    }
}

/// Whether a cart is the backend's answer rather than an optimistic guess: guesses carry
/// `pending` ids and mark every figure, the subtotal included, as an estimate.
fn confirmed(cart: &Cart) -> bool {
    !cart.id.as_str().starts_with("pending")
        && !cart.totals.subtotal.estimate
        && !cart
            .lines
            .iter()
            .any(|l| l.id.as_str().starts_with("pending-"))
}

/// Sends `payload` as event `name`.
pub fn send(emit: &Emit, name: &str, payload: &impl Serialize) {
    match serde_json::to_string(payload) {
        Ok(json) => emit(name, &json),
        Err(error) => leptos::logging::error!("Dhow: {name} not sent: {error}"),
    }
}

/// Announces every confirmed change of the cart, once each.
pub fn emit_cart_changes(cart: UseCart, market: UseMarket, emit: Emit) {
    Effect::new(move |last: Option<Option<CartSnapshot>>| {
        let last = last.flatten();
        let snapshot = cart.cart.with(|c| match c {
            Some(c) if !confirmed(c) => None,
            c => Some(CartSnapshot::new(
                c.as_ref(),
                &market.market.with_untracked(Clone::clone),
            )),
        });
        match snapshot {
            Some(snapshot) if Some(&snapshot) != last.as_ref() => {
                send(&emit, CART_CHANGED, &snapshot);
                Some(snapshot)
            }
            _ => last,
        }
    });
}

#[cfg(test)]
mod tests {
    use dhow_sdk::{Currency, DutyTerms, MarketId};

    use super::*;

    fn market() -> Market {
        let config = dhow_sdk::StoreConfig::from_json(include_str!("../../../public/dhow.json"))
            .expect("demo configuration");
        config.market("jp").expect("jp market").clone()
    }

    #[test]
    fn money_is_exact_text_in_the_currencys_digits() {
        let yen = Money::from_minor(2700, Currency::JPY);
        assert_eq!(
            serde_json::to_string(&yen).expect("json"),
            r#"{"amount":"2700","currency":"JPY"}"#
        );
        let euros = Money::from_minor(8900, Currency::EUR);
        assert_eq!(
            serde_json::to_string(&euros).expect("json"),
            r#"{"amount":"89.00","currency":"EUR"}"#
        );
    }

    #[test]
    fn no_cart_is_an_empty_one_in_the_markets_currency() {
        let json = serde_json::to_value(CartSnapshot::new(None, &market())).expect("json");
        assert_eq!(json["cartId"], serde_json::Value::Null);
        assert_eq!(json["itemCount"], 0);
        assert_eq!(json["total"]["amount"], "0");
        assert_eq!(json["total"]["currency"], "JPY");
    }

    #[test]
    fn optimistic_carts_are_not_announced() {
        let mut totals = CartTotals::zero(Currency::USD, false, DutyTerms::PaidAtCheckout);
        let mut cart = Cart {
            id: dhow_sdk::CartId::from("c1"),
            market: MarketId::from("us"),
            currency: Currency::USD,
            lines: Vec::new(),
            discounts: Vec::new(),
            email: None,
            shipping_address: None,
            billing_address: None,
            shipping_option: None,
            totals: totals.clone(),
            state: Default::default(),
        };
        assert!(confirmed(&cart));
        totals.mark_estimate();
        cart.totals = totals;
        assert!(!confirmed(&cart));
    }
}
