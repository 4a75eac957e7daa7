//! The local engine's accounts beyond the contract: the stored password, the sign-in lock, the
//! password reset through the development outbox.

use std::rc::Rc;

use dhow_sdk::account::{Accounts, OrderPage, Registration};
use dhow_sdk::local::{Clock, LocalBackend, MemoryStorage};
use dhow_sdk::storage::Storage;
use dhow_sdk::{Error, StoreConfig};

const CATALOG: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../public/catalog.json"
));
const CONFIG: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/dhow.json"));

fn engine(storage: Rc<MemoryStorage>, now: &str) -> LocalBackend {
    LocalBackend::from_json(
        CATALOG,
        StoreConfig::from_json(CONFIG).expect("config").markets,
        storage,
    )
    .expect("demo data")
    .with_clock(Clock::fixed_at(now).expect("clock"))
    .with_password_iterations(1_000)
}

fn ada() -> Registration {
    Registration {
        email: "Ada@Example.com".into(),
        password: "analytical engine".into(),
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
    }
}

#[tokio::test]
async fn the_password_is_kept_as_a_salted_pbkdf2_hash() {
    let storage = Rc::new(MemoryStorage::new());
    let engine = engine(storage.clone(), "2026-12-01T10:00:00Z");
    engine.register(&ada()).await.expect("register");
    let record = storage
        .get("dhow.local.account.ada@example.com")
        .unwrap()
        .expect("the account is stored under its normalized email");
    assert!(!record.contains("analytical engine"));
    let json: serde_json::Value = serde_json::from_str(&record).unwrap();
    let password = &json["data"]["password"];
    assert_eq!(password["iterations"], 1_000);
    assert_eq!(password["salt"].as_str().unwrap().len(), 32);
    assert_eq!(password["hash"].as_str().unwrap().len(), 64);
}

#[tokio::test]
async fn five_failed_sign_ins_lock_the_email_for_a_quarter_hour() {
    let storage = Rc::new(MemoryStorage::new());
    let now = engine(storage.clone(), "2026-12-01T10:00:00Z");
    now.register(&ada()).await.expect("register");
    now.sign_out().await.unwrap();
    for _ in 0..5 {
        assert_eq!(
            now.sign_in("ada@example.com", "wrong password").await,
            Err(Error::WrongCredentials)
        );
    }
    // Even the right password waits now, and the answer says how long.
    assert_eq!(
        now.sign_in("ada@example.com", "analytical engine").await,
        Err(Error::TooManyAttempts {
            retry_after: Some(900)
        })
    );
    let later = engine(storage, "2026-12-01T10:15:01Z");
    let customer = later
        .sign_in("ada@example.com", "analytical engine")
        .await
        .expect("the lock has passed");
    assert_eq!(customer.email, "ada@example.com");
}

#[tokio::test]
async fn a_reset_token_from_the_outbox_sets_a_new_password_once() {
    let storage = Rc::new(MemoryStorage::new());
    let engine = engine(storage.clone(), "2026-12-01T10:00:00Z");
    engine.register(&ada()).await.expect("register");
    engine.sign_out().await.unwrap();

    // An unknown email answers the same and sends nothing.
    engine
        .request_password_reset("nobody@example.com")
        .await
        .expect("same answer");
    assert!(engine.outbox().unwrap().is_empty());

    engine
        .request_password_reset(" ADA@example.com ")
        .await
        .expect("reset asked");
    let outbox = engine.outbox().unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].to, "ada@example.com");
    let token = outbox[0].token.clone();
    // The token itself is only in the outbox: the pending reset is kept under its digest.
    let kept: Vec<String> = storage
        .keys()
        .into_iter()
        .filter(|k| k.contains(&token) && k != "dhow.local.outbox")
        .collect();
    assert!(kept.is_empty(), "{kept:?}");

    assert!(matches!(
        engine.reset_password(&token, "short").await,
        Err(Error::WeakPassword { .. })
    ));
    engine
        .reset_password(&token, "difference engine")
        .await
        .expect("reset");
    assert_eq!(
        engine.reset_password(&token, "third password").await,
        Err(Error::invalid("token", dhow_sdk::Problem::Invalid)),
        "a token works once"
    );
    assert_eq!(
        engine.sign_in("ada@example.com", "analytical engine").await,
        Err(Error::WrongCredentials)
    );
    engine
        .sign_in("ada@example.com", "difference engine")
        .await
        .expect("the new password");
}

#[tokio::test]
async fn a_reset_token_expires_after_an_hour() {
    let storage = Rc::new(MemoryStorage::new());
    let engine_then = engine(storage.clone(), "2026-12-01T10:00:00Z");
    engine_then.register(&ada()).await.expect("register");
    engine_then
        .request_password_reset("ada@example.com")
        .await
        .unwrap();
    let token = engine_then.outbox().unwrap()[0].token.clone();
    let later = engine(storage, "2026-12-01T11:00:00Z");
    assert_eq!(
        later.reset_password(&token, "difference engine").await,
        Err(Error::invalid("token", dhow_sdk::Problem::Invalid))
    );
}

#[tokio::test]
async fn account_calls_without_a_session_say_so() {
    let engine = engine(Rc::new(MemoryStorage::new()), "2026-12-01T10:00:00Z");
    assert_eq!(engine.customer().await, Ok(None));
    assert_eq!(
        engine.orders(OrderPage::default()).await,
        Err(Error::NotSignedIn)
    );
    assert_eq!(engine.customer_cart().await, Err(Error::NotSignedIn));
    engine.sign_out().await.expect("signing out of nothing");
}

#[tokio::test]
async fn garbage_in_the_stored_session_or_account_loses_nothing() {
    let storage = Rc::new(MemoryStorage::new());
    let engine = engine(storage.clone(), "2026-12-01T10:00:00Z");
    engine.register(&ada()).await.expect("register");
    // A session record that does not read is no session.
    storage.set("dhow.local.session", "{not json").unwrap();
    assert_eq!(engine.customer().await, Ok(None));
    // An account record that does not read is set aside, not overwritten: signing in says so.
    storage
        .set("dhow.local.account.ada@example.com", "garbage")
        .unwrap();
    let answer = engine.sign_in("ada@example.com", "analytical engine").await;
    assert!(matches!(answer, Err(Error::SetAside { .. })), "{answer:?}");
    let kept: Vec<String> = storage
        .keys()
        .into_iter()
        .filter(|k| k.starts_with("dhow.local.recovery."))
        .collect();
    assert_eq!(kept.len(), 2, "{kept:?}");
}
