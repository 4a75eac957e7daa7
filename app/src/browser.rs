//! The few browser facilities the storefront uses directly: storage, the document's language,
//! storage events from other tabs, and locks across tabs. Natively (in tests and the prerender)
//! storage is in memory and the rest does nothing.

use std::rc::Rc;

use dhow_sdk::storage::{FallbackStorage, Storage};

thread_local! {
    /// The one store behind the storefront's own keys and every adapter's: `localStorage`, or
    /// memory for this page view where the browser blocks or fills it.
    static KEPT: Rc<FallbackStorage<imp::Inner>> = Rc::new(FallbackStorage::new(imp::inner()));
    /// This tab's `sessionStorage` through the same wrapper, so a refused write is kept in
    /// memory and read back, as for the storefront's own keys.
    static SESSION: FallbackStorage<imp::Inner> = FallbackStorage::new(imp::session());
}

/// The store adapters keep their state in (carts, sessions, orders): `localStorage` while the
/// browser lets the storefront use it, memory for the page view where it does not.
pub fn storage() -> Rc<dyn Storage> {
    KEPT.with(|kept| kept.clone() as Rc<dyn Storage>)
}

/// Calls `on_lost` once, when the browser first refuses to keep what the storefront writes (at
/// once if it already has): the cart then lasts only as long as the page.
pub fn on_storage_lost(on_lost: impl Fn() + 'static) {
    KEPT.with(|kept| kept.on_lost(on_lost));
}

/// Reads a value from the storefront's storage; `None` when absent.
pub fn local_get(key: &str) -> Option<String> {
    KEPT.with(|kept| kept.get(key).ok().flatten())
}

/// Writes a value to the storefront's storage. Where the browser refuses (full, or blocked in
/// private mode), the value is kept in memory for this page view and read back from there.
pub fn local_set(key: &str, value: &str) {
    KEPT.with(|kept| {
        let _ = kept.set(key, value);
    });
}

/// Removes a value from the storefront's storage.
pub fn local_remove(key: &str) {
    KEPT.with(|kept| {
        let _ = kept.remove(key);
    });
}

/// Runs `work` holding the lock `name` across every tab of the storefront's origin (the Web
/// Locks API), so that two tabs never do it at once: creating the cart, placing the order.
/// Where the browser has no locks (an insecure origin), `work` runs at once.
pub async fn with_lock<T>(name: &str, work: impl std::future::Future<Output = T>) -> T {
    // Held until the work is done, released when this scope ends.
    let _held = imp::acquire(name).await;
    work.await
}

/// Reads a value from `sessionStorage` (this tab, until it closes).
pub fn session_get(key: &str) -> Option<String> {
    SESSION.with(|session| session.get(key).ok().flatten())
}

/// Writes a value to `sessionStorage`; where the browser refuses, it is kept in memory for this
/// page view as for [`local_set`].
pub fn session_set(key: &str, value: &str) {
    SESSION.with(|session| {
        let _ = session.set(key, value);
    });
}

/// A value that differs at each call, written to a storage key to tell other tabs that
/// something changed: the time in milliseconds and a counter, so two changes within one
/// millisecond still differ (a storage event fires only when the value changes).
pub fn change_stamp() -> String {
    thread_local! {
        static COUNTER: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }
    let n = COUNTER.with(|c| {
        c.set(c.get().wrapping_add(1));
        c.get()
    });
    format!("{}-{n}", imp::now_millis())
}

/// Sets `<html lang dir>`.
pub fn set_document_language(locale: &str, rtl: bool) {
    imp::set_document_language(locale, rtl);
}

/// Calls `on_change` when another tab writes `key` in `localStorage`, for as long as the page
/// lives.
pub fn on_storage_change(key: &'static str, on_change: impl Fn() + 'static) {
    imp::on_storage_change(key, on_change);
}

/// Runs `work` when the browser has nothing else to do (`requestIdleCallback`; in a browser
/// without it, after the current task). Natively, never.
pub fn when_idle(work: impl FnOnce() + 'static) {
    imp::when_idle(work);
}

