//! The fuzzing harness of `fuzz_*.rs`: a seeded mutator over JSON documents (fields dropped,
//! types swapped, numbers huge, negative or fractional, strings empty, enormous or in every
//! script, containers duplicated or nested deep, bytes cut, flipped or inserted) and a runner that
//! feeds each mutated case to a check under `catch_unwind`, so that a panic is reported with
//! the seed, the case and the input that caused it instead of ending the run.
//!
//! `DHOW_FUZZ_CASES` sets the number of cases per target (10,000 by default), `DHOW_FUZZ_SEED`
//! the base seed, and `DHOW_FUZZ_CASE` runs one case only (to reproduce a report).
//!
//! The random numbers are a SplitMix64 generator written here: a dozen lines, seedable and the
//! same on every platform, where a crate would add a dependency for nothing more.

#![allow(dead_code)] // Each fuzz target uses what it needs.

use std::backtrace::Backtrace;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;
use std::time::Instant;

use dhow_sdk::Error;
use serde_json::{Map, Value};

/// Cases per target when `DHOW_FUZZ_CASES` is not set.
pub const DEFAULT_CASES: usize = 10_000;
/// The base seed when `DHOW_FUZZ_SEED` is not set.
pub const DEFAULT_SEED: u64 = 0x00D4_0F22_5EED;

/// SplitMix64: small, fast, and good enough to pick mutations.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn env_number(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    let text = text.trim().replace('_', "");
    match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

/// Cases per target: `DHOW_FUZZ_CASES`, else [`DEFAULT_CASES`].
pub fn cases() -> usize {
    env_number("DHOW_FUZZ_CASES").map_or(DEFAULT_CASES, |n| n as usize)
}

/// The seed of one case of a run.
fn case_seed(base: u64, case: usize) -> u64 {
    Rng::new(base ^ (case as u64).wrapping_mul(0xD1B5_4A32_D192_ED03)).next_u64()
}

// ---------------------------------------------------------------------------------------------
// Mutations

/// One mutated input: its bytes, the seed document it came from and what was done to it.
#[derive(Clone, Debug)]
pub struct Input {
    pub seed_name: String,
    pub bytes: Vec<u8>,
    pub steps: Vec<String>,
}

impl Input {
    /// The bytes as text, the way an HTTP client or `localStorage` would hand them over.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

/// Number texts that are valid JSON but hard to read into money, counts or ids.
const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "0.0",
    "-1",
    "1",
    "0.1",
    "-0.1",
    "0.5",
    "0.005",
    "-0.005",
    "1.5",
    "1e308",
    "-1e308",
    "1.7976931348623157e308",
    "1e400",
    "-1e400",
    "1e-400",
    "5e-324",
    "1e-7",
    "1E+2",
    "1e38",
    "1e39",
    "2147483647",
    "2147483648",
    "-2147483649",
    "4294967295",
    "4294967296",
    "9007199254740993",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "170141183460469231731687303715884105727",
    "170141183460469231731687303715884105728",
    "-170141183460469231731687303715884105729",
    "123456789012345678901234567890.123456789",
    "0.000000000000000000000000000000000000001",
    "99999999999999999999999999999999999999999999999999",
    "1.00000000000000000000000000000000000000000000001",
];

