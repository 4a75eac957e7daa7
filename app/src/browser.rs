//! The few browser facilities the storefront uses directly: storage, the document's language,
//! and storage events from other tabs. Natively (in tests) they do nothing.

/// Reads a value from `localStorage`; `None` when absent or storage is unavailable.
pub fn local_get(key: &str) -> Option<String> {
    imp::local_storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Writes a value to `localStorage`. Storage may be full or disabled (private mode): the
/// storefront then keeps working for this page view, so the failure is ignored.
pub fn local_set(key: &str, value: &str) {
    if let Some(storage) = imp::local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Removes a value from `localStorage`.
pub fn local_remove(key: &str) {
    if let Some(storage) = imp::local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// Reads a value from `sessionStorage` (this tab, until it closes).
pub fn session_get(key: &str) -> Option<String> {
    imp::session_storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Writes a value to `sessionStorage`; failures are ignored as for [`local_set`].
pub fn session_set(key: &str, value: &str) {
    if let Some(storage) = imp::session_storage() {
        let _ = storage.set_item(key, value);
    }
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

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;

    pub fn local_storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn session_storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok().flatten()
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
    pub struct NoStorage;

    impl NoStorage {
        pub fn get_item(&self, _key: &str) -> Result<Option<String>, ()> {
            Ok(None)
        }
        pub fn set_item(&self, _key: &str, _value: &str) -> Result<(), ()> {
            Ok(())
        }
        pub fn remove_item(&self, _key: &str) -> Result<(), ()> {
            Ok(())
        }
    }

    pub fn local_storage() -> Option<NoStorage> {
        None
    }

    pub fn session_storage() -> Option<NoStorage> {
        None
    }

    pub fn now_millis() -> u64 {
        0
    }

    pub fn set_document_language(_locale: &str, _rtl: bool) {}

    pub fn on_storage_change(_key: &'static str, _on_change: impl Fn() + 'static) {}
}
