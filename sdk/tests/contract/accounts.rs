//! The account contract: what every adapter's [`Accounts`] must do the same way, walked by one
//! customer from registration to an order found again from another device, with a guest cart
//! carried over on sign-in and a second customer who sees none of the first one's data.

use std::time::{SystemTime, UNIX_EPOCH};

use dhow_sdk::account::{self, Accounts, AddressDefaults, OrderPage, Profile, Registration};
use dhow_sdk::model::{Cart, Order, PaymentInput};
use dhow_sdk::{Backend, Error, Market, VariantId};

use super::ContractFixture;

/// A password that meets the rule.
pub const PASSWORD: &str = "correct horse 42";

/// An email no earlier run used (the real servers keep their accounts).
pub fn unique_email(who: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock")
        .as_nanos();
    format!("{who}-{nanos}@example.com")
}

/// A registration for `email`.
pub fn registration(email: &str, first: &str) -> Registration {
    Registration {
        email: email.to_owned(),
        password: PASSWORD.to_owned(),
        first_name: first.to_owned(),
        last_name: "Contract".to_owned(),
    }
}

async fn market_of<B: Backend>(backend: &B, fixture: &ContractFixture) -> Market {
    backend
        .markets()
        .await
        .expect("markets")
        .into_iter()
        .find(|m| m.id.as_str() == fixture.market)
        .unwrap_or_else(|| panic!("market {} is offered", fixture.market))
}

/// Two different variants in stock: the fixture's product's, and another product's.
async fn two_variants<B: Backend>(
    backend: &B,
    market: &Market,
    fixture: &ContractFixture,
) -> (VariantId, VariantId) {
    let first = super::variant_in_stock(backend, market, &fixture.handle).await;
    let page = backend
        .products(market, &dhow_sdk::model::ProductQuery::default())
        .await
        .expect("products");
    let second = super::another_product(&page, &fixture.handle).expect("another product");
    (first, second)
}

/// Checks out `cart` with the fixture's address and card, as `email`.
pub async fn check_out<B: Backend>(
    backend: &B,
    cart: &Cart,
    email: &str,
    fixture: &ContractFixture,
) -> Order {
    let id = &cart.id;
    backend.set_email(id, email).await.expect("email");
    backend
        .set_shipping_address(id, &fixture.address)
        .await
        .expect("address");
    let options = backend.shipping_options(id).await.expect("options");
    backend
        .set_shipping_option(id, &options.first().expect("an option").id)
        .await
        .expect("option");
    let methods = backend.payment_methods(id).await.expect("methods");
    let method = methods.first().expect("a payment method").id.clone();
    backend
        .pay(
            id,
            &PaymentInput {
                method,
                card: Some(fixture.success_card.clone()),
            },
        )
        .await
        .expect("pay");
    backend.complete(id).await.expect("complete")
}

fn quantity_of(cart: &Cart, variant: &VariantId) -> u32 {
    cart.lines
        .iter()
        .filter(|l| &l.variant_id == variant)
        .map(|l| l.quantity)
        .sum()
}

