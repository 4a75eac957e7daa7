//! The offline contract run's server: a local HTTP server (wiremock) that plays a cassette — the
//! exchanges one scenario had with a real Medusa or Vendure server, saved in order — and can lose
//! an answer after the request reached it, as a dropped connection or a proxy's time-out does.
//!
//! Every request must be the next one of the cassette (method, path, query and JSON body; for
//! GraphQL the operation name, its variables and the session and channel headers); anything else
//! fails the test, saying which step expected what. An answer the scenario loses is held back
//! until well after the adapter's time-out, so the adapter sees [`Error::Timeout`] while the
//! cassette goes on as the real server did: the request was carried out.
//!
//! With `DHOW_RECORD=1` the same scenarios record their cassettes instead: each request goes
//! through to the live server (`DHOW_MEDUSA_URL`, `DHOW_VENDURE_URL`, the defaults of
//! `scripts/backends.sh`), and the exchange is saved under `tests/fixtures/<backend>/offline/`
//! when the scenario passes. Answers lost on purpose are lost in the recording too, after the
//! live server acted on them. Vendure's session tokens are saved as `token-1`, `token-2`, …
//! (the live ones are swapped in on the way through); the publishable key is never saved.
//!
//! ```text
//! scripts/backends.sh start
//! DHOW_RECORD=1 cargo test -p dhow-sdk --features medusa,vendure --test offline_medusa --test offline_vendure
//! ```
//!
//! [`Error::Timeout`]: dhow_sdk::Error::Timeout

#![allow(dead_code)] // Each including test file uses what its backend needs.

pub mod storefront;

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Respond, ResponseTemplate};

/// The header Vendure sends a session token in.
const TOKEN_HEADER: &str = "vendure-auth-token";
/// Request headers a GraphQL exchange is matched on: the session and the channel.
const GRAPHQL_HEADERS: [&str; 2] = ["authorization", "vendure-token"];
/// Request headers passed on to the live server when recording.
const FORWARDED_HEADERS: [&str; 5] = [
    "accept",
    "content-type",
    "authorization",
    "vendure-token",
    "x-publishable-api-key",
];
/// Medusa's `fields` lists are the adapter's constants: matching on them would only make every
/// cassette stale when one more field is read (the recorded answers would lack it anyway).
const IGNORED_QUERY: [&str; 1] = ["fields"];

/// Replayed answers come at once: half a second is long enough for a loaded machine and keeps
/// each lost answer cheap.
const REPLAY_TIMEOUT: Duration = Duration::from_millis(500);
/// Recording waits for the live servers (completing a Medusa cart takes about a second).
const RECORD_TIMEOUT: Duration = Duration::from_secs(10);

/// Which server a cassette was recorded from, and so how its requests are told apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Api {
    /// Medusa's Store API: REST, matched on method, path, query and body.
    Medusa,
    /// Vendure's Shop API: GraphQL on one path, matched on operation, variables and headers.
    Vendure,
}

impl Api {
    fn folder(self) -> &'static str {
        match self {
            Api::Medusa => "medusa",
            Api::Vendure => "vendure",
        }
    }

    /// Path of the API on the server (what the adapter's URL ends with).
    fn base_path(self) -> &'static str {
        match self {
            Api::Medusa => "",
            Api::Vendure => "/shop-api",
        }
    }

    /// The live server recorded from.
    fn upstream(self) -> String {
        let (var, default) = match self {
            Api::Medusa => ("DHOW_MEDUSA_URL", "http://127.0.0.1:9000"),
            Api::Vendure => ("DHOW_VENDURE_URL", "http://127.0.0.1:3000/shop-api"),
        };
        std::env::var(var).unwrap_or_else(|_| default.to_owned())
    }
}

/// A request as the cassette matches it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub method: String,
    pub path: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub query: BTreeMap<String, String>,
    /// GraphQL's `operationName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    /// The JSON body (REST), or the operation's variables (GraphQL).
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub body: Value,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
}

impl Request {
    fn read(api: Api, request: &wiremock::Request) -> Request {
        let query = request
            .url
            .query_pairs()
            .filter(|(k, _)| !IGNORED_QUERY.contains(&k.as_ref()))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let json: Value = if request.body.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&request.body).unwrap_or_else(|_| {
                Value::String(String::from_utf8_lossy(&request.body).into_owned())
            })
        };
        let mut read = Request {
            method: request.method.to_string(),
            path: request.url.path().to_owned(),
            query,
            operation: None,
            body: json.clone(),
            headers: BTreeMap::new(),
        };
        if api == Api::Vendure {
            read.operation = json
                .get("operationName")
                .and_then(Value::as_str)
                .map(str::to_owned);
            read.body = json.get("variables").cloned().unwrap_or(Value::Null);
            for name in GRAPHQL_HEADERS {
                if let Some(value) = request.headers.get(name).and_then(|v| v.to_str().ok()) {
                    read.headers.insert(name.to_owned(), value.to_owned());
                }
            }
        }
        read
    }

    /// Whether the request is what `pattern` names: a GraphQL operation (`AddPayment`), or a
    /// method and the end of a path (`POST /complete`).
    pub fn is(&self, pattern: &str) -> bool {
        match pattern.split_once(' ') {
            Some((method, path)) => self.method == method && self.path.ends_with(path),
            None => self.operation.as_deref() == Some(pattern),
        }
    }
}

