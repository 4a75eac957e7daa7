//! A cart's lines and totals in its market: promotions, shipping, tax and duties, computed from
//! the catalog and the stored cart so that `CartTotals::expected_total` holds to the minor unit.
//!
//! Order of computation, each step on the results of the one before:
//! 1. line subtotal = unit price × quantity (unit price re-read from the catalog);
//! 2. each promotion code in the order applied: its amount, split over the lines by what is left
//!    of each line, so no line is ever discounted below zero;
//! 3. shipping for the destination, free over a threshold or with a free-shipping code;
//! 4. tax per line on the line total after discounts (and on shipping where it is taxed), rounded
//!    per line, grouped by name and rate;
//! 5. duties on the goods value net of tax above the destination's de minimis;
//! 6. total by the invariant.

use crate::address::CountryCode;
use crate::decimal::Decimal;
use crate::error::PromotionRejection;
use crate::error::{Error, Result};
use crate::ids::{LineId, ProductId, ShippingOptionId, VariantId};
use crate::local::data::{CatalogFile, PromotionKind, PromotionRule, ShippingRule};
use crate::local::pricing::{self, CatalogIndex};
use crate::local::state::StoredCart;
use crate::market::{DutyTerms, Market, TaxDisplay};
use crate::model::{AppliedDiscount, CartLine, CartTotals, Figure, ShippingOption, TaxLine};
use crate::money::{Currency, Money, MoneyError, price_in};

/// What pricing needs besides the cart: the catalog, the market and today's date.
pub(crate) struct Context<'a> {
    pub data: &'a CatalogFile,
    pub index: &'a CatalogIndex,
    pub market: &'a Market,
    /// `YYYY-MM-DD` in UTC, compared with promotion dates.
    pub today: &'a str,
}

/// A cart priced: what `Cart` shows, plus what checkout steps need.
#[derive(Clone, Debug)]
pub(crate) struct PricedCart {
    pub lines: Vec<CartLine>,
    pub discounts: Vec<AppliedDiscount>,
    pub totals: CartTotals,
    /// Shipping options for the destination, priced for this cart.
    pub options: Vec<ShippingOption>,
    /// The chosen option, when it is still offered.
    pub chosen: Option<ShippingOption>,
    /// The stored codes that still apply (a code whose minimum is no longer reached, or that
    /// expired, drops out).
    pub codes: Vec<String>,
}

/// The promotion with this code, compared case-insensitively.
pub(crate) fn find_promotion<'a>(data: &'a CatalogFile, code: &str) -> Option<&'a PromotionRule> {
    let code = code.trim();
    if code.is_empty() {
        return None;
    }
    data.promotions
        .iter()
        .find(|p| crate::text::eq_ignore_case(&p.code, code))
}

/// Why `rule` cannot apply to a cart with this subtotal next to the codes `others` already on
/// it; `Ok` when it can.
pub(crate) fn check_promotion(
    ctx: &Context<'_>,
    rule: &PromotionRule,
    subtotal: Money,
    others: &[&PromotionRule],
) -> Result<(), PromotionRejection> {
    // Dates are `YYYY-MM-DD`, checked when the catalog is read, so text order is date order.
    let started = rule
        .starts
        .as_deref()
        .is_none_or(|starts| starts <= ctx.today);
    let not_ended = rule.ends.as_deref().is_none_or(|ends| ends >= ctx.today);
    if !started || !not_ended {
        return Err(PromotionRejection::Expired);
    }
    if !rule.markets.is_empty()
        && !rule
            .markets
            .iter()
            .any(|m| m.eq_ignore_ascii_case(ctx.market.id.as_str()))
    {
        return Err(PromotionRejection::NotInMarket);
    }
    if let PromotionKind::Fixed { amounts } = &rule.kind {
        // A fixed amount that cannot be had in this currency does not apply in this market.
        pricing::amount_in(ctx.data, amounts, subtotal.currency())
            .map_err(|_| PromotionRejection::NotInMarket)?;
    }
    if !others.is_empty() && (!rule.combinable || others.iter().any(|o| !o.combinable)) {
        return Err(PromotionRejection::NotCombinable);
    }
    if !rule.min_subtotal.is_empty() {
        let minimum = pricing::amount_in(ctx.data, &rule.min_subtotal, subtotal.currency())
            .map_err(|_| PromotionRejection::NotInMarket)?;
        if subtotal.minor_units() < minimum.minor_units() {
            return Err(PromotionRejection::MinimumNotReached);
        }
    }
    Ok(())
}

