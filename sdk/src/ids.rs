//! Identifier newtypes, so a cart id can never be passed where a variant id is expected.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                $name(value.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                $name(value)
            }
        }
    )*};
}

id_type! {
    /// A product, as the backend identifies it.
    ProductId;
    /// A purchasable variant of a product (one size and colour).
    VariantId;
    /// A collection of products.
    CollectionId;
    /// A cart.
    CartId;
    /// A line in a cart.
    LineId;
    /// An order, as the backend identifies it (not the number shown to the shopper).
    OrderId;
    /// A shipping option offered for a cart.
    ShippingOptionId;
    /// A payment method offered for a cart.
    PaymentMethodId;
    /// A market of the store configuration: `us`, `de`, `jp`.
    MarketId;
    /// A customer account, as the backend identifies it.
    CustomerId;
    /// An address of a customer's address book.
    AddressId;
}