/// Strings an answer or a stored record should never contain, and some it might.
fn special_string(rng: &mut Rng) -> Value {
    const SHORT: &[&str] = &[
        "",
        " ",
        "\t\n\r",
        "\u{0}",
        "a\u{0}b",
        "\u{1}\u{1f}\u{7f}",
        "\u{feff}",
        "\u{fffd}",
        "\u{10ffff}",
        "\u{202e}مرحبا بالعالم\u{202c}",
        "שלום עולם",
        "\u{200f}\u{200e}",
        "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}",
        "👨\u{200d}👩\u{200d}👧\u{200d}👦🏳\u{fe0f}\u{200d}🌈",
        "𝕯𝖍𝖔𝖜",
        "İı",
        "ß",
        "null",
        "NaN",
        "Infinity",
        "-1",
        "1e308",
        "0.005",
        "12,50",
        "9223372036854775808",
        "usd",
        "USD",
        "eur",
        "jpy",
        "JPY",
        "kwd",
        "KWD",
        "clf",
        "XXX",
        "XTS",
        "us",
        "US",
        "de",
        "jp",
        "xx",
        "u",
        "usa",
        "US-NY",
        "us-ca",
        "jp-13",
        "de-",
        "-",
        "DHW-",
        "DHW-10001",
        "DHW-99999999999999999999999",
        "PROMOTION:1",
        "PROMOTION:",
        "AddingItems",
        "ArrangingPayment",
        "PaymentSettled",
        "PaymentAuthorized",
        "Cancelled",
        "Shipped",
        "Settled",
        "Authorized",
        "OUT_OF_STOCK",
        "IN_STOCK",
        "Order",
        "InsufficientStockError",
        "PaymentDeclinedError",
        "OrderStateTransitionError",
        "CouponCodeInvalidError",
        "INSUFFICIENT_STOCK_ERROR",
        "COUPON_CODE_EXPIRED_ERROR",
        "ENTITY_NOT_FOUND",
        "FORBIDDEN",
        "ILLEGAL_OPERATION",
        "USER_INPUT_ERROR",
        "order",
        "cart",
        "canceled",
        "fulfilled",
        "insufficient_inventory",
        "not_found",
        "invalid_data",
        "payment_authorization_error",
        "pp_system_default",
        "test-card",
        "standard",
        "WELCOME10",
        "welcome10",
        "FreeShip",
        "4000 0000 0000 0002",
        "12/30",
        "2026-11-25",
        "2026-13-45T99:99:99Z",
        "<script>alert(1)</script>",
        "<p>Soft &amp; warm.</p><br/>",
        "<",
        "<a",
        "a < b",
        "&",
        "&amp",
        "line_1",
        "line_18446744073709551615",
        "shirt-s",
        "mug",
        "cart_",
        "dhow.local.cart.x",
    ];
    match rng.below(10) {
        0 => Value::String("a".repeat(100_000)),
        1 => Value::String(rng.pick(&["é", "ك", "字", "😀", "\u{301}"]).repeat(25_000)),
        2 => Value::String(
            rng.pick(&["<", "<p>", "&amp;", "<a ", "/", " "])
                .repeat(20_000),
        ),
        _ => Value::String((*rng.pick(SHORT)).to_owned()),
    }
}

/// JSON string literals serde cannot build: lone surrogates and other escapes.
const RAW_STRINGS: &[&str] = &[
    r#""\ud800""#,
    r#""\udfff""#,
    r#""\ud800\u0041""#,
    r#""\ud83d\ude00""#,
    r#""\u0000""#,
    r#""\\""#,
    r#""\/\b\f\n\r\t""#,
    r#""\uFFFF""#,
];

/// What the mutator keeps while it works on a document.
struct Work<'a> {
    rng: &'a mut Rng,
    /// Texts to put in place of marker strings once the document is written out.
    raws: Vec<String>,
    steps: Vec<String>,
}

