//! Accounts on Medusa without a server: answers saved from the test server (`fixtures/`, saved
//! from Medusa 2.21.2) through the account mapping, and the adapter's requests against a local
//! HTTP server: where the token goes, what a 429 says, what a refused token does to the session.

use super::*;
use crate::StoreConfig;
use crate::market::Market;
use crate::medusa::transport::decode;

const CUSTOMER: &str = include_str!("fixtures/customer.json");
const ADDRESSES: &str = include_str!("fixtures/addresses.json");
/// `GET /store/orders?id=…&fields=` [`wire::ORDER_LIST_FIELDS`]: the list's view of an order.
const ORDERS: &str = include_str!("fixtures/orders_de.json");
/// `GET /store/orders/{id}` of the same order, as [`Backend::order`](crate::Backend) reads it.
const ORDER: &str = include_str!("fixtures/order_de.json");

fn market(id: &str) -> Market {
    let config = StoreConfig::from_json(include_str!("../../../../public/dhow.json"))
        .expect("public/dhow.json");
    config.market(id).cloned().expect("market")
}

#[test]
fn credentials_are_never_printed() {
    let session = Session {
        token: "eyJ.secret.token".into(),
        customer: CustomerId("cus_1".into()),
    };
    let token: wire::Token = decode(r#"{"token":"eyJ.secret.token"}"#).expect("token");
    for printed in [
        format!("{session:?}"),
        format!("{:?}", session.bearer()),
        format!("{token:?}"),
        format!(
            "{:?}",
            Transport::new("http://127.0.0.1:9", "pk")
                .expect("transport")
                .with_bearer(&session.bearer())
        ),
    ] {
        assert!(!printed.contains("secret"), "{printed}");
    }
}

#[test]
fn a_customer_reads_with_their_kept_cart() {
    let w: wire::CustomerEnvelope = decode(CUSTOMER).expect("customer");
    let customer = mapping::customer(&w.customer);
    assert_eq!(customer.id.as_str(), "cus_01M96K9JB25QB309TKT7CTVRPR");
    assert_eq!(
        (customer.first_name.as_str(), customer.last_name.as_str()),
        ("Augusta", "King")
    );
    assert!(customer.email.ends_with("@example.com"));
    // Saved after the phone was cleared with "": no phone.
    assert_eq!(customer.phone, None);
    assert_eq!(kept_cart(&w.customer), Some(CartId::from("cart_01KEPT")));
    let mut without: wire::Customer = decode(r#"{"id":"cus_1","metadata":null}"#).expect("bare");
    assert_eq!(kept_cart(&without), None);
    // A kept cart forgotten by writing "" (how Medusa deletes a metadata key).
    without.metadata = Some(json!({ KEPT_CART_KEY: "" }));
    assert_eq!(kept_cart(&without), None);
}

#[test]
fn the_address_book_reads_with_its_defaults() {
    let w: wire::Addresses = decode(ADDRESSES).expect("addresses");
    let book: Vec<SavedAddress> = w
        .addresses
        .iter()
        .filter_map(mapping::saved_address)
        .collect();
    assert_eq!(book.len(), 2);
    let first = &book[0];
    assert_eq!(first.address.line1, "350 5th Ave");
    assert_eq!(first.address.region.as_deref(), Some("NY"));
    assert_eq!(first.address.country.as_str(), "US");
    assert_eq!(first.address.phone.as_deref(), Some("+1 212 555 0100"));
    // The second address was added as the default shipping address: Medusa took it from the
    // first, which stays the billing default.
    assert!(!first.default_shipping && first.default_billing);
    assert!(book[1].default_shipping && !book[1].default_billing);
}

#[test]
fn an_address_without_a_street_or_country_is_left_out() {
    let w: wire::Addresses = decode(
        r#"{"addresses":[
            {"id":"cuaddr_1","address_1":null,"country_code":"us"},
            {"id":"cuaddr_2","address_1":"1 Main St","country_code":"zz9"}
        ],"count":2}"#,
    )
    .expect("addresses");
    assert!(
        w.addresses
            .iter()
            .all(|a| mapping::saved_address(a).is_none())
    );
}

#[test]
fn the_address_saved_is_found_in_the_book_medusa_answers_with() {
    let w: wire::CustomerEnvelope = decode(CUSTOMER).expect("customer");
    let added =
        MedusaBackend::address_in(&w, |a| a.address.address_1.as_deref() == Some("1 Main St"))
            .expect("found");
    assert_eq!(added.id.as_str(), "cuaddr_01M96K9JZ2Z05V95XBDB5NGV03");
    // With two candidates, the newest.
    let newest = MedusaBackend::address_in(&w, |_| true).expect("found");
    assert_eq!(newest.id, added.id);
    assert!(matches!(
        MedusaBackend::address_in(&w, |_| false),
        Err(Error::Decode { .. })
    ));
}

#[test]
fn an_order_of_the_list_reads_as_the_order_itself() {
    let listed: wire::Orders = decode(ORDERS).expect("orders");
    let one: wire::OrderEnvelope = decode(ORDER).expect("order");
    assert_eq!(listed.count, 1);
    let de = market("de");
    let from_list = mapping::order(&listed.orders[0], &de).expect("listed order");
    let itself = mapping::order(&one.order, &de).expect("order");
    assert_eq!(from_list, itself);
    // A promotion and tax-inclusive prices: figures that only add up with every field read.
    assert!(!from_list.totals.discount.amount.is_zero());
    assert!(from_list.totals.tax_included);
    assert_eq!(from_list.number, "217");
}

