//! Analytics in the storefront: components call [`Analytics::track`] once per real action; the
//! events pass the consent gate and reach the sinks `dhow.json` names (`window.dataLayer`, the
//! `dhow:analytics` DOM event, a first-party collector by `navigator.sendBeacon`).
//!
//! Before the shopper has chosen in an opt-in market nothing leaves the page and no analytics
//! identifier is stored: events wait in memory and are sent if the shopper then accepts (so the
//! first page view is not lost), dropped if they refuse. Consent Mode v2 `default` goes to the
//! `dataLayer` before any event, `update` on every choice. Nothing runs in the prerender.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use dhow_sdk::analytics::consent::{Consent, ConsentRecord, ConsentRule};
use dhow_sdk::analytics::{AnalyticsConfig, Event, EventName, Gate, Item, Outbox};
use dhow_sdk::model::Cart;
use leptos::prelude::*;

use crate::browser;
use crate::hooks::use_market;
use crate::store::use_store;

/// Where the shopper's choice is kept (necessary storage: it is the choice itself).
pub const CONSENT_KEY: &str = "dhow.consent";
/// Where the collector's anonymous client id is kept, only with analytics consent.
pub const CLIENT_ID_KEY: &str = "dhow.analytics.id";
/// The DOM event fired on `document` for every event, with its exact form as `detail`.
pub const DOM_EVENT: &str = "dhow:analytics";
/// The anonymous id for this tab's session, without analytics consent.
pub const SESSION_ID_KEY: &str = "dhow.session.id";
/// Experiments already reported as exposed in this session (`key=variant` lines).
const EXPOSED_KEY: &str = "dhow.experiments.exposed";
/// Products the shopper viewed (handles, newest first), kept only with functional consent.
pub const RECENT_KEY: &str = "dhow.recent";
/// Products remembered as viewed, at most.
const RECENT: usize = 12;
/// Events sent to the collector in one beacon at most.
const BATCH: usize = 20;
/// Events waiting for the collector at most.
const OUTBOX: usize = 500;

/// The analytics context.
#[derive(Clone, Copy)]
pub struct Analytics {
    inner: StoredValue<Option<Rc<Inner>>, LocalStorage>,
    /// The shopper's stored choice; `None` before they have chosen.
    pub choice: RwSignal<Option<Consent>>,
    /// Whether the consent banner is shown.
    pub banner_open: RwSignal<bool>,
    /// Products viewed, newest first (handles): in storage with functional consent, else for
    /// this page view only.
    pub recent: RwSignal<Vec<String>>,
    /// The market's rule before a choice.
    rule: StoredValue<ConsentRule>,
    /// Each experiment's variant for this shopper, and whether they take part.
    assigned: StoredValue<Vec<Assigned>>,
    /// Whether variants are shown: at once on a page the app renders, after the takeover on a
    /// prerendered page (which shows every control until then).
    variants_shown: RwSignal<bool>,
}

/// An experiment as this shopper sees it.
#[derive(Clone, Debug)]
struct Assigned {
    key: String,
    variant: String,
    /// In the audience and the dates (or forced): only then is an exposure reported.
    takes_part: bool,
    /// Where a variant shown by styles alone shows (every page when empty).
    paths: Vec<String>,
}

/// Provided while the app takes over a prerendered page: experiments show their controls until
/// the takeover is done, so the page matches its HTML.
#[derive(Clone, Copy, Debug)]
pub struct Takeover;

struct Inner {
    config: AnalyticsConfig,
    brand: String,
    gate: RefCell<Gate<Event>>,
    outbox: RefCell<Outbox>,
    sequence: Cell<u64>,
    flush_due: Cell<bool>,
    /// A route changed and its `page_view` is not sent yet.
    page_due: Cell<bool>,
}

impl Analytics {
    /// Whether the store sends events at all (any sink configured): the banner and the privacy
    /// settings link exist only then.
    pub fn enabled(&self) -> bool {
        self.inner.with_value(Option::is_some)
    }

