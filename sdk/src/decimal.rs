//! Exact decimal numbers for exchange rates, tax rates and backend amounts given in major units.
//!
//! Written by hand rather than pulling in a decimal crate: Dhow needs parsing, multiplication and
//! rounding of short decimals only, and this is a few hundred bytes of wasm instead of tens of KB.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Largest number of fractional digits a [`Decimal`] keeps.
pub const MAX_SCALE: u32 = 18;

/// An exact decimal: `mantissa × 10^-scale`. `"1.0850"` is mantissa 10850, scale 4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

/// Why a text is not a decimal Dhow accepts.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecimalError {
    /// The text is not a plain decimal such as `19.99`, `-3`, `0.0825` (no exponent, no spaces).
    #[error("`{0}` is not a decimal number")]
    Syntax(String),
    /// More than [`MAX_SCALE`] fractional digits, or a value too large to hold exactly.
    #[error("`{0}` is out of range")]
    OutOfRange(String),
}

/// How to round a value that falls between two representable results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// Half away from zero (commercial rounding): 0.5 → 1, -0.5 → -1.
    HalfUp,
    /// Half to even (banker's rounding): 0.5 → 0, 1.5 → 2.
    HalfEven,
    /// Towards positive infinity.
    Up,
    /// Towards negative infinity.
    Down,
}

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };
    /// One.
    pub const ONE: Decimal = Decimal {
        mantissa: 1,
        scale: 0,
    };

    /// Builds `mantissa × 10^-scale`; `None` when the scale is above [`MAX_SCALE`].
    ///
    /// ```
    /// let rate = dhow_sdk::Decimal::new(10850, 4).unwrap();
    /// assert_eq!(rate.to_string(), "1.0850");
    /// ```
    pub const fn new(mantissa: i128, scale: u32) -> Option<Decimal> {
        if scale > MAX_SCALE {
            None
        } else {
            Some(Decimal { mantissa, scale })
        }
    }

    /// The integer digits without the point.
    pub const fn mantissa(self) -> i128 {
        self.mantissa
    }

    /// Number of fractional digits.
    pub const fn scale(self) -> u32 {
        self.scale
    }

    /// Whether the value is below zero.
    pub const fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// Whether the value is zero.
    pub const fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// Exact product; `None` on overflow or when the scales add up past [`MAX_SCALE`] digits
    /// that cannot be trimmed without loss.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let mantissa = self.mantissa.checked_mul(other.mantissa)?;
        Decimal::normalized(mantissa, self.scale + other.scale)
    }

    /// Exact sum; `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let a = self.mantissa.checked_mul(pow10(scale - self.scale)?)?;
        let b = other.mantissa.checked_mul(pow10(scale - other.scale)?)?;
        Decimal::new(a.checked_add(b)?, scale)
    }

    /// The value rounded to `scale` fractional digits and returned as an integer count of
    /// `10^-scale` units: `Decimal("1.998").round_to_units(2, HalfUp) == 200`.
    pub fn round_to_units(self, scale: u32, mode: RoundingMode) -> Option<i128> {
        if scale >= self.scale {
            return self.mantissa.checked_mul(pow10(scale - self.scale)?);
        }
        let divisor = pow10(self.scale - scale)?;
        Some(div_round(self.mantissa, divisor, mode))
    }

    /// Parses text as written by people and backends: `19.99`, `-0.5`, `1234`, `+3.10`.
    pub fn parse(text: &str) -> Result<Decimal, DecimalError> {
        let syntax = || DecimalError::Syntax(text.to_owned());
        let (negative, digits) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        let (int_part, frac_part) = match digits.split_once('.') {
            Some((i, f)) => (i, f),
            None => (digits, ""),
        };
        if int_part.is_empty() && frac_part.is_empty()
            || !int_part.bytes().all(|b| b.is_ascii_digit())
            || !frac_part.bytes().all(|b| b.is_ascii_digit())
            || (digits.contains('.') && frac_part.is_empty() && int_part.is_empty())
        {
            return Err(syntax());
        }
        let trimmed = frac_part.trim_end_matches('0');
        let frac = if trimmed.len() as u32 <= MAX_SCALE {
            frac_part
        } else {
            trimmed
        };
        let scale = frac.len() as u32;
        if scale > MAX_SCALE {
            return Err(DecimalError::OutOfRange(text.to_owned()));
        }
        let mut mantissa: i128 = 0;
        for b in int_part.bytes().chain(frac.bytes()) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(b - b'0')))
                .ok_or_else(|| DecimalError::OutOfRange(text.to_owned()))?;
        }
        Ok(Decimal {
            mantissa: if negative { -mantissa } else { mantissa },
            scale,
        })
    }

    /// Parses a JSON number exactly as written, exponent included (`5.639327731092437`, `1e-7`,
    /// `-2.5E3`): how backends that send amounts as JSON numbers (Medusa) are read without a
    /// float. Digits past [`MAX_SCALE`] decimals are float noise and are rounded half to even.
    ///
    /// ```
    /// let d = dhow_sdk::Decimal::parse_json_number("3.3799999999999994").unwrap();
    /// assert_eq!(d.to_string(), "3.3799999999999994");
    /// assert_eq!(dhow_sdk::Decimal::parse_json_number("-2.5E3").unwrap().to_string(), "-2500");
    /// ```
    pub fn parse_json_number(text: &str) -> Result<Decimal, DecimalError> {
        let syntax = || DecimalError::Syntax(text.to_owned());
        let out_of_range = || DecimalError::OutOfRange(text.to_owned());
        let (number, exponent) = match text.find(['e', 'E']) {
            Some(i) => {
                let exp = &text[i + 1..];
                let digits = exp.strip_prefix(['+', '-']).unwrap_or(exp);
                if digits.is_empty()
                    || !digits.bytes().all(|b| b.is_ascii_digit())
                    || digits.len() > 4
                {
                    return Err(if digits.len() > 4 {
                        out_of_range()
                    } else {
                        syntax()
                    });
                }
                let value: i32 = digits.parse().map_err(|_| syntax())?;
                (
                    &text[..i],
                    if exp.starts_with('-') { -value } else { value },
                )
            }
            None => (text, 0),
        };
        // JSON has no leading '+', no bare '.5' and no trailing '5.'.
        if number.starts_with('+') || number.starts_with('.') || number.ends_with('.') {
            return Err(syntax());
        }
        let unsigned = number.strip_prefix('-').unwrap_or(number);
        let (int_part, frac_part) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        if int_part.is_empty()
            || !int_part.bytes().all(|b| b.is_ascii_digit())
            || !frac_part.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(syntax());
        }
        let mut mantissa: i128 = 0;
        for b in int_part.bytes().chain(frac_part.bytes()) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(b - b'0')))
                .ok_or_else(out_of_range)?;
        }
        if number.starts_with('-') {
            mantissa = -mantissa;
        }
        let scale =
            i64::try_from(frac_part.len()).map_err(|_| out_of_range())? - i64::from(exponent);
        if scale < 0 {
            let factor = u32::try_from(-scale)
                .ok()
                .and_then(pow10)
                .ok_or_else(out_of_range)?;
            return Decimal::new(mantissa.checked_mul(factor).ok_or_else(out_of_range)?, 0)
                .ok_or_else(out_of_range);
        }
        let scale = u32::try_from(scale).map_err(|_| out_of_range())?;
        if scale <= MAX_SCALE {
            return Ok(Decimal { mantissa, scale });
        }
        // Beyond what is kept: round once, half to even.
        let divisor = pow10(scale - MAX_SCALE);
        let mantissa = match divisor {
            Some(d) => div_round(mantissa, d, RoundingMode::HalfEven),
            None => 0,
        };
        Ok(Decimal {
            mantissa,
            scale: MAX_SCALE,
        })
    }

    /// Serde helper reading a JSON number (or a numeric string) exactly, for
    /// `#[serde(deserialize_with = "Decimal::deserialize_json_number")]`.
    pub fn deserialize_json_number<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Decimal, D::Error> {
        let raw = Box::<serde_json::value::RawValue>::deserialize(deserializer)?;
        let text = raw.get();
        let text = text
            .strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .unwrap_or(text);
        Decimal::parse_json_number(text).map_err(serde::de::Error::custom)
    }

    fn normalized(mut mantissa: i128, mut scale: u32) -> Option<Decimal> {
        while scale > MAX_SCALE {
            if mantissa % 10 != 0 {
                return None;
            }
            mantissa /= 10;
            scale -= 1;
        }
        Some(Decimal { mantissa, scale })
    }
}

