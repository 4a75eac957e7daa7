//! Recommendations as published files: the contract between whatever computes them (Dhow's own
//! builder, `dhow-recommend`, or a brand's warehouse query) and the storefront that shows them.
//!
//! One small JSON file per product, beside the storefront's static files, so a product page
//! fetches only its own lists:
//!
//! ```text
//! recommendations/v1/index.json               what was built: RecommendationIndex
//! recommendations/v1/products/<handle>.json   one product's lists: ProductRecommendations
//! ```
//!
//! Products are named by handle (the same in every market and on every backend of one catalog),
//! never by a backend's id. The lists are market-free: the storefront keeps only the products
//! sold and in stock in the shopper's market and prices them there.
//!
//! ```
//! use dhow_sdk::recommend::{product_path, ProductRecommendations};
//!
//! assert_eq!(product_path("harbour-rain-jacket"), "recommendations/v1/products/harbour-rain-jacket.json");
//! let list: ProductRecommendations = serde_json::from_str(r#"{
//!     "version": 1,
//!     "product": "harbour-rain-jacket",
//!     "bought_together": [{ "product": "tide-beanie", "score": 0.4125, "support": 31, "source": "orders" }],
//!     "similar": [{ "product": "fjord-parka", "score": 0.62, "source": "content" }]
//! }"#).unwrap();
//! assert_eq!(list.bought_together[0].product, "tide-beanie");
//! ```

use serde::{Deserialize, Serialize};

/// The format's version; it is also the folder name, so a new format can be published beside
/// the old one while storefronts move over.
pub const FORMAT_VERSION: u32 = 1;

/// The folder of this version's files, relative to the site root.
pub const ROOT: &str = "recommendations/v1";

/// Most entries of one list in a published file.
pub const MAX_LIST: usize = 8;

/// Where a product's lists live, relative to the site root.
pub fn product_path(handle: &str) -> String {
    format!("{ROOT}/products/{handle}.json")
}

/// Where the index lives, relative to the site root.
pub fn index_path() -> String {
    format!("{ROOT}/index.json")
}

/// One product's ranked lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductRecommendations {
    /// [`FORMAT_VERSION`].
    pub version: u32,
    /// The product these lists are for (its handle).
    pub product: String,
    /// Products bought in the same orders, best first (item-item collaborative filtering);
    /// filled up with content-similar products when the orders say too little.
    #[serde(default)]
    pub bought_together: Vec<Recommended>,
    /// Products like this one by content (collections, tags, options, price band), best first.
    #[serde(default)]
    pub similar: Vec<Recommended>,
}

/// One entry of a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommended {
    /// The recommended product's handle.
    pub product: String,
    /// Higher is better; comparable within one list only.
    pub score: f64,
    /// For entries from orders: in how many orders both products were bought.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<u64>,
    /// Where the entry comes from.
    pub source: Source,
}

/// Where an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Co-occurrence in orders.
    Orders,
    /// Shared collections, tags, options and price band.
    Content,
}

/// What a build published: written once per build beside the product files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendationIndex {
    /// [`FORMAT_VERSION`].
    pub version: u32,
    /// When the lists were built (RFC 3339, UTC).
    pub built_at: String,
    /// Orders read (all of them, training and held out).
    pub orders: u64,
    /// Handles of the products that have a file.
    pub products: Vec<String>,
    /// How the scores were computed, in words a brand's analyst can check
    /// (for example "cosine over co-occurrence, min support 2, shrinkage 5").
    pub method: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_reads_back_what_was_written() {
        let list = ProductRecommendations {
            version: FORMAT_VERSION,
            product: "a".into(),
            bought_together: vec![Recommended {
                product: "b".into(),
                score: 0.5,
                support: Some(3),
                source: Source::Orders,
            }],
            similar: vec![Recommended {
                product: "c".into(),
                score: 0.25,
                support: None,
                source: Source::Content,
            }],
        };
        let json = serde_json::to_string(&list).unwrap();
        assert!(!json.contains("\"support\":null"), "{json}");
        assert_eq!(
            serde_json::from_str::<ProductRecommendations>(&json).unwrap(),
            list
        );
    }

    #[test]
    fn an_unknown_source_is_refused() {
        let error =
            serde_json::from_str::<Recommended>(r#"{"product":"b","score":1,"source":"magic"}"#);
        assert!(error.is_err());
    }
}
