//! Vendure's orders as Dhow's carts and placed orders: lines, totals that keep the SDK's
//! invariants, tax lines, discounts, payments and shipping quotes.

use crate::error::{Error, Result};
use crate::ids::{CartId, LineId, MarketId, OrderId, ProductId, ShippingOptionId, VariantId};
use crate::market::Market;
use crate::model::{
    AppliedDiscount, Cart, CartLine, CartTotals, Figure, Order, OrderStatus, Payment,
    ShippingOption, TaxLine,
};
use crate::money::Money;

use super::super::queries::Units;
use super::super::queries::{LineFields, OrderFields, OrderState, ShippingQuote};
use super::{VendureAmounts, address, count, currency, image, overflow, rate};

/// Where a cart stands beyond its lines: who it belongs to and how it is taxed.
pub struct CartContext<'a> {
    /// The cart's id (names the stored session, not the Vendure order).
    pub id: &'a CartId,
    /// The market it is priced in.
    pub market: &'a Market,
    /// Vendure's money precision.
    pub precision: u8,
    /// The channel's `pricesIncludeTax`.
    pub tax_included: bool,
}

/// An empty cart (no Vendure order exists before the first line).
pub fn empty_cart(ctx: &CartContext<'_>) -> Cart {
    let mut cart = Cart::empty(ctx.id.clone(), ctx.market);
    // The channel decides, whatever the market says.
    cart.totals.tax_included = ctx.tax_included;
    cart
}

fn line(l: &LineFields, money: &VendureAmounts, tax_included: bool) -> Result<CartLine> {
    let quantity = count(l.quantity, "quantity")?;
    let (unit, subtotal, total) = if tax_included {
        (
            l.unit_price_with_tax,
            l.line_price_with_tax,
            l.prorated_line_price_with_tax,
        )
    } else {
        (l.unit_price, l.line_price, l.prorated_line_price)
    };
    let unit_price = money.exact(unit)?;
    let subtotal = money.exact(subtotal)?;
    let total = money.exact(total)?;
    let discount = subtotal.checked_sub(total)?;
    let tax = l
        .prorated_line_price_with_tax
        .checked_sub(l.prorated_line_price)
        .ok_or_else(|| overflow(l.prorated_line_price_with_tax))?;
    let product = &l.product_variant.product;
    Ok(CartLine {
        id: LineId(l.id.inner().to_owned()),
        product_id: ProductId(product.id.inner().to_owned()),
        variant_id: VariantId(l.product_variant.id.inner().to_owned()),
        handle: product.slug.clone(),
        title: product.name.clone(),
        variant_title: l
            .product_variant
            .options
            .iter()
            .map(|o| o.name.as_str())
            .collect::<Vec<_>>()
            .join(" / "),
        image: l.featured_asset.as_ref().map(|a| image(a, &product.name)),
        quantity,
        unit_price,
        compare_at: None,
        subtotal,
        discount,
        tax: money.rounded(tax)?,
        total,
    })
}

/// Totals on the cart's tax basis that keep the SDK's invariants to the minor unit:
/// `subtotal − discount + shipping (+ tax when excluded) = total`, line discounts and tax lines
/// adding up. Vendure's `totalWithTax` is what it charges, so `total` is that figure and `tax`
/// is what lies between it and the net figures; a server whose figures do not close is refused.
fn totals(
    o: &OrderFields,
    lines: &[CartLine],
    money: &VendureAmounts,
    ctx: &CartContext<'_>,
) -> Result<CartTotals> {
    let currency = money.currency();
    let subtotal = Money::sum(currency, lines.iter().map(|l| l.subtotal))?;
    let discount = Money::sum(currency, lines.iter().map(|l| l.discount))?;
    let total = money.exact(o.total_with_tax)?;
    let shipping = if o.shipping_lines.is_empty() {
        None
    } else {
        Some(money.exact(if ctx.tax_included {
            o.shipping_with_tax
        } else {
            o.shipping
        })?)
    };
    let net = subtotal
        .checked_sub(discount)?
        .checked_add(shipping.unwrap_or(Money::zero(currency)))?;
    let tax = if ctx.tax_included {
        // Inside the prices: for information, rounded.
        let units = o
            .total_with_tax
            .checked_sub(o.total)
            .ok_or_else(|| overflow(o.total))?;
        money.rounded(units)?
    } else {
        // Added on top: exactly what closes the total.
        total.checked_sub(net)?
    };
    if ctx.tax_included && net != total {
        return Err(Error::Decode {
            message: format!(
                "order {}: lines and shipping add up to {net}, not {total}",
                o.code
            ),
        });
    }
    // Taxes are estimates until Vendure knows where the order goes (it taxes by the channel's
    // default zone before that).
    let destination_known = o
        .shipping_address
        .as_ref()
        .and_then(|a| a.country_code.as_deref())
        .is_some_and(|c| !c.is_empty());
    let tax_lines = tax_lines(o, money, tax)?;
    Ok(CartTotals {
        subtotal: Figure::final_(subtotal),
        discount: Figure::final_(discount),
        shipping: shipping.map(Figure::final_),
        tax_lines,
        tax: Figure {
            amount: tax,
            estimate: !destination_known,
        },
        tax_included: ctx.tax_included,
        duties: None,
        duty_terms: ctx.market.duty_terms,
        total: Figure {
            amount: total,
            estimate: !destination_known || shipping.is_none(),
        },
    })
}

