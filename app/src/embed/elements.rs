//! The views behind each custom element, built from the storefront's own components.

use dhow_sdk::model::{Order, Product, Variant};
use dhow_sdk::{Backend, Error, Resource};
use leptos::either::Either;
use leptos::html::Dialog;
use leptos::prelude::*;

use super::events::{self, CartSnapshot, OrderPlaced};
use super::{Attributes, Emit, Runtime};
use crate::components::cart::{AddToCart, CartButton, CartDrawer};
use crate::components::catalog::{
    ALIKE, AlikeProducts, BoughtTogether, ProductCard, TOGETHER, VariantPicker, initial_selection,
};
use crate::components::layout::ErrorNotice;
use crate::components::market::MarketSelector;
use crate::components::money::Price;
use crate::hooks::{RecommendationKind, UseCart, UseMarket, use_market, use_recommendations_here};
use crate::i18n::{self, use_i18n};
use crate::store::use_store;

/// The elements there are, by the name after `dhow-`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Element {
    /// `<dhow-product-card handle>`: image, title, price, and the buy controls.
    ProductCard,
    /// `<dhow-buy-button handle [variant]>`: options (unless a variant is given) and "Add to cart".
    BuyButton,
    /// `<dhow-price handle [variant]>`: a price in the market's currency.
    Price,
    /// `<dhow-market-selector>`: country/region and language.
    MarketSelector,
    /// `<dhow-cart-button>`: opens the cart drawer, shows the item count.
    CartButton,
    /// `<dhow-cart-drawer>`: the cart drawer, and the checkout that opens in place from it.
    CartDrawer,
    /// `<dhow-checkout>`: the checkout, in the page's flow.
    Checkout,
    /// `<dhow-recommendations handle kind>`: "Frequently bought together" with this product
    /// (`kind="bought-together"`) or "You may also like" (`kind="similar"`, the default).
    Recommendations,
    /// `<dhow-account>`: the sign-in form, or the signed-in customer with "Sign out"; the same
    /// session as the storefront's and every other element's.
    Account,
}

/// The attributes a product element reads; a change to one re-renders it in place.
const HANDLE: &str = "handle";
const VARIANT: &str = "variant";
const KIND: &str = "kind";

impl Element {
    /// Every element, in the order the JavaScript module defines them.
    pub const ALL: [Element; 9] = [
        Element::ProductCard,
        Element::BuyButton,
        Element::Price,
        Element::MarketSelector,
        Element::CartButton,
        Element::CartDrawer,
        Element::Checkout,
        Element::Recommendations,
        Element::Account,
    ];

    /// The attributes the element reads, which its custom element must observe (checked against
    /// the JavaScript module's list by a test).
    #[cfg(test)]
    pub fn attributes(self) -> &'static [&'static str] {
        match self {
            Element::ProductCard | Element::BuyButton | Element::Price => &[HANDLE, VARIANT],
            Element::Recommendations => &[HANDLE, KIND],
            Element::MarketSelector
            | Element::CartButton
            | Element::CartDrawer
            | Element::Checkout
            | Element::Account => &[],
        }
    }

    /// The name after `dhow-` (`product-card`).
    pub fn kind(self) -> &'static str {
        &self.tag()["dhow-".len()..]
    }

    /// The element named `kind` (`product-card`).
    pub fn parse(kind: &str) -> Option<Element> {
        Element::ALL.into_iter().find(|e| e.kind() == kind)
    }

    fn tag(self) -> &'static str {
        match self {
            Element::ProductCard => "dhow-product-card",
            Element::BuyButton => "dhow-buy-button",
            Element::Price => "dhow-price",
            Element::MarketSelector => "dhow-market-selector",
            Element::CartButton => "dhow-cart-button",
            Element::CartDrawer => "dhow-cart-drawer",
            Element::Checkout => "dhow-checkout",
            Element::Recommendations => "dhow-recommendations",
            Element::Account => "dhow-account",
        }
    }
}

/// What elements share besides the contexts: the checkout dialog's state and the page's events.
#[derive(Clone, Copy)]
pub struct Shared {
    market: UseMarket,
    cart: UseCart,
    checkout_open: RwSignal<bool>,
    emit: StoredValue<Emit, LocalStorage>,
}

impl From<&Runtime> for Shared {
    fn from(runtime: &Runtime) -> Shared {
        Shared {
            market: runtime.market,
            cart: runtime.cart,
            checkout_open: runtime.checkout_open,
            emit: runtime.emit,
        }
    }
}

impl Shared {
    fn send_checkout_started(&self) {
        let snapshot = self.cart.cart.with_untracked(|c| {
            CartSnapshot::new(c.as_ref(), &self.market.market.with_untracked(Clone::clone))
        });
        self.emit
            .with_value(|emit| events::send(emit, events::CHECKOUT_STARTED, &snapshot));
    }

