//! The error table against Medusa's own answers: every rule with a saved refusal runs it
//! through the table and must be the rule that matches, with the error it names. Rules whose
//! refusal no recording has caught yet are listed, so a new rule is one or the other.

use super::*;

const CART: &str = "cart_01";
const VARIANT: &str = "variant_01";
const LINE: &str = "item_01";
const ORDER: &str = "order_01";
const ADDRESS: &str = "cuaddr_01";

/// Where each saved refusal comes from: a refusal recorded with its status by
/// `backends/medusa/record-fixtures.mjs --errors` (`{request, status, body}`), or an exchange
/// of an offline cassette (status as recorded).
enum Saved {
    /// The file, and the request it must have answered (`{}` for any one id).
    Refusal(&'static str, &'static str),
    /// The cassette, and how the path of its refused request ends.
    Cassette(&'static str, &'static str),
}

/// A saved refusal: the rule that must match it for `request`, and the error it must give.
struct Fixture<'a> {
    rule: &'static str,
    request: Request<'a>,
    saved: Saved,
    gives: fn(&Error) -> bool,
}

macro_rules! refusal_file {
    ($name:literal) => {
        include_str!(concat!(
            "../../../tests/fixtures/medusa/errors/",
            $name,
            ".json"
        ))
    };
}

/// A refusal of an account route, saved from the test server in the same form.
macro_rules! account_refusal {
    ($name:literal) => {
        include_str!(concat!("../account/fixtures/refusals/", $name, ".json"))
    };
}

