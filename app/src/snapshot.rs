//! Catalog answers a page was prerendered from, and `use_catalog()`, the way pages read the
//! catalog so that the same answers render the same HTML natively (at build time) and in the
//! browser (when the app takes the prerendered page over).
//!
//! At build time a page is rendered in passes: a pass records every answer it lacked, the
//! prerender fetches them through the backend, and the next pass renders with them. The answers
//! travel in the page as a non-executed `<script type="application/json">` block; the browser
//! puts them back before it hydrates, so its first render matches the HTML node for node. After
//! the takeover every answer is asked again (stock and prices may have changed since the build)
//! and replaced only when it differs.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::rc::Rc;

use dhow_sdk::Error;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The id of the `<script type="application/json">` element that carries a page's snapshot.
pub const SNAPSHOT_ELEMENT_ID: &str = "dhow-page";

/// Version of the snapshot's layout: a page written by another version is rendered afresh.
pub const SNAPSHOT_VERSION: u32 = 1;

/// What a prerendered page was rendered from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CatalogSnapshot {
    /// [`SNAPSHOT_VERSION`] of the build that wrote it.
    pub version: u32,
    /// Path and query the page was rendered for (`/de/products/x`).
    pub url: String,
    /// Which backend the answers came from (`kind` and address), so a page built from one
    /// catalog is never taken over by an app configured for another.
    pub backend: String,
    /// The locale the page's text is in.
    pub locale: String,
    /// Whether the app may take the page over as it is (catalog pages); per-shopper shells are
    /// rendered afresh in the browser.
    pub hydrate: bool,
    /// Answers by the key `use_catalog` asked them under.
    pub answers: BTreeMap<String, serde_json::Value>,
}

impl CatalogSnapshot {
    /// The snapshot as JSON that is safe inside a `<script>` element (no `</script>`, no `<!--`).
    pub fn to_script_json(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_default()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
    }
}

/// A fetch the prerender still has to make before the next pass: the key and how to get it.
pub type PendingAnswer = (
    String,
    Box<dyn FnOnce() -> LocalBoxFuture<'static, Result<serde_json::Value, Error>>>,
);

/// The answers known to this page, provided at the root.
#[derive(Clone, Copy)]
pub struct SnapshotContext {
    inner: StoredValue<Rc<SnapshotState>, LocalStorage>,
}

struct SnapshotState {
    answers: RefCell<BTreeMap<String, serde_json::Value>>,
    /// Set while rendering at build time: misses are recorded for the next pass.
    pending: Option<RefCell<Vec<PendingAnswer>>>,
}

impl SnapshotContext {
    /// Answers the browser starts from (those of the prerendered page, or none).
    pub fn provide(answers: BTreeMap<String, serde_json::Value>) -> SnapshotContext {
        Self::provide_state(SnapshotState {
            answers: RefCell::new(answers),
            pending: None,
        })
    }

    /// At build time: the answers fetched so far; what a render lacks is recorded.
    pub fn provide_recording(answers: BTreeMap<String, serde_json::Value>) -> SnapshotContext {
        Self::provide_state(SnapshotState {
            answers: RefCell::new(answers),
            pending: Some(RefCell::new(Vec::new())),
        })
    }

    fn provide_state(state: SnapshotState) -> SnapshotContext {
        let context = SnapshotContext {
            inner: StoredValue::new_local(Rc::new(state)),
        };
        provide_context(context);
        context
    }

    /// The fetches a build-time render lacked (each key once).
    pub fn take_pending(&self) -> Vec<PendingAnswer> {
        let state = self.inner.get_value();
        let mut pending = state
            .pending
            .as_ref()
            .map(|p| std::mem::take(&mut *p.borrow_mut()))
            .unwrap_or_default();
        let mut seen = std::collections::BTreeSet::new();
        pending.retain(|(key, _)| seen.insert(key.clone()));
        pending
    }

    /// Every answer used so far, for the page's snapshot.
    pub fn answers(&self) -> BTreeMap<String, serde_json::Value> {
        self.inner.get_value().answers.borrow().clone()
    }

    fn recording(&self) -> bool {
        self.inner.get_value().pending.is_some()
    }

    fn known(&self, key: &str) -> Option<serde_json::Value> {
        self.inner.get_value().answers.borrow().get(key).cloned()
    }

    fn record(&self, key: String, value: serde_json::Value) {
        self.inner
            .get_value()
            .answers
            .borrow_mut()
            .insert(key, value);
    }

    fn ask(&self, answer: PendingAnswer) {
        if let Some(pending) = &self.inner.get_value().pending {
            pending.borrow_mut().push(answer);
        }
    }
}

/// Whether a page's catalog read is part of its prerendered HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prerender {
    /// Rendered into the HTML at build time (catalog pages).
    Yes,
    /// Left to the browser: the HTML shows the page's loading state (search results, which
    /// depend on what the shopper types).
    No,
}

