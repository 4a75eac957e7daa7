//! Checking an address against its country's form: [`validate`] and the checks of each field,
//! in the order the documentation of `address` gives.

use super::postal::{fits_a_mask, fold_width, is_dash};
use super::{Address, AddressField, AddressFormat, format_for};
use crate::error::{FieldError, Problem};

/// Checks `address` against its country's form and reports every refused field at once (see the
/// [module documentation](super) for the rules). Never panics, whatever the input.
///
/// ```
/// use dhow_sdk::address::{validate, Address, CountryCode};
///
/// let address = Address {
///     first_name: "Jane".into(),
///     last_name: "Doe".into(),
///     company: None,
///     line1: "".into(),
///     line2: None,
///     city: "Mountain View".into(),
///     region: Some("Narnia".into()),
///     postal_code: Some("9404".into()),
///     country: CountryCode::parse("US").unwrap(),
///     phone: None,
/// };
/// let errors = validate(&address).unwrap_err();
/// let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
/// assert_eq!(fields, ["line1", "region", "postal_code"]);
/// ```
pub fn validate(address: &Address) -> Result<(), Vec<FieldError>> {
    let format = format_for(address.country);
    let errors: Vec<FieldError> = AddressField::ALL
        .iter()
        .filter_map(|&field| {
            check_field(&format, field, field.value(address))
                .map(|problem| FieldError::new(field.name(), problem))
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The one problem of `field`, if any (checks in the order the [module documentation](super)
/// gives).
fn check_field(
    format: &AddressFormat,
    field: AddressField,
    value: Option<&str>,
) -> Option<Problem> {
    let value = value.map(str::trim).unwrap_or_default();
    if value.is_empty() {
        return format.is_required(field).then_some(Problem::Required);
    }
    let max = field.max_chars();
    if value.chars().nth(max as usize).is_some() {
        return Some(Problem::TooLong { max });
    }
    if value.chars().any(is_unprintable) {
        return Some(Problem::Invalid);
    }
    match field {
        AddressField::PostalCode
            if format.shows(field)
                && !format.postal_patterns.is_empty()
                && !fits_a_mask(format, value) =>
        {
            Some(Problem::PostalCode {
                example: format.postal_example.unwrap_or_default().to_owned(),
            })
        }
        AddressField::Region
            if format.shows(field)
                && !format.regions.is_empty()
                && format.find_region(value).is_none() =>
        {
            Some(Problem::UnknownRegion)
        }
        AddressField::Phone if !is_phone_number(value) => Some(Problem::Invalid),
        _ => None,
    }
}

/// Characters no address label can carry: controls and line breaks, bidirectional embeddings
/// and overrides, invisible joiners that are not part of a script, pictographs (emoji),
/// private-use, replacement and non-characters.
fn is_unprintable(c: char) -> bool {
    let code = u32::from(c);
    c.is_control()
        || matches!(
            code,
            0x200B                      // zero-width space
            | 0x2028..=0x2029           // line and paragraph separators
            | 0x202A..=0x202E           // bidirectional embeddings and overrides
            | 0x2060..=0x2064           // word joiner, invisible operators
            | 0x2066..=0x2069           // bidirectional isolates
            | 0xFEFF                    // byte order mark
            | 0xFFFD                    // replacement character: text was mis-decoded
            | 0xFE0F                    // emoji presentation selector
            | 0x2600..=0x27BF           // miscellaneous symbols and dingbats
            | 0x2B00..=0x2BFF           // symbols and arrows (⭐, ⬛)
            | 0x1F000..=0x1FAFF         // emoji, playing cards, flags
            | 0xE0000..=0xE007F         // tag characters
            | 0xE000..=0xF8FF           // private use
            | 0xF0000..=0x10FFFF        // supplementary private use
            | 0xFDD0..=0xFDEF           // non-characters
        )
        || code & 0xFFFE == 0xFFFE // non-characters at the end of every plane
}

/// Whether `value` reads as a phone number: digits, an optional leading `+`, and the usual
/// punctuation and spaces; at least four digits. Full-width forms count as their ASCII twins.
pub(crate) fn is_phone_number(value: &str) -> bool {
    let mut digits = 0;
    for (i, c) in value.chars().map(fold_width).enumerate() {
        match c {
            '0'..='9' => digits += 1,
            '+' if i == 0 => {}
            '(' | ')' | '.' | '/' => {}
            c if is_dash(c) || c.is_whitespace() => {}
            _ => return false,
        }
    }
    digits >= 4
}