impl Work<'_> {
    /// A placeholder for raw JSON text (numbers beyond `f64`, invalid escapes).
    fn raw(&mut self, text: String) -> Value {
        let marker = marker(self.raws.len());
        self.raws.push(text);
        Value::String(marker)
    }

    fn random_number_text(&mut self) -> String {
        match self.rng.below(5) {
            0 => (*self.rng.pick(NUMBERS)).to_owned(),
            1 => {
                // A random decimal with up to 40 fraction digits.
                let int = self.rng.next_u64() >> self.rng.below(64);
                let frac = self.rng.next_u64() % 1_000_000_007;
                let zeros = "0".repeat(self.rng.below(35));
                let sign = if self.rng.chance(30) { "-" } else { "" };
                format!("{sign}{int}.{zeros}{frac}")
            }
            2 => {
                let mantissa = self.rng.below(100_000);
                let exponent = self.rng.below(801) as i64 - 400;
                format!("{mantissa}e{exponent}")
            }
            3 => format!("-{}", self.rng.next_u64() >> self.rng.below(64)),
            _ => (*self.rng.pick(NUMBERS)).to_owned(),
        }
    }

    /// A tweak of a number that is there: negated, scaled, nudged or made fractional.
    fn tweak_number(&mut self, n: &serde_json::Number) -> String {
        let text = n.to_string();
        match self.rng.below(6) {
            0 => match text.strip_prefix('-') {
                Some(positive) => positive.to_owned(),
                None => format!("-{text}"),
            },
            1 => format!("{text}e{}", self.rng.below(40)),
            2 => format!("{text}e-{}", self.rng.below(40)),
            3 => format!("{text}{}", "9".repeat(1 + self.rng.below(30))),
            4 => format!("{text}.{}", "0".repeat(self.rng.below(30)) + "1"),
            _ => match n.as_i64() {
                Some(i) => i
                    .wrapping_add(if self.rng.chance(50) { 1 } else { -1 })
                    .to_string(),
                None => format!("{}", n.as_f64().unwrap_or(0.0) + 0.001),
            },
        }
    }

    fn other_type(&mut self, old: &Value) -> Value {
        loop {
            let new = match self.rng.below(6) {
                0 => Value::Null,
                1 => Value::Bool(self.rng.chance(50)),
                2 => match old {
                    Value::String(s) => match s.trim().parse::<f64>() {
                        Ok(_) => self.raw(s.trim().to_owned()),
                        Err(_) => Value::from(self.rng.below(3) as i64 - 1),
                    },
                    _ => Value::from(self.rng.below(3) as i64 - 1),
                },
                3 => match old {
                    Value::Number(n) => Value::String(n.to_string()),
                    Value::Bool(b) => Value::String(b.to_string()),
                    _ => Value::String(String::new()),
                },
                4 => {
                    if self.rng.chance(50) {
                        Value::Array(vec![old.clone()])
                    } else {
                        Value::Array(Vec::new())
                    }
                }
                _ => {
                    if self.rng.chance(50) {
                        let mut map = Map::new();
                        map.insert("value".to_owned(), old.clone());
                        Value::Object(map)
                    } else {
                        Value::Object(Map::new())
                    }
                }
            };
            if std::mem::discriminant(&new) != std::mem::discriminant(old)
                || matches!(new, Value::String(_))
            {
                return new;
            }
        }
    }

    fn nest(&mut self, value: Value) -> Value {
        let depth = *self.rng.pick(&[2, 10, 64, 127, 128, 129, 200, 1000]);
        let in_objects = self.rng.chance(30);
        let mut nested = value;
        for _ in 0..depth {
            nested = if in_objects {
                let mut map = Map::new();
                map.insert("a".to_owned(), nested);
                Value::Object(map)
            } else {
                Value::Array(vec![nested])
            };
        }
        nested
    }

    /// Changes the node at `path` (found by [`locate`]) in one way.
    fn change(&mut self, node: &mut Value, path: &str) {
        // Half the time a number stays a number and a string a string: such answers still
        // decode, and reach the mapping with values it must cope with.
        let op = match node {
            Value::Number(_) if self.rng.chance(50) => 20,
            Value::String(_) if self.rng.chance(50) => 40,
            _ => self.rng.below(100),
        };
        let old = node.clone();
        let step = match op {
            0..=19 => {
                *node = self.other_type(&old);
                format!("{path}: type {} -> {}", kind(&old), kind(node))
            }
            20..=39 | 76..=83 | 90..=99 => {
                let text = match &old {
                    Value::Number(n) if self.rng.chance(40) => self.tweak_number(n),
                    _ => self.random_number_text(),
                };
                *node = self.raw(text.clone());
                format!("{path}: number {text}")
            }
            40..=57 => {
                if let (Value::String(s), true) = (&old, self.rng.chance(30)) {
                    let changed = self.tweak_string(s);
                    *node = Value::String(changed);
                    format!("{path}: string tweaked")
                } else if self.rng.chance(15) {
                    let text = (*self.rng.pick(RAW_STRINGS)).to_owned();
                    *node = self.raw(text.clone());
                    format!("{path}: string {text}")
                } else {
                    *node = special_string(self.rng);
                    format!("{path}: string {}", preview(node))
                }
            }
            58..=67 => match node {
                Value::Array(items) if !items.is_empty() => {
                    let at = self.rng.below(items.len());
                    let big = items[at].to_string().len() > 100_000;
                    let copies = if self.rng.chance(20) && !big {
                        50
                    } else {
                        1 + self.rng.below(3)
                    };
                    let item = items[at].clone();
                    for _ in 0..copies {
                        items.insert(at, item.clone());
                    }
                    format!("{path}: item {at} repeated {copies} times")
                }
                Value::Object(map) if !map.is_empty() && self.rng.chance(50) => {
                    // A member written twice: only raw text can say that.
                    let keys: Vec<String> = map.keys().cloned().collect();
                    let key = self.rng.pick(&keys).clone();
                    let mut text = serde_json::to_string(map).expect("writes");
                    text.pop();
                    let again = self.other_type(&map[&key]);
                    let sep = if map.is_empty() { "" } else { "," };
                    text.push_str(&format!(
                        "{sep}{}:{}}}",
                        serde_json::to_string(&key).expect("writes"),
                        serde_json::to_string(&again).expect("writes")
                    ));
                    *node = self.raw(text);
                    format!("{path}: member {key} twice")
                }
                _ => {
                    *node = self.nest(old);
                    format!("{path}: nested deep")
                }
            },
            68..=75 => match node {
                Value::Array(items) => {
                    items.clear();
                    format!("{path}: emptied")
                }
                Value::Object(map) => {
                    if self.rng.chance(50) {
                        map.clear();
                        format!("{path}: emptied")
                    } else {
                        let keys: Vec<String> = map.keys().cloned().collect();
                        match keys.is_empty() {
                            true => format!("{path}: nothing to rename"),
                            false => {
                                let key = self.rng.pick(&keys).clone();
                                let value = map.remove(&key).unwrap_or(Value::Null);
                                let renamed = match self.rng.below(3) {
                                    0 => key.to_uppercase(),
                                    1 => format!("{key} "),
                                    _ => format!("_{key}"),
                                };
                                map.insert(renamed, value);
                                format!("{path}: {key} renamed")
                            }
                        }
                    }
                }
                _ => {
                    *node = self.nest(old);
                    format!("{path}: nested deep")
                }
            },
            _ => {
                // Many items (ops 84 to 89): a list of the node, long enough to be slow if
                // anything is quadratic.
                let item = if self.rng.chance(50) {
                    old
                } else {
                    Value::from(1)
                };
                // Long, but not past a megabyte: slow inputs, not a test that swaps.
                // Raws are written out later and may be longer than their markers.
                let size =
                    item.to_string().len() + self.raws.iter().map(String::len).sum::<usize>() + 1;
                let count = (*self.rng.pick(&[100, 1000, 5000]))
                    .min(1_000_000 / size)
                    .max(2);
                *node = Value::Array(vec![item; count]);
                format!("{path}: list of {count}")
            }
        };
        self.steps.push(step);
    }

    /// Changes every amount of the document the same way (scaled by a power of ten, negated,
    /// given a fraction of a minor unit), so that totals still agree with their parts and the
    /// mapping computes with them instead of refusing the answer at once.
    fn every_amount(&mut self, root: &mut Value) {
        let how = self.rng.below(3);
        let power = *self
            .rng
            .pick(&[1, 2, 3, 6, 9, 12, 15, 16, 17, 18, 19, 20, 30]);
        let mut raws = std::mem::take(&mut self.raws);
        let mut count = 0usize;
        each_amount(root, None, &mut |n| {
            count += 1;
            let text = n.to_string();
            let changed = match how {
                0 => format!("{text}e{power}"),
                1 => match text.strip_prefix('-') {
                    Some(positive) => positive.to_owned(),
                    None => format!("-{text}"),
                },
                _ if text.contains(['.', 'e', 'E']) => format!("{text}1"),
                _ => format!("{text}.005"),
            };
            let i = raws.len();
            raws.push(changed);
            Value::String(marker(i))
        });
        self.raws = raws;
        let what = ["scaled by 1e", "negated", "given a fraction"][how];
        let power = if how == 0 {
            power.to_string()
        } else {
            String::new()
        };
        self.steps
            .push(format!("every amount ({count}) {what}{power}"));
    }

    fn tweak_string(&mut self, s: &str) -> String {
        let chars: Vec<char> = s.chars().collect();
        match self.rng.below(7) {
            0 => chars[..self.rng.below(chars.len() + 1)].iter().collect(),
            1 => s.repeat(2 + self.rng.below(3)),
            2 => s.to_uppercase(),
            3 => format!("{s}\u{301}\u{0}"),
            4 => format!("  {s}\t"),
            5 => format!("\u{202e}{s}"),
            _ => s.chars().rev().collect(),
        }
    }

    /// Removes a member or an item of a container reached by a walk from the root.
    fn drop_one(&mut self, root: &mut Value) {
        let mut path = String::new();
        let mut node = root;
        // Walk down through containers, stopping at random.
        loop {
            let next = match node {
                Value::Object(map) if !map.is_empty() => {
                    let keys: Vec<String> = map
                        .iter()
                        .filter(|(_, v)| is_container(v))
                        .map(|(k, _)| k.clone())
                        .collect();
                    if keys.is_empty() || self.rng.chance(35) {
                        None
                    } else {
                        Some(self.rng.pick(&keys).clone())
                    }
                }
                Value::Array(items) if !items.is_empty() => {
                    let at = self.rng.below(items.len());
                    if !is_container(&items[at]) || self.rng.chance(35) {
                        None
                    } else {
                        Some(at.to_string())
                    }
                }
                _ => None,
            };
            let Some(key) = next else { break };
            path.push('/');
            path.push_str(&key);
            node = match node {
                Value::Object(map) => map.get_mut(&key).expect("the key was listed"),
                Value::Array(items) => &mut items[key.parse::<usize>().expect("an index")],
                _ => unreachable!("only containers are walked into"),
            };
        }
        let step = match node {
            Value::Object(map) if !map.is_empty() => {
                let keys: Vec<String> = map.keys().cloned().collect();
                let key = self.rng.pick(&keys).clone();
                map.remove(&key);
                format!("{path}/{key}: dropped")
            }
            Value::Array(items) if !items.is_empty() => {
                let at = self.rng.below(items.len());
                items.remove(at);
                format!("{path}/{at}: dropped")
            }
            _ => format!("{path}: nothing to drop"),
        };
        self.steps.push(step);
    }
}

