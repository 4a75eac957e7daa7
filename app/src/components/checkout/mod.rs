//! Checkout components: the checkout steps, address form, payment form, order summary.

mod address_form;
mod checkout_steps;
mod order_summary;
mod payment_form;

#[cfg(test)]
pub(crate) use address_form::label_key;
pub use address_form::{AddressDraft, AddressForm, problem_message};
pub use checkout_steps::CheckoutSteps;
pub use order_summary::OrderSummary;
pub use payment_form::PaymentForm;
