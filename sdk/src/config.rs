//! A store's configuration as `dhow.json` holds it: its name, the markets it sells to, and the
//! backend it talks to with that backend's own settings. Always compiled, whichever adapters
//! are, so that a build without an adapter still reads the file and can say which backend it
//! lacks.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Resource, Result};
use crate::ids::MarketId;
use crate::market::Market;

/// Which backend a store talks to, and how to reach it: `"kind"` names the adapter, the other
/// fields are that adapter's configuration.
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
/// let dhow_sdk::config::BackendConfig::Vendure(vendure) = config.backend else { unreachable!() };
/// assert_eq!(vendure.channels["jp"], "dhow-eu");
/// assert_eq!(vendure.money_precision, 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "RawBackendConfig")]
#[non_exhaustive]
pub enum BackendConfig {
    /// The embedded engine over a catalog file.
    Local(LocalConfig),
    /// A Medusa v2 server.
    Medusa(MedusaConfig),
    /// A Vendure 3 server.
    Vendure(VendureConfig),
}

impl BackendConfig {
    /// The `kind` as written in `dhow.json`, which is also the adapter's cargo feature.
    pub fn kind(&self) -> &'static str {
        match self {
            BackendConfig::Local(_) => "local",
            BackendConfig::Medusa(_) => "medusa",
            BackendConfig::Vendure(_) => "vendure",
        }
    }
}

/// A [`BackendConfig`] as read: the kind and every adapter's settings.
#[derive(Deserialize)]
struct RawBackendConfig {
    kind: BackendKind,
    #[serde(default)]
    catalog: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    publishable_key: Option<String>,
    #[serde(default)]
    channel_token: Option<String>,
    #[serde(default)]
    channels: BTreeMap<String, String>,
    #[serde(default = "default_money_precision")]
    money_precision: u8,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum BackendKind {
    Local,
    Medusa,
    Vendure,
}

impl TryFrom<RawBackendConfig> for BackendConfig {
    type Error = String;

    fn try_from(raw: RawBackendConfig) -> std::result::Result<BackendConfig, String> {
        use crate::tagged::required;
        Ok(match raw.kind {
            BackendKind::Local => BackendConfig::Local(LocalConfig {
                catalog: required(raw.catalog, "local", "catalog")?,
            }),
            BackendKind::Medusa => BackendConfig::Medusa(MedusaConfig {
                url: required(raw.url, "medusa", "url")?,
                publishable_key: required(raw.publishable_key, "medusa", "publishable_key")?,
            }),
            BackendKind::Vendure => BackendConfig::Vendure(VendureConfig {
                url: required(raw.url, "vendure", "url")?,
                channel_token: raw.channel_token,
                channels: raw.channels,
                money_precision: raw.money_precision,
            }),
        })
    }
}

/// Where the embedded engine reads its catalog from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalConfig {
    /// URL or path of the catalog file.
    pub catalog: String,
}

/// How to reach a Medusa v2 server (see `dhow_sdk::medusa` with the `medusa` feature).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MedusaConfig {
    /// Base URL of the Store API, for example `https://api.example.com`. The host is ASCII: an
    /// internationalized domain name is written in its Punycode form (`xn--bcher-kva.example`,
    /// not `bücher.example`), which is how the browser sends it anyway. The storefront's build
    /// leaves out the Unicode tables that converting it would need (34 KB brotli of the two
    /// adapters).
    pub url: String,
    /// The publishable API key (safe to ship to browsers).
    pub publishable_key: String,
}

/// How to reach a Vendure 3 server and which channel sells each market (see
/// `dhow_sdk::vendure` with the `vendure` feature).
///
/// Each market is sold through one Vendure channel: the one `channels` names for its id, else
/// `channel_token`, else the default channel. A channel sells in the currencies it lists as
/// available, so markets sharing a channel may differ in currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VendureConfig {
    /// URL of the Shop API, for example `https://shop.example.com/shop-api`. The host is ASCII, as
    /// for [`MedusaConfig::url`].
    pub url: String,
    /// Channel token for markets that `channels` does not name; `None` is the default channel.
    #[serde(default)]
    pub channel_token: Option<String>,
    /// Channel token by market id, for stores that sell through several channels (for example
    /// a tax-inclusive European channel beside a tax-exclusive US one).
    #[serde(default)]
    pub channels: BTreeMap<String, String>,
    /// Decimals Vendure stores amounts with (its MoneyStrategy precision, 2 unless the server
    /// configures another): ¥1,950 arrives as 195000 at precision 2.
    #[serde(default = "default_money_precision")]
    pub money_precision: u8,
}

impl Default for VendureConfig {
    /// No URL yet, the default channel for every market, and Vendure's default precision.
    fn default() -> VendureConfig {
        VendureConfig {
            url: String::new(),
            channel_token: None,
            channels: BTreeMap::new(),
            money_precision: default_money_precision(),
        }
    }
}