    fn send_order_placed(&self, order: &Order) {
        self.emit.with_value(|emit| {
            events::send(emit, events::ORDER_PLACED, &OrderPlaced::from(order));
        });
    }
}

/// Opens the checkout dialog (held by the cart drawer's element) and tells the page.
pub fn open_checkout(shared: &Shared) {
    shared.cart.drawer_open.set(false);
    if !shared.checkout_open.get_untracked() {
        shared.checkout_open.set(true);
        shared.send_checkout_started();
    }
}

/// Keeps `lang` and `dir` of an element's root in step with the market's language: the brand's
/// page keeps its own.
pub fn keep_language(root: web_sys::HtmlElement, market: UseMarket) {
    Effect::new(move |_| {
        let locale = market.market.with(|m| m.locale.clone());
        let _ = root.set_attribute("lang", &locale);
        let _ = root.set_attribute("dir", if i18n::is_rtl(&locale) { "rtl" } else { "ltr" });
    });
}

/// The view of `element` with its (live) attributes.
pub fn view(element: Element, attributes: ArcRwSignal<Attributes>, shared: Shared) -> AnyView {
    match element {
        Element::ProductCard | Element::BuyButton | Element::Price => {
            view! { <ProductElement element=element attributes=attributes/> }.into_any()
        }
        Element::MarketSelector => view! { <MarketSelector/> }.into_any(),
        Element::CartButton => view! { <CartButton/> }.into_any(),
        Element::CartDrawer => view! {
            <CartDrawer on_checkout=Callback::new(move |_| open_checkout(&shared))/>
            <CheckoutDialog shared=shared/>
        }
        .into_any(),
        Element::Checkout => view! { <InlineCheckout shared=shared/> }.into_any(),
        Element::Recommendations => {
            view! { <RecommendationsElement attributes=attributes/> }.into_any()
        }
        Element::Account => super::parts::account(),
    }
}

/// A product's recommendations, of the kind its `kind` attribute names.
#[component]
fn RecommendationsElement(attributes: ArcRwSignal<Attributes>) -> impl IntoView {
    let store = use_store();
    let market = use_market();
    let handle = {
        let attributes = attributes.clone();
        Memo::new(move |_| attribute(&attributes, HANDLE))
    };
    let kind = Memo::new(move |_| {
        let name = attribute(&attributes, KIND);
        let kind = name
            .as_deref()
            .map_or(Some(RecommendationKind::Similar), RecommendationKind::parse);
        if kind.is_none() {
            leptos::logging::error!(
                "<dhow-recommendations kind=\"{}\">: kind is bought-together or similar",
                name.unwrap_or_default()
            );
        }
        kind
    });
    // The product (which "bought together" shows with its set) and its list, in the market,
    // read again when the handle or the market changes.
    let product = LocalResource::new(move || {
        let (market, handle, store) = (market.market.get(), handle.get(), store.store());
        async move {
            let Some(handle) = handle else {
                leptos::logging::error!("<dhow-recommendations> needs a handle attribute");
                return Err(Error::not_found(Resource::Product, ""));
            };
            store.backend.product(&market, &handle).await
        }
    });
    let list = use_recommendations_here(move || {
        let kind = kind.get()?;
        let limit = match kind {
            RecommendationKind::BoughtTogether => TOGETHER,
            RecommendationKind::Similar => ALIKE,
        };
        Some((handle.get().into_iter().collect(), kind, limit))
    });
    move || match kind.get() {
        Some(RecommendationKind::Similar) => {
            Some(view! { <AlikeProducts products=list/> }.into_any())
        }
        Some(RecommendationKind::BoughtTogether) => Some(
            view! {
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        product.await.ok().map(|p| {
                            let variant = p.variant_for(&initial_selection(&p)).cloned();
                            view! { <BoughtTogether product=p variant=variant others=list/> }
                        })
                    })}
                </Transition>
            }
            .into_any(),
        ),
        None => None,
    }
}

