//! Accounts on Vendure without a server: answers saved from the test server (`fixtures/`,
//! Vendure 3.7.3, to the adapter's own operations) through the account mapping and error table,
//! and the adapter's requests against a local HTTP server: where the token and the password go,
//! what a 429 says, how a taken email is told, what an ended session does to the account.

use super::*;
use crate::address::CountryCode;
use crate::market::{DutyTerms, TaxDisplay};
use crate::money::{Currency, RoundingRule};
use crate::vendure::mapping::CartContext;
use crate::vendure::tests::ok;
use crate::vendure::transport::too_many;

const LOGIN: &[u8] = include_bytes!("fixtures/login.json");
const LOGIN_REFUSED: &[u8] = include_bytes!("fixtures/login_refused.json");
const REGISTER: &[u8] = include_bytes!("fixtures/register.json");
/// A password the server's own rule refuses (`abc`; the SDK's rule is checked before sending).
const REGISTER_WEAK: &[u8] = include_bytes!("fixtures/register_weak.json");
const RESET_TOKEN_INVALID: &[u8] = include_bytes!("fixtures/reset_token_invalid.json");
const REQUEST_PASSWORD_RESET: &[u8] = include_bytes!("fixtures/request_password_reset.json");
/// After `updateCustomer` with names and a phone of null.
const CUSTOMER: &[u8] = include_bytes!("fixtures/customer.json");
const PROFILE: &[u8] = include_bytes!("fixtures/profile.json");
/// Two addresses: the default for shipping and billing, and one with a company and a floor.
const ADDRESSES: &[u8] = include_bytes!("fixtures/addresses.json");
/// The customer's placed orders: one in USD, two of one variant, standard shipping, US tax.
const ORDERS: &[u8] = include_bytes!("fixtures/orders.json");

fn us() -> Market {
    Market {
        id: crate::ids::MarketId("us".into()),
        country: CountryCode::parse("US").expect("country"),
        locale: "en-US".into(),
        languages: Vec::new(),
        currency: Currency::from_code("USD").expect("currency"),
        tax_display: TaxDisplay::Exclusive,
        duty_terms: DutyTerms::PaidAtCheckout,
        rounding: RoundingRule::Nearest,
    }
}

#[test]
fn credentials_are_never_printed() {
    let account = AccountSession {
        token: "secret-token".into(),
        customer: CustomerId("7".into()),
        email: "ada@example.com".into(),
        carts: vec![CartId("v1".into())],
    };
    let session = Session::signed_in("secret-token", &us(), None);
    for printed in [format!("{account:?}"), format!("{session:?}")] {
        assert!(!printed.contains("secret"), "{printed}");
        assert!(printed.contains("<hidden>"), "{printed}");
    }
}

#[test]
fn sign_in_answers_map_to_typed_errors() {
    let refused: q::Login = ok(LOGIN_REFUSED);
    assert_eq!(
        answer(refused.login.into()).err(),
        Some(Error::WrongCredentials)
    );
    let signed: q::Login = ok(LOGIN);
    assert!(answer(signed.login.into()).is_ok());
    // The same shape with the code Vendure sends for an account awaiting verification.
    let unverified: q::Login = ok(br#"{"data":{"login":{"__typename":"NotVerifiedError",
        "errorCode":"NOT_VERIFIED_ERROR","message":"Please verify this email address"}}}"#);
    assert_eq!(
        answer(unverified.login.into()).err(),
        Some(Error::NotVerified)
    );
    let newer: q::Login = ok(br#"{"data":{"login":{"__typename":"TwoFactorRequired"}}}"#);
    assert!(
        matches!(answer(newer.login.into()), Err(Error::Backend { code, .. }) if code == "TwoFactorRequired")
    );
}

#[test]
fn registration_answers_map_to_typed_errors() {
    let done: q::Register = ok(REGISTER);
    assert!(answer(done.register_customer_account.into()).is_ok());
    let weak: q::Register = ok(REGISTER_WEAK);
    assert_eq!(
        answer(weak.register_customer_account.into()).err(),
        Some(Error::WeakPassword {
            rule: crate::account::PASSWORD_RULE
        })
    );
}