fn default_money_precision() -> u8 {
    2
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
    /// Where commerce events go and how consent is asked for; none: nothing is sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analytics: Option<crate::analytics::AnalyticsConfig>,
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
            .ok_or_else(|| Error::not_found(Resource::Market, self.default_market.as_str()))
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
        // The collector is called from the page: an absolute http(s) URL or a path on the
        // storefront's own origin.
        let collector = self.analytics.as_ref().and_then(|a| a.collector.as_deref());
        if collector.is_some_and(|c| {
            !(c.starts_with("https://") || c.starts_with("http://") || c.starts_with('/'))
                || c.starts_with("//")
                || c.contains(char::is_whitespace)
        }) {
            fields.push(FieldError::new("analytics.collector", Problem::Invalid));
        }
        if let Some(analytics) = &self.analytics
            && crate::analytics::experiments::check_all(&analytics.experiments).is_err()
        {
            fields.push(FieldError::new("analytics.experiments", Problem::Invalid));
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

/// A `${NAME}` placeholder of a configuration that could not be filled.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlaceholderError {
    /// `${` without its `}`.
    #[error("unclosed ${{ in the configuration")]
    Unclosed,
    /// A name with no value: an unset name is an error, never an empty value.
    #[error("the configuration needs {0} in the environment")]
    Missing(String),
}

/// Fills every `${NAME}` of a configuration's text with `lookup(NAME)` (on a build machine, the
/// environment, where a brand's CI keeps its keys): what the prerender and the recommendation
/// builder do before [`StoreConfig::from_json`].
///
/// ```
/// use dhow_sdk::config::{PlaceholderError, fill_placeholders};
///
/// let lookup = |name: &str| (name == "KEY").then(|| "pk_123".to_owned());
/// assert_eq!(fill_placeholders(r#"{"k": "${KEY}"}"#, lookup).unwrap(), r#"{"k": "pk_123"}"#);
/// assert_eq!(fill_placeholders("${OTHER}", lookup), Err(PlaceholderError::Missing("OTHER".into())));
/// assert_eq!(fill_placeholders("${KEY", lookup), Err(PlaceholderError::Unclosed));
/// ```
pub fn fill_placeholders(
    text: &str,
    lookup: impl Fn(&str) -> Option<String>,
) -> std::result::Result<String, PlaceholderError> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find('}').ok_or(PlaceholderError::Unclosed)?;
        let name = &after[..end];
        out.push_str(&lookup(name).ok_or_else(|| PlaceholderError::Missing(name.to_owned()))?);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::{BackendConfig, MedusaConfig, StoreConfig, VendureConfig, is_origin};

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

    /// The configurations the storefront and the end-to-end runs ship with read into the
    /// adapter's own settings and write back as the same `backend` object.
    #[test]
    fn shipped_configurations_keep_their_backend_format() {
        for text in [
            include_str!("../../public/dhow.json"),
            include_str!("../../e2e/config/medusa.json"),
            include_str!("../../e2e/config/vendure.json"),
        ] {
            let config = StoreConfig::from_json(text).expect("a valid configuration");
            let file: Value = serde_json::from_str(text).expect("JSON");
            let mut written = serde_json::to_value(&config.backend).expect("serializes");
            // Defaults the files leave out are written out.
            if let Some(fields) = written.as_object_mut() {
                fields.retain(|k, _| file["backend"].get(k).is_some());
            }
            assert_eq!(written, file["backend"]);
        }
    }

    #[test]
    fn each_kind_reads_into_its_adapters_settings() {
        let read = |backend: Value| -> BackendConfig {
            serde_json::from_value(backend).expect("a backend configuration")
        };
        assert_eq!(
            read(json!({ "kind": "medusa", "url": "http://m", "publishable_key": "pk" })),
            BackendConfig::Medusa(MedusaConfig {
                url: "http://m".into(),
                publishable_key: "pk".into(),
            })
        );
        let BackendConfig::Vendure(vendure) = read(json!({ "kind": "vendure", "url": "http://v" }))
        else {
            panic!("vendure");
        };
        assert_eq!(
            vendure,
            VendureConfig {
                url: "http://v".into(),
                ..VendureConfig::default()
            }
        );
        assert_eq!(vendure.money_precision, 2);
        assert_eq!(
            serde_json::to_value(BackendConfig::Medusa(MedusaConfig {
                url: "http://m".into(),
                publishable_key: "pk".into(),
            }))
            .expect("serializes"),
            json!({ "kind": "medusa", "url": "http://m", "publishable_key": "pk" })
        );
        assert!(serde_json::from_value::<BackendConfig>(json!({ "kind": "shopify" })).is_err());
    }
}
