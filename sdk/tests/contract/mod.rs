//! The backend contract: one shopper's journey that every [`Backend`] must walk the same way,
//! from markets and search to a placed order and its lookup. Test files of each adapter include
//! it with `mod contract;` and run [`journey`] against their backend with a fixture naming what
//! that backend's data holds.

#![allow(dead_code)] // Each including test file uses what it needs.

pub mod accounts;

use dhow_sdk::address::Address;
use dhow_sdk::model::{
    CardDetails, Cart, CheckoutState, Order, PaymentInput, ProductPage, ProductQuery,
};
use dhow_sdk::{Backend, Currency, DutyTerms, Error, Market, MarketId, TaxDisplay};

/// What a backend's data must provide for the journey.
#[derive(Clone, Debug)]
pub struct ContractFixture {
    /// Id of the market to shop in.
    pub market: String,
    /// A search term that finds at least one product (including [`Self::handle`]'s).
    pub search: String,
    /// Handle of a product with a variant in stock.
    pub handle: String,
    /// A promotion code that applies to a cart holding that product in this market.
    pub valid_code: String,
    /// A code the backend refuses.
    pub invalid_code: String,
    /// A valid shipping address in the market's country.
    pub address: Address,
    /// A card the backend's test processor authorizes.
    pub success_card: CardDetails,
    /// A card the backend's test processor declines; `None` when its processor cannot decline
    /// (Medusa's system provider authorizes everything), and the journey skips that step.
    pub decline_card: Option<CardDetails>,
}

/// A market of a backend's test data, duties paid at checkout and nearest rounding: the
/// markets a test server's seed sells in.
pub fn market(id: &str, country: &str, locale: &str, currency: &str, tax: TaxDisplay) -> Market {
    Market {
        id: MarketId(id.into()),
        country: dhow_sdk::address::CountryCode::parse(country).expect("country"),
        locale: locale.into(),
        languages: Vec::new(),
        currency: Currency::from_code(currency).expect("currency"),
        tax_display: tax,
        duty_terms: DutyTerms::PaidAtCheckout,
        rounding: dhow_sdk::money::RoundingRule::Nearest,
    }
}

/// The email the journey checks out with; looked up in another case on purpose.
const EMAIL: &str = "Contract.Shopper@Example.com";

/// The totals invariant and the sums every cart must keep, on every answer.
pub fn assert_cart(cart: &Cart, market: &Market) {
    assert_eq!(
        cart.currency, market.currency,
        "cart currency is the market's"
    );
    if let Err(error) = cart.check() {
        panic!("{error}");
    }
    for line in &cart.lines {
        assert_eq!(
            line.total,
            line.subtotal
                .checked_sub(line.discount)
                .expect("same currency")
        );
        assert_eq!(line.unit_price.currency(), market.currency);
    }
}

fn pay_with(card: &CardDetails, method: &dhow_sdk::PaymentMethodId) -> PaymentInput {
    PaymentInput {
        method: method.clone(),
        card: Some(card.clone()),
    }
}

/// The first product of `page` other than `handle` with a variant in stock.
fn another_product(page: &ProductPage, handle: &str) -> Option<dhow_sdk::VariantId> {
    page.products
        .iter()
        .filter(|p| p.handle != handle)
        .find_map(|p| {
            p.variants
                .iter()
                .find(|v| v.available)
                .map(|v| v.id.clone())
        })
}

/// Walks a whole shopper journey against `backend` and returns the order placed: markets,
/// search with facets, product by handle, a cart with lines added, changed and removed, a
/// discount code applied and one refused, contact, an invalid then a valid address, shipping,
/// a declined payment (when the backend can decline) then an authorized one, completion (twice:
/// The first variant in stock of the product `handle` in `market`.
pub async fn variant_in_stock<B: Backend>(
    backend: &B,
    market: &Market,
    handle: &str,
) -> dhow_sdk::VariantId {
    let product = backend.product(market, handle).await.expect("product");
    product
        .variants
        .iter()
        .find(|v| v.available)
        .expect("a variant in stock")
        .id
        .clone()
}

