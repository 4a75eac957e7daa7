//! Medusa's carts and orders in Dhow's model: lines, discounts and totals reconciled so that
//! they add up to the minor unit (see [`priced`]), tax lines, and placed orders.

use super::super::wire;
use super::{
    currency, decode_error, minus, money, money_error, payment, round, split, sum, to_address,
};
use crate::decimal::Decimal;
use crate::error::Result;
use crate::ids::{LineId, OrderId, ProductId, ShippingOptionId};
use crate::market::{Market, TaxDisplay};
use crate::model::{
    AppliedDiscount, Cart, CartLine, CartTotals, CheckoutState, Figure, Image, Order, OrderStatus,
    ShippingOption, TaxLine,
};
use crate::money::{Currency, Money};

/// What a cart and an order share once mapped.
pub(crate) struct Priced {
    pub currency: Currency,
    pub lines: Vec<CartLine>,
    pub discounts: Vec<AppliedDiscount>,
    pub totals: CartTotals,
}

/// Lines, discounts and totals of a cart or an order.
///
/// Medusa computes every figure unrounded (10 % off 19.98 is 1.998; VAT inside 16.90 is
/// 2.6983…), so each figure rounded on its own need not add up to the rounded total. The total
/// is what the shopper is charged (Medusa authorizes the same number), so it is kept; so are the
/// line subtotals, which are whole prices. The one figure Medusa derived last takes up the
/// rounding difference: with prices that include tax, the discount (`total = subtotal −
/// discount + shipping`, tax being inside); with prices without tax, the tax (it is computed on
/// the discounted amounts). The difference is at most a minor unit per rounded part; a larger one
/// means the answer is not what this mapping understands, and is a decode error rather than a
/// silently wrong cart. Line discounts and tax lines are then shared out of their totals with
/// [`Money::allocate`], weighted by their own rounded amounts, so they add up to the unit.
pub(crate) fn priced(w: &wire::Cart, market: &Market) -> Result<Priced> {
    let currency = currency(&w.currency_code)?;
    let tax_included = w
        .items
        .first()
        .map(|i| i.is_tax_inclusive)
        .or_else(|| w.shipping_methods.first().map(|s| s.is_tax_inclusive))
        .unwrap_or(market.tax_display == TaxDisplay::Inclusive);
    let zero = Money::zero(currency);

    let mut lines = Vec::with_capacity(w.items.len());
    let mut exact_discounts = Vec::with_capacity(w.items.len());
    for item in &w.items {
        let unit_price = money(item.unit_price, currency)?;
        let subtotal = unit_price
            .checked_mul(i64::from(item.quantity))
            .map_err(money_error)?;
        // Medusa's discount_total includes the tax the discount removes; on a tax-exclusive
        // basis the line's discount is without it.
        let discount = if tax_included {
            item.discount_total.0
        } else {
            minus(item.discount_total.0, item.discount_tax_total.0)?
        };
        exact_discounts.push(discount);
        let title = item
            .product_title
            .clone()
            .or_else(|| item.title.clone())
            .unwrap_or_default();
        let compare_at = match item.compare_at_unit_price {
            Some(a) => {
                Some(money(a, currency)?).filter(|c| c.minor_units() > unit_price.minor_units())
            }
            None => None,
        };
        lines.push(CartLine {
            id: LineId(item.id.clone()),
            product_id: ProductId(item.product_id.clone().unwrap_or_default()),
            variant_id: item.variant_id.clone().unwrap_or_default().into(),
            handle: item.product_handle.clone().unwrap_or_default(),
            variant_title: item.variant_title.clone().unwrap_or_default(),
            image: item.thumbnail.as_ref().map(|url| Image {
                url: url.clone(),
                alt: title.clone(),
                width: None,
                height: None,
                sources: Vec::new(),
            }),
            title,
            quantity: item.quantity,
            unit_price,
            compare_at,
            subtotal,
            discount: zero,
            tax: money(item.tax_total, currency)?,
            total: subtotal,
        });
    }

    let subtotal = Money::sum(currency, lines.iter().map(|l| l.subtotal)).map_err(money_error)?;
    let shipping = if w.shipping_methods.is_empty() {
        None
    } else {
        let exact = if tax_included {
            w.shipping_total.0
        } else {
            minus(w.shipping_total.0, w.shipping_tax_total.0)?
        };
        Some(round(exact, currency)?)
    };
    let discount_rounded = round(sum(exact_discounts.iter().copied())?, currency)?;
    let tax_rounded = money(w.tax_total, currency)?;
    let total = money(w.total, currency)?;
    let goods_and_shipping = subtotal
        .checked_add(shipping.unwrap_or(zero))
        .map_err(money_error)?;
    let (discount, tax, drift) = if tax_included {
        let discount = goods_and_shipping.checked_sub(total).map_err(money_error)?;
        let drift = discount
            .checked_sub(discount_rounded)
            .map_err(money_error)?;
        (discount, tax_rounded, drift)
    } else {
        let before_tax = goods_and_shipping
            .checked_sub(discount_rounded)
            .map_err(money_error)?;
        let tax = total.checked_sub(before_tax).map_err(money_error)?;
        let drift = tax.checked_sub(tax_rounded).map_err(money_error)?;
        (discount_rounded, tax, drift)
    };
    let tolerance = i64::try_from(w.items.len() + w.shipping_methods.len() + 2).unwrap_or(i64::MAX);
    if drift.minor_units().unsigned_abs() > tolerance.unsigned_abs() {
        return Err(decode_error(format!(
            "cart {} totals do not add up: total {} but parts give {} off",
            w.id,
            total.to_decimal_string(),
            drift.to_decimal_string()
        )));
    }

    // Line discounts: the total discount shared by each line's own (rounded) discount.
    let weights = exact_discounts
        .iter()
        .map(|d| round(*d, currency).map(|m| m.minor_units().max(0)))
        .collect::<Result<Vec<i64>>>()?;
    let by_subtotal: Vec<i64> = lines
        .iter()
        .map(|l| l.subtotal.minor_units().max(0))
        .collect();
    for (line, share) in lines
        .iter_mut()
        .zip(split(discount, &weights, &by_subtotal)?)
    {
        line.discount = share;
        line.total = line.subtotal.checked_sub(share).map_err(money_error)?;
    }

    let tax_lines = tax_lines(w, currency, tax)?;
    let discounts = applied_discounts(w, tax_included, currency, discount)?;

    let address_known = w.shipping_address.as_ref().and_then(to_address).is_some();
    // Before the destination is known Medusa taxes for the region's default; that is a guess.
    let tax_estimate = !address_known;
    let total_estimate =
        (shipping.is_none() && !lines.is_empty()) || (!tax_included && tax_estimate);
    let totals = CartTotals {
        subtotal: Figure::final_(subtotal),
        discount: Figure::final_(discount),
        shipping: shipping.map(Figure::final_),
        tax_lines,
        tax: Figure {
            amount: tax,
            estimate: tax_estimate,
        },
        tax_included,
        // Medusa has no duties; a market's terms still say what the shopper may owe.
        duties: None,
        duty_terms: market.duty_terms,
        total: Figure {
            amount: total,
            estimate: total_estimate,
        },
    };
    Ok(Priced {
        currency,
        lines,
        discounts,
        totals,
    })
}

