//! Cart operations of the local engine: create, market, lines (with stock), promotion codes,
//! contact, addresses and the shipping choice. Each one reads the cart from storage, changes it,
//! re-prices it and writes it back.

use crate::address::{self, Address};
use crate::clock::unique_token;
use crate::contact::email_problem;
use crate::error::{Error, FieldError, Problem, Resource, Result};
use crate::ids::{CartId, LineId, ShippingOptionId, VariantId};
use crate::local::LocalBackend;
use crate::local::pricing;
use crate::local::state::{StoredCart, StoredLine};
use crate::local::totals;
use crate::market::Market;
use crate::model::Cart;
use crate::money::MoneyError;

impl LocalBackend {
    pub(super) fn create(&self, market: &Market) -> Result<Cart> {
        let market = self.market(market)?;
        let state = self.state();
        // Ids carry enough entropy that a clash is all but impossible; checking costs one read.
        let mut id = CartId(format!("cart_{}", unique_token(&self.clock)));
        for _ in 0..4 {
            if !state.cart_exists(&id)? {
                break;
            }
            id = CartId(format!("cart_{}", unique_token(&self.clock)));
        }
        let cart = StoredCart {
            id,
            market: market.id.clone(),
            locale: market.locale.clone(),
            lines: Vec::new(),
            codes: Vec::new(),
            email: None,
            shipping_address: None,
            billing_address: None,
            shipping_option: None,
            payment: None,
            order: None,
            placing: None,
            next_line: 1,
            customer: None,
        };
        state.save_cart(&cart)?;
        self.view(&cart)
    }

    /// Reads a cart that may still change: a completed cart is the order's record.
    pub(super) fn open_cart(&self, id: &CartId) -> Result<StoredCart> {
        let cart = self.state().cart(id)?;
        match &cart.order {
            Some(number) => Err(Error::Conflict {
                message: format!("cart `{id}` was completed as order {number}"),
            }),
            None => Ok(cart),
        }
    }

    /// Re-prices and writes a changed cart; codes that no longer apply are dropped, so the cart
    /// lists exactly the codes that take effect.
    fn save(&self, mut cart: StoredCart) -> Result<Cart> {
        let (market, priced) = self.price(&cart)?;
        cart.codes.clone_from(&priced.codes);
        self.state().save_cart(&cart)?;
        Ok(super::assemble(&cart, &market, priced))
    }

    pub(super) fn move_to_market(&self, id: &CartId, market: &Market) -> Result<Cart> {
        let market = self.market(market)?;
        let mut cart = self.open_cart(id)?;
        let old = self.market_by_id(cart.market.as_str(), &cart.locale)?;
        if old.country != market.country {
            // The address and the option were for another country.
            cart.shipping_address = None;
            cart.shipping_option = None;
        }
        cart.market = market.id.clone();
        cart.locale = market.locale.clone();
        // An authorization in the old currency pays nothing in the new one.
        cart.payment = None;
        self.save(cart)
    }

    pub(super) fn add(&self, id: &CartId, variant_id: &VariantId, quantity: u32) -> Result<Cart> {
        if quantity == 0 {
            return Err(Error::invalid("quantity", Problem::Invalid));
        }
        let mut cart = self.open_cart(id)?;
        let (_, variant) = self
            .index
            .variant(&self.data, variant_id.as_str())
            .ok_or_else(|| Error::not_found(Resource::Variant, variant_id.as_str()))?;
        let existing = cart.lines.iter().position(|l| &l.variant == variant_id);
        let current = existing
            .and_then(|i| cart.lines.get(i))
            .map_or(0, |l| l.quantity);
        let wanted = current.checked_add(quantity).ok_or(MoneyError::Overflow)?;
        self.check_stock(&cart, variant_id, existing, wanted, variant)?;
        match existing.and_then(|i| cart.lines.get_mut(i)) {
            Some(line) => line.quantity = wanted,
            None => {
                let line_id = LineId(format!("line_{}", cart.next_line));
                cart.next_line = cart.next_line.saturating_add(1);
                cart.lines.push(StoredLine {
                    id: line_id,
                    variant: variant_id.clone(),
                    quantity: wanted,
                });
            }
        }
        self.save(cart)
    }

