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
//!
//! Answers travel as JSON text and are decoded once, into the type the page reads; answers the
//! browser fetches are kept as those values, never turned back into JSON. (Going through
//! `serde_json::Value` both ways cost a second decoder and an encoder per answer type in the
//! first page's wasm.)

use std::any::Any;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::rc::Rc;

use dhow_sdk::Error;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// Catalog answers as JSON text, by the key `use_catalog` asked them under.
pub type Answers = BTreeMap<String, Box<RawValue>>;

/// The id of the `<script type="application/json">` element that carries a page's snapshot.
pub const SNAPSHOT_ELEMENT_ID: &str = "dhow-page";

/// Version of the snapshot's layout: a page written by another version is rendered afresh.
pub const SNAPSHOT_VERSION: u32 = 1;

/// What a prerendered page was rendered from.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
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
    pub answers: Answers,
    /// The money and names the page was written with, in its locale: the takeover formats with
    /// them instead of the browser's `Intl`.
    #[serde(default, skip_serializing_if = "crate::format::Formatted::is_empty")]
    pub formatted: crate::format::Formatted,
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
    Box<dyn FnOnce() -> LocalBoxFuture<'static, Result<Box<RawValue>, Error>>>,
);

/// The answers known to this page, provided at the root.
#[derive(Clone, Copy)]
pub struct SnapshotContext {
    inner: StoredValue<Rc<SnapshotState>, LocalStorage>,
}

struct SnapshotState {
    /// Answers as JSON: the page's (in the browser) or those fetched so far (at build time).
    answers: RefCell<Answers>,
    /// Answers the browser fetched, as the values the page read.
    fetched: RefCell<BTreeMap<String, Rc<dyn Any>>>,
    /// Set while rendering at build time: misses are recorded for the next pass.
    pending: Option<RefCell<Vec<PendingAnswer>>>,
}

impl SnapshotContext {
    /// Answers the browser starts from (those of the prerendered page, or none).
    pub fn provide(answers: Answers) -> SnapshotContext {
        Self::provide_state(SnapshotState {
            answers: RefCell::new(answers),
            fetched: RefCell::default(),
            pending: None,
        })
    }

