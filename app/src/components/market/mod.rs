//! Market components: choosing country/region and language.

mod market_selector;

pub use market_selector::MarketSelector;
