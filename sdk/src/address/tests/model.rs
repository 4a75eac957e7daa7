//! Tests of the model: country codes, addresses and fields, and their JSON.

use super::{code, sample};
use crate::address::{Address, AddressField, CountryCode};

#[test]
fn country_codes_parse_in_either_case_and_print_upper_case() {
    let us = code("us");
    assert_eq!(us, code("US"));
    assert_eq!(code("uS").as_str(), "US");
    assert_eq!(us.to_string(), "US");
    assert_eq!(format!("{us:?}"), "US");
    assert!(code("AT") < code("AU") && code("AU") < code("BE"));
    for bad in ["", "U", "USA", "U1", "12", "U ", " US", "ü", "éu", "U-"] {
        assert_eq!(CountryCode::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn country_codes_serialize_as_their_string() {
    let jp = code("JP");
    assert_eq!(serde_json::to_string(&jp).unwrap(), "\"JP\"");
    assert_eq!(serde_json::from_str::<CountryCode>("\"jp\"").unwrap(), jp);
    assert!(serde_json::from_str::<CountryCode>("\"JPN\"").is_err());
    assert!(serde_json::from_str::<CountryCode>("81").is_err());
}

#[test]
fn field_names_are_the_model_names_and_their_serde_names() {
    let json = serde_json::to_value(sample("US")).unwrap();
    for field in AddressField::ALL {
        assert!(json.get(field.name()).is_some(), "{field:?}");
        assert_eq!(serde_json::to_value(field).unwrap(), field.name());
    }
}

#[test]
fn addresses_round_trip_through_json_and_optional_fields_may_be_left_out() {
    let mut address = sample("GB");
    address.company = Some("Cabinet Office".into());
    address.phone = Some("+44 20 7930 4433".into());
    let json = serde_json::to_string(&address).unwrap();
    assert_eq!(serde_json::from_str::<Address>(&json).unwrap(), address);

    let minimal =
        r#"{"first_name":"","last_name":"Doe","line1":"1 Main St","city":"X","country":"de"}"#;
    let parsed: Address = serde_json::from_str(minimal).unwrap();
    assert_eq!(parsed.country, code("DE"));
    assert_eq!(
        (parsed.region, parsed.postal_code, parsed.phone),
        (None, None, None)
    );
    assert!(serde_json::from_str::<Address>(&minimal.replace("\"de\"", "\"Germany\"")).is_err());
}