    /// At build time: the answers fetched so far; what a render lacks is recorded.
    pub fn provide_recording(answers: Answers) -> SnapshotContext {
        Self::provide_state(SnapshotState {
            answers: RefCell::new(answers),
            fetched: RefCell::default(),
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

    /// Every answer used so far as JSON, for the page's snapshot (at build time).
    pub fn answers(&self) -> Answers {
        self.inner.get_value().answers.borrow().clone()
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn recording(&self) -> bool {
        self.inner.get_value().pending.is_some()
    }

    /// The answer under `key` as a `T`: one the browser fetched, or else the page's JSON
    /// decoded (an answer of another shape reads as unknown).
    fn known<T: Clone + DeserializeOwned + 'static>(&self, key: &str) -> Option<T> {
        let state = self.inner.get_value();
        if let Some(value) = state.fetched.borrow().get(key) {
            return value.downcast_ref::<T>().cloned();
        }
        let answers = state.answers.borrow();
        serde_json::from_str(answers.get(key)?.get()).ok()
    }

    fn record<T: 'static>(&self, key: String, value: T) {
        let state = self.inner.get_value();
        state.answers.borrow_mut().remove(&key);
        state.fetched.borrow_mut().insert(key, Rc::new(value));
    }

    #[cfg(not(target_arch = "wasm32"))]
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

/// Asks in idle time (one function for every answer type: the idle callback is bound once).
fn ask_when_idle(ask: Rc<dyn Fn(String)>, key: String) {
    crate::browser::when_idle(move || ask(key));
}

/// Reads from the catalog under `key` (which must name everything the answer depends on:
/// operation, market, language, query). Natively at build time the answer comes from the
/// page's snapshot, or is recorded as missing for the next pass; in the browser it starts from
/// the snapshot of a prerendered page, is asked again after the takeover, and follows `key`.
pub fn use_catalog<T, K, F, Fut>(
    // Whether an answer belongs in the HTML matters only when the page is rendered at build time.
    #[cfg_attr(target_arch = "wasm32", allow(unused_variables))] prerender: Prerender,
    key: K,
    fetch: F,
) -> CatalogRead<T>
where
    T: Clone + PartialEq + Serialize + DeserializeOwned + 'static,
    K: Fn() -> String + 'static,
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<T, Error>> + 'static,
{
    let snapshot = use_context::<SnapshotContext>();
    let first_key = leptos::reactive::graph::untrack_with_diagnostics(&key);
    let known = snapshot.and_then(|s| s.known::<T>(&first_key));
    let known_at_start = known.is_some();
    let answer = RwSignal::new_local(known.map(Ok));
    let fetch = Rc::new(fetch);

    // Recording happens only at build time: the browser's wasm carries no encoder for answers.
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(snapshot) = snapshot.filter(SnapshotContext::recording) {
        if !known_at_start && prerender == Prerender::Yes {
            // Asked now, while the page's signals live: the render is gone by the time the
            // prerender awaits it.
            let future = fetch();
            snapshot.ask((
                first_key,
                Box::new(move || {
                    Box::pin(async move {
                        let value = future.await?;
                        serde_json::to_string(&value)
                            .and_then(RawValue::from_string)
                            .map_err(|e| Error::Decode {
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
    // Asking may come in idle time, after the page that asked is gone: then it does nothing.
    let ask: Rc<dyn Fn(String)> = Rc::new(move |key: String| {
        let Some(number) = asked.try_get_value().map(|n| n + 1) else {
            return;
        };
        asked.set_value(number);
        let fetch = fetch.clone();
        leptos::task::spawn_local(async move {
            let result = fetch().await;
            if asked.try_get_value() != Some(number) {
                return;
            }
            if let (Ok(value), Some(snapshot)) = (&result, snapshot) {
                snapshot.record(key, value.clone());
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
    // answer the page came with, and again whenever the key changes. An answer the page came with
    // is asked again when the browser is idle: the page already shows it, and the takeover's task
    // stays short; anything else is asked at once.
    Effect::new(move |first: Option<()>| {
        let key = key();
        if first.is_none() && known_at_start {
            ask_when_idle(ask.clone(), key);
        } else {
            ask(key);
        }
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

#[cfg(test)]
mod tests {
    use futures::FutureExt;

    use super::*;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| {
                let json = RawValue::from_string((*v).to_owned()).expect("JSON");
                ((*k).to_owned(), json)
            })
            .collect()
    }

    fn read(key: &'static str) -> CatalogRead<Vec<u32>> {
        use_catalog(
            Prerender::Yes,
            move || key.to_owned(),
            || async { Ok(vec![9]) },
        )
    }

    #[test]
    fn a_page_answer_is_read_as_the_type_the_page_asks_for() {
        Owner::new().with(|| {
            SnapshotContext::provide(answers(&[("a", "[1,2]"), ("b", r#""text""#)]));
            assert_eq!(read("a").get(), Some(Ok(vec![1, 2])));
            // Another shape (a build from another version) reads as not known: the page loads it.
            assert_eq!(read("b").get(), None);
            assert_eq!(read("c").get(), None);
        });
    }

    #[test]
    fn a_fetched_answer_is_kept_as_its_value_and_replaces_the_page_answer() {
        Owner::new().with(|| {
            let snapshot = SnapshotContext::provide(answers(&[("a", "[1,2]")]));
            snapshot.record("a".to_owned(), vec![3u32]);
            snapshot.record("n".to_owned(), 7u8);
            assert_eq!(read("a").get(), Some(Ok(vec![3])));
            assert_eq!(
                read("n").get(),
                None,
                "a value of another type is not known"
            );
            assert!(
                snapshot.answers().is_empty(),
                "the page's JSON for it is dropped"
            );
        });
    }

    #[test]
    fn at_build_time_a_missing_answer_is_fetched_and_travels_as_json() {
        Owner::new().with(|| {
            let snapshot = SnapshotContext::provide_recording(Answers::new());
            assert_eq!(read("a").get(), None);
            let pending = snapshot.take_pending();
            assert_eq!(pending.len(), 1);
            let (key, fetch) = pending.into_iter().next().expect("one");
            let json = fetch().now_or_never().expect("ready").expect("fetched");
            assert_eq!((key.as_str(), json.get()), ("a", "[9]"));

            let page = CatalogSnapshot {
                answers: [(key, json)].into_iter().collect(),
                ..CatalogSnapshot::default()
            };
            let back: CatalogSnapshot =
                serde_json::from_str(&page.to_script_json()).expect("the page's snapshot");
            Owner::new().with(|| {
                SnapshotContext::provide(back.answers);
                assert_eq!(read("a").get(), Some(Ok(vec![9])));
            });
        });
    }
}