    /// Sends `event` through the consent gate to every sink. A page view that is due goes
    /// first, so every event follows the `page_view` of the page it happened on.
    pub fn track(&self, mut event: Event) {
        if event.name == EventName::ViewItem {
            self.viewed(&event);
        }
        let Some(inner) = self.inner.get_value() else {
            return;
        };
        if event.name != EventName::PageView && inner.page_due.get() {
            self.page_view();
        }
        event.brand_items(&inner.brand);
        let passed = inner.gate.borrow_mut().offer(event);
        if let Some(event) = passed {
            inner.deliver(&event);
        }
    }

    /// Whether functional storage is allowed: chosen, or assumed where the market does not ask.
    fn functional(&self) -> bool {
        self.choice
            .get_untracked()
            .unwrap_or(self.rule.get_value().assumed())
            .functional
    }

    /// Remembers the products of a `view_item`, newest first.
    fn viewed(&self, event: &Event) {
        let handles: Vec<String> = event
            .items
            .iter()
            .filter_map(|i| i.handle.clone())
            .collect();
        self.recent.update(|recent| {
            recent.retain(|h| !handles.contains(h));
            for handle in handles.into_iter().rev() {
                recent.insert(0, handle);
            }
            recent.truncate(RECENT);
        });
        self.keep_recent();
    }

    /// Stores the recently viewed list, or forgets it, as functional consent says.
    fn keep_recent(&self) {
        if self.functional() {
            let list = self
                .recent
                .with_untracked(|r| serde_json::to_string(r).unwrap_or_default());
            browser::local_set(RECENT_KEY, &list);
        } else {
            browser::local_remove(RECENT_KEY);
        }
    }

    /// The storefront reports page views (the embed, which has no pages of its own, does not):
    /// the first page's view is due from now, so nothing is reported before it.
    pub fn expect_page_views(&self) {
        if let Some(inner) = self.inner.get_value() {
            inner.page_due.set(true);
        }
    }

    /// The route changed: its `page_view` is sent on the next frame (once the page has set its
    /// title), or before the page's first event if that comes sooner.
    pub fn route_changed(&self) {
        let Some(inner) = self.inner.get_value() else {
            return;
        };
        inner.page_due.set(true);
        let this = *self;
        // On the next frame the address is the new page's (the router may write it after this).
        request_animation_frame(move || {
            if this
                .inner
                .with_value(|i| i.as_ref().is_some_and(|i| i.page_due.get()))
            {
                this.page_view();
            }
            this.report_exposures();
        });
    }

    /// `page_view` of the page as it now is (its URL and title).
    pub fn page_view(&self) {
        let Some(inner) = self.inner.get_value() else {
            return;
        };
        inner.page_due.set(false);
        let document = web_sys::window().and_then(|w| w.document());
        let location = document
            .as_ref()
            .and_then(|d| d.location())
            .and_then(|l| l.href().ok())
            .unwrap_or_default();
        let title = document.map(|d| d.title()).unwrap_or_default();
        self.track(Event::page_view(&location, &title));
    }

    /// An event about the whole cart, when there is a cart with lines.
    pub fn track_cart(&self, name: EventName, cart: Option<&Cart>) {
        if let Some(cart) = cart.filter(|c| !c.lines.is_empty()) {
            self.track(Event::for_cart(name, cart));
        }
    }

    /// The shopper chose: the choice is stored, Consent Mode updated, and the events kept while
    /// waiting are sent (accepted) or dropped (refused). Withdrawing analytics forgets the
    /// client id.
    pub fn choose(&self, consent: Consent) {
        browser::local_set(CONSENT_KEY, &ConsentRecord::new(consent).to_json());
        self.banner_open.set(false);
        self.apply(consent);
    }

    /// Acts on a choice made here or in another tab (already stored).
    fn apply(&self, consent: Consent) {
        self.banner_open.set(false);
        if self.choice.get_untracked() == Some(consent) {
            return;
        }
        self.choice.set(Some(consent));
        self.keep_recent();
        let Some(inner) = self.inner.get_value() else {
            return;
        };
        if inner.config.data_layer {
            sinks::consent_command("update", &consent.mode_json());
        }
        if !consent.analytics {
            browser::local_remove(CLIENT_ID_KEY);
        } else if inner.config.collector.is_some() || self.assigned.with_value(|a| !a.is_empty()) {
            // The session's id becomes the stored one: experiment variants stay as they were.
            client_id();
        }
        let kept = inner.gate.borrow_mut().decide(consent.analytics);
        for event in kept {
            inner.deliver(&event);
        }
    }
}

