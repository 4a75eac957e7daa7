//! `dhow-recommend`: computes a storefront's product recommendations from orders and publishes
//! them as the small static files of [`dhow_sdk::recommend`].
//!
//! Two lists per product:
//! - **bought together** ([`together`]): item-item collaborative filtering, a cosine over
//!   co-occurrence in orders shrunk towards zero for rare pairs, filled up with content-similar
//!   products when the orders say too little;
//! - **similar** ([`similar`]): shared collections, tags, option names and price band.
//!
//! Orders are streamed from an [`source::OrderSource`] and never all held in memory; the build
//! ([`build`]) reads the source up to three times to hold the newest orders out and measure how
//! well the lists predict them ([`evaluate`]).
//!
//! ```
//! use dhow_recommend::build::{build, BuildOptions};
//! use dhow_recommend::orders::OrderRecord;
//! use dhow_recommend::source::VecSource;
//!
//! let order = |id: &str, at: i64, products: &[&str]| OrderRecord {
//!     id: id.into(),
//!     placed_at: at,
//!     products: products.iter().map(|p| p.to_string()).collect(),
//! };
//! let mut source = VecSource::new(vec![
//!     order("1", 1, &["jacket", "beanie"]),
//!     order("2", 2, &["jacket", "beanie"]),
//!     order("3", 3, &["mug"]),
//! ]);
//! let options = BuildOptions { holdout: None, ..BuildOptions::default() };
//! let built = build(&mut source, None, &options).unwrap();
//! let jacket = built.lists.iter().find(|l| l.product == "jacket").unwrap();
//! assert_eq!(jacket.bought_together[0].product, "beanie");
//! ```

pub mod build;
pub mod catalog;
pub mod error;
pub mod evaluate;
pub mod generate;
pub mod handle;
pub mod orders;
pub mod products;
pub mod publish;
pub mod similar;
pub mod source;
pub mod time;
pub mod together;

mod fxhash;
mod prng;
mod ranked;

pub use error::RecommendError;
