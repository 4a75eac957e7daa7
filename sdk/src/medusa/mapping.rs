//! Medusa's answers into Dhow's model: exact amounts rounded per currency, carts whose totals keep
//! the SDK's invariants, products priced for a market, facets, addresses both ways, orders.

use crate::address::{self, Address, CountryCode};
use crate::decimal::Decimal;
use crate::error::{Error, Result};
use crate::ids::{CollectionId, LineId, OrderId, PaymentMethodId, ProductId, ShippingOptionId};
use crate::market::{Market, TaxDisplay};
use crate::model::{
    AppliedDiscount, Cart, CartLine, CartTotals, CheckoutState, Collection, Facet, FacetValue,
    Figure, Image, OptionFacets, Order, OrderStatus, Payment, Price, Product, ProductOption,
    ShippingOption, TaxLine, Variant,
};
use crate::money::{Currency, Money, MoneyError};

use super::wire::{self, Amount};

/// The name shown for Medusa's built-in provider, which authorizes without asking for anything.
pub(crate) const SYSTEM_PROVIDER: &str = "pp_system_default";
const SYSTEM_PROVIDER_NAME: &str = "Manual payment";

fn decode_error(message: impl Into<String>) -> Error {
    Error::Decode {
        message: message.into(),
    }
}

/// A currency from Medusa's lower-case code.
pub(crate) fn currency(code: &str) -> Result<Currency> {
    Currency::from_code(&code.to_ascii_uppercase())
        .ok_or_else(|| decode_error(format!("unknown currency `{code}`")))
}

/// An exact decimal rounded half away from zero to the currency's minor unit.
fn round(decimal: Decimal, currency: Currency) -> Result<Money> {
    Money::from_decimal_rounded(decimal, currency)
        .map_err(|_| decode_error(format!("amount {decimal} is out of range in {currency}")))
}

fn money(amount: Amount, currency: Currency) -> Result<Money> {
    round(amount.0, currency)
}

fn minus(a: Decimal, b: Decimal) -> Result<Decimal> {
    Decimal::new(-b.mantissa(), b.scale())
        .and_then(|neg| a.checked_add(neg))
        .ok_or_else(|| decode_error(format!("{a} − {b} is out of range")))
}

fn sum(values: impl IntoIterator<Item = Decimal>) -> Result<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, |acc, d| {
        acc.checked_add(d)
            .ok_or_else(|| decode_error("a sum of amounts is out of range"))
    })
}

fn money_error(e: MoneyError) -> Error {
    decode_error(format!("amounts do not combine: {e}"))
}