/// The saved refusal of each rule that has one, and the request it answered.
fn fixtures<'a>(
    cart: &'a CartId,
    variant: &'a VariantId,
    line: &'a LineId,
    address: &'a AddressId,
) -> Vec<Fixture<'a>> {
    fn not_found(error: &Error, resource: Resource, expected: &str) -> bool {
        matches!(error, Error::NotFound { what, id } if *what == resource && id == expected)
    }
    fn field(error: &Error, name: &str, expected: Problem) -> bool {
        matches!(error, Error::InvalidInput { fields }
            if fields.len() == 1 && fields[0].field == name && fields[0].problem == expected)
    }
    fn rejected(error: &Error, expected: PromotionRejection) -> bool {
        matches!(error, Error::PromotionRejected { code, reason } if code == "NOPE" && *reason == expected)
    }
    fn unauthorized(error: &Error) -> bool {
        matches!(error, Error::Backend { code, .. } if code == "unauthorized")
    }
    fn conflict(error: &Error) -> bool {
        matches!(error, Error::Conflict { message } if message.contains("already completed"))
    }
    vec![
        Fixture {
            rule: "out_of_stock",
            request: Request::AddLine(cart, variant),
            saved: Saved::Refusal(
                refusal_file!("out_of_stock"),
                "POST /store/carts/{}/line-items",
            ),
            gives: |e| matches!(e, Error::OutOfStock { variant, .. } if variant == VARIANT),
        },
        Fixture {
            rule: "publishable_key_refused",
            request: Request::Store,
            saved: Saved::Refusal(
                refusal_file!("publishable_key_refused"),
                "GET /store/regions",
            ),
            gives: unauthorized,
        },
        Fixture {
            rule: "publishable_key_refused",
            request: Request::Store,
            saved: Saved::Refusal(
                refusal_file!("publishable_key_refused.missing"),
                "GET /store/regions",
            ),
            gives: unauthorized,
        },
        // The same refusal of a code: neither a conflict nor a promotion's.
        Fixture {
            rule: "publishable_key_refused",
            request: Request::ApplyCode(cart, "NOPE"),
            saved: Saved::Refusal(
                refusal_file!("publishable_key_refused"),
                "GET /store/regions",
            ),
            gives: unauthorized,
        },
        Fixture {
            rule: "cart_completed",
            request: Request::ApplyCode(cart, "NOPE"),
            saved: Saved::Refusal(
                refusal_file!("cart_completed"),
                "POST /store/carts/{}/promotions",
            ),
            gives: conflict,
        },
        Fixture {
            rule: "cart_completed",
            request: Request::ChooseOption(cart),
            saved: Saved::Refusal(
                refusal_file!("cart_completed.shipping"),
                "POST /store/carts/{}/shipping-methods",
            ),
            gives: conflict,
        },
        Fixture {
            rule: "variant_unknown",
            request: Request::AddLine(cart, variant),
            saved: Saved::Refusal(
                refusal_file!("variant_unknown"),
                "POST /store/carts/{}/line-items",
            ),
            gives: |e| not_found(e, Resource::Variant, VARIANT),
        },
        Fixture {
            rule: "line_unknown",
            request: Request::UpdateLine(cart, line),
            saved: Saved::Refusal(
                refusal_file!("line_unknown"),
                "POST /store/carts/{}/line-items/{}",
            ),
            gives: |e| not_found(e, Resource::Line, LINE),
        },
        Fixture {
            rule: "email_refused",
            request: Request::SetEmail(cart),
            saved: Saved::Refusal(refusal_file!("email_refused"), "POST /store/carts/{}"),
            gives: |e| field(e, "email", Problem::Invalid),
        },
        Fixture {
            rule: "country_not_in_region",
            request: Request::SetAddress(cart),
            saved: Saved::Refusal(
                refusal_file!("country_not_in_region"),
                "POST /store/carts/{}",
            ),
            gives: |e| field(e, "country", Problem::CountryNotServed),
        },
        Fixture {
            rule: "shipping_option_refused",
            request: Request::ChooseOption(cart),
            saved: Saved::Refusal(
                refusal_file!("shipping_option_refused"),
                "POST /store/carts/{}/shipping-methods",
            ),
            gives: |e| field(e, "shipping_option", Problem::Invalid),
        },
        Fixture {
            rule: "promotion_unknown",
            request: Request::ApplyCode(cart, "NOPE"),
            saved: Saved::Refusal(
                refusal_file!("promotion_unknown"),
                "POST /store/carts/{}/promotions",
            ),
            gives: |e| rejected(e, PromotionRejection::Unknown),
        },
        Fixture {
            rule: "promotion_unknown",
            request: Request::ApplyCode(cart, "NOPE"),
            saved: Saved::Cassette(
                include_str!("../../../tests/fixtures/medusa/offline/journey_us.json"),
                "/promotions",
            ),
            gives: |e| rejected(e, PromotionRejection::Unknown),
        },
        Fixture {
            rule: "cart_not_found",
            request: Request::Cart(cart),
            saved: Saved::Refusal(refusal_file!("cart_not_found"), "GET /store/carts/{}"),
            gives: |e| not_found(e, Resource::Cart, CART),
        },
        Fixture {
            rule: "order_not_found",
            request: Request::Order(ORDER),
            saved: Saved::Refusal(refusal_file!("order_not_found"), "GET /store/orders/{}"),
            gives: |e| not_found(e, Resource::Order, ORDER),
        },
        Fixture {
            rule: "not_found_status",
            request: Request::Store,
            saved: Saved::Refusal(refusal_file!("not_found_status"), "GET /store/products/{}"),
            gives: |e| {
                matches!(e, Error::NotFound { what, id }
                if *what == Resource::Unnamed && id.starts_with("Product with id"))
            },
        },
        Fixture {
            rule: "unauthorized_status",
            request: Request::Store,
            saved: Saved::Refusal(
                refusal_file!("unauthorized_status"),
                "GET /store/customers/me",
            ),
            gives: unauthorized,
        },
        // The same answer to a signed-in customer's request: the session is over.
        Fixture {
            rule: "session_expired",
            request: Request::Customer,
            saved: Saved::Refusal(
                refusal_file!("unauthorized_status"),
                "GET /store/customers/me",
            ),
            gives: |e| matches!(e, Error::NotSignedIn),
        },
        Fixture {
            rule: "email_taken",
            request: Request::Register,
            saved: Saved::Refusal(
                account_refusal!("email_taken"),
                "POST /auth/customer/emailpass/register",
            ),
            gives: |e| matches!(e, Error::EmailTaken),
        },
        Fixture {
            rule: "wrong_credentials",
            request: Request::SignIn,
            saved: Saved::Refusal(
                account_refusal!("wrong_credentials"),
                "POST /auth/customer/emailpass",
            ),
            gives: |e| matches!(e, Error::WrongCredentials),
        },
        Fixture {
            rule: "reset_token_refused",
            request: Request::NewPassword,
            saved: Saved::Refusal(
                account_refusal!("reset_token_refused"),
                "POST /auth/customer/emailpass/update",
            ),
            gives: |e| field(e, "token", Problem::Invalid),
        },
        Fixture {
            rule: "address_not_found",
            request: Request::Address(address),
            saved: Saved::Refusal(
                account_refusal!("address_not_found"),
                "DELETE /store/customers/me/addresses/{}",
            ),
            gives: |e| not_found(e, Resource::Address, ADDRESS),
        },
        Fixture {
            rule: "cart_not_found",
            request: Request::AdoptCart(cart),
            saved: Saved::Refusal(
                account_refusal!("cart_not_found.adopt"),
                "POST /store/carts/{}/customer",
            ),
            gives: |e| not_found(e, Resource::Cart, CART),
        },
    ]
}

