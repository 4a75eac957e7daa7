//! From Vendure's answers to Dhow's model: money units, products, carts with totals that keep
//! the SDK's invariants, orders, and error results to [`Error`].

use crate::address::{Address, CountryCode};
use crate::decimal::{Decimal, RoundingMode};
use crate::error::{Error, PromotionRejection, Result};
use crate::ids::{
    CartId, CollectionId, LineId, MarketId, OrderId, ProductId, ShippingOptionId, VariantId,
};
use crate::market::Market;
use crate::model::{
    AppliedDiscount, Cart, CartLine, CartTotals, Collection, Figure, Image, Order, OrderStatus,
    Payment, Price, Product, ProductOption, ShippingOption, TaxLine, Variant,
};
use crate::money::{Currency, Money};

use super::queries::{
    AddressFields, AddressInput, AssetFields, CollectionFields, ErrorCode, ErrorResult, LineFields,
    OrderFields, Outcome, ProductFields, ShippingQuote, Units,
};

/// Converts Vendure's integer amounts into ISO minor units of one currency.
///
/// Vendure stores every currency with the same number of decimals (its MoneyStrategy precision,
/// 2 by default), so ¥1,950 arrives as 195000. Dividing by 10^(precision − exponent) gives minor
/// units. Prices, line amounts, shipping and totals must divide exactly: rounding them would show
/// or charge a different amount from the one Vendure records, so a remainder is
/// [`Error::Decode`] (the fix is a MoneyStrategy whose precision fits the currency). Taxes
/// inside tax-inclusive prices are for information only, and are rounded half-even.
#[derive(Clone, Copy, Debug)]
pub struct Units2Money {
    currency: Currency,
    /// 10^(exponent − precision): 0.01 for JPY at precision 2, 1 for EUR, 10 for KWD.
    factor: Decimal,
}

impl Units2Money {
    /// The converter for `currency` at Vendure's `precision`.
    pub fn new(currency: Currency, precision: u8) -> Result<Units2Money> {
        let exponent = currency.exponent();
        let out_of_range = || Error::Decode {
            message: format!("money precision {precision} is out of range"),
        };
        let factor = if precision >= exponent {
            Decimal::new(1, u32::from(precision - exponent))
        } else {
            10i128
                .checked_pow(u32::from(exponent - precision))
                .and_then(|p| Decimal::new(p, 0))
        }
        .ok_or_else(out_of_range)?;
        Ok(Units2Money { currency, factor })
    }

    /// The currency converted into.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// An amount that must be exact in minor units.
    pub fn exact(&self, units: Units) -> Result<Money> {
        let minor = units
            .0
            .checked_mul(self.factor)
            .ok_or_else(|| overflow(units))?;
        let down = minor.round_to_units(0, RoundingMode::Down);
        let up = minor.round_to_units(0, RoundingMode::Up);
        match (down, up) {
            (Some(down), Some(up)) if down == up => self.money(down, units),
            _ => Err(Error::Decode {
                message: format!(
                    "amount {} is not a whole number of {} minor units at Vendure's precision",
                    units.0,
                    self.currency.code()
                ),
            }),
        }
    }

    /// An amount rounded half-even to minor units (taxes inside tax-inclusive prices).
    pub fn rounded(&self, units: Units) -> Result<Money> {
        let minor = units
            .0
            .checked_mul(self.factor)
            .and_then(|m| m.round_to_units(0, RoundingMode::HalfEven))
            .ok_or_else(|| overflow(units))?;
        self.money(minor, units)
    }

    fn money(&self, minor: i128, units: Units) -> Result<Money> {
        let minor = i64::try_from(minor).map_err(|_| overflow(units))?;
        Ok(Money::from_minor(minor, self.currency))
    }
}

fn overflow(units: Units) -> Error {
    Error::Decode {
        message: format!("amount {} is out of range", units.0),
    }
}

/// The SDK currency for a code Vendure sent; an unknown code cannot be priced.
pub fn currency(code: &str) -> Result<Currency> {
    Currency::from_code(code).ok_or_else(|| Error::Decode {
        message: format!("unknown currency code `{code}`"),
    })
}

/// A tax rate in percent (`20`, `7.25`) as an exact fraction (`0.2`, `0.0725`). The float's
/// shortest decimal text is what the server wrote, so no binary rounding leaks into the rate.
pub fn rate(percent: f64) -> Option<Decimal> {
    if !percent.is_finite() {
        return None;
    }
    let text = format!("{percent}");
    let hundredth = Decimal::new(1, 2)?;
    Decimal::parse(&text).ok()?.checked_mul(hundredth)
}

/// A non-negative count from GraphQL's `Int`.
fn count(value: i32, what: &str) -> Result<u32> {
    u32::try_from(value).map_err(|_| Error::Decode {
        message: format!("{what} {value} is negative"),
    })
}