/// A line being priced: its amounts in minor units while discounts and tax are spread.
struct PricedLine {
    line: CartLine,
    subtotal: i64,
    discount: i64,
    tax: i64,
}

/// Prices a stored cart in the context's market.
pub(crate) fn price_cart(ctx: &Context<'_>, cart: &StoredCart) -> Result<PricedCart> {
    let market = ctx.market;
    let currency = market.currency;
    let money = |minor: i64| Money::from_minor(minor, currency);

    // 1. Lines. A line whose variant left the catalog is skipped: the cart stays usable.
    let mut lines = Vec::with_capacity(cart.lines.len());
    for stored in &cart.lines {
        let Some((product, variant)) = ctx.index.variant(ctx.data, stored.variant.as_str()) else {
            continue;
        };
        let unit = pricing::unit_price(ctx.data, market, variant)?;
        let subtotal = unit.checked_mul(i64::from(stored.quantity))?;
        let (title, _) = pricing::product_text(product, market);
        lines.push(PricedLine {
            line: CartLine {
                id: LineId(stored.id.0.clone()),
                product_id: ProductId(product.handle.clone()),
                variant_id: VariantId(variant.id.clone()),
                handle: product.handle.clone(),
                title: title.to_owned(),
                variant_title: pricing::variant_title(variant),
                image: product.images.first().cloned(),
                quantity: stored.quantity,
                unit_price: unit,
                compare_at: pricing::compare_at(ctx.data, market, variant, unit)?,
                subtotal,
                discount: money(0),
                tax: money(0),
                total: subtotal,
            },
            subtotal: subtotal.minor_units(),
            discount: 0,
            tax: 0,
        });
    }
    let subtotal = Money::sum(currency, lines.iter().map(|l| l.line.subtotal))?;

    // 2. Promotions.
    let mut accepted: Vec<&PromotionRule> = Vec::new();
    let mut discounts = Vec::new();
    let mut free_shipping = false;
    for code in &cart.codes {
        let Some(rule) = find_promotion(ctx.data, code) else {
            continue;
        };
        if accepted.iter().any(|a| std::ptr::eq(*a, rule))
            || check_promotion(ctx, rule, subtotal, &accepted).is_err()
        {
            continue;
        }
        accepted.push(rule);
        let left = left_to_discount(&lines)?;
        let amount = match &rule.kind {
            PromotionKind::Percentage { percent } => percent_of(subtotal, *percent)?.min(left),
            // Not `clamp`: it panics when `left` is below zero (data built without the check).
            PromotionKind::Fixed { amounts } => pricing::amount_in(ctx.data, amounts, currency)?
                .minor_units()
                .min(left)
                .max(0),
            PromotionKind::FreeShipping => {
                free_shipping = true;
                0
            }
        };
        spread_discount(&mut lines, amount, currency)?;
        discounts.push(AppliedDiscount {
            code: rule.code.clone(),
            amount: money(amount),
            free_shipping: matches!(rule.kind, PromotionKind::FreeShipping),
        });
    }
    let discount = Money::sum(currency, discounts.iter().map(|d| d.amount))?;
    for l in &mut lines {
        l.line.discount = money(l.discount);
        l.line.total = l.line.subtotal.checked_sub(l.line.discount)?;
    }
    let goods = subtotal.checked_sub(discount)?;

    // 3. Shipping, to the address's country or, before there is one, the market's.
    let address_known = cart.shipping_address.is_some();
    let destination = cart
        .shipping_address
        .as_ref()
        .map_or(market.country, |a| a.country);
    let options = shipping_options(ctx, destination, goods, free_shipping)?;
    let chosen = cart
        .shipping_option
        .as_ref()
        .and_then(|id| options.iter().find(|o| &o.id == id))
        .cloned();
    let shipping = if lines.is_empty() {
        None
    } else if let Some(option) = &chosen {
        Some(Figure::final_(option.amount))
    } else {
        options
            .iter()
            .min_by_key(|o| o.amount.minor_units())
            .map(|o| Figure::estimate(o.amount))
    };

    // 4. Tax at the destination's rate: the region's once the address says which, else the
    //    country's default, which is then an estimate.
    let inclusive = market.tax_display == TaxDisplay::Inclusive;
    let mut tax_lines: Vec<TaxLine> = Vec::new();
    let mut shipping_taxed = false;
    if let Some(rule) = ctx.data.taxes.iter().find(|t| t.country == destination) {
        let region = cart
            .shipping_address
            .as_ref()
            .and_then(|a| a.region.as_deref())
            .and_then(|code| region_tax(rule, code));
        let (name, rate) = region.map_or((rule.name.as_str(), rule.rate), |r| {
            (r.name.as_str(), r.rate)
        });
        let mut amount = 0i64;
        for l in &mut lines {
            l.tax = tax_on(l.line.total.minor_units(), rate, inclusive)?;
            l.line.tax = money(l.tax);
            amount = amount.checked_add(l.tax).ok_or(MoneyError::Overflow)?;
        }
        if let (true, Some(figure)) = (rule.shipping_taxable, shipping) {
            amount = amount
                .checked_add(tax_on(figure.amount.minor_units(), rate, inclusive)?)
                .ok_or(MoneyError::Overflow)?;
            shipping_taxed = true;
        }
        if amount != 0 {
            tax_lines.push(TaxLine {
                name: name.to_owned(),
                rate: Some(rate),
                amount: money(amount),
            });
        }
    }
    let tax = Money::sum(currency, tax_lines.iter().map(|t| t.amount))?;
    let tax_estimate = !address_known || (shipping_taxed && shipping.is_some_and(|s| s.estimate));

    // 5. Duties on the goods value net of tax, when the goods cross a customs border.
    let duties = duties(ctx, destination, &lines, address_known)?;

    // 6. Total by the invariant.
    let mut totals = CartTotals {
        subtotal: Figure::final_(subtotal),
        discount: Figure::final_(discount),
        shipping,
        tax_lines,
        tax: Figure {
            amount: tax,
            estimate: tax_estimate,
        },
        tax_included: inclusive,
        duties,
        duty_terms: market.duty_terms,
        total: Figure::final_(money(0)),
    };
    let total = totals.expected_total()?;
    let estimate = shipping.is_none_or(|s| s.estimate) && !lines.is_empty()
        || (!inclusive && tax_estimate)
        || duties.is_some_and(|d| d.estimate && market.duty_terms == DutyTerms::PaidAtCheckout);
    totals.total = Figure {
        amount: total,
        estimate,
    };

    Ok(PricedCart {
        lines: lines.into_iter().map(|l| l.line).collect(),
        discounts,
        totals,
        options,
        chosen,
        codes: accepted.iter().map(|r| r.code.clone()).collect(),
    })
}