/// Taxes grouped by name and rate over lines and shipping, shared out of the cart's tax.
fn tax_lines(w: &wire::Cart, currency: Currency, tax: Money) -> Result<Vec<TaxLine>> {
    let mut groups: Vec<(String, Option<Decimal>, Decimal)> = Vec::new();
    let all = w
        .items
        .iter()
        .flat_map(|i| &i.tax_lines)
        .chain(w.shipping_methods.iter().flat_map(|s| &s.tax_lines));
    for line in all {
        let name = line
            .description
            .clone()
            .filter(|d| !d.trim().is_empty())
            .or_else(|| line.code.clone())
            .unwrap_or_else(|| "Tax".to_owned());
        // Medusa's rates are percentages.
        let rate = line
            .rate
            .and_then(|r| Decimal::new(r.0.mantissa(), r.0.scale() + 2));
        match groups.iter_mut().find(|(n, r, _)| *n == name && *r == rate) {
            Some((_, _, amount)) => *amount = sum([*amount, line.total.0])?,
            None => groups.push((name, rate, line.total.0)),
        }
    }
    if groups.is_empty() {
        return Ok(if tax.is_zero() {
            Vec::new()
        } else {
            vec![TaxLine {
                name: "Tax".to_owned(),
                rate: None,
                amount: tax,
            }]
        });
    }
    let rounded = groups
        .iter()
        .map(|(_, _, amount)| round(*amount, currency))
        .collect::<Result<Vec<Money>>>()?;
    let rounded_sum = Money::sum(currency, rounded.iter().copied()).map_err(money_error)?;
    let amounts = if rounded_sum == tax {
        rounded
    } else {
        let weights: Vec<i64> = rounded.iter().map(|m| m.minor_units().max(0)).collect();
        let even = vec![1; weights.len()];
        split(tax, &weights, &even)?
    };
    Ok(groups
        .into_iter()
        .zip(amounts)
        .map(|((name, rate, _), amount)| TaxLine { name, rate, amount })
        .collect())
}

