//! Account operations: registration, signing in and out, the signed-in customer with their
//! address book and orders, changes to them, and the password reset.
//!
//! Variables that carry a password or a token have no `Debug`: they must never reach a log.

use cynic::Id;

use super::*;

/// The signed-in customer.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Customer")]
pub struct AccountFields {
    pub id: Id,
    pub email_address: String,
    pub first_name: String,
    pub last_name: String,
    pub phone_number: Option<String>,
}

/// `activeCustomer`: null without a signed-in customer.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Query")]
pub struct ActiveCustomerQuery {
    pub active_customer: Option<AccountFields>,
}

/// The country of a saved address.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Country")]
pub struct CountryCodeField {
    pub code: String,
}

/// An address of the customer's address book.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Address")]
pub struct SavedAddressFields {
    pub id: Id,
    pub full_name: Option<String>,
    pub company: Option<String>,
    pub street_line1: String,
    pub street_line2: Option<String>,
    pub city: Option<String>,
    pub province: Option<String>,
    pub postal_code: Option<String>,
    pub country: CountryCodeField,
    pub phone_number: Option<String>,
    pub default_shipping_address: Option<bool>,
    pub default_billing_address: Option<bool>,
}

/// The customer's addresses.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Customer")]
pub struct AddressBook {
    pub addresses: Option<Vec<SavedAddressFields>>,
}

/// `activeCustomer { addresses }`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Query")]
pub struct AddressBookQuery {
    pub active_customer: Option<AddressBook>,
}

/// `StringOperators`: equal to one text, or one of several.
#[derive(cynic::InputObject, Clone, Debug, Default)]
#[cynic(graphql_type = "StringOperators")]
pub struct StringOperators {
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub eq: Option<String>,
    #[cynic(rename = "in", skip_serializing_if = "Option::is_none")]
    pub in_: Option<Vec<String>>,
}

/// `BooleanOperators`.
#[derive(cynic::InputObject, Clone, Debug)]
#[cynic(graphql_type = "BooleanOperators")]
pub struct BooleanOperators {
    pub eq: bool,
}

/// `DateOperators`: whether a date is set.
#[derive(cynic::InputObject, Clone, Debug)]
#[cynic(graphql_type = "DateOperators")]
pub struct DateOperators {
    pub is_null: bool,
}

/// Which of the customer's orders: by code, active or not, placed or not, in which currencies.
#[derive(cynic::InputObject, Clone, Debug, Default)]
#[cynic(graphql_type = "OrderFilterParameter")]
pub struct OrderFilter {
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub code: Option<StringOperators>,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub active: Option<BooleanOperators>,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub order_placed_at: Option<DateOperators>,
    #[cynic(skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<StringOperators>,
}

/// The order of the customer's orders.
#[derive(cynic::InputObject, Clone, Debug)]
#[cynic(graphql_type = "OrderSortParameter")]
pub struct OrderSort {
    pub order_placed_at: SortOrder,
}

/// `OrderListOptions`: a page of the customer's orders.
#[derive(cynic::InputObject, Clone, Debug)]
#[cynic(graphql_type = "OrderListOptions")]
pub struct OrderListOptions {
    pub skip: i32,
    pub take: i32,
    pub sort: OrderSort,
    pub filter: OrderFilter,
}

/// Variables of [`CustomerOrdersQuery`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct OrdersVariables {
    pub options: OrderListOptions,
}

/// A page of orders and how many there are in all.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "OrderList")]
pub struct OrderListFields {
    pub items: Vec<OrderFields>,
    pub total_items: i32,
}

/// The customer's orders.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Customer", variables = "OrdersVariables")]
pub struct CustomerOrders {
    #[arguments(options: $options)]
    pub orders: OrderListFields,
}

/// `activeCustomer { orders(options:) }`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Query", variables = "OrdersVariables")]
pub struct CustomerOrdersQuery {
    pub active_customer: Option<CustomerOrders>,
}

/// Who signed in (Vendure's user, not the customer).
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "CurrentUser")]
pub struct CurrentUserFields {
    // A selection cannot be empty; who signed in is read from `activeCustomer`.
    #[allow(dead_code)]
    pub id: Id,
}

/// `{ success }`.
#[derive(cynic::QueryFragment, Clone, Debug)]
#[cynic(graphql_type = "Success")]
pub struct SuccessFields {
    pub success: bool,
}

/// What an account mutation answered: what was asked for, a known error result, or a union
/// member this adapter does not know (a newer server), by type name.
#[derive(Debug)]
pub enum Answer<T> {
    /// Done.
    Done(T),
    /// A known error result.
    Refused(ErrorResult),
    /// A result type the schema did not have.
    Unknown(String),
}

macro_rules! account_results {
    ($($union:ident ($done:ident: $fields:ty) { $($error:ident),* $(,)? })*) => {$(
        /// A union result of an account mutation.
        #[derive(cynic::InlineFragments, Debug)]
        pub enum $union {
            $done($fields),
            $($error($error),)*
            #[cynic(fallback)]
            Unknown(String),
        }

        impl From<$union> for Answer<$fields> {
            fn from(result: $union) -> Answer<$fields> {
                match result {
                    $union::$done(done) => Answer::Done(done),
                    $($union::$error(e) => Answer::Refused(e.into()),)*
                    $union::Unknown(name) => Answer::Unknown(name),
                }
            }
        }
    )*};
}

