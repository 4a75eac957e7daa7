//! Medusa's answers into Dhow's model: exact amounts rounded per currency, products priced for a
//! market, addresses both ways, payments and shipping options. Carts and orders, whose
//! totals must keep the SDK's invariants, are in [`cart`].

mod cart;

pub(crate) use cart::{cart, order};

use crate::account::{Customer, SavedAddress};
use crate::address::{self, Address, CountryCode};
use crate::decimal::Decimal;
use crate::error::{Error, Result};
use crate::ids::{
    AddressId, CollectionId, CustomerId, PaymentMethodId, ProductId, ShippingOptionId,
};
use crate::market::{Market, TaxDisplay};
use crate::model::{
    Collection, Image, Payment, Price, Product, ProductOption, ShippingOption, Variant,
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

/// A customer's account as the storefront shows it.
pub(crate) fn customer(w: &wire::Customer) -> Customer {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    Customer {
        id: CustomerId(w.id.clone()),
        email: text(&w.email),
        first_name: text(&w.first_name),
        last_name: text(&w.last_name),
        // Medusa keeps a cleared phone as `""` when a client sent one.
        phone: w.phone.clone().filter(|p| !p.trim().is_empty()),
    }
}

/// An address of a customer's book; `None` for one Dhow cannot show (no street, or a country
/// code that is not ISO 3166: written by another client of the same Medusa).
pub(crate) fn saved_address(w: &wire::CustomerAddress) -> Option<SavedAddress> {
    Some(SavedAddress {
        id: AddressId(w.id.clone()),
        address: to_address(&w.address)?,
        default_shipping: w.is_default_shipping,
        default_billing: w.is_default_billing,
    })
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
        description: crate::text::plain_text(w.description.as_deref().unwrap_or_default()),
        images,
        options,
        variants,
        collections: w.collection_id.iter().cloned().map(CollectionId).collect(),
        tags: w.tags.iter().map(|t| t.value.clone()).collect(),
    }))
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

#[cfg(test)]
mod tests;