#[test]
fn a_made_up_reset_token_is_refused_on_the_token() {
    let refused: q::ResetPassword = ok(RESET_TOKEN_INVALID);
    assert_eq!(
        answer(refused.reset_password.into()).err(),
        Some(Error::invalid("token", Problem::Invalid))
    );
    let asked: q::RequestPasswordReset = ok(REQUEST_PASSWORD_RESET);
    let result = asked.request_password_reset.expect("an answer");
    assert!(answer(result.into()).is_ok());
}

#[test]
fn every_account_error_code_maps() {
    use q::ErrorCode as C;
    let refused = |code| {
        errors::refused(
            q::ErrorResult {
                code,
                message: "m".into(),
                detail: None,
            },
            None,
            None,
        )
    };
    let weak = Error::WeakPassword {
        rule: crate::account::PASSWORD_RULE,
    };
    let token = Error::invalid("token", Problem::Invalid);
    assert_eq!(refused(C::InvalidCredentialsError), Error::WrongCredentials);
    assert_eq!(refused(C::NotVerifiedError), Error::NotVerified);
    assert_eq!(refused(C::PasswordValidationError), weak);
    assert_eq!(refused(C::MissingPasswordError), weak);
    assert_eq!(refused(C::PasswordResetTokenInvalidError), token);
    assert_eq!(refused(C::PasswordResetTokenExpiredError), token);
    assert!(matches!(
        refused(C::NativeAuthStrategyError),
        Error::Unsupported { .. }
    ));
}

#[test]
fn a_rate_limit_says_how_long_to_wait() {
    assert_eq!(
        too_many(429, Some(" 30 ")),
        Some(Error::TooManyAttempts {
            retry_after: Some(30)
        })
    );
    // A date is not read: wait, but for an unknown time.
    assert_eq!(
        too_many(429, Some("Wed, 21 Oct 2026 07:28:00 GMT")),
        Some(Error::TooManyAttempts { retry_after: None })
    );
    assert_eq!(too_many(200, Some("30")), None);
    assert_eq!(too_many(503, None), None);
}

#[test]
fn the_customer_reads_with_the_email_as_accounts_compare_it() {
    let data: q::ActiveCustomerQuery = ok(CUSTOMER);
    let customer = mapping::customer(data.active_customer.expect("signed in"));
    assert_eq!(customer.id.as_str(), "163");
    assert_eq!(customer.email, "fixture-1796592086@example.com");
    assert_eq!(
        (customer.first_name.as_str(), customer.last_name.as_str()),
        ("Augusta", "King")
    );
    assert_eq!(customer.phone, None);
    let data: q::UpdateProfile = ok(PROFILE);
    assert_eq!(mapping::customer(data.update_customer), customer);
    let mut fields: q::AccountFields = ok::<q::ActiveCustomerQuery>(CUSTOMER)
        .active_customer
        .expect("signed in");
    fields.email_address = " Ada@Example.COM ".into();
    fields.phone_number = Some("  ".into());
    let customer = mapping::customer(fields);
    assert_eq!(
        (customer.email.as_str(), customer.phone),
        ("ada@example.com", None)
    );
}

#[test]
fn the_address_book_reads_as_dhows_addresses() {
    let data: q::AddressBookQuery = ok(ADDRESSES);
    let book = data
        .active_customer
        .and_then(|c| c.addresses)
        .expect("addresses")
        .into_iter()
        .map(mapping::saved_address)
        .collect::<Result<Vec<_>>>()
        .expect("maps");
    assert_eq!(book.len(), 2);
    let home = &book[0];
    assert_eq!(home.id.as_str(), "153");
    assert!(home.default_shipping && home.default_billing);
    assert_eq!(
        (
            home.address.first_name.as_str(),
            home.address.last_name.as_str()
        ),
        ("Ada", "Lovelace")
    );
    // Vendure answers "" for fields never given: none, in Dhow's model.
    assert_eq!((&home.address.company, &home.address.line2), (&None, &None));
    assert_eq!(home.address.region.as_deref(), Some("CA"));
    assert_eq!(home.address.country.as_str(), "US");
    let office = &book[1];
    assert!(!office.default_shipping && !office.default_billing);
    assert_eq!(
        office.address.company.as_deref(),
        Some("Analytical Engines Ltd")
    );
    assert_eq!(office.address.line2.as_deref(), Some("Floor 3"));
}

