//! The cart shown before the backend answers: an added variant or a new quantity at once, with
//! totals moved by the same amount and marked as estimates until the backend's totals arrive.

use dhow_sdk::model::{Cart, CartLine, Product, Variant};
use dhow_sdk::{LineId, Money};

/// Shows an added variant before the backend answers. Returns whether the cart changed.
pub(super) fn optimistic_add(
    cart: &mut Cart,
    product: &Product,
    variant: &Variant,
    quantity: u32,
) -> bool {
    let unit = variant.price.amount;
    if unit.currency() != cart.currency {
        return false;
    }
    if let Some(line) = cart.lines.iter().find(|l| l.variant_id == variant.id) {
        let (id, quantity) = (line.id.clone(), line.quantity.saturating_add(quantity));
        return optimistic_quantity(cart, &id, quantity);
    }
    let Ok(subtotal) = unit.checked_mul(i64::from(quantity)) else {
        return false;
    };
    let zero = Money::zero(cart.currency);
    cart.lines.push(CartLine {
        id: LineId(format!("pending-{}", variant.id)),
        product_id: product.id.clone(),
        variant_id: variant.id.clone(),
        handle: product.handle.clone(),
        title: product.title.clone(),
        variant_title: variant.title.clone(),
        image: product.images.first().cloned(),
        quantity,
        unit_price: unit,
        compare_at: variant.price.compare_at,
        subtotal,
        discount: zero,
        tax: zero,
        total: subtotal,
    });
    reestimate(cart)
}

/// Shows a line's new quantity before the backend answers (zero hides the line).
pub(super) fn optimistic_quantity(cart: &mut Cart, line: &LineId, quantity: u32) -> bool {
    let Some(index) = cart.lines.iter().position(|l| &l.id == line) else {
        return false;
    };
    if quantity == 0 {
        cart.lines.remove(index);
        return reestimate(cart);
    }
    let entry = &mut cart.lines[index];
    let Ok(subtotal) = entry.unit_price.checked_mul(i64::from(quantity)) else {
        return false;
    };
    entry.quantity = quantity;
    entry.subtotal = subtotal;
    entry.total = subtotal.checked_sub(entry.discount).unwrap_or(subtotal);
    reestimate(cart)
}

/// Recomputes the subtotal from the lines and moves the total by the same amount; every figure
/// becomes an estimate until the backend's totals arrive.
fn reestimate(cart: &mut Cart) -> bool {
    let Ok(subtotal) = Money::sum(cart.currency, cart.lines.iter().map(|l| l.subtotal)) else {
        return false;
    };
    let totals = &mut cart.totals;
    let delta = subtotal.checked_sub(totals.subtotal.amount);
    let total = delta.and_then(|d| totals.total.amount.checked_add(d));
    if let Ok(total) = total {
        totals.subtotal.amount = subtotal;
        totals.total.amount = total;
    }
    totals.mark_estimate();
    true
}

#[cfg(test)]
mod tests {
    use dhow_sdk::model::{CartTotals, Figure, Price, ProductOption};
    use dhow_sdk::{CartId, Currency, DutyTerms, MarketId, ProductId, VariantId};

    use super::*;

    fn usd(minor: i64) -> Money {
        Money::from_minor(minor, Currency::USD)
    }

    fn product(price: Money) -> (Product, Variant) {
        let variant = Variant {
            id: VariantId::from("mug-white"),
            title: "White".into(),
            sku: None,
            options: vec!["White".into()],
            price: Price {
                amount: price,
                compare_at: None,
                tax_included: false,
                converted: false,
            },
            available: true,
            stock: Some(5),
        };
        let product = Product {
            id: ProductId::from("mug"),
            handle: "mug".into(),
            title: "Mug".into(),
            description: String::new(),
            images: Vec::new(),
            options: vec![ProductOption {
                name: "Colour".into(),
                values: vec!["White".into()],
            }],
            variants: vec![variant.clone()],
            collections: Vec::new(),
            tags: Vec::new(),
        };
        (product, variant)
    }

    fn cart_with_shipping() -> Cart {
        let mut totals = CartTotals::zero(Currency::USD, false, DutyTerms::PaidAtCheckout);
        totals.shipping = Some(Figure::final_(usd(990)));
        totals.total = Figure::final_(usd(990));
        Cart {
            id: CartId::from("c1"),
            market: MarketId::from("us"),
            currency: Currency::USD,
            lines: Vec::new(),
            discounts: Vec::new(),
            email: None,
            shipping_address: None,
            billing_address: None,
            shipping_option: None,
            totals,
            state: Default::default(),
        }
    }

    #[test]
    fn an_added_variant_shows_at_once_with_estimated_totals() {
        let mut cart = cart_with_shipping();
        let (product, variant) = product(usd(1790));
        assert!(optimistic_add(&mut cart, &product, &variant, 2));
        assert_eq!(cart.item_count(), 2);
        assert!(cart.lines[0].id.as_str().starts_with("pending-"));
        assert_eq!(cart.totals.subtotal.amount, usd(3580));
        // The total moves by what was added; the shipping already in it stays.
        assert_eq!(cart.totals.total.amount, usd(4570));
        assert!(cart.totals.total.estimate && cart.totals.subtotal.estimate);

        assert!(optimistic_add(&mut cart, &product, &variant, 1));
        assert_eq!(cart.lines.len(), 1);
        assert_eq!(cart.lines[0].quantity, 3);
        assert_eq!(cart.totals.total.amount, usd(6360));
    }

    #[test]
    fn a_price_in_another_currency_is_not_guessed() {
        let mut cart = cart_with_shipping();
        let (product, variant) = product(Money::from_minor(1690, Currency::EUR));
        assert!(!optimistic_add(&mut cart, &product, &variant, 1));
        assert!(cart.lines.is_empty());
        assert!(!cart.totals.total.estimate);
    }

    #[test]
    fn quantity_zero_hides_the_line() {
        let mut cart = cart_with_shipping();
        let (product, variant) = product(usd(1790));
        optimistic_add(&mut cart, &product, &variant, 1);
        let line = cart.lines[0].id.clone();
        assert!(optimistic_quantity(&mut cart, &line, 0));
        assert!(cart.lines.is_empty());
        assert_eq!(cart.totals.subtotal.amount, usd(0));
        assert_eq!(cart.totals.total.amount, usd(990));
        assert!(!optimistic_quantity(&mut cart, &LineId::from("gone"), 3));
    }
}
