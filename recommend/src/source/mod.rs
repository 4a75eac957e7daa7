//! Where orders come from: a re-readable stream of [`OrderRecord`]s. The builder reads a source
//! up to three times (cutoff, training, held-out orders; see [`crate::build`]), so a source is
//! opened once per pass, and each pass must yield the same orders.
//!
//! Files: JSON lines ([`jsonl`]) and CSV ([`csv`]). Backends' admin APIs come as further
//! modules behind their cargo features, implementing [`OrderSource`] the same way.

pub mod csv;
pub mod jsonl;
pub mod local;

// Sources reading a running backend's orders through its admin API.
#[cfg(any(feature = "medusa", feature = "vendure"))]
pub mod admin;
#[cfg(feature = "medusa")]
pub mod medusa;
#[cfg(feature = "vendure")]
pub mod vendure;

use std::path::{Path, PathBuf};

use crate::RecommendError;
use crate::orders::OrderRecord;

/// One pass over a source's orders. An `Err` that [`RecommendError::is_bad_line`] concerns that
/// line only (the builder may skip it with `--skip-bad`); any other error ends the pass.
pub type Orders<'a> = Box<dyn Iterator<Item = Result<OrderRecord, RecommendError>> + 'a>;

/// A stream of orders that can be read again from the start.
pub trait OrderSource {
    /// What the source is, for messages (`orders.jsonl`, `Medusa at https://…`).
    fn describe(&self) -> String;
    /// Starts a pass over every order.
    fn open(&mut self) -> Result<Orders<'_>, RecommendError>;
}

/// The two file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// One JSON object per line (see [`jsonl`]).
    JsonLines,
    /// `order_id,placed_at,product,quantity` rows (see [`csv`]).
    Csv,
}

impl FileFormat {
    /// The format a file name implies: `.csv` is CSV, anything else JSON lines.
    pub fn of_path(path: &Path) -> FileFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("csv") => FileFormat::Csv,
            _ => FileFormat::JsonLines,
        }
    }
}

/// Orders in a file, read anew on every pass.
pub struct FileSource {
    path: PathBuf,
    format: FileFormat,
}

impl FileSource {
    /// The orders in `path`, in `format`.
    pub fn new(path: impl Into<PathBuf>, format: FileFormat) -> FileSource {
        FileSource {
            path: path.into(),
            format,
        }
    }
}

impl OrderSource for FileSource {
    fn describe(&self) -> String {
        self.path.display().to_string()
    }

    fn open(&mut self) -> Result<Orders<'_>, RecommendError> {
        let file =
            std::fs::File::open(&self.path).map_err(|e| RecommendError::io(&self.path, e))?;
        let reader = std::io::BufReader::with_capacity(1 << 16, file);
        let name = self.describe();
        Ok(match self.format {
            FileFormat::JsonLines => Box::new(jsonl::read(reader, name)),
            FileFormat::Csv => Box::new(csv::read(reader, name)),
        })
    }
}

/// Orders held in memory (tests, small imports).
pub struct VecSource {
    orders: Vec<OrderRecord>,
}

impl VecSource {
    /// A source yielding `orders` on every pass.
    pub fn new(orders: Vec<OrderRecord>) -> VecSource {
        VecSource { orders }
    }
}

impl OrderSource for VecSource {
    fn describe(&self) -> String {
        format!("{} orders in memory", self.orders.len())
    }

    fn open(&mut self) -> Result<Orders<'_>, RecommendError> {
        Ok(Box::new(self.orders.iter().cloned().map(Ok)))
    }
}
