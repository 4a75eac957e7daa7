//! The commerce model every backend maps into and every component reads: catalog, cart,
//! checkout and order. Plain data that serializes with serde.

mod card;
mod cart;
mod catalog;
mod checkout;
mod filter;
mod order;

pub use card::CardMonth;
pub use cart::*;
pub use catalog::*;
pub use checkout::*;
pub use filter::{Faceted, ProductFilter, facets};
pub use order::*;
