//! Contact details a shopper gives at checkout, checked the same way by every backend adapter
//! before anything is sent.

use crate::error::Problem;

/// Longest email address accepted (RFC 5321's limit on a forward path).
pub const MAX_EMAIL: usize = 254;

/// Why an email address is refused, if it is: the checks a mail server would make of its form
/// (one `@`, a local part, a dotted domain of letters, digits and hyphens), not deliverability.
///
/// ```
/// use dhow_sdk::Problem;
/// use dhow_sdk::contact::email_problem;
///
/// assert_eq!(email_problem("ada@example.com"), None);
/// assert_eq!(email_problem("ada@example"), Some(Problem::Invalid));
/// ```
pub fn email_problem(email: &str) -> Option<Problem> {
    if email.is_empty() {
        return Some(Problem::Required);
    }
    if email.chars().count() > MAX_EMAIL {
        return Some(Problem::TooLong {
            max: MAX_EMAIL as u32,
        });
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Some(Problem::Invalid);
    };
    let local_ok = !local.is_empty()
        && local.chars().count() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"@<>()[]\\,;:\"".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2);
    (!local_ok || !domain_ok).then_some(Problem::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_the_form_of_emails() {
        for ok in [
            "a@example.com",
            "first.last+tag@sub.example.co.uk",
            "ü@bücher.de",
            "x@a-b.io",
        ] {
            assert_eq!(email_problem(ok), None, "{ok}");
        }
        assert_eq!(email_problem(""), Some(Problem::Required));
        for bad in [
            "a",
            "a@b",
            "@example.com",
            "a@@example.com",
            "a b@example.com",
            "a@example.",
            "a@.com",
            "a@ex ample.com",
            "a@-x.com",
            "a..b@x.com",
            "a@x.c",
        ] {
            assert_eq!(email_problem(bad), Some(Problem::Invalid), "{bad}");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert_eq!(email_problem(&long), Some(Problem::TooLong { max: 254 }));
    }
}
