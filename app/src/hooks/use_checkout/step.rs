//! The checkout's steps as a state machine: which step follows which, and how the cart's
//! checkout state (open, paid, completed) moves it.

use dhow_sdk::model::CheckoutState;

/// Where the shopper is in the checkout. The steps follow one another in this order; the cart's
/// checkout state moves the step too (see [`CheckoutStep::next`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CheckoutStep {
    /// Contact and addresses.
    Details,
    /// Choosing how to ship.
    Shipping,
    /// The card, then placing the order.
    Payment,
    /// The payment is authorized but the order not made yet (the answer to placing it was lost,
    /// or the page was reloaded in between): only placing the order is left, and nothing
    /// before it can be changed.
    Paid,
    /// The order is placed.
    Placed,
}

/// What moves the checkout from one step to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckoutEvent {
    /// The cart was read with this checkout state.
    CartState(CheckoutState),
    /// The backend took the contact and addresses.
    DetailsSaved,
    /// The shopper goes on from the shipping choice.
    ShippingConfirmed,
    /// The shopper goes back to an earlier step to change it.
    Edit(CheckoutStep),
    /// The order was placed.
    OrderPlaced,
}

impl CheckoutStep {
    /// The step after `event`; an event that does not apply to this step leaves it as it is.
    ///
    /// ```
    /// use dhow_app::hooks::{CheckoutEvent, CheckoutStep};
    /// use dhow_sdk::model::CheckoutState;
    ///
    /// let step = CheckoutStep::Details.next(CheckoutEvent::DetailsSaved);
    /// assert_eq!(step, CheckoutStep::Shipping);
    /// // A cart paid in an earlier visit goes straight to placing the order.
    /// let resumed = CheckoutStep::Details.next(CheckoutEvent::CartState(CheckoutState::Paid));
    /// assert_eq!(resumed, CheckoutStep::Paid);
    /// assert_eq!(resumed.next(CheckoutEvent::Edit(CheckoutStep::Details)), CheckoutStep::Paid);
    /// ```
    pub fn next(self, event: CheckoutEvent) -> CheckoutStep {
        use CheckoutStep::*;
        match (self, event) {
            (Placed, _) => Placed,
            (_, CheckoutEvent::CartState(CheckoutState::Completed { .. })) => Placed,
            (_, CheckoutEvent::CartState(CheckoutState::Paid)) => Paid,
            // The authorization no longer holds (the cart changed since): pay again.
            (Paid, CheckoutEvent::CartState(CheckoutState::Open)) => Payment,
            (Details, CheckoutEvent::DetailsSaved) => Shipping,
            (Shipping, CheckoutEvent::ShippingConfirmed) => Payment,
            (Payment | Paid, CheckoutEvent::OrderPlaced) => Placed,
            (current, CheckoutEvent::Edit(target @ (Details | Shipping)))
                if current.can_edit() && target < current =>
            {
                target
            }
            (current, _) => current,
        }
    }

    /// Whether the steps before this one can still be changed (the cart is open).
    pub fn can_edit(self) -> bool {
        matches!(self, CheckoutStep::Shipping | CheckoutStep::Payment)
    }

    /// Whether the shopper has gone past `step` (it shows as done).
    pub fn is_past(self, step: CheckoutStep) -> bool {
        self > step
    }

    /// Whether the card form and the button that places the order are shown.
    pub fn takes_payment(self) -> bool {
        matches!(self, CheckoutStep::Payment | CheckoutStep::Paid)
    }
}

#[cfg(test)]
mod tests {
    use super::CheckoutEvent::*;
    use super::CheckoutStep::*;
    use super::*;

    fn completed() -> CheckoutEvent {
        CartState(CheckoutState::Completed { order: None })
    }

    #[test]
    fn the_steps_follow_one_another() {
        let step = Details.next(DetailsSaved);
        assert_eq!(step, Shipping);
        let step = step.next(ShippingConfirmed);
        assert_eq!(step, Payment);
        assert_eq!(step.next(OrderPlaced), Placed);
        // Out of turn, nothing moves.
        assert_eq!(Details.next(ShippingConfirmed), Details);
        assert_eq!(Details.next(OrderPlaced), Details);
        assert_eq!(Payment.next(DetailsSaved), Payment);
    }

    #[test]
    fn an_open_cart_can_go_back_to_an_earlier_step_only() {
        assert_eq!(Payment.next(Edit(Details)), Details);
        assert_eq!(Payment.next(Edit(Shipping)), Shipping);
        assert_eq!(Shipping.next(Edit(Details)), Details);
        assert_eq!(Shipping.next(Edit(Shipping)), Shipping);
        assert_eq!(Details.next(Edit(Shipping)), Details);
        assert_eq!(Shipping.next(Edit(Payment)), Shipping);
        assert_eq!(Shipping.next(CartState(CheckoutState::Open)), Shipping);
    }

    #[test]
    fn a_paid_cart_is_only_placed() {
        for step in [Details, Shipping, Payment] {
            assert_eq!(step.next(CartState(CheckoutState::Paid)), Paid);
        }
        assert!(!Paid.can_edit() && Paid.takes_payment());
        assert_eq!(Paid.next(Edit(Details)), Paid);
        assert_eq!(Paid.next(DetailsSaved), Paid);
        assert_eq!(Paid.next(OrderPlaced), Placed);
        // The cart changed after it was paid: the authorization no longer holds.
        assert_eq!(Paid.next(CartState(CheckoutState::Open)), Payment);
    }

    #[test]
    fn a_completed_cart_is_placed_for_good() {
        for step in [Details, Shipping, Payment, Paid] {
            assert_eq!(step.next(completed()), Placed);
        }
        for event in [
            CartState(CheckoutState::Open),
            CartState(CheckoutState::Paid),
            Edit(Details),
            DetailsSaved,
        ] {
            assert_eq!(Placed.next(event), Placed);
        }
        assert!(Placed.is_past(Payment) && !Placed.takes_payment() && !Placed.can_edit());
    }
}
