//! Customer accounts on the local engine. Not built yet: every call is `Error::Unsupported`.

use super::LocalBackend;
use crate::account::{
    AccountFeatures, Accounts, AddressDefaults, Customer, OrderHistory, OrderPage, Profile,
    Registration, SavedAddress,
};
use crate::address::Address;
use crate::error::{Error, Result};
use crate::ids::{AddressId, CartId};
use crate::model::{Cart, Order};

fn unsupported<T>() -> Result<T> {
    Err(Error::Unsupported {
        what: "keep customer accounts".into(),
    })
}

impl Accounts for LocalBackend {
    fn account_features(&self) -> AccountFeatures {
        AccountFeatures {
            password_reset: false,
            verification: false,
        }
    }
    async fn register(&self, _: &Registration) -> Result<Customer> {
        unsupported()
    }
    async fn sign_in(&self, _: &str, _: &str) -> Result<Customer> {
        unsupported()
    }
    async fn sign_out(&self) -> Result<()> {
        Ok(())
    }
    async fn customer(&self) -> Result<Option<Customer>> {
        Ok(None)
    }
    async fn update_profile(&self, _: &Profile) -> Result<Customer> {
        unsupported()
    }
    async fn addresses(&self) -> Result<Vec<SavedAddress>> {
        unsupported()
    }
    async fn add_address(&self, _: &Address, _: AddressDefaults) -> Result<SavedAddress> {
        unsupported()
    }
    async fn update_address(
        &self,
        _: &AddressId,
        _: &Address,
        _: AddressDefaults,
    ) -> Result<SavedAddress> {
        unsupported()
    }
    async fn remove_address(&self, _: &AddressId) -> Result<()> {
        unsupported()
    }
    async fn orders(&self, _: OrderPage) -> Result<OrderHistory> {
        unsupported()
    }
    async fn customer_order(&self, _: &str) -> Result<Order> {
        unsupported()
    }
    async fn request_password_reset(&self, _: &str) -> Result<()> {
        unsupported()
    }
    async fn reset_password(&self, _: &str, _: &str) -> Result<()> {
        unsupported()
    }
    async fn customer_cart(&self) -> Result<Option<Cart>> {
        Ok(None)
    }
    async fn adopt_cart(&self, _: &CartId) -> Result<Cart> {
        unsupported()
    }
}