impl fmt::Display for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.path)?;
        if let Some(operation) = &self.operation {
            write!(f, " {operation}")?;
        }
        let rest = serde_json::json!({
            "query": self.query, "body": self.body, "headers": self.headers,
        });
        write!(f, " {rest}")
    }
}

/// An answer as saved.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Response {
    status: u16,
    /// Only the headers the adapters read (Vendure's session token).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    headers: BTreeMap<String, String>,
    /// A JSON body, saved on one line: the requests are what a reader scans for; answers are
    /// large (a product list) and half their size again when indented.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "one_line"
    )]
    body: Option<Value>,
    /// A body that is not JSON (a proxy's page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

/// Writes a JSON value without indentation, inside a file that has it.
fn one_line<S: serde::Serializer>(body: &Option<Value>, serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::Error as _;
    let text = serde_json::to_string(body).map_err(S::Error::custom)?;
    serde_json::value::RawValue::from_string(text)
        .map_err(S::Error::custom)?
        .serialize(serializer)
}

impl Response {
    fn template(&self) -> ResponseTemplate {
        let mut template = ResponseTemplate::new(self.status);
        for (name, value) in &self.headers {
            template = template.insert_header(name.as_str(), value.as_str());
        }
        match (&self.body, &self.text) {
            (Some(body), _) => template.set_body_raw(
                serde_json::to_vec(body).unwrap_or_default(),
                "application/json",
            ),
            (None, Some(text)) => template.set_body_raw(text.clone().into_bytes(), "text/plain"),
            (None, None) => template,
        }
    }
}

/// One request and its answer.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Exchange {
    request: Request,
    /// The server carried the request out, but its answer never reached the adapter.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    lost: bool,
    response: Response,
}

/// A cassette file.
#[derive(Debug, Serialize, Deserialize)]
struct Cassette {
    api: Api,
    scenario: String,
    /// How the file was made, for whoever opens it.
    recorded: String,
    exchanges: Vec<Exchange>,
}

enum Mode {
    Replay,
    Record { upstream: String },
}

/// What the server holds between requests.
struct Tape {
    api: Api,
    scenario: String,
    mode: Mode,
    timeout: Duration,
    /// Replay: the cassette; record: what was recorded so far.
    exchanges: Vec<Exchange>,
    /// Replay: the next exchange to play.
    next: usize,
    /// Patterns whose next request loses its answer.
    lose: Vec<String>,
    /// Every request served, in order.
    served: Vec<Request>,
    /// The bodies of the answers lost, in order.
    lost: Vec<Value>,
    /// The first unexpected request: everything after it is refused too.
    failure: Option<String>,
    /// Record: session tokens as saved (`token-N`) and as the live server issued them.
    tokens: Vec<(String, String)>,
}

impl Tape {
    fn fail(&mut self, message: String) -> ResponseTemplate {
        let message = format!("offline cassette {}: {message}", self.scenario);
        eprintln!("{message}");
        self.failure.get_or_insert(message.clone());
        ResponseTemplate::new(500).set_body_raw(message.into_bytes(), "text/plain")
    }

    /// Takes the pending "lose" that `request` answers to, if any.
    fn take_lose(&mut self, request: &Request) -> bool {
        match self.lose.iter().position(|p| request.is(p)) {
            Some(at) => {
                self.lose.remove(at);
                true
            }
            None => false,
        }
    }

    /// The answer to hold back until the adapter has given up.
    fn lost(&mut self, response: &Response) -> ResponseTemplate {
        self.lost.push(response.body.clone().unwrap_or(Value::Null));
        response
            .template()
            .set_delay(self.timeout + Duration::from_secs(1))
    }

    fn play(&mut self, request: Request) -> ResponseTemplate {
        let step = self.next + 1;
        let Some(expected) = self.exchanges.get(self.next).cloned() else {
            return self.fail(format!(
                "request {step} is past the end of the cassette: {request}"
            ));
        };
        if expected.request != request {
            return self.fail(format!(
                "request {step} differs from the cassette\n  expected: {}\n  got:      {request}",
                expected.request
            ));
        }
        let lose = self.take_lose(&request);
        if lose != expected.lost {
            return self.fail(format!(
                "request {step} ({request}): the scenario {} its answer, the cassette {}",
                if lose { "loses" } else { "does not lose" },
                if expected.lost {
                    "loses it"
                } else {
                    "does not"
                },
            ));
        }
        self.next += 1;
        self.served.push(request);
        if lose {
            self.lost(&expected.response)
        } else {
            expected.response.template()
        }
    }

