//! Cart operations of the Medusa adapter: creating, reading and moving a cart, its lines and
//! its discount codes. Each validates what it can before sending, calls the Store API, reads
//! Medusa's refusals through the error table, and maps the cart Medusa answers with.

use serde_json::{Value, json};

use super::errors::{Request, during};
use super::transport::Failure;
use super::{MARKET_KEY, MedusaBackend, mapping, wire};
use crate::error::{Error, Problem, PromotionRejection, Result};
use crate::ids::{CartId, LineId, VariantId};
use crate::market::Market;
use crate::model::Cart;

/// The fields of a cart the mapping reads, asked with every cart request.
pub(super) const FIELDS: (&str, &str) = ("fields", wire::CART_FIELDS);

impl MedusaBackend {
    /// The cart as Medusa holds it, with the fields the mapping reads.
    pub(super) async fn fetch_cart(&self, cart: &CartId) -> Result<wire::Cart> {
        let answer: wire::CartEnvelope = self
            .transport
            .get(&["store", "carts", cart.as_str()], &[FIELDS])
            .await
            .map_err(during(Request::Cart(cart)))?;
        Ok(answer.cart)
    }

    /// `POST /store/carts/{id}` with `body`, mapping the cart it answers with.
    pub(super) async fn update_cart(
        &self,
        cart: &CartId,
        body: &Value,
    ) -> std::result::Result<Cart, Failure> {
        let answer: wire::CartEnvelope = self
            .transport
            .post(&["store", "carts", cart.as_str()], &[FIELDS], body)
            .await?;
        Ok(self.map_cart(&answer.cart).await?)
    }

    /// A cart answer mapped in its market.
    pub(super) async fn map_cart(&self, w: &wire::Cart) -> Result<Cart> {
        let market = self.market_of(w).await?;
        mapping::cart(w, &market)
    }

    pub(super) async fn new_cart(&self, market: &Market) -> Result<Cart> {
        let region = self.region_for(market).await?;
        // The destination country from the start, so that Medusa's tax estimate is the
        // market's (Germany and France share the euro region but not a VAT rate).
        let body = json!({
            "region_id": region.id,
            "metadata": { MARKET_KEY: market.id.as_str() },
            "shipping_address": { "country_code": market.country.as_str().to_ascii_lowercase() },
        });
        let answer: wire::CartEnvelope = self
            .transport
            .post(&["store", "carts"], &[FIELDS], &body)
            .await?;
        self.map_cart(&answer.cart).await
    }

    /// Moves a cart to the region serving `market`: Medusa re-prices the lines in its currency
    /// and keeps them. A shipping address outside the new region gives way to the market's
    /// country (the shopper enters it again).
    pub(super) async fn move_cart(&self, cart: &CartId, market: &Market) -> Result<Cart> {
        let region = self.region_for(market).await?;
        let current = self.fetch_cart(cart).await?;
        let mut body = json!({
            "region_id": region.id,
            "metadata": { MARKET_KEY: market.id.as_str() },
        });
        let kept = current
            .shipping_address
            .as_ref()
            .and_then(mapping::to_address)
            .is_some_and(|a| region.countries.contains(&a.country));
        if !kept {
            body["shipping_address"] =
                json!({ "country_code": market.country.as_str().to_ascii_lowercase() });
        }
        self.update_cart(cart, &body)
            .await
            .map_err(during(Request::Cart(cart)))
    }

    pub(super) async fn add(
        &self,
        cart: &CartId,
        variant: &VariantId,
        quantity: u32,
    ) -> Result<Cart> {
        if quantity == 0 {
            return Err(Error::invalid("quantity", Problem::Invalid));
        }
        let body = json!({ "variant_id": variant.as_str(), "quantity": quantity });
        let answer: std::result::Result<wire::CartEnvelope, Failure> = self
            .transport
            .post(
                &["store", "carts", cart.as_str(), "line-items"],
                &[FIELDS],
                &body,
            )
            .await;
        match answer {
            Ok(answer) => self.map_cart(&answer.cart).await,
            Err(failure) => match during(Request::AddLine(cart, variant))(failure) {
                Error::OutOfStock { .. } => Err(self.out_of_stock(variant).await),
                other => Err(other),
            },
        }
    }

    pub(super) async fn update(&self, cart: &CartId, line: &LineId, quantity: u32) -> Result<Cart> {
        if quantity == 0 {
            return self.remove(cart, line).await;
        }
        let body = json!({ "quantity": quantity });
        let answer: std::result::Result<wire::CartEnvelope, Failure> = self
            .transport
            .post(
                &["store", "carts", cart.as_str(), "line-items", line.as_str()],
                &[FIELDS],
                &body,
            )
            .await;
        match answer {
            Ok(answer) => self.map_cart(&answer.cart).await,
            Err(failure) => match during(Request::UpdateLine(cart, line))(failure) {
                Error::OutOfStock { .. } => {
                    let current = self.fetch_cart(cart).await?;
                    let variant = current
                        .items
                        .iter()
                        .find(|i| i.id == line.as_str())
                        .and_then(|i| i.variant_id.clone())
                        .unwrap_or_default();
                    Err(self.out_of_stock(&variant.into()).await)
                }
                other => Err(other),
            },
        }
    }