#[cfg(not(target_arch = "wasm32"))]
mod over_http {
    use std::rc::Rc;

    use wiremock::matchers::{header, method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    use super::*;
    use crate::medusa::MedusaConfig;
    use crate::storage::{MemoryStorage, Storage};

    fn backend(server: &MockServer, storage: Rc<MemoryStorage>) -> MedusaBackend {
        MedusaBackend::new(
            MedusaConfig {
                url: server.uri(),
                publishable_key: "pk_test".into(),
            },
            vec![market("us")],
        )
        .expect("backend")
        .with_storage(storage)
    }

    #[tokio::test]
    async fn signing_in_keeps_the_token_and_sends_it_in_a_header_only() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/auth/customer/emailpass"))
            .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"token":"tok-1"}"#))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/store/customers/me"))
            .and(header("authorization", "Bearer tok-1"))
            .and(header("x-publishable-api-key", "pk_test"))
            .respond_with(ResponseTemplate::new(200).set_body_string(CUSTOMER))
            .mount(&server)
            .await;
        let storage = Rc::new(MemoryStorage::new());
        let medusa = backend(&server, storage.clone());
        let customer = medusa
            .sign_in("  Augusta@Example.COM ", "correct horse 42")
            .await
            .expect("signed in");
        assert_eq!(customer.id.as_str(), "cus_01M96K9JB25QB309TKT7CTVRPR");
        let requests = server.received_requests().await.expect("recorded");
        let sign_in: serde_json::Value =
            serde_json::from_slice(&requests[0].body).expect("JSON body");
        // Medusa's identities are case-sensitive: the email goes as accounts compare it.
        assert_eq!(sign_in["email"], "augusta@example.com");
        assert!(requests.iter().all(|r| !r.url.as_str().contains("tok-1")));
        // Kept as a versioned record, without the password.
        let kept = storage.get(SESSION_KEY).expect("read").expect("a session");
        assert!(
            kept.contains("\"version\":1") && kept.contains("tok-1"),
            "{kept}"
        );
        assert!(!kept.contains("correct horse"));
        assert_eq!(
            medusa.customer().await.expect("customer").map(|c| c.id),
            Some(customer.id)
        );
    }

    #[tokio::test]
    async fn too_many_sign_ins_say_how_long_to_wait() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/auth/customer/emailpass"))
            .respond_with(
                ResponseTemplate::new(429)
                    .insert_header("retry-after", "30")
                    .set_body_string("Too Many Requests"),
            )
            .mount(&server)
            .await;
        let medusa = backend(&server, Rc::new(MemoryStorage::new()));
        assert_eq!(
            medusa.sign_in("ada@example.com", "whatever 123").await,
            Err(Error::TooManyAttempts {
                retry_after: Some(30)
            })
        );
    }

    #[tokio::test]
    async fn a_refused_token_ends_the_session() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/store/customers/me/addresses"))
            .respond_with(
                ResponseTemplate::new(401).set_body_string(r#"{"message":"Unauthorized"}"#),
            )
            .mount(&server)
            .await;
        let storage = Rc::new(MemoryStorage::new());
        let session = Session {
            token: "expired".into(),
            customer: CustomerId("cus_1".into()),
        };
        crate::storage::write_record(&*storage, SESSION_KEY, SESSION_VERSION, &session)
            .expect("write");
        let medusa = backend(&server, storage.clone());
        assert_eq!(medusa.addresses().await, Err(Error::NotSignedIn));
        assert_eq!(storage.get(SESSION_KEY).expect("read"), None);
        // Nobody is signed in now: no request is even sent.
        assert_eq!(medusa.addresses().await, Err(Error::NotSignedIn));
        assert_eq!(server.received_requests().await.expect("recorded").len(), 1);
    }

    #[tokio::test]
    async fn an_unreadable_session_is_set_aside() {
        let server = MockServer::start().await;
        let storage = Rc::new(MemoryStorage::new());
        storage.set(SESSION_KEY, "{not json").expect("write");
        let medusa = backend(&server, storage.clone());
        assert!(matches!(
            medusa.customer().await,
            Err(Error::SetAside { ref key, .. }) if key == RECOVERY_KEY
        ));
        assert_eq!(medusa.customer().await, Ok(None));
        assert_eq!(
            storage.get(RECOVERY_KEY).expect("read").as_deref(),
            Some("{not json")
        );
    }

    #[tokio::test]
    async fn a_reset_request_is_answered_in_plain_text() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/auth/customer/emailpass/reset-password"))
            .respond_with(ResponseTemplate::new(201).set_body_string("Created"))
            .mount(&server)
            .await;
        let medusa = backend(&server, Rc::new(MemoryStorage::new()));
        medusa
            .request_password_reset("Ada@Example.com")
            .await
            .expect("asked");
        let requests = server.received_requests().await.expect("recorded");
        let body: serde_json::Value = serde_json::from_slice(&requests[0].body).expect("JSON");
        assert_eq!(body, json!({ "identifier": "ada@example.com" }));
    }
}
