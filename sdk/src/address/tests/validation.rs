//! Tests of validation: required and optional fields, garbage in, errors out, never a panic.

use proptest::prelude::*;

use super::{any_country, any_text, code, only, sample, set, table_and_generic};
use crate::address::{AddressField, countries, format_for, validate};
use crate::error::{FieldError, Problem};

#[test]
fn each_required_field_left_empty_is_reported_alone() {
    for country in table_and_generic() {
        let format = format_for(country);
        for &field in format.required {
            for empty in [None, Some(""), Some(" \t\u{3000} ")] {
                let mut address = sample(country.as_str());
                set(&mut address, field, empty);
                assert_eq!(
                    validate(&address),
                    only(field, Problem::Required),
                    "{country}: {field:?} = {empty:?}"
                );
            }
        }
    }
}

#[test]
fn optional_fields_may_be_left_empty() {
    for country in table_and_generic() {
        let format = format_for(country);
        for field in AddressField::ALL
            .into_iter()
            .filter(|f| !format.is_required(*f))
        {
            let mut address = sample(country.as_str());
            set(&mut address, field, None);
            assert_eq!(validate(&address), Ok(()), "{country}: {field:?}");
        }
    }
}

#[test]
fn a_wrong_postal_code_is_refused_with_the_country_example() {
    for country in countries() {
        let format = format_for(country);
        let Some(example) = format.postal_example else {
            continue;
        };
        for wrong in ["ZZZZZZZZZZ", "1", "123456789012", "12-34-56"] {
            let mut address = sample(country.as_str());
            address.postal_code = Some(wrong.into());
            assert_eq!(
                validate(&address),
                only(
                    AddressField::PostalCode,
                    Problem::PostalCode {
                        example: example.into()
                    }
                ),
                "{country}: {wrong}"
            );
        }
    }
}

#[test]
fn countries_without_postal_codes_ignore_one_given_anyway() {
    for country in ["HK", "AE", "QA"] {
        let format = format_for(code(country));
        assert!(!format.shows(AddressField::PostalCode), "{country}");
        assert!(format.postal_patterns.is_empty() && format.postal_example.is_none());
        let mut address = sample(country);
        assert_eq!(address.postal_code, None);
        assert_eq!(validate(&address), Ok(()), "{country}");
        address.postal_code = Some("00000 or anything".into());
        assert_eq!(validate(&address), Ok(()), "{country}");
        // Length and characters are still checked: garbage is never stored.
        address.postal_code = Some("0".repeat(21));
        assert_eq!(
            validate(&address),
            only(AddressField::PostalCode, Problem::TooLong { max: 20 })
        );
    }
}

#[test]
fn fields_a_country_does_not_show_are_not_checked_against_its_lists() {
    let mut germany = sample("DE");
    germany.region = Some("Bavaria".into());
    assert_eq!(validate(&germany), Ok(()));
    let mut emirates = sample("AE");
    emirates.city = "Dubai".into();
    assert_eq!(validate(&emirates), Ok(()));
}

#[test]
fn empty_strings_everywhere_report_every_required_field() {
    let mut address = sample("US");
    for field in AddressField::ALL {
        set(&mut address, field, Some(""));
    }
    let fields: Vec<String> = validate(&address)
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        ["last_name", "line1", "city", "region", "postal_code"]
    );
}

#[test]
fn every_problem_is_reported_at_once_in_field_order() {
    let mut address = sample("US");
    address.first_name = "x".repeat(101);
    address.last_name = "   ".into();
    address.company = Some("Acme\u{0}".into());
    address.city = "Mountain\nView".into();
    address.region = Some("Ontario".into());
    address.postal_code = Some("K1A 0B1".into());
    address.phone = Some("call me".into());
    assert_eq!(
        validate(&address),
        Err(vec![
            FieldError::new("first_name", Problem::TooLong { max: 100 }),
            FieldError::new("last_name", Problem::Required),
            FieldError::new("company", Problem::Invalid),
            FieldError::new("city", Problem::Invalid),
            FieldError::new("region", Problem::UnknownRegion),
            FieldError::new(
                "postal_code",
                Problem::PostalCode {
                    example: "95014".into()
                }
            ),
            FieldError::new("phone", Problem::Invalid),
        ])
    );
}