/// Rules no saved answer shows, and why Medusa 2.21.2 with this seed gives none.
const WITHOUT_FIXTURE: &[(&str, &str)] = &[
    // Medusa refuses no code on being applied for these: a code whose promotion is inactive,
    // outside its campaign's dates, over its budget or whose rules the cart misses is accepted
    // (200) and simply not applied; a budget is enforced only when the cart is completed
    // ("Promotion usage exceeds the budget limit.", `not_allowed`, on the completion). The seed
    // has no such promotion either (only WELCOME10).
    (
        "promotion_expired",
        "an ended promotion is accepted unapplied",
    ),
    (
        "promotion_used_up",
        "a spent budget is refused only at completion",
    ),
    (
        "promotion_minimum_not_reached",
        "unmet rules are accepted unapplied",
    ),
    // Applying a code twice is accepted (200, the cart unchanged).
    (
        "promotion_already_applied",
        "Medusa accepts a code applied twice",
    ),
    // Medusa 2.x has no notion of codes that do not combine.
    ("promotion_not_combinable", "no such refusal in Medusa 2.x"),
    // Medusa's error handler answers `not_found` always with 404 and `unauthorized` always
    // with 401: the status rules catch them first.
    ("not_found_type", "not_found always comes with 404"),
    ("unauthorized_type", "unauthorized always comes with 401"),
    // Medusa 2.21.2 limits no request rate itself: a 429 comes from a proxy or middleware in
    // front of it.
    ("too_many_attempts", "Medusa itself never answers 429"),
    // The system payment provider, the only one here, never declines.
    ("payment_declined", "pp_system_default never declines"),
    // 409 comes with a completion still running in another request, or a database
    // serialization failure; concurrent completions here wait and all answer 200.
    (
        "conflict_status",
        "no 409 provoked: concurrent completions all succeed",
    ),
    // The Store API's own `not_allowed` refusals are out of stock and the publishable key (their
    // own rules) and a spent budget at completion (no such promotion in the seed).
    (
        "conflict_type",
        "no other not_allowed refusal on the Store API",
    ),
];

/// Whether a recorded `<method> <path>` is the request `pattern` names (`{}`: any one id).
fn is_request(recorded: &str, pattern: &str) -> bool {
    let (recorded, pattern) = (recorded.split('/'), pattern.split('/'));
    recorded.clone().count() == pattern.clone().count()
        && recorded.zip(pattern).all(|(r, p)| p == "{}" || r == p)
}

/// The status and body of a saved refusal.
fn read(saved: &Saved) -> (u16, String) {
    let status_of = |value: &serde_json::Value| {
        u16::try_from(value.as_u64().expect("a status")).expect("an HTTP status")
    };
    match saved {
        Saved::Refusal(file, request) => {
            let refusal: serde_json::Value = serde_json::from_str(file).expect("a refusal");
            let recorded = refusal["request"].as_str().expect("the request");
            assert!(is_request(recorded, request), "{recorded} is not {request}");
            (status_of(&refusal["status"]), refusal["body"].to_string())
        }
        Saved::Cassette(cassette, path_end) => {
            let cassette: serde_json::Value = serde_json::from_str(cassette).expect("a cassette");
            let exchange = cassette["exchanges"]
                .as_array()
                .expect("exchanges")
                .iter()
                .find(|e| {
                    e["response"]["status"].as_u64().is_some_and(|s| s >= 400)
                        && e["request"]["path"]
                            .as_str()
                            .is_some_and(|p| p.ends_with(path_end))
                })
                .expect("a recorded refusal");
            (
                status_of(&exchange["response"]["status"]),
                exchange["response"]["body"].to_string(),
            )
        }
    }
}

#[test]
fn every_saved_refusal_matches_its_rule() {
    let (cart, variant, line, address) = (
        CartId::from(CART),
        VariantId::from(VARIANT),
        LineId::from(LINE),
        AddressId::from(ADDRESS),
    );
    for fixture in fixtures(&cart, &variant, &line, &address) {
        let (status, body) = read(&fixture.saved);
        let api = super::super::transport::api_error(status, &body);
        let rule = rule_for(&fixture.request, &api).map(|r| r.name);
        assert_eq!(rule, Some(fixture.rule), "{status} {body}");
        let error = refusal(&fixture.request, &api);
        assert!((fixture.gives)(&error), "{}: {error:?}", fixture.rule);
    }
}

#[test]
fn every_rule_has_a_saved_refusal_or_is_listed_without_one() {
    let (cart, variant, line, address) = (
        CartId::from(CART),
        VariantId::from(VARIANT),
        LineId::from(LINE),
        AddressId::from(ADDRESS),
    );
    let saved: Vec<&str> = fixtures(&cart, &variant, &line, &address)
        .iter()
        .map(|f| f.rule)
        .collect();
    let without: Vec<&str> = WITHOUT_FIXTURE.iter().map(|(name, _)| *name).collect();
    for rule in RULES {
        let with = saved.contains(&rule.name);
        let listed = without.contains(&rule.name);
        assert!(
            with != listed,
            "{}: saved {with}, listed without {listed}",
            rule.name
        );
    }
    for name in without.iter().chain(&saved) {
        assert!(RULES.iter().any(|r| r.name == *name), "no rule {name}");
    }
}

