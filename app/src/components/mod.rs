//! Reusable storefront components, one per file, grouped by area.

pub mod account;
pub mod cart;
pub mod catalog;
pub mod checkout;
pub mod layout;
pub mod market;
pub mod money;
