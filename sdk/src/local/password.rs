//! Passwords of the local engine's accounts: PBKDF2-HMAC-SHA256 with a random salt, made by the
//! browser's WebCrypto (`crypto.subtle.deriveBits`) in the browser and by the same function
//! written over `sha2` natively (tests, native tools). A password is never stored, only
//! `{salt, iterations, hash}`; comparing hashes takes the same time whatever differs.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Iterations for new hashes: OWASP's figure for PBKDF2-HMAC-SHA256 (2023).
pub(crate) const ITERATIONS: u32 = 600_000;

/// A stored password.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PasswordHash {
    /// Hex of 16 random bytes.
    pub salt: String,
    pub iterations: u32,
    /// Hex of the 32-byte derived key.
    pub hash: String,
}

impl std::fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHash(<hidden>)")
    }
}

impl PasswordHash {
    /// A new hash of `password` with a fresh salt.
    pub async fn new(password: &str, iterations: u32) -> Result<PasswordHash> {
        let salt = random_bytes::<16>()?;
        let hash = derive(password.as_bytes(), &salt, iterations).await?;
        Ok(PasswordHash {
            salt: hex(&salt),
            iterations,
            hash: hex(&hash),
        })
    }

    /// Whether `password` is the one hashed.
    pub async fn verify(&self, password: &str) -> Result<bool> {
        let salt = unhex(&self.salt).ok_or_else(unreadable)?;
        let derived = derive(password.as_bytes(), &salt, self.iterations).await?;
        Ok(same(hex(&derived).as_bytes(), self.hash.as_bytes()))
    }
}

fn unreadable() -> Error {
    Error::Decode {
        message: "a stored password hash is not readable".to_owned(),
    }
}

/// Compares in time that depends only on the lengths.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// SHA-256 of `text`, in hex: how reset tokens are kept (the token itself only goes to the
/// outbox).
pub(crate) fn digest(text: &str) -> String {
    use sha2::{Digest, Sha256};
    hex(&Sha256::digest(text.as_bytes()))
}

/// `N` bytes from the platform's cryptographic generator.
#[cfg(target_arch = "wasm32")]
pub(crate) fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    let crypto = web_sys::window()
        .ok_or_else(no_crypto)?
        .crypto()
        .map_err(|_| no_crypto())?;
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| no_crypto())?;
    Ok(bytes)
}

#[cfg(target_arch = "wasm32")]
fn no_crypto() -> Error {
    Error::Unsupported {
        what: "use the browser's cryptography (WebCrypto)".to_owned(),
    }
}

/// PBKDF2-HMAC-SHA256, 32 bytes, by WebCrypto.
#[cfg(target_arch = "wasm32")]
async fn derive(password: &[u8], salt: &[u8], iterations: u32) -> Result<[u8; 32]> {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;

    let subtle = web_sys::window()
        .ok_or_else(no_crypto)?
        .crypto()
        .map_err(|_| no_crypto())?
        .subtle();
    let failed = |_| no_crypto();
    let key_data = Uint8Array::from(password);
    let usages = Array::of1(&JsValue::from_str("deriveBits"));
    let key = JsFuture::from(
        subtle
            .import_key_with_str("raw", &key_data, "PBKDF2", false, &usages)
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?;
    let params = Object::new();
    let set = |k: &str, v: &JsValue| Reflect::set(&params, &JsValue::from_str(k), v);
    set("name", &JsValue::from_str("PBKDF2")).map_err(failed)?;
    set("hash", &JsValue::from_str("SHA-256")).map_err(failed)?;
    set("salt", &Uint8Array::from(salt)).map_err(failed)?;
    set("iterations", &JsValue::from(iterations)).map_err(failed)?;
    let bits = JsFuture::from(
        subtle
            .derive_bits_with_object(&params, &key.into(), 256)
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?;
    let bytes = Uint8Array::new(&bits).to_vec();
    bytes.try_into().map_err(|_| no_crypto())
}

/// `N` bytes from the operating system's generator (through the standard library's hash-map
/// keys, which are seeded from it), mixed with the time.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut bytes = [0u8; N];
    for chunk in bytes.chunks_mut(8) {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        hasher.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0),
        );
        let value = hasher.finish().to_le_bytes();
        chunk.copy_from_slice(&value[..chunk.len()]);
    }
    Ok(bytes)
}

/// PBKDF2-HMAC-SHA256 (RFC 8018), 32 bytes: one block.
#[cfg(not(target_arch = "wasm32"))]
async fn derive(password: &[u8], salt: &[u8], iterations: u32) -> Result<[u8; 32]> {
    Ok(pbkdf2_sha256(password, salt, iterations))
}

#[cfg(not(target_arch = "wasm32"))]
fn pbkdf2_sha256(password: &[u8], salt: &[u8], iterations: u32) -> [u8; 32] {
    use sha2::{Digest, Sha256};

    // HMAC's padded keys, computed once.
    let mut key = [0u8; 64];
    if password.len() > 64 {
        key[..32].copy_from_slice(&Sha256::digest(password));
    } else {
        key[..password.len()].copy_from_slice(password);
    }
    let inner_pad: Vec<u8> = key.iter().map(|b| b ^ 0x36).collect();
    let outer_pad: Vec<u8> = key.iter().map(|b| b ^ 0x5c).collect();
    let inner = Sha256::new().chain_update(&inner_pad);
    let outer = Sha256::new().chain_update(&outer_pad);
    let hmac = |message: &[&[u8]]| -> [u8; 32] {
        let mut h = inner.clone();
        for part in message {
            h.update(part);
        }
        let inner_hash = h.finalize();
        outer.clone().chain_update(inner_hash).finalize().into()
    };
    let mut u = hmac(&[salt, &1u32.to_be_bytes()]);
    let mut out = u;
    for _ in 1..iterations {
        u = hmac(&[&u]);
        for (o, x) in out.iter_mut().zip(u) {
            *o ^= x;
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Test vectors of PBKDF2-HMAC-SHA256 (as published alongside RFC 7914 and checked with
    /// Python's `hashlib.pbkdf2_hmac`).
    #[test]
    fn pbkdf2_matches_the_published_vectors() {
        assert_eq!(
            hex(&pbkdf2_sha256(b"password", b"salt", 1)),
            "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
        );
        assert_eq!(
            hex(&pbkdf2_sha256(b"password", b"salt", 2)),
            "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"
        );
        assert_eq!(
            hex(&pbkdf2_sha256(b"password", b"salt", 4096)),
            "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"
        );
    }

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let hash = PasswordHash::new("correct horse", 10).await.expect("hash");
        assert!(hash.verify("correct horse").await.expect("verify"));
        assert!(!hash.verify("correct horse ").await.expect("verify"));
        assert!(!format!("{hash:?}").contains(&hash.hash));
        let other = PasswordHash::new("correct horse", 10).await.expect("hash");
        assert_ne!(hash.salt, other.salt, "every hash has its own salt");
    }
}