account_results! {
    NativeAuthenticationResult (CurrentUser: CurrentUserFields) {
        InvalidCredentialsError, NotVerifiedError, NativeAuthStrategyError,
    }
    RegisterCustomerAccountResult (Success: SuccessFields) {
        MissingPasswordError, PasswordValidationError, NativeAuthStrategyError,
    }
    RequestPasswordResetResult (Success: SuccessFields) { NativeAuthStrategyError }
    ResetPasswordResult (CurrentUser: CurrentUserFields) {
        PasswordResetTokenInvalidError, PasswordResetTokenExpiredError, PasswordValidationError,
        NativeAuthStrategyError, NotVerifiedError,
    }
}

/// Variables of [`Login`]. No `Debug`: it holds the password.
#[derive(cynic::QueryVariables, Clone)]
pub struct LoginVariables {
    pub username: String,
    pub password: String,
}

/// `login`: signs in, in the session the request carries (a new one when it carries none).
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "LoginVariables")]
pub struct Login {
    #[arguments(username: $username, password: $password, rememberMe: true)]
    pub login: NativeAuthenticationResult,
}

/// `logout`: ends the session the request carries.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation")]
pub struct Logout {
    // Not read: ending a session the server no longer knows is no failure.
    #[allow(dead_code)]
    pub logout: SuccessFields,
}

/// `RegisterCustomerInput`. No `Debug`: it holds the password.
#[derive(cynic::InputObject, Clone)]
#[cynic(graphql_type = "RegisterCustomerInput")]
pub struct RegisterInput {
    pub email_address: String,
    pub first_name: String,
    pub last_name: String,
    pub password: String,
}

/// Variables of [`Register`].
#[derive(cynic::QueryVariables, Clone)]
pub struct RegisterVariables {
    pub input: RegisterInput,
}

/// `registerCustomerAccount`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "RegisterVariables")]
pub struct Register {
    #[arguments(input: $input)]
    pub register_customer_account: RegisterCustomerAccountResult,
}

/// `UpdateCustomerInput`. A phone of `None` is sent as null, which clears it.
#[derive(cynic::InputObject, Clone, Debug)]
#[cynic(graphql_type = "UpdateCustomerInput")]
pub struct ProfileInput {
    pub first_name: String,
    pub last_name: String,
    pub phone_number: Option<String>,
}

/// Variables of [`UpdateProfile`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct ProfileVariables {
    pub input: ProfileInput,
}

/// `updateCustomer`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "ProfileVariables")]
pub struct UpdateProfile {
    #[arguments(input: $input)]
    pub update_customer: AccountFields,
}

/// `createCustomerAddress`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "AddressVariables")]
pub struct CreateAddress {
    #[arguments(input: $input)]
    pub create_customer_address: SavedAddressFields,
}

/// `UpdateAddressInput`: every field of the address, replaced.
#[derive(cynic::InputObject, Clone, Debug)]
#[cynic(graphql_type = "UpdateAddressInput")]
pub struct UpdateAddressInput {
    pub id: Id,
    pub full_name: String,
    pub company: Option<String>,
    pub street_line1: String,
    pub street_line2: Option<String>,
    pub city: String,
    pub province: Option<String>,
    pub postal_code: Option<String>,
    pub country_code: String,
    pub phone_number: Option<String>,
    pub default_shipping_address: bool,
    pub default_billing_address: bool,
}

/// Variables of [`UpdateAddress`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct UpdateAddressVariables {
    pub input: UpdateAddressInput,
}

/// `updateCustomerAddress`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "UpdateAddressVariables")]
pub struct UpdateAddress {
    #[arguments(input: $input)]
    pub update_customer_address: SavedAddressFields,
}

/// Variables of [`DeleteAddress`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct IdVariables {
    pub id: Id,
}

/// `deleteCustomerAddress`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "IdVariables")]
pub struct DeleteAddress {
    #[arguments(id: $id)]
    pub delete_customer_address: SuccessFields,
}

/// Variables of [`RequestPasswordReset`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct EmailVariables {
    pub email: String,
}

/// `requestPasswordReset` (nullable in the schema).
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "EmailVariables")]
pub struct RequestPasswordReset {
    #[arguments(emailAddress: $email)]
    pub request_password_reset: Option<RequestPasswordResetResult>,
}

/// Variables of [`ResetPassword`]. No `Debug`: it holds the token and the password.
#[derive(cynic::QueryVariables, Clone)]
pub struct ResetPasswordVariables {
    pub token: String,
    pub password: String,
}

/// `resetPassword`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "ResetPasswordVariables")]
pub struct ResetPassword {
    #[arguments(token: $token, password: $password)]
    pub reset_password: ResetPasswordResult,
}
