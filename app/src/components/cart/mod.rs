//! Cart components: add to cart, cart button and drawer, lines, discount codes, totals, errors.

mod add_to_cart;
mod cart_button;
mod cart_drawer;
mod cart_error;
mod cart_lines;
mod cart_totals;
mod drawer_body;
mod promo_code;

pub use add_to_cart::AddToCart;
pub use cart_button::CartButton;
pub use cart_drawer::CartDrawer;
pub use cart_error::CartError;
pub use cart_lines::{CartLineItem, CartLines};
pub use cart_totals::CartTotals;
pub use drawer_body::{
    CartDrawerBody, DrawerLoader, drawer_body, prefetch_drawer_body, register_drawer_loader,
};
pub use promo_code::PromoCode;

/// Most units of one line a shopper can ask for, by the quantity field or the stepper.
pub const MAX_QUANTITY: u32 = 99;