/// `10^exp` as i128, or `None` past i128's range.
pub(crate) fn pow10(exp: u32) -> Option<i128> {
    10i128.checked_pow(exp)
}

/// `numerator / divisor` rounded by `mode`; `divisor` must be positive.
pub(crate) fn div_round(numerator: i128, divisor: i128, mode: RoundingMode) -> i128 {
    debug_assert!(divisor > 0);
    let quotient = numerator.div_euclid(divisor);
    let remainder = numerator.rem_euclid(divisor); // 0 <= remainder < divisor
    if remainder == 0 {
        return quotient;
    }
    // Compared with what is left to the next unit rather than doubled, so that a divisor near
    // i128's limit (an exact fraction built from large rates) cannot overflow.
    let to_next = divisor - remainder;
    match mode {
        RoundingMode::Down => quotient,
        RoundingMode::Up => quotient + 1,
        RoundingMode::HalfUp => {
            // Half away from zero: for negative numbers an exact half goes down.
            if remainder > to_next || (remainder == to_next && numerator > 0) {
                quotient + 1
            } else {
                quotient
            }
        }
        RoundingMode::HalfEven => {
            if remainder > to_next || (remainder == to_next && quotient % 2 != 0) {
                quotient + 1
            } else {
                quotient
            }
        }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_scaled(f, self.mantissa, self.scale)
    }
}

