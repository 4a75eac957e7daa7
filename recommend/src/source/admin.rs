//! What the admin-API sources share: the builder's blocking, re-readable [`OrderSource`] over a
//! backend's pages of orders, and the short excerpt of an unexpected answer.

use std::future::Future;

use crate::RecommendError;
use crate::orders::OrderRecord;
use crate::source::{OrderSource, Orders};

/// A backend's orders, one page at a time, oldest first.
pub trait AdminPages {
    /// Why a page could not be read.
    type Error: std::fmt::Display;

    /// The next page (it may be empty), or `None` once every order was read.
    fn next_page(&mut self) -> impl Future<Output = Result<Option<Vec<OrderRecord>>, Self::Error>>;
}

/// Every order `pages` gives, oldest first, in memory (the builder's [`AdminSource`] holds one
/// page at a time instead).
pub async fn read_all<P: AdminPages>(mut pages: P) -> Result<Vec<OrderRecord>, P::Error> {
    let mut orders = Vec::new();
    while let Some(page) = pages.next_page().await? {
        orders.extend(page);
    }
    Ok(orders)
}

/// A backend's orders as an [`OrderSource`] for the builder: every pass reads them anew, page by
/// page, blocking on a runtime of its own. Orders placed after the source was made are left out
/// of every pass, so that the passes agree while the shop keeps selling (an order cancelled
/// between two passes still drops out of the later one).
pub struct AdminSource<P> {
    describe: String,
    /// Starts reading from the first page (it holds the token: never printed).
    start: Box<dyn Fn() -> Result<P, String>>,
    until: i64,
    runtime: tokio::runtime::Runtime,
}

impl<P> std::fmt::Debug for AdminSource<P> {
    // By hand: what `start` holds includes the token.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AdminSource")
            .field("describe", &self.describe)
            .field("until", &self.until)
            .finish_non_exhaustive()
    }
}

impl<P: AdminPages> AdminSource<P> {
    /// The orders placed until now, read with `start` on every pass; `describe` names the source
    /// in messages (`Medusa at https://…`).
    pub fn reading<E: std::fmt::Display>(
        describe: String,
        start: impl Fn() -> Result<P, E> + 'static,
    ) -> Result<AdminSource<P>, RecommendError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| RecommendError::Invalid(format!("{describe}: {e}")))?;
        let until = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        Ok(AdminSource {
            describe,
            start: Box::new(move || start().map_err(|e| e.to_string())),
            until,
            runtime,
        })
    }

    fn error(&self, error: impl std::fmt::Display) -> RecommendError {
        RecommendError::Invalid(format!("{}: {error}", self.describe))
    }
}

impl<P: AdminPages> OrderSource for AdminSource<P> {
    fn describe(&self) -> String {
        self.describe.clone()
    }

    fn open(&mut self) -> Result<Orders<'_>, RecommendError> {
        let pages = (self.start)().map_err(|e| self.error(e))?;
        Ok(Box::new(Pass {
            source: self,
            pages: Some(pages),
            page: Vec::new().into_iter(),
        }))
    }
}

/// One pass of an [`AdminSource`]: a page held at a time.
struct Pass<'a, P> {
    source: &'a AdminSource<P>,
    pages: Option<P>,
    page: std::vec::IntoIter<OrderRecord>,
}

impl<P: AdminPages> Iterator for Pass<'_, P> {
    type Item = Result<OrderRecord, RecommendError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(order) = self.page.next() {
                if order.placed_at > self.source.until {
                    // Oldest first: every later order is newer still.
                    self.pages = None;
                    self.page = Vec::new().into_iter();
                    return None;
                }
                return Some(Ok(order));
            }
            let pages = self.pages.as_mut()?;
            match self.source.runtime.block_on(pages.next_page()) {
                Ok(Some(page)) => self.page = page.into_iter(),
                Ok(None) => {
                    self.pages = None;
                    return None;
                }
                Err(error) => {
                    // An error ends the pass (it is not one bad line).
                    self.pages = None;
                    return Some(Err(self.source.error(error)));
                }
            }
        }
    }
}

/// The start of an answer's body, for an error message.
pub fn excerpt(body: &str) -> String {
    const MAX: usize = 200;
    match body.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &body[..end]),
        None => body.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages from a list, the way a backend answers them.
    struct Listed(Vec<Result<Vec<OrderRecord>, String>>);

    impl AdminPages for Listed {
        type Error = String;

        async fn next_page(&mut self) -> Result<Option<Vec<OrderRecord>>, String> {
            if self.0.is_empty() {
                return Ok(None);
            }
            self.0.remove(0).map(Some)
        }
    }

    fn order(id: &str, placed_at: i64) -> OrderRecord {
        OrderRecord {
            id: id.into(),
            placed_at,
            products: vec!["a".into()],
        }
    }

    #[test]
    fn every_pass_reads_every_page_and_stops_at_orders_placed_since() {
        let mut source = AdminSource::reading("test".into(), || {
            Ok::<_, String>(Listed(vec![
                Ok(vec![order("1", 1), order("2", 2)]),
                Ok(vec![]),
                Ok(vec![order("3", 3), order("later", i64::MAX)]),
            ]))
        })
        .unwrap();
        for _ in 0..2 {
            let ids: Vec<String> = source.open().unwrap().map(|o| o.unwrap().id).collect();
            assert_eq!(ids, ["1", "2", "3"]);
        }
    }

    #[test]
    fn a_page_that_fails_ends_the_pass_with_the_source_named() {
        let mut source = AdminSource::reading("Shop at x".into(), || {
            Ok::<_, String>(Listed(vec![Ok(vec![order("1", 1)]), Err("refused".into())]))
        })
        .unwrap();
        let read: Vec<_> = source.open().unwrap().collect();
        assert_eq!(read.len(), 2);
        let error = read[1].as_ref().unwrap_err().to_string();
        assert!(
            error.contains("Shop at x") && error.contains("refused"),
            "{error}"
        );
    }

    #[test]
    fn excerpts_are_short() {
        assert_eq!(excerpt("short"), "short");
        let long = "é".repeat(500);
        assert_eq!(excerpt(&long).chars().count(), 201);
    }
}
