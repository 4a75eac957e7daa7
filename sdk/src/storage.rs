//! Where an adapter keeps what must outlive a page: a string key-value store, in memory natively
//! and in `window.localStorage` in the browser. The local engine keeps carts and orders in it (so
//! they survive reloads and are shared by tabs); network adapters keep session tokens.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use crate::error::Result;

/// A string key-value store. The local engine re-reads what it needs on every call, so another
/// tab (another `LocalBackend` over the same store) may change it between calls.
///
/// Implement it to keep the engine's state elsewhere (IndexedDB through a cache, a file).
pub trait Storage {
    /// The value under `key`, or `None` when there is none.
    fn get(&self, key: &str) -> Result<Option<String>>;
    /// Stores `value` under `key`, replacing what was there.
    fn set(&self, key: &str, value: &str) -> Result<()>;
    /// Removes `key`; removing a missing key is not an error.
    fn remove(&self, key: &str) -> Result<()>;
}

/// A store in memory, for native use and tests. Clone the `Rc` holding it to let several
/// engines share it, as tabs share `localStorage`.
///
/// ```
/// use dhow_sdk::storage::{MemoryStorage, Storage};
///
/// let storage = MemoryStorage::default();
/// storage.set("dhow.local.example", "1").unwrap();
/// assert_eq!(storage.get("dhow.local.example").unwrap().as_deref(), Some("1"));
/// storage.remove("dhow.local.example").unwrap();
/// assert_eq!(storage.get("dhow.local.example").unwrap(), None);
/// ```
#[derive(Debug, Default)]
pub struct MemoryStorage {
    entries: RefCell<BTreeMap<String, String>>,
}

impl MemoryStorage {
    /// An empty store.
    pub fn new() -> MemoryStorage {
        MemoryStorage::default()
    }

    /// Keys currently stored, sorted: lets tests see what the engine persisted.
    pub fn keys(&self) -> Vec<String> {
        self.entries.borrow().keys().cloned().collect()
    }
}

impl Storage for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<()> {
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<()> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }
}

/// A store that keeps working when the one it wraps does not: browser storage can be blocked
/// (private modes, a sandboxed frame, settings) or full. What the wrapped store refuses is kept
/// in memory for as long as the page lives, and read back from there, so a cart id written to a
/// full store is still the cart of the next add (not a new cart each time). [`kept`] turns
/// false at the first refusal, and `on_lost` runs once then, for the storefront to tell the
/// shopper that the cart will not be kept.
///
/// [`kept`]: FallbackStorage::kept
///
/// ```
/// use dhow_sdk::storage::{FallbackStorage, MemoryStorage, Storage};
///
/// // No browser storage at all (blocked): everything lives in memory.
/// let storage = FallbackStorage::<MemoryStorage>::new(None);
/// storage.set("dhow.cart", "cart_1").unwrap();
/// assert_eq!(storage.get("dhow.cart").unwrap().as_deref(), Some("cart_1"));
/// assert!(!storage.kept());
/// ```
pub struct FallbackStorage<S> {
    inner: Option<S>,
    memory: MemoryStorage,
    kept: Cell<bool>,
    on_lost: RefCell<Option<Box<dyn Fn()>>>,
}

impl<S> std::fmt::Debug for FallbackStorage<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FallbackStorage")
            .field("available", &self.inner.is_some())
            .field("kept", &self.kept.get())
            .finish_non_exhaustive()
    }
}

impl<S: Storage> FallbackStorage<S> {
    /// Wraps `inner`; `None` (no storage offered) keeps everything in memory from the start.
    pub fn new(inner: Option<S>) -> FallbackStorage<S> {
        FallbackStorage {
            kept: Cell::new(inner.is_some()),
            inner,
            memory: MemoryStorage::new(),
            on_lost: RefCell::new(None),
        }
    }

    /// Whether everything written so far is kept by the wrapped store (and so outlives the page).
    pub fn kept(&self) -> bool {
        self.kept.get()
    }

    /// Runs `callback` when the wrapped store first refuses (at once if it already has).
    pub fn on_lost(&self, callback: impl Fn() + 'static) {
        if !self.kept.get() {
            callback();
        } else {
            *self.on_lost.borrow_mut() = Some(Box::new(callback));
        }
    }

    fn lost(&self) {
        if self.kept.replace(false)
            && let Some(callback) = self.on_lost.borrow_mut().take()
        {
            callback();
        }
    }
}

