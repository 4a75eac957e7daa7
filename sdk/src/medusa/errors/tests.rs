//! The error table against Medusa's own answers: every rule with a saved refusal runs it
//! through the table and must be the rule that matches, with the error it names. Rules whose
//! refusal no recording has caught yet are listed, so a new rule is one or the other.

use super::*;

const CART: &str = "cart_01";

/// Where each saved refusal comes from: a file of the body alone (saved by
/// `backends/medusa/record-fixtures.mjs`, which does not keep the status: the one the adapter's
/// tests have always read it with), or an exchange of an offline cassette (status as recorded).
enum Saved {
    Body(u16, &'static str),
    Cassette(&'static str, &'static str),
}

/// The saved refusal of each rule that has one, and the request it answered.
fn fixtures<'a>(
    cart: &'a CartId,
    variant: &'a VariantId,
) -> Vec<(&'static str, Request<'a>, Saved)> {
    vec![
        (
            "out_of_stock",
            Request::AddLine(cart, variant),
            Saved::Body(
                400,
                include_str!("../../../tests/fixtures/medusa/error_out_of_stock.json"),
            ),
        ),
        (
            "promotion_unknown",
            Request::ApplyCode(cart, "NOPE"),
            Saved::Body(
                400,
                include_str!("../../../tests/fixtures/medusa/error_unknown_promotion.json"),
            ),
        ),
        (
            "promotion_unknown",
            Request::ApplyCode(cart, "NOT-A-CODE"),
            Saved::Cassette(
                include_str!("../../../tests/fixtures/medusa/offline/journey_us.json"),
                "/promotions",
            ),
        ),
    ]
}

/// Rules no saved answer shows yet (see the report of the change that made the table): each
/// is worded as the adapter's earlier code read Medusa's messages.
const WITHOUT_FIXTURE: &[&str] = &[
    "variant_unknown",
    "line_unknown",
    "email_refused",
    "country_not_in_region",
    "shipping_option_refused",
    "promotion_expired",
    "promotion_used_up",
    "promotion_already_applied",
    "promotion_not_combinable",
    "promotion_minimum_not_reached",
    "cart_not_found",
    "order_not_found",
    "not_found_status",
    "not_found_type",
    "payment_declined",
    "conflict_status",
    "conflict_type",
    "unauthorized_status",
    "unauthorized_type",
];

/// The status and body of a saved refusal.
fn read(saved: &Saved) -> (u16, String) {
    match saved {
        Saved::Body(status, body) => (*status, (*body).to_owned()),
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
            let status = exchange["response"]["status"].as_u64().expect("a status");
            (
                u16::try_from(status).expect("an HTTP status"),
                exchange["response"]["body"].to_string(),
            )
        }
    }
}

#[test]
fn every_saved_refusal_matches_its_rule() {
    let (cart, variant) = (CartId::from(CART), VariantId::from("variant_01"));
    for (name, request, saved) in fixtures(&cart, &variant) {
        let (status, body) = read(&saved);
        let api = super::super::transport::api_error(status, &body);
        let rule = rule_for(&request, &api).map(|r| r.name);
        assert_eq!(rule, Some(name), "{body}");
        let error = refusal(&request, &api);
        match name {
            "out_of_stock" => assert!(
                matches!(&error, Error::OutOfStock { variant, .. } if variant == "variant_01"),
                "{error:?}"
            ),
            "promotion_unknown" => assert!(
                matches!(
                    &error,
                    Error::PromotionRejected {
                        reason: PromotionRejection::Unknown,
                        ..
                    }
                ),
                "{error:?}"
            ),
            other => panic!("no expectation for {other}"),
        }
    }
}

#[test]
fn every_rule_has_a_saved_refusal_or_is_listed_without_one() {
    let (cart, variant) = (CartId::from(CART), VariantId::from("variant_01"));
    let saved: Vec<&str> = fixtures(&cart, &variant)
        .iter()
        .map(|(name, ..)| *name)
        .collect();
    for rule in RULES {
        let with = saved.contains(&rule.name);
        let without = WITHOUT_FIXTURE.contains(&rule.name);
        assert!(
            with != without,
            "{}: saved {with}, listed without {without}",
            rule.name
        );
    }
    for name in WITHOUT_FIXTURE.iter().chain(&saved) {
        assert!(RULES.iter().any(|r| r.name == *name), "no rule {name}");
    }
}

fn refusal_of(request: Request<'_>, status: u16, kind: &str, message: &str) -> Error {
    let api = ApiError {
        status,
        kind: kind.into(),
        code: String::new(),
        message: message.into(),
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
