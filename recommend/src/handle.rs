//! Product handles as file names: each product's lists are published as `<handle>.json`, so a
//! handle must be safe as one path segment on every file system and host.

use crate::RecommendError;

/// Longest handle accepted (file names are limited to 255 bytes on common file systems).
pub const MAX_HANDLE_LEN: usize = 200;

/// Checks that `handle` is usable as a file name as it is: lowercase ASCII letters, digits,
/// `-`, `_` and `.`, not empty, no `..`, not starting with a dot. Lowercase only, so two
/// handles never collide on a case-insensitive file system.
///
/// ```
/// use dhow_recommend::handle::check_handle;
///
/// assert!(check_handle("harbour-rain-jacket").is_ok());
/// assert!(check_handle("../etc/passwd").is_err());
/// assert!(check_handle("Jacket").is_err());
/// ```
pub fn check_handle(handle: &str) -> Result<(), RecommendError> {
    let refuse = |reason| {
        Err(RecommendError::UnsafeHandle {
            handle: handle.to_owned(),
            reason,
        })
    };
    if handle.is_empty() {
        return refuse("empty");
    }
    if handle.len() > MAX_HANDLE_LEN {
        return refuse("longer than 200 bytes");
    }
    if !handle
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.'))
    {
        return refuse("only a-z, 0-9, '-', '_' and '.' are allowed");
    }
    if handle.contains("..") {
        return refuse("contains '..'");
    }
    if handle.starts_with('.') {
        return refuse("starts with '.'");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_handles_are_refused() {
        for bad in [
            "", "a/b", "..", "a..b", ".hidden", "Caps", "sp ace", "é", "a\\b", "a\0b",
        ] {
            assert!(check_handle(bad).is_err(), "{bad:?} accepted");
        }
        for good in ["a", "tide-beanie", "x_1.v2", "0"] {
            assert!(check_handle(good).is_ok(), "{good:?} refused");
        }
        assert!(check_handle(&"a".repeat(201)).is_err());
    }
}