/// Writes `value × 10^-scale` with exactly `scale` fractional digits.
pub(crate) fn write_scaled(f: &mut impl fmt::Write, value: i128, scale: u32) -> fmt::Result {
    let sign = if value < 0 { "-" } else { "" };
    let abs = value.unsigned_abs();
    if scale == 0 {
        return write!(f, "{sign}{abs}");
    }
    let unit = 10u128.pow(scale);
    write!(
        f,
        "{sign}{}.{:0width$}",
        abs / unit,
        abs % unit,
        width = scale as usize
    )
}

impl FromStr for Decimal {
    type Err = DecimalError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Decimal::parse(s)
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Decimal::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_exactly() {
        for text in [
            "19.99",
            "-0.5",
            "1234",
            "0.0825",
            "1.250",
            "0.000000000000000001",
        ] {
            assert_eq!(Decimal::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(Decimal::parse("+3.10").unwrap().to_string(), "3.10");
    }

    #[test]
    fn rejects_what_is_not_a_plain_decimal() {
        for text in [
            "", "-", ".", "1e5", "1.2.3", " 1", "1,5", "NaN", "0x10", "--1",
        ] {
            assert!(Decimal::parse(text).is_err(), "{text:?} should not parse");
        }
        assert!(matches!(
            Decimal::parse("1".repeat(60).as_str()),
            Err(DecimalError::OutOfRange(_))
        ));
    }

    #[test]
    fn rounds_by_mode() {
        let d = |s| Decimal::parse(s).unwrap();
        assert_eq!(
            d("1.998").round_to_units(2, RoundingMode::HalfUp),
            Some(200)
        );
        assert_eq!(
            d("0.125").round_to_units(2, RoundingMode::HalfEven),
            Some(12)
        );
        assert_eq!(
            d("0.135").round_to_units(2, RoundingMode::HalfEven),
            Some(14)
        );
        assert_eq!(
            d("-0.125").round_to_units(2, RoundingMode::HalfUp),
            Some(-13)
        );
        assert_eq!(d("1.001").round_to_units(2, RoundingMode::Up), Some(101));
        assert_eq!(
            d("-1.001").round_to_units(2, RoundingMode::Down),
            Some(-101)
        );
        assert_eq!(d("7").round_to_units(3, RoundingMode::HalfUp), Some(7000));
    }

    #[test]
    fn rounds_near_the_limits_of_i128() {
        let max = i128::MAX;
        assert_eq!(div_round(max - 1, max, RoundingMode::HalfUp), 1);
        assert_eq!(div_round(max / 2, max, RoundingMode::HalfUp), 0);
        assert_eq!(div_round(max / 2 + 1, max, RoundingMode::HalfEven), 1);
        assert_eq!(div_round(-(max - 1), max, RoundingMode::HalfUp), -1);
        assert_eq!(div_round(max, 2, RoundingMode::HalfUp), max / 2 + 1);
        assert_eq!(div_round(-max, 2, RoundingMode::HalfUp), -(max / 2) - 1);
    }

    #[test]
    fn reads_json_numbers_exactly() {
        let d = |s| Decimal::parse_json_number(s).unwrap().to_string();
        assert_eq!(d("5.639327731092437"), "5.639327731092437");
        assert_eq!(d("1e-7"), "0.0000001");
        assert_eq!(d("-2.5E3"), "-2500");
        assert_eq!(d("18.616"), "18.616");
        assert_eq!(d("0"), "0");
        assert_eq!(d("1.5e+2"), "150");
        // Past 18 decimals: rounded once, half to even.
        assert_eq!(d("0.0000000000000000015"), "0.000000000000000002");
        for bad in [
            "", "-", ".5", "5.", "+1", "1e", "1e+", "0x1", "1.2.3", "NaN", "1e99999",
        ] {
            assert!(
                Decimal::parse_json_number(bad).is_err(),
                "{bad:?} should not parse"
            );
        }
        assert!(matches!(
            Decimal::parse_json_number("1e300"),
            Err(DecimalError::OutOfRange(_))
        ));
    }

    #[test]
    fn multiplies_and_adds_exactly() {
        let d = |s| Decimal::parse(s).unwrap();
        assert_eq!(
            d("19.99").checked_mul(d("1.0850")).unwrap().to_string(),
            "21.689150"
        );
        assert_eq!(d("0.1").checked_add(d("0.2")).unwrap().to_string(), "0.3");
    }
}