impl Inner {
    fn deliver(self: &Rc<Self>, event: &Event) {
        let sequence = self.sequence.get() + 1;
        self.sequence.set(sequence);
        if self.config.data_layer {
            sinks::data_layer(event);
        }
        let exact = event.to_exact_json(sequence, now());
        if self.config.dom_event {
            sinks::dom_event(&exact);
        }
        if self.config.collector.is_some() {
            self.outbox.borrow_mut().push(exact);
            if self.outbox.borrow().len() >= BATCH / 2 {
                self.flush();
            } else if !self.flush_due.replace(true) {
                let this = self.clone();
                // Batched: events of the next second go together.
                set_timeout(move || this.flush(), std::time::Duration::from_millis(1000));
            }
        }
    }

    /// Sends what waits for the collector, batch by batch; a batch the browser does not take is
    /// kept for the next flush.
    fn flush(&self) {
        self.flush_due.set(false);
        let Some(url) = self.config.collector.as_deref() else {
            return;
        };
        let client_id = client_id();
        loop {
            let batch = self.outbox.borrow_mut().take(BATCH);
            if batch.is_empty() {
                return;
            }
            let payload = Outbox::payload(&batch, client_id.as_deref());
            if !sinks::beacon(url, &payload) {
                self.outbox.borrow_mut().put_back(batch);
                return;
            }
        }
    }
}

/// The anonymous id the collector counts shoppers by and experiments assign by: kept in local
/// storage (only ever written with analytics consent, as only then does anything reach the
/// collector); the session's id, if there is one, becomes it, so a shopper who accepts keeps
/// their experiment variants.
fn client_id() -> Option<String> {
    if let Some(id) = browser::local_get(CLIENT_ID_KEY).filter(|id| !id.is_empty()) {
        return Some(id);
    }
    let id = browser::session_get(SESSION_ID_KEY)
        .filter(|id| !id.is_empty())
        .unwrap_or_else(random_id);
    browser::local_set(CLIENT_ID_KEY, &id);
    Some(id)
}

/// The id experiments assign by, and whether this browser was here before: the stored id with
/// analytics consent (made now if need be), else one for this tab's session only.
fn anonymous_id(consented: bool) -> (String, bool) {
    if let Some(id) = browser::local_get(CLIENT_ID_KEY).filter(|id| !id.is_empty()) {
        return (id, true);
    }
    if consented {
        return (client_id().unwrap_or_default(), false);
    }
    if let Some(id) = browser::session_get(SESSION_ID_KEY).filter(|id| !id.is_empty()) {
        return (id, false);
    }
    let id = random_id();
    browser::session_set(SESSION_ID_KEY, &id);
    (id, false)
}

#[cfg(target_arch = "wasm32")]
fn random_id() -> String {
    let part = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("{:08x}{:08x}{:08x}", part(), part(), part())
}

#[cfg(not(target_arch = "wasm32"))]
fn random_id() -> String {
    String::new()
}

#[cfg(target_arch = "wasm32")]
fn now() -> u64 {
    js_sys::Date::now() as u64
}

#[cfg(not(target_arch = "wasm32"))]
fn now() -> u64 {
    0
}