/// Vendure's tax summary as tax lines summing exactly to `tax`. Zero lines (untaxed shipping)
/// are left out; a rounding difference (tax-inclusive amounts at a coarser currency) goes to the
/// largest line, so the lines still add up.
fn tax_lines(o: &OrderFields, money: &VendureAmounts, tax: Money) -> Result<Vec<TaxLine>> {
    let mut lines = Vec::new();
    for t in &o.tax_summary {
        let amount = money.rounded(t.tax_total)?;
        if amount.is_zero() {
            continue;
        }
        lines.push(TaxLine {
            name: t.description.clone(),
            rate: rate(t.tax_rate.0),
            amount,
        });
    }
    let sum = Money::sum(money.currency(), lines.iter().map(|l| l.amount))?;
    let difference = tax.checked_sub(sum)?;
    if !difference.is_zero() {
        match lines.iter_mut().max_by_key(|l| l.amount.minor_units()) {
            Some(largest) => largest.amount = largest.amount.checked_add(difference)?,
            None => lines.push(TaxLine {
                name: "Tax".to_owned(),
                rate: None,
                amount: tax,
            }),
        }
    }
    Ok(lines)
}

/// Discount codes with what each takes off: the discounts of the promotion that has the code.
fn discounts(
    o: &OrderFields,
    money: &VendureAmounts,
    tax_included: bool,
) -> Result<Vec<AppliedDiscount>> {
    let free_shipping = !o.shipping_lines.is_empty()
        && o.shipping_lines
            .iter()
            .all(|s| s.discounted_price.is_zero() && !s.price.is_zero());
    let mut out = Vec::new();
    for code in &o.coupon_codes {
        let promotion = o.promotions.iter().find(|p| {
            p.coupon_code
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case(code))
        });
        let mut units = Units::whole(0);
        if let Some(promotion) = promotion {
            let source = format!("PROMOTION:{}", promotion.id.inner());
            for d in o.discounts.iter().filter(|d| d.adjustment_source == source) {
                let amount = if tax_included {
                    d.amount_with_tax
                } else {
                    d.amount
                };
                units = units.checked_sub(amount).ok_or_else(|| overflow(amount))?;
            }
        }
        out.push(AppliedDiscount {
            code: code.clone(),
            amount: money.rounded(units)?,
            free_shipping,
        });
    }
    Ok(out)
}

