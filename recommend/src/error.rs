//! The builder's one error type.

use std::path::PathBuf;

/// What can go wrong while reading orders or a catalog, computing or writing lists.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RecommendError {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// One line (JSON lines) or row (CSV) of the orders could not be used; `line` is 1-based.
    #[error("{input} line {line}: {message}")]
    BadLine {
        /// Which input (a file name, or the source's description).
        input: String,
        /// The line's number, counting from 1 (the CSV header is line 1).
        line: u64,
        /// What is wrong with it.
        message: String,
    },
    /// A product handle that cannot be used as a file name (see [`crate::handle`]).
    #[error("product handle {handle:?} is not URL-safe ({reason})")]
    UnsafeHandle {
        /// The handle as given.
        handle: String,
        /// Which rule it breaks.
        reason: &'static str,
    },
    /// The store's catalog could not be read through the SDK.
    #[error("catalog: {0}")]
    Catalog(String),
    /// An option or setting out of range, or an input the build cannot work with.
    #[error("{0}")]
    Invalid(String),
    /// Encoding a published file failed.
    #[error("encoding JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl RecommendError {
    /// Whether this error concerns one input line only, so that `--skip-bad` may skip it.
    pub fn is_bad_line(&self) -> bool {
        matches!(self, RecommendError::BadLine { .. })
    }

    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> RecommendError {
        RecommendError::Io {
            path: path.into(),
            source,
        }
    }
}