/// Provides analytics for the storefront or the embed: reads the store's analytics settings and
/// the stored choice, sets Consent Mode's defaults, and flushes the collector when the page is
/// hidden. The banner opens after the first render (a prerendered page has none) when the
/// market asks first and the shopper has not chosen.
pub fn provide_analytics() -> Analytics {
    let store = use_store().store();
    let settings = store.config.analytics.clone().unwrap_or_default();
    let stored = browser::local_get(CONSENT_KEY).and_then(|t| ConsentRecord::read(&t));
    let takeover = use_context::<Takeover>().is_some();
    let market = use_market();
    let rule = market
        .market
        .with_untracked(|m| settings.consent.rule(m.id.as_str(), m.country.as_str()));
    let analytics = Analytics {
        inner: StoredValue::new_local(None),
        choice: RwSignal::new(stored),
        banner_open: RwSignal::new(false),
        recent: RwSignal::new(Vec::new()),
        rule: StoredValue::new(rule),
        assigned: StoredValue::new(Vec::new()),
        variants_shown: RwSignal::new(!takeover),
    };
    provide_context(analytics);
    if analytics.functional()
        && let Some(list) = browser::local_get(RECENT_KEY)
            .and_then(|t| serde_json::from_str::<Vec<String>>(&t).ok())
    {
        analytics.recent.set(list);
    }
    if takeover {
        Effect::new(move |_| analytics.variants_shown.set(true));
    }
    // A choice made in another tab holds here too, at once.
    browser::on_storage_change(CONSENT_KEY, move || {
        if let Some(consent) = browser::local_get(CONSENT_KEY).and_then(|t| ConsentRecord::read(&t))
        {
            analytics.apply(consent);
        }
    });
    if cfg!(target_arch = "wasm32") && !settings.experiments.is_empty() {
        // Opt-out markets count as consenting until the shopper refuses.
        let consented = stored.map_or(rule == ConsentRule::OptOut, |c| c.analytics);
        let (id, returning) = anonymous_id(consented);
        let shopper = dhow_sdk::analytics::experiments::Shopper {
            market: &market.market.with_untracked(|m| m.id.as_str().to_owned()),
            language: &untrack(|| market.locale()),
            returning,
            now: (now() / 1000) as i64,
        };
        analytics
            .assigned
            .set_value(assign_experiments(&settings.experiments, &id, &shopper));
        show_variants(analytics);
    }
    // Nothing is sent from the prerender, nor without a sink.
    if !cfg!(target_arch = "wasm32") || !settings.sends() {
        return analytics;
    }
    let gate = match (stored, rule) {
        (Some(consent), _) => Gate::decided(consent.analytics),
        (None, ConsentRule::OptIn) => Gate::waiting(),
        (None, ConsentRule::OptOut) => Gate::decided(true),
    };
    if settings.data_layer {
        let assumed = stored.unwrap_or(rule.assumed());
        sinks::consent_command("default", &assumed.mode_json());
    }
    let inner = Rc::new(Inner {
        config: settings,
        brand: store.config.name.clone(),
        gate: RefCell::new(gate),
        outbox: RefCell::new(Outbox::new(OUTBOX)),
        sequence: Cell::new(0),
        flush_due: Cell::new(false),
        page_due: Cell::new(false),
    });
    sinks::on_page_hidden({
        let inner = inner.clone();
        move || inner.flush()
    });
    analytics.inner.set_value(Some(inner));
    Effect::new(move |_| {
        if stored.is_none() && rule == ConsentRule::OptIn {
            analytics.banner_open.set(true);
        }
    });
    analytics
}

/// Each experiment as this shopper sees it, variants forced by the page's `?dhow_exp=` winning.
fn assign_experiments(
    experiments: &[dhow_sdk::analytics::experiments::Experiment],
    id: &str,
    shopper: &dhow_sdk::analytics::experiments::Shopper<'_>,
) -> Vec<Assigned> {
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let forced = dhow_sdk::analytics::experiments::forced_variants(&query);
    experiments
        .iter()
        .map(|e| {
            let force = forced
                .iter()
                .find(|(k, _)| *k == e.key)
                .map(|(_, v)| v.as_str());
            let (variant, takes_part) = e.assign(id, shopper, force);
            Assigned {
                key: e.key.clone(),
                variant: variant.to_owned(),
                takes_part,
                paths: e.paths.clone(),
            }
        })
        .collect()
}