/// An attribute, tracked.
fn attribute(attributes: &ArcRwSignal<Attributes>, name: &str) -> Option<String> {
    attributes.with(|a| {
        a.get(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    })
}

/// The product named by the `handle` attribute, priced in the market; re-loaded when either
/// changes, showing the former one meanwhile.
#[component]
fn ProductElement(element: Element, attributes: ArcRwSignal<Attributes>) -> impl IntoView {
    let store = use_store();
    let market = use_market();
    let handle = {
        let attributes = attributes.clone();
        Memo::new(move |_| attribute(&attributes, HANDLE))
    };
    let variant = {
        let attributes = attributes.clone();
        Memo::new(move |_| attribute(&attributes, VARIANT))
    };
    let product = LocalResource::new(move || {
        let market = market.market.get();
        let handle = handle.get();
        let store = store.store();
        async move {
            let Some(handle) = handle else {
                leptos::logging::error!("<{}> needs a handle attribute", element.tag());
                return Err(Error::not_found(Resource::Product, ""));
            };
            let result = store.backend.product(&market, &handle).await;
            if let Err(error) = &result {
                leptos::logging::error!("<{} handle=\"{handle}\">: {error}", element.tag());
            }
            result
        }
    });
    view! {
        <Transition fallback=|| view! { <div class="dhow-embed-placeholder" aria-hidden="true"></div> }>
            {move || Suspend::new(async move {
                match product.await {
                    Ok(p) => Either::Left(match element {
                        Element::Price => {
                            let price = pinned_variant(&p, variant.get().as_deref())
                                .map(|v| v.price)
                                .or_else(|| p.lowest_price().cloned());
                            price.map(|price| view! { <Price price=price/> }).into_any()
                        }
                        Element::BuyButton => {
                            view! { <BuyControls product=p variant=variant.get()/> }.into_any()
                        }
                        _ => view! {
                            <div class="dhow-embed-card" part="card">
                                <ProductCard product=p.clone() eager=true/>
                                <BuyControls product=p variant=variant.get()/>
                            </div>
                        }
                        .into_any(),
                    }),
                    Err(error) => Either::Right(view! { <ErrorNotice error=error/> }),
                }
            })}
        </Transition>
    }
}

/// The variant named by a `variant` attribute: its id or its SKU.
fn pinned_variant(product: &Product, wanted: Option<&str>) -> Option<Variant> {
    let wanted = wanted?;
    let found = product
        .variants
        .iter()
        .find(|v| v.id.as_str() == wanted || v.sku.as_deref() == Some(wanted))
        .cloned();
    if found.is_none() {
        leptos::logging::error!("product \"{}\" has no variant \"{wanted}\"", product.handle);
    }
    found
}

/// Options (unless the element names its variant) and "Add to cart".
#[component]
fn BuyControls(product: Product, variant: Option<String>) -> impl IntoView {
    let pinned = variant.is_some();
    let fixed = pinned_variant(&product, variant.as_deref());
    let selected = RwSignal::new(initial_selection(&product));
    let stored = StoredValue::new(product.clone());
    let chosen = Signal::derive(move || {
        if pinned {
            fixed.clone()
        } else {
            selected.with(|s| stored.with_value(|p| p.variant_for(s).cloned()))
        }
    });
    let picker = (!pinned && product.variants.len() > 1)
        .then(|| view! { <VariantPicker product=product.clone() selected=selected/> });
    view! {
        <div class="dhow-embed-buy" part="buy">
            {picker}
            <AddToCart product=product variant=chosen/>
        </div>
    }
}

/// The checkout in a modal dialog on the brand's page, ending on the order's confirmation.
#[component]
fn CheckoutDialog(shared: Shared) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = NodeRef::<Dialog>::new();
    let open = shared.checkout_open;
    let placed = RwSignal::new(None::<Order>);
    Effect::new(move |_| {
        let wanted = open.get();
        if let Some(dialog) = dialog.get() {
            if wanted && !dialog.open() {
                let _ = dialog.show_modal();
            } else if !wanted && dialog.open() {
                dialog.close();
            }
        }
    });
    let on_placed = Callback::new(move |order: Order| {
        shared.send_order_placed(&order);
        placed.set(Some(order));
    });
    view! {
        <dialog node_ref=dialog class="dhow-checkout-dialog" part="checkout-dialog"
            aria-label=move || i18n.t("checkout-title")
            on:close=move |_| {
                open.set(false);
                placed.set(None);
            }>
            <div class="dhow-checkout-dialog__head">
                <button type="button" class="dhow-icon-button" aria-label=move || i18n.t("checkout-close")
                    on:click=move |_| open.set(false)>"×"</button>
            </div>
            // Built when opened, so every checkout starts at its first step.
            {move || open.get().then(|| match placed.get() {
                Some(order) => super::parts::order(order),
                None => super::parts::checkout(on_placed),
            })}
        </dialog>
    }
}

/// The checkout in the page's own flow (a brand's checkout page).
#[component]
fn InlineCheckout(shared: Shared) -> impl IntoView {
    let placed = RwSignal::new(None::<Order>);
    shared.send_checkout_started();
    let on_placed = Callback::new(move |order: Order| {
        shared.send_order_placed(&order);
        placed.set(Some(order));
    });
    move || match placed.get() {
        Some(order) => super::parts::order(order),
        None => super::parts::checkout(on_placed),
    }
}