/// A Vendure order as the shopper's cart.
pub fn cart(o: &OrderFields, ctx: &CartContext<'_>) -> Result<Cart> {
    let currency = currency(o.currency_code.code())?;
    if currency != ctx.market.currency {
        return Err(Error::Decode {
            message: format!(
                "order {} is in {}, the market in {}",
                o.code,
                currency.code(),
                ctx.market.currency.code()
            ),
        });
    }
    let money = VendureAmounts::new(currency, ctx.precision)?;
    let lines = o
        .lines
        .iter()
        .map(|l| line(l, &money, ctx.tax_included))
        .collect::<Result<Vec<_>>>()?;
    let totals = totals(o, &lines, &money, ctx)?;
    let shipping_address = o.shipping_address.as_ref().and_then(address);
    // Vendure keeps a billing address only when one was set; the same as the shipping address
    // means "bill to the shipping address" in Dhow's model.
    let billing_address = o
        .billing_address
        .as_ref()
        .and_then(address)
        .filter(|b| Some(b) != shipping_address.as_ref());
    let cart = Cart {
        id: ctx.id.clone(),
        market: ctx.market.id.clone(),
        currency,
        discounts: discounts(o, &money, ctx.tax_included)?,
        lines,
        email: o.customer.as_ref().map(|c| c.email_address.clone()),
        shipping_address,
        billing_address,
        shipping_option: o
            .shipping_lines
            .first()
            .map(|s| ShippingOptionId(s.shipping_method.id.inner().to_owned())),
        totals,
        state: crate::model::CheckoutState::Open,
    };
    // Debug builds (tests, `trunk serve`) refuse a mapped cart whose sums are off, so a mapping
    // bug shows at once instead of as a wrong total on a page.
    #[cfg(debug_assertions)]
    cart.check()?;
    Ok(cart)
}

/// What the order's settled or authorized payments came to.
pub fn payment(o: &OrderFields, money: &VendureAmounts, description: String) -> Result<Payment> {
    let payments = o.payments.as_deref().unwrap_or_default();
    let paid = payments
        .iter()
        .filter(|p| p.state.is_accepted())
        .collect::<Vec<_>>();
    let Some(last) = paid.last() else {
        return Err(Error::Conflict {
            message: format!("order {} has no accepted payment", o.code),
        });
    };
    let mut units = Units::whole(0);
    for p in &paid {
        units = units
            .checked_add(p.amount)
            .ok_or_else(|| overflow(p.amount))?;
    }
    Ok(Payment {
        method: crate::ids::PaymentMethodId(last.method.clone()),
        amount: money.exact(units)?,
        description,
    })
}

/// A placed order. `market` is the market it was placed in; `description` names its payment.
pub fn order(o: &OrderFields, ctx: &CartContext<'_>, description: String) -> Result<Order> {
    let cart = cart(o, ctx)?;
    let money = VendureAmounts::new(cart.currency, ctx.precision)?;
    let status = match o.state {
        OrderState::Shipped
        | OrderState::PartiallyShipped
        | OrderState::Delivered
        | OrderState::PartiallyDelivered => OrderStatus::Fulfilled,
        OrderState::Cancelled => OrderStatus::Cancelled,
        _ => OrderStatus::Placed,
    };
    let shipping_address = cart.shipping_address.clone().ok_or_else(|| Error::Decode {
        message: format!("order {} has no shipping address", o.code),
    })?;
    let shipping_option = o
        .shipping_lines
        .first()
        .map(|s| -> Result<ShippingOption> {
            Ok(ShippingOption {
                id: ShippingOptionId(s.shipping_method.id.inner().to_owned()),
                name: s.shipping_method.name.clone(),
                amount: money.exact(if ctx.tax_included {
                    s.discounted_price_with_tax
                } else {
                    s.discounted_price
                })?,
                min_days: None,
                max_days: None,
            })
        })
        .transpose()?;
    let mut totals = cart.totals;
    // A placed order's figures no longer change.
    totals.tax.estimate = false;
    totals.total.estimate = false;
    Ok(Order {
        id: OrderId(o.id.inner().to_owned()),
        number: o.code.clone(),
        email: cart.email.unwrap_or_default(),
        market: MarketId(ctx.market.id.as_str().to_owned()),
        placed_at: o
            .order_placed_at
            .as_ref()
            .map(|d| d.0.clone())
            .unwrap_or_default(),
        status,
        lines: cart.lines,
        totals,
        shipping_address,
        billing_address: cart.billing_address,
        shipping_option,
        payment: payment(o, &money, description).ok(),
    })
}

/// A shipping quote on the cart's tax basis.
pub fn shipping_option(
    q: ShippingQuote,
    money: &VendureAmounts,
    tax_included: bool,
) -> Result<ShippingOption> {
    Ok(ShippingOption {
        id: ShippingOptionId(q.id.into_inner()),
        name: q.name,
        amount: money.exact(if tax_included {
            q.price_with_tax
        } else {
            q.price
        })?,
        min_days: None,
        max_days: None,
    })
}