#[test]
fn ten_kilobyte_values_are_too_long() {
    let huge = "é".repeat(10 * 1024);
    let mut address = sample("FR");
    for field in AddressField::ALL {
        set(&mut address, field, Some(&huge));
    }
    let errors = validate(&address).unwrap_err();
    assert_eq!(errors.len(), AddressField::ALL.len());
    for (error, field) in errors.iter().zip(AddressField::ALL) {
        assert_eq!(error.field, field.name());
        assert_eq!(
            error.problem,
            Problem::TooLong {
                max: field.max_chars()
            }
        );
    }
    // The limits count characters, not bytes.
    address = sample("FR");
    address.line1 = "é".repeat(100);
    assert_eq!(validate(&address), Ok(()));
}

#[test]
fn emoji_and_control_characters_are_refused() {
    let garbage = [
        "Rue 🎉 1",
        "❤ Street",
        "Street\u{FE0F}",
        "🇫🇷",
        "Line\nbreak",
        "Tab\there",
        "Bell\u{7}",
        "Null\u{0}",
        "\u{202E}evil",
        "Zero\u{200B}width",
        "Mis\u{FFFD}decoded",
        "Private\u{E000}",
        "Non\u{FFFF}char",
        "Delete\u{7F}",
        "C1\u{85}control",
    ];
    for text in garbage {
        for field in AddressField::ALL {
            let mut address = sample("DE");
            set(&mut address, field, Some(text));
            let errors = validate(&address).unwrap_err();
            assert_eq!(
                errors,
                vec![FieldError::new(field.name(), Problem::Invalid)],
                "{field:?}: {text:?}"
            );
        }
    }
}

#[test]
fn real_world_scripts_are_accepted() {
    let mut address = sample("JP");
    address.last_name = "山田".into();
    address.first_name = "太郎".into();
    address.line1 = "千代田1-1".into();
    address.line2 = Some("皇居ビル３Ｆ".into());
    address.city = "千代田区".into();
    address.region = Some("Tokyo".into());
    address.postal_code = Some("１００－８１１１".into());
    address.phone = Some("０３－３２１３－１１１１".into());
    assert_eq!(validate(&address), Ok(()));

    for (country, line) in [
        ("IL", "רחוב הרצל 1\u{200F}"),
        ("AE", "شارع الشيخ زايد 1"),
        ("IN", "क्\u{200D}ष 12, गली"),
        ("GR", "Οδός Ερμού 1"),
        ("KR", "세종대로 110"),
        ("VN", "Số 1 Đường Lê Lợi"),
    ] {
        let mut address = sample(country);
        address.line1 = line.into();
        assert_eq!(validate(&address), Ok(()), "{country}: {line}");
    }
}

#[test]
fn phones_are_digits_and_punctuation() {
    for good in [
        "+1 (650) 253-0000",
        "030 227 32152",
        "+81-3-3213-1111",
        "0312.345.678",
        "１２３４５",
        "0800/123456",
    ] {
        let mut address = sample("US");
        address.phone = Some(good.into());
        assert_eq!(validate(&address), Ok(()), "{good}");
    }
    for bad in [
        "call me",
        "+1 650 CALL NOW",
        "555-01x2",
        "1+650",
        "++1 650",
        "+",
        "123",
        "12 3",
        "☎ 12345",
    ] {
        let mut address = sample("US");
        address.phone = Some(bad.into());
        assert_eq!(
            validate(&address),
            only(AddressField::Phone, Problem::Invalid),
            "{bad}"
        );
    }
    let mut address = sample("US");
    address.phone = Some("1".repeat(31));
    assert_eq!(
        validate(&address),
        only(AddressField::Phone, Problem::TooLong { max: 30 })
    );
}

proptest! {
    #[test]
    fn validation_never_panics_and_reports_each_field_once(
        country in any_country(),
        texts in proptest::collection::vec(any_text(), 9),
        present in proptest::collection::vec(any::<bool>(), 9),
    ) {
        let mut address = sample("ZZ");
        address.country = country;
        for (i, field) in AddressField::ALL.into_iter().enumerate() {
            set(&mut address, field, present[i].then_some(texts[i].as_str()));
        }
        if let Err(errors) = validate(&address) {
            prop_assert!(!errors.is_empty());
            let order: Vec<usize> = errors
                .iter()
                .map(|e| AddressField::ALL.iter().position(|f| f.name() == e.field).unwrap())
                .collect();
            prop_assert!(order.windows(2).all(|w| w[0] < w[1]), "{:?}", errors);
        }
    }
}
