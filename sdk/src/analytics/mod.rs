//! Commerce analytics: typed events in the GA4 e-commerce schema, what the shopper consented to,
//! and the queues between the two. Pure data and rules, no browser: the storefront emits the
//! events and delivers them to the sinks `dhow.json` names.
//!
//! Every amount is [`Money`], so an event's figures are the cart's and the order's to the minor
//! unit. An event has two written forms:
//! - [`Event::to_exact_json`], Dhow's own (the `dhow:analytics` DOM event and the collector):
//!   amounts as exact decimal strings (`"95.00"`).
//! - [`Event::to_data_layer_json`], Google Tag Manager's `dataLayer` convention: amounts as JSON
//!   numbers with the currency's digits (`95.00`, `1950` in yen), written from the decimal text,
//!   never through a floating-point value.
//!
//! ```
//! use dhow_sdk::analytics::{Event, EventName, Item};
//! use dhow_sdk::{Currency, Money};
//!
//! let usd = Currency::USD;
//! let item = Item::new("prod_mug", "Enamel Camp Mug", Money::from_minor(1800, usd), 2);
//! let event = Event::with_items(EventName::AddToCart, vec![item]);
//! assert_eq!(event.value, Some(Money::from_minor(3600, usd)));
//! assert!(event.to_data_layer_json().contains(r#""value":36.00"#));
//! assert!(event.to_exact_json(1, 0).contains(r#""value":"36.00""#));
//! ```

use serde::{Deserialize, Serialize};

use crate::model::{Cart, CartLine, Order, Product, Variant};
use crate::money::{Currency, Money};

pub mod consent;
pub mod experiments;
mod gate;
#[cfg(test)]
mod tests;

pub use gate::{Gate, Outbox};

/// The analytics section of `dhow.json`: where events go, and how consent is asked for.
///
/// ```
/// let config: dhow_sdk::analytics::AnalyticsConfig = serde_json::from_str(
///     r#"{ "data_layer": true, "collector": "https://collect.example/dhow" }"#).unwrap();
/// assert!(config.data_layer && !config.dom_event);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyticsConfig {
    /// Push events to `window.dataLayer` (Google Tag Manager), with Consent Mode v2 commands.
    #[serde(default)]
    pub data_layer: bool,
    /// Dispatch each event as `dhow:analytics` on `document`, for the brand's own code.
    #[serde(default)]
    pub dom_event: bool,
    /// A first-party collector URL that receives batches of events by `navigator.sendBeacon`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collector: Option<String>,
    /// How consent is asked for, per market.
    #[serde(default)]
    pub consent: consent::ConsentConfig,
    /// A/B experiments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub experiments: Vec<experiments::Experiment>,
}

impl AnalyticsConfig {
    /// The experiment with this key.
    pub fn experiment(&self, key: &str) -> Option<&experiments::Experiment> {
        self.experiments.iter().find(|e| e.key == key)
    }

    /// Whether any sink is configured: without one nothing is sent and nothing is asked.
    pub fn sends(&self) -> bool {
        self.data_layer || self.dom_event || self.collector.is_some()
    }
}

/// The events, by their GA4 names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EventName {
    /// A page was shown (also on every route change).
    PageView,
    /// A list of products was shown.
    ViewItemList,
    /// A product was chosen from a list.
    SelectItem,
    /// A product's page was shown.
    ViewItem,
    /// Units were added to the cart (confirmed by the backend).
    AddToCart,
    /// Units were taken out of the cart (confirmed by the backend).
    RemoveFromCart,
    /// The cart was shown.
    ViewCart,
    /// The checkout opened.
    BeginCheckout,
    /// A shipping option was chosen.
    AddShippingInfo,
    /// Payment details were given.
    AddPaymentInfo,
    /// An order was placed.
    Purchase,
    /// A search was made.
    Search,
    /// A promotion was chosen (a discount code applied).
    SelectPromotion,
    /// An experiment's variant was shown.
    ExperimentExposure,
}

