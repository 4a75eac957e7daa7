//! Orders as JSON lines, one order per line:
//!
//! ```text
//! {"id":"o1","placed_at":"2026-03-01T10:00:00Z","lines":[{"product":"tide-beanie","quantity":1}]}
//! ```
//!
//! `placed_at` is an RFC 3339 time or integer seconds since the epoch; `quantity` defaults to 1;
//! blank lines are ignored.

use std::io::BufRead;

use serde::Deserialize;

use crate::RecommendError;
use crate::handle::check_handle;
use crate::orders::OrderRecord;
use crate::time::parse_rfc3339;

#[derive(Deserialize)]
#[serde(untagged)]
enum TextOrNumber {
    Text(String),
    Number(i64),
}

#[derive(Deserialize)]
struct Line {
    id: TextOrNumber,
    placed_at: TextOrNumber,
    lines: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    product: String,
    #[serde(default = "one")]
    quantity: i64,
}

fn one() -> i64 {
    1
}

/// The orders in `reader`, one per non-blank line; `name` names the input in errors.
pub fn read<R: BufRead>(
    reader: R,
    name: String,
) -> impl Iterator<Item = Result<OrderRecord, RecommendError>> {
    let mut number = 0u64;
    reader.lines().filter_map(move |line| {
        number += 1;
        let line = match line {
            Ok(line) => line,
            Err(e) => return Some(Err(RecommendError::io(&name, e))),
        };
        if line.trim().is_empty() {
            return None;
        }
        Some(
            parse_line(&line).map_err(|message| RecommendError::BadLine {
                input: name.clone(),
                line: number,
                message,
            }),
        )
    })
}

/// One line as an order.
pub fn parse_line(line: &str) -> Result<OrderRecord, String> {
    let parsed: Line = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let id = match parsed.id {
        TextOrNumber::Text(id) => id,
        TextOrNumber::Number(id) => id.to_string(),
    };
    let placed_at = match parsed.placed_at {
        TextOrNumber::Number(seconds) => seconds,
        TextOrNumber::Text(text) => parse_rfc3339(&text)?,
    };
    let mut products = Vec::with_capacity(parsed.lines.len());
    for item in parsed.lines {
        if item.quantity < 1 {
            return Err(format!(
                "order {id}: quantity {} of {:?} is not at least 1",
                item.quantity, item.product
            ));
        }
        check_handle(&item.product).map_err(|e| format!("order {id}: {e}"))?;
        products.push(item.product);
    }
    Ok(OrderRecord {
        id,
        placed_at,
        products,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<Result<OrderRecord, RecommendError>> {
        read(text.as_bytes(), "orders.jsonl".into()).collect()
    }

    #[test]
    fn reads_both_time_forms_and_default_quantity() {
        let orders = all(concat!(
            r#"{"id":"o1","placed_at":"1970-01-01T00:01:00Z","lines":[{"product":"a","quantity":2},{"product":"b"}]}"#,
            "\n\n",
            r#"{"id":7,"placed_at":120,"lines":[]}"#,
            "\n"
        ));
        let orders: Vec<OrderRecord> = orders.into_iter().map(|o| o.unwrap()).collect();
        assert_eq!(orders[0].placed_at, 60);
        assert_eq!(orders[0].products, ["a", "b"]);
        assert_eq!((orders[1].id.as_str(), orders[1].placed_at), ("7", 120));
    }

    #[test]
    fn bad_lines_name_their_number() {
        let orders = all(concat!(
            r#"{"id":"o1","placed_at":1,"lines":[]}"#,
            "\n",
            "not json\n",
            r#"{"id":"o3","placed_at":"March","lines":[]}"#,
            "\n",
            r#"{"id":"o4","placed_at":1,"lines":[{"product":"../x"}]}"#,
            "\n",
            r#"{"id":"o5","placed_at":1,"lines":[{"product":"a","quantity":0}]}"#,
        ));
        let lines: Vec<u64> = orders
            .iter()
            .filter_map(|o| match o {
                Err(RecommendError::BadLine { line, .. }) => Some(*line),
                _ => None,
            })
            .collect();
        assert_eq!(lines, [2, 3, 4, 5]);
        let Err(e) = &orders[3] else { panic!() };
        assert!(e.to_string().contains("not URL-safe"), "{e}");
    }
}