/// Marks the document with each experiment's variant once variants are shown
/// (`<html data-dhow-exp-KEY="VARIANT">`, for styles of a variant written in CSS alone), and
/// reports the exposures of this page.
fn show_variants(analytics: Analytics) {
    Effect::new(move |_| {
        if !analytics.variants_shown.get() {
            return;
        }
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if let Some(root) = &root {
            for a in analytics.assigned.get_value() {
                let _ = root.set_attribute(&format!("data-dhow-exp-{}", a.key), &a.variant);
            }
        }
        analytics.report_exposures();
    });
}

/// The page's path without the market's prefix (`/de/products/x` → `/products/x`).
fn page_path() -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let rest = path.strip_prefix('/').unwrap_or(&path);
    let end = rest.find('/').unwrap_or(rest.len());
    if end == 2 && rest[..end].bytes().all(|b| b.is_ascii_lowercase()) {
        let tail = &rest[end..];
        if tail.is_empty() {
            "/".to_owned()
        } else {
            tail.to_owned()
        }
    } else {
        path
    }
}

impl Analytics {
    /// `experiment_exposure` for every experiment the shopper takes part in whose variant shows
    /// on this page by styles alone (see `paths`), once per session each.
    fn report_exposures(&self) {
        if !self.variants_shown.get_untracked() {
            return;
        }
        let path = page_path();
        for a in self.assigned.get_value() {
            let shows = a.paths.is_empty() || a.paths.iter().any(|p| path.starts_with(p.as_str()));
            if a.takes_part && shows {
                self.exposed(&a.key, &a.variant);
            }
        }
    }

    /// `experiment_exposure` of `key` in `variant`, unless already reported this session.
    fn exposed(&self, key: &str, variant: &str) {
        let line = format!("{key}={variant}");
        let reported = browser::session_get(EXPOSED_KEY).unwrap_or_default();
        if reported.lines().any(|l| l == line) {
            return;
        }
        browser::session_set(EXPOSED_KEY, &format!("{reported}{line}\n"));
        self.track(
            Event::new(EventName::ExperimentExposure)
                .text("experiment_id", key)
                .text("variant_id", variant),
        );
    }
}

/// The variant of experiment `key` (declared in `dhow.json`) this shopper sees, decided before
/// the first render from their anonymous id, so nothing flickers on pages the app renders; a
/// prerendered page shows the control until the app has taken it over. Unknown keys give `""`.
///
/// ```no_run
/// use dhow_app::analytics::use_experiment;
/// use leptos::prelude::*;
///
/// #[component]
/// fn Hero() -> impl IntoView {
///     let variant = use_experiment("hero-copy");
///     move || if variant.get() == "urgent" { "Ships today" } else { "Free returns" }
/// }
/// ```
pub fn use_experiment(key: &str) -> Signal<String> {
    let Some(analytics) = use_analytics() else {
        return Signal::stored(String::new());
    };
    let control = use_store()
        .store()
        .config
        .analytics
        .as_ref()
        .and_then(|a| a.experiment(key))
        .map(|e| e.control().to_owned())
        .unwrap_or_default();
    let key_owned = key.to_owned();
    let variant = Signal::derive(move || {
        let shown = analytics.variants_shown.get();
        analytics
            .assigned
            .with_value(|all| {
                all.iter()
                    .find(|a| a.key == key_owned)
                    .filter(|_| shown)
                    .map(|a| (a.variant.clone(), a.takes_part))
            })
            .unwrap_or_else(|| (control.clone(), false))
    });
    // A component renders the variant: that is its exposure (once per session).
    let key = StoredValue::new(key.to_owned());
    Effect::new(move |_| {
        let (shown, takes_part) = variant.get();
        if takes_part {
            key.with_value(|key| analytics.exposed(key, &shown));
        }
    });
    Signal::derive(move || variant.get().0)
}

/// The analytics context, if provided (components outside a storefront send nothing).
pub fn use_analytics() -> Option<Analytics> {
    use_context::<Analytics>()
}

