//! Checkout components: the checkout steps and each step, address form and recap, payment
//! form, order summary.

mod address_form;
mod address_recap;
mod billing_address;
mod checkout_steps;
mod details_step;
mod order_summary;
mod payment_form;
mod payment_step;
mod shipping_step;

#[cfg(test)]
pub(crate) use address_form::label_key;
pub use address_form::{AddressDraft, AddressForm, problem_message};
pub use address_recap::{AddressRecap, address_lines};
pub use billing_address::BillingAddress;
pub use checkout_steps::CheckoutSteps;
pub use details_step::{DetailsDraft, DetailsStep};
pub use order_summary::OrderSummary;
pub use payment_form::PaymentForm;
pub use payment_step::PaymentStep;
pub use shipping_step::ShippingStep;
