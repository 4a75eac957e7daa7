//! A product search as it lives in the URL (`/search?q=wool&opt=Size:M&sort=price_asc&page=2`),
//! so a filtered list can be shared, bookmarked and navigated back to.

use dhow_sdk::model::{ProductQuery, ProductSort};
use dhow_sdk::{Currency, Money};

/// Products per page of a listing.
pub const PER_PAGE: u32 = 24;

/// The search state held in the query string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchParams {
    /// Words searched for.
    pub text: String,
    /// Collection handle (on the search page; a collection page has its own).
    pub collection: Option<String>,
    /// Chosen option values as (option name, value).
    pub options: Vec<(String, String)>,
    /// Lowest price, as typed (decimal text in the market's currency).
    pub min: Option<String>,
    /// Highest price, as typed.
    pub max: Option<String>,
    /// Only what is in stock.
    pub in_stock: bool,
    /// Order.
    pub sort: ProductSort,
    /// Zero-based page.
    pub page: u32,
}

impl SearchParams {
    /// Reads the parameters from decoded query pairs; unknown keys and bad values are ignored
    /// (a hand-edited URL still shows a page).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> SearchParams {
        let mut params = SearchParams::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "q" => value.clone_into(&mut params.text),
                "collection" if !value.is_empty() => params.collection = Some(value.to_owned()),
                "opt" => {
                    if let Some((name, v)) = value.split_once(':')
                        && !name.is_empty()
                        && !v.is_empty()
                    {
                        params.options.push((name.to_owned(), v.to_owned()));
                    }
                }
                "min" if !value.is_empty() => params.min = Some(value.to_owned()),
                "max" if !value.is_empty() => params.max = Some(value.to_owned()),
                "stock" => params.in_stock = value == "1",
                "sort" => params.sort = parse_sort(value).unwrap_or_default(),
                // Pages are shown from 1; stored from 0.
                "page" => params.page = value.parse::<u32>().unwrap_or(1).saturating_sub(1),
                _ => {}
            }
        }
        params
    }

    /// The query string (without `?`), in a stable order; empty values are left out.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.text.is_empty() {
            pairs.push(("q", self.text.clone()));
        }
        if let Some(c) = &self.collection {
            pairs.push(("collection", c.clone()));
        }
        for (name, value) in &self.options {
            pairs.push(("opt", format!("{name}:{value}")));
        }
        if let Some(min) = &self.min {
            pairs.push(("min", min.clone()));
        }
        if let Some(max) = &self.max {
            pairs.push(("max", max.clone()));
        }
        if self.in_stock {
            pairs.push(("stock", "1".to_owned()));
        }
        if self.sort != ProductSort::Featured {
            pairs.push(("sort", sort_name(self.sort).to_owned()));
        }
        if self.page > 0 {
            pairs.push(("page", (self.page + 1).to_string()));
        }
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The backend query, with prices read in `currency` (a price that does not read is left out).
    pub fn to_product_query(&self, collection: Option<String>, currency: Currency) -> ProductQuery {
        let price =
            |text: &Option<String>| text.as_deref().and_then(|t| Money::parse(t, currency).ok());
        ProductQuery {
            text: self.text.clone(),
            collection: collection.or_else(|| self.collection.clone()),
            options: self.options.clone(),
            min_price: price(&self.min),
            max_price: price(&self.max),
            in_stock: self.in_stock,
            sort: self.sort,
            page: self.page,
            per_page: PER_PAGE,
        }
    }

    /// Whether `(name, value)` is chosen.
    pub fn has_option(&self, name: &str, value: &str) -> bool {
        self.options.iter().any(|(n, v)| n == name && v == value)
    }

    /// Chooses or unchooses `(name, value)`, back on the first page.
    pub fn toggle_option(&mut self, name: &str, value: &str) {
        if self.has_option(name, value) {
            self.options.retain(|(n, v)| !(n == name && v == value));
        } else {
            self.options.push((name.to_owned(), value.to_owned()));
        }
        self.page = 0;
    }
}

/// The URL name of a sort.
pub fn sort_name(sort: ProductSort) -> &'static str {
    match sort {
        ProductSort::Featured => "featured",
        ProductSort::PriceAsc => "price_asc",
        ProductSort::PriceDesc => "price_desc",
        ProductSort::TitleAsc => "title_asc",
        ProductSort::Newest => "newest",
    }
}

/// Every sort, in menu order.
pub const SORTS: [ProductSort; 5] = [
    ProductSort::Featured,
    ProductSort::PriceAsc,
    ProductSort::PriceDesc,
    ProductSort::TitleAsc,
    ProductSort::Newest,
];

fn parse_sort(name: &str) -> Option<ProductSort> {
    SORTS.into_iter().find(|s| sort_name(*s) == name)
}

/// Percent-encodes a query value: everything but RFC 3986's unreserved characters. By hand
/// because it is a dozen lines, where a crate would add a dependency to the bundle.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_the_query_string() {
        let params = SearchParams::from_pairs([
            ("q", "wool coat"),
            ("opt", "Size:M"),
            ("opt", "Colour:Navy blue"),
            ("min", "10"),
            ("stock", "1"),
            ("sort", "price_desc"),
            ("page", "3"),
            ("utm_source", "x"),
        ]);
        assert_eq!(params.text, "wool coat");
        assert_eq!(
            params.options,
            vec![
                ("Size".into(), "M".into()),
                ("Colour".into(), "Navy blue".into())
            ]
        );
        assert_eq!(params.page, 2);
        assert_eq!(params.sort, ProductSort::PriceDesc);
        assert_eq!(
            params.to_query(),
            "q=wool%20coat&opt=Size%3AM&opt=Colour%3ANavy%20blue&min=10&stock=1&sort=price_desc&page=3"
        );
    }

    #[test]
    fn ignores_what_does_not_read() {
        let params =
            SearchParams::from_pairs([("page", "-4"), ("sort", "cheapest"), ("opt", "nocolon")]);
        assert_eq!(params, SearchParams::default());
        let query = SearchParams {
            min: Some("abc".into()),
            ..SearchParams::default()
        }
        .to_product_query(None, Currency::EUR);
        assert_eq!(query.min_price, None);
    }

    #[test]
    fn reads_prices_in_the_market_currency() {
        let params = SearchParams {
            min: Some("1500".into()),
            max: Some("12.5".into()),
            ..SearchParams::default()
        };
        let query = params.to_product_query(Some("bags".into()), Currency::JPY);
        assert_eq!(
            query.min_price,
            Some(Money::from_minor(1500, Currency::JPY))
        );
        // JPY has no decimals: "12.5" is not a yen amount.
        assert_eq!(query.max_price, None);
        assert_eq!(query.collection.as_deref(), Some("bags"));
    }

    #[test]
    fn toggling_an_option_returns_to_the_first_page() {
        let mut params = SearchParams {
            page: 4,
            ..SearchParams::default()
        };
        params.toggle_option("Size", "L");
        assert!(params.has_option("Size", "L"));
        assert_eq!(params.page, 0);
        params.toggle_option("Size", "L");
        assert!(params.options.is_empty());
    }
}
