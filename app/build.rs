//! Keeps the storefront's and the embed's relocations in their wasm (`--emit-relocs`): the
//! splitter (`scripts/split-wasm.mjs`, run after every Trunk build and by `scripts/build-embed.sh`)
//! needs them to cut the pages in `routes::lazy` and the parts in `embed::parts` out of the
//! modules a first page loads. Only those binaries' own links change, so the dependencies build
//! as before; the tests link without them.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bin=dhow-app=--emit-relocs");
        println!("cargo::rustc-link-arg-bin=dhow-embed=--emit-relocs");
    }
}