/// What can still be taken off the lines: their subtotals less discounts so far.
fn left_to_discount(lines: &[PricedLine]) -> Result<i64> {
    lines
        .iter()
        .try_fold(0i64, |sum, l| {
            sum.checked_add(l.subtotal.checked_sub(l.discount)?)
        })
        .ok_or(Error::Money(MoneyError::Overflow))
}

/// `percent` % of `amount`, rounded half up on the exact fraction.
fn percent_of(amount: Money, percent: Decimal) -> Result<i64> {
    let numerator = i128::from(amount.minor_units())
        .checked_mul(percent.mantissa().max(0))
        .ok_or(MoneyError::Overflow)?;
    let denominator = crate::decimal::pow10(percent.scale())
        .and_then(|p| p.checked_mul(100))
        .ok_or(MoneyError::Overflow)?;
    to_minor(div_half_up(numerator, denominator))
}

/// Spreads `amount` over the lines by what is left of each, with `Money::allocate`, so the parts
/// add up to the amount and no line goes below zero even with several codes.
fn spread_discount(lines: &mut [PricedLine], amount: i64, currency: Currency) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    let weights = lines
        .iter()
        .map(|l| {
            l.subtotal
                .checked_sub(l.discount)
                .ok_or(MoneyError::Overflow)
        })
        .collect::<Result<Vec<i64>, _>>()?;
    let parts = Money::from_minor(amount, currency).allocate(&weights)?;
    for (line, part) in lines.iter_mut().zip(parts) {
        line.discount = line
            .discount
            .checked_add(part.minor_units())
            .ok_or(MoneyError::Overflow)?;
    }
    Ok(())
}

