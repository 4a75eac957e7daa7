//! Component tests in headless Chromium: `Price`, `CartButton` and `AddressForm` mounted under the
//! contexts the storefront provides at its root (store on the embedded local backend, market,
//! translations, cart), with assertions on the DOM they render.
#![cfg(target_arch = "wasm32")]

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use dhow_app::components::cart::CartButton;
use dhow_app::components::checkout::{AddressDraft, AddressForm};
use dhow_app::components::money::{MarketTerms, Price};
use dhow_app::hooks::{UseCart, provide_cart, provide_market_in_place};
use dhow_app::i18n::{Translations, provide_i18n_with};
use dhow_app::store::{Store, open_store_reading, provide_store};
use dhow_sdk::address::CountryCode;
use dhow_sdk::model::Product;
use dhow_sdk::{Backend, Error, FieldError, Market, Problem, StoreConfig};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

// The demo store exactly as `trunk serve` ships it: the same configuration and catalog files.
const CONFIG: &str = include_str!("../../public/dhow.json");
const CATALOG: &str = include_str!("../../public/catalog.json");

/// How long a condition may take before the test fails. Everything here is local (no network),
/// so a healthy run needs a few milliseconds; the margin is for a loaded CI machine.
const TIMEOUT_MS: f64 = 5_000.0;

/// The messages of a locale the tests use. The storefront fetches non-default locales from
/// `/locales/`, which the test runner does not serve, so they are compiled in here.
fn messages(locale: &str) -> Translations {
    let source = match locale {
        "en-US" => include_str!("../../locales/en-US/main.ftl"),
        "de-DE" => include_str!("../../locales/de-DE/main.ftl"),
        "ja-JP" => include_str!("../../locales/ja-JP/main.ftl"),
        other => panic!("the component tests have no messages for {other}"),
    };
    Translations::new(locale, source)
}

/// Forgets what an earlier test kept (cart id, the local engine's carts, a chosen market or
/// language): every test starts as a first visit.
fn clear_storage() {
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage");
    storage.clear().expect("localStorage.clear()");
}

/// The demo store on the embedded local backend, opened as the storefront opens it.
struct Shop {
    store: Rc<Store>,
}

impl Shop {
    async fn open() -> Shop {
        let config = StoreConfig::from_json(CONFIG).expect("public/dhow.json");
        let store = open_store_reading(config, |url: &str| {
            assert_eq!(url, "/catalog.json", "the local backend reads its catalog");
            async { Ok::<_, Error>(CATALOG.to_owned()) }
        })
        .await
        .expect("the local backend opens on public/catalog.json");
        Shop {
            store: Rc::new(store),
        }
    }

    fn market(&self, id: &str) -> Market {
        self.store
            .config
            .market(id)
            .unwrap_or_else(|| panic!("market {id} is listed in dhow.json"))
            .clone()
    }

    /// A product priced for market `market`, as the product page gets it.
    async fn product(&self, market: &str, handle: &str) -> Product {
        self.store
            .backend
            .product(&self.market(market), handle)
            .await
            .unwrap_or_else(|e| panic!("product {handle} in {market}: {e}"))
    }

    /// Mounts `view` into a fresh element under the contexts the storefront provides at its
    /// root, in market `market` and its language. The market is provided in place (as for
    /// embedded components) because there is no router here to read it from the URL.
    fn mount<V>(&self, market: &str, view: impl FnOnce() -> V + 'static) -> Mounted
    where
        V: IntoView + Send + 'static,
    {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .expect("a document");
        let root: HtmlElement = document
            .create_element("div")
            .expect("a div")
            .unchecked_into();
        document
            .body()
            .expect("a body")
            .append_child(&root)
            .expect("the root is attached");
        let locale = self.market(market).locale;
        let store = self.store.clone();
        let market = market.to_owned();
        let cart = Rc::new(Cell::new(None));
        let handle = {
            let cart = cart.clone();
            leptos::mount::mount_to(root.clone(), move || {
                provide_i18n_with(messages(&locale));
                provide_store(store).expect("the default market is listed");
                provide_market_in_place(Some(market), String::new());
                cart.set(Some(provide_cart()));
                view().into_any()
            })
        };
        Mounted {
            cart: cart.get().expect("the cart was provided"),
            root,
            _handle: Box::new(handle),
        }
    }
}

/// A mounted component; dropping it unmounts it and removes its element.
struct Mounted {
    root: HtmlElement,
    /// The cart context the component sees, to act as another component would.
    cart: UseCart,
    /// Unmounts and disposes the view when dropped.
    _handle: Box<dyn Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

impl Mounted {
    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).ok().flatten()
    }

