//! Orders read from a running Medusa v2 server through its Admin API (`GET /admin/orders`).
//!
//! Pages of [`PAGE_SIZE`] orders, oldest first, with only the fields the builder needs: the
//! order's id, status and creation time, and each line's product handle (`product_handle` is the
//! line's snapshot taken at purchase, so an order still names its products after they are
//! renamed or deleted). Canceled orders are skipped: a canceled purchase says little about what
//! goes together. Lines without a product (custom line items) are left out, and orders left
//! with no product at all are skipped.
//!
//! The admin token is either a secret API key (`sk_…`, Settings → Secret API Keys), sent as
//! HTTP Basic with the key as user name, or a user's JWT from `POST /auth/user/emailpass`, sent
//! as a bearer token. The token never appears in an error.
//!
//! Three ways in: [`read_orders`] (all orders, async), [`OrderPages`] (one page at a time,
//! async) and [`MedusaSource`], the builder's [`OrderSource`](crate::source::OrderSource) (blocking, re-readable).

use std::time::Duration;

use serde::Deserialize;

use crate::RecommendError;
use crate::orders::OrderRecord;
use crate::source::admin::{AdminPages, AdminSource, excerpt, read_all};
use crate::time::parse_rfc3339;

/// Orders asked for per request by default: memory is bounded by one page.
pub const PAGE_SIZE: u32 = 100;

/// Why Medusa's orders could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// Medusa refused the token (HTTP 401 or 403): wrong, expired or revoked.
    #[error("Medusa refused the admin token (HTTP {status})")]
    Unauthorized {
        /// The HTTP status Medusa answered.
        status: u16,
    },
    /// No answer from the server: wrong URL, server down, or a timeout.
    #[error("Medusa is not reachable at {url}: {source}")]
    Unreachable {
        /// The server's base URL as given.
        url: String,
        /// What the HTTP client reported.
        #[source]
        source: reqwest::Error,
    },
    /// An answer that is not a page of orders: another HTTP status, or a body of another shape.
    #[error("unexpected answer from Medusa (HTTP {status}): {excerpt}")]
    Unexpected {
        /// The HTTP status.
        status: u16,
        /// The start of the body, or what could not be read in it.
        excerpt: String,
    },
}

/// Medusa's orders, one page at a time, oldest first.
///
/// ```no_run
/// # async fn run() -> Result<(), dhow_recommend::source::medusa::SourceError> {
/// use dhow_recommend::source::medusa::OrderPages;
///
/// let mut pages = OrderPages::new("http://127.0.0.1:9000", "sk_…")?;
/// while let Some(page) = pages.next_page().await? {
///     for order in page {
///         println!("{} {:?}", order.id, order.products);
///     }
/// }
/// # Ok(()) }
/// ```
pub struct OrderPages {
    client: reqwest::Client,
    base_url: String,
    token: String,
    offset: u64,
    page_size: u32,
    done: bool,
}

impl std::fmt::Debug for OrderPages {
    // By hand: the derived form would print the token.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OrderPages")
            .field("base_url", &self.base_url)
            .field("offset", &self.offset)
            .field("page_size", &self.page_size)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl OrderPages {
    /// Reads the orders of the Medusa server at `base_url` (`https://api.example.com`, without
    /// `/admin`) with `admin_token`: a secret API key (`sk_…`) or a user's JWT.
    pub fn new(base_url: &str, admin_token: &str) -> Result<OrderPages, SourceError> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .map_err(|source| SourceError::Unreachable {
                url: base_url.to_owned(),
                source,
            })?;
        Ok(OrderPages {
            client,
            base_url: base_url.trim_end_matches('/').to_owned(),
            token: admin_token.trim().to_owned(),
            offset: 0,
            page_size: PAGE_SIZE,
            done: false,
        })
    }

    /// Asks for `page_size` orders per request (at least 1) instead of [`PAGE_SIZE`].
    pub fn with_page_size(mut self, page_size: u32) -> OrderPages {
        self.page_size = page_size.max(1);
        self
    }

