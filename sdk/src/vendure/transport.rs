//! Sends one GraphQL operation to the Shop API and reads the answer: channel and session
//! headers, currency and language per request, the rotated session token, and every way a
//! request can fail mapped into [`Error`].

use std::time::Duration;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Resource, Result, Unsold};

/// The header Vendure returns a new session token in (bearer token method).
const AUTH_TOKEN_HEADER: &str = "vendure-auth-token";
/// The header naming the channel.
const CHANNEL_HEADER: &str = "vendure-token";

/// Who asks, and in which channel, currency and language.
#[derive(Clone, Copy, Debug, Default)]
pub struct RequestContext<'a> {
    /// Channel token; `None` for the default channel.
    pub channel: Option<&'a str>,
    /// Session token; `None` for requests that need no session (catalog) or start one.
    pub session: Option<&'a str>,
    /// `currencyCode` query parameter.
    pub currency: Option<&'a str>,
    /// `languageCode` query parameter.
    pub language: Option<&'a str>,
}

/// An answer: the decoded data, and the session token when Vendure started a new session.
#[derive(Debug)]
pub struct Reply<T> {
    /// The `data` of the response.
    pub data: T,
    /// A session token Vendure issued with this answer.
    pub new_session: Option<String>,
}

/// The HTTP side of the adapter: one reqwest client, the Shop API's URL and the time-out.
#[derive(Clone, Debug)]
pub struct Transport {
    client: reqwest::Client,
    url: String,
    timeout: Duration,
}

impl Transport {
    /// A transport to the Shop API at `url`.
    pub fn new(url: &str) -> Transport {
        Transport {
            client: reqwest::Client::new(),
            url: url.trim().to_owned(),
            timeout: crate::http::REQUEST_TIMEOUT,
        }
    }

    /// The same transport giving each request `timeout` to answer.
    pub fn with_timeout(mut self, timeout: Duration) -> Transport {
        self.timeout = timeout;
        self
    }

    /// Sends `operation` (a cynic operation: query text and variables) and decodes its data.
    pub async fn send<T, V>(
        &self,
        name: &str,
        operation: &cynic::Operation<T, V>,
        ctx: RequestContext<'_>,
    ) -> Result<Reply<T>>
    where
        T: DeserializeOwned,
        V: serde::Serialize,
    {
        let mut params: Vec<(&str, &str)> = Vec::new();
        if let Some(currency) = ctx.currency {
            params.push(("currencyCode", currency));
        }
        if let Some(language) = ctx.language {
            params.push(("languageCode", language));
        }
        // Serialized here rather than with reqwest's `json` feature: one dependency feature less.
        let body = serde_json::to_vec(operation).map_err(|e| Error::Decode {
            message: format!("the request could not be written: {e}"),
        })?;
        let mut request = self
            .client
            .post(&self.url)
            .query(&params)
            .header("content-type", "application/json")
            .body(body);
        if let Some(channel) = ctx.channel {
            request = request.header(CHANNEL_HEADER, channel);
        }
        if let Some(session) = ctx.session {
            request = request.bearer_auth(session);
        }
        // In the browser reqwest aborts the fetch.
        request = request.timeout(self.timeout);
        let response = request.send().await.map_err(transport_error)?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok());
        if let Some(error) = too_many(status.as_u16(), retry_after) {
            return Err(error);
        }
        let new_session = response
            .headers()
            .get(AUTH_TOKEN_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
            .filter(|t| !t.is_empty() && Some(t.as_str()) != ctx.session);
        let body = response.bytes().await.map_err(transport_error)?;
        // An answer that does not decode says which operation it answered.
        let data = decode::<T>(&body, status.as_u16(), ctx).map_err(|error| match error {
            Error::Decode { message } => Error::Decode {
                message: format!("{name}: {message}"),
            },
            other => other,
        })?;
        Ok(Reply { data, new_session })
    }
}

use crate::http::transport_error;

/// A rate limit's answer (HTTP 429, from the server or a proxy in front of it, often on
/// sign-in attempts): [`Error::TooManyAttempts`], with the seconds to wait when `Retry-After`
/// gives them (a date there is not read).
pub fn too_many(status: u16, retry_after: Option<&str>) -> Option<Error> {
    (status == 429).then(|| Error::TooManyAttempts {
        retry_after: retry_after.and_then(|s| s.trim().parse::<u32>().ok()),
    })
}

#[derive(Deserialize)]
struct RawResponse {
    #[serde(default)]
    data: Option<Box<serde_json::value::RawValue>>,
    #[serde(default)]
    errors: Option<Vec<GraphQlError>>,
}

#[derive(Deserialize)]
struct GraphQlError {
    #[serde(default)]
    message: serde_json::Value,
    #[serde(default)]
    extensions: Option<Extensions>,
}

#[derive(Deserialize)]
struct Extensions {
    #[serde(default)]
    code: Option<serde_json::Value>,
}

/// Reads a response body: GraphQL `errors` win over partial data (Vendure answers `null` data
/// beside them), a non-success status without a GraphQL body is the backend's error, and data
/// that does not fit the operation's shape is [`Error::Decode`].
pub fn decode<T: DeserializeOwned>(body: &[u8], status: u16, ctx: RequestContext<'_>) -> Result<T> {
    let raw: RawResponse = match serde_json::from_slice(body) {
        Ok(raw) => raw,
        Err(e) if (200..300).contains(&status) => {
            return Err(Error::Decode {
                message: format!("the answer is not GraphQL JSON: {e}"),
            });
        }
        Err(_) => {
            return Err(Error::Backend {
                code: status.to_string(),
                message: String::from_utf8_lossy(body).chars().take(200).collect(),
            });
        }
    };
    if let Some(first) = raw.errors.as_ref().and_then(|e| e.first()) {
        return Err(graphql_error(first, ctx));
    }
    if !(200..300).contains(&status) {
        return Err(Error::Backend {
            code: status.to_string(),
            message: "the store answered without data".to_owned(),
        });
    }
    let data = raw.data.ok_or_else(|| Error::Decode {
        message: "the answer has neither data nor errors".to_owned(),
    })?;
    serde_json::from_str(data.get()).map_err(|e| Error::Decode {
        message: e.to_string(),
    })
}

/// Vendure's GraphQL errors (thrown, not union results) by their `extensions.code`.
fn graphql_error(error: &GraphQlError, ctx: RequestContext<'_>) -> Error {
    let message = match &error.message {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let code = error
        .extensions
        .as_ref()
        .and_then(|e| e.code.as_ref())
        .and_then(|c| c.as_str())
        .unwrap_or("GRAPHQL_ERROR")
        .to_owned();
    match code.as_str() {
        "ENTITY_NOT_FOUND" => Error::NotFound {
            what: Resource::Unnamed,
            id: message,
        },
        // The one input Vendure refuses that a market decides: a currency the channel lacks.
        "USER_INPUT_ERROR" | "BAD_USER_INPUT"
            if message.contains("currency") && ctx.currency.is_some() =>
        {
            Error::NotSold {
                what: Unsold::Currency,
                code: ctx.currency.unwrap_or_default().to_owned(),
            }
        }
        "ILLEGAL_OPERATION" => Error::Conflict { message },
        _ => Error::Backend { code, message },
    }
}