    fn record(&mut self, request: Request, raw: &wiremock::Request) -> ResponseTemplate {
        let Mode::Record { upstream } = &self.mode else {
            unreachable!("recording in replay mode");
        };
        let path = raw
            .url
            .path()
            .strip_prefix(self.api.base_path())
            .unwrap_or(raw.url.path());
        let url = match raw.url.query() {
            Some(query) => format!("{}{path}?{query}", upstream.trim_end_matches('/')),
            None => format!("{}{path}", upstream.trim_end_matches('/')),
        };
        let mut headers = wiremock::http::HeaderMap::new();
        for name in FORWARDED_HEADERS {
            if let Some(value) = raw.headers.get(name) {
                headers.insert(name, value.clone());
            }
        }
        if let Some(real) = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .and_then(|saved| self.tokens.iter().find(|(s, _)| s == saved))
            .map(|(_, real)| format!("Bearer {real}"))
        {
            headers.insert(
                "authorization",
                real.parse().expect("a token is a header value"),
            );
        }
        let answer = forward(raw.method.clone(), url.clone(), headers, raw.body.clone());
        let (status, token, bytes) = match answer {
            Ok(answer) => answer,
            Err(e) => {
                return self.fail(format!(
                    "recording: {url} did not answer ({e}); is scripts/backends.sh running?"
                ));
            }
        };
        let mut response = Response {
            status,
            headers: BTreeMap::new(),
            body: serde_json::from_slice(&bytes).ok(),
            text: None,
        };
        if response.body.is_none() && !bytes.is_empty() {
            response.text = Some(String::from_utf8_lossy(&bytes).into_owned());
        }
        if let Some(real) = token {
            let saved = if real.is_empty() {
                String::new()
            } else if let Some((saved, _)) = self.tokens.iter().find(|(_, r)| *r == real) {
                saved.clone()
            } else {
                let saved = format!("token-{}", self.tokens.len() + 1);
                self.tokens.push((saved.clone(), real));
                saved
            };
            response.headers.insert(TOKEN_HEADER.to_owned(), saved);
        }
        let lose = self.take_lose(&request);
        self.served.push(request.clone());
        self.exchanges.push(Exchange {
            request,
            lost: lose,
            response: response.clone(),
        });
        // What the adapter reads is what the cassette will replay, byte for byte.
        if lose {
            self.lost(&response)
        } else {
            response.template()
        }
    }
}

/// Sends a request to the live server and waits for its answer: status, session token header,
/// body. On a thread of its own: wiremock calls responders from inside its runtime, where
/// another cannot be driven.
fn forward(
    method: wiremock::http::Method,
    url: String,
    headers: wiremock::http::HeaderMap,
    body: Vec<u8>,
) -> Result<(u16, Option<String>, Vec<u8>), String> {
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        runtime.block_on(async move {
            let response = reqwest::Client::new()
                .request(method, &url)
                .headers(headers)
                .body(body)
                .timeout(RECORD_TIMEOUT)
                .send()
                .await
                .map_err(|e| e.to_string())?;
            let status = response.status().as_u16();
            let token = response
                .headers()
                .get(TOKEN_HEADER)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            let bytes = response.bytes().await.map_err(|e| e.to_string())?;
            Ok((status, token, bytes.to_vec()))
        })
    })
    .join()
    .map_err(|_| "the forwarding thread panicked".to_owned())?
}

struct Player(Arc<Mutex<Tape>>);

impl Respond for Player {
    fn respond(&self, raw: &wiremock::Request) -> ResponseTemplate {
        let mut tape = lock(&self.0);
        if let Some(failure) = &tape.failure {
            let message = format!("stopped after an unexpected request: {failure}");
            return ResponseTemplate::new(500).set_body_raw(message.into_bytes(), "text/plain");
        }
        let request = Request::read(tape.api, raw);
        match tape.mode {
            Mode::Replay => tape.play(request),
            Mode::Record { .. } => tape.record(request, raw),
        }
    }
}

fn lock(tape: &Mutex<Tape>) -> MutexGuard<'_, Tape> {
    // A panic elsewhere must not hide the cassette's own message.
    tape.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Whether this run records cassettes from the live servers (`DHOW_RECORD=1`).
pub fn recording() -> bool {
    std::env::var("DHOW_RECORD").is_ok_and(|v| !v.is_empty() && v != "0")
}

