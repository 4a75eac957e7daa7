//! Markets: country, language, currency, tax display and duty terms, the context that prices
//! catalog, cart and checkout together. The store configuration that lists them is in
//! [`crate::config`].

use serde::{Deserialize, Serialize};

use crate::address::CountryCode;
use crate::ids::MarketId;
use crate::money::{Currency, RoundingRule};

/// Whether shown prices include tax.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaxDisplay {
    /// Prices include tax (VAT, GST, consumption tax): the shelf price is what the shopper pays.
    Inclusive,
    /// Prices exclude tax (US sales tax, Canadian GST/HST): tax is added at checkout.
    Exclusive,
}

/// Who pays import duties, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DutyTerms {
    /// Delivered duty paid (DDP): duties are charged at checkout, nothing is due on delivery.
    PaidAtCheckout,
    /// Delivered at place (DAP): duties may be collected by the carrier on delivery.
    DueOnDelivery,
}

/// One market the store sells to: the context that prices catalog, cart and checkout together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Market {
    /// Stable identifier, used in URLs: `us`, `de`, `jp`.
    pub id: MarketId,
    /// The country shipped to.
    pub country: CountryCode,
    /// The default language, a BCP 47 tag: `en-US`, `de-DE`, `ar`.
    pub locale: String,
    /// Other languages a shopper may pick in this market.
    #[serde(default)]
    pub languages: Vec<String>,
    /// The currency prices are shown and charged in.
    pub currency: Currency,
    /// Whether prices are shown with tax.
    pub tax_display: TaxDisplay,
    /// Whether duties are paid at checkout or may be due on delivery.
    pub duty_terms: DutyTerms,
    /// How prices converted from another currency are rounded.
    #[serde(default = "default_rounding")]
    pub rounding: RoundingRule,
}

fn default_rounding() -> RoundingRule {
    RoundingRule::Nearest
}

impl Market {
    /// Whether `locale` may be used in this market (its default or one of its other languages).
    pub fn speaks(&self, locale: &str) -> bool {
        self.locale == locale || self.languages.iter().any(|l| l == locale)
    }
}