/// Members that hold counts, rates and versions rather than amounts.
const NOT_AMOUNTS: &[&str] = &[
    "quantity",
    "count",
    "totalItems",
    "display_id",
    "inventory_quantity",
    "taxRate",
    "rate",
    "version",
    "next_line",
    "limit",
    "offset",
    "min_days",
    "max_days",
    "width",
    "height",
];

/// Replaces every number of `v` that is not a count (see [`NOT_AMOUNTS`]) with `change(n)`.
fn each_amount(
    v: &mut Value,
    key: Option<&str>,
    change: &mut dyn FnMut(&serde_json::Number) -> Value,
) {
    match v {
        Value::Number(n) if key.is_none_or(|k| !NOT_AMOUNTS.contains(&k)) => *v = change(n),
        Value::Array(items) => {
            for item in items {
                each_amount(item, key, change);
            }
        }
        Value::Object(map) => {
            for (k, item) in map.iter_mut() {
                each_amount(item, Some(k), change);
            }
        }
        _ => {}
    }
}

fn is_container(v: &Value) -> bool {
    matches!(v, Value::Object(_) | Value::Array(_))
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn preview(v: &Value) -> String {
    match v {
        Value::String(s) if s.len() > 60 => {
            let head: String = s.chars().take(40).collect();
            format!("{head:?}… ({} bytes)", s.len())
        }
        other => other.to_string(),
    }
}

fn marker(i: usize) -> String {
    format!("\u{1}raw{i}\u{1}")
}

/// Writes `text` to `out` with each marker string (as serde_json writes it) replaced by its raw
/// text, in one pass. A raw may hold markers made before it (a node written out with its
/// members), which are expanded in turn.
fn expand(text: &str, raws: &[String], out: &mut String) {
    const OPEN: &str = "\"\\u0001raw";
    const CLOSE: &str = "\\u0001\"";
    let mut rest = text;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        match after[..digits].parse::<usize>() {
            Ok(i) if i < raws.len() && after[digits..].starts_with(CLOSE) => {
                expand(&raws[i], &raws[..i], out);
                rest = &after[digits + CLOSE.len()..];
            }
            _ => {
                out.push_str(OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

fn count_nodes(v: &Value) -> usize {
    1 + match v {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(map) => map.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// The `k`-th node in document order, with its path.
fn locate<'a>(v: &'a mut Value, k: &mut usize, path: &mut Vec<String>) -> Option<&'a mut Value> {
    if *k == 0 {
        return Some(v);
    }
    *k -= 1;
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                path.push(i.to_string());
                if let Some(found) = locate(item, k, path) {
                    return Some(found);
                }
                path.pop();
            }
            None
        }
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                path.push(key.clone());
                if let Some(found) = locate(item, k, path) {
                    return Some(found);
                }
                path.pop();
            }
            None
        }
        _ => None,
    }
}

