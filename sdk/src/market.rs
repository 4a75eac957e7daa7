//! Markets (country, language, currency, tax display, duty terms) and the store configuration
//! that lists them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::address::CountryCode;
use crate::error::{Error, Result};
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

fn default_money_precision() -> u8 {
    2
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

/// Which backend a store talks to, and how to reach it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum BackendConfig {
    /// The embedded engine over a catalog file.
    Local {
        /// URL or path of the catalog file.
        catalog: String,
    },
    /// A Medusa v2 server.
    Medusa {
        /// Base URL of the Store API, for example `https://api.example.com`.
        url: String,
        /// The publishable API key (safe to ship to browsers).
        publishable_key: String,
    },
    /// A Vendure 3 server (Shop API, see [`crate::vendure`] with the `vendure` feature).
    ///
    /// Each market is sold through one Vendure channel: the one `channels` names for its id,
    /// else `channel_token`, else the default channel. A channel sells in the currencies it lists
    /// as available, so markets sharing a channel may differ in currency.
    ///
    /// ```
    /// let config = dhow_sdk::StoreConfig::from_json(r#"{
    ///   "name": "Dhow Demo",
    ///   "backend": { "kind": "vendure", "url": "https://shop.example.com/shop-api",
    ///                "channels": { "de": "dhow-eu", "jp": "dhow-eu" } },
    ///   "default_market": "us",
    ///   "markets": [{ "id": "us", "country": "US", "locale": "en-US", "currency": "USD",
    ///                 "tax_display": "exclusive", "duty_terms": "paid_at_checkout" }]
    /// }"#).unwrap();
    /// let dhow_sdk::market::BackendConfig::Vendure { channels, money_precision, .. } = config.backend
    /// else { unreachable!() };
    /// assert_eq!(channels["jp"], "dhow-eu");
    /// assert_eq!(money_precision, 2);
    /// ```
    Vendure {
        /// URL of the Shop API, for example `https://shop.example.com/shop-api`.
        url: String,
        /// Channel token for markets that `channels` does not name; `None` is the default
        /// channel.
        #[serde(default)]
        channel_token: Option<String>,
        /// Channel token by market id, for stores that sell through several channels (for
        /// example a tax-inclusive European channel beside a tax-exclusive US one).
        #[serde(default)]
        channels: BTreeMap<String, String>,
        /// Decimals Vendure stores amounts with (its MoneyStrategy precision, 2 unless the
        /// server configures another): ¥1,950 arrives as 195000 at precision 2.
        #[serde(default = "default_money_precision")]
        money_precision: u8,
    },
}

/// A store's configuration: its name, backend, and the markets it sells to.
///
/// ```
/// let config = dhow_sdk::StoreConfig::from_json(r#"{
///   "name": "Dhow Demo",
///   "backend": { "kind": "local", "catalog": "/catalog.json" },
///   "default_market": "us",
///   "markets": [{ "id": "us", "country": "US", "locale": "en-US", "currency": "USD",
///                 "tax_display": "exclusive", "duty_terms": "paid_at_checkout" }]
/// }"#).unwrap();
/// assert_eq!(config.default_market().unwrap().currency.code(), "USD");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreConfig {
    /// The store's name, shown in the header.
    pub name: String,
    /// The storefront's public address (`https://goods.example`): canonical links, alternates
    /// and the sitemap of prerendered pages are absolute URLs under it.
    #[serde(default)]
    pub url: Option<String>,
    /// What the store sells, in a sentence: the home page's description for search engines and
    /// link previews.
    #[serde(default)]
    pub description: Option<String>,
    /// The backend to use.
    pub backend: BackendConfig,
    /// Origins other than the storefront's and the backend's that product images come from (a
    /// CDN: `https://cdn.example`). The app does not need them; the page's
    /// Content-Security-Policy does: each goes into its `img-src`, or the browser blocks the
    /// images (see the README's Deploying section). Each is an origin, `scheme://host[:port]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub image_hosts: Vec<String>,
    /// The market used when the URL names none.
    pub default_market: MarketId,
    /// Every market sold to.
    pub markets: Vec<Market>,
}

