//! What the network adapters share about HTTP: one time-out policy and one mapping of transport
//! failures into [`Error`].

use std::time::Duration;

use crate::error::Error;

/// How long one request to a backend may take before it is [`Error::Timeout`], for every
/// network adapter, natively and in the browser. Neither fetch nor a native client gives up on a
/// hung server by itself, and the shopper should see "try again" rather than wait forever.
/// Completing a cart is the slowest call (about a second on a small server); twenty seconds
/// leaves room for a slow network. Each backend's `with_timeout` changes it.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);

/// A request that got no answer: a time-out is [`Error::Timeout`]; everything else (refused
/// connection, DNS, CORS in the browser, a connection cut mid-answer) is [`Error::Network`].
/// Both are retryable: writes are idempotent or reconciled by the adapters.
pub(crate) fn transport_error(error: reqwest::Error) -> Error {
    if error.is_timeout() {
        Error::Timeout
    } else {
        Error::Network {
            message: error.to_string(),
        }
    }
}