/// Vendure's rich-text descriptions as plain paragraphs: the storefront renders text, never a
/// backend's markup. Block ends become blank lines, other tags disappear, and the few entities
/// an editor writes are decoded. Hand-written: an HTML parser would weigh more than the adapter.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            // An unclosed `<` is text.
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let tag = rest[start + 1..start + end]
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if matches!(
            tag.as_str(),
            "p" | "br" | "div" | "li" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        ) {
            out.push_str("\n\n");
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn image(asset: &AssetFields, alt: &str) -> Image {
    Image {
        url: asset.preview.clone(),
        alt: alt.to_owned(),
        width: None,
        height: None,
        sources: Vec::new(),
    }
}

/// A product priced on the channel's tax basis (`tax_included`), in the request's currency.
pub fn product(
    p: ProductFields,
    currency: Currency,
    precision: u8,
    tax_included: bool,
) -> Result<Product> {
    let money = Units2Money::new(currency, precision)?;
    let mut images: Vec<Image> = Vec::new();
    for asset in p.featured_asset.iter().chain(p.assets.iter()) {
        if !images.iter().any(|i| i.url == asset.preview) {
            images.push(image(asset, &p.name));
        }
    }
    let options: Vec<ProductOption> = p
        .option_groups
        .iter()
        .map(|g| ProductOption {
            name: g.name.clone(),
            values: g.options.iter().map(|o| o.name.clone()).collect(),
        })
        .collect();
    let mut variants = Vec::with_capacity(p.variants.len());
    for v in p.variants {
        if v.currency_code.code() != currency.code() {
            return Err(Error::Decode {
                message: format!(
                    "variant {} is priced in {}, not {}",
                    v.id.inner(),
                    v.currency_code.code(),
                    currency.code()
                ),
            });
        }
        // One value per product option, in the product's option order.
        let values: Vec<String> = p
            .option_groups
            .iter()
            .filter_map(|g| {
                v.options
                    .iter()
                    .find(|o| o.group.code == g.code)
                    .map(|o| o.name.clone())
            })
            .collect();
        let amount = money.exact(if tax_included {
            v.price_with_tax
        } else {
            v.price
        })?;
        // The default stock display strategy says IN_STOCK / LOW_STOCK / OUT_OF_STOCK; a
        // strategy that discloses numbers sends the count.
        let stock = v.stock_level.parse::<u32>().ok();
        let available = match stock {
            Some(n) => n > 0,
            None => v.stock_level != "OUT_OF_STOCK",
        };
        variants.push(Variant {
            id: VariantId(v.id.into_inner()),
            title: values.join(" / "),
            sku: Some(v.sku).filter(|s| !s.is_empty()),
            options: values,
            price: Price {
                amount,
                compare_at: None,
                tax_included,
                converted: false,
            },
            available,
            stock,
        });
    }
    Ok(Product {
        id: ProductId(p.id.into_inner()),
        handle: p.slug,
        title: p.name,
        description: plain_text(&p.description),
        images,
        options,
        variants,
        collections: p
            .collections
            .into_iter()
            .map(|c| CollectionId(c.slug))
            .collect(),
        tags: p.facet_values.into_iter().map(|f| f.name).collect(),
    })
}

/// A collection; its slug is both id and handle (slugs are unique in a channel, and the
/// storefront filters by handle).
pub fn collection(c: CollectionFields) -> Collection {
    Collection {
        id: CollectionId(c.slug.clone()),
        handle: c.slug,
        image: c.featured_asset.as_ref().map(|a| image(a, &c.name)),
        description: plain_text(&c.description),
        title: c.name,
    }
}

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

fn line(l: &LineFields, money: &Units2Money, tax_included: bool) -> Result<CartLine> {
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
    money: &Units2Money,
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
fn tax_lines(o: &OrderFields, money: &Units2Money, tax: Money) -> Result<Vec<TaxLine>> {
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
    money: &Units2Money,
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

/// Dhow's address as Vendure's input. Vendure keeps one `fullName`; the region goes in
/// `province` as its ISO 3166-2 code.
pub fn address_input(a: &Address) -> AddressInput {
    let full_name = format!("{} {}", a.first_name.trim(), a.last_name.trim())
        .trim()
        .to_owned();
    let some = |s: &Option<String>| {
        s.as_ref()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    AddressInput {
        full_name,
        company: some(&a.company),
        street_line1: a.line1.trim().to_owned(),
        street_line2: some(&a.line2),
        city: a.city.trim().to_owned(),
        province: some(&a.region),
        postal_code: some(&a.postal_code),
        country_code: a.country.as_str().to_owned(),
        phone_number: some(&a.phone),
    }
}

/// Vendure's order address as Dhow's, or `None` while it has no street or country. The full
/// name is split at its last space (Vendure keeps one field): `Sam Rivera` → `Sam`, `Rivera`.
pub fn address(a: &AddressFields) -> Option<Address> {
    let country = CountryCode::parse(a.country_code.as_deref()?)?;
    let line1 = a.street_line1.clone().filter(|s| !s.is_empty())?;
    let full_name = a.full_name.clone().unwrap_or_default();
    let full_name = full_name.trim();
    let (first_name, last_name) = match full_name.rsplit_once(' ') {
        Some((first, last)) => (first.trim().to_owned(), last.to_owned()),
        None => (String::new(), full_name.to_owned()),
    };
    let opt = |s: &Option<String>| s.clone().filter(|s| !s.is_empty());
    Some(Address {
        first_name,
        last_name,
        company: opt(&a.company),
        line1,
        line2: opt(&a.street_line2),
        city: a.city.clone().unwrap_or_default(),
        region: opt(&a.province),
        postal_code: opt(&a.postal_code),
        country,
        phone: opt(&a.phone_number),
    })
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
    let money = Units2Money::new(currency, ctx.precision)?;
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
    Ok(Cart {
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
    })
}

/// What the order's settled or authorized payments came to.
pub fn payment(o: &OrderFields, money: &Units2Money, description: String) -> Result<Payment> {
    let payments = o.payments.as_deref().unwrap_or_default();
    let paid = payments
        .iter()
        .filter(|p| matches!(p.state.as_str(), "Settled" | "Authorized"))
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
    let money = Units2Money::new(cart.currency, ctx.precision)?;
    let status = match o.state.as_str() {
        "Shipped" | "PartiallyShipped" | "Delivered" | "PartiallyDelivered" => {
            OrderStatus::Fulfilled
        }
        "Cancelled" => OrderStatus::Cancelled,
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
    money: &Units2Money,
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

/// What the shopper recognises a test-card payment by.
pub fn card_description(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let last4 = &digits[digits.len().saturating_sub(4)..];
    format!("Card •••• {last4}")
}

/// An error result of a mutation as the SDK's error. `variant` names the variant a stock error
/// is about; `coupon` the code a promotion error is about.
pub fn refused(e: ErrorResult, variant: Option<&str>, coupon: Option<&str>) -> Error {
    let promotion = |reason| Error::PromotionRejected {
        code: coupon.unwrap_or_default().to_owned(),
        reason,
    };
    match e.code {
        ErrorCode::InsufficientStockError => Error::OutOfStock {
            variant: variant.unwrap_or_default().to_owned(),
            available: e
                .detail
                .as_deref()
                .and_then(|d| d.parse::<u32>().ok())
                .unwrap_or(0),
        },
        ErrorCode::CouponCodeInvalidError => promotion(PromotionRejection::Unknown),
        ErrorCode::CouponCodeExpiredError => promotion(PromotionRejection::Expired),
        // A usage limit reached: the code exists but cannot be used (any more) by this shopper.
        ErrorCode::CouponCodeLimitError => promotion(PromotionRejection::UsedUp),
        ErrorCode::PaymentDeclinedError | ErrorCode::PaymentFailedError => Error::PaymentDeclined {
            reason: e.detail.filter(|d| !d.is_empty()),
        },
        ErrorCode::OrderModificationError
        | ErrorCode::OrderStateTransitionError
        | ErrorCode::OrderPaymentStateError
        | ErrorCode::NoActiveOrderError
        | ErrorCode::CouponRemovedDuringCheckoutError
        | ErrorCode::OrderInterceptorError => Error::Conflict {
            message: match e.detail {
                Some(detail) if !detail.is_empty() => format!("{}: {detail}", e.message),
                _ => e.message,
            },
        },
        ErrorCode::EmailAddressConflictError
        | ErrorCode::GuestCheckoutError
        | ErrorCode::AlreadyLoggedInError => Error::Conflict { message: e.message },
        ErrorCode::NegativeQuantityError => {
            Error::invalid("quantity", crate::error::Problem::Invalid)
        }
        ErrorCode::OrderLimitError => Error::invalid("quantity", crate::error::Problem::Invalid),
        ErrorCode::IneligibleShippingMethodError => {
            Error::not_found("shipping option", variant.unwrap_or_default())
        }
        ErrorCode::IneligiblePaymentMethodError => {
            Error::not_found("payment method", variant.unwrap_or_default())
        }
        ErrorCode::Other(code) => Error::Backend {
            code,
            message: e.message,
        },
    }
}

/// A mutation's outcome as the order, or the error it maps to.
pub fn outcome(o: Outcome, variant: Option<&str>, coupon: Option<&str>) -> Result<OrderFields> {
    match o {
        Outcome::Order(order) => Ok(*order),
        Outcome::Refused(e) => Err(refused(e, variant, coupon)),
        Outcome::Unknown(name) => Err(Error::Backend {
            code: name.clone(),
            message: format!("the store answered with an unknown result type `{name}`"),
        }),
    }
}

/// Dhow's markets as Vendure's language code: the primary subtag of the market's locale
/// (`de-DE` → `de`). Vendure falls back to the channel's default language when it has no
/// translation.
pub fn language(market: &Market) -> Option<String> {
    let primary = market.locale.split(['-', '_']).next()?.to_ascii_lowercase();
    (matches!(primary.len(), 2 | 3) && primary.bytes().all(|b| b.is_ascii_lowercase()))
        .then_some(primary)
}