/// Shipping options serving `destination`, priced for a cart whose goods (after discounts) come
/// to `goods`.
pub(crate) fn shipping_options(
    ctx: &Context<'_>,
    destination: CountryCode,
    goods: Money,
    free_shipping: bool,
) -> Result<Vec<ShippingOption>> {
    ctx.data
        .shipping
        .iter()
        .filter(|rule| rule.countries.contains(&destination))
        .map(|rule| {
            let amount = if free_shipping || reaches_free_over(ctx, rule, goods)? {
                Money::zero(goods.currency())
            } else {
                price_in(
                    &rule.rates,
                    goods.currency(),
                    &ctx.data.rates,
                    ctx.market.rounding,
                )?
                .money
            };
            Ok(ShippingOption {
                id: ShippingOptionId(rule.id.clone()),
                name: rule.name.clone(),
                amount,
                min_days: Some(rule.min_days),
                max_days: Some(rule.max_days),
            })
        })
        .collect()
}

fn reaches_free_over(ctx: &Context<'_>, rule: &ShippingRule, goods: Money) -> Result<bool> {
    if rule.free_over.is_empty() {
        return Ok(false);
    }
    let threshold = pricing::amount_in(ctx.data, &rule.free_over, goods.currency())?;
    Ok(goods.minor_units() >= threshold.minor_units())
}

/// A region's own tax, the region code compared case-insensitively (`ca` is `CA`).
fn region_tax<'a>(
    rule: &'a crate::local::data::TaxRule,
    code: &str,
) -> Option<&'a crate::local::data::RegionTax> {
    let code = code.trim();
    // Codes may come as `US-CA` (ISO 3166-2) or `CA`.
    let bare = code.split_once('-').map_or(code, |(_, r)| r);
    rule.regions
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(code) || key.eq_ignore_ascii_case(bare))
        .map(|(_, tax)| tax)
}

/// Tax on `base` minor units at `rate`: inside the amount for inclusive prices
/// (`base × rate / (1 + rate)`), on top of it for exclusive ones (`base × rate`), rounded half up
/// on the exact fraction once.
fn tax_on(base: i64, rate: Decimal, inclusive: bool) -> Result<i64> {
    let scale = crate::decimal::pow10(rate.scale()).ok_or(MoneyError::Overflow)?;
    let numerator = i128::from(base)
        .checked_mul(rate.mantissa())
        .ok_or(MoneyError::Overflow)?;
    let denominator = if inclusive {
        scale
            .checked_add(rate.mantissa())
            .ok_or(MoneyError::Overflow)?
    } else {
        scale
    };
    to_minor(div_half_up(numerator, denominator))
}

