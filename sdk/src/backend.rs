//! The one contract between a storefront and a commerce backend. The adapters implement it;
//! choosing one from the configuration is [`crate::connect`]'s work.

use crate::address::Address;
use crate::error::Result;
use crate::ids::{CartId, LineId, ShippingOptionId, VariantId};
use crate::market::Market;
use crate::model::{
    Cart, Collection, Order, Payment, PaymentInput, PaymentMethod, Product, ProductPage,
    ProductQuery, ShippingOption,
};

/// Everything a shopper's journey needs from a commerce backend. Implement it to plug in a new
/// backend. Futures need not be `Send`: in the browser they run on one thread over `fetch`.
///
/// Every write returns the cart as the backend now holds it, with totals the backend computed:
/// a storefront never trusts totals computed on the client.
#[allow(async_fn_in_trait)]
pub trait Backend {
    /// Markets the backend can price and ship to (a subset of the store configuration's).
    async fn markets(&self) -> Result<Vec<Market>>;

    /// Searches products, priced for `market`, with facets for the whole result.
    async fn products(&self, market: &Market, query: &ProductQuery) -> Result<ProductPage>;

    /// One product by handle, priced for `market`.
    async fn product(&self, market: &Market, handle: &str) -> Result<Product>;

    /// Collections, titled for `market`.
    async fn collections(&self, market: &Market) -> Result<Vec<Collection>>;

    /// A new, empty cart in `market`.
    async fn create_cart(&self, market: &Market) -> Result<Cart>;

    /// A cart by id.
    async fn cart(&self, cart: &CartId) -> Result<Cart>;

    /// Moves a cart to another market: re-prices every line in its currency, keeps the lines.
    async fn set_cart_market(&self, cart: &CartId, market: &Market) -> Result<Cart>;

    /// Adds `quantity` of a variant (merging with a line of the same variant).
    async fn add_line(&self, cart: &CartId, variant: &VariantId, quantity: u32) -> Result<Cart>;

    /// Sets a line's quantity; zero removes it.
    async fn update_line(&self, cart: &CartId, line: &LineId, quantity: u32) -> Result<Cart>;

    /// Removes a line.
    async fn remove_line(&self, cart: &CartId, line: &LineId) -> Result<Cart>;

    /// Applies a discount code (case-insensitive); a refused code is
    /// [`Error::PromotionRejected`](crate::Error::PromotionRejected) with the reason.
    async fn apply_discount(&self, cart: &CartId, code: &str) -> Result<Cart>;

    /// Removes a discount code.
    async fn remove_discount(&self, cart: &CartId, code: &str) -> Result<Cart>;

    /// Sets the contact email.
    async fn set_email(&self, cart: &CartId, email: &str) -> Result<Cart>;

    /// Sets the shipping address (validated for its country).
    async fn set_shipping_address(&self, cart: &CartId, address: &Address) -> Result<Cart>;

    /// Sets a billing address different from the shipping address; `None` bills to it.
    async fn set_billing_address(&self, cart: &CartId, address: Option<&Address>) -> Result<Cart>;

    /// Shipping options for the cart's address, priced for the cart.
    async fn shipping_options(&self, cart: &CartId) -> Result<Vec<ShippingOption>>;

    /// Chooses a shipping option.
    async fn set_shipping_option(&self, cart: &CartId, option: &ShippingOptionId) -> Result<Cart>;

    /// Payment methods for the cart.
    async fn payment_methods(&self, cart: &CartId) -> Result<Vec<PaymentMethod>>;

    /// Authorizes payment of the cart's current total. A decline is
    /// [`Error::PaymentDeclined`](crate::Error::PaymentDeclined) and can be retried.
    async fn pay(&self, cart: &CartId, input: &PaymentInput) -> Result<Payment>;

    /// Places the order. Completing a cart that was already completed returns the same order,
    /// never a second one, so a retry after a lost answer is safe.
    async fn complete(&self, cart: &CartId) -> Result<Order>;

    /// Looks an order up by its number and the email it was placed with.
    async fn order(&self, number: &str, email: &str) -> Result<Order>;
}
