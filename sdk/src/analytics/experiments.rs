//! A/B experiments declared in `dhow.json`: which variant a shopper sees, decided from a stable
//! anonymous id and the experiment's key, the same in the browser, natively, and in a brand's
//! data warehouse.
//!
//! **Assignment (the documented hash).** `bucket = first 8 bytes of SHA-256(key + ":" + id),
//! read as an unsigned big-endian integer, modulo 10000`. The variants, in the order declared,
//! take consecutive ranges of buckets in proportion to their weights: variant *i* takes the
//! buckets below `floor(10000 × (w₀ + … + wᵢ) / total)`. Any SQL engine with SHA-256 can
//! recompute it: the first 16 hex digits of the digest are the integer (unsigned: engines with
//! signed 64-bit integers should compute the modulo in a wider or decimal type).
//!
//! The first variant is the control: what a shopper outside the audience or the dates sees, and
//! what a prerendered page shows until the app takes over.
//!
//! ```
//! use dhow_sdk::analytics::experiments::{Experiment, bucket};
//!
//! let experiment: Experiment = serde_json::from_str(r#"{
//!   "key": "pdp-layout", "variants": [{"name": "control", "weight": 50}, {"name": "gallery-left", "weight": 50}]
//! }"#).unwrap();
//! assert_eq!(bucket("pdp-layout", "0f3a9c"), bucket("pdp-layout", "0f3a9c"));
//! let variant = experiment.variant_for_bucket(bucket("pdp-layout", "0f3a9c"));
//! assert!(variant == "control" || variant == "gallery-left");
//! ```

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Buckets an id falls into.
pub const BUCKETS: u64 = 10_000;

/// One experiment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Experiment {
    /// Its key, stable for its whole life: part of the hash.
    pub key: String,
    /// The variants; the first is the control.
    pub variants: Vec<ExperimentVariant>,
    /// Who takes part; everyone when empty.
    #[serde(default)]
    pub audience: Audience,
    /// First day (`YYYY-MM-DD`, UTC) or instant (`YYYY-MM-DDTHH:MM:SSZ`) it runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// When it stops (exclusive), written as `start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// For a variant shown by the page's styles alone (`<html data-dhow-exp-KEY>`): the paths,
    /// without the market's prefix, where it shows (`"/products/"` covers every product page),
    /// so the exposure is reported there only; every page when empty. A variant a component
    /// renders through `use_experiment` is reported where it renders, whatever this says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
}

/// A variant and its share.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExperimentVariant {
    /// Its name, what `use_experiment` returns.
    pub name: String,
    /// Its share, relative to the others' (50/50, 1/1 and 2/2 are the same split).
    pub weight: u32,
}

/// Who takes part in an experiment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audience {
    /// Market ids; all when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markets: Vec<String>,
    /// Languages (BCP 47 tags as in `dhow.json`); all when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// New or returning shoppers only; both when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visitors: Option<Visitors>,
}

/// New or returning shoppers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visitors {
    /// First visit in this browser.
    New,
    /// Visited before.
    Returning,
}

/// What the audience is checked against.
#[derive(Clone, Copy, Debug)]
pub struct Shopper<'a> {
    /// The market's id.
    pub market: &'a str,
    /// The page's language.
    pub language: &'a str,
    /// Whether this browser visited before.
    pub returning: bool,
    /// Now, in seconds since the Unix epoch.
    pub now: i64,
}

/// Why an experiment cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExperimentProblem {
    /// No variant, or every weight is zero.
    NoVariants,
    /// Two variants share a name.
    DuplicateVariant,
    /// A start or end date does not read.
    BadDate,
    /// Two experiments share a key.
    DuplicateKey,
}

/// The bucket (0–9999) of `id` in experiment `key`.
pub fn bucket(key: &str, id: &str) -> u64 {
    let mut hasher = Sha256::new();
    hasher.update(key.as_bytes());
    hasher.update(b":");
    hasher.update(id.as_bytes());
    let digest = hasher.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first) % BUCKETS
}

impl Experiment {
    /// Whether a variant shown by styles alone shows on `path` (without the market's prefix).
    pub fn shows_on(&self, path: &str) -> bool {
        self.paths.is_empty() || self.paths.iter().any(|p| path.starts_with(p.as_str()))
    }

