//! What the shopper sees if the app ever panics: the release build aborts on panic, so nothing
//! can render after it. The panic hook puts a plain, translated "Something went wrong — reload"
//! notice over the page with a reload link, built with the DOM directly (no component code
//! runs once the app has died). The cart and any placed order are in storage, so they are there
//! after the reload.

use std::cell::RefCell;

thread_local! {
    /// The notice and the link text in the shopper's language, kept up to date by the
    /// translations in use: a panic cannot format messages.
    static TEXT: RefCell<(String, String)> = RefCell::new((
        "Something went wrong — reload the page. Your cart and any order you placed are kept."
            .to_owned(),
        "Reload".to_owned(),
    ));
}

/// Remembers the crash notice in the language now in use.
pub fn remember_text(message: String, reload: String) {
    TEXT.with(|text| {
        if let Ok(mut text) = text.try_borrow_mut() {
            *text = (message, reload);
        }
    });
}

/// Installs the panic hook: the panic is logged to the console, then the notice is shown.
#[cfg(target_arch = "wasm32")]
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// Shows the notice (once).
#[cfg(target_arch = "wasm32")]
fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("dhow-crash").is_some() {
        return;
    }
    let (message, reload) = TEXT.with(|text| {
        text.try_borrow().map(|t| t.clone()).unwrap_or_else(|_| {
            (
                "Something went wrong — reload the page.".into(),
                "Reload".into(),
            )
        })
    });
    // The page again, without a fragment (a link to `#x` from the same page only scrolls).
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .and_then(|h| h.split('#').next().map(str::to_owned))
        .unwrap_or_else(|| "/".to_owned());
    let build = || -> Option<()> {
        let notice = document.create_element("div").ok()?;
        notice.set_id("dhow-crash");
        notice.set_class_name("dhow-crash");
        notice.set_attribute("role", "alertdialog").ok()?;
        notice.set_attribute("aria-modal", "true").ok()?;
        notice
            .set_attribute("aria-labelledby", "dhow-crash-message")
            .ok()?;
        let text = document.create_element("p").ok()?;
        text.set_id("dhow-crash-message");
        text.set_text_content(Some(&message));
        let link = document.create_element("a").ok()?;
        link.set_attribute("href", &href).ok()?;
        // The router takes clicks on the storefront's own links and navigates in the app, which
        // is dead now: it leaves a link with a target to the browser, which loads the page.
        link.set_attribute("target", "_self").ok()?;
        link.set_class_name("dhow-button");
        link.set_text_content(Some(&reload));
        notice.append_child(&text).ok()?;
        notice.append_child(&link).ok()?;
        // Styled through the CSSOM: a strict Content-Security-Policy allows that, and the notice
        // needs no stylesheet (an embedding page has none of the storefront's).
        if let Some(element) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&notice) {
            let style = element.style();
            for (name, value) in [
                ("position", "fixed"),
                ("inset", "0"),
                ("z-index", "2147483647"),
                ("display", "flex"),
                ("flex-direction", "column"),
                ("align-items", "center"),
                ("justify-content", "center"),
                ("gap", "1rem"),
                ("padding", "2rem"),
                ("background", "rgb(255 255 255 / 96%)"),
                ("color", "#1b1b1f"),
                ("font", "1.125rem/1.5 system-ui, sans-serif"),
                ("text-align", "center"),
            ] {
                let _ = style.set_property(name, value);
            }
        }
        document.body()?.append_child(&notice).ok()?;
        let _ = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&link).map(|l| l.focus());
        Some(())
    };
    let _ = build();
}