/// The whole account journey. `device` opens the backend as a new browser would: sharing the
/// server (or, for the local engine, its accounts) but no session.
pub async fn account_journey<B, F>(device: F, fixture: &ContractFixture)
where
    B: Backend + Accounts,
    F: Fn() -> B,
{
    let first = device();
    let market = market_of(&first, fixture).await;
    let (variant, other) = two_variants(&first, &market, fixture).await;
    let email = unique_email("ada");

    // Nobody is signed in yet.
    assert_eq!(first.customer().await.expect("customer"), None);
    assert!(matches!(first.addresses().await, Err(Error::NotSignedIn)));
    assert!(matches!(
        first.orders(OrderPage::default()).await,
        Err(Error::NotSignedIn)
    ));

    // A weak password is refused before an account is made.
    let mut weak = registration(&email, "Ada");
    weak.password = "short".into();
    assert!(matches!(
        first.register(&weak).await,
        Err(Error::WeakPassword { .. })
    ));

    // Registration signs in.
    let customer = first
        .register(&registration(&email, "Ada"))
        .await
        .expect("register");
    assert_eq!(customer.email, account::normalize_email(&email));
    assert_eq!(customer.first_name, "Ada");
    assert_eq!(
        first.customer().await.expect("customer").map(|c| c.id),
        Some(customer.id.clone())
    );

    // The same email again, in other letters, is taken.
    let other_device = device();
    let taken = other_device
        .register(&registration(&email.to_uppercase(), "Eve"))
        .await;
    assert!(matches!(taken, Err(Error::EmailTaken)), "{taken:?}");

    // Profile.
    let updated = first
        .update_profile(&Profile {
            first_name: "Augusta".into(),
            last_name: "King".into(),
            phone: None,
        })
        .await
        .expect("profile");
    assert_eq!(
        (updated.first_name.as_str(), updated.last_name.as_str()),
        ("Augusta", "King")
    );

    // Address book.
    let saved = first
        .add_address(
            &fixture.address,
            AddressDefaults {
                shipping: true,
                billing: true,
            },
        )
        .await
        .expect("add address");
    assert!(saved.default_shipping && saved.default_billing);
    assert_eq!(saved.address.line1, fixture.address.line1);
    let mut moved = fixture.address.clone();
    moved.line1 = format!("{} (rear)", fixture.address.line1);
    let edited = first
        .update_address(&saved.id, &moved, AddressDefaults::default())
        .await
        .expect("edit address");
    assert_eq!(edited.address.line1, moved.line1);
    let second_address = first
        .add_address(&fixture.address, AddressDefaults::default())
        .await
        .expect("second address");
    let book = first.addresses().await.expect("addresses");
    assert_eq!(book.len(), 2, "{book:?}");
    first
        .remove_address(&second_address.id)
        .await
        .expect("remove address");
    let book = first.addresses().await.expect("addresses");
    assert_eq!(book.len(), 1);
    assert_eq!(book[0].address.line1, moved.line1);

    // An order placed while signed in belongs to the account.
    let cart = first.create_cart(&market).await.expect("cart");
    let cart = first.adopt_cart(&cart.id).await.expect("adopt");
    let cart = first.add_line(&cart.id, &variant, 1).await.expect("add");
    let order = check_out(&first, &cart, &customer.email, fixture).await;
    let history = first.orders(OrderPage::default()).await.expect("orders");
    assert_eq!(history.total, 1, "{history:?}");
    let listed = &history.orders[0];
    assert_eq!(listed.number, order.number);
    assert_eq!(listed.totals.total, order.totals.total);
    assert_eq!(listed.lines.len(), order.lines.len());
    let one = first
        .customer_order(&order.number)
        .await
        .expect("the order by number");
    assert_eq!(one.totals, order.totals);
    assert_eq!(one.shipping_address.line1, fixture.address.line1);

    // A cart kept in the account: two of `variant`.
    let kept = first.create_cart(&market).await.expect("cart");
    let kept = first.adopt_cart(&kept.id).await.expect("adopt");
    first
        .add_line(&kept.id, &variant, 2)
        .await
        .expect("add to the kept cart");

    // Signing out forgets the session.
    first.sign_out().await.expect("sign out");
    assert_eq!(first.customer().await.expect("customer"), None);
    assert!(matches!(
        first.orders(OrderPage::default()).await,
        Err(Error::NotSignedIn)
    ));
    first.sign_out().await.expect("signing out twice is fine");

    // Wrong password and unknown email answer alike.
    let again = device();
    let wrong = again.sign_in(&email, "not the password").await;
    assert!(matches!(wrong, Err(Error::WrongCredentials)), "{wrong:?}");
    let unknown = again.sign_in(&unique_email("nobody"), PASSWORD).await;
    assert!(
        matches!(unknown, Err(Error::WrongCredentials)),
        "{unknown:?}"
    );

    // From another device, as a guest with one of `variant` and one of `other`: signing in merges
    // the guest cart into the kept one.
    let guest = again.create_cart(&market).await.expect("guest cart");
    again.add_line(&guest.id, &variant, 1).await.expect("add");
    again.add_line(&guest.id, &other, 1).await.expect("add");
    let signed = account::sign_in(
        &again,
        &email.to_uppercase(),
        PASSWORD,
        Some(&guest.id),
        &market,
    )
    .await
    .expect("sign in");
    assert_eq!(signed.customer.id, customer.id);
    let merged = signed.cart.expect("a merged cart");
    assert_eq!(merged.market, market.id);
    assert_eq!(quantity_of(&merged, &variant), 3, "{merged:?}");
    assert_eq!(quantity_of(&merged, &other), 1);
    // The merged cart is the account's from now on.
    let found = again.customer_cart().await.expect("customer cart");
    assert_eq!(found.map(|c| c.id), Some(merged.id.clone()));

    // Still there: the order and the address.
    let history = again.orders(OrderPage::default()).await.expect("orders");
    assert!(history.orders.iter().any(|o| o.number == order.number));
    let book = again.addresses().await.expect("addresses");
    assert_eq!(book.len(), 1);

    // A second customer sees none of the first one's data.
    let second = device();
    second
        .register(&registration(&unique_email("eve"), "Eve"))
        .await
        .expect("second customer");
    let theirs = second.orders(OrderPage::default()).await.expect("orders");
    assert_eq!((theirs.total, theirs.orders.len()), (0, 0));
    assert!(second.addresses().await.expect("addresses").is_empty());
    assert!(matches!(
        second.customer_order(&order.number).await,
        Err(Error::NotFound { .. })
    ));
    assert!(second.remove_address(&saved.id).await.is_err());
    assert!(
        second
            .update_address(&saved.id, &fixture.address, AddressDefaults::default())
            .await
            .is_err()
    );
    assert!(second.customer_cart().await.expect("cart").is_none());
    // The first customer's data is untouched.
    let book = again.addresses().await.expect("addresses");
    assert_eq!(book[0].address.line1, moved.line1);
}