/// A node reached by walking down from the root and stopping at random: favours the members
/// near the top (totals, codes, currencies) that a uniform pick among thousands of leaves
/// seldom reaches.
fn walk<'a>(rng: &mut Rng, v: &'a mut Value, path: &mut Vec<String>) -> &'a mut Value {
    let next = match &*v {
        Value::Object(map) if !map.is_empty() && rng.chance(70) => {
            let keys: Vec<&String> = map.keys().collect();
            Some((*rng.pick(&keys)).clone())
        }
        Value::Array(items) if !items.is_empty() && rng.chance(70) => {
            Some(rng.below(items.len()).to_string())
        }
        _ => None,
    };
    match next {
        None => v,
        Some(key) => {
            path.push(key.clone());
            let child = match v {
                Value::Object(map) => map.get_mut(&key).expect("the key was listed"),
                Value::Array(items) => &mut items[key.parse::<usize>().expect("an index")],
                _ => unreachable!("only containers are walked into"),
            };
            walk(rng, child, path)
        }
    }
}

/// Byte-level damage to a written document.
fn mutate_bytes(rng: &mut Rng, bytes: &mut Vec<u8>, steps: &mut Vec<String>) {
    let len = bytes.len();
    let at = rng.below(len + 1);
    let step = match rng.below(8) {
        0..=2 => {
            bytes.truncate(at);
            format!("cut at byte {at}")
        }
        3 => {
            let end = (at + 1 + rng.below(16)).min(len);
            bytes.drain(at.min(end)..end);
            format!("bytes {at}..{end} deleted")
        }
        4 => {
            const NOISE: &[&[u8]] = &[
                b"{",
                b"}",
                b"[",
                b"]",
                b"\"",
                b",",
                b":",
                b"\\",
                b"\\u",
                b"\0",
                b"\xff",
                b"\xc3",
                b"\xed\xa0\x80",
                b"\xf4\x90\x80\x80",
                b"e",
                b"-",
                b"9",
                b"null",
                b"\xef\xbb\xbf",
            ];
            let noise = *rng.pick(NOISE);
            bytes.splice(at..at, noise.iter().copied());
            format!("{noise:?} inserted at byte {at}")
        }
        5 if len > 0 => {
            let at = at.min(len - 1);
            bytes[at] ^= 1 << rng.below(8);
            format!("bit flipped at byte {at}")
        }
        6 if len > 0 => {
            let end = (at + 1 + rng.below(64)).min(len);
            let piece: Vec<u8> = bytes[at.min(end)..end].to_vec();
            bytes.splice(end..end, piece);
            format!("bytes {at}..{end} repeated")
        }
        _ => {
            bytes.truncate(at);
            format!("cut at byte {at}")
        }
    };
    steps.push(step);
}