/// Lets the browser handle what waits (a tap, a frame) before the caller goes on, so one long
/// piece of work becomes two tasks: `scheduler.yield()` where the browser has it (the caller then
/// goes on ahead of other queued work), else a zero-delay timer.
#[cfg(target_arch = "wasm32")]
pub async fn yield_to_browser() {
    use wasm_bindgen::{JsCast, JsValue};

    let Some(window) = web_sys::window() else {
        return;
    };
    let scheduled = js_sys::Reflect::get(&window, &JsValue::from_str("scheduler"))
        .ok()
        .filter(JsValue::is_object)
        .and_then(|scheduler| {
            let yield_ = js_sys::Reflect::get(&scheduler, &JsValue::from_str("yield")).ok()?;
            let promise = yield_
                .dyn_into::<js_sys::Function>()
                .ok()?
                .call0(&scheduler);
            promise.ok()?.dyn_into::<js_sys::Promise>().ok()
        });
    let promise = scheduled.unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _| {
            let _ = window.set_timeout_with_callback(&resolve);
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    pub type Inner = dhow_sdk::storage::BrowserStorage;

    pub fn inner() -> Option<Inner> {
        readable(Inner::new().ok()?)
    }

    pub fn session() -> Option<Inner> {
        readable(Inner::session().ok()?)
    }

    /// A store that cannot even be read (blocked by settings) is none at all.
    fn readable(storage: Inner) -> Option<Inner> {
        dhow_sdk::storage::Storage::get(&storage, "dhow.probe").ok()?;
        Some(storage)
    }

    /// A held lock: dropping it releases the lock.
    pub struct Held(Option<js_sys::Function>);

    impl Drop for Held {
        fn drop(&mut self) {
            if let Some(release) = self.0.take() {
                let _ = release.call0(&JsValue::NULL);
            }
        }
    }

    /// Waits for the Web Lock `name`; the lock is held until the returned value is dropped.
    pub async fn acquire(name: &str) -> Held {
        let Some(locks) = web_sys::window()
            .map(|w| w.navigator())
            .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("locks")).ok())
            .filter(|l| !l.is_undefined() && !l.is_null())
        else {
            return Held(None);
        };
        let Ok(request) = js_sys::Reflect::get(&locks, &JsValue::from_str("request"))
            .and_then(|f| f.dyn_into::<js_sys::Function>())
        else {
            return Held(None);
        };
        // The lock is held until the promise the callback returns settles: its resolve
        // function is the release.
        let mut release = None;
        let held = js_sys::Promise::new(&mut |resolve, _| release = Some(resolve));
        let (granted, acquired) = futures::channel::oneshot::channel::<()>();
        let callback = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
            let _ = granted.send(());
            held.into()
        });
        if request
            .call2(&locks, &JsValue::from_str(name), &callback)
            .is_err()
        {
            return Held(None);
        }
        let _ = acquired.await;
        Held(release)
    }

    pub fn now_millis() -> u64 {
        // Milliseconds since 1970 fit a u64 exactly; `Date.now()` returns them as a whole float.
        js_sys::Date::now() as u64
    }

    pub fn set_document_language(locale: &str, rtl: bool) {
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return;
        };
        let _ = root.set_attribute("lang", locale);
        let _ = root.set_attribute("dir", if rtl { "rtl" } else { "ltr" });
    }

    pub fn when_idle(work: impl FnOnce() + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let callback = Closure::once_into_js(work);
        let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let queued = match idle {
            Some(request) => request.call1(&window, &callback).is_ok(),
            None => false,
        };
        if !queued {
            let _ = window.set_timeout_with_callback(callback.unchecked_ref());
        }
    }

    pub fn on_storage_change(key: &'static str, on_change: impl Fn() + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let listener =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
                if event.key().as_deref() == Some(key) {
                    on_change();
                }
            });
        let _ =
            window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        listener.forget();
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub type Inner = dhow_sdk::storage::MemoryStorage;

    pub fn inner() -> Option<Inner> {
        Some(Inner::new())
    }

    pub fn session() -> Option<Inner> {
        Some(Inner::new())
    }

    pub struct Held;

    pub async fn acquire(_name: &str) -> Held {
        Held
    }

    pub fn now_millis() -> u64 {
        0
    }

    pub fn set_document_language(_locale: &str, _rtl: bool) {}

    pub fn on_storage_change(_key: &'static str, _on_change: impl Fn() + 'static) {}

    pub fn when_idle(_work: impl FnOnce() + 'static) {}
}