impl<S: Storage> Storage for FallbackStorage<S> {
    fn get(&self, key: &str) -> Result<Option<String>> {
        if let Some(value) = self.memory.get(key)? {
            return Ok(Some(value));
        }
        match &self.inner {
            Some(inner) => match inner.get(key) {
                Ok(value) => Ok(value),
                Err(_) => {
                    self.lost();
                    Ok(None)
                }
            },
            None => Ok(None),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<()> {
        match &self.inner {
            Some(inner) if inner.set(key, value).is_ok() => self.memory.remove(key),
            _ => {
                self.lost();
                self.memory.set(key, value)
            }
        }
    }

    fn remove(&self, key: &str) -> Result<()> {
        self.memory.remove(key)?;
        if let Some(inner) = &self.inner
            && inner.remove(key).is_err()
        {
            self.lost();
        }
        Ok(())
    }
}

/// Text that two tabs sharing one storage will not both draw: randomness in the browser (tabs
/// share storage but not memory), the time's nanoseconds plus a process-wide counter natively.
/// Cart ids of the local engine and the Vendure adapter end with it.
#[cfg(all(target_arch = "wasm32", any(feature = "local", feature = "vendure")))]
pub(crate) fn entropy() -> String {
    // Two draws of 2^32 each: 64 bits, so two tabs creating carts in the same second do not meet.
    let draw = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("{:016x}", (draw() << 32) | draw())
}

#[cfg(all(
    not(target_arch = "wasm32"),
    any(feature = "local", feature = "vendure")
))]
pub(crate) fn entropy() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{nanos:08x}{:x}", COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// A record as Dhow writes it to a [`Storage`]: `{"version": N, "data": …}`, so that a later
/// version of the SDK can tell what it reads. Shared by the local engine and the Vendure adapter.
#[cfg(any(feature = "local", feature = "medusa", feature = "vendure"))]
#[derive(serde::Serialize, serde::Deserialize)]
struct Record<T> {
    version: u32,
    data: T,
}

/// Writes `value` under `key` as a record of schema `version`.
#[cfg(any(feature = "local", feature = "medusa", feature = "vendure"))]
pub(crate) fn write_record<T: serde::Serialize>(
    storage: &dyn Storage,
    key: &str,
    version: u32,
    value: &T,
) -> Result<()> {
    let text = serde_json::to_string(&Record {
        version,
        data: value,
    })
    .map_err(|e| crate::Error::Decode {
        message: e.to_string(),
    })?;
    storage.set(key, &text)
}

/// The record under `key`: `Ok(None)` when there is none. A record this version cannot use (not
/// JSON, the wrong shape, or written by a newer version than `version`) is never left in place
/// to fail every call, and never silently lost: it is moved under `recovery` and the answer is
/// [`Error::SetAside`](crate::Error::SetAside) naming `what`. Records from before versions
/// existed (the bare value) still read.
#[cfg(any(feature = "local", feature = "medusa", feature = "vendure"))]
pub(crate) fn read_record<T: serde::de::DeserializeOwned>(
    storage: &dyn Storage,
    key: &str,
    recovery: &str,
    what: &str,
    version: u32,
) -> Result<Option<T>> {
    let Some(text) = storage.get(key)? else {
        return Ok(None);
    };
    match decode_record(&text, version) {
        Some(value) => Ok(Some(value)),
        None => Err(set_aside(storage, key, recovery, what)?),
    }
}

/// Moves what is under `key` to `recovery` and returns the error that says so.
#[cfg(any(feature = "local", feature = "medusa", feature = "vendure"))]
pub(crate) fn set_aside(
    storage: &dyn Storage,
    key: &str,
    recovery: &str,
    what: &str,
) -> Result<crate::Error> {
    if let Some(text) = storage.get(key)? {
        storage.set(recovery, &text)?;
        storage.remove(key)?;
    }
    Ok(crate::Error::SetAside {
        what: what.to_owned(),
        key: recovery.to_owned(),
    })
}

/// A stored record's data: the versioned record (of a version up to `version`), or the bare
/// value written before versions.
#[cfg(any(feature = "local", feature = "medusa", feature = "vendure"))]
fn decode_record<T: serde::de::DeserializeOwned>(text: &str, version: u32) -> Option<T> {
    #[derive(serde::Deserialize)]
    struct Version {
        version: u32,
    }
    if let Ok(Version { version: written }) = serde_json::from_str::<Version>(text) {
        if written > version {
            return None;
        }
        if let Ok(record) = serde_json::from_str::<Record<T>>(text) {
            return Some(record.data);
        }
    }
    serde_json::from_str(text).ok()
}