/// A mutated copy of `document`: usually one to four structural changes, sometimes damage to
/// the written bytes as well (or instead), now and then the document as it is.
pub fn mutate(rng: &mut Rng, seed_name: &str, document: &Value) -> Input {
    let roll = rng.below(100);
    let (structural, bytes_too) = match roll {
        0 => (0, false),
        1..=14 => (0, true),
        15..=57 => (1, rng.chance(15)),
        _ => (2 + rng.below(3), rng.chance(15)),
    };
    let mut value = document.clone();
    let mut work = Work {
        rng,
        raws: Vec::new(),
        steps: Vec::new(),
    };
    for _ in 0..structural {
        if work.rng.chance(20) {
            work.drop_one(&mut value);
            continue;
        }
        if work.rng.chance(10) {
            work.every_amount(&mut value);
            continue;
        }
        let mut path = Vec::new();
        let node = if work.rng.chance(50) {
            let mut k = work.rng.below(count_nodes(&value));
            locate(&mut value, &mut k, &mut path).expect("k is below the node count")
        } else {
            walk(work.rng, &mut value, &mut path)
        };
        let mut path = format!("/{}", path.join("/"));
        if path.len() > 120 {
            let cut = path.char_indices().nth(60).map_or(path.len(), |(i, _)| i);
            path = format!("{}…({} bytes)", &path[..cut], path.len());
        }
        work.change(node, &path);
    }
    let written = serde_json::to_string(&value).expect("a JSON value writes");
    let mut text = String::with_capacity(written.len());
    expand(&written, &work.raws, &mut text);
    let mut bytes = text.into_bytes();
    let mut steps = work.steps;
    if bytes_too {
        mutate_bytes(rng, &mut bytes, &mut steps);
    }
    if steps.is_empty() {
        steps.push("unchanged".to_owned());
    }
    Input {
        seed_name: seed_name.to_owned(),
        bytes,
        steps,
    }
}