/// The password reset where a backend offers it, without a real token (no test server can
/// deliver one): asking answers alike for a registered email (in other letters) and an unknown
/// one, a malformed email is refused on `email`; a made-up token is refused on `token` alone, a
/// weak password before any token is tried, nobody is signed in by it, and the password stays
/// what it was.
pub async fn password_reset_refusals<B, F>(device: F)
where
    B: Accounts,
    F: Fn() -> B,
{
    let backend = device();
    assert!(backend.account_features().password_reset);
    let email = unique_email("reset");
    backend
        .register(&registration(&email, "Ada"))
        .await
        .expect("register");
    backend.sign_out().await.expect("sign out");
    backend
        .request_password_reset(&email.to_uppercase())
        .await
        .expect("a registered email");
    let stranger = device();
    stranger
        .request_password_reset(&unique_email("nobody"))
        .await
        .expect("an unknown email answers the same");
    let malformed = stranger.request_password_reset("not an email").await;
    assert!(
        matches!(&malformed, Err(Error::InvalidInput { fields }) if fields[0].field == "email"),
        "{malformed:?}"
    );
    match backend
        .reset_password("made-up-token-0123456789", "a new password 42")
        .await
    {
        Err(Error::InvalidInput { fields }) => {
            let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
            assert_eq!(names, ["token"]);
        }
        other => panic!("a made-up token: {other:?}"),
    }
    assert!(matches!(
        backend
            .reset_password("made-up-token-0123456789", "short")
            .await,
        Err(Error::WeakPassword { .. })
    ));
    assert_eq!(backend.customer().await.expect("customer"), None);
    let wrong = backend.sign_in(&email, "a new password 42").await;
    assert!(matches!(wrong, Err(Error::WrongCredentials)), "{wrong:?}");
    backend
        .sign_in(&email, PASSWORD)
        .await
        .expect("the password is unchanged");
}