#[test]
fn addresses_are_sent_with_their_defaults_and_replaced_whole() {
    let data: q::AddressBookQuery = ok(ADDRESSES);
    let office = data
        .active_customer
        .and_then(|c| c.addresses)
        .and_then(|a| a.into_iter().nth(1))
        .map(mapping::saved_address)
        .expect("an address")
        .expect("maps");
    let defaults = AddressDefaults {
        shipping: true,
        billing: false,
    };
    let new =
        serde_json::to_value(mapping::new_saved_address(&office.address, defaults)).expect("json");
    assert_eq!(new["defaultShippingAddress"], true);
    assert_eq!(new["defaultBillingAddress"], false);
    assert_eq!(new["fullName"], "Ada Lovelace");
    assert_eq!(new["countryCode"], "US");
    // An address for an order carries no defaults (the checkout's input is unchanged).
    let for_order = serde_json::to_value(mapping::address_input(&office.address)).expect("json");
    assert!(for_order.get("defaultShippingAddress").is_none());
    // Replacing it without a company or a floor clears them on the server.
    let mut moved = office.address.clone();
    moved.company = None;
    moved.line2 = None;
    let replaced = serde_json::to_value(mapping::replaced_address(
        &office.id,
        &moved,
        AddressDefaults::default(),
    ))
    .expect("json");
    assert_eq!(replaced["id"], "154");
    assert_eq!(
        (&replaced["company"], &replaced["streetLine2"]),
        (&"".into(), &"".into())
    );
    assert_eq!(replaced["defaultShippingAddress"], false);
}

#[test]
fn the_order_history_maps_with_the_order_mapping() {
    let data: q::CustomerOrdersQuery = ok(ORDERS);
    let list = data.active_customer.expect("signed in").orders;
    assert_eq!((list.total_items, list.items.len()), (1, 1));
    let market = us();
    let id = CartId(String::new());
    let ctx = CartContext {
        id: &id,
        market: &market,
        precision: 2,
        tax_included: false,
    };
    let order = mapping::order(&list.items[0], &ctx, "dummy-payment".into()).expect("maps");
    assert_eq!(order.number, "ZT5HW6MF73Q9KXG3");
    assert_eq!(order.lines.iter().map(|l| l.quantity).sum::<u32>(), 2);
    assert_eq!(order.totals.total.amount.minor_units(), 21130);
    assert!(!order.totals.total.estimate);
    assert_eq!(order.shipping_address.line1, "1 Market St");
}

/// The adapter's requests, against a local server answering with the saved answers.
#[cfg(not(target_arch = "wasm32"))]
mod server {
    use std::rc::Rc;

    use wiremock::matchers::{body_partial_json, header, method};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    use super::*;
    use crate::storage::{MemoryStorage, Storage};
    use crate::vendure::VendureConfig;

    const PASSWORD: &str = "correct horse 42";

    fn backend(server: &MockServer, storage: Rc<MemoryStorage>) -> VendureBackend {
        VendureBackend::new(
            VendureConfig {
                url: server.uri(),
                money_precision: 2,
                ..VendureConfig::default()
            },
            vec![us()],
            storage,
        )
        .expect("backend")
    }

    /// Answers the operation `name` with `body`, and a session token when one is given.
    async fn answer(server: &MockServer, name: &str, body: &[u8], token: Option<&str>) {
        let mut response =
            ResponseTemplate::new(200).set_body_raw(body.to_vec(), "application/json");
        if let Some(token) = token {
            response = response.insert_header("vendure-auth-token", token);
        }
        Mock::given(method("POST"))
            .and(body_partial_json(
                serde_json::json!({ "operationName": name }),
            ))
            .respond_with(response)
            .mount(server)
            .await;
    }

