//! Carts: lines, applied discount codes, and totals that say which figures are final.

use serde::{Deserialize, Serialize};

use crate::address::Address;
use crate::decimal::Decimal;
use crate::ids::{CartId, LineId, MarketId, ProductId, ShippingOptionId, VariantId};
use crate::market::{DutyTerms, Market, TaxDisplay};
use crate::model::Image;
use crate::money::{Currency, Money, MoneyError};

/// An amount in the totals, and whether it is final or still an estimate (shipping before an
/// address is known, taxes before the destination is, totals of an update not yet confirmed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// The amount.
    pub amount: Money,
    /// Whether it may still change.
    pub estimate: bool,
}

impl Figure {
    /// A final figure.
    pub fn final_(amount: Money) -> Figure {
        Figure {
            amount,
            estimate: false,
        }
    }

    /// An estimated figure.
    pub fn estimate(amount: Money) -> Figure {
        Figure {
            amount,
            estimate: true,
        }
    }
}

/// One line of a cart: a variant and a quantity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    /// The line's id.
    pub id: LineId,
    /// The product.
    pub product_id: ProductId,
    /// The variant bought.
    pub variant_id: VariantId,
    /// The product's handle, to link back to it.
    pub handle: String,
    /// The product's title.
    pub title: String,
    /// The variant's title (`M / Navy`); empty for single-variant products.
    pub variant_title: String,
    /// Image to show.
    #[serde(default)]
    pub image: Option<Image>,
    /// How many.
    pub quantity: u32,
    /// Price of one unit, on the market's tax basis.
    pub unit_price: Money,
    /// Former unit price, when on sale.
    #[serde(default)]
    pub compare_at: Option<Money>,
    /// `unit_price × quantity`.
    pub subtotal: Money,
    /// This line's share of order discounts (positive amount, subtracted).
    pub discount: Money,
    /// Tax on this line (included in the price or added, as the cart's totals say).
    pub tax: Money,
    /// `subtotal − discount`.
    pub total: Money,
}

/// A discount code on the cart, with what it takes off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppliedDiscount {
    /// The code, as the merchant wrote it.
    pub code: String,
    /// Amount taken off lines (positive).
    pub amount: Money,
    /// Whether it makes shipping free.
    #[serde(default)]
    pub free_shipping: bool,
}

/// A named tax in the totals: `VAT 19%`, `CA sales tax 7.25%`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxLine {
    /// Name of the tax as the backend gives it.
    pub name: String,
    /// Its rate as a fraction (`0.19`), when it has one rate.
    #[serde(default)]
    pub rate: Option<Decimal>,
    /// The tax amount.
    pub amount: Money,
}

/// A cart's totals. The invariant, to the minor unit:
/// `total = subtotal − discount + shipping + (tax unless tax_included) + (duties if paid at checkout)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartTotals {
    /// Sum of line subtotals.
    pub subtotal: Figure,
    /// Sum of discounts (positive, subtracted).
    pub discount: Figure,
    /// Shipping; `None` until an option can be priced.
    pub shipping: Option<Figure>,
    /// Taxes by name.
    pub tax_lines: Vec<TaxLine>,
    /// Sum of taxes.
    pub tax: Figure,
    /// Whether `tax` is already inside `subtotal` and `shipping`.
    pub tax_included: bool,
    /// Import duties for the destination; `None` when none apply.
    pub duties: Option<Figure>,
    /// Whether duties are charged now or may be due on delivery.
    pub duty_terms: DutyTerms,
    /// What the shopper pays now.
    pub total: Figure,
}

impl CartTotals {
    /// Zero totals in `currency`.
    pub fn zero(currency: Currency, tax_included: bool, duty_terms: DutyTerms) -> CartTotals {
        let zero = Figure::final_(Money::zero(currency));
        CartTotals {
            subtotal: zero,
            discount: zero,
            shipping: None,
            tax_lines: Vec::new(),
            tax: zero,
            tax_included,
            duties: None,
            duty_terms,
            total: zero,
        }
    }