// ---------------------------------------------------------------------------------------------
// Running

/// How a case ended, short of a panic.
pub enum Verdict {
    /// A good answer.
    Read,
    /// A typed error.
    Refused(Error),
    /// Something the target must not do (a wrong kind of error, a state that does not recover).
    Wrong(String),
}

/// The variant of an error, for the tally.
pub fn error_kind(e: &Error) -> &'static str {
    match e {
        Error::Network { .. } => "Network",
        Error::Timeout => "Timeout",
        Error::NotFound { .. } => "NotFound",
        Error::InvalidInput { .. } => "InvalidInput",
        Error::OutOfStock { .. } => "OutOfStock",
        Error::NotSold { .. } => "NotSold",
        Error::PromotionRejected { .. } => "PromotionRejected",
        Error::PaymentDeclined { .. } => "PaymentDeclined",
        Error::Conflict { .. } => "Conflict",
        Error::SetAside { .. } => "SetAside",
        Error::Backend { .. } => "Backend",
        // Refused by serde (the shape) or by the mapping (amounts that do not add up, codes
        // it does not know): the second kind shows the mutations reach the mapping.
        Error::Decode { message } if message.contains(" column ") => "Decode(shape)",
        Error::Decode { .. } => "Decode(mapping)",
        Error::Money(_) => "Money",
        _ => "other",
    }
}

thread_local! {
    /// Set while a case runs: the panic hook then records instead of printing.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    static CAUGHT: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !CATCHING.with(Cell::get) {
                return previous(info);
            }
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".to_owned());
            let place = info
                .location()
                .map_or_else(|| "somewhere".to_owned(), |l| l.to_string());
            let trace = Backtrace::force_capture().to_string();
            let ours: Vec<&str> = trace
                .lines()
                .filter(|l| l.contains("dhow_sdk") || l.contains("sdk/src"))
                .take(16)
                .collect();
            CAUGHT.with(|c| {
                *c.borrow_mut() = Some((format!("{message} at {place}"), ours.join("\n")));
            });
        }));
    });
}

