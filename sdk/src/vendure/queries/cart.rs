//! Cart operations: lines, the order's currency and coupon codes.

use cynic::Id;

use super::*;

/// Variables of [`AddItem`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct AddItemVariables {
    pub variant: Id,
    pub quantity: i32,
}

/// `addItemToOrder`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "AddItemVariables")]
pub struct AddItem {
    #[arguments(productVariantId: $variant, quantity: $quantity)]
    pub add_item_to_order: UpdateOrderItemsResult,
}

/// Variables of [`AdjustLine`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct AdjustLineVariables {
    pub line: Id,
    pub quantity: i32,
}

/// `adjustOrderLine`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "AdjustLineVariables")]
pub struct AdjustLine {
    #[arguments(orderLineId: $line, quantity: $quantity)]
    pub adjust_order_line: UpdateOrderItemsResult,
}

/// Variables of [`RemoveLine`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct LineVariables {
    pub line: Id,
}

/// `removeOrderLine`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "LineVariables")]
pub struct RemoveLine {
    #[arguments(orderLineId: $line)]
    pub remove_order_line: RemoveOrderItemsResult,
}

/// Variables of [`SetCurrency`].
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct CurrencyVariables {
    pub currency: CurrencyCode,
}

/// `setCurrencyCodeForOrder`: re-prices every line in another currency of the channel.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "CurrencyVariables")]
pub struct SetCurrency {
    #[arguments(currencyCode: $currency)]
    pub set_currency_code_for_order: UpdateOrderItemsResult,
}

/// Variables of the coupon mutations.
#[derive(cynic::QueryVariables, Clone, Debug)]
pub struct CouponVariables {
    pub code: String,
}

/// `applyCouponCode`.
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "CouponVariables")]
pub struct ApplyCoupon {
    #[arguments(couponCode: $code)]
    pub apply_coupon_code: ApplyCouponCodeResult,
}

/// `removeCouponCode` (null without an active order).
#[derive(cynic::QueryFragment, Debug)]
#[cynic(graphql_type = "Mutation", variables = "CouponVariables")]
pub struct RemoveCoupon {
    #[arguments(couponCode: $code)]
    pub remove_coupon_code: Option<OrderFields>,
}
