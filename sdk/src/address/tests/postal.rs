//! Tests of postal code masks: which codes each country accepts and how it spells them.

use proptest::prelude::*;

use super::{any_country, any_text, code, sample};
use crate::address::{AddressField, countries, format_for, normalize_postal_code, validate};

fn accepts(country: &str, postal: &str) -> bool {
    let format = format_for(code(country));
    let mut address = sample(country);
    address.postal_code = Some(postal.into());
    format.shows(AddressField::PostalCode) && validate(&address).is_ok()
}

#[test]
fn postal_codes_of_every_shape_are_told_apart() {
    #[rustfmt::skip]
    let good = [
        ("US", "95014"), ("US", "22162-1010"), ("US", " 22162-1010 "),
        ("CA", "K1A 0B1"), ("CA", "k1a0b1"), ("CA", "K1A  0B1"),
        ("GB", "M1 1AE"), ("GB", "B33 8TH"), ("GB", "CR2 6XH"), ("GB", "DN55 1PT"),
        ("GB", "W1A 0AX"), ("GB", "EC1A 1BB"), ("GB", "GIR 0AA"), ("GB", "gir0aa"),
        ("GB", "BFPO 61"), ("GB", "sw1a1aa"),
        ("NL", "1234 AB"), ("NL", "1234ab"),
        ("JP", "154-0023"), ("JP", "1540023"), ("JP", "〒154-0023"), ("JP", "１５４－００２３"),
        ("JP", "154ー0023"),
        ("BR", "40301-110"), ("BR", "40301110"),
        ("IE", "A65 F4E2"), ("IE", "a65f4e2"), ("IE", "D6W 1234"), ("IE", "D02 X285"),
        ("PL", "00-950"), ("PT", "1250-096"), ("SE", "11455"), ("SE", "114 55"),
        ("CZ", "110 00"), ("AR", "C1070AAM"), ("AR", "1070"), ("IN", "110 001"),
        ("TW", "106"), ("TW", "10603"), ("TW", "106409"), ("MT", "BZN 1130"), ("MT", "NXR01"),
        ("LV", "LV-1073"), ("LV", "lv1073"), ("LV", "1073"), ("OM", "PC 133"), ("SA", "11564-2345"),
        ("IL", "96143"), ("FR", "75 008"), ("KR", "03051"),
    ];
    for (country, postal) in good {
        assert!(
            accepts(country, postal),
            "{country} should accept {postal:?}"
        );
    }
    #[rustfmt::skip]
    let bad = [
        ("US", "9501"), ("US", "950145"), ("US", "95014 1010"), ("US", "95014-"), ("US", "ABCDE"),
        ("CA", "K1A 0B"), ("CA", "1KA 0B1"), ("CA", "K1A-0B1"),
        ("GB", "SW1A"), ("GB", "SW1A 1A"), ("GB", "1SW 1AA"), ("GB", "GIR 0AB"), ("GB", "BFPO"),
        ("NL", "1234 A1"), ("NL", "123 AB"),
        ("JP", "154-002"), ("JP", "154 0023"), ("JP", "15400230"),
        ("BR", "4030-1110"), ("IE", "A6 F4E2"), ("IE", "AA5 F4E2"), ("IE", "D6X 1234"),
        ("PL", "0-0950"), ("SE", "11-455"), ("DE", "1234"), ("DE", "123456"), ("DE", "１２３４"),
        ("KR", "110-110"), ("MT", "BZ 113"), ("IS", "1010"), ("FR", "7 5008"),
    ];
    for (country, postal) in bad {
        assert!(
            !accepts(country, postal),
            "{country} should refuse {postal:?}"
        );
    }
}

#[test]
fn postal_codes_normalize_to_the_country_spelling() {
    let cases = [
        ("GB", "sw1a1aa", "SW1A 1AA"),
        ("GB", " ec1a   1bb ", "EC1A 1BB"),
        ("GB", "m11ae", "M1 1AE"),
        ("GB", "gir0aa", "GIR 0AA"),
        ("GB", "bfpo61", "BFPO 61"),
        ("JP", "1000001", "100-0001"),
        ("JP", "〒１００－０００１", "100-0001"),
        ("CA", "k1a0b1", "K1A 0B1"),
        ("NL", "1234ab", "1234 AB"),
        ("BR", "40301110", "40301-110"),
        ("US", "22162-1010", "22162-1010"),
        ("US", "95014", "95014"),
        ("SE", "11455", "114 55"),
        ("IN", "110 001", "110001"),
        ("FR", "75 008", "75008"),
        ("IE", "a65f4e2", "A65 F4E2"),
        ("LV", "lv1073", "LV-1073"),
        ("LV", "1073", "1073"),
        ("OM", "pc133", "PC 133"),
        ("MT", "vlt1117", "VLT 1117"),
        ("PL", "00950", "00-950"),
        // Not a valid code: cleaned only.
        ("US", " 9501 4 ", "9501 4"),
        ("DE", "abc\u{3000}\u{3000}def", "ABC DEF"),
    ];
    for (country, input, expected) in cases {
        let format = format_for(code(country));
        assert_eq!(
            normalize_postal_code(&format, input),
            expected,
            "{country}: {input:?}"
        );
    }
    // Unchecked and absent postal codes are cleaned only.
    assert_eq!(
        normalize_postal_code(&format_for(code("ZZ")), " ab  12 "),
        "AB 12"
    );
    assert_eq!(
        normalize_postal_code(&format_for(code("HK")), "999077"),
        "999077"
    );
}

proptest! {
    #[test]
    fn normalizing_never_panics_and_is_stable(country in any_country(), input in any_text()) {
        let format = format_for(country);
        let once = normalize_postal_code(&format, &input);
        prop_assert_eq!(normalize_postal_code(&format, &once), once.clone());
    }

    #[test]
    fn a_valid_postal_code_stays_valid_once_normalized(
        country in proptest::sample::select(countries().collect::<Vec<_>>()),
        input in "[ 0-9A-Za-z\\-]{1,10}",
    ) {
        let mut address = sample(country.as_str());
        address.postal_code = Some(input.clone());
        if validate(&address).is_ok() {
            let format = format_for(country);
            address.postal_code = Some(normalize_postal_code(&format, &input));
            prop_assert_eq!(validate(&address), Ok(()));
        }
    }
}
