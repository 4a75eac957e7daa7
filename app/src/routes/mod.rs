//! The storefront's pages, one per file.

mod account;
#[cfg(feature = "bench")]
mod bench;
mod cart;
mod checkout;
mod home;
pub mod lazy;
mod listing;
mod not_found;
mod order;
mod product;

pub use account::{
    AccountOrderPage, AccountPage, AddressesPage, OrdersPage, OutboxPage, RegisterPage, ResetPage,
    SignInPage,
};
#[cfg(feature = "bench")]
pub use bench::BenchCards;
pub use cart::CartPage;
pub use checkout::CheckoutPage;
pub use home::Home;
pub use listing::{CollectionPage, SearchPage};
pub use not_found::NotFound;
pub use order::{OrderConfirmationPage, OrderDetails, OrderLookupPage};
pub use product::ProductPage;