    /// The total as the invariant defines it from the other figures; a backend's total must
    /// equal it.
    pub fn expected_total(&self) -> Result<Money, MoneyError> {
        let mut total = self.subtotal.amount.checked_sub(self.discount.amount)?;
        if let Some(shipping) = self.shipping {
            total = total.checked_add(shipping.amount)?;
        }
        if !self.tax_included {
            total = total.checked_add(self.tax.amount)?;
        }
        if let (Some(duties), DutyTerms::PaidAtCheckout) = (self.duties, self.duty_terms) {
            total = total.checked_add(duties.amount)?;
        }
        Ok(total)
    }

    /// Marks every figure as an estimate: what an optimistic update shows until the backend
    /// answers.
    pub fn mark_estimate(&mut self) {
        for figure in [
            &mut self.subtotal,
            &mut self.discount,
            &mut self.tax,
            &mut self.total,
        ] {
            figure.estimate = true;
        }
        for figure in [&mut self.shipping, &mut self.duties].into_iter().flatten() {
            figure.estimate = true;
        }
    }
}

/// Where a cart is in checkout, as the backend holds it. A storefront reads it before placing
/// an order, so that a retry after a lost answer only does what is left: a paid cart is only
/// completed, a completed one shows its order, and no cart is paid for twice.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", from = "RawCheckoutState")]
pub enum CheckoutState {
    /// Open: lines, addresses and shipping can change; nothing is paid.
    #[default]
    Open,
    /// Payment is authorized for the cart's total; only [`Backend::complete`] is left (it returns
    /// the order). Changes are refused.
    ///
    /// [`Backend::complete`]: crate::Backend::complete
    Paid,
    /// The order is placed: the cart is read-only, and [`Backend::complete`] returns that order
    /// again.
    ///
    /// [`Backend::complete`]: crate::Backend::complete
    Completed {
        /// The order's number as the shopper sees it, when the backend says it with the cart.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        order: Option<String>,
    },
}

/// A [`CheckoutState`] as read: the kind and the order number a completed cart may carry.
#[derive(Deserialize)]
struct RawCheckoutState {
    kind: CheckoutKind,
    #[serde(default)]
    order: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum CheckoutKind {
    Open,
    Paid,
    Completed,
}

impl From<RawCheckoutState> for CheckoutState {
    fn from(raw: RawCheckoutState) -> CheckoutState {
        match raw.kind {
            CheckoutKind::Open => CheckoutState::Open,
            CheckoutKind::Paid => CheckoutState::Paid,
            CheckoutKind::Completed => CheckoutState::Completed { order: raw.order },
        }
    }
}

impl CheckoutState {
    /// Whether the cart still takes changes.
    pub fn is_open(&self) -> bool {
        matches!(self, CheckoutState::Open)
    }
}

/// A shopper's cart in one market.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cart {
    /// The cart's id, kept in browser storage.
    pub id: CartId,
    /// The market it is priced in.
    pub market: MarketId,
    /// Its currency.
    pub currency: Currency,
    /// Lines, in the order added.
    pub lines: Vec<CartLine>,
    /// Discount codes applied.
    pub discounts: Vec<AppliedDiscount>,
    /// Contact email.
    #[serde(default)]
    pub email: Option<String>,
    /// Where to ship.
    #[serde(default)]
    pub shipping_address: Option<Address>,
    /// Where to bill, when different from the shipping address.
    #[serde(default)]
    pub billing_address: Option<Address>,
    /// The chosen shipping option.
    #[serde(default)]
    pub shipping_option: Option<ShippingOptionId>,
    /// Totals.
    pub totals: CartTotals,
    /// Where the cart is in checkout.
    #[serde(default)]
    pub state: CheckoutState,
}

