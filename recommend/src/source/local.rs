//! Orders of Dhow's embedded `local` engine, which keeps them in the shopper's browser storage.
//!
//! The engine writes each order under the key `dhow.local.order.<number>` as
//! `{"version":1,"data":<Order>}` (the SDK's [`dhow_sdk::model::Order`]); records from before
//! versions existed are the bare order, and both read. A brand exports the storage from the
//! storefront's page, in the browser's devtools console:
//!
//! ```text
//! copy(JSON.stringify(localStorage))
//! ```
//!
//! and saves the clipboard as a file: a JSON object of key → text, each text itself JSON. That
//! file is the input (`dhow-recommend build --local-orders storage.json`):
//!
//! ```text
//! {"dhow.local.order.DHW-10001":"{\"version\":1,\"data\":{\"number\":\"DHW-10001\",…}}",
//!  "dhow.local.cart.c_1":"…", "dhow.cart":"…"}
//! ```
//!
//! Keys other than `dhow.local.order.*` are ignored (carts, the order sequence, units sold, the
//! records the engine set aside under `dhow.local.recovery.*`). Of an order only its number,
//! time, status and lines' product handles are read. Cancelled orders are left out, as the
//! backends' sources do, and so are orders without lines. A record that cannot be read is a
//! [`RecommendError::BadLine`] naming its key, with `line` the line of the file on which the
//! key stands (the builder's `--skip-bad` counts and skips it); a file that is not a JSON
//! object at all is [`RecommendError::Invalid`].

use std::fmt;
use std::path::PathBuf;

use dhow_sdk::model::OrderStatus;
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};

use crate::RecommendError;
use crate::handle::check_handle;
use crate::orders::OrderRecord;
use crate::source::{OrderSource, Orders};
use crate::time::parse_rfc3339;

/// The prefix of the keys of the local engine's orders (`dhow.local.order.DHW-10001`): the
/// engine's `dhow.local.` followed by `order.` (see the SDK's `local::state`).
pub const ORDER_KEY_PREFIX: &str = "dhow.local.order.";

/// The newest record version this reader knows (the engine's schema version).
pub const RECORD_VERSION: u32 = 1;

/// The orders in an export of browser storage, read anew from the file on every pass.
pub struct LocalOrdersSource {
    path: PathBuf,
}

impl LocalOrdersSource {
    /// The orders in the storage export at `path`.
    pub fn new(path: impl Into<PathBuf>) -> LocalOrdersSource {
        LocalOrdersSource { path: path.into() }
    }
}

impl OrderSource for LocalOrdersSource {
    fn describe(&self) -> String {
        self.path.display().to_string()
    }

    fn open(&mut self) -> Result<Orders<'_>, RecommendError> {
        let text =
            std::fs::read_to_string(&self.path).map_err(|e| RecommendError::io(&self.path, e))?;
        Ok(Box::new(read(&text, &self.describe())?))
    }
}

/// The orders in `text`, an export of browser storage (a JSON object of key → text), in the
/// file's order; `name` names the input in errors. Fails as a whole only when `text` is not a
/// JSON object; each unreadable order record is an `Err` of its own.
pub fn read(
    text: &str,
    name: &str,
) -> Result<impl Iterator<Item = Result<OrderRecord, RecommendError>> + use<>, RecommendError> {
    // An editor may have saved the file with a byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Entries(entries) = serde_json::from_str(text).map_err(|e| {
        RecommendError::Invalid(format!(
            "{name}: not an export of browser storage (a JSON object of key to text, as \
             `JSON.stringify(localStorage)` writes): {e}"
        ))
    })?;
    let lines = key_lines(text);
    let name = name.to_owned();
    Ok(entries
        .into_iter()
        .enumerate()
        .filter(|(_, (key, _))| key.starts_with(ORDER_KEY_PREFIX))
        .filter_map(move |(index, (key, value))| {
            match parse_record(&value) {
                Ok(order) => order.map(Ok),
                Err(message) => Some(Err(RecommendError::BadLine {
                    input: name.clone(),
                    // Always found (the same keys as parsed); 1 only if the scan and the parser
                    // ever disagreed.
                    line: lines.get(index).copied().unwrap_or(1),
                    message: format!("key {key:?}: {message}"),
                })),
            }
        }))
}

/// One stored order's value as an order: `Ok(None)` for an order left out (cancelled, or
/// without lines); `Err` says what is wrong with it.
pub fn parse_record(value: &serde_json::Value) -> Result<Option<OrderRecord>, String> {
    let text = value
        .as_str()
        .ok_or("the value is not text (browser storage holds text only)")?;
    let order = decode(text)?;
    if order.status == OrderStatus::Cancelled || order.lines.is_empty() {
        return Ok(None);
    }
    let placed_at =
        parse_rfc3339(&order.placed_at).map_err(|e| format!("order {}: {e}", order.number))?;
    let mut products = Vec::with_capacity(order.lines.len());
    for line in order.lines {
        check_handle(&line.handle).map_err(|e| format!("order {}: {e}", order.number))?;
        products.push(line.handle);
    }
    Ok(Some(OrderRecord {
        id: order.number,
        placed_at,
        products,
    }))
}

