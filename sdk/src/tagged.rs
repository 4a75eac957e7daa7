//! Reading internally tagged enums (`{"kind": "cash", "increment": 5}`) through a flat struct of
//! every variant's fields: the same JSON as serde's `tag = "kind"`, without the buffering of the
//! whole object that serde needs to read a tag first, which costs the browser build several KB of
//! code per enum. Each enum says `#[serde(try_from = "Raw…")]` and checks its variant's fields.

/// The field `field` that the `kind` variant needs, or the error saying so.
pub(crate) fn required<T>(value: Option<T>, kind: &str, field: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("`{kind}` needs the field `{field}`"))
}

#[cfg(test)]
mod tests {
    use std::fmt::Debug;

    use serde::Serialize;
    use serde::de::DeserializeOwned;

    use crate::config::{BackendConfig, LocalConfig, MedusaConfig, VendureConfig};
    use crate::local::data::PromotionKind;
    use crate::model::{CheckoutState, Facet, FacetValue};
    use crate::money::{PriceEnding, RoundingRule};
    use crate::{Currency, Decimal, Money};

    /// Written as serde's internally tagged form, read back through the flat struct: equal, and
    /// equal again after a trip through `serde_json::Value` (the page snapshot's path).
    fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: T) {
        let text = serde_json::to_string(&value).unwrap();
        assert_eq!(serde_json::from_str::<T>(&text).unwrap(), value, "{text}");
        let tree = serde_json::to_value(&value).unwrap();
        assert_eq!(serde_json::from_value::<T>(tree).unwrap(), value, "{text}");
    }

    #[test]
    fn every_variant_reads_back_what_it_writes() {
        for rule in [
            RoundingRule::Nearest,
            RoundingRule::Cash { increment: 5 },
            RoundingRule::Ending {
                ending: PriceEnding::NinetyNine,
            },
            RoundingRule::Up { increment: 100 },
        ] {
            round_trip(rule);
        }
        let euros = |minor| Money::from_minor(minor, Currency::EUR);
        let values = vec![FacetValue {
            value: "M".into(),
            label: "M".into(),
            count: 3,
        }];
        for facet in [
            Facet::Collection {
                values: values.clone(),
            },
            Facet::Option {
                name: "Size".into(),
                values,
            },
            Facet::PriceRange {
                min: euros(1_000),
                max: euros(9_900),
            },
            Facet::InStock { count: 7 },
        ] {
            round_trip(facet);
        }
        for state in [
            CheckoutState::Open,
            CheckoutState::Paid,
            CheckoutState::Completed { order: None },
            CheckoutState::Completed {
                order: Some("DHW-10001".into()),
            },
        ] {
            round_trip(state);
        }
        for kind in [
            PromotionKind::Percentage {
                percent: Decimal::parse("10").unwrap(),
            },
            PromotionKind::Fixed {
                amounts: vec![euros(500)],
            },
            PromotionKind::FreeShipping,
        ] {
            round_trip(kind);
        }
        for backend in [
            BackendConfig::Local(LocalConfig {
                catalog: "/catalog.json".into(),
            }),
            BackendConfig::Medusa(MedusaConfig {
                url: "https://api.example.com".into(),
                publishable_key: "pk_1".into(),
            }),
            BackendConfig::Vendure(VendureConfig {
                url: "https://shop.example.com/shop-api".into(),
                channel_token: Some("eu".into()),
                channels: [("jp".to_owned(), "asia".to_owned())].into(),
                money_precision: 3,
            }),
        ] {
            round_trip(backend);
        }
    }

    #[test]
    fn a_variant_without_its_field_or_an_unknown_kind_is_refused_with_the_reason() {
        let error = serde_json::from_str::<RoundingRule>(r#"{"kind": "cash"}"#).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("`cash` needs the field `increment`"),
            "{error}"
        );
        let error =
            serde_json::from_str::<BackendConfig>(r#"{"kind": "medusa", "url": "x"}"#).unwrap_err();
        assert!(error.to_string().contains("publishable_key"), "{error}");
        assert!(serde_json::from_str::<Facet>(r#"{"kind": "colour"}"#).is_err());
        assert!(serde_json::from_str::<CheckoutState>(r#"{"order": "1"}"#).is_err());
        // The written order of fields does not matter, nor do fields of other kinds.
        assert_eq!(
            serde_json::from_str::<RoundingRule>(
                r#"{"increment": 5, "ending": "whole", "kind": "up"}"#
            )
            .unwrap(),
            RoundingRule::Up { increment: 5 }
        );
    }
}
