//! Plural categories for the prerender, from CLDR's rules as ICU4X carries them (the browser's
//! `Intl.PluralRules` has them from ICU). The browser test compiles this same file and compares
//! it with `Intl` in every shipped locale.

use fixed_decimal::Decimal;
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralOperands, PluralRules};

/// The cardinal plural category (`zero`, `one`, `two`, `few`, `many`, `other`) of `number` in
/// `locale` (a locale without rules of its own falls back as Intl does: `pt-BR` to `pt`, an
/// unknown one to the root rules, where every number is `other`).
pub fn plural_category(locale: &str, number: f64) -> Option<&'static str> {
    let locale: Locale = locale.parse().ok()?;
    let rules = PluralRules::try_new_cardinal((&locale).into()).ok()?;
    // Operands as the number is written (`2.50` would differ from `2.5`, but a float has no
    // trailing zeros, and neither has what Intl is given).
    let decimal: Decimal = number.to_string().parse().ok()?;
    let operands = PluralOperands::from(&decimal);
    Some(match rules.category_for(operands) {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    })
}
