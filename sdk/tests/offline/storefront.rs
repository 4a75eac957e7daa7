//! What the storefront does when it tries again after an answer that never came, as its cart
//! context does it (`UseCart::add` and `UseCart::place_order` in app/src/hooks/use_cart.rs):
//! the lost-answer scenarios retry the way a shopper's storefront would, against the real
//! server's recorded state.

use std::cell::Cell;

use dhow_sdk::model::{CardDetails, Cart, CheckoutState, Order, PaymentInput};
use dhow_sdk::{Backend, CartId, Error, Result, VariantId};

/// Places the order, doing only what is left by where the backend says the cart is: an open
/// cart is paid then completed, a paid one only completed, a completed one gives its order.
pub async fn place_order<B: Backend>(
    backend: &B,
    id: &CartId,
    card: Option<CardDetails>,
) -> Result<Order> {
    let current = backend.cart(id).await?;
    if current.state == CheckoutState::Open {
        let method = backend
            .payment_methods(id)
            .await?
            .into_iter()
            .next()
            .map(|m| m.id)
            .ok_or_else(|| Error::Conflict {
                message: "no payment method".to_owned(),
            })?;
        backend.pay(id, &PaymentInput { method, card }).await?;
    }
    backend.complete(id).await
}

/// One "add to cart" of the shopper, sent again as often as the storefront retries it. Adding
/// is not idempotent: a retry first reads the cart and adds only if the line does not yet hold
/// the quantity wanted, which is fixed at the first attempt.
pub struct Add {
    variant: VariantId,
    quantity: u32,
    wanted: Cell<Option<u32>>,
}

impl Add {
    /// `quantity` of `variant`.
    pub fn new(variant: &VariantId, quantity: u32) -> Add {
        Add {
            variant: variant.clone(),
            quantity,
            wanted: Cell::new(None),
        }
    }

    /// One attempt; `confirmed` is the cart as the backend last answered it.
    pub async fn send<B: Backend>(
        &self,
        backend: &B,
        id: &CartId,
        confirmed: Option<&Cart>,
    ) -> Result<Cart> {
        let held = |cart: &Cart| cart.line_for(&self.variant).map_or(0, |l| l.quantity);
        match self.wanted.get() {
            Some(target) => {
                let current = backend.cart(id).await?;
                if held(&current) >= target {
                    return Ok(current);
                }
            }
            None => {
                let before = confirmed.filter(|c| c.id == *id).map_or(0, held);
                self.wanted.set(Some(before.saturating_add(self.quantity)));
            }
        }
        backend.add_line(id, &self.variant, self.quantity).await
    }
}
