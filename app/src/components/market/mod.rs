//! Market components: choosing country/region and language.

mod market_links;
mod market_selector;

pub use market_links::MarketLinks;
pub use market_selector::MarketSelector;