fn cassette_path(api: Api, scenario: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(api.folder())
        .join("offline")
        .join(format!("{scenario}.json"))
}

/// A scenario's server: plays (or records) the cassette `scenario` of `api`.
pub struct Offline {
    server: MockServer,
    tape: Arc<Mutex<Tape>>,
    finished: bool,
}

impl Offline {
    /// Starts the server for `scenario`, loading its cassette (or preparing to record it).
    pub async fn start(api: Api, scenario: &str) -> Offline {
        let (mode, exchanges, timeout) = if recording() {
            let upstream = api.upstream();
            (Mode::Record { upstream }, Vec::new(), RECORD_TIMEOUT)
        } else {
            let path = cassette_path(api, scenario);
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!(
                    "no cassette at {} ({e}): record it from the live servers with \
                     DHOW_RECORD=1 (see sdk/tests/offline/mod.rs)",
                    path.display()
                )
            });
            let cassette: Cassette =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(cassette.api, api, "{}", path.display());
            (Mode::Replay, cassette.exchanges, REPLAY_TIMEOUT)
        };
        let tape = Arc::new(Mutex::new(Tape {
            api,
            scenario: scenario.to_owned(),
            mode,
            timeout,
            exchanges,
            next: 0,
            lose: Vec::new(),
            served: Vec::new(),
            lost: Vec::new(),
            failure: None,
            tokens: Vec::new(),
        }));
        // A server of its own (not wiremock's pool): a held-back answer never outlives its test.
        let server = MockServer::builder().start().await;
        Mock::given(any())
            .respond_with(Player(tape.clone()))
            .mount(&server)
            .await;
        Offline {
            server,
            tape,
            finished: false,
        }
    }

    /// The URL to give the adapter.
    pub fn url(&self) -> String {
        let api = lock(&self.tape).api;
        format!("{}{}", self.server.uri(), api.base_path())
    }

    /// The time-out to give the adapter: a lost answer comes a second after it.
    pub fn timeout(&self) -> Duration {
        lock(&self.tape).timeout
    }

    /// Loses the answer to the next request that `pattern` names (see [`Request::is`]): the
    /// server carries the request out, the adapter times out.
    pub fn lose_answer_to(&self, pattern: &str) {
        lock(&self.tape).lose.push(pattern.to_owned());
    }

    /// How many requests that `pattern` names were served so far.
    pub fn served(&self, pattern: &str) -> usize {
        lock(&self.tape)
            .served
            .iter()
            .filter(|r| r.is(pattern))
            .count()
    }

    /// The bodies of the answers lost so far, as the server sent them.
    pub fn lost_answers(&self) -> Vec<Value> {
        lock(&self.tape).lost.clone()
    }

    /// Ends the scenario: every exchange of the cassette was played and nothing unexpected
    /// came (or, recording, the cassette is saved).
    pub fn finish(mut self) {
        self.finished = true;
        let tape = lock(&self.tape);
        if let Some(failure) = &tape.failure {
            panic!("{failure}");
        }
        assert!(
            tape.lose.is_empty(),
            "offline cassette {}: no request came for the answers to lose: {:?}",
            tape.scenario,
            tape.lose
        );
        match &tape.mode {
            Mode::Replay => assert_eq!(
                tape.next,
                tape.exchanges.len(),
                "offline cassette {}: the scenario ended after {} of {} exchanges; the next \
                 one was {}",
                tape.scenario,
                tape.next,
                tape.exchanges.len(),
                tape.exchanges
                    .get(tape.next)
                    .map_or(String::new(), |e| e.request.to_string())
            ),
            Mode::Record { upstream } => {
                let cassette = Cassette {
                    api: tape.api,
                    scenario: tape.scenario.clone(),
                    recorded: format!(
                        "from {upstream} by DHOW_RECORD=1 (sdk/tests/offline/mod.rs); \
                         session tokens replaced"
                    ),
                    exchanges: tape.exchanges.clone(),
                };
                let path = cassette_path(tape.api, &tape.scenario);
                let text = serde_json::to_string_pretty(&cassette).expect("a cassette encodes");
                std::fs::create_dir_all(path.parent().expect("a folder"))
                    .and_then(|()| std::fs::write(&path, text + "\n"))
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                eprintln!(
                    "recorded {} exchanges to {}",
                    cassette.exchanges.len(),
                    path.display()
                );
            }
        }
    }
}

impl Drop for Offline {
    fn drop(&mut self) {
        if self.finished || std::thread::panicking() {
            return;
        }
        let tape = lock(&self.tape);
        match &tape.failure {
            Some(failure) => panic!("{failure}"),
            None => panic!(
                "offline cassette {}: the scenario ended without `finish()`",
                tape.scenario
            ),
        }
    }
}