#[cfg(target_arch = "wasm32")]
pub use browser::BrowserStorage;

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::wasm_bindgen::JsValue;

    use super::Storage;
    use crate::error::{Error, Result};

    /// The error for a store that refused a read or write. `code` is `quota_exceeded` when the
    /// browser's storage is full, `storage_unavailable` when there is no storage (private mode,
    /// blocked by settings), `storage` otherwise.
    fn storage_error(code: &str, message: impl Into<String>) -> Error {
        Error::Backend {
            code: code.to_owned(),
            message: message.into(),
        }
    }

    /// The browser's `window.localStorage`: shared by every tab of the storefront's origin.
    /// Failures (storage full, storage blocked) are [`Error::Backend`](crate::Error::Backend)
    /// with code `quota_exceeded`, `storage_unavailable` or `storage`; nothing panics.
    #[derive(Clone, Debug)]
    pub struct BrowserStorage {
        storage: web_sys::Storage,
    }

    impl BrowserStorage {
        /// The page's `localStorage`, or an error when the browser offers none.
        pub fn new() -> Result<BrowserStorage> {
            let window = web_sys::window()
                .ok_or_else(|| storage_error("storage_unavailable", "no window"))?;
            BrowserStorage::from(window.local_storage(), "localStorage")
        }

        /// The tab's `sessionStorage` (kept until the tab closes), or an error when the browser
        /// offers none.
        pub fn session() -> Result<BrowserStorage> {
            let window = web_sys::window()
                .ok_or_else(|| storage_error("storage_unavailable", "no window"))?;
            BrowserStorage::from(window.session_storage(), "sessionStorage")
        }

        fn from(
            storage: std::result::Result<Option<web_sys::Storage>, JsValue>,
            name: &str,
        ) -> Result<BrowserStorage> {
            match storage {
                Ok(Some(storage)) => Ok(BrowserStorage { storage }),
                Ok(None) => Err(storage_error(
                    "storage_unavailable",
                    format!("{name} is missing"),
                )),
                Err(e) => Err(js_error(&e)),
            }
        }
    }

    /// Maps a `DOMException` to the engine's error, telling a full store apart from the rest.
    fn js_error(error: &JsValue) -> Error {
        let name = js_sys::Reflect::get(error, &JsValue::from_str("name"))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let message = js_sys::Reflect::get(error, &JsValue::from_str("message"))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| "storage failed".to_owned());
        let code = match name.as_str() {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => "quota_exceeded",
            "SecurityError" => "storage_unavailable",
            _ => "storage",
        };
        storage_error(code, message)
    }

    impl Storage for BrowserStorage {
        fn get(&self, key: &str) -> Result<Option<String>> {
            self.storage.get_item(key).map_err(|e| js_error(&e))
        }

        fn set(&self, key: &str, value: &str) -> Result<()> {
            self.storage.set_item(key, value).map_err(|e| js_error(&e))
        }

        fn remove(&self, key: &str) -> Result<()> {
            self.storage.remove_item(key).map_err(|e| js_error(&e))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store that holds `limit` entries and refuses more, as a full `localStorage` does.
    struct Small {
        inner: MemoryStorage,
        limit: usize,
    }

    impl Storage for Small {
        fn get(&self, key: &str) -> Result<Option<String>> {
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<()> {
            if self.inner.get(key)?.is_none() && self.inner.keys().len() >= self.limit {
                return Err(crate::Error::Backend {
                    code: "quota_exceeded".into(),
                    message: "full".into(),
                });
            }
            self.inner.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<()> {
            self.inner.remove(key)
        }
    }

    #[test]
    fn a_full_store_falls_back_to_memory_and_says_so_once() {
        let storage = FallbackStorage::new(Some(Small {
            inner: MemoryStorage::new(),
            limit: 1,
        }));
        let told = std::rc::Rc::new(Cell::new(0));
        let count = told.clone();
        storage.on_lost(move || count.set(count.get() + 1));
        storage.set("a", "1").unwrap();
        assert!(storage.kept());
        // Full: the write is kept in memory and read back from there.
        storage.set("b", "2").unwrap();
        storage.set("c", "3").unwrap();
        assert_eq!(storage.get("b").unwrap().as_deref(), Some("2"));
        assert_eq!(storage.get("a").unwrap().as_deref(), Some("1"));
        assert!(!storage.kept());
        assert_eq!(told.get(), 1, "told once");
        storage.remove("b").unwrap();
        assert_eq!(storage.get("b").unwrap(), None);
        // A key the store takes again is read from it, not from an old copy in memory.
        storage.remove("a").unwrap();
        storage.set("c", "4").unwrap();
        assert_eq!(storage.get("c").unwrap().as_deref(), Some("4"));
    }

    #[test]
    fn memory_storage_gets_sets_and_removes() {
        let storage = MemoryStorage::new();
        assert_eq!(storage.get("a").unwrap(), None);
        storage.set("a", "1").unwrap();
        storage.set("a", "2").unwrap();
        assert_eq!(storage.get("a").unwrap().as_deref(), Some("2"));
        storage.remove("a").unwrap();
        storage.remove("a").unwrap();
        assert!(storage.keys().is_empty());
    }
}