    /// The control: the first variant's name.
    pub fn control(&self) -> &str {
        self.variants.first().map_or("", |v| v.name.as_str())
    }

    /// The variant whose range holds `bucket`.
    pub fn variant_for_bucket(&self, bucket: u64) -> &str {
        let total: u64 = self.variants.iter().map(|v| u64::from(v.weight)).sum();
        if total == 0 {
            return self.control();
        }
        let mut cumulative = 0u64;
        for variant in &self.variants {
            cumulative += u64::from(variant.weight);
            if bucket < BUCKETS * cumulative / total {
                return &variant.name;
            }
        }
        self.control()
    }

    /// Whether the shopper takes part now (audience and dates).
    pub fn includes(&self, shopper: &Shopper<'_>) -> bool {
        let audience = &self.audience;
        let started = self
            .start
            .as_deref()
            .and_then(crate::clock::parse_utc)
            .is_none_or(|s| shopper.now >= s);
        let ended = self
            .end
            .as_deref()
            .and_then(crate::clock::parse_utc)
            .is_some_and(|e| shopper.now >= e);
        started
            && !ended
            && (audience.markets.is_empty() || audience.markets.iter().any(|m| m == shopper.market))
            && (audience.languages.is_empty()
                || audience.languages.iter().any(|l| l == shopper.language))
            && match audience.visitors {
                None => true,
                Some(Visitors::New) => !shopper.returning,
                Some(Visitors::Returning) => shopper.returning,
            }
    }

    /// The variant `id` sees, and whether it takes part (only then is an exposure reported):
    /// a forced variant (`?dhow_exp=key:variant`, for QA) wins; a shopper outside the audience
    /// or the dates sees the control.
    pub fn assign<'a>(
        &'a self,
        id: &str,
        shopper: &Shopper<'_>,
        forced: Option<&str>,
    ) -> (&'a str, bool) {
        if let Some(name) = forced.and_then(|f| self.variants.iter().find(|v| v.name == f)) {
            return (&name.name, true);
        }
        if self.includes(shopper) {
            (self.variant_for_bucket(bucket(&self.key, id)), true)
        } else {
            (self.control(), false)
        }
    }

    /// Checks the declaration.
    pub fn check(&self) -> Result<(), ExperimentProblem> {
        if self.variants.iter().all(|v| v.weight == 0) {
            return Err(ExperimentProblem::NoVariants);
        }
        for (i, v) in self.variants.iter().enumerate() {
            if self.variants[..i].iter().any(|o| o.name == v.name) {
                return Err(ExperimentProblem::DuplicateVariant);
            }
        }
        for date in self.start.iter().chain(self.end.iter()) {
            if crate::clock::parse_utc(date).is_none() {
                return Err(ExperimentProblem::BadDate);
            }
        }
        Ok(())
    }
}

/// Checks every experiment and that their keys differ.
pub fn check_all(experiments: &[Experiment]) -> Result<(), ExperimentProblem> {
    for (i, e) in experiments.iter().enumerate() {
        e.check()?;
        if experiments[..i].iter().any(|o| o.key == e.key) {
            return Err(ExperimentProblem::DuplicateKey);
        }
    }
    Ok(())
}

/// Forced variants from a URL's query (`dhow_exp=key:variant`, several separated by commas or
/// given as several parameters), for QA.
///
/// ```
/// use dhow_sdk::analytics::experiments::forced_variants;
/// assert_eq!(forced_variants("?a=1&dhow_exp=pdp:b,hero:control"), vec![("pdp".into(), "b".into()), ("hero".into(), "control".into())]);
/// assert!(forced_variants("?dhow_exp=nocolon").is_empty());
/// ```
pub fn forced_variants(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.strip_prefix("dhow_exp="))
        .flat_map(|value| {
            value
                .split([',', ' '])
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .flat_map(|part| {
            let part = part.replace("%3A", ":").replace("%3a", ":");
            part.split_once(':')
                .filter(|(k, v)| !k.is_empty() && !v.is_empty())
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
        })
        .collect()
}
