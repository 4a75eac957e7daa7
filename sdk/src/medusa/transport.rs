//! HTTP to a Medusa server: builds Store API requests with the publishable key, sends them with a
//! time-out, and turns transport failures and error bodies into typed failures (what a refusal
//! means is the error table's, in `errors`). Knows nothing of the commerce model.

use std::time::Duration;

use reqwest::header::{ACCEPT, CONTENT_TYPE, RETRY_AFTER};
use reqwest::{Client, Method, RequestBuilder, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::wire::ErrorBody;
use crate::error::{Error, Result};

/// An error answer from Medusa: HTTP status and its `{type, code, message}` body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub status: u16,
    /// Medusa's error type: `not_found`, `invalid_data`, `not_allowed`, `unauthorized`, …
    pub kind: String,
    /// Medusa's finer code when it gives one (`insufficient_inventory`).
    pub code: String,
    pub message: String,
    /// Seconds to wait before trying again, when the answer said (`Retry-After`).
    pub retry_after: Option<u32>,
}

/// Why a request did not produce a value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Failure {
    /// Medusa answered with an error; the caller may know better what it means.
    Api(ApiError),
    /// Anything else (network, time-out, a body that does not decode), already typed.
    Other(Error),
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        Failure::Other(error)
    }
}

/// A Store API client: base URL, publishable key, time-out, and the bearer token its requests
/// carry when they act for a customer ([`Transport::with_bearer`]).
#[derive(Clone, Debug)]
pub(crate) struct Transport {
    client: Client,
    base: Url,
    key: String,
    timeout: Duration,
    bearer: Option<Bearer>,
}

/// A bearer token (a customer's session, a password reset's): sent in the `Authorization`
/// header only, never in a URL, and never printed.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Bearer(pub String);

impl std::fmt::Debug for Bearer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Bearer(<hidden>)")
    }
}

/// Result of one request.
pub(crate) type Answer<T> = std::result::Result<T, Failure>;

impl Transport {
    /// A client for the server at `url` (`http` or `https`, no query or fragment).
    pub fn new(url: &str, key: &str) -> Result<Transport> {
        let invalid = |field: &str| Error::invalid(field, crate::error::Problem::Invalid);
        let mut base = Url::parse(url.trim()).map_err(|_| invalid("url"))?;
        if !matches!(base.scheme(), "http" | "https")
            || base.cannot_be_a_base()
            || base.query().is_some()
            || base.fragment().is_some()
        {
            return Err(invalid("url"));
        }
        // Paths are appended segment by segment; a trailing slash would add an empty one.
        let path = base.path().trim_end_matches('/').to_owned();
        base.set_path(&path);
        let key = key.trim();
        if key.is_empty() {
            return Err(Error::invalid(
                "publishable_key",
                crate::error::Problem::Required,
            ));
        }
        Ok(Transport {
            client: Client::new(),
            base,
            key: key.to_owned(),
            timeout: crate::http::REQUEST_TIMEOUT,
            bearer: None,
        })
    }

    /// The same client sending `token` as `Authorization: Bearer` with every request.
    pub fn with_bearer(&self, token: &Bearer) -> Transport {
        Transport {
            bearer: Some(token.clone()),
            ..self.clone()
        }
    }

    /// The same client with another time-out per request.
    pub fn with_timeout(mut self, timeout: Duration) -> Transport {
        self.timeout = timeout;
        self
    }

    /// `GET` the path given as segments (each one escaped), with query parameters.
    pub async fn get<T: DeserializeOwned>(
        &self,
        segments: &[&str],
        query: &[(&str, &str)],
    ) -> Answer<T> {
        self.send(self.request(Method::GET, segments)?.query(query))
            .await
    }

    /// `POST` a JSON body.
    pub async fn post<T: DeserializeOwned, B: Serialize>(
        &self,
        segments: &[&str],
        query: &[(&str, &str)],
        body: &B,
    ) -> Answer<T> {
        let body = json(body)?;
        self.send(
            self.request(Method::POST, segments)?
                .query(query)
                .header(CONTENT_TYPE, "application/json")
                .body(body),
        )
        .await
    }

    /// `POST` a JSON body to a route whose success says nothing worth reading (Medusa answers a
    /// password-reset request with `201 Created` in plain text).
    pub async fn post_ignoring_answer<B: Serialize>(
        &self,
        segments: &[&str],
        body: &B,
    ) -> Answer<()> {
        let body = json(body)?;
        self.send_text(
            self.request(Method::POST, segments)?
                .header(CONTENT_TYPE, "application/json")
                .body(body),
        )
        .await
        .map(drop)
    }

