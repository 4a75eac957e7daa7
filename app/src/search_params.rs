//! A product search as it lives in the URL (`/search?q=wool&opt=Size:M&sort=price_asc&page=2`),
//! so a filtered list can be shared, bookmarked and navigated back to.

use dhow_sdk::model::{ProductQuery, ProductSort};
use dhow_sdk::{Currency, Money};

/// Products per page of a listing.
pub const PER_PAGE: u32 = 24;

/// Longest search text kept, in characters: more is no search a shopper types, and a URL with
/// hundreds of kilobytes of it must not make every keystroke and render work on all of it.
pub const MAX_QUERY_CHARS: usize = 200;
/// Longest option name, option value or price kept from a URL, in characters.
const MAX_VALUE_CHARS: usize = 100;
/// Most option filters kept from a URL.
const MAX_OPTIONS: usize = 32;

/// At most `max` characters of `text`.
pub fn clip(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

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
    /// and overlong values cut (a hand-edited URL still shows a normal page).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> SearchParams {
        let mut params = SearchParams::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "q" => clip(value, MAX_QUERY_CHARS)
                    .trim()
                    .clone_into(&mut params.text),
                "collection" if !value.is_empty() => {
                    params.collection = Some(clip(value, MAX_VALUE_CHARS).to_owned());
                }
                "opt" => {
                    if let Some((name, v)) = value.split_once(':')
                        && !name.is_empty()
                        && !v.is_empty()
                        && params.options.len() < MAX_OPTIONS
                    {
                        params.options.push((
                            clip(name, MAX_VALUE_CHARS).to_owned(),
                            clip(v, MAX_VALUE_CHARS).to_owned(),
                        ));
                    }
                }
                "min" if !value.is_empty() => {
                    params.min = Some(clip(value, MAX_VALUE_CHARS).to_owned());
                }
                "max" if !value.is_empty() => {
                    params.max = Some(clip(value, MAX_VALUE_CHARS).to_owned());
                }
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

/// The path of a product page, its handle percent-encoded (a handle is the backend's text).
pub fn product_path(handle: &str) -> String {
    format!("/products/{}", encode(handle))
}

/// The path of a collection page, its handle percent-encoded.
pub fn collection_path(handle: &str) -> String {
    format!("/collections/{}", encode(handle))
}

/// Percent-encodes a query value or path segment: everything but RFC 3986's unreserved
/// characters. By hand because it is a dozen lines, where a crate would add a dependency to the
/// bundle.
pub fn encode(value: &str) -> String {
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
    fn odd_and_overlong_values_still_read() {
        let long = "ä".repeat(400_000);
        let opt = format!("Size:{long}");
        let params = SearchParams::from_pairs([
            ("q", long.as_str()),
            ("opt", opt.as_str()),
            ("page", "99999999999999"),
            ("min", "abc"),
            ("max", "1e999"),
        ]);
        assert_eq!(params.text.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(params.options[0].1.chars().count(), MAX_VALUE_CHARS);
        // A page beyond u32 is the first page.
        assert_eq!(params.page, 0);
        let query = params.to_product_query(None, Currency::EUR);
        assert_eq!((query.min_price, query.max_price), (None, None));
        let many: Vec<String> = (0..100).map(|i| format!("Size:{i}")).collect();
        let params = SearchParams::from_pairs(many.iter().map(|v| ("opt", v.as_str())));
        assert_eq!(params.options.len(), MAX_OPTIONS);
        assert_eq!(clip("abc", 5), "abc");
        assert_eq!(clip("日本語", 2), "日本");
    }

    #[test]
    fn handles_in_paths_are_encoded() {
        assert_eq!(product_path("wool-overcoat"), "/products/wool-overcoat");
        assert_eq!(product_path("a b/c?d#e"), "/products/a%20b%2Fc%3Fd%23e");
        assert_eq!(collection_path("été"), "/collections/%C3%A9t%C3%A9");
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
