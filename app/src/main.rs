//! The storefront binary that Trunk builds: mounts the app.

fn main() {
    #[cfg(target_arch = "wasm32")]
    dhow_app::mount();
}