    async fn operations(server: &MockServer) -> Vec<String> {
        server
            .received_requests()
            .await
            .expect("recorded")
            .iter()
            .map(|r| {
                let body: serde_json::Value = serde_json::from_slice(&r.body).expect("json");
                body["operationName"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect()
    }

    #[tokio::test]
    async fn signing_in_keeps_the_token_in_storage_and_headers_only() {
        let server = MockServer::start().await;
        answer(&server, "Login", LOGIN, Some("tok-1")).await;
        Mock::given(method("POST"))
            .and(body_partial_json(
                serde_json::json!({ "operationName": "ActiveCustomerQuery" }),
            ))
            .and(header("authorization", "Bearer tok-1"))
            .respond_with(ResponseTemplate::new(200).set_body_raw(CUSTOMER, "application/json"))
            .mount(&server)
            .await;
        let storage = Rc::new(MemoryStorage::new());
        let vendure = backend(&server, storage.clone());
        let customer = vendure
            .sign_in("  Fixture-1796592086@Example.COM ", PASSWORD)
            .await
            .expect("signed in");
        assert_eq!(customer.id.as_str(), "163");
        let requests = server.received_requests().await.expect("recorded");
        let login: serde_json::Value = serde_json::from_slice(&requests[0].body).expect("json");
        assert_eq!(
            login["variables"]["username"],
            "fixture-1796592086@example.com"
        );
        // A new session: no bearer token with the sign-in, so Vendure merges no guest order.
        assert!(requests[0].headers.get("authorization").is_none());
        for request in &requests {
            let url = request.url.as_str();
            assert!(!url.contains("tok-1") && !url.contains("horse"), "{url}");
        }
        let kept = storage.get(ACCOUNT_KEY).expect("read").expect("an account");
        assert!(
            kept.contains("\"version\":1") && kept.contains("tok-1"),
            "{kept}"
        );
        assert!(!kept.contains("horse"), "{kept}");
        assert_eq!(
            vendure.customer().await.expect("customer").map(|c| c.id),
            Some(customer.id)
        );
    }

    #[tokio::test]
    async fn a_taken_email_whose_password_signs_in_is_told_without_registering() {
        let server = MockServer::start().await;
        answer(&server, "Login", LOGIN, Some("tok-owner")).await;
        let vendure = backend(&server, Rc::new(MemoryStorage::new()));
        let taken = vendure
            .register(&Registration {
                email: "ada@example.com".into(),
                password: PASSWORD.into(),
                first_name: "Eve".into(),
                last_name: "Contract".into(),
            })
            .await;
        assert_eq!(taken, Err(Error::EmailTaken));
        // Not registered again, and not logged out: `logout` would end the owner's sessions.
        assert_eq!(operations(&server).await, ["Login"]);
        assert_eq!(vendure.customer().await.expect("customer"), None);
    }

    #[tokio::test]
    async fn a_taken_email_with_another_password_is_told_after_registering() {
        let server = MockServer::start().await;
        // Vendure's answer to registering a taken email is the success of a new one.
        answer(&server, "Login", LOGIN_REFUSED, None).await;
        answer(&server, "Register", REGISTER, None).await;
        let vendure = backend(&server, Rc::new(MemoryStorage::new()));
        let taken = vendure
            .register(&Registration {
                email: "ada@example.com".into(),
                password: "another horse 42".into(),
                first_name: "Eve".into(),
                last_name: "Contract".into(),
            })
            .await;
        assert_eq!(taken, Err(Error::EmailTaken));
        assert_eq!(operations(&server).await, ["Login", "Register", "Login"]);
    }

    #[tokio::test]
    async fn the_servers_password_rule_is_a_weak_password() {
        let server = MockServer::start().await;
        answer(&server, "Login", LOGIN_REFUSED, None).await;
        answer(&server, "Register", REGISTER_WEAK, None).await;
        let vendure = backend(&server, Rc::new(MemoryStorage::new()));
        let weak = vendure
            .register(&Registration {
                email: "ada@example.com".into(),
                password: PASSWORD.into(),
                first_name: "Ada".into(),
                last_name: "Lovelace".into(),
            })
            .await;
        assert!(matches!(weak, Err(Error::WeakPassword { .. })), "{weak:?}");
    }

    #[tokio::test]
    async fn too_many_sign_ins_say_how_long_to_wait() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(429)
                    .insert_header("retry-after", "30")
                    .set_body_string("Too Many Requests"),
            )
            .mount(&server)
            .await;
        let vendure = backend(&server, Rc::new(MemoryStorage::new()));
        assert_eq!(
            vendure.sign_in("ada@example.com", PASSWORD).await,
            Err(Error::TooManyAttempts {
                retry_after: Some(30)
            })
        );
    }

    #[tokio::test]
    async fn without_a_customer_nothing_is_asked() {
        let server = MockServer::start().await;
        let vendure = backend(&server, Rc::new(MemoryStorage::new()));
        assert_eq!(vendure.customer().await, Ok(None));
        assert_eq!(vendure.addresses().await, Err(Error::NotSignedIn));
        assert_eq!(
            vendure.orders(OrderPage::default()).await,
            Err(Error::NotSignedIn)
        );
        assert_eq!(vendure.customer_cart().await, Err(Error::NotSignedIn));
        assert_eq!(
            vendure.adopt_cart(&CartId("v1".into())).await,
            Err(Error::NotSignedIn)
        );
        assert_eq!(vendure.sign_out().await, Ok(()));
        assert!(operations(&server).await.is_empty());
    }

    /// A backend signed in as the fixture's customer with token `tok-1`, and a cart of the
    /// account, as signing in and adopting a cart leave them.
    fn signed_in(server: &MockServer, storage: &Rc<MemoryStorage>) -> VendureBackend {
        let vendure = backend(server, storage.clone());
        let cart = CartId("v-account".into());
        vendure
            .save(&cart, &Session::signed_in("tok-1", &us(), None))
            .expect("cart");
        vendure
            .keep_account(&AccountSession {
                token: "tok-1".into(),
                customer: CustomerId("163".into()),
                email: "fixture-1796592086@example.com".into(),
                carts: vec![cart],
            })
            .expect("account");
        vendure
    }

    #[tokio::test]
    async fn a_session_the_server_ended_signs_the_customer_out() {
        let server = MockServer::start().await;
        // Vendure no longer knows the token: it answers as to a new visitor, with a new one.
        answer(
            &server,
            "ActiveCustomerQuery",
            br#"{"data":{"activeCustomer":null}}"#,
            Some("tok-anonymous"),
        )
        .await;
        let storage = Rc::new(MemoryStorage::new());
        let vendure = signed_in(&server, &storage);
        assert_eq!(vendure.customer().await, Ok(None));
        assert!(storage.keys().is_empty(), "{:?}", storage.keys());
        assert_eq!(vendure.addresses().await, Err(Error::NotSignedIn));
    }

    #[tokio::test]
    async fn signing_out_ends_the_session_and_forgets_its_carts() {
        let server = MockServer::start().await;
        answer(
            &server,
            "Logout",
            br#"{"data":{"logout":{"success":true}}}"#,
            None,
        )
        .await;
        let storage = Rc::new(MemoryStorage::new());
        let vendure = signed_in(&server, &storage);
        storage
            .set("dhow.vendure.cart.v-guest", "{}")
            .expect("a guest cart");
        vendure.sign_out().await.expect("signed out");
        assert_eq!(storage.keys(), ["dhow.vendure.cart.v-guest"]);
        assert_eq!(operations(&server).await, ["Logout"]);
        let requests = server.received_requests().await.expect("recorded");
        let bearer = requests[0]
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok());
        assert_eq!(bearer, Some("Bearer tok-1"));
        // Nobody is signed in: signing out again asks nothing.
        vendure.sign_out().await.expect("again");
        assert_eq!(operations(&server).await.len(), 1);
    }

