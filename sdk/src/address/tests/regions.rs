//! Tests of the region lists and of finding a region by code, prefixed code or name.

use std::collections::HashSet;

use super::{code, only, sample};
use crate::address::AddressField::{self, Region};
use crate::address::formats::FORMATS;
use crate::address::{CountryCode, countries, format_for, validate};
use crate::error::Problem;

#[test]
fn region_lists_are_shown_required_and_well_formed() {
    for format in FORMATS.iter().filter(|f| !f.regions.is_empty()) {
        let country = format.country;
        assert!(format.shows(Region), "{country:?}");
        let codes: HashSet<String> = format
            .regions
            .iter()
            .map(|r| r.code.to_ascii_uppercase())
            .collect();
        let names: HashSet<String> = format
            .regions
            .iter()
            .map(|r| r.name.to_lowercase())
            .collect();
        assert_eq!(
            codes.len(),
            format.regions.len(),
            "{country:?}: duplicate code"
        );
        assert_eq!(
            names.len(),
            format.regions.len(),
            "{country:?}: duplicate name"
        );
        for region in format.regions {
            assert!(
                (1..=3).contains(&region.code.len())
                    && region
                        .code
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
                "{country:?}: code {:?}",
                region.code
            );
            assert!(!region.name.trim().is_empty() && region.name.len() <= 100);
            // A name never reads as another region's code.
            let clash = format.regions.iter().any(|other| {
                other.code != region.code && other.code.eq_ignore_ascii_case(region.name)
            });
            assert!(!clash, "{country:?}: {}", region.name);
        }
    }
}

#[test]
fn region_lists_have_the_expected_sizes() {
    let expected = [
        ("AE", 7),
        ("AU", 8),
        ("BR", 27),
        ("CA", 13),
        ("CN", 31),
        ("CO", 33),
        ("ES", 52),
        ("HK", 3),
        ("IN", 36),
        ("JP", 47),
        ("MX", 32),
        ("MY", 16),
        ("PE", 26),
        ("TW", 22),
        ("US", 62),
    ];
    for (code, size) in expected {
        let format = format_for(CountryCode::parse(code).unwrap());
        assert_eq!(format.regions.len(), size, "{code}");
    }
    let with_lists = FORMATS.iter().filter(|f| !f.regions.is_empty()).count();
    assert_eq!(with_lists, expected.len());
}

#[test]
fn the_documented_region_codes_exist() {
    for (country, code, name) in [
        ("US", "CA", "California"),
        ("JP", "13", "Tokyo"),
        ("CA", "ON", "Ontario"),
        ("AU", "NSW", "New South Wales"),
        ("BR", "SP", "São Paulo"),
        ("MX", "CMX", "Ciudad de México"),
        ("IN", "MH", "Maharashtra"),
        ("CN", "BJ", "Beijing"),
        ("AE", "DU", "Dubai"),
    ] {
        let format = format_for(CountryCode::parse(country).unwrap());
        assert_eq!(
            format.find_region(code).map(|r| r.name),
            Some(name),
            "{country}-{code}"
        );
    }
}

#[test]
fn an_unknown_region_is_refused_where_the_country_has_a_list() {
    for country in countries() {
        let format = format_for(country);
        if format.regions.is_empty() {
            continue;
        }
        for wrong in ["Atlantis", "XX", "ZZZ-CA", "99", "C A"] {
            let mut address = sample(country.as_str());
            address.region = Some(wrong.into());
            assert_eq!(
                validate(&address),
                only(AddressField::Region, Problem::UnknownRegion),
                "{country}: {wrong}"
            );
        }
    }
}

#[test]
fn a_region_is_accepted_by_code_prefixed_code_or_name_in_any_case() {
    for country in countries() {
        let format = format_for(country);
        for region in format.regions {
            let forms = [
                region.code.to_owned(),
                region.code.to_ascii_lowercase(),
                format!(
                    " {}-{} ",
                    country.as_str().to_ascii_lowercase(),
                    region.code
                ),
                region.name.to_owned(),
                region.name.to_uppercase(),
                region.name.to_lowercase(),
            ];
            for form in forms {
                assert_eq!(format.find_region(&form), Some(region), "{country}: {form}");
                let mut address = sample(country.as_str());
                address.region = Some(form.clone());
                assert_eq!(validate(&address), Ok(()), "{country}: {form}");
            }
        }
    }
}

#[test]
fn former_iso_codes_find_the_current_region() {
    let india = format_for(code("IN"));
    for (former, current) in [("CT", "CG"), ("or", "OD"), ("IN-TG", "TS"), ("UT", "UK")] {
        assert_eq!(
            india.find_region(former).map(|r| r.code),
            Some(current),
            "{former}"
        );
    }
    // Only in the country that renamed them.
    assert_eq!(
        format_for(code("US")).find_region("OR").map(|r| r.name),
        Some("Oregon")
    );
    assert_eq!(
        format_for(code("US")).find_region("UT").map(|r| r.name),
        Some("Utah")
    );
}

#[test]
fn a_region_is_free_text_where_the_country_has_no_list() {
    for (country, region) in [
        ("IT", "Milano"),
        ("KR", "서울특별시"),
        ("TH", "Bangkok"),
        ("ZZ", "Anywhere"),
    ] {
        let mut address = sample(country);
        address.region = Some(region.into());
        assert_eq!(validate(&address), Ok(()), "{country}");
    }
}
