//! What the shopper agreed to, and what the store may assume before they say.
//!
//! Four categories: `necessary` (always: the cart, the consent choice itself), `functional`
//! (remembering viewed products), `analytics` and `marketing`. A market is *opt-in* (nothing is sent and no analytics identifier is kept
//! until the shopper accepts) or *opt-out* (sent until the shopper refuses). By default the
//! EEA, the United Kingdom and Switzerland are opt-in and other countries opt-out;
//! `dhow.json` may say otherwise per market.
//!
//! ```
//! use dhow_sdk::analytics::consent::{Consent, ConsentConfig, ConsentRule};
//!
//! let config = ConsentConfig::default();
//! assert_eq!(config.rule("de", "DE"), ConsentRule::OptIn);
//! assert_eq!(config.rule("us", "US"), ConsentRule::OptOut);
//! // Before a choice: nothing in an opt-in market, everything in an opt-out one.
//! assert_eq!(ConsentRule::OptIn.assumed(), Consent::NONE);
//! assert_eq!(Consent::ALL.mode_json(), r#"{"ad_storage":"granted","ad_user_data":"granted","ad_personalization":"granted","analytics_storage":"granted"}"#);
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Whether a market asks before sending or sends until refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentRule {
    /// Nothing is sent and no analytics identifier is kept until the shopper accepts.
    OptIn,
    /// Events are sent until the shopper refuses.
    OptOut,
}

impl ConsentRule {
    /// What may be done before the shopper has chosen.
    pub fn assumed(self) -> Consent {
        match self {
            ConsentRule::OptIn => Consent::NONE,
            ConsentRule::OptOut => Consent::ALL,
        }
    }
}

/// Countries whose shoppers are asked first: the EEA, the United Kingdom and Switzerland.
pub const OPT_IN_COUNTRIES: [&str; 32] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "GB", "CH",
];

/// How consent is asked for: the rule of each market.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentConfig {
    /// The rule by market id, for markets that differ from their country's default.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub markets: BTreeMap<String, ConsentRule>,
}

impl ConsentConfig {
    /// The rule of market `id` shipping to `country` (ISO 3166-1 alpha-2).
    pub fn rule(&self, id: &str, country: &str) -> ConsentRule {
        if let Some(rule) = self.markets.get(id) {
            return *rule;
        }
        if OPT_IN_COUNTRIES.contains(&country) {
            ConsentRule::OptIn
        } else {
            ConsentRule::OptOut
        }
    }
}

/// What the shopper agreed to (necessary storage is always allowed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    /// Functional storage: remembering what the shopper viewed, to show it again. A choice
    /// stored before this category existed reads as refused.
    #[serde(default)]
    pub functional: bool,
    /// Measuring visits and sales.
    pub analytics: bool,
    /// Advertising: ads storage, user data and personalization.
    pub marketing: bool,
}

impl Consent {
    /// Everything refused.
    pub const NONE: Consent = Consent {
        functional: false,
        analytics: false,
        marketing: false,
    };
    /// Everything accepted.
    pub const ALL: Consent = Consent {
        functional: true,
        analytics: true,
        marketing: true,
    };

    /// Google Consent Mode v2 signals as the parameters of a `consent` command.
    pub fn mode_json(self) -> String {
        let state = |on: bool| if on { "granted" } else { "denied" };
        format!(
            r#"{{"ad_storage":"{ads}","ad_user_data":"{ads}","ad_personalization":"{ads}","analytics_storage":"{}"}}"#,
            state(self.analytics),
            ads = state(self.marketing),
        )
    }
}

/// The shopper's choice as stored: `{"version":1,"functional":…,"analytics":…,"marketing":…}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRecord {
    /// The record's format.
    pub version: u32,
    /// What was chosen.
    #[serde(flatten)]
    pub consent: Consent,
}

impl ConsentRecord {
    /// This format's version.
    pub const VERSION: u32 = 1;

    /// A record of `consent`.
    pub fn new(consent: Consent) -> ConsentRecord {
        ConsentRecord {
            version: Self::VERSION,
            consent,
        }
    }

    /// Reads a stored record; anything unreadable or of another version is no choice.
    pub fn read(text: &str) -> Option<Consent> {
        serde_json::from_str::<ConsentRecord>(text)
            .ok()
            .filter(|r| r.version == Self::VERSION)
            .map(|r| r.consent)
    }

    /// The text to store.
    pub fn to_json(self) -> String {
        serde_json::to_string(&self).unwrap_or_default()
    }
}