    #[tokio::test]
    async fn another_customers_address_is_not_found() {
        let server = MockServer::start().await;
        answer(
            &server,
            "DeleteAddress",
            br#"{"errors":[{"message":"You are not currently authorized to perform this action",
                "path":["deleteCustomerAddress"],"extensions":{"code":"FORBIDDEN"}}],"data":null}"#,
            None,
        )
        .await;
        answer(&server, "ActiveCustomerQuery", CUSTOMER, None).await;
        let storage = Rc::new(MemoryStorage::new());
        let vendure = signed_in(&server, &storage);
        assert_eq!(
            vendure.remove_address(&AddressId("1".into())).await,
            Err(Error::not_found(Resource::Address, "1"))
        );
        // Still signed in: the refusal was about the address.
        assert!(storage.get(ACCOUNT_KEY).expect("read").is_some());
    }

    #[tokio::test]
    async fn an_unreadable_account_record_is_set_aside() {
        let server = MockServer::start().await;
        let storage = Rc::new(MemoryStorage::new());
        storage.set(ACCOUNT_KEY, "not json").expect("write");
        let vendure = backend(&server, storage.clone());
        assert!(matches!(
            vendure.customer().await,
            Err(Error::SetAside { key, .. }) if key == ACCOUNT_RECOVERY
        ));
        assert_eq!(
            storage.get(ACCOUNT_RECOVERY).expect("read").as_deref(),
            Some("not json")
        );
        assert_eq!(vendure.customer().await, Ok(None));
    }
}
