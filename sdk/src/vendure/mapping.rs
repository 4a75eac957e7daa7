//! From Vendure's answers to Dhow's model: money units, products, collections, addresses,
//! customers and their address books, and languages. Orders as carts and placed orders are in
//! [`order`](mod@order).

mod order;

pub use order::{CartContext, cart, empty_cart, order, payment, shipping_option};

use cynic::Id;

use crate::account::{AddressDefaults, Customer, SavedAddress, normalize_email};
use crate::address::{Address, CountryCode};
use crate::decimal::{Decimal, RoundingMode};
use crate::error::{Error, Result};
use crate::ids::{AddressId, CollectionId, CustomerId, ProductId, VariantId};
use crate::market::Market;
use crate::model::{Collection, Image, Price, Product, ProductOption, Variant};
use crate::money::{Currency, Money};

use super::queries::{
    AccountFields, AddressFields, AddressInput, AssetFields, CollectionFields, ProductFields,
    SavedAddressFields, Units, UpdateAddressInput,
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
pub struct VendureAmounts {
    currency: Currency,
    /// 10^(exponent − precision): 0.01 for JPY at precision 2, 1 for EUR, 10 for KWD.
    factor: Decimal,
}

impl VendureAmounts {
    /// The converter for `currency` at Vendure's `precision`.
    pub fn new(currency: Currency, precision: u8) -> Result<VendureAmounts> {
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
        Ok(VendureAmounts { currency, factor })
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
    let hundredth = Decimal::new(1, 2)?;
    shortest(percent)?.checked_mul(hundredth)
}

/// A float as the exact decimal of its shortest text (the digits the server wrote, without
/// binary noise): `7.25` → 7.25, `1e-7` → 0.0000001; `None` for NaN, infinities and what no
/// decimal holds.
pub fn shortest(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    let mut buffer = zmij::Buffer::new();
    let text = buffer.format_finite(value);
    // A whole number is printed `20.0`: read it as `20`, as it was written.
    Decimal::parse_json_number(text.strip_suffix(".0").unwrap_or(text)).ok()
}

/// A non-negative count from GraphQL's `Int`.
fn count(value: i32, what: &str) -> Result<u32> {
    u32::try_from(value).map_err(|_| Error::Decode {
        message: format!("{what} {value} is negative"),
    })
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
    let money = VendureAmounts::new(currency, precision)?;
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
        description: crate::text::plain_text(&p.description),
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
        description: crate::text::plain_text(&c.description),
        title: c.name,
    }
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
        default_shipping_address: None,
        default_billing_address: None,
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

/// The signed-in customer. The email is compared and shown as accounts compare it.
pub fn customer(c: AccountFields) -> Customer {
    Customer {
        id: CustomerId(c.id.into_inner()),
        email: normalize_email(&c.email_address),
        first_name: c.first_name,
        last_name: c.last_name,
        phone: c.phone_number.filter(|p| !p.trim().is_empty()),
    }
}

/// An address of the customer's address book, read as an order's address is.
pub fn saved_address(a: SavedAddressFields) -> Result<SavedAddress> {
    let fields = AddressFields {
        full_name: a.full_name,
        company: a.company,
        street_line1: Some(a.street_line1),
        street_line2: a.street_line2,
        city: a.city,
        province: a.province,
        postal_code: a.postal_code,
        country_code: Some(a.country.code),
        phone_number: a.phone_number,
    };
    let address = self::address(&fields).ok_or_else(|| Error::Decode {
        message: format!("address {} has no street or no known country", a.id.inner()),
    })?;
    Ok(SavedAddress {
        id: AddressId(a.id.into_inner()),
        address,
        default_shipping: a.default_shipping_address.unwrap_or(false),
        default_billing: a.default_billing_address.unwrap_or(false),
    })
}

/// An address of the book as Vendure's input for a new one, saved as `defaults` say.
pub fn new_saved_address(a: &Address, defaults: AddressDefaults) -> AddressInput {
    AddressInput {
        default_shipping_address: Some(defaults.shipping),
        default_billing_address: Some(defaults.billing),
        ..address_input(a)
    }
}

/// An address of the book replaced by `a`, saved as `defaults` say. Fields `a` leaves empty
/// are sent empty, so nothing of the old address stays behind.
pub fn replaced_address(
    id: &AddressId,
    a: &Address,
    defaults: AddressDefaults,
) -> UpdateAddressInput {
    let input = address_input(a);
    UpdateAddressInput {
        id: Id::new(id.as_str()),
        full_name: input.full_name,
        company: Some(input.company.unwrap_or_default()),
        street_line1: input.street_line1,
        street_line2: Some(input.street_line2.unwrap_or_default()),
        city: input.city,
        province: Some(input.province.unwrap_or_default()),
        postal_code: Some(input.postal_code.unwrap_or_default()),
        country_code: input.country_code,
        phone_number: Some(input.phone_number.unwrap_or_default()),
        default_shipping_address: defaults.shipping,
        default_billing_address: defaults.billing,
    }
}

/// What the shopper recognises a test-card payment by.
pub fn card_description(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let last4 = &digits[digits.len().saturating_sub(4)..];
    format!("Card •••• {last4}")
}

/// Dhow's markets as Vendure's language code: the primary subtag of the market's locale
/// (`de-DE` → `de`). Vendure falls back to the channel's default language when it has no
/// translation.
pub fn language(market: &Market) -> Option<String> {
    let primary = market.locale.split(['-', '_']).next()?.to_ascii_lowercase();
    (matches!(primary.len(), 2 | 3) && primary.bytes().all(|b| b.is_ascii_lowercase()))
        .then_some(primary)
}