/// Three of the first variant in stock of `handle` in a new cart in `from`, then the cart moved
/// to `to`: the same line, re-priced at the product's price in `to`. Returns the cart before and
/// after the move.
pub async fn move_cart<B: Backend>(
    backend: &B,
    from: &Market,
    to: &Market,
    handle: &str,
) -> (Cart, Cart) {
    let variant = variant_in_stock(backend, from, handle).await;
    let cart = backend.create_cart(from).await.expect("cart");
    let cart = backend.add_line(&cart.id, &variant, 3).await.expect("add");
    assert_cart(&cart, from);
    let moved = backend.set_cart_market(&cart.id, to).await.expect("move");
    assert_cart(&moved, to);
    assert_eq!(moved.market, to.id);
    assert_eq!((moved.lines.len(), moved.lines[0].quantity), (1, 3));
    let there = backend.product(to, handle).await.expect("product there");
    let same = there
        .variants
        .iter()
        .find(|v| v.id == variant)
        .expect("same variant");
    assert_eq!(moved.lines[0].unit_price, same.price.amount);
    (cart, moved)
}
/// the same order), and order lookup.
pub async fn journey<B: Backend>(backend: &B, fixture: &ContractFixture) -> Order {
    // Markets.
    let markets = backend.markets().await.expect("markets");
    let market = markets
        .iter()
        .find(|m| m.id.as_str() == fixture.market)
        .unwrap_or_else(|| panic!("market {} is offered", fixture.market))
        .clone();

    // Search with facets.
    let query = ProductQuery {
        text: fixture.search.clone(),
        ..ProductQuery::default()
    };
    let found = backend.products(&market, &query).await.expect("search");
    assert!(
        found.total >= 1 && !found.products.is_empty(),
        "`{}` finds products",
        fixture.search
    );
    assert!(
        found.products.iter().any(|p| p.handle == fixture.handle),
        "the search finds {}",
        fixture.handle
    );
    assert!(!found.facets.is_empty(), "a search has facets");
    for product in &found.products {
        for variant in &product.variants {
            assert_eq!(
                variant.price.amount.currency(),
                market.currency,
                "priced in the market's currency"
            );
        }
    }
    let one = backend
        .products(
            &market,
            &ProductQuery {
                per_page: 1,
                ..query.clone()
            },
        )
        .await
        .expect("paged search");
    assert!(one.products.len() <= 1);
    assert_eq!(
        one.total, found.total,
        "the total does not depend on the page"
    );

    // Product by handle; an unknown handle is not found.
    let product = backend
        .product(&market, &fixture.handle)
        .await
        .expect("product by handle");
    assert_eq!(product.handle, fixture.handle);
    let variant = product
        .variants
        .iter()
        .find(|v| v.available)
        .expect("a variant in stock")
        .clone();
    let missing = backend.product(&market, "no-such-product-handle").await;
    assert!(
        matches!(missing, Err(Error::NotFound { .. })),
        "unknown handle: {missing:?}"
    );
    backend.collections(&market).await.expect("collections");

    // A cart: add, change, add another, remove it.
    let cart = backend.create_cart(&market).await.expect("create cart");
    assert!(cart.lines.is_empty());
    assert_eq!(cart.market, market.id);
    let id = cart.id.clone();
    let cart = backend
        .add_line(&id, &variant.id, 1)
        .await
        .expect("add line");
    assert_cart(&cart, &market);
    assert_eq!((cart.lines.len(), cart.lines[0].quantity), (1, 1));
    assert_eq!(
        cart.lines[0].unit_price, variant.price.amount,
        "the cart charges the shown price"
    );
    assert_eq!(cart.state, CheckoutState::Open, "a new cart is open");
    // Repeated, `add_line` adds again: it is not idempotent, so a storefront that lost the
    // answer re-reads the cart before it sends it again.
    let cart = backend
        .add_line(&id, &variant.id, 1)
        .await
        .expect("add the same variant again");
    assert_eq!((cart.lines.len(), cart.lines[0].quantity), (1, 2));
    let line = cart.lines[0].id.clone();
    // Repeated, `update_line` sets the same quantity: safe to send again.
    backend
        .update_line(&id, &line, 2)
        .await
        .expect("update line");
    let cart = backend
        .update_line(&id, &line, 2)
        .await
        .expect("update line");
    assert_cart(&cart, &market);
    assert_eq!(
        cart.totals.subtotal.amount,
        variant.price.amount.checked_mul(2).expect("small")
    );
    let everything = backend
        .products(&market, &ProductQuery::default())
        .await
        .expect("list");
    if let Some(other) = another_product(&everything, &fixture.handle) {
        let cart = backend
            .add_line(&id, &other, 1)
            .await
            .expect("add another line");
        assert_eq!(cart.lines.len(), 2);
        let added = cart
            .lines
            .iter()
            .find(|l| l.variant_id == other)
            .expect("the new line")
            .id
            .clone();
        let cart = backend.remove_line(&id, &added).await.expect("remove line");
        assert_eq!(cart.lines.len(), 1);
        assert_cart(&cart, &market);
    }

    // Discount codes: one applies, one is refused with a reason.
    let cart = backend
        .apply_discount(&id, &fixture.valid_code)
        .await
        .expect("valid code applies");
    assert_cart(&cart, &market);
    assert!(
        cart.discounts
            .iter()
            .any(|d| d.code.eq_ignore_ascii_case(&fixture.valid_code))
    );
    // Repeated, `apply_discount` never applies a code twice: it answers with the cart or refuses
    // with `AlreadyApplied`, and the code is on the cart once.
    match backend.apply_discount(&id, &fixture.valid_code).await {
        Ok(_)
        | Err(Error::PromotionRejected {
            reason: dhow_sdk::PromotionRejection::AlreadyApplied,
            ..
        }) => {}
        other => panic!("a code applied again: {other:?}"),
    }
    let cart = backend.cart(&id).await.expect("cart");
    assert_eq!(
        cart.discounts
            .iter()
            .filter(|d| d.code.eq_ignore_ascii_case(&fixture.valid_code))
            .count(),
        1,
        "the code is on the cart once"
    );
    let refused = backend.apply_discount(&id, &fixture.invalid_code).await;
    assert!(
        matches!(refused, Err(Error::PromotionRejected { .. })),
        "invalid code: {refused:?}"
    );

    // Contact.
    let bad_email = backend.set_email(&id, "not-an-email").await;
    assert!(
        matches!(&bad_email, Err(Error::InvalidInput { fields }) if fields.iter().any(|f| f.field == "email")),
        "bad email: {bad_email:?}"
    );
    let cart = backend.set_email(&id, EMAIL).await.expect("email");
    assert_eq!(
        cart.email.as_deref().map(str::to_lowercase),
        Some(EMAIL.to_lowercase())
    );

    // Address: an invalid one names its fields; then the valid one.
    let mut invalid = fixture.address.clone();
    invalid.line1 = String::new();
    invalid.last_name = String::new();
    match backend.set_shipping_address(&id, &invalid).await {
        Err(Error::InvalidInput { fields }) => {
            let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
            assert!(
                names.contains(&"line1") && names.contains(&"last_name"),
                "fields named: {names:?}"
            );
        }
        other => panic!("an invalid address is refused, got {other:?}"),
    }
    let cart = backend
        .set_shipping_address(&id, &fixture.address)
        .await
        .expect("valid address");
    assert_cart(&cart, &market);
    assert_eq!(
        cart.shipping_address.as_ref().map(|a| a.country),
        Some(fixture.address.country)
    );

    // Shipping.
    let options = backend
        .shipping_options(&id)
        .await
        .expect("shipping options");
    assert!(!options.is_empty(), "the market's country is shipped to");
    let cart = backend
        .set_shipping_option(&id, &options[0].id)
        .await
        .expect("choose shipping");
    assert_cart(&cart, &market);
    assert_eq!(cart.shipping_option.as_ref(), Some(&options[0].id));
    let shipping = cart.totals.shipping.expect("shipping is priced");
    assert!(
        !shipping.estimate,
        "a chosen option to a known address is final"
    );
    assert!(
        !cart.totals.total.estimate,
        "every part of the total is known"
    );

    // Payment: a decline can be retried with another card.
    let methods = backend.payment_methods(&id).await.expect("payment methods");
    let method = methods.first().expect("a payment method").id.clone();
    if let Some(decline_card) = &fixture.decline_card {
        let declined = backend.pay(&id, &pay_with(decline_card, &method)).await;
        assert!(
            matches!(declined, Err(Error::PaymentDeclined { .. })),
            "decline card: {declined:?}"
        );
    }
    let payment = backend
        .pay(&id, &pay_with(&fixture.success_card, &method))
        .await
        .expect("payment");
    assert_eq!(
        payment.amount, cart.totals.total.amount,
        "the whole total is authorized"
    );
    // Paid (or, where the backend authorizes only when completing, still open), never
    // completed by paying.
    let paid = backend.cart(&id).await.expect("cart after payment");
    assert!(
        matches!(paid.state, CheckoutState::Paid | CheckoutState::Open),
        "after payment: {:?}",
        paid.state
    );
    // Repeated, `pay` is the same authorization for the same total: a retry never charges twice.
    let again = backend
        .pay(&id, &pay_with(&fixture.success_card, &method))
        .await
        .expect("pay again");
    assert_eq!(
        again.amount, payment.amount,
        "paying again is the same payment"
    );

    // Complete, twice: the same order.
    let order = backend.complete(&id).await.expect("complete");
    assert!(!order.number.is_empty());
    assert!(order.email.eq_ignore_ascii_case(EMAIL));
    assert_eq!(order.market, market.id);
    assert_eq!(order.lines.len(), cart.lines.len());
    assert_eq!(order.totals.total.amount, payment.amount);
    assert_eq!(
        order.totals.total.amount,
        order.totals.expected_total().expect("order totals")
    );
    // Repeated, `complete` is the same order, never a second one.
    let again = backend.complete(&id).await.expect("complete again");
    assert_eq!(
        again.number, order.number,
        "completing again is the same order"
    );
    // The cart says it is completed, so a storefront reloading mid-checkout shows the order.
    let completed = backend
        .cart(&id)
        .await
        .expect("a completed cart still reads");
    assert!(
        matches!(&completed.state, CheckoutState::Completed { order: number }
            if number.as_ref().is_none_or(|n| *n == order.number)),
        "after completion: {:?}",
        completed.state
    );

    // Lookup: the right email in any case finds it; a wrong one does not reveal it.
    let found = backend
        .order(&order.number, &EMAIL.to_uppercase())
        .await
        .expect("order lookup");
    assert_eq!(found.number, order.number);
    let hidden = backend
        .order(&order.number, "someone.else@example.com")
        .await;
    assert!(
        matches!(hidden, Err(Error::NotFound { .. })),
        "wrong email: {hidden:?}"
    );
    order
}
