//! The storefront's pages, one per file.

mod cart;
mod home;
mod listing;
mod not_found;
mod product;

pub use cart::CartPage;
pub use home::Home;
pub use listing::{CollectionPage, SearchPage};
pub use not_found::NotFound;
pub use product::ProductPage;