/// The codes on the cart with what each takes off, shared out of the cart's discount.
fn applied_discounts(
    w: &wire::Cart,
    tax_included: bool,
    currency: Currency,
    discount: Money,
) -> Result<Vec<AppliedDiscount>> {
    let mut codes: Vec<(String, Decimal)> = Vec::new();
    let add = |codes: &mut Vec<(String, Decimal)>, code: &str, amount: Decimal| -> Result<()> {
        match codes.iter_mut().find(|(c, _)| c.eq_ignore_ascii_case(code)) {
            Some((_, total)) => *total = sum([*total, amount])?,
            None => codes.push((code.to_owned(), amount)),
        }
        Ok(())
    };
    for promotion in &w.promotions {
        if let Some(code) = promotion.code.as_deref().filter(|c| !c.is_empty()) {
            add(&mut codes, code, Decimal::ZERO)?;
        }
    }
    for adjustment in w.items.iter().flat_map(|i| &i.adjustments) {
        let Some(code) = adjustment.code.as_deref().filter(|c| !c.is_empty()) else {
            continue;
        };
        let basis = if tax_included {
            adjustment.total
        } else {
            adjustment.subtotal
        };
        let amount = basis.or(adjustment.amount).map_or(Decimal::ZERO, |a| a.0);
        add(&mut codes, code, amount)?;
    }
    let weights = codes
        .iter()
        .map(|(_, d)| round(*d, currency).map(|m| m.minor_units().max(0)))
        .collect::<Result<Vec<i64>>>()?;
    let even = vec![1; codes.len()];
    let amounts = if codes.is_empty() {
        Vec::new()
    } else {
        split(discount, &weights, &even)?
    };
    Ok(codes
        .into_iter()
        .zip(amounts)
        .map(|((code, _), amount)| AppliedDiscount {
            code,
            amount,
            free_shipping: false,
        })
        .collect())
}

/// A cart in `market`.
pub(crate) fn cart(w: &wire::Cart, market: &Market) -> Result<Cart> {
    let priced = priced(w, market)?;
    let shipping_address = w.shipping_address.as_ref().and_then(to_address);
    let billing_address = w
        .billing_address
        .as_ref()
        .and_then(to_address)
        .filter(|b| Some(b) != shipping_address.as_ref());
    let cart = Cart {
        id: w.id.clone().into(),
        market: market.id.clone(),
        currency: priced.currency,
        lines: priced.lines,
        discounts: priced.discounts,
        email: w.email.clone().filter(|e| !e.is_empty()),
        shipping_address,
        billing_address,
        shipping_option: w
            .shipping_methods
            .first()
            .and_then(|m| m.shipping_option_id.clone())
            .map(ShippingOptionId),
        totals: priced.totals,
        // Medusa authorizes the payment when it completes the cart: a cart is open until then.
        state: if w.completed_at.is_some() {
            CheckoutState::Completed { order: None }
        } else {
            CheckoutState::Open
        },
    };
    // Debug builds (tests, `trunk serve`) refuse a mapped cart whose sums are off, so a mapping
    // bug shows at once instead of as a wrong total on a page.
    #[cfg(debug_assertions)]
    cart.check()?;
    Ok(cart)
}

/// An order placed in `market`.
pub(crate) fn order(w: &wire::Cart, market: &Market) -> Result<Order> {
    let display_id = w
        .display_id
        .ok_or_else(|| decode_error(format!("order {} has no display_id", w.id)))?;
    let priced = priced(w, market)?;
    let shipping_address = w
        .shipping_address
        .as_ref()
        .and_then(to_address)
        .ok_or_else(|| decode_error(format!("order {} has no shipping address", w.id)))?;
    let billing_address = w
        .billing_address
        .as_ref()
        .and_then(to_address)
        .filter(|b| *b != shipping_address);
    let status = match (&w.status, &w.fulfillment_status) {
        (Some(wire::OrderStatus::Canceled), _) => OrderStatus::Cancelled,
        (
            _,
            Some(
                wire::FulfillmentStatus::Fulfilled
                | wire::FulfillmentStatus::Shipped
                | wire::FulfillmentStatus::Delivered,
            ),
        ) => OrderStatus::Fulfilled,
        _ => OrderStatus::Placed,
    };
    let shipping_option = match (w.shipping_methods.first(), priced.totals.shipping) {
        (Some(method), Some(amount)) => Some(ShippingOption {
            id: ShippingOptionId(method.shipping_option_id.clone().unwrap_or_default()),
            name: method.name.clone().unwrap_or_default(),
            amount: amount.amount,
            min_days: None,
            max_days: None,
        }),
        _ => None,
    };
    let payment = match w.payment_collections.first() {
        Some(collection) => Some(payment(collection)?),
        None => None,
    };
    Ok(Order {
        id: OrderId(w.id.clone()),
        number: display_id.to_string(),
        email: w.email.clone().unwrap_or_default(),
        market: market.id.clone(),
        placed_at: w.created_at.clone().unwrap_or_default(),
        status,
        lines: priced.lines,
        totals: priced.totals,
        shipping_address,
        billing_address,
        shipping_option,
        payment,
    })
}
