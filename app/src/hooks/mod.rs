//! Hooks: the storefront's state for components and for developers writing their own markup.

mod use_account;
mod use_cart;
mod use_checkout;
mod use_market;
mod use_price;
mod use_recommendations;

pub use use_account::{AccountState, UseAccount, provide_account, use_account};
pub use use_cart::{
    CartNotice, CompleteFuture, CompletedFuture, LAST_ORDER_KEY, UseCart, provide_cart,
    register_complete, use_cart,
};
pub use use_checkout::{
    CheckoutDetails, CheckoutEvent, CheckoutStep, UseCheckoutOptions, UseCheckoutReturn,
    use_checkout, use_checkout_with_options,
};
pub use use_market::{
    UseMarket, market_for_path, path_without_market, provide_market, provide_market_in_place,
    use_market,
};
pub use use_price::{UsePrice, use_price};
pub use use_recommendations::{
    RecommendationKind, available_products, merge_recommendations, recommended_products,
    use_recommendations, use_recommendations_here,
};