impl EventName {
    /// The GA4 name.
    pub fn as_str(self) -> &'static str {
        match self {
            EventName::PageView => "page_view",
            EventName::ViewItemList => "view_item_list",
            EventName::SelectItem => "select_item",
            EventName::ViewItem => "view_item",
            EventName::AddToCart => "add_to_cart",
            EventName::RemoveFromCart => "remove_from_cart",
            EventName::ViewCart => "view_cart",
            EventName::BeginCheckout => "begin_checkout",
            EventName::AddShippingInfo => "add_shipping_info",
            EventName::AddPaymentInfo => "add_payment_info",
            EventName::Purchase => "purchase",
            EventName::Search => "search",
            EventName::SelectPromotion => "select_promotion",
            EventName::ExperimentExposure => "experiment_exposure",
        }
    }

    /// Whether GTM expects its parameters under `ecommerce` (every commerce event).
    fn is_ecommerce(self) -> bool {
        !matches!(
            self,
            EventName::PageView | EventName::Search | EventName::ExperimentExposure
        )
    }
}

/// One product in an event, named as GA4 names its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The backend's product id.
    pub item_id: String,
    /// The product's title.
    pub item_name: String,
    /// The variant's title (`"M / Navy"`), when the product has variants.
    pub item_variant: Option<String>,
    /// The brand (the store's name unless set).
    pub item_brand: Option<String>,
    /// The collection the product was found in.
    pub item_category: Option<String>,
    /// The list it was shown in (`"recommendations-together"`).
    pub item_list_id: Option<String>,
    /// The list's name as shown.
    pub item_list_name: Option<String>,
    /// Its position in the list, from 0.
    pub index: Option<u32>,
    /// Price of one unit.
    pub price: Money,
    /// Units.
    pub quantity: u32,
    /// Discount on one unit, when the line's discount divides exactly by its quantity.
    pub discount: Option<Money>,
    /// Discount codes on the cart, comma-separated.
    pub coupon: Option<String>,
    /// The product's handle: not sent (GA4 has no such field), for the storefront's own use
    /// of the stream (recently viewed products).
    pub handle: Option<String>,
}

impl Item {
    /// An item with the required fields.
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        price: Money,
        quantity: u32,
    ) -> Item {
        Item {
            item_id: id.into(),
            item_name: name.into(),
            item_variant: None,
            item_brand: None,
            item_category: None,
            item_list_id: None,
            item_list_name: None,
            index: None,
            price,
            quantity,
            discount: None,
            coupon: None,
            handle: None,
        }
    }

    /// A product in a variant, at the variant's price in the market.
    pub fn from_variant(product: &Product, variant: &Variant, quantity: u32) -> Item {
        let mut item = Item::new(
            product.id.as_str(),
            &product.title,
            variant.price.amount,
            quantity,
        );
        if product.variants.len() > 1 && !variant.title.is_empty() {
            item.item_variant = Some(variant.title.clone());
        }
        item.handle = Some(product.handle.clone());
        item
    }

    /// A cart or order line: its unit price and quantity, and its discount per unit when that
    /// is exact.
    pub fn from_line(line: &CartLine) -> Item {
        let mut item = Item::new(
            line.product_id.as_str(),
            &line.title,
            line.unit_price,
            line.quantity,
        );
        if !line.variant_title.is_empty() {
            item.item_variant = Some(line.variant_title.clone());
        }
        item.handle = Some(line.handle.clone());
        if !line.discount.is_zero() && line.quantity > 0 {
            let per_unit = line.discount.minor_units() / i64::from(line.quantity);
            if per_unit * i64::from(line.quantity) == line.discount.minor_units() {
                item.discount = Some(Money::from_minor(per_unit, line.discount.currency()));
            }
        }
        item
    }

    /// The same item placed in a list at `index`.
    pub fn in_list(mut self, list_id: &str, list_name: &str, index: u32) -> Item {
        self.item_list_id = Some(list_id.to_owned());
        self.item_list_name = Some(list_name.to_owned());
        self.index = Some(index);
        self
    }

    /// `price × quantity`, `None` on overflow.
    fn amount(&self) -> Option<Money> {
        self.price.checked_mul(i64::from(self.quantity)).ok()
    }
}

/// A parameter beside `currency`, `value` and `items`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Param {
    /// Text: `transaction_id`, `shipping_tier`, `search_term`.
    Text(String),
    /// An amount: `shipping`, `tax`.
    Money(Money),
}

/// One analytics event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Which.
    pub name: EventName,
    /// The currency of every amount in it.
    pub currency: Option<Currency>,
    /// The event's value: the items' amount, or the order's subtotal after discounts.
    pub value: Option<Money>,
    /// The products.
    pub items: Vec<Item>,
    /// Other parameters, in the order written.
    pub params: Vec<(&'static str, Param)>,
}

