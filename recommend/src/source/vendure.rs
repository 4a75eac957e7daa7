//! Orders read from a running Vendure 3 server through its Admin API (GraphQL `orders`).
//!
//! Pages of [`PAGE_SIZE`] placed orders (`active: false`, with an `orderPlacedAt`), oldest first,
//! with each line's product slug. Cancelled orders are skipped: a cancelled purchase says little
//! about what goes together. Orders whose lines name no product are skipped too.
//!
//! The admin token is a bearer token: the `vendure-auth-token` header of the Admin API's `login`
//! mutation (with `authOptions.tokenMethod` including `'bearer'`). It is sent as
//! `Authorization: Bearer …` and never appears in an error. Orders are those of the token's
//! active channel, the default channel unless a channel token is given
//! ([`OrderPages::with_channel`]).
//!
//! The query is a plain string decoded with serde: one operation does not need cynic's schema
//! machinery.
//!
//! Three ways in: [`read_orders`] (all orders, async), [`OrderPages`] (one page at a time,
//! async) and [`VendureSource`], the builder's [`OrderSource`](crate::source::OrderSource) (blocking, re-readable).

use std::time::Duration;

use serde::Deserialize;
use serde_json::json;

use crate::RecommendError;
use crate::orders::OrderRecord;
use crate::source::admin::{AdminPages, AdminSource, excerpt, read_all};
use crate::time::parse_rfc3339;

/// Orders asked for per request by default: memory is bounded by one page.
pub const PAGE_SIZE: u32 = 100;

const ORDERS: &str = "query DhowRecommendOrders($skip: Int!, $take: Int!) {
  orders(options: {
    skip: $skip, take: $take,
    sort: { orderPlacedAt: ASC },
    filter: { active: { eq: false } }
  }) {
    items { code state orderPlacedAt lines { productVariant { product { slug } } } }
    totalItems
  }
}";

/// Why Vendure's orders could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// Vendure refused the token (HTTP 401/403, or a GraphQL `FORBIDDEN` error): wrong or
    /// expired session, or an administrator without the `ReadOrder` permission.
    #[error("Vendure refused the admin token")]
    Unauthorized,
    /// No answer from the server: wrong URL, server down, or a timeout.
    #[error("Vendure is not reachable at {url}: {source}")]
    Unreachable {
        /// The Admin API URL as given.
        url: String,
        /// What the HTTP client reported.
        #[source]
        source: reqwest::Error,
    },
    /// An answer that is not a page of orders: another HTTP status, GraphQL errors, or a body
    /// of another shape.
    #[error("unexpected answer from Vendure (HTTP {status}): {excerpt}")]
    Unexpected {
        /// The HTTP status.
        status: u16,
        /// The start of the body or of the errors, or what could not be read in it.
        excerpt: String,
    },
}

/// Vendure's placed orders, one page at a time, oldest first.
///
/// ```no_run
/// # async fn run() -> Result<(), dhow_recommend::source::vendure::SourceError> {
/// use dhow_recommend::source::vendure::OrderPages;
///
/// let mut pages = OrderPages::new("http://127.0.0.1:3000/admin-api", "token")?;
/// while let Some(page) = pages.next_page().await? {
///     for order in page {
///         println!("{} {:?}", order.id, order.products);
///     }
/// }
/// # Ok(()) }
/// ```
pub struct OrderPages {
    client: reqwest::Client,
    url: String,
    token: String,
    channel: Option<String>,
    skip: u64,
    page_size: u32,
    done: bool,
}

impl std::fmt::Debug for OrderPages {
    // By hand: the derived form would print the token.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OrderPages")
            .field("url", &self.url)
            .field("channel", &self.channel)
            .field("skip", &self.skip)
            .field("page_size", &self.page_size)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl OrderPages {
    /// Reads the orders of the Vendure Admin API at `admin_api_url`
    /// (`https://shop.example.com/admin-api`) with a bearer `admin_token`.
    pub fn new(admin_api_url: &str, admin_token: &str) -> Result<OrderPages, SourceError> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .map_err(|source| SourceError::Unreachable {
                url: admin_api_url.to_owned(),
                source,
            })?;
        Ok(OrderPages {
            client,
            url: admin_api_url.to_owned(),
            token: admin_token.trim().to_owned(),
            channel: None,
            skip: 0,
            page_size: PAGE_SIZE,
            done: false,
        })
    }

    /// Reads the orders of the channel with this token (`vendure-token` header) instead of the
    /// default channel's.
    pub fn with_channel(mut self, channel_token: &str) -> OrderPages {
        self.channel = Some(channel_token.to_owned());
        self
    }

    /// Asks for `page_size` orders per request (at least 1) instead of [`PAGE_SIZE`].
    pub fn with_page_size(mut self, page_size: u32) -> OrderPages {
        self.page_size = page_size.max(1);
        self
    }