/// `amount` split by `weights` so the parts add up exactly; `fallback` weights are used when all
/// of `weights` are zero (an amount Medusa gave in total but not per part).
fn split(amount: Money, weights: &[i64], fallback: &[i64]) -> Result<Vec<Money>> {
    if amount.is_zero() || weights.is_empty() {
        if !amount.is_zero() {
            return Err(decode_error(format!(
                "{} to share out over no lines",
                amount.to_decimal_string()
            )));
        }
        return Ok(vec![Money::zero(amount.currency()); weights.len()]);
    }
    let usable = |w: &[i64]| w.iter().all(|&x| x >= 0) && w.iter().any(|&x| x > 0);
    let chosen = if usable(weights) {
        weights
    } else if usable(fallback) {
        fallback
    } else {
        // Nothing to weigh by: one part each.
        return amount.split_evenly(weights.len()).map_err(money_error);
    };
    amount.allocate(chosen).map_err(money_error)
}

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
    Ok(Cart {
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
    })
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
    let status = match (w.status.as_deref(), w.fulfillment_status.as_deref()) {
        (Some("canceled" | "cancelled"), _) => OrderStatus::Cancelled,
        (_, Some("fulfilled" | "shipped" | "delivered")) => OrderStatus::Fulfilled,
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

/// The payment a collection stands for.
pub(crate) fn payment(collection: &wire::PaymentCollection) -> Result<Payment> {
    let provider = collection
        .payment_sessions
        .iter()
        .find_map(|s| s.provider_id.clone())
        .unwrap_or_else(|| SYSTEM_PROVIDER.to_owned());
    Ok(Payment {
        description: provider_name(&provider).to_owned(),
        method: PaymentMethodId(provider),
        amount: money(collection.amount, currency(&collection.currency_code)?)?,
    })
}

/// What the shopper sees for a payment provider.
pub(crate) fn provider_name(id: &str) -> &str {
    if id == SYSTEM_PROVIDER {
        SYSTEM_PROVIDER_NAME
    } else {
        id
    }
}

/// A shipping option with its price for the cart; `None` for one Medusa has not priced (a
/// calculated option before its price is asked for).
pub(crate) fn shipping_option(
    w: &wire::ShippingOption,
    currency: Currency,
) -> Result<Option<ShippingOption>> {
    let amount = w.amount.or_else(|| {
        w.calculated_price
            .as_ref()
            .and_then(|p| p.calculated_amount)
    });
    let Some(amount) = amount else {
        return Ok(None);
    };
    Ok(Some(ShippingOption {
        id: ShippingOptionId(w.id.clone()),
        name: w.name.clone(),
        amount: money(amount, currency)?,
        min_days: None,
        max_days: None,
    }))
}

/// A Medusa address as Dhow's; `None` for the placeholder Medusa keeps with a country only.
pub(crate) fn to_address(w: &wire::Address) -> Option<Address> {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let line1 = text(&w.address_1);
    let country = CountryCode::parse(w.country_code.as_deref()?)?;
    if line1.trim().is_empty() {
        return None;
    }
    let nonempty = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
    // Medusa writes ISO 3166-2 in lower case (`us-ny`); Dhow keeps the part after the country.
    let region = nonempty(&w.province).map(|p| {
        let prefix = format!("{}-", country.as_str());
        match p.get(..prefix.len()) {
            Some(head) if head.eq_ignore_ascii_case(&prefix) => p
                .get(prefix.len()..)
                .unwrap_or_default()
                .to_ascii_uppercase(),
            _ => p,
        }
    });
    Some(Address {
        first_name: text(&w.first_name),
        last_name: text(&w.last_name),
        company: nonempty(&w.company),
        line1,
        line2: nonempty(&w.address_2),
        city: text(&w.city),
        region,
        postal_code: nonempty(&w.postal_code),
        country,
        phone: nonempty(&w.phone),
    })
}

/// Dhow's address as Medusa takes it: lower-case country, subdivisions as `us-ny` (how Medusa's
/// tax regions name provinces), postal codes written the country's way.
pub(crate) fn from_address(a: &Address) -> wire::Address {
    let format = address::format_for(a.country);
    let country = a.country.as_str().to_ascii_lowercase();
    let province = a.region.as_deref().map(|r| match format.find_region(r) {
        Some(region) => format!("{country}-{}", region.code.to_ascii_lowercase()),
        None => r.trim().to_owned(),
    });
    let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    wire::Address {
        first_name: some(&a.first_name),
        last_name: some(&a.last_name),
        company: a.company.as_deref().and_then(some),
        address_1: some(&a.line1),
        address_2: a.line2.as_deref().and_then(some),
        city: some(&a.city),
        province: province.filter(|p| !p.is_empty()),
        postal_code: a
            .postal_code
            .as_deref()
            .map(|p| address::normalize_postal_code(&format, p))
            .filter(|p| !p.is_empty()),
        country_code: Some(country),
        phone: a.phone.as_deref().and_then(some),
    }
}

/// A product priced for `market`; `None` when no variant has a price there (not sold in it).
pub(crate) fn product(w: &wire::Product, market: &Market) -> Result<Option<Product>> {
    let inclusive = market.tax_display == TaxDisplay::Inclusive;
    let mut variants = Vec::with_capacity(w.variants.len());
    for v in &w.variants {
        let Some(price) = &v.calculated_price else {
            continue;
        };
        let currency = currency(&price.currency_code)?;
        if currency != market.currency {
            return Err(decode_error(format!(
                "variant {} is priced in {currency}, not in {}",
                v.id, market.currency
            )));
        }
        let amount = money(price.calculated_amount, currency)?;
        let compare_at = match price.original_amount {
            Some(a) => Some(money(a, currency)?).filter(|o| o.minor_units() > amount.minor_units()),
            None => None,
        };
        let managed = v.manage_inventory.unwrap_or(true) && !v.allow_backorder.unwrap_or(false);
        let stock = if managed {
            v.inventory_quantity
                .map(|q| u32::try_from(q.max(0)).unwrap_or(u32::MAX))
        } else {
            None
        };
        // Options in the product's order, matched by option id (Medusa lists a variant's values
        // in no particular order).
        let options = w
            .options
            .iter()
            .enumerate()
            .map(|(i, option)| {
                v.options
                    .iter()
                    .find(|o| o.option_id.as_deref() == Some(option.id.as_str()))
                    .or_else(|| v.options.get(i).filter(|o| o.option_id.is_none()))
                    .map(|o| o.value.clone())
                    .unwrap_or_default()
            })
            .collect();
        variants.push(Variant {
            id: v.id.clone().into(),
            title: v.title.clone().unwrap_or_default(),
            sku: v.sku.clone().filter(|s| !s.is_empty()),
            options,
            price: Price {
                amount,
                compare_at,
                tax_included: price.is_calculated_price_tax_inclusive.unwrap_or(inclusive),
                converted: false,
            },
            available: stock.is_none_or(|s| s > 0),
            stock,
        });
    }
    if variants.is_empty() {
        return Ok(None);
    }
    let mut images: Vec<Image> = w
        .images
        .iter()
        .map(|i| Image {
            url: i.url.clone(),
            alt: w.title.clone(),
            width: None,
            height: None,
            sources: Vec::new(),
        })
        .collect();
    if images.is_empty() {
        images.extend(w.thumbnail.iter().map(|url| Image {
            url: url.clone(),
            alt: w.title.clone(),
            width: None,
            height: None,
            sources: Vec::new(),
        }));
    }
    // A product with one variant and Medusa's default option shows no picker.
    let options = w
        .options
        .iter()
        .map(|o| ProductOption {
            name: o.title.clone(),
            values: o.values.iter().map(|v| v.value.clone()).collect(),
        })
        .collect();
    Ok(Some(Product {
        id: ProductId(w.id.clone()),
        handle: w.handle.clone(),
        title: w.title.clone(),
        description: plain_text(w.description.as_deref().unwrap_or_default()),
        images,
        options,
        variants,
        collections: w.collection_id.iter().cloned().map(CollectionId).collect(),
        tags: w.tags.iter().map(|t| t.value.clone()).collect(),
    }))
}

/// A description as plain text: Medusa descriptions may hold HTML, which the storefront must
/// never render. Written by hand: an HTML parser is far too heavy for removing tags.
pub(crate) fn plain_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let starts_tag = c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/' || *n == '!');
        if starts_tag {
            for inner in chars.by_ref() {
                if inner == '>' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out.trim().to_owned()
}

/// A collection.
pub(crate) fn collection(w: &wire::Collection) -> Collection {
    Collection {
        id: CollectionId(w.id.clone()),
        handle: w.handle.clone(),
        title: w.title.clone(),
        description: String::new(),
        image: None,
    }
}

/// Facets over `products` (the whole result), labelled with `collections`.
pub(crate) fn facets(products: &[Product], collections: &[Collection]) -> Vec<Facet> {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let mut facets = Vec::new();
    let values: Vec<FacetValue> = collections
        .iter()
        .filter_map(|c| {
            let n = products
                .iter()
                .filter(|p| p.collections.contains(&c.id))
                .count();
            (n > 0).then(|| FacetValue {
                value: c.handle.clone(),
                label: c.title.clone(),
                count: count(n),
            })
        })
        .collect();
    if !values.is_empty() {
        facets.push(Facet::Collection { values });
    }
    let mut options = OptionFacets::default();
    for product in products {
        options.add(&product.options, |i, value| {
            product
                .variants
                .iter()
                .any(|v| v.options.get(i).map(String::as_str) == Some(value))
        });
    }
    facets.extend(options.finish());
    let prices = || {
        products
            .iter()
            .flat_map(|p| &p.variants)
            .map(|v| v.price.amount)
    };
    if let (Some(min), Some(max)) = (
        prices().min_by_key(|p| p.minor_units()),
        prices().max_by_key(|p| p.minor_units()),
    ) {
        facets.push(Facet::PriceRange { min, max });
    }
    facets.push(Facet::InStock {
        count: count(products.iter().filter(|p| p.available()).count()),
    });
    facets
}

#[cfg(test)]
mod tests;
