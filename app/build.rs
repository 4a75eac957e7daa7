//! Keeps the storefront binary's relocations in its wasm (`--emit-relocs`): the splitter
//! (`scripts/split-wasm.mjs`, run after every Trunk build) needs them to cut the pages in
//! `routes::lazy` out of the first page's module. Only that binary's own link changes, so the
//! dependencies build as before; the embed and the tests link without them.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bin=dhow-app=--emit-relocs");
    }
}