/// A catalog read: its answer once known (`None` while loading), and a way to ask again.
pub struct CatalogRead<T: 'static> {
    answer: RwSignal<Option<Result<T, Error>>, LocalStorage>,
    refetch: StoredValue<Rc<dyn Fn()>, LocalStorage>,
}

impl<T: 'static> Clone for CatalogRead<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for CatalogRead<T> {}

impl<T: Clone + 'static> CatalogRead<T> {
    /// The answer, tracked: `None` while the first answer is on its way. A newer question keeps
    /// showing the last answer until its own arrives (a market switch re-prices in place).
    pub fn get(&self) -> Option<Result<T, Error>> {
        self.answer.get()
    }

    /// Reads the answer without cloning it, tracked.
    pub fn with<R>(&self, f: impl FnOnce(&Option<Result<T, Error>>) -> R) -> R {
        self.answer.with(f)
    }

    /// Asks the backend again (after an error, the shopper's "Try again").
    pub fn refetch(&self) {
        self.refetch.with_value(|refetch| refetch());
    }
}

/// Reads from the catalog under `key` (which must name everything the answer depends on:
/// operation, market, language, query). Natively at build time the answer comes from the
/// page's snapshot, or is recorded as missing for the next pass; in the browser it starts from
/// the snapshot of a prerendered page, is asked again after the takeover, and follows `key`.
pub fn use_catalog<T, K, F, Fut>(prerender: Prerender, key: K, fetch: F) -> CatalogRead<T>
where
    T: Clone + PartialEq + Serialize + DeserializeOwned + 'static,
    K: Fn() -> String + 'static,
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<T, Error>> + 'static,
{
    let snapshot = use_context::<SnapshotContext>();
    let first_key = leptos::reactive::graph::untrack_with_diagnostics(&key);
    let known = snapshot
        .and_then(|s| s.known(&first_key))
        .and_then(|v| serde_json::from_value::<T>(v).ok());
    let known_at_start = known.as_ref().map(|_| ());
    let answer = RwSignal::new_local(known.map(Ok));
    let fetch = Rc::new(fetch);

    if let Some(snapshot) = snapshot.filter(SnapshotContext::recording) {
        if known_at_start.is_none() && prerender == Prerender::Yes {
            // Asked now, while the page's signals live: the render is gone by the time the
            // prerender awaits it.
            let future = fetch();
            snapshot.ask((
                first_key,
                Box::new(move || {
                    Box::pin(async move {
                        let value = future.await?;
                        serde_json::to_value(value).map_err(|e| Error::Decode {
                            message: e.to_string(),
                        })
                    })
                }),
            ));
        }
        return CatalogRead {
            answer,
            refetch: StoredValue::new_local(Rc::new(|| {})),
        };
    }

    // In the browser. Each question carries a number; an answer to an older one is dropped.
    let asked = StoredValue::new(0u64);
    let ask: Rc<dyn Fn(String)> = Rc::new(move |key: String| {
        let number = asked.get_value() + 1;
        asked.set_value(number);
        let fetch = fetch.clone();
        leptos::task::spawn_local(async move {
            let result = fetch().await;
            if asked.try_get_value() != Some(number) {
                return;
            }
            if let (Ok(value), Some(snapshot)) = (&result, snapshot)
                && let Ok(json) = serde_json::to_value(value)
            {
                snapshot.record(key, json);
            }
            // The same answer again (the usual case after a takeover) changes nothing on the
            // page; an error after a good answer keeps the good one (the page stays usable).
            let unchanged = answer
                .try_with_untracked(|current| match (current, &result) {
                    (Some(Ok(old)), Ok(new)) => old == new,
                    (Some(Ok(_)), Err(_)) => true,
                    _ => false,
                })
                .unwrap_or(true);
            if !unchanged {
                answer.try_set(Some(result));
            }
        });
    });
    let key = Rc::new(key);
    let refetch: Rc<dyn Fn()> = {
        let (ask, key) = (ask.clone(), key.clone());
        Rc::new(move || {
            // A failed first answer shows the loading state again while it is asked anew.
            if answer.with_untracked(|a| matches!(a, Some(Err(_)))) {
                answer.set(None);
            }
            ask(leptos::reactive::graph::untrack_with_diagnostics(|| key()));
        })
    };
    // Runs after the first render (so after a takeover): asks once at start, even for an
    // answer the page came with, and again whenever the key changes.
    Effect::new(move |_| {
        let key = key();
        ask(key);
    });
    CatalogRead {
        answer,
        refetch: StoredValue::new_local(refetch),
    }
}

/// A key for [`use_catalog`]: the operation and the JSON of what it depends on.
pub fn catalog_key(operation: &str, parts: &impl Serialize) -> String {
    format!(
        "{operation}:{}",
        serde_json::to_string(parts).unwrap_or_default()
    )
}
