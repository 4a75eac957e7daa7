//! Tests of the country table: well-formed, complete, and each form as the country writes it.

use std::collections::HashSet;

use super::{SAMPLES, code, only, sample, table_and_generic};
use crate::address::AddressField::{self, *};
use crate::address::formats::{FORMATS, generic};
use crate::address::postal::{mask_items, mask_matches};
use crate::address::{
    AddressFormat, CityLabel, CountryCode, PostalLabel, RegionLabel, countries, format_for,
    normalize_postal_code, validate,
};
use crate::error::Problem;

fn all_formats() -> impl Iterator<Item = AddressFormat> {
    FORMATS.iter().copied().chain([generic(code("ZZ"))])
}

fn shown(format: &AddressFormat) -> Vec<AddressField> {
    format
        .rows
        .iter()
        .flat_map(|row| row.iter().copied())
        .collect()
}

#[test]
fn the_table_is_sorted_by_valid_unique_codes() {
    for pair in FORMATS.windows(2) {
        assert!(
            pair[0].country < pair[1].country,
            "{:?} before {:?}",
            pair[0].country,
            pair[1].country
        );
    }
    for format in FORMATS {
        let code = format.country.as_str();
        assert_eq!(CountryCode::parse(code), Some(format.country), "{code}");
        assert!(code.bytes().all(|b| b.is_ascii_uppercase()), "{code}");
    }
}

#[test]
fn the_table_covers_the_countries_the_sdk_promises() {
    let listed: HashSet<&str> = FORMATS.iter().map(|f| f.country.as_str()).collect();
    let promised = "US CA MX BR AR CL CO PE GB IE FR DE AT CH NL BE LU IT ES PT DK SE NO FI IS \
                    PL CZ GR HU RO JP CN KR HK TW SG MY TH IN AU NZ AE SA KW QA BH OM IL TR \
                    ZA EG NG KE";
    for code in promised.split_whitespace() {
        assert!(listed.contains(code), "{code} is missing");
    }
    assert!(FORMATS.len() >= 45);
    assert_eq!(countries().count(), FORMATS.len());
}

#[test]
fn every_form_shows_each_field_at_most_once_and_the_essentials() {
    for format in all_formats() {
        let fields = shown(&format);
        let unique: HashSet<_> = fields.iter().collect();
        assert_eq!(
            unique.len(),
            fields.len(),
            "{:?} repeats a field",
            format.country
        );
        for field in [LastName, FirstName, Company, Line1, Line2, Phone] {
            assert!(format.shows(field), "{:?} hides {field:?}", format.country);
        }
        assert!(
            format.rows.iter().all(|row| !row.is_empty()),
            "{:?}",
            format.country
        );
        assert!(format.is_required(LastName) && format.is_required(Line1));
        assert!(!format.is_required(FirstName) && !format.is_required(Phone));
    }
}

#[test]
fn required_and_uppercase_fields_are_shown() {
    for format in all_formats() {
        for &field in format.required.iter().chain(format.uppercase) {
            assert!(
                format.shows(field),
                "{:?}: {field:?} is not shown",
                format.country
            );
        }
    }
}

#[test]
fn postal_masks_examples_and_visibility_agree() {
    for format in all_formats() {
        let country = format.country;
        assert_eq!(
            format.postal_patterns.is_empty(),
            format.postal_example.is_none(),
            "{country:?}"
        );
        if !format.postal_patterns.is_empty() {
            assert!(format.shows(PostalCode), "{country:?}");
        }
        for mask in format.postal_patterns {
            assert!(
                mask_items(mask).all(|item| item.is_some()),
                "{country:?}: bad mask {mask}"
            );
            assert!(mask.chars().count() <= 20, "{country:?}: {mask}");
        }
        if let Some(example) = format.postal_example {
            assert!(
                format
                    .postal_patterns
                    .iter()
                    .any(|mask| mask_matches(mask, example)),
                "{country:?}: example {example} fits no mask"
            );
            assert_eq!(
                normalize_postal_code(&format, example),
                example,
                "{country:?}"
            );
        }
    }
}

#[test]
fn only_hong_kong_the_emirates_and_qatar_have_no_postal_code() {
    let without: Vec<&str> = FORMATS
        .iter()
        .filter(|f| !f.shows(PostalCode))
        .map(|f| f.country.as_str())
        .collect();
    assert_eq!(without, ["AE", "HK", "QA"]);
    // Ireland's Eircode is optional, not absent.
    let ie = format_for(code("IE"));
    assert!(ie.shows(PostalCode) && !ie.is_required(PostalCode));
}

#[test]
fn formats_serialize_for_the_app() {
    let json = serde_json::to_value(format_for(code("JP"))).unwrap();
    assert_eq!(json["country"], "JP");
    assert_eq!(json["rows"][2][0], "postal_code");
    assert_eq!(json["region_label"], "prefecture");
    assert_eq!(json["regions"][12]["code"], "13");
}

#[test]
fn every_country_has_a_sample_that_passes() {
    for country in table_and_generic() {
        let address = sample(country.as_str());
        assert_eq!(validate(&address), Ok(()), "{country}: {address:?}");
    }
    for &(country, ..) in SAMPLES {
        let listed = countries().any(|c| c.as_str() == country);
        assert!(
            listed || country == "ZZ",
            "sample for {country}, which is not in the table"
        );
    }
}

#[test]
fn an_unlisted_country_gets_the_generic_form() {
    for unlisted in ["ZZ", "AQ", "zw"] {
        let format = format_for(code(unlisted));
        assert_eq!(format.country, code(unlisted));
        assert_eq!(format.rows, generic(code("ZZ")).rows);
        assert!(format.shows(AddressField::PostalCode) && format.shows(AddressField::Region));
        assert_eq!(
            format.required,
            &[
                AddressField::LastName,
                AddressField::Line1,
                AddressField::City
            ]
        );
        assert!(format.regions.is_empty() && format.postal_patterns.is_empty());
    }
    let mut address = sample("ZZ");
    address.country = code("AQ");
    address.postal_code = Some("anything-12 goes".into());
    address.region = Some("Ross Dependency".into());
    assert_eq!(validate(&address), Ok(()));
    address.postal_code = Some("x".repeat(21));
    assert_eq!(
        validate(&address),
        only(AddressField::PostalCode, Problem::TooLong { max: 20 })
    );
}

#[test]
fn japan_writes_the_postal_code_first_and_the_family_name_first() {
    let jp = format_for(code("JP"));
    use AddressField::*;
    assert_eq!(
        jp.rows,
        &[
            &[LastName, FirstName][..],
            &[Company],
            &[PostalCode],
            &[Region, City],
            &[Line1],
            &[Line2],
            &[Phone],
        ]
    );
    assert_eq!(
        (jp.postal_label, jp.region_label),
        (PostalLabel::PostalCode, RegionLabel::Prefecture)
    );
    let us = format_for(code("US"));
    assert_eq!(us.rows[4], &[City, Region, PostalCode]);
    assert_eq!(
        (us.postal_label, us.region_label),
        (PostalLabel::ZipCode, RegionLabel::State)
    );
    assert_eq!(format_for(code("GB")).city_label, CityLabel::PostTown);
    assert_eq!(format_for(code("IE")).postal_label, PostalLabel::Eircode);
    assert_eq!(format_for(code("IN")).postal_label, PostalLabel::Pin);
    assert_eq!(format_for(code("AE")).region_label, RegionLabel::Emirate);
}