impl Event {
    /// An event with no items and no value (`page_view`, `search`).
    pub fn new(name: EventName) -> Event {
        Event {
            name,
            currency: None,
            value: None,
            items: Vec::new(),
            params: Vec::new(),
        }
    }

    /// An event about `items`, valued at the sum of their amounts (in the first item's
    /// currency; items in another currency are a bug of the caller and leave the value out).
    pub fn with_items(name: EventName, items: Vec<Item>) -> Event {
        let currency = items.first().map(|i| i.price.currency());
        let value = currency.and_then(|c| {
            items.iter().try_fold(Money::zero(c), |sum, item| {
                item.amount().and_then(|a| sum.checked_add(a).ok())
            })
        });
        Event {
            currency,
            value,
            items,
            ..Event::new(name)
        }
    }

    /// Adds a parameter.
    pub fn with(mut self, key: &'static str, value: Param) -> Event {
        self.params.push((key, value));
        self
    }

    /// Adds a text parameter.
    pub fn text(self, key: &'static str, value: impl Into<String>) -> Event {
        self.with(key, Param::Text(value.into()))
    }

    /// `page_view` of `location` (the full URL) titled `title`.
    pub fn page_view(location: &str, title: &str) -> Event {
        Event::new(EventName::PageView)
            .text("page_location", location)
            .text("page_title", title)
    }

    /// An event about the whole cart (`view_cart`, `begin_checkout`, `add_shipping_info`,
    /// `add_payment_info`): its lines, valued at its subtotal after discounts, with its codes.
    pub fn for_cart(name: EventName, cart: &Cart) -> Event {
        let coupon = coupon_of(cart);
        let items = cart
            .lines
            .iter()
            .map(|l| Item {
                coupon: coupon.clone(),
                ..Item::from_line(l)
            })
            .collect();
        let mut event = Event {
            currency: Some(cart.currency),
            value: cart
                .totals
                .subtotal
                .amount
                .checked_sub(cart.totals.discount.amount)
                .ok(),
            items,
            ..Event::new(name)
        };
        if let Some(coupon) = coupon {
            event = event.text("coupon", coupon);
        }
        event
    }

    /// `purchase` of `order`: `transaction_id` is the order's number, `value` its subtotal after
    /// discounts, with its tax and shipping; `coupon` the codes of the cart it came from.
    pub fn purchase(order: &Order, coupon: Option<String>) -> Event {
        let totals = &order.totals;
        let currency = totals.total.amount.currency();
        let mut event = Event {
            currency: Some(currency),
            value: totals
                .subtotal
                .amount
                .checked_sub(totals.discount.amount)
                .ok(),
            items: order.lines.iter().map(Item::from_line).collect(),
            ..Event::new(EventName::Purchase)
        }
        .text("transaction_id", &order.number)
        .with("tax", Param::Money(totals.tax.amount))
        .with(
            "shipping",
            Param::Money(totals.shipping.map_or(Money::zero(currency), |s| s.amount)),
        );
        if let Some(coupon) = coupon {
            event = event.text("coupon", coupon);
        }
        event
    }

    /// Sets `item_brand` on every item that has none.
    pub fn brand_items(&mut self, brand: &str) {
        for item in &mut self.items {
            item.item_brand.get_or_insert_with(|| brand.to_owned());
        }
    }

    /// Dhow's own form: `{"name":…,"params":{…},"sequence":…,"time":…}` with amounts as exact
    /// decimal strings. `sequence` counts events in the page view; `time` is milliseconds since
    /// the Unix epoch.
    pub fn to_exact_json(&self, sequence: u64, time: u64) -> String {
        let mut out = String::with_capacity(256);
        out.push_str("{\"name\":");
        push_str(&mut out, self.name.as_str());
        out.push_str(",\"params\":");
        self.write_params(&mut out, Amounts::Exact);
        out.push_str(&format!(",\"sequence\":{sequence},\"time\":{time}}}"));
        out
    }

    /// Google Tag Manager's form: `{"event":…,"ecommerce":{…}}` for commerce events, the
    /// parameters beside `event` for the others; amounts as numbers with the currency's digits.
    pub fn to_data_layer_json(&self) -> String {
        let mut out = String::with_capacity(256);
        out.push_str("{\"event\":");
        push_str(&mut out, self.name.as_str());
        let mut params = String::new();
        self.write_params(&mut params, Amounts::Numbers);
        if self.name.is_ecommerce() {
            out.push_str(",\"ecommerce\":");
            out.push_str(&params);
        } else if params.len() > 2 {
            out.push(',');
            out.push_str(&params[1..params.len() - 1]);
        }
        out.push('}');
        out
    }