    /// The next page of orders (canceled and product-less ones left out, so a page may be
    /// empty), or `None` once every order was read.
    pub async fn next_page(&mut self) -> Result<Option<Vec<OrderRecord>>, SourceError> {
        if self.done {
            return Ok(None);
        }
        let request = self
            .client
            .get(format!("{}/admin/orders", self.base_url))
            .query(&[
                ("fields", "id,status,created_at,items.product_handle"),
                // Oldest first: orders placed while reading land on the last pages instead of
                // shifting the offsets of pages still to read.
                ("order", "created_at"),
                ("limit", &self.page_size.to_string()),
                ("offset", &self.offset.to_string()),
            ]);
        let request = if self.token.starts_with("sk_") {
            request.basic_auth(&self.token, None::<&str>)
        } else {
            request.bearer_auth(&self.token)
        };
        let response = request
            .send()
            .await
            .map_err(|source| self.unreachable(source))?;
        let status = response.status().as_u16();
        let body = response
            .text()
            .await
            .map_err(|source| self.unreachable(source))?;
        match status {
            200 => {}
            401 | 403 => return Err(SourceError::Unauthorized { status }),
            _ => {
                return Err(SourceError::Unexpected {
                    status,
                    excerpt: excerpt(&body),
                });
            }
        }
        let page: Page = serde_json::from_str(&body).map_err(|e| SourceError::Unexpected {
            status,
            excerpt: format!("{e} in {}", excerpt(&body)),
        })?;
        let read = page.orders.len() as u64;
        self.offset += read;
        self.done = read == 0 || self.offset >= page.count;
        let mut records = Vec::with_capacity(page.orders.len());
        for order in page.orders {
            if order.status.as_deref() == Some("canceled") {
                continue;
            }
            let products: Vec<String> = order
                .items
                .into_iter()
                .filter_map(|item| item.product_handle)
                .filter(|handle| !handle.is_empty())
                .collect();
            if products.is_empty() {
                continue;
            }
            let placed_at =
                parse_rfc3339(&order.created_at).map_err(|e| SourceError::Unexpected {
                    status,
                    excerpt: format!("order {}: created_at {e}", order.id),
                })?;
            records.push(OrderRecord {
                id: order.id,
                placed_at,
                products,
            });
        }
        Ok(Some(records))
    }

    fn unreachable(&self, source: reqwest::Error) -> SourceError {
        SourceError::Unreachable {
            url: self.base_url.clone(),
            source,
        }
    }
}

/// Every order of the Medusa server at `base_url`, oldest first (see [`OrderPages`] to hold
/// only one page at a time).
pub async fn read_orders(
    base_url: &str,
    admin_token: &str,
) -> Result<Vec<OrderRecord>, SourceError> {
    read_all(OrderPages::new(base_url, admin_token)?).await
}

/// Medusa's orders as the builder's [`OrderSource`] (see [`AdminSource`]).
pub type MedusaSource = AdminSource<OrderPages>;

impl AdminSource<OrderPages> {
    /// The orders placed until now at the Medusa server at `base_url` (without `/admin`), read
    /// with `admin_token` (a secret API key `sk_…` or a user's JWT).
    pub fn new(base_url: &str, admin_token: &str) -> Result<MedusaSource, RecommendError> {
        let (url, token) = (
            base_url.trim_end_matches('/').to_owned(),
            admin_token.trim().to_owned(),
        );
        AdminSource::reading(format!("Medusa at {url}"), move || {
            OrderPages::new(&url, &token)
        })
    }
}

impl AdminPages for OrderPages {
    type Error = SourceError;

    fn next_page(
        &mut self,
    ) -> impl std::future::Future<Output = Result<Option<Vec<OrderRecord>>, SourceError>> {
        OrderPages::next_page(self)
    }
}

/// One page of `GET /admin/orders` with the fields asked for.
#[derive(Deserialize)]
struct Page {
    orders: Vec<Order>,
    count: u64,
}

#[derive(Deserialize)]
struct Order {
    id: String,
    #[serde(default)]
    status: Option<String>,
    created_at: String,
    #[serde(default)]
    items: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    #[serde(default)]
    product_handle: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_decodes_with_only_the_fields_asked_for() {
        let page: Page = serde_json::from_str(
            r#"{"orders":[{"id":"order_1","status":"pending","created_at":"2026-11-25T09:30:00.000Z",
                "items":[{"id":"ordli_1","product_handle":"enamel-camp-mug"},{"product_handle":null}]}],
                "count":1,"offset":0,"limit":100}"#,
        )
        .expect("page");
        assert_eq!(page.count, 1);
        assert_eq!(
            page.orders[0].items[0].product_handle.as_deref(),
            Some("enamel-camp-mug")
        );
    }
}