    /// The next page of orders (cancelled and product-less ones left out, so a page may be
    /// empty), or `None` once every order was read.
    pub async fn next_page(&mut self) -> Result<Option<Vec<OrderRecord>>, SourceError> {
        if self.done {
            return Ok(None);
        }
        let mut request = self
            .client
            .post(&self.url)
            .bearer_auth(&self.token)
            .json(&json!({
                "query": ORDERS,
                "variables": { "skip": self.skip, "take": self.page_size },
            }));
        if let Some(channel) = &self.channel {
            request = request.header("vendure-token", channel);
        }
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
            401 | 403 => return Err(SourceError::Unauthorized),
            _ => {
                return Err(SourceError::Unexpected {
                    status,
                    excerpt: excerpt(&body),
                });
            }
        }
        let answer: Answer = serde_json::from_str(&body).map_err(|e| SourceError::Unexpected {
            status,
            excerpt: format!("{e} in {}", excerpt(&body)),
        })?;
        if let Some(errors) = answer.errors.filter(|e| !e.is_empty()) {
            // Vendure answers a bad token with HTTP 200 and a FORBIDDEN error.
            if errors
                .iter()
                .any(|e| e.extensions.code.as_deref() == Some("FORBIDDEN"))
            {
                return Err(SourceError::Unauthorized);
            }
            let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
            return Err(SourceError::Unexpected {
                status,
                excerpt: excerpt(&messages.join("; ")),
            });
        }
        let page = answer
            .data
            .ok_or_else(|| SourceError::Unexpected {
                status,
                excerpt: format!("no data in {}", excerpt(&body)),
            })?
            .orders;
        let read = page.items.len() as u64;
        self.skip += read;
        self.done = read == 0 || self.skip >= page.total_items;
        let mut records = Vec::with_capacity(page.items.len());
        for order in page.items {
            let Some(placed) = order.order_placed_at else {
                continue;
            };
            if order.state == "Cancelled" {
                continue;
            }
            let products: Vec<String> = order
                .lines
                .into_iter()
                .filter_map(|line| line.product_variant.map(|v| v.product.slug))
                .collect();
            if products.is_empty() {
                continue;
            }
            let placed_at = parse_rfc3339(&placed).map_err(|e| SourceError::Unexpected {
                status,
                excerpt: format!("order {}: orderPlacedAt {e}", order.code),
            })?;
            records.push(OrderRecord {
                id: order.code,
                placed_at,
                products,
            });
        }
        Ok(Some(records))
    }

    fn unreachable(&self, source: reqwest::Error) -> SourceError {
        SourceError::Unreachable {
            url: self.url.clone(),
            source,
        }
    }
}

/// Every placed order of the default channel of the Vendure Admin API at `admin_api_url`,
/// oldest first (see [`OrderPages`] to hold only one page at a time, or to read another
/// channel).
pub async fn read_orders(
    admin_api_url: &str,
    admin_token: &str,
) -> Result<Vec<OrderRecord>, SourceError> {
    read_all(OrderPages::new(admin_api_url, admin_token)?).await
}

/// Vendure's orders as the builder's [`OrderSource`] (see [`AdminSource`]).
pub type VendureSource = AdminSource<OrderPages>;

impl AdminSource<OrderPages> {
    /// The orders placed until now at the Vendure Admin API at `admin_api_url`, read with
    /// `admin_token` (a bearer token from the `login` mutation), in the token's channel.
    pub fn new(admin_api_url: &str, admin_token: &str) -> Result<VendureSource, RecommendError> {
        VendureSource::in_channel(admin_api_url, admin_token, None)
    }

    /// The same in the channel with this token (the `vendure-token` header) instead of the
    /// default channel.
    pub fn in_channel(
        admin_api_url: &str,
        admin_token: &str,
        channel: Option<&str>,
    ) -> Result<VendureSource, RecommendError> {
        let (url, token, channel) = (
            admin_api_url.to_owned(),
            admin_token.trim().to_owned(),
            channel.map(str::to_owned),
        );
        AdminSource::reading(format!("Vendure at {url}"), move || {
            let pages = OrderPages::new(&url, &token)?;
            Ok::<_, SourceError>(match &channel {
                Some(channel) => pages.with_channel(channel),
                None => pages,
            })
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

/// A GraphQL answer: data, errors, or both.
#[derive(Deserialize)]
struct Answer {
    data: Option<Data>,
    errors: Option<Vec<GraphQlError>>,
}

#[derive(Deserialize)]
struct GraphQlError {
    message: String,
    #[serde(default)]
    extensions: Extensions,
}

#[derive(Default, Deserialize)]
struct Extensions {
    code: Option<String>,
}

#[derive(Deserialize)]
struct Data {
    orders: Page,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Page {
    items: Vec<Order>,
    total_items: u64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Order {
    code: String,
    state: String,
    order_placed_at: Option<String>,
    lines: Vec<Line>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Line {
    /// Null when the variant was deleted since.
    product_variant: Option<Variant>,
}

#[derive(Deserialize)]
struct Variant {
    product: Product,
}

#[derive(Deserialize)]
struct Product {
    slug: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forbidden_answer_decodes() {
        let answer: Answer = serde_json::from_str(
            r#"{"errors":[{"message":"You are not currently authorized to perform this action",
                "extensions":{"code":"FORBIDDEN"}}],"data":null}"#,
        )
        .expect("answer");
        let errors = answer.errors.expect("errors");
        assert_eq!(errors[0].extensions.code.as_deref(), Some("FORBIDDEN"));
    }

    #[test]
    fn a_page_decodes() {
        let answer: Answer = serde_json::from_str(
            r#"{"data":{"orders":{"items":[{"code":"ABC","state":"PaymentSettled",
                "orderPlacedAt":"2026-11-25T09:30:00.000Z",
                "lines":[{"productVariant":{"product":{"slug":"enamel-camp-mug"}}},{"productVariant":null}]}],
                "totalItems":1}}}"#,
        )
        .expect("answer");
        let page = answer.data.expect("data").orders;
        assert_eq!(page.total_items, 1);
        assert_eq!(
            parse_rfc3339(page.items[0].order_placed_at.as_deref().expect("placed")),
            Ok(1_795_599_000)
        );
    }
}