    pub(super) fn update(&self, id: &CartId, line_id: &LineId, quantity: u32) -> Result<Cart> {
        let mut cart = self.open_cart(id)?;
        let index = cart
            .lines
            .iter()
            .position(|l| &l.id == line_id)
            .ok_or_else(|| Error::not_found(Resource::Line, line_id.as_str()))?;
        if quantity == 0 {
            cart.lines.remove(index);
            return self.save(cart);
        }
        let variant_id = cart
            .lines
            .get(index)
            .map(|l| l.variant.clone())
            .ok_or_else(|| Error::not_found(Resource::Line, line_id.as_str()))?;
        if let Some((_, variant)) = self.index.variant(&self.data, variant_id.as_str()) {
            self.check_stock(&cart, &variant_id, Some(index), quantity, variant)?;
        }
        if let Some(line) = cart.lines.get_mut(index) {
            line.quantity = quantity;
        }
        self.save(cart)
    }

    /// Refuses a line quantity above what is left: stock less units sold less what other lines
    /// of this cart hold of the same variant.
    fn check_stock(
        &self,
        cart: &StoredCart,
        variant_id: &VariantId,
        line: Option<usize>,
        wanted: u32,
        variant: &crate::local::data::CatalogVariant,
    ) -> Result<()> {
        let sold = self.state().sold()?;
        let others = cart
            .lines
            .iter()
            .enumerate()
            .filter(|(i, l)| Some(*i) != line && &l.variant == variant_id)
            .fold(0u32, |sum, (_, l)| sum.saturating_add(l.quantity));
        let available = pricing::remaining(variant, &sold).saturating_sub(others);
        if wanted > available {
            return Err(Error::OutOfStock {
                variant: variant_id.0.clone(),
                available,
            });
        }
        Ok(())
    }

    pub(super) fn apply_code(&self, id: &CartId, code: &str) -> Result<Cart> {
        let mut cart = self.open_cart(id)?;
        let typed = code.trim();
        let rejected = |reason| Error::PromotionRejected {
            code: typed.to_owned(),
            reason,
        };
        let rule = totals::find_promotion(&self.data, typed)
            .ok_or_else(|| rejected(crate::error::PromotionRejection::Unknown))?;
        let (market, priced) = self.price(&cart)?;
        if priced
            .codes
            .iter()
            .any(|c| crate::text::eq_ignore_case(c, &rule.code))
        {
            return Err(rejected(crate::error::PromotionRejection::AlreadyApplied));
        }
        let others: Vec<_> = priced
            .codes
            .iter()
            .filter_map(|c| totals::find_promotion(&self.data, c))
            .collect();
        let today = self.clock.now().date();
        let ctx = self.context(&market, &today);
        totals::check_promotion(&ctx, rule, priced.totals.subtotal.amount, &others)
            .map_err(rejected)?;
        cart.codes = priced.codes;
        cart.codes.push(rule.code.clone());
        self.save(cart)
    }

    pub(super) fn remove_code(&self, id: &CartId, code: &str) -> Result<Cart> {
        let mut cart = self.open_cart(id)?;
        let wanted = code.trim();
        let before = cart.codes.len();
        cart.codes
            .retain(|c| !crate::text::eq_ignore_case(c, wanted));
        if cart.codes.len() == before {
            return Err(Error::not_found(Resource::Discount, code.trim()));
        }
        self.save(cart)
    }

    pub(super) fn email(&self, id: &CartId, email: &str) -> Result<Cart> {
        let email = email.trim();
        if let Some(problem) = email_problem(email) {
            return Err(Error::invalid("email", problem));
        }
        let mut cart = self.open_cart(id)?;
        cart.email = Some(email.to_owned());
        self.save(cart)
    }

    pub(super) fn shipping_address(&self, id: &CartId, address: &Address) -> Result<Cart> {
        let mut cart = self.open_cart(id)?;
        let market = self.market_by_id(cart.market.as_str(), &cart.locale)?;
        let mut fields = address::validate(address).err().unwrap_or_default();
        if address.country != market.country && !fields.iter().any(|f| f.field == "country") {
            fields.push(FieldError::new("country", Problem::CountryNotServed));
        }
        if !fields.is_empty() {
            return Err(Error::InvalidInput { fields });
        }
        cart.shipping_address = Some(address.normalized());
        self.save(cart)
    }

    pub(super) fn billing_address(&self, id: &CartId, address: Option<&Address>) -> Result<Cart> {
        let mut cart = self.open_cart(id)?;
        if let Some(address) = address {
            address::validate(address).map_err(|fields| Error::InvalidInput { fields })?;
        }
        cart.billing_address = address.map(Address::normalized);
        self.save(cart)
    }

    pub(super) fn choose_shipping(&self, id: &CartId, option: &ShippingOptionId) -> Result<Cart> {
        let mut cart = self.open_cart(id)?;
        let (_, priced) = self.price(&cart)?;
        if !priced.options.iter().any(|o| &o.id == option) {
            return Err(Error::not_found(Resource::ShippingOption, option.as_str()));
        }
        cart.shipping_option = Some(option.clone());
        self.save(cart)
    }
}