    /// Removing a line Medusa no longer has is not an error: the cart is as asked.
    pub(super) async fn remove(&self, cart: &CartId, line: &LineId) -> Result<Cart> {
        let _: Value = self
            .transport
            .delete::<Value, Value>(
                &["store", "carts", cart.as_str(), "line-items", line.as_str()],
                &[("fields", "id")],
                None,
            )
            .await
            .map_err(during(Request::Cart(cart)))?;
        let w = self.fetch_cart(cart).await?;
        self.map_cart(&w).await
    }

    /// [`Error::OutOfStock`] with what can still be bought, read from the variant's stock.
    async fn out_of_stock(&self, variant: &VariantId) -> Error {
        let answer: std::result::Result<wire::Variants, Failure> = self
            .transport
            .get(
                &["store", "product-variants"],
                &[
                    ("id", variant.as_str()),
                    (
                        "fields",
                        "id,inventory_quantity,manage_inventory,allow_backorder",
                    ),
                ],
            )
            .await;
        Error::OutOfStock {
            variant: variant.to_string(),
            available: answer.ok().map_or(0, |a| available(a, variant)),
        }
    }

    /// Applies a code. Medusa's codes are case-sensitive; Dhow's are not, so the code is tried
    /// in upper case first (how merchants usually write them), then as typed.
    pub(super) async fn apply_code(&self, cart: &CartId, code: &str) -> Result<Cart> {
        let code = code.trim();
        let rejected = |reason| Error::PromotionRejected {
            code: code.to_owned(),
            reason,
        };
        if code.is_empty() {
            return Err(rejected(PromotionRejection::Unknown));
        }
        let current = self.fetch_cart(cart).await?;
        let on_cart = |w: &wire::Cart| {
            w.promotions.iter().any(|p| {
                p.code
                    .as_deref()
                    .is_some_and(|c| c.eq_ignore_ascii_case(code))
            })
        };
        if on_cart(&current) {
            return Err(rejected(PromotionRejection::AlreadyApplied));
        }
        let upper = crate::text::uppercase(code);
        let mut attempts = vec![upper.clone()];
        if upper != code {
            attempts.push(code.to_owned());
        }
        let mut reason = PromotionRejection::Unknown;
        for attempt in attempts {
            let answer: std::result::Result<wire::CartEnvelope, Failure> = self
                .transport
                .post(
                    &["store", "carts", cart.as_str(), "promotions"],
                    &[FIELDS],
                    &json!({ "promo_codes": [attempt] }),
                )
                .await;
            match answer {
                Ok(answer) => {
                    // Medusa accepts a code whose rules do not match the cart and simply does
                    // not apply it.
                    if !on_cart(&answer.cart) {
                        return Err(rejected(PromotionRejection::NotInMarket));
                    }
                    return self.map_cart(&answer.cart).await;
                }
                Err(failure) => match during(Request::ApplyCode(cart, code))(failure) {
                    // A code Medusa does not know in the case tried: the next case may be it.
                    Error::PromotionRejected {
                        reason: PromotionRejection::Unknown,
                        ..
                    } => {}
                    Error::PromotionRejected { reason: why, .. } => {
                        reason = why;
                        break;
                    }
                    other => return Err(other),
                },
            }
        }
        Err(rejected(reason))
    }

    /// Removes a code; removing one that is not on the cart leaves the cart as it is.
    pub(super) async fn remove_code(&self, cart: &CartId, code: &str) -> Result<Cart> {
        let current = self.fetch_cart(cart).await?;
        let stored = current
            .promotions
            .iter()
            .filter_map(|p| p.code.clone())
            .find(|c| c.eq_ignore_ascii_case(code.trim()));
        let Some(stored) = stored else {
            return self.map_cart(&current).await;
        };
        let answer: wire::CartEnvelope = self
            .transport
            .delete(
                &["store", "carts", cart.as_str(), "promotions"],
                &[FIELDS],
                Some(&json!({ "promo_codes": [stored] })),
            )
            .await
            .map_err(during(Request::Cart(cart)))?;
        self.map_cart(&answer.cart).await
    }
}

/// What a stock answer says can still be bought of `variant` (0 when it does not say).
pub(super) fn available(answer: wire::Variants, variant: &VariantId) -> u32 {
    answer
        .variants
        .into_iter()
        .find(|v| v.id == variant.as_str())
        .and_then(|v| v.inventory_quantity)
        .map_or(0, |q| u32::try_from(q.max(0)).unwrap_or(u32::MAX))
}
