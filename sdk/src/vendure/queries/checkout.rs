//! Checkout operations: shipping and payment methods for the active order, the customer,
//! addresses, the shipping method, order state transitions and payments.

use cynic::Id;

use super::*;

/// A shipping method offered for the active order.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "ShippingMethodQuote")]
pub struct ShippingQuote {
    pub id: Id,
    pub name: String,
    pub price: Units,
    pub price_with_tax: Units,
}

/// `eligibleShippingMethods`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Query")]
pub struct ShippingMethodsQuery {
    pub eligible_shipping_methods: Vec<ShippingQuote>,
}

/// A payment method offered for the active order.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "PaymentMethodQuote")]
pub struct PaymentQuote {
    pub code: String,
    pub name: String,
    pub is_eligible: bool,
}

/// `eligiblePaymentMethods`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Query")]
pub struct PaymentMethodsQuery {
    pub eligible_payment_methods: Vec<PaymentQuote>,
}

/// `CreateCustomerInput`.
#[derive(cynic::InputObject, Clone, Debug)]
#[cynic(graphql_type = "CreateCustomerInput")]
pub struct CustomerInput {
    pub email_address: String,
    pub first_name: String,
    pub last_name: String,
}

/// Variables of [`SetCustomer`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct CustomerVariables {
    pub input: CustomerInput,
}

/// `setCustomerForOrder`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "CustomerVariables")]
pub struct SetCustomer {
    #[arguments(input: $input)]
    pub set_customer_for_order: SetCustomerForOrderResult,
}

/// `CreateAddressInput`.
#[derive(cynic::InputObject, Clone, Debug, PartialEq, Eq)]
#[cynic(graphql_type = "CreateAddressInput")]
pub struct AddressInput {
    pub full_name: String,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    pub street_line1: String,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub street_line2: Option<String>,
    pub city: String,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    pub country_code: String,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// Only for the address book: whether checkout fills it in as the shipping address.
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub default_shipping_address: Option<bool>,
    /// Only for the address book: whether checkout fills it in as the billing address.
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub default_billing_address: Option<bool>,
}

/// Variables of the address mutations.
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct AddressVariables {
    pub input: AddressInput,
}

/// `setOrderShippingAddress`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "AddressVariables")]
pub struct SetShippingAddress {
    #[arguments(input: $input)]
    pub set_order_shipping_address: ActiveOrderResult,
}

/// `setOrderBillingAddress`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "AddressVariables")]
pub struct SetBillingAddress {
    #[arguments(input: $input)]
    pub set_order_billing_address: ActiveOrderResult,
}

/// `unsetOrderBillingAddress`: bill to the shipping address.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation")]
pub struct UnsetBillingAddress {
    pub unset_order_billing_address: ActiveOrderResult,
}

/// Variables of [`SetShippingMethod`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct ShippingMethodVariables {
    pub ids: Vec<Id>,
}

/// `setOrderShippingMethod`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "ShippingMethodVariables")]
pub struct SetShippingMethod {
    #[arguments(shippingMethodId: $ids)]
    pub set_order_shipping_method: SetOrderShippingMethodResult,
}

/// Variables of [`Transition`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct StateVariables {
    pub state: OrderState,
}

/// `transitionOrderToState` (null without an active order).
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "StateVariables")]
pub struct Transition {
    #[arguments(state: $state)]
    pub transition_order_to_state: Option<TransitionOrderToStateResult>,
}

/// `PaymentInput`: the method's code and what its handler reads.
#[derive(cynic::InputObject, Clone, Debug)]
#[cynic(graphql_type = "PaymentInput")]
pub struct PaymentInput {
    pub method: String,
    pub metadata: Json,
}

/// Variables of [`AddPayment`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct PaymentVariables {
    pub input: PaymentInput,
}

/// `addPaymentToOrder`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "PaymentVariables")]
pub struct AddPayment {
    #[arguments(input: $input)]
    pub add_payment_to_order: AddPaymentToOrderResult,
}