impl Cart {
    /// An empty cart `id` in `market`, its totals zero and final.
    ///
    /// ```
    /// use dhow_sdk::model::Cart;
    /// use dhow_sdk::{CartId, Currency, DutyTerms, Market, MarketId, TaxDisplay};
    ///
    /// let market = Market {
    ///     id: MarketId::from("de"),
    ///     country: dhow_sdk::address::CountryCode::parse("DE").unwrap(),
    ///     locale: "de-DE".into(),
    ///     languages: vec![],
    ///     currency: Currency::EUR,
    ///     tax_display: TaxDisplay::Inclusive,
    ///     duty_terms: DutyTerms::PaidAtCheckout,
    ///     rounding: dhow_sdk::money::RoundingRule::Nearest,
    /// };
    /// let cart = Cart::empty(CartId::from("c1"), &market);
    /// assert!(cart.lines.is_empty() && cart.totals.tax_included);
    /// assert_eq!(cart.totals.total.amount, dhow_sdk::Money::zero(Currency::EUR));
    /// ```
    pub fn empty(id: CartId, market: &Market) -> Cart {
        Cart {
            id,
            market: market.id.clone(),
            currency: market.currency,
            lines: Vec::new(),
            discounts: Vec::new(),
            email: None,
            shipping_address: None,
            billing_address: None,
            shipping_option: None,
            totals: CartTotals::zero(
                market.currency,
                market.tax_display == TaxDisplay::Inclusive,
                market.duty_terms,
            ),
            state: CheckoutState::Open,
        }
    }

    /// Number of items (sum of quantities), for the cart button's badge.
    pub fn item_count(&self) -> u32 {
        self.lines
            .iter()
            .map(|l| l.quantity)
            .fold(0, u32::saturating_add)
    }

    /// The line holding `variant`, if any.
    pub fn line_for(&self, variant: &VariantId) -> Option<&CartLine> {
        self.lines.iter().find(|l| &l.variant_id == variant)
    }

    /// Checks the sums every cart keeps, whoever computed it: the total is the subtotal less the
    /// discount, plus shipping, tax (when not included) and duties (when paid at checkout); the
    /// lines' subtotals and discounts add up to the cart's, and the tax lines to its tax; every
    /// amount is in the cart's currency. Adapters run it on what they map in debug builds, and
    /// the contract suite and property tests on every cart they see. A failure is
    /// [`Error::Decode`](crate::Error::Decode) saying which sum is off.
    ///
    /// ```
    /// # use dhow_sdk::{CartId, Currency, DutyTerms, Market, MarketId, Money, TaxDisplay};
    /// # let market = Market {
    /// #     id: MarketId::from("us"),
    /// #     country: dhow_sdk::address::CountryCode::parse("US").unwrap(),
    /// #     locale: "en-US".into(),
    /// #     languages: vec![],
    /// #     currency: Currency::USD,
    /// #     tax_display: TaxDisplay::Exclusive,
    /// #     duty_terms: DutyTerms::PaidAtCheckout,
    /// #     rounding: dhow_sdk::money::RoundingRule::Nearest,
    /// # };
    /// use dhow_sdk::model::Cart;
    ///
    /// let mut cart = Cart::empty(CartId::from("c1"), &market);
    /// assert!(cart.check().is_ok());
    /// cart.totals.total.amount = Money::from_minor(100, Currency::USD);
    /// assert!(cart.check().is_err());
    /// ```
    pub fn check(&self) -> Result<(), crate::Error> {
        let off = |what: &str, expected: String, got: String| crate::Error::Decode {
            message: format!(
                "cart {}: {what} is {got} but its parts give {expected}",
                self.id
            ),
        };
        let money = |e: MoneyError| off("an amount", e.to_string(), "not computable".to_owned());
        let t = &self.totals;
        let expected = t.expected_total().map_err(money)?;
        if t.total.amount != expected {
            return Err(off(
                "the total",
                expected.to_string(),
                t.total.amount.to_string(),
            ));
        }
        let sum = |amounts: Vec<Money>| Money::sum(self.currency, amounts).map_err(money);
        let sums = [
            (
                "the subtotal",
                self.lines.iter().map(|l| l.subtotal).collect(),
                t.subtotal.amount,
            ),
            (
                "the discount",
                self.lines.iter().map(|l| l.discount).collect(),
                t.discount.amount,
            ),
            (
                "the tax",
                t.tax_lines.iter().map(|l| l.amount).collect(),
                t.tax.amount,
            ),
        ];
        for (what, parts, total) in sums {
            let parts = sum(parts)?;
            if parts != total {
                return Err(off(what, parts.to_string(), total.to_string()));
            }
        }
        Ok(())
    }
}

#[cfg(all(test, any(feature = "medusa", feature = "vendure")))]
pub(crate) fn assert_totals_add_up(cart: &Cart) {
    if let Err(error) = cart.check() {
        panic!("{error}");
    }
}
