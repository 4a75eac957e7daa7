//! "Now" for the SDK (the local engine's promotion dates and order times, every adapter's card
//! expiry check) and unique ids.
//!
//! Calendar arithmetic by hand rather than a date crate: the engine needs only UTC dates and
//! RFC 3339 timestamps, which the days-from-civil algorithm gives in a few lines.

use crate::error::{Error, FieldError, Problem, Result};

/// Latest instant the clock represents: 9999-12-31T23:59:59Z, so dates always have four digits.
const MAX_UNIX_SECONDS: i64 = 253_402_300_799;

/// Where the engine reads the time from: the system clock, or a fixed instant in tests so that
/// promotion dates and card expiries give the same answer every run.
///
/// ```
/// use dhow_sdk::local::Clock;
///
/// let clock = Clock::fixed_at("2026-11-25T09:30:00Z").unwrap();
/// assert_eq!(clock.unix_seconds(), 1_795_599_000);
/// assert_eq!(Clock::fixed_at("2026-11-25").unwrap().unix_seconds(), 1_795_564_800);
/// assert!(Clock::fixed_at("25/11/2026").is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    fixed: Option<i64>,
}

impl Clock {
    /// The system clock (`Date.now()` in the browser).
    pub fn system() -> Clock {
        Clock { fixed: None }
    }

    /// A clock stopped at `unix_seconds` (UTC), clamped to years 1970–9999.
    pub fn fixed(unix_seconds: i64) -> Clock {
        Clock {
            fixed: Some(unix_seconds.clamp(0, MAX_UNIX_SECONDS)),
        }
    }

    /// A clock stopped at a UTC time written `YYYY-MM-DDTHH:MM:SSZ`, or at midnight of a day
    /// written `YYYY-MM-DD`. Other text is [`Error::InvalidInput`] on field `clock`.
    pub fn fixed_at(text: &str) -> Result<Clock> {
        parse_utc(text)
            .map(Clock::fixed)
            .ok_or_else(|| Error::InvalidInput {
                fields: vec![FieldError::new("clock", Problem::Invalid)],
            })
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix_seconds(&self) -> i64 {
        match self.fixed {
            Some(seconds) => seconds,
            None => system_unix_seconds().clamp(0, MAX_UNIX_SECONDS),
        }
    }

    /// The current UTC time broken into calendar fields.
    pub(crate) fn now(&self) -> UtcTime {
        UtcTime::from_unix(self.unix_seconds())
    }
}

#[cfg(target_arch = "wasm32")]
fn system_unix_seconds() -> i64 {
    // `std::time::SystemTime` panics on wasm32-unknown-unknown; the browser's clock does not.
    (js_sys::Date::now() / 1000.0) as i64
}

#[cfg(not(target_arch = "wasm32"))]
fn system_unix_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(MAX_UNIX_SECONDS))
        .unwrap_or(0)
}

/// A UTC instant as calendar fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct UtcTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    seconds_of_day: i64,
}

impl UtcTime {
    fn from_unix(seconds: i64) -> UtcTime {
        let days = seconds.div_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        UtcTime {
            year,
            month,
            day,
            seconds_of_day: seconds.rem_euclid(86_400),
        }
    }

    /// `YYYY-MM-DD`: compared as text with promotion dates written the same way.
    pub fn date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// RFC 3339 in UTC: `2026-11-25T09:30:00Z`.
    pub fn rfc3339(&self) -> String {
        let s = self.seconds_of_day;
        format!(
            "{}T{:02}:{:02}:{:02}Z",
            self.date(),
            s / 3600,
            s / 60 % 60,
            s % 60
        )
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    // Both are small and positive by construction.
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Reads `YYYY-MM-DD` into (year, month, day), checking the day exists.
pub(crate) fn parse_date(text: &str) -> Option<(i64, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: i64 = digits(&text[0..4])?.into();
    let month = digits(&text[5..7])?;
    let day = digits(&text[8..10])?;
    if !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    // The day exists when it survives a round trip through the day count.
    (civil_from_days(days_from_civil(year, month, day)) == (year, month, day))
        .then_some((year, month, day))
}

pub(crate) fn parse_utc(text: &str) -> Option<i64> {
    let (date, time) = match text.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let (year, month, day) = parse_date(date)?;
    let mut seconds = days_from_civil(year, month, day) * 86_400;
    if let Some(time) = time {
        let time = time.strip_suffix('Z')?;
        let b = time.as_bytes();
        if b.len() != 8 || b[2] != b':' || b[5] != b':' {
            return None;
        }
        let (h, m, s) = (
            digits(&time[0..2])?,
            digits(&time[3..5])?,
            digits(&time[6..8])?,
        );
        if h > 23 || m > 59 || s > 59 {
            return None;
        }
        seconds += i64::from(h * 3600 + m * 60 + s);
    }
    (0..=MAX_UNIX_SECONDS).contains(&seconds).then_some(seconds)
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A token unique across tabs and calls, for cart ids: the time plus randomness in the browser
/// (tabs share storage but not memory), the time plus a process-wide counter natively.
#[cfg(feature = "local")]
pub(crate) fn unique_token(clock: &Clock) -> String {
    format!("{:x}{}", clock.unix_seconds(), crate::storage::entropy())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_utc_times() {
        let t = Clock::fixed_at("2024-02-29T23:59:07Z").unwrap().now();
        assert_eq!(t.date(), "2024-02-29");
        assert_eq!(t.rfc3339(), "2024-02-29T23:59:07Z");
        assert_eq!(Clock::fixed(0).now().rfc3339(), "1970-01-01T00:00:00Z");
        assert_eq!(
            Clock::fixed(i64::MAX).now().rfc3339(),
            "9999-12-31T23:59:59Z"
        );
        assert_eq!(Clock::fixed(-5).now().date(), "1970-01-01");
    }

    #[test]
    fn day_counts_round_trip() {
        for days in (-1_000_000..1_000_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn refuses_dates_that_do_not_exist() {
        assert!(parse_date("2023-02-29").is_none());
        assert!(parse_date("2024-02-29").is_some());
        for text in [
            "2024-13-01",
            "2024-00-10",
            "2024-1-01",
            "20240101",
            "2024-01-32",
            "abcd-ef-gh",
        ] {
            assert!(parse_date(text).is_none(), "{text}");
        }
        for text in [
            "2024-01-01T24:00:00Z",
            "2024-01-01T10:00:00",
            "2024-01-01T10:00Z",
            "",
        ] {
            assert!(Clock::fixed_at(text).is_err(), "{text}");
        }
    }

    #[test]
    #[cfg(feature = "local")]
    fn tokens_differ() {
        let clock = Clock::fixed(0);
        assert_ne!(unique_token(&clock), unique_token(&clock));
    }

    #[test]
    fn system_clock_is_after_2024() {
        assert!(Clock::system().unix_seconds() > 1_700_000_000);
    }
}
