//! Orders as CSV, one row per order line, the rows of one order adjacent:
//!
//! ```text
//! order_id,placed_at,product,quantity
//! o1,2026-03-01T10:00:00Z,harbour-rain-jacket,1
//! o1,2026-03-01T10:00:00Z,tide-beanie,2
//! ```
//!
//! The header is required; columns are found by name (`quantity` may be left out). Fields may be
//! quoted with `"` (a quote inside doubled); a quoted field cannot span lines. An order id that
//! comes back after other orders' rows is read as a new order (the file is streamed): export
//! rows sorted or grouped by order.

use std::io::BufRead;

use crate::RecommendError;
use crate::handle::check_handle;
use crate::orders::OrderRecord;
use crate::time::parse_rfc3339;

/// The orders in `reader`; `name` names the input in errors. Line 1 is the header.
pub fn read<R: BufRead>(
    reader: R,
    name: String,
) -> impl Iterator<Item = Result<OrderRecord, RecommendError>> {
    Rows {
        lines: reader.lines(),
        name,
        number: 0,
        columns: None,
        pending: None,
        done: false,
    }
}

/// Where the needed columns are.
#[derive(Clone, Copy)]
struct Columns {
    order: usize,
    placed_at: usize,
    product: usize,
    quantity: Option<usize>,
}

struct Rows<L> {
    lines: L,
    name: String,
    number: u64,
    columns: Option<Columns>,
    /// The order being gathered and the line it started on.
    pending: Option<OrderRecord>,
    done: bool,
}

impl<L: Iterator<Item = std::io::Result<String>>> Iterator for Rows<L> {
    type Item = Result<OrderRecord, RecommendError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let Some(line) = self.lines.next() else {
                self.done = true;
                break;
            };
            self.number += 1;
            let line = match line {
                Ok(line) => line,
                Err(e) => {
                    self.done = true;
                    return Some(Err(RecommendError::io(&self.name, e)));
                }
            };
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            let bad = |message: String| RecommendError::BadLine {
                input: self.name.clone(),
                line: self.number,
                message,
            };
            let fields = match split(line) {
                Ok(fields) => fields,
                Err(message) => return Some(Err(bad(message))),
            };
            let Some(columns) = self.columns else {
                match header(&fields) {
                    Ok(columns) => self.columns = Some(columns),
                    Err(message) => {
                        // Without a header no row can be read.
                        self.done = true;
                        return Some(Err(bad(message)));
                    }
                }
                continue;
            };
            let (id, placed_at, product) = match row(&fields, columns) {
                Ok(row) => row,
                Err(message) => return Some(Err(bad(message))),
            };
            match &mut self.pending {
                Some(order) if order.id == id => {
                    if order.placed_at != placed_at {
                        return Some(Err(bad(format!(
                            "order {id}: placed_at differs from its earlier rows"
                        ))));
                    }
                    order.products.push(product);
                }
                _ => {
                    let started = OrderRecord {
                        id,
                        placed_at,
                        products: vec![product],
                    };
                    if let Some(finished) = self.pending.replace(started) {
                        return Some(Ok(finished));
                    }
                }
            }
        }
        self.pending.take().map(Ok)
    }
}

fn header(fields: &[String]) -> Result<Columns, String> {
    let find = |name: &str| {
        fields
            .iter()
            .position(|f| f.trim().eq_ignore_ascii_case(name))
    };
    let need = |name: &str| {
        find(name).ok_or_else(|| {
            format!("the header needs a column {name} (order_id,placed_at,product,quantity)")
        })
    };
    Ok(Columns {
        order: need("order_id")?,
        placed_at: need("placed_at")?,
        product: need("product")?,
        quantity: find("quantity"),
    })
}

fn row(fields: &[String], columns: Columns) -> Result<(String, i64, String), String> {
    let field = |at: usize| {
        fields
            .get(at)
            .map(|f| f.trim())
            .ok_or_else(|| format!("{} fields, expected more", fields.len()))
    };
    let id = field(columns.order)?.to_owned();
    if id.is_empty() {
        return Err("empty order_id".into());
    }
    let time = field(columns.placed_at)?;
    let placed_at = match time.parse::<i64>() {
        Ok(seconds) => seconds,
        Err(_) => parse_rfc3339(time)?,
    };
    let product = field(columns.product)?.to_owned();
    check_handle(&product).map_err(|e| format!("order {id}: {e}"))?;
    if let Some(at) = columns.quantity {
        let quantity = field(at)?;
        match quantity.parse::<i64>() {
            Ok(q) if q >= 1 => {}
            _ => {
                return Err(format!(
                    "order {id}: quantity {quantity:?} is not at least 1"
                ));
            }
        }
    }
    Ok((id, placed_at, product))
}

/// The fields of one CSV line.
fn split(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if at_start => quoted = true,
            ',' if !quoted => {
                fields.push(std::mem::take(&mut field));
                at_start = true;
                continue;
            }
            c => field.push(c),
        }
        at_start = false;
    }
    if quoted {
        return Err("unclosed quote (fields cannot span lines)".into());
    }
    fields.push(field);
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<Result<OrderRecord, RecommendError>> {
        read(text.as_bytes(), "orders.csv".into()).collect()
    }

    #[test]
    fn groups_adjacent_rows() {
        let orders = all("order_id,placed_at,product,quantity\r\n\
             o1,2026-03-01T10:00:00Z,a,1\n\
             o1,2026-03-01T10:00:00Z,\"b\",2\n\
             o2,60,a,1\n");
        let orders: Vec<OrderRecord> = orders.into_iter().map(|o| o.unwrap()).collect();
        assert_eq!(orders.len(), 2);
        assert_eq!(orders[0].products, ["a", "b"]);
        assert_eq!(orders[1].placed_at, 60);
    }

    #[test]
    fn bad_rows_name_their_line() {
        let orders = all("order_id,placed_at,product,quantity\n\
             o1,1,a,1\n\
             o1,2,b,1\n\
             o2,1,Bad/Handle,1\n\
             o3,1,a,zero\n\
             o4,1,\"a,1\n\
             o5,1,a,1\n");
        let lines: Vec<u64> = orders
            .iter()
            .filter_map(|o| match o {
                Err(RecommendError::BadLine { line, .. }) => Some(*line),
                _ => None,
            })
            .collect();
        assert_eq!(lines, [3, 4, 5, 6]);
        assert_eq!(orders.iter().filter(|o| o.is_ok()).count(), 2);
    }

    #[test]
    fn a_missing_header_is_an_error() {
        let orders = all("o1,1,a,1\n");
        assert_eq!(orders.len(), 1);
        assert!(matches!(
            orders[0],
            Err(RecommendError::BadLine { line: 1, .. })
        ));
    }
}
