//! Money on screen: prices with their former price, totals, and the market's tax and duty terms.

mod market_terms;
mod price;

pub use market_terms::MarketTerms;
pub use price::Price;