    /// `DELETE`, with a JSON body when Medusa wants one (promotion codes).
    pub async fn delete<T: DeserializeOwned, B: Serialize>(
        &self,
        segments: &[&str],
        query: &[(&str, &str)],
        body: Option<&B>,
    ) -> Answer<T> {
        let mut request = self.request(Method::DELETE, segments)?.query(query);
        if let Some(body) = body {
            request = request
                .header(CONTENT_TYPE, "application/json")
                .body(json(body)?);
        }
        self.send(request).await
    }

    fn request(&self, method: Method, segments: &[&str]) -> Answer<RequestBuilder> {
        let mut url = self.base.clone();
        url.path_segments_mut()
            .map_err(|()| Failure::Other(Error::invalid("url", crate::error::Problem::Invalid)))?
            .extend(segments);
        let request = self
            .client
            .request(method, url)
            .header("x-publishable-api-key", &self.key)
            .header(ACCEPT, "application/json")
            // Per request: reqwest implements it natively and, on wasm32, with an AbortSignal.
            .timeout(self.timeout);
        Ok(match &self.bearer {
            // reqwest marks the header sensitive: it is left out of its debug output.
            Some(Bearer(token)) => request.bearer_auth(token),
            None => request,
        })
    }

    async fn send<T: DeserializeOwned>(&self, request: RequestBuilder) -> Answer<T> {
        let text = self.send_text(request).await?;
        decode(&text).map_err(Failure::Other)
    }

    /// The body of a successful answer, or the refusal.
    async fn send_text(&self, request: RequestBuilder) -> Answer<String> {
        let response = request.send().await.map_err(transport_error)?;
        let status = response.status().as_u16();
        // Only the seconds form: an HTTP date would need a clock the browser build keeps small.
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u32>().ok());
        let text = response.text().await.map_err(transport_error)?;
        if (200..300).contains(&status) {
            Ok(text)
        } else {
            let mut refused = api_error(status, &text);
            refused.retry_after = retry_after;
            Err(Failure::Api(refused))
        }
    }
}

/// Reads a successful answer's body.
pub(crate) fn decode<T: DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| Error::Decode {
        message: format!("Medusa answer: {e}"),
    })
}

/// An error answer: its body when it is Medusa's `{type, message}`, the start of the text
/// otherwise (a proxy's HTML page).
pub(crate) fn api_error(status: u16, text: &str) -> ApiError {
    let body: ErrorBody = serde_json::from_str(text).unwrap_or_default();
    ApiError {
        status,
        kind: body.kind.unwrap_or_default(),
        code: body.code.unwrap_or_default(),
        message: body
            .message
            .unwrap_or_else(|| text.chars().take(200).collect()),
        retry_after: None,
    }
}

fn json<B: Serialize>(body: &B) -> Answer<String> {
    serde_json::to_string(body).map_err(|e| {
        Failure::Other(Error::Decode {
            message: format!("request body: {e}"),
        })
    })
}

