//! The storefront binary that Trunk builds: starts the app (takes a prerendered page over, or
//! renders one).
//!
//! It also holds the split points of the pages no first page needs (`dhow_app::routes::lazy`)
//! and of the cart drawer's body (`dhow_app::components::cart::drawer_body`):
//! each function below is cut, with the code only it reaches, into the chunk its first argument
//! names (`scripts/split-wasm.mjs`), and fetched when a shopper first opens one of its pages.
//! Pages of one chunk share it: the order pages are one chunk, the account pages another.

#[cfg(target_arch = "wasm32")]
mod pages {
    use dhow_app::routes::lazy::{
        ChunkUnavailable, LazyPage, PageFuture, PageLoader, PreloadFuture,
    };
    use dhow_app::routes::*;
    use leptos::prelude::*;
    use leptos::wasm_split::{SplitLoaderError, wasm_split};

    /// The splitter's error, as the routes know it.
    struct Unavailable;

    impl From<SplitLoaderError> for Unavailable {
        fn from(_: SplitLoaderError) -> Self {
            Self
        }
    }

    macro_rules! split_points {
        ($($chunk:ident { $($build:ident, $preload:ident => $page:ident($component:ident);)* })*) => {
            $($(
                #[wasm_split($chunk, wasm_split_path = leptos::wasm_split, fallible, preload($preload))]
                fn $build() -> Result<AnyView, Unavailable> {
                    Ok(view! { <$component/> }.into_any())
                }
            )*)*

            fn build(page: LazyPage) -> PageFuture {
                match page {
                    $($(LazyPage::$page => Box::pin(async {
                        $build().await.map_err(|Unavailable| ChunkUnavailable)
                    }),)*)*
                }
            }

            fn preload(page: LazyPage) -> PreloadFuture {
                match page {
                    $($(LazyPage::$page => Box::pin(async {
                        $preload().await.map_err(|_| ChunkUnavailable)
                    }),)*)*
                }
            }
        };
    }

    split_points! {
        cart {
            cart_page, preload_cart_page => Cart(CartPage);
        }
        checkout {
            checkout, preload_checkout => Checkout(CheckoutPage);
        }
        orders {
            order_confirmation, preload_order_confirmation => OrderConfirmation(OrderConfirmationPage);
            order_lookup, preload_order_lookup => OrderLookup(OrderLookupPage);
        }
        account {
            account, preload_account => Account(AccountPage);
            addresses, preload_addresses => Addresses(AddressesPage);
            orders, preload_orders => Orders(OrdersPage);
            account_order, preload_account_order => AccountOrder(AccountOrderPage);
            sign_in, preload_sign_in => SignIn(SignInPage);
            register, preload_register => Register(RegisterPage);
            reset, preload_reset => Reset(ResetPage);
            outbox, preload_outbox => Outbox(OutboxPage);
        }
    }

    pub fn loader() -> PageLoader {
        PageLoader { build, preload }
    }

    // The cart drawer's body is in the cart page's chunk.
    dhow_app::drawer_split_point!();

    /// Completing an order (`Backend::complete`: the backend's order placement) is checkout
    /// code: a cart loaded after its checkout finished elsewhere fetches the checkout chunk.
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
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        dhow_app::routes::lazy::register_page_loader(pages::loader());
        dhow_app::components::cart::register_drawer_loader(pages::drawer_loader());
        dhow_app::hooks::register_complete(pages::complete);
        dhow_app::start();
    }
}