    /// The text of the first element matching `selector`; fails when there is none.
    fn text(&self, selector: &str) -> String {
        self.find(selector)
            .and_then(|e| e.text_content())
            .unwrap_or_else(|| panic!("no {selector} in {}", self.root.inner_html()))
    }

    fn attribute(&self, selector: &str, name: &str) -> Option<String> {
        self.find(selector).and_then(|e| e.get_attribute(name))
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self
            .root
            .query_selector_all(selector)
            .expect("a valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .collect()
    }

    /// Waits until `ready` holds, giving the page a task turn between checks (Leptos runs
    /// effects and spawned futures in microtasks, which a task turn lets finish); fails with
    /// the rendered HTML after `TIMEOUT_MS`.
    async fn until(&self, what: &str, ready: impl Fn(&Mounted) -> bool) {
        let start = js_sys::Date::now();
        while !ready(self) {
            if js_sys::Date::now() - start > TIMEOUT_MS {
                panic!(
                    "timed out after {TIMEOUT_MS} ms waiting until {what}; the DOM is:\n{}",
                    self.root.inner_html()
                );
            }
            next_task().await;
        }
    }

    /// Types `value` into the form control `selector` as a shopper would: the value, then the
    /// event the component listens to.
    fn enter(&self, selector: &str, value: &str, event: &str) {
        let control = self
            .find(selector)
            .unwrap_or_else(|| panic!("no {selector} in {}", self.root.inner_html()));
        // Inputs and selects both have a `value` property; web-sys's typed setter exists only
        // on the input type, and the select type is not among the crate's web-sys features.
        js_sys::Reflect::set(&control, &"value".into(), &value.into()).expect("set value");
        let event = web_sys::Event::new(event).expect("an event");
        control.dispatch_event(&event).expect("dispatched");
    }
}

/// Resolves after the current task: a `setTimeout(0)` turn. Written here rather than taken from
/// gloo-timers, which is not in the lockfile, for these few lines.
async fn next_task() {
    let turn = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("a window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(turn)
        .await
        .expect("a timer never fails");
}

// ---- Price ----

#[wasm_bindgen_test]
async fn a_price_in_japan_is_whole_yen_with_tax_included() {
    clear_storage();
    let shop = Shop::open().await;
    let price = shop.product("jp", "harbour-rain-jacket").await.variants[0]
        .price
        .clone();
    let page = shop.mount("jp", move || {
        view! { <Price price=price/> <MarketTerms/> }
    });
    page.until("the price shows", |p| {
        p.find(".dhow-price__amount").is_some()
    })
    .await;
    assert_eq!(page.text(".dhow-price__amount"), "￥24,900");
    assert_eq!(
        page.attribute(".dhow-price", "data-currency").as_deref(),
        Some("JPY")
    );
    assert!(
        page.find(".dhow-price__compare").is_none(),
        "not on sale: {}",
        page.root.inner_html()
    );
    assert_eq!(page.text(".dhow-market-terms span"), "税込");
}

#[wasm_bindgen_test]
async fn a_sale_price_in_germany_is_in_euros_with_vat_included_in_german() {
    clear_storage();
    let shop = Shop::open().await;
    let price = shop.product("de", "packable-rain-shell").await.variants[0]
        .price
        .clone();
    let page = shop.mount("de", move || {
        view! { <Price price=price/> <MarketTerms/> }
    });
    page.until("the price shows", |p| {
        p.find(".dhow-price__amount").is_some()
    })
    .await;
    assert_eq!(page.text(".dhow-price__amount"), "89,00\u{a0}€");
    // The former price is struck through, and read out with its word ("Statt", was) first.
    assert_eq!(page.text("s.dhow-price__compare"), "Statt 119,00\u{a0}€");
    assert_eq!(
        page.text(".dhow-price__compare .dhow-visually-hidden"),
        "Statt "
    );
    assert_eq!(page.text(".dhow-market-terms span"), "inkl. MwSt.");
}

#[wasm_bindgen_test]
async fn a_price_in_the_united_states_is_shown_before_tax() {
    clear_storage();
    let shop = Shop::open().await;
    let price = shop.product("us", "harbour-rain-jacket").await.variants[0]
        .price
        .clone();
    let page = shop.mount("us", move || {
        view! { <Price price=price/> <MarketTerms/> }
    });
    page.until("the price shows", |p| {
        p.find(".dhow-price__amount").is_some()
    })
    .await;
    assert_eq!(page.text(".dhow-price__amount"), "$159.00");
    assert_eq!(page.text(".dhow-market-terms span"), "Plus tax");
}

// ---- CartButton ----

/// The count the button shows, from its badge (what sighted shoppers see).
fn badge(page: &Mounted) -> Option<String> {
    page.attribute(".dhow-cart-button__count", "data-count")
}

#[wasm_bindgen_test]
async fn the_cart_button_counts_what_the_cart_hook_adds() {
    clear_storage();
    let shop = Shop::open().await;
    let product = shop.product("us", "harbour-rain-jacket").await;
    let page = shop.mount("us", || view! { <CartButton/> });
    page.until("the empty cart shows 0", |p| {
        badge(p).as_deref() == Some("0")
    })
    .await;
    assert_eq!(page.text("[role=status]"), "Your cart is empty");

    let mut in_stock = product.variants.iter().filter(|v| v.available);
    let (first, second) = (
        in_stock.next().expect("a variant in stock"),
        in_stock.next().expect("a second variant in stock"),
    );
    page.cart.add(&product, first, 2);
    page.until("the badge shows 2", |p| badge(p).as_deref() == Some("2"))
        .await;
    assert_eq!(page.text(".dhow-cart-button__count"), "2");
    assert_eq!(page.text("[role=status]"), "2 items in your cart");

    // The count shown at once is a guess; it must also be what the backend now holds.
    let cart = page.cart;
    page.until("the backend has answered", move |_| {
        cart.pending.get_untracked() == 0
            && cart
                .cart
                .with_untracked(|c| c.as_ref().is_some_and(|c| c.id.as_str() != "pending"))
    })
    .await;
    let id = cart
        .cart
        .with_untracked(|c| c.as_ref().map(|c| c.id.clone()))
        .expect("a cart");
    let held = shop.store.backend.cart(&id).await.expect("the saved cart");
    assert_eq!(held.item_count(), 2);
    assert_eq!(badge(&page).as_deref(), Some("2"));

    page.cart.add(&product, second, 1);
    page.until("the badge shows 3", |p| badge(p).as_deref() == Some("3"))
        .await;
    assert_eq!(page.text("[role=status]"), "3 items in your cart");
    page.until("the backend has answered", move |_| {
        cart.pending.get_untracked() == 0
    })
    .await;
    drop(page);

    // A new page view (storage kept): the button shows the saved cart's count.
    let shop = Shop::open().await;
    let page = shop.mount("us", || view! { <CartButton/> });
    page.until("the saved cart's count shows", |p| {
        badge(p).as_deref() == Some("3")
    })
    .await;
}

// ---- AddressForm ----

fn country(code: &str) -> CountryCode {
    CountryCode::parse(code).expect("a country code")
}

/// The form's fields in the order shown.
fn field_order(page: &Mounted) -> Vec<String> {
    page.all(".dhow-field")
        .iter()
        .filter_map(|f| f.get_attribute("data-field"))
        .collect()
}

/// The label of field `name`, without its "(optional)" mark.
fn label(page: &Mounted, name: &str) -> String {
    let label = page.text(&format!("[data-field={name}] label"));
    let optional = page
        .find(&format!("[data-field={name}] .dhow-field__optional"))
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    label.trim_end_matches(&optional).to_owned()
}

#[wasm_bindgen_test]
async fn the_address_form_follows_the_country() {
    clear_storage();
    let shop = Shop::open().await;
    let shipping_to = RwSignal::new(country("US"));
    let page = shop.mount("us", move || {
        view! {
            <AddressForm country=shipping_to draft=RwSignal::new(AddressDraft::default())
                errors=Signal::derive(Vec::new)/>
        }
    });
    page.until("the form shows", |p| p.find(".dhow-address-form").is_some())
        .await;
    assert_eq!(
        field_order(&page),
        [
            "first_name",
            "last_name",
            "company",
            "line1",
            "line2",
            "city",
            "region",
            "postal_code",
            "phone"
        ]
    );
    assert_eq!(label(&page, "region"), "State");
    assert_eq!(label(&page, "postal_code"), "ZIP code");
    assert_eq!(
        page.text("[data-field=postal_code] .dhow-field__hint"),
        "For example 95014"
    );
    // The states to choose from, after "Choose…".
    assert_eq!(page.all("select#shipping-region option").len(), 1 + 62);
    assert_eq!(
        page.text("[data-field=company] .dhow-field__optional"),
        "(optional)"
    );

    shipping_to.set(country("JP"));
    page.until("the Japanese form shows", |p| {
        field_order(p).first().map(String::as_str) == Some("last_name")
    })
    .await;
    // Family name first, and the address from the postal code down to the street.
    assert_eq!(
        field_order(&page),
        [
            "last_name",
            "first_name",
            "company",
            "postal_code",
            "region",
            "city",
            "line1",
            "line2",
            "phone"
        ]
    );
    assert_eq!(label(&page, "region"), "Prefecture");
    assert_eq!(label(&page, "postal_code"), "Postal code");
    assert_eq!(
        page.text("[data-field=postal_code] .dhow-field__hint"),
        "For example 154-0023"
    );
    assert_eq!(page.all("select#shipping-region option").len(), 1 + 47);
}

#[wasm_bindgen_test]
async fn the_japanese_form_speaks_japanese_in_the_japanese_market() {
    clear_storage();
    let shop = Shop::open().await;
    let page = shop.mount("jp", move || {
        view! {
            <AddressForm country=country("JP") draft=RwSignal::new(AddressDraft::default())
                errors=Signal::derive(Vec::new)/>
        }
    });
    page.until("the form shows", |p| p.find(".dhow-address-form").is_some())
        .await;
    assert_eq!(label(&page, "postal_code"), "郵便番号");
    assert_eq!(label(&page, "region"), "都道府県");
    assert_eq!(label(&page, "city"), "市区町村");
}

#[wasm_bindgen_test]
async fn a_required_field_left_empty_shows_its_error() {
    clear_storage();
    let shop = Shop::open().await;
    let draft = RwSignal::new(AddressDraft::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let page = shop.mount("us", move || {
        view! { <AddressForm country=country("US") draft=draft errors=errors/> }
    });
    page.until("the form shows", |p| p.find("#shipping-line1").is_some())
        .await;
    // Everything a US address needs but the city.
    page.enter("#shipping-first_name", "Jane", "input");
    page.enter("#shipping-last_name", "Doe", "input");
    page.enter("#shipping-line1", "1600 Amphitheatre Pkwy", "input");
    page.enter("#shipping-region", "CA", "change");
    page.enter("#shipping-postal_code", "94043", "input");
    assert_eq!(
        draft
            .with_untracked(|d| d.0.get("region").cloned())
            .as_deref(),
        Some("CA")
    );

    // The checkout's round trip: the draft goes to the backend, its field errors come back.
    let backend = &shop.store.backend;
    let cart = backend
        .create_cart(&shop.market("us"))
        .await
        .expect("a cart");
    let refused = backend
        .set_shipping_address(&cart.id, &draft.get_untracked().to_address(country("US")))
        .await;
    let Err(Error::InvalidInput { fields }) = refused else {
        panic!("an address without a city must be refused: {refused:?}");
    };
    assert_eq!(fields, [FieldError::new("city", Problem::Required)]);
    errors.set(fields);

    page.until("the city shows its error", |p| {
        p.attribute("#shipping-city", "aria-invalid").as_deref() == Some("true")
    })
    .await;
    assert_eq!(page.text("#shipping-city-error"), "This field is required.");
    assert_eq!(
        page.attribute("#shipping-city", "aria-describedby")
            .as_deref(),
        Some("shipping-city-error")
    );
    // Only the city: the filled fields keep what was typed and show no error.
    for name in ["first_name", "last_name", "line1", "postal_code"] {
        assert_eq!(
            page.attribute(&format!("#shipping-{name}"), "aria-invalid")
                .as_deref(),
            Some("false"),
            "{name}"
        );
        assert_eq!(page.text(&format!("#shipping-{name}-error")), "", "{name}");
    }
    let line1: HtmlInputElement = page
        .find("#shipping-line1")
        .expect("line 1")
        .unchecked_into();
    assert_eq!(line1.value(), "1600 Amphitheatre Pkwy");

    // Filled in, the same address is taken and the error goes.
    page.enter("#shipping-city", "Mountain View", "input");
    let taken = backend
        .set_shipping_address(&cart.id, &draft.get_untracked().to_address(country("US")))
        .await;
    assert!(taken.is_ok(), "{taken:?}");
    errors.set(Vec::new());
    page.until("the error is gone", |p| {
        p.attribute("#shipping-city", "aria-invalid").as_deref() == Some("false")
    })
    .await;
    assert_eq!(page.text("#shipping-city-error"), "");
}