/// Where inputs that made a target panic are written in full.
fn save(target: &str, case: usize, input: &Input) -> String {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz");
    let path = dir.join(format!("{target}-case-{case}.bin"));
    let _ = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, &input.bytes));
    path.display().to_string()
}

/// Runs `cases()` cases of `target`: `make` builds each case's input from its own seeded
/// generator, `check` runs it. A panic in `check` is caught and reported with what reproduces
/// it; so is a [`Verdict::Wrong`]. Prints the tally and the time, then fails if anything was
/// reported.
pub fn run<T>(
    target: &str,
    mut make: impl FnMut(&mut Rng) -> (Input, T),
    check: impl Fn(&Input, &T) -> Verdict,
) {
    install_hook();
    let base = env_number("DHOW_FUZZ_SEED").unwrap_or(DEFAULT_SEED);
    let only = env_number("DHOW_FUZZ_CASE").map(|c| c as usize);
    let total = cases();
    let started = Instant::now();
    let mut read = 0usize;
    let mut refused: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut reports: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut ran = 0usize;
    let mut slowest: Vec<(f64, String)> = Vec::new();
    for case in 0..total {
        if only.is_some_and(|o| o != case) {
            continue;
        }
        ran += 1;
        let mut rng = Rng::new(case_seed(base, case));
        let (input, extra) = make(&mut rng);
        CATCHING.with(|c| c.set(true));
        let case_started = Instant::now();
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| check(&input, &extra)));
        let took = case_started.elapsed().as_secs_f64();
        CATCHING.with(|c| c.set(false));
        if slowest.len() < 3 || took > slowest[2].0 {
            slowest.push((
                took,
                format!(
                    "case {case}: {} {:?} ({} bytes)",
                    input.seed_name,
                    input.steps,
                    input.bytes.len()
                ),
            ));
            slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
            slowest.truncate(3);
        }
        let reproduce = format!(
            "DHOW_FUZZ_SEED={base:#x} DHOW_FUZZ_CASE={case}: seed file {}, steps {:?}",
            input.seed_name, input.steps
        );
        match outcome {
            Ok(Verdict::Read) => read += 1,
            Ok(Verdict::Refused(e)) => *refused.entry(error_kind(&e)).or_default() += 1,
            Ok(Verdict::Wrong(what)) => {
                let entry = reports
                    .entry(format!("wrong: {what}"))
                    .or_insert((0, String::new()));
                if entry.0 == 0 {
                    entry.1 = format!("{reproduce}\n  saved: {}", save(target, case, &input));
                }
                entry.0 += 1;
            }
            Err(_) => {
                let (what, trace) = CAUGHT
                    .with(|c| c.borrow_mut().take())
                    .unwrap_or_else(|| ("a panic".to_owned(), String::new()));
                let entry = reports
                    .entry(format!("panic: {what}"))
                    .or_insert((0, String::new()));
                if entry.0 == 0 {
                    let text = input.text();
                    let head: String = text.chars().take(400).collect();
                    entry.1 = format!(
                        "{reproduce}\n  input ({} bytes): {head}\n  saved: {}\n{trace}",
                        input.bytes.len(),
                        save(target, case, &input)
                    );
                }
                entry.0 += 1;
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let errors: usize = refused.values().sum();
    println!(
        "fuzz {target}: {ran} cases in {seconds:.1} s ({:.0} per second): {read} read, {errors} \
         typed errors {refused:?}, {} problems (seed {base:#x})",
        ran as f64 / seconds.max(1e-9),
        reports.values().map(|(n, _)| n).sum::<usize>(),
    );
    for (took, case) in &slowest {
        println!("  slowest: {:.0} ms, {case}", took * 1000.0);
    }
    if !reports.is_empty() {
        let mut text = String::new();
        for (what, (count, first)) in &reports {
            text.push_str(&format!("\n{what} ({count} cases); first:\n  {first}\n"));
        }
        panic!("fuzz {target}: {} kinds of problem{text}", reports.len());
    }
}