/// The fields of a stored [`dhow_sdk::model::Order`] the builder needs; the rest is not read.
#[derive(Deserialize)]
struct StoredOrder {
    number: String,
    placed_at: String,
    status: OrderStatus,
    lines: Vec<StoredLine>,
}

/// The part of a stored [`dhow_sdk::model::CartLine`] the builder needs.
#[derive(Deserialize)]
struct StoredLine {
    handle: String,
}

/// The engine's record of an order: `{"version": N, "data": …}`.
#[derive(Deserialize)]
struct Record {
    data: StoredOrder,
}

/// A record's text as an order: the versioned record (of a version this reader knows) or the
/// bare order written before versions, as the engine reads them.
fn decode(text: &str) -> Result<StoredOrder, String> {
    #[derive(Deserialize)]
    struct Version {
        version: u32,
    }
    match serde_json::from_str::<Version>(text) {
        Ok(Version { version }) if version > RECORD_VERSION => Err(format!(
            "record version {version} is newer than this builder reads ({RECORD_VERSION}): \
             update dhow-recommend"
        )),
        Ok(_) => serde_json::from_str::<Record>(text)
            .map(|record| record.data)
            .map_err(|e| format!("its text is not an order record: {e}")),
        Err(_) => serde_json::from_str::<StoredOrder>(text)
            .map_err(|e| format!("its text is not an order record: {e}")),
    }
}

/// The storage object's entries in the file's order (duplicates kept), values undecoded.
struct Entries(Vec<(String, serde_json::Value)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Entries, D::Error> {
        struct EntriesVisitor;

        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object of storage keys")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry::<String, serde_json::Value>()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }

        deserializer.deserialize_map(EntriesVisitor)
    }
}

