//! The storefront binary that Trunk builds: starts the app (takes a prerendered page over, or renders one).

fn main() {
    #[cfg(target_arch = "wasm32")]
    dhow_app::start();
}
