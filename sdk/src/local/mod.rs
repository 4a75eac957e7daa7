//! The embedded commerce engine: a complete backend over a static catalog file.

pub mod data;

/// The local engine.
pub struct LocalBackend;