/// The line (from 1) on which each key of the top-level object of `text` stands, in the file's
/// order. `text` is valid JSON (it has been parsed), so strings, nesting and commas are all the
/// scan needs to tell keys from values.
fn key_lines(text: &str) -> Vec<u64> {
    let mut lines = Vec::new();
    let (mut line, mut depth) = (1u64, 0u32);
    let (mut in_string, mut escaped, mut expect_key) = (false, false, false);
    for byte in text.bytes() {
        if in_string {
            // JSON strings hold no raw line breaks.
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
            continue;
        }
        match byte {
            b'\n' => line += 1,
            b'"' => {
                in_string = true;
                if depth == 1 && expect_key {
                    lines.push(line);
                    expect_key = false;
                }
            }
            b'{' | b'[' => {
                depth += 1;
                expect_key = depth == 1;
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' if depth == 1 => expect_key = true,
            _ => {}
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stored order as the engine writes it (trimmed to what matters; the reader ignores the
    /// other fields).
    fn order(number: &str, placed_at: &str, status: &str, handles: &[&str]) -> serde_json::Value {
        let lines: Vec<serde_json::Value> = handles
            .iter()
            .map(|h| serde_json::json!({"id": "l1", "handle": h, "title": "T", "quantity": 1}))
            .collect();
        serde_json::json!({
            "id": number, "number": number, "email": "a@example.com", "market": "us",
            "placed_at": placed_at, "status": status, "lines": lines,
        })
    }

    fn versioned(order: serde_json::Value) -> String {
        serde_json::json!({"version": 1, "data": order}).to_string()
    }

    /// A storage export with `entries` (key, value text), pretty-printed one key a line.
    fn export(entries: &[(&str, String)]) -> String {
        let body: Vec<String> = entries
            .iter()
            .map(|(k, v)| {
                format!(
                    "  {}: {}",
                    serde_json::to_string(k).unwrap(),
                    serde_json::to_string(v).unwrap()
                )
            })
            .collect();
        format!("{{\n{}\n}}\n", body.join(",\n"))
    }

    fn all(text: &str) -> Vec<Result<OrderRecord, RecommendError>> {
        read(text, "storage.json").unwrap().collect()
    }

    fn sample() -> String {
        export(&[
            ("dhow.cart", "cart_1".into()),
            (
                "dhow.local.order.DHW-10001",
                versioned(order(
                    "DHW-10001",
                    "1970-01-01T00:01:00Z",
                    "placed",
                    &["tide-beanie", "harbour-rain-jacket"],
                )),
            ),
            (
                "dhow.local.order_seq",
                r#"{"version":1,"data":10003}"#.into(),
            ),
            (
                "dhow.local.order.DHW-10002",
                order(
                    "DHW-10002",
                    "1970-01-01T00:02:00+00:00",
                    "fulfilled",
                    &["mug"],
                )
                .to_string(),
            ),
            (
                "dhow.local.order.DHW-10003",
                versioned(order(
                    "DHW-10003",
                    "1970-01-01T00:03:00Z",
                    "cancelled",
                    &["mug"],
                )),
            ),
            ("dhow.local.recovery.order.DHW-9", "{not json".into()),
            ("dhow.local.cart.c_1", r#"{"version":1,"data":{}}"#.into()),
        ])
    }

    #[test]
    fn reads_versioned_and_bare_orders_and_ignores_other_keys() {
        let orders: Vec<OrderRecord> = all(&sample()).into_iter().map(|o| o.unwrap()).collect();
        assert_eq!(
            orders,
            [
                OrderRecord {
                    id: "DHW-10001".into(),
                    placed_at: 60,
                    products: vec!["tide-beanie".into(), "harbour-rain-jacket".into()],
                },
                OrderRecord {
                    id: "DHW-10002".into(),
                    placed_at: 120,
                    products: vec!["mug".into()],
                },
            ]
        );
    }

    #[test]
    fn cancelled_and_empty_orders_are_left_out() {
        let text = export(&[
            (
                "dhow.local.order.A",
                versioned(order("A", "1970-01-01T00:00:01Z", "cancelled", &["mug"])),
            ),
            (
                "dhow.local.order.B",
                versioned(order("B", "1970-01-01T00:00:01Z", "placed", &[])),
            ),
        ]);
        assert!(all(&text).is_empty());
    }

    #[test]
    fn a_broken_record_names_its_key_and_line() {
        let text = export(&[
            ("dhow.cart", "cart_1".into()),
            (
                "dhow.local.order.DHW-10001",
                versioned(order("DHW-10001", "1970-01-01T00:00:01Z", "placed", &["a"])),
            ),
            ("dhow.local.order.DHW-10002", "{not json".into()),
            (
                "dhow.local.order.DHW-10003",
                versioned(order("DHW-10003", "March", "placed", &["a"])),
            ),
            (
                "dhow.local.order.DHW-10004",
                versioned(order(
                    "DHW-10004",
                    "1970-01-01T00:00:01Z",
                    "placed",
                    &["../x"],
                )),
            ),
            (
                "dhow.local.order.DHW-10005",
                r#"{"version":2,"data":{}}"#.into(),
            ),
            (
                "dhow.local.order.DHW-10006",
                versioned(order("DHW-10006", "1970-01-01T00:00:01Z", "lost", &["a"])),
            ),
        ]);
        let orders = all(&text);
        assert!(orders[0].is_ok());
        let errors: Vec<(u64, String)> = orders[1..]
            .iter()
            .map(|o| match o {
                Err(e @ RecommendError::BadLine { line, .. }) => {
                    assert!(e.is_bad_line());
                    (*line, e.to_string())
                }
                other => panic!("{other:?}"),
            })
            .collect();
        // The file's first line is `{`: keys stand on lines 2…
        let lines: Vec<u64> = errors.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [4, 5, 6, 7, 8]);
        for (n, (_, message)) in errors.iter().enumerate() {
            let key = format!("\"dhow.local.order.DHW-1000{}\"", n + 2);
            assert!(message.starts_with("storage.json line "), "{message}");
            assert!(message.contains(&key), "{message}");
        }
        assert!(errors[1].1.contains("RFC 3339"), "{}", errors[1].1);
        assert!(errors[2].1.contains("not URL-safe"), "{}", errors[2].1);
        assert!(errors[3].1.contains("version 2"), "{}", errors[3].1);
    }

    #[test]
    fn a_value_that_is_not_text_is_a_bad_record() {
        let text = r#"{"other":{"x":[1,{"y":2}]},"dhow.local.order.A":{"number":"A"}}"#;
        let orders = all(text);
        let Err(RecommendError::BadLine { line, message, .. }) = &orders[0] else {
            panic!("{orders:?}");
        };
        assert_eq!(*line, 1);
        assert!(message.contains("\"dhow.local.order.A\""), "{message}");
        assert!(message.contains("not text"), "{message}");
    }

    #[test]
    fn a_file_that_is_not_an_object_is_invalid() {
        for text in ["", "[]", "{\"a\":", "\"dhow.local.order.A\""] {
            let Err(e) = read(text, "storage.json") else {
                panic!("{text:?} accepted");
            };
            assert!(matches!(e, RecommendError::Invalid(_)), "{e:?}");
            assert!(e.to_string().starts_with("storage.json: "), "{e}");
        }
    }

    #[test]
    fn key_lines_tell_keys_from_values() {
        let text =
            "{\"a\": \"x,\\\"y\\\"\",\n \"b\": {\"c\": [1, {\"d\": 2}], \"e\": 3},\n\n \"f\": []}";
        assert_eq!(key_lines(text), [1, 2, 4]);
        assert_eq!(key_lines("{}"), Vec::<u64>::new());
    }
}
