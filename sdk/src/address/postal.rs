//! Postal codes against a country's masks: cleaning what the shopper typed, matching it, and
//! writing it in the country's spelling. The mask language is described in the documentation of
//! `address`; masks replace regular expressions, whose engine would weigh more in the wasm bundle
//! than the whole address module.

use super::AddressFormat;

/// Writes a postal code the way `format`'s country does: cleaned (see the [module
/// documentation](super)) and, when it fits one of the country's masks, spelled like the first
/// mask it fits once separators are ignored. A code that fits no mask comes back cleaned only.
///
/// ```
/// use dhow_sdk::address::{format_for, normalize_postal_code, CountryCode};
///
/// let gb = format_for(CountryCode::parse("GB").unwrap());
/// assert_eq!(normalize_postal_code(&gb, " sw1a1aa "), "SW1A 1AA");
/// let jp = format_for(CountryCode::parse("JP").unwrap());
/// assert_eq!(normalize_postal_code(&jp, "1000001"), "100-0001");
/// ```
pub fn normalize_postal_code(format: &AddressFormat, input: &str) -> String {
    let cleaned = clean_postal_code(input);
    if !matches_a_mask(format, &cleaned) {
        return cleaned;
    }
    let compact: Vec<char> = cleaned.chars().filter(|&c| !is_separator(c)).collect();
    format
        .postal_patterns
        .iter()
        .find_map(|mask| render_mask(mask, &compact))
        .unwrap_or(cleaned)
}

/// Whether the postal code `input`, as typed, fits one of `format`'s masks once cleaned.
pub(super) fn fits_a_mask(format: &AddressFormat, input: &str) -> bool {
    matches_a_mask(format, &clean_postal_code(input))
}

/// Whether the already cleaned postal code `cleaned` fits one of `format`'s masks.
fn matches_a_mask(format: &AddressFormat, cleaned: &str) -> bool {
    format
        .postal_patterns
        .iter()
        .any(|mask| mask_matches(mask, cleaned))
}

/// Full-width ASCII forms and the ideographic space, as typed with CJK input methods, to ASCII.
pub(super) fn fold_width(c: char) -> char {
    match u32::from(c) {
        code @ 0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// Hyphens, dashes, the minus sign and the Japanese long-vowel mark often typed for a hyphen.
pub(super) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF0D}'
    )
}

/// Separators a mask lets the shopper leave out.
fn is_separator(c: char) -> bool {
    c == ' ' || c == '-'
}

/// A postal code as it is compared: see the [module documentation](super).
fn clean_postal_code(input: &str) -> String {
    let mut out = String::with_capacity(input.len().min(32));
    let mut space_pending = false;
    for c in input.chars().map(fold_width) {
        if c.is_whitespace() {
            space_pending = !out.is_empty();
        } else if c != '〒' {
            if space_pending {
                out.push(' ');
                space_pending = false;
            }
            out.push(if is_dash(c) { '-' } else { c });
        }
    }
    // Spaces and dashes have no case: upper-casing the whole is upper-casing each letter.
    crate::text::uppercase(&out)
}

/// One element of a mask.
// This and the two mask functions below are `pub(super)` for the country table's tests, which
// check that every mask parses and that every example fits its masks.
#[derive(Clone, Copy)]
pub(super) enum MaskItem {
    /// A character class (`9`, `A`, `?`) or a literal that must be typed.
    Char { class: char, literal: bool },
    /// A separator (space or `-`) the shopper may leave out.
    Separator(char),
}

/// The elements of `mask`; a trailing lone `\` matches nothing.
pub(super) fn mask_items(mask: &str) -> impl Iterator<Item = Option<MaskItem>> + '_ {
    let mut chars = mask.chars();
    std::iter::from_fn(move || {
        let c = chars.next()?;
        Some(match c {
            '\\' => chars.next().map(|class| MaskItem::Char {
                class,
                literal: true,
            }),
            c if is_separator(c) => Some(MaskItem::Separator(c)),
            class => Some(MaskItem::Char {
                class,
                literal: false,
            }),
        })
    })
}

/// Whether the character `c` fits the mask character `class`.
fn fits(class: char, literal: bool, c: char) -> bool {
    match (class, literal) {
        ('9', false) => c.is_ascii_digit(),
        ('A', false) => c.is_ascii_uppercase(),
        ('?', false) => c.is_ascii_digit() || c.is_ascii_uppercase(),
        _ => c == class,
    }
}

/// Whether the cleaned postal code `value` fits `mask`.
pub(super) fn mask_matches(mask: &str, value: &str) -> bool {
    let mut value = value.chars().peekable();
    for item in mask_items(mask) {
        match item {
            None => return false,
            Some(MaskItem::Separator(sep)) => {
                value.next_if_eq(&sep);
            }
            Some(MaskItem::Char { class, literal }) => match value.next() {
                Some(c) if fits(class, literal, c) => {}
                _ => return false,
            },
        }
    }
    value.next().is_none()
}

/// `compact` (a postal code without separators) written through `mask`, separators included;
/// `None` when it does not fit.
fn render_mask(mask: &str, compact: &[char]) -> Option<String> {
    let mut rest = compact.iter();
    let mut out = String::with_capacity(mask.len());
    for item in mask_items(mask) {
        match item? {
            MaskItem::Separator(sep) => out.push(sep),
            MaskItem::Char { class, literal } => {
                let &c = rest.next()?;
                if !fits(class, literal, c) {
                    return None;
                }
                out.push(c);
            }
        }
    }
    rest.next().is_none().then_some(out)
}
