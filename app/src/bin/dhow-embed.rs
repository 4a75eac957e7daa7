//! The embed binary: Dhow's components for a brand's own pages. Exports the few functions the
//! custom elements of `app/embed/dhow-embed.js` call; holds no router and no pages, so a page
//! with one buy button does not download the storefront.
//!
//! It also holds the split points of the parts a buy button does not need
//! (`dhow_app::embed::parts`): each function in `parts` below is cut, with the code only it
//! reaches, into the chunk its first argument names (`scripts/build-embed.sh`), fetched when the
//! checkout or the account element is first shown (or, for the checkout, when the cart opens),
//! and of the cart drawer's body (fetched when the browser is idle, or when the cart opens).

#[cfg(target_arch = "wasm32")]
mod parts {
    use dhow_app::components::account::AccountMenu;
    use dhow_app::components::checkout::CheckoutSteps;
    use dhow_app::embed::parts::PartLoader;
    use dhow_app::routes::OrderDetails;
    use dhow_app::routes::lazy::{ChunkUnavailable, PageFuture, PreloadFuture};
    use dhow_sdk::model::Order;
    use leptos::prelude::*;
    use leptos::wasm_split::{SplitLoaderError, wasm_split};

    /// The splitter's error, as the parts know it.
    struct Unavailable;

    impl From<SplitLoaderError> for Unavailable {
        fn from(_: SplitLoaderError) -> Self {
            Self
        }
    }

    #[wasm_split(checkout, wasm_split_path = leptos::wasm_split, fallible, preload(preload_checkout))]
    fn checkout_steps(on_placed: Callback<Order>) -> Result<AnyView, Unavailable> {
        Ok(view! { <CheckoutSteps on_placed=on_placed/> }.into_any())
    }

    #[wasm_split(checkout, wasm_split_path = leptos::wasm_split, fallible)]
    fn order_details(order: Order) -> Result<AnyView, Unavailable> {
        Ok(view! { <OrderDetails order=order confirmation=true/> }.into_any())
    }

    #[wasm_split(account, wasm_split_path = leptos::wasm_split, fallible)]
    fn account_menu() -> Result<AnyView, Unavailable> {
        Ok(view! { <AccountMenu links=false/> }.into_any())
    }

    fn checkout(on_placed: Callback<Order>) -> PageFuture {
        Box::pin(async move {
            checkout_steps(on_placed)
                .await
                .map_err(|Unavailable| ChunkUnavailable)
        })
    }

    fn order(order: Order) -> PageFuture {
        Box::pin(async move {
            order_details(order)
                .await
                .map_err(|Unavailable| ChunkUnavailable)
        })
    }

    fn account() -> PageFuture {
        Box::pin(async { account_menu().await.map_err(|Unavailable| ChunkUnavailable) })
    }

    fn preload() -> PreloadFuture {
        Box::pin(async { preload_checkout().await.map_err(|_| ChunkUnavailable) })
    }

    /// Completing an order (`Backend::complete`) is checkout code: a cart loaded after its
    /// checkout finished elsewhere fetches the checkout chunk.
    #[wasm_split(checkout, wasm_split_path = leptos::wasm_split, fallible)]
    fn complete_order(
        store: std::rc::Rc<dhow_app::store::Store>,
        id: dhow_sdk::CartId,
    ) -> Result<dhow_app::hooks::CompletedFuture, Unavailable> {
        Ok(Box::pin(async move {
            use dhow_sdk::Backend;
            store.backend.complete(&id).await
        }))
    }

    pub fn complete(
        store: std::rc::Rc<dhow_app::store::Store>,
        id: dhow_sdk::CartId,
    ) -> dhow_app::hooks::CompleteFuture {
        Box::pin(async move {
            match complete_order(store, id).await {
                Ok(completed) => Ok(completed.await),
                Err(Unavailable) => Err(ChunkUnavailable),
            }
        })
    }

    pub fn loader() -> PartLoader {
        PartLoader {
            checkout,
            order,
            account,
            preload_checkout: preload,
        }
    }

    // The cart drawer's body: a chunk of its own, fetched when the browser is idle after the
    // elements have started, or when the drawer first opens.
    dhow_app::drawer_split_point!();
}

#[cfg(target_arch = "wasm32")]
mod exports {
    use std::rc::Rc;

    use dhow_app::embed;
    use wasm_bindgen::prelude::*;

    /// The page's JavaScript gets the SDK's error as it serialises (`{ "kind": "not_sold",
    /// "what": "market", "code": "zz" }`) on a JavaScript `Error` whose message is the sentence,
    /// so `error.kind` can be matched on and the console still shows what happened.
    fn js_error(error: dhow_sdk::Error) -> JsValue {
        let js = js_sys::Error::new(&error.to_string());
        let fields = serde_json::to_string(&error)
            .ok()
            .and_then(|json| js_sys::JSON::parse(&json).ok());
        if let Some(fields) = fields {
            let _ = js_sys::Object::assign(&js, &fields.unchecked_into());
        }
        js.into()
    }

    /// Loads the store (`options`: the `<dhow-store>` attributes as JSON) and creates the shared
    /// cart and market. `emit(name, json)` is called for every event the page should hear.
    #[wasm_bindgen]
    pub async fn start(options: String, emit: js_sys::Function) -> Result<(), JsValue> {
        let emit: embed::Emit = Rc::new(move |name: &str, json: &str| {
            let _ = emit.call2(&JsValue::NULL, &name.into(), &json.into());
        });
        embed::start(&options, emit).await.map_err(js_error)
    }

    /// An element mounted into a container: set its attributes, or free it to unmount it.
    #[wasm_bindgen]
    pub struct Mounted(embed::Mounted);

    #[wasm_bindgen]
    impl Mounted {
        /// Sets an attribute (`undefined` removes it).
        #[wasm_bindgen(js_name = setAttribute)]
        pub fn set_attribute(&self, name: &str, value: Option<String>) {
            self.0.set_attribute(name, value);
        }
    }

    /// Mounts element `kind` into `container`; `attributes` is a JSON object of strings.
    #[wasm_bindgen]
    pub fn mount(
        container: web_sys::HtmlElement,
        kind: &str,
        attributes: &str,
    ) -> Result<Mounted, JsValue> {
        embed::mount(container, kind, attributes)
            .map(Mounted)
            .map_err(js_error)
    }

    /// Switches every element to another market.
    #[wasm_bindgen(js_name = setMarket)]
    pub fn set_market(id: &str) -> Result<(), JsValue> {
        embed::set_market(id).map_err(js_error)
    }

    /// The market in use.
    #[wasm_bindgen]
    pub fn market() -> Option<String> {
        embed::market()
    }

    /// Opens or closes the cart drawer.
    #[wasm_bindgen(js_name = setCartOpen)]
    pub fn set_cart_open(open: bool) -> Result<(), JsValue> {
        embed::set_cart_open(open).map_err(js_error)
    }

    /// Opens the checkout in place.
    #[wasm_bindgen(js_name = openCheckout)]
    pub fn open_checkout() -> Result<(), JsValue> {
        embed::open_checkout().map_err(js_error)
    }

    /// The cart, as JSON.
    #[wasm_bindgen]
    pub fn cart() -> Result<String, JsValue> {
        embed::cart().map_err(js_error)
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        dhow_app::crash::install();
        dhow_app::embed::parts::register_part_loader(parts::loader());
        dhow_app::components::cart::register_drawer_loader(parts::drawer_loader());
        dhow_app::hooks::register_complete(parts::complete);
    }
}