/// `name` about the whole cart, once, as soon as the cart shows lines (`view_cart` on the cart
/// page, `begin_checkout`): the page may open before the saved cart has loaded.
pub fn track_cart_once(cart: ReadSignal<Option<Cart>>, name: EventName) {
    let Some(analytics) = use_analytics() else {
        return;
    };
    let done = StoredValue::new(false);
    Effect::new(move |_| {
        let ready = cart.with(|c| c.as_ref().is_some_and(|c| !c.lines.is_empty()));
        if ready && !done.get_value() {
            done.set_value(true);
            cart.with_untracked(|c| analytics.track_cart(name, c.as_ref()));
        }
    });
}

/// A product list was shown: `view_item_list` with each product's position.
pub fn list_items(
    list_id: &str,
    list_name: &str,
    products: &[dhow_sdk::model::Product],
) -> Vec<Item> {
    products
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let variant = p
                .variants
                .iter()
                .find(|v| v.available)
                .or(p.variants.first())?;
            Some(Item::from_variant(p, variant, 1).in_list(list_id, list_name, i as u32))
        })
        .collect()
}

#[cfg(target_arch = "wasm32")]
mod sinks {
    use dhow_sdk::analytics::Event;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(
        inline_js = "export function dhow_gtag(a, b, c) { (window.dataLayer = window.dataLayer || []).push(arguments); }"
    )]
    extern "C" {
        /// gtag's convention: a command is pushed as an `arguments` object, which is what
        /// Google's tag reads Consent Mode commands from (an array is not).
        fn dhow_gtag(command: &str, action: &str, params: &JsValue);
    }

    fn data_layer_array() -> Option<js_sys::Array> {
        let window = web_sys::window()?;
        let existing = js_sys::Reflect::get(&window, &"dataLayer".into()).ok()?;
        if existing.is_array() {
            return Some(existing.into());
        }
        let array = js_sys::Array::new();
        js_sys::Reflect::set(&window, &"dataLayer".into(), &array).ok()?;
        Some(array)
    }

    pub fn consent_command(action: &str, params: &str) {
        if let Ok(params) = js_sys::JSON::parse(params) {
            dhow_gtag("consent", action, &params);
        }
    }

    pub fn data_layer(event: &Event) {
        let Some(layer) = data_layer_array() else {
            return;
        };
        let json = event.to_data_layer_json();
        if json.contains("\"ecommerce\":") {
            // Google Tag Manager merges pushes: the previous event's ecommerce is cleared first.
            let clear = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&clear, &"ecommerce".into(), &JsValue::NULL);
            layer.push(&clear);
        }
        if let Ok(value) = js_sys::JSON::parse(&json) {
            layer.push(&value);
        }
    }

    pub fn dom_event(exact: &str) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(detail) = js_sys::JSON::parse(exact) else {
            return;
        };
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(super::DOM_EVENT, &init) {
            let _ = document.dispatch_event(&event);
        }
    }

    /// Queues the payload with the browser; `false` when it refused (too large, or its queue is
    /// full), so the caller keeps it.
    pub fn beacon(url: &str, payload: &str) -> bool {
        web_sys::window()
            .and_then(|w| {
                w.navigator()
                    .send_beacon_with_opt_str(url, Some(payload))
                    .ok()
            })
            .unwrap_or(false)
    }

    pub fn on_page_hidden(flush: impl Fn() + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let flush = std::rc::Rc::new(flush);
        let on_hide = {
            let flush = flush.clone();
            Closure::<dyn Fn()>::new(move || flush())
        };
        let on_visibility = Closure::<dyn Fn()>::new(move || {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
            if hidden {
                flush();
            }
        });
        let _ =
            window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        if let Some(document) = window.document() {
            let _ = document.add_event_listener_with_callback(
                "visibilitychange",
                on_visibility.as_ref().unchecked_ref(),
            );
        }
        // Listeners for the page's lifetime.
        on_hide.forget();
        on_visibility.forget();
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod sinks {
    use dhow_sdk::analytics::Event;

    pub fn consent_command(_action: &str, _params: &str) {}
    pub fn data_layer(_event: &Event) {}
    pub fn dom_event(_exact: &str) {}
    pub fn beacon(_url: &str, _payload: &str) -> bool {
        false
    }
    pub fn on_page_hidden(_flush: impl Fn() + 'static) {}
}
