//! Checkout components: address form, payment form, order summary.

mod address_form;
mod order_summary;
mod payment_form;

#[cfg(test)]
pub(crate) use address_form::label_key;
pub use address_form::{AddressDraft, AddressForm, problem_message};
pub use order_summary::OrderSummary;
pub use payment_form::PaymentForm;