    fn write_params(&self, out: &mut String, amounts: Amounts) {
        let mut obj = Object::open(out);
        if let Some(currency) = self.currency {
            obj.key("currency");
            push_str(obj.out, currency.code());
        }
        if let Some(value) = self.value {
            obj.key("value");
            push_money(obj.out, value, amounts);
        }
        for (key, value) in &self.params {
            obj.key(key);
            match value {
                Param::Text(text) => push_str(obj.out, text),
                Param::Money(money) => push_money(obj.out, *money, amounts),
            }
        }
        if !self.items.is_empty() || self.name.is_ecommerce() {
            obj.key("items");
            obj.out.push('[');
            for (i, item) in self.items.iter().enumerate() {
                if i > 0 {
                    obj.out.push(',');
                }
                write_item(obj.out, item, amounts);
            }
            obj.out.push(']');
        }
        obj.close();
    }
}

/// The cart's discount codes, comma-separated, when it has any.
pub fn coupon_of(cart: &Cart) -> Option<String> {
    (!cart.discounts.is_empty()).then(|| {
        cart.discounts
            .iter()
            .map(|d| d.code.as_str())
            .collect::<Vec<_>>()
            .join(",")
    })
}

/// How the cart changed between two answers of the backend: what was added and what was taken
/// out, per variant, at the newer answer's prices (the older one's for lines now gone). Lines
/// whose quantity did not change are not mentioned.
pub fn cart_changes(before: Option<&Cart>, after: &Cart) -> (Vec<Item>, Vec<Item>) {
    let mut added = Vec::new();
    let mut removed = Vec::new();
    let held = |cart: Option<&Cart>, line: &CartLine| {
        cart.and_then(|c| c.lines.iter().find(|l| l.variant_id == line.variant_id))
            .map_or(0, |l| l.quantity)
    };
    for line in &after.lines {
        let was = held(before, line);
        if line.quantity > was {
            added.push(Item {
                quantity: line.quantity - was,
                ..Item::from_line(line)
            });
        } else if line.quantity < was {
            removed.push(Item {
                quantity: was - line.quantity,
                ..Item::from_line(line)
            });
        }
    }
    for line in before.iter().flat_map(|c| &c.lines) {
        if held(Some(after), line) == 0 && line.quantity > 0 {
            removed.push(Item::from_line(line));
        }
    }
    (added, removed)
}

#[derive(Clone, Copy)]
enum Amounts {
    Exact,
    Numbers,
}

fn write_item(out: &mut String, item: &Item, amounts: Amounts) {
    let mut obj = Object::open(out);
    obj.key("item_id");
    push_str(obj.out, &item.item_id);
    obj.key("item_name");
    push_str(obj.out, &item.item_name);
    for (key, value) in [
        ("item_variant", &item.item_variant),
        ("item_brand", &item.item_brand),
        ("item_category", &item.item_category),
        ("item_list_id", &item.item_list_id),
        ("item_list_name", &item.item_list_name),
        ("coupon", &item.coupon),
    ] {
        if let Some(value) = value {
            obj.key(key);
            push_str(obj.out, value);
        }
    }
    if let Some(index) = item.index {
        obj.key("index");
        obj.out.push_str(&index.to_string());
    }
    obj.key("price");
    push_money(obj.out, item.price, amounts);
    if let Some(discount) = item.discount {
        obj.key("discount");
        push_money(obj.out, discount, amounts);
    }
    obj.key("quantity");
    obj.out.push_str(&item.quantity.to_string());
    obj.close();
}

/// A JSON object being written: commas between members.
struct Object<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Object<'a> {
    fn open(out: &'a mut String) -> Object<'a> {
        out.push('{');
        Object { out, first: true }
    }

    fn key(&mut self, key: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        push_str(self.out, key);
        self.out.push(':');
    }

    fn close(self) {
        self.out.push('}');
    }
}

/// A JSON string literal.
fn push_str(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // `<` too, so the text can never close a `<script>` it is embedded in.
            c if (c as u32) < 0x20 || c == '<' || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn push_money(out: &mut String, money: Money, amounts: Amounts) {
    match amounts {
        Amounts::Exact => push_str(out, &money.to_decimal_string()),
        // The decimal text is a valid JSON number: the reader parses it, nothing here rounds.
        Amounts::Numbers => out.push_str(&money.to_decimal_string()),
    }
}