/// Import duties for the destination; `None` when none apply.
fn duties(
    ctx: &Context<'_>,
    destination: CountryCode,
    lines: &[PricedLine],
    address_known: bool,
) -> Result<Option<Figure>> {
    let data = ctx.data;
    if destination == data.ships_from || data.customs_union.contains(&destination) {
        return Ok(None);
    }
    let Some(rule) = data.duties.iter().find(|d| d.country == destination) else {
        return Ok(None);
    };
    let currency = ctx.market.currency;
    let value = lines.iter().try_fold(0i64, |sum, l| {
        let net = if ctx.market.tax_display == TaxDisplay::Inclusive {
            l.line.total.minor_units().checked_sub(l.tax)?
        } else {
            l.line.total.minor_units()
        };
        sum.checked_add(net)
    });
    let value = Money::from_minor(value.ok_or(MoneyError::Overflow)?, currency);
    let threshold = if rule.de_minimis.is_empty() {
        Money::zero(currency)
    } else {
        pricing::amount_in(data, &rule.de_minimis, currency)?
    };
    if value.minor_units() <= threshold.minor_units() {
        return Ok(None);
    }
    let duty = value.mul_rate(rule.rate, crate::decimal::RoundingMode::HalfUp)?;
    // Duties collected by the carrier are the carrier's figure: ours can only be an estimate.
    let estimate = ctx.market.duty_terms == DutyTerms::DueOnDelivery || !address_known;
    Ok(Some(Figure {
        amount: duty,
        estimate,
    }))
}

/// `n / d` rounded half away from zero (the SDK's one rounding division); `None` when `d` is not
/// positive.
fn div_half_up(n: i128, d: i128) -> Option<i128> {
    (d > 0).then(|| crate::decimal::div_round(n, d, crate::decimal::RoundingMode::HalfUp))
}

fn to_minor(value: Option<i128>) -> Result<i64> {
    value
        .and_then(|v| i64::try_from(v).ok())
        .ok_or(Error::Money(MoneyError::Overflow))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap()
    }

    #[test]
    fn inclusive_tax_is_the_share_inside_the_price() {
        // 49.90 × 0.19 / 1.19 = 7.9672… → 7.97
        assert_eq!(tax_on(4990, d("0.19"), true).unwrap(), 797);
        // 119.00 × 0.19 / 1.19 = 19.00 exactly
        assert_eq!(tax_on(11900, d("0.19"), true).unwrap(), 1900);
        // 1.05 × 0.05 / 1.05 = 0.05
        assert_eq!(tax_on(105, d("0.05"), true).unwrap(), 5);
        // An exact half rounds up: 0.21 × 0.05 / 1.05 = 0.01 → 0.01; 10.5 × 0.1/1.1 …
        assert_eq!(tax_on(0, d("0.19"), true).unwrap(), 0);
    }

    #[test]
    fn exclusive_tax_is_on_top() {
        // 54.00 × 0.0725 = 3.915 → 3.92 (half up)
        assert_eq!(tax_on(5400, d("0.0725"), false).unwrap(), 392);
        assert_eq!(tax_on(5400, d("0"), false).unwrap(), 0);
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(div_half_up(5, 10), Some(1));
        assert_eq!(div_half_up(-5, 10), Some(-1));
        assert_eq!(div_half_up(4, 10), Some(0));
        assert_eq!(div_half_up(-4, 10), Some(0));
        assert_eq!(div_half_up(1, 0), None);
        assert_eq!(div_half_up(i128::MAX, i128::MAX - 1), Some(1));
    }

    #[test]
    fn percentages_round_half_up() {
        let eur = |m| Money::from_minor(m, Currency::EUR);
        assert_eq!(percent_of(eur(9985), d("10")).unwrap(), 999); // 998.5 → 999
        assert_eq!(percent_of(eur(1000), d("12.5")).unwrap(), 125);
        assert_eq!(percent_of(eur(1), d("33.333")).unwrap(), 0);
        assert!(percent_of(eur(i64::MAX), d("1000")).is_err());
    }

    #[test]
    fn tax_overflow_is_an_error() {
        assert!(tax_on(i64::MAX, d("2"), false).is_err());
    }
}