impl StoreConfig {
    /// Reads and checks a configuration from JSON.
    pub fn from_json(text: &str) -> Result<StoreConfig> {
        let config: StoreConfig = serde_json::from_str(text).map_err(|e| Error::Decode {
            message: e.to_string(),
        })?;
        config.check()?;
        Ok(config)
    }

    /// The market with this id.
    pub fn market(&self, id: &str) -> Option<&Market> {
        self.markets.iter().find(|m| m.id.as_str() == id)
    }

    /// The default market.
    pub fn default_market(&self) -> Result<&Market> {
        self.market(self.default_market.as_str())
            .ok_or_else(|| Error::not_found("market", self.default_market.as_str()))
    }

    /// Refuses a configuration without markets, with duplicate market ids, whose default
    /// market is not listed, or with an image host that is not an origin.
    ///
    /// ```
    /// let text = r#"{
    ///   "name": "Dhow Demo",
    ///   "backend": { "kind": "local", "catalog": "/catalog.json" },
    ///   "image_hosts": ["https://cdn.example/images"],
    ///   "default_market": "us",
    ///   "markets": [{ "id": "us", "country": "US", "locale": "en-US", "currency": "USD",
    ///                 "tax_display": "exclusive", "duty_terms": "paid_at_checkout" }]
    /// }"#;
    /// // A path is not an origin: a Content-Security-Policy source would not match it as meant.
    /// assert!(dhow_sdk::StoreConfig::from_json(text).is_err());
    /// let text = text.replace("https://cdn.example/images", "https://cdn.example");
    /// assert!(dhow_sdk::StoreConfig::from_json(&text).is_ok());
    /// ```
    pub fn check(&self) -> Result<()> {
        use crate::error::{FieldError, Problem};
        let mut fields = Vec::new();
        if self.markets.is_empty() {
            fields.push(FieldError::new("markets", Problem::Required));
        }
        for (i, market) in self.markets.iter().enumerate() {
            if self.markets[..i].iter().any(|m| m.id == market.id) {
                fields.push(FieldError::new("markets", Problem::Invalid));
            }
        }
        if self.market(self.default_market.as_str()).is_none() {
            fields.push(FieldError::new("default_market", Problem::Invalid));
        }
        if !self.image_hosts.iter().all(|h| is_origin(h)) {
            fields.push(FieldError::new("image_hosts", Problem::Invalid));
        }
        if fields.is_empty() {
            Ok(())
        } else {
            Err(Error::InvalidInput { fields })
        }
    }
}

/// Whether `text` is a web origin as a Content-Security-Policy source names one:
/// `http(s)://host[:port]`, nothing after the host but a port (and a final `/`, which names
/// the same origin).
fn is_origin(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    else {
        return false;
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let (host, port) = match rest.rsplit_once(':') {
        // An IPv6 address ends in `]`; its colons are not a port.
        Some((host, port)) if !port.contains(']') => (host, Some(port)),
        _ => (rest, None),
    };
    !host.is_empty()
        && !host.contains(['/', '?', '#', '@', ' ', '*'])
        && port.is_none_or(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::is_origin;

    #[test]
    fn image_hosts_are_origins() {
        for good in [
            "https://cdn.example",
            "http://127.0.0.1:9000",
            "https://[::1]:8443",
            "https://[::1]",
            "https://cdn.example/",
        ] {
            assert!(is_origin(good), "{good}");
        }
        for bad in [
            "cdn.example",
            "https://",
            "https://cdn.example//",
            "https://cdn.example/images",
            "https://cdn.example:",
            "https://cdn.example:80a",
            "https://*.cdn.example",
            "ftp://cdn.example",
        ] {
            assert!(!is_origin(bad), "{bad}");
        }
    }
}