fn refusal_of(request: Request<'_>, status: u16, kind: &str, message: &str) -> Error {
    let api = ApiError {
        status,
        kind: kind.into(),
        code: String::new(),
        message: message.into(),
        retry_after: None,
    };
    refusal(&request, &api)
}

fn reason(message: &str) -> PromotionRejection {
    let cart = CartId::from(CART);
    match refusal_of(Request::ApplyCode(&cart, "C"), 400, "invalid_data", message) {
        Error::PromotionRejected { reason, .. } => reason,
        other => panic!("{other:?}"),
    }
}

#[test]
fn refusals_read_from_medusa_messages() {
    // Saved from the server: sdk/tests/fixtures/medusa/error_unknown_promotion.json. The
    // others are worded as a merchant's or a later version's message could be.
    assert_eq!(
        reason("The promotion code NOPE is invalid"),
        PromotionRejection::Unknown
    );
    // Medusa's message for a spent campaign budget (@medusajs/promotion 2.21.2).
    assert_eq!(
        reason("Promotion usage exceeds the budget limit."),
        PromotionRejection::UsedUp
    );
    assert_eq!(
        reason("Promotion WINTER has expired"),
        PromotionRejection::Expired
    );
    assert_eq!(
        reason("Code WELCOME10 is already applied"),
        PromotionRejection::AlreadyApplied
    );
}

#[test]
fn a_refusal_means_what_it_means_for_its_request() {
    let cart = CartId::from(CART);
    let variant = VariantId::from("variant_01");
    let line = LineId::from("item_01");
    let missing = "Variants with IDs variant_01 do not exist";
    assert!(matches!(
        refusal_of(Request::AddLine(&cart, &variant), 400, "invalid_data", missing),
        Error::NotFound { ref what, ref id } if *what == Resource::Variant && id == "variant_01"
    ));
    // The same words about another request are Medusa's to explain.
    assert!(matches!(
        refusal_of(Request::Cart(&cart), 400, "invalid_data", missing),
        Error::Backend { ref code, .. } if code == "invalid_data"
    ));
    assert!(matches!(
        refusal_of(Request::UpdateLine(&cart, &line), 404, "not_found", "Line item not found"),
        Error::NotFound { ref what, .. } if *what == Resource::Line
    ));
    assert!(matches!(
        refusal_of(Request::Cart(&cart), 404, "not_found", "Cart not found"),
        Error::NotFound { ref what, ref id } if *what == Resource::Cart && id == CART
    ));
    assert!(matches!(
        refusal_of(Request::Order("order_01"), 404, "not_found", "Order not found"),
        Error::NotFound { ref what, ref id } if *what == Resource::Order && id == "order_01"
    ));
    assert!(matches!(
        refusal_of(Request::SetAddress(&cart), 400, "invalid_data", "Country with code fr is not within region"),
        Error::InvalidInput { ref fields } if fields[0].problem == Problem::CountryNotServed
    ));
    assert!(matches!(
        refusal_of(Request::ChooseOption(&cart), 400, "invalid_data", "Shipping options are not valid"),
        Error::InvalidInput { ref fields } if fields[0].field == "shipping_option"
    ));
    // A refused code that is not a promotion refusal: the cart is not found.
    assert!(matches!(
        refusal_of(Request::ApplyCode(&cart, "C"), 404, "not_found", "Cart not found"),
        Error::NotFound { ref what, .. } if *what == Resource::Cart
    ));
}

#[test]
fn too_many_attempts_is_an_account_answer_and_says_how_long() {
    let api = ApiError {
        status: 429,
        kind: String::new(),
        code: String::new(),
        message: "Too Many Requests".into(),
        retry_after: Some(30),
    };
    assert_eq!(
        refusal(&Request::SignIn, &api),
        Error::TooManyAttempts {
            retry_after: Some(30)
        }
    );
    let unsaid = ApiError {
        retry_after: None,
        ..api.clone()
    };
    assert_eq!(
        refusal(&Request::PasswordReset, &unsaid),
        Error::TooManyAttempts { retry_after: None }
    );
    // Outside accounts, a 429 is the store's own trouble.
    let cart = CartId::from(CART);
    assert!(matches!(
        refusal(&Request::Cart(&cart), &api),
        Error::Backend { ref code, .. } if code == "429"
    ));
}
