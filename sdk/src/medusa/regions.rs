//! Medusa's regions and Dhow's markets: which region serves a market (its currency and
//! country), fetched once and kept, and which market a cart or order Medusa answers with is in.

use std::rc::Rc;

use super::{MedusaBackend, mapping, wire};
use crate::address::CountryCode;
use crate::error::{Error, Result, Unsold};
use crate::market::Market;
use crate::money::Currency;

/// A region as the adapter needs it: id, currency, countries.
#[derive(Clone, Debug)]
pub(super) struct Region {
    pub(super) id: String,
    pub(super) currency: Currency,
    pub(super) countries: Vec<CountryCode>,
}

impl Region {
    pub(super) fn serves(&self, market: &Market) -> bool {
        self.currency == market.currency && self.countries.contains(&market.country)
    }
}

impl MedusaBackend {
    /// Medusa's regions, fetched on first use.
    pub(super) async fn regions(&self) -> Result<Rc<Vec<Region>>> {
        if let Some(regions) = self.regions.borrow().as_ref() {
            return Ok(regions.clone());
        }
        let answer: wire::Regions = self
            .transport
            .get(&["store", "regions"], &[("limit", "200")])
            .await?;
        let regions = Rc::new(regions_of(answer));
        *self.regions.borrow_mut() = Some(regions.clone());
        Ok(regions)
    }

    /// The region serving `market`, or [`Error::NotSold`].
    pub(super) async fn region_for(&self, market: &Market) -> Result<Region> {
        self.regions()
            .await?
            .iter()
            .find(|r| r.serves(market))
            .cloned()
            .ok_or_else(|| Error::NotSold {
                what: Unsold::Market,
                code: market.id.to_string(),
            })
    }

    /// The configured market a cart (or order) is in: the one recorded in its metadata when
    /// the cart was created or moved, else the one of its destination, else the first one its
    /// region serves.
    pub(super) async fn market_of(&self, w: &wire::Cart) -> Result<Market> {
        let currency = mapping::currency(&w.currency_code)?;
        let same_currency = |m: &&Market| m.currency == currency;
        let recorded = w
            .metadata
            .as_ref()
            .and_then(|m| m.get(MARKET_KEY))
            .and_then(|v| v.as_str());
        if let Some(market) = self
            .markets
            .iter()
            .filter(same_currency)
            .find(|m| Some(m.id.as_str()) == recorded)
        {
            return Ok(market.clone());
        }
        let country = w
            .shipping_address
            .as_ref()
            .and_then(|a| a.country_code.as_deref())
            .and_then(CountryCode::parse);
        if let Some(market) = self
            .markets
            .iter()
            .filter(same_currency)
            .find(|m| Some(m.country) == country)
        {
            return Ok(market.clone());
        }
        let regions = self.regions().await?;
        let region = regions.iter().find(|r| Some(&r.id) == w.region_id.as_ref());
        self.markets
            .iter()
            .filter(same_currency)
            .find(|m| region.is_none_or(|r| r.serves(m)))
            .cloned()
            .ok_or_else(|| Error::NotSold {
                what: Unsold::Currency,
                code: currency.code().to_owned(),
            })
    }
}

/// The regions of an answer. A region in a currency Dhow does not know cannot serve a market;
/// it is left out rather than failing every call.
pub(super) fn regions_of(answer: wire::Regions) -> Vec<Region> {
    answer
        .regions
        .into_iter()
        .filter_map(|r| {
            Some(Region {
                currency: mapping::currency(&r.currency_code).ok()?,
                countries: r
                    .countries
                    .iter()
                    .filter_map(|c| CountryCode::parse(&c.iso_2))
                    .collect(),
                id: r.id,
            })
        })
        .collect()
}

/// Cart metadata key holding the Dhow market a cart is in (two markets may share a region).
pub(super) const MARKET_KEY: &str = "dhow_market";