/// A request that got no answer, as every network adapter maps it.
fn transport_error(error: reqwest::Error) -> Failure {
    Failure::Other(crate::http::transport_error(error))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::io::{Read, Write};
    use std::net::TcpListener;
    use std::sync::mpsc;

    use super::*;

    /// A server on a free port that answers one request with `response` (or holds the
    /// connection open without answering when `None`, until the test ends).
    fn one_shot(response: Option<String>) -> (String, mpsc::Sender<()>) {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let (done, finished) = mpsc::channel::<()>();
        std::thread::spawn(move || {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            match response {
                Some(r) => {
                    let _ = stream.write_all(r.as_bytes());
                }
                // Hold the socket until the test says it is done.
                None => {
                    let _ = finished.recv();
                }
            }
        });
        (url, done)
    }

    /// An HTTP/1.1 answer with a correct length.
    fn http(status: &str, content_type: &str, body: &str) -> Option<String> {
        Some(format!(
            "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\n\
             connection: close\r\n\r\n{body}",
            body.len()
        ))
    }

    #[test]
    fn urls_are_checked() {
        assert!(Transport::new("http://127.0.0.1:9000/", "pk_1").is_ok());
        assert!(Transport::new("https://shop.example/api", "pk_1").is_ok());
        // Hosts are ASCII: an internationalized one is written in its Punycode form (the build
        // carries no Unicode tables for IDNA; see `MedusaConfig::url`).
        assert!(Transport::new("https://xn--bcher-kva.example/api", "pk_1").is_ok());
        for bad in [
            "https://bücher.example/api",
            "",
            "127.0.0.1:9000",
            "ftp://x",
            "http://x/?a=1",
            "mailto:a@b",
        ] {
            assert!(
                matches!(Transport::new(bad, "pk_1"), Err(Error::InvalidInput { .. })),
                "{bad}"
            );
        }
        assert!(matches!(
            Transport::new("http://x", " "),
            Err(Error::InvalidInput { .. })
        ));
    }

    #[tokio::test]
    async fn a_refused_connection_is_a_network_error() {
        // Bind then drop: the port is free and nothing listens on it.
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("port")
            .port();
        let t = Transport::new(&format!("http://127.0.0.1:{port}"), "pk").expect("url");
        let got: Answer<serde_json::Value> = t.get(&["store", "regions"], &[]).await;
        assert!(
            matches!(got, Err(Failure::Other(Error::Network { .. }))),
            "{got:?}"
        );
    }

    #[tokio::test]
    async fn a_silent_server_times_out() {
        let (url, done) = one_shot(None);
        let t = Transport::new(&url, "pk")
            .expect("url")
            .with_timeout(Duration::from_millis(300));
        let got: Answer<serde_json::Value> = t.get(&["store", "regions"], &[]).await;
        let _ = done.send(());
        assert_eq!(got, Err(Failure::Other(Error::Timeout)));
        assert!(Error::from(got.unwrap_err()).is_retryable());
    }

    #[tokio::test]
    async fn a_server_error_keeps_its_code() {
        let (url, _done) = one_shot(http(
            "500 Internal Server Error",
            "application/json",
            r#"{"type":"unknown_error","message":"An error occurred"}"#,
        ));
        let t = Transport::new(&url, "pk").expect("url");
        let got: Answer<serde_json::Value> = t.get(&["store", "regions"], &[]).await;
        match got.map_err(Error::from) {
            Err(Error::Backend { code, message }) => {
                assert_eq!(code, "unknown_error");
                assert!(message.contains("500"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[tokio::test]
    async fn a_proxy_page_is_a_backend_error_with_the_status() {
        let (url, _done) = one_shot(http(
            "502 Bad Gateway",
            "text/html",
            "<html>upstream</html>",
        ));
        let t = Transport::new(&url, "pk").expect("url");
        let got: Answer<serde_json::Value> = t.get(&["store", "regions"], &[]).await;
        assert!(
            matches!(got.map_err(Error::from), Err(Error::Backend { ref code, .. }) if code == "502")
        );
    }

    #[tokio::test]
    async fn a_broken_body_is_a_decode_error() {
        let (url, _done) = one_shot(http("200 OK", "application/json", r#"{"regions"#));
        let t = Transport::new(&url, "pk").expect("url");
        let got: Answer<serde_json::Value> = t.get(&["store", "regions"], &[]).await;
        assert!(
            matches!(got, Err(Failure::Other(Error::Decode { .. }))),
            "{got:?}"
        );
    }

    #[test]
    fn medusa_error_bodies_map_to_sdk_errors() {
        let map = |status, body| api_error(status, body).into_error();
        assert!(matches!(
            map(
                400,
                include_str!("../../tests/fixtures/medusa/error_out_of_stock.json")
            ),
            Error::OutOfStock { .. }
        ));
        assert!(matches!(
            map(
                404,
                r#"{"type":"not_found","message":"Cart with id 'x' not found"}"#
            ),
            Error::NotFound { .. }
        ));
        assert!(matches!(
            map(
                400,
                r#"{"type":"not_allowed","message":"Cart is already completed"}"#
            ),
            Error::Conflict { .. }
        ));
        assert!(matches!(
            map(401, r#"{"type":"unauthorized","message":"A valid publishable key is required"}"#),
            Error::Backend { ref code, .. } if code == "unauthorized"
        ));
        assert!(matches!(
            map(
                400,
                r#"{"type":"payment_authorization_error","message":"declined"}"#
            ),
            Error::PaymentDeclined { .. }
        ));
        assert!(matches!(
            map(400, include_str!("../../tests/fixtures/medusa/error_unknown_promotion.json")),
            Error::Backend { ref code, .. } if code == "invalid_data"
        ));
        assert!(matches!(map(500, "not json"), Error::Backend { ref code, .. } if code == "500"));
    }
}
