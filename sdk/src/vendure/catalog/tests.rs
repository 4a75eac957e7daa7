//! The search's price range against a server that answers as the seeded Vendure did: the
//! channel, search and product answers of `tests/fixtures/vendure/offline/journey_us.json`
//! (seven products, $13.50 to $420.00), each search cut to the window asked for and each
//! product read limited to the ids asked for, as Vendure does.

use std::rc::Rc;

use serde_json::Value;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::address::CountryCode;
use crate::backend::Backend;
use crate::ids::MarketId;
use crate::market::{DutyTerms, Market, TaxDisplay};
use crate::model::{ProductPage, ProductQuery};
use crate::money::{Currency, Money, RoundingRule};
use crate::storage::MemoryStorage;
use crate::vendure::{VendureBackend, VendureConfig};

const CASSETTE: &str = include_str!("../../../tests/fixtures/vendure/offline/journey_us.json");

/// The recorded answer of the first exchange running `operation` whose request `matches`.
fn recorded(operation: &str, matches: fn(&Value) -> bool) -> Value {
    let cassette: Value = serde_json::from_str(CASSETTE).expect("a cassette");
    cassette["exchanges"]
        .as_array()
        .expect("exchanges")
        .iter()
        .find(|e| e["request"]["operation"] == operation && matches(&e["request"]))
        .map(|e| e["response"]["body"].clone())
        .unwrap_or_else(|| panic!("a recorded {operation}"))
}

/// Answers each operation from the recorded answers, as Vendure would have for its window.
struct SeededShop {
    channel: Value,
    search: Value,
    products: Value,
}

impl Respond for SeededShop {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).expect("a GraphQL request");
        let variables = &body["variables"];
        let answer = match body["operationName"].as_str() {
            Some("ChannelQuery") => self.channel.clone(),
            Some("SearchQuery") => {
                let skip = variables["input"]["skip"].as_u64().expect("skip") as usize;
                let take = variables["input"]["take"].as_u64().expect("take") as usize;
                let mut answer = self.search.clone();
                let items = answer["data"]["search"]["items"]
                    .as_array_mut()
                    .expect("hits");
                *items = items.iter().skip(skip).take(take).cloned().collect();
                answer
            }
            Some("ProductsQuery") => {
                let ids = &variables["options"]["filter"]["id"]["in"];
                let mut answer = self.products.clone();
                let items = answer["data"]["products"]["items"]
                    .as_array_mut()
                    .expect("products");
                items.retain(|p| ids.as_array().is_some_and(|ids| ids.contains(&p["id"])));
                answer
            }
            other => panic!("the search sent {other:?}"),
        };
        ResponseTemplate::new(200).set_body_json(answer)
    }
}

fn us() -> Market {
    Market {
        id: MarketId("us".into()),
        country: CountryCode::parse("US").expect("US"),
        locale: "en-US".into(),
        languages: Vec::new(),
        currency: Currency::USD,
        tax_display: TaxDisplay::Exclusive,
        duty_terms: DutyTerms::PaidAtCheckout,
        rounding: RoundingRule::Nearest,
    }
}

async fn search(query: ProductQuery) -> ProductPage {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(SeededShop {
            // The default channel's, the whole catalog's search, and its products read.
            channel: recorded("ChannelQuery", |r| r.get("headers").is_none()),
            search: recorded("SearchQuery", |r| r["body"]["input"].get("term").is_none()),
            products: recorded("ProductsQuery", |r| r["body"]["options"]["take"] == 7),
        })
        .mount(&server)
        .await;
    let config = VendureConfig {
        url: format!("{}/shop-api", server.uri()),
        ..VendureConfig::default()
    };
    let backend =
        VendureBackend::new(config, vec![us()], Rc::new(MemoryStorage::new())).expect("config");
    backend.products(&us(), &query).await.expect("a page")
}

fn dollars(text: &str) -> Option<Money> {
    Some(Money::parse(text, Currency::USD).expect("an amount"))
}

fn handles(page: &ProductPage) -> Vec<&str> {
    page.products.iter().map(|p| p.handle.as_str()).collect()
}

/// The first window of the search holds a product above the range ($95.00): the page is still
/// full, and the total counts the four products within it, not the seven the search found.
#[tokio::test]
async fn a_price_range_is_applied_before_the_page_is_cut() {
    let query = ProductQuery {
        max_price: dollars("50.00"),
        per_page: 2,
        ..ProductQuery::default()
    };
    let first = search(query.clone()).await;
    assert_eq!(first.total, 4);
    assert_eq!(handles(&first), ["enamel-camp-mug", "leather-luggage-tag"]);
    let second = search(ProductQuery { page: 1, ..query }).await;
    assert_eq!(second.total, 4);
    assert_eq!(handles(&second), ["canvas-market-tote", "garment-dyed-tee"]);
    // Facets still describe the whole search, as without a range.
    assert!(!first.facets.is_empty());
}

#[tokio::test]
async fn a_lower_bound_counts_and_pages_only_what_is_above_it() {
    let query = ProductQuery {
        min_price: dollars("60.00"),
        per_page: 2,
        page: 1,
        ..ProductQuery::default()
    };
    let page = search(query).await;
    assert_eq!(page.total, 3);
    assert_eq!(handles(&page), ["cashmere-beanie"]);
}

#[tokio::test]
async fn without_a_range_the_search_pages_on_the_server() {
    let page = search(ProductQuery {
        per_page: 2,
        ..ProductQuery::default()
    })
    .await;
    assert_eq!(page.total, 7);
    assert_eq!(handles(&page), ["merino-crew-sweater", "enamel-camp-mug"]);
}
