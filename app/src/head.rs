//! What search engines and link previews read of a page: title, description, canonical URL,
//! the same page in every market (`hreflang`), Open Graph and Twitter card tags, and JSON-LD.
//!
//! Pages describe themselves with [`use_page_meta`]. At build time the prerender writes the
//! tags into the page's `<head>`; in the browser they are kept true for whatever page the app
//! shows, as it navigates and as the market changes.

use std::sync::Arc;

use dhow_sdk::model::Image;
use dhow_sdk::{Market, StoreConfig};
use leptos::prelude::*;
use serde_json::{Value, json};

use crate::hooks::use_market;
use crate::store::use_store;

/// What a page says about itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageMeta {
    /// The page's own title; the store's name is added after it (`Linen shirt · Dhow Goods`).
    /// Empty: the store's name alone.
    pub title: String,
    /// One or two sentences for search results and link previews.
    pub description: String,
    /// The image a link preview shows.
    pub image: Option<Image>,
    /// Open Graph type: `website`, or `product` for a product page.
    pub kind: &'static str,
    /// JSON-LD objects (schema.org), each written as one `application/ld+json` block.
    pub structured_data: Vec<Value>,
    /// Whether search engines should index the page (not for the not-found page, search
    /// results or per-shopper pages).
    pub indexable: bool,
}

/// One tag of the page's `<head>`: its name, attributes and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadTag {
    /// `title`, `meta`, `link` or `script`.
    pub name: &'static str,
    /// Attributes in order.
    pub attributes: Vec<(&'static str, String)>,
    /// Text content (the title, a JSON-LD block).
    pub text: Option<String>,
}

impl HeadTag {
    fn meta(key: &'static str, name: &str, content: &str) -> HeadTag {
        HeadTag {
            name: "meta",
            attributes: vec![(key, name.to_owned()), ("content", content.to_owned())],
            text: None,
        }
    }

    fn link(rel: &str, href: String, hreflang: Option<String>) -> HeadTag {
        let mut attributes = vec![("rel", rel.to_owned())];
        if let Some(lang) = hreflang {
            attributes.push(("hreflang", lang));
        }
        attributes.push(("href", href));
        HeadTag {
            name: "link",
            attributes,
            text: None,
        }
    }

    /// The tag as HTML, every attribute and text escaped (marked `data-dhow-head`, so the app
    /// can replace exactly these).
    pub fn to_html(&self) -> String {
        let mut html = format!("<{} data-dhow-head", self.name);
        for (key, value) in &self.attributes {
            html.push_str(&format!(" {key}=\"{}\"", escape_attribute(value)));
        }
        html.push('>');
        if let Some(text) = &self.text {
            if self.name == "script" {
                html.push_str(&script_safe(text));
            } else {
                html.push_str(&escape_text(text));
            }
        }
        if self.name == "title" || self.name == "script" {
            html.push_str(&format!("</{}>", self.name));
        }
        html
    }
}

/// The `hreflang` of a market: its language with its country (`de-CH`, `en-GB`), so markets
/// that share a language are told apart.
pub fn hreflang(market: &Market) -> String {
    let language = market.locale.split('-').next().unwrap_or(&market.locale);
    format!("{language}-{}", market.country.as_str())
}

/// The path of `rest` (`/products/x`) in `market`: the default market has plain paths.
pub fn market_path(config: &StoreConfig, market: &Market, rest: &str) -> String {
    if market.id == config.default_market {
        rest.to_owned()
    } else if rest == "/" {
        format!("/{}/", market.id)
    } else {
        format!("/{}{rest}", market.id)
    }
}

/// The storefront's public address without a trailing slash (`https://goods.example`), for
/// absolute links; empty when the configuration names none (links are then relative).
pub fn site_url(config: &StoreConfig) -> String {
    config
        .url
        .as_deref()
        .unwrap_or("")
        .trim_end_matches('/')
        .to_owned()
}

/// An absolute URL for a path or a URL of the catalog (images may live on another host).
pub fn absolute(config: &StoreConfig, path: &str) -> String {
    if path.starts_with("http://") || path.starts_with("https://") {
        path.to_owned()
    } else {
        format!("{}{path}", site_url(config))
    }
}

/// Every tag of the `<head>` of the page at `rest` (the path without the market prefix) in
/// `market`.
pub fn head_tags(
    config: &StoreConfig,
    market: &Market,
    rest: &str,
    meta: &PageMeta,
) -> Vec<HeadTag> {
    let title = if meta.title.is_empty() {
        config.name.clone()
    } else {
        format!("{} · {}", meta.title, config.name)
    };
    let url = absolute(config, &market_path(config, market, rest));
    let mut tags = vec![
        HeadTag {
            name: "title",
            attributes: Vec::new(),
            text: Some(title.clone()),
        },
        HeadTag::meta("name", "description", &meta.description),
    ];
    if meta.indexable {
        tags.push(HeadTag::link("canonical", url.clone(), None));
        for other in &config.markets {
            let href = absolute(config, &market_path(config, other, rest));
            tags.push(HeadTag::link("alternate", href, Some(hreflang(other))));
        }
        if let Ok(default) = config.default_market() {
            let href = absolute(config, &market_path(config, default, rest));
            tags.push(HeadTag::link(
                "alternate",
                href,
                Some("x-default".to_owned()),
            ));
        }
    } else {
        tags.push(HeadTag::meta("name", "robots", "noindex"));
    }
    let kind = if meta.kind.is_empty() {
        "website"
    } else {
        meta.kind
    };
    tags.extend([
        HeadTag::meta("property", "og:type", kind),
        HeadTag::meta("property", "og:title", &title),
        HeadTag::meta("property", "og:description", &meta.description),
        HeadTag::meta("property", "og:url", &url),
        HeadTag::meta("property", "og:site_name", &config.name),
        HeadTag::meta("property", "og:locale", &market.locale.replace('-', "_")),
    ]);
    let card = if meta.image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    tags.extend([
        HeadTag::meta("name", "twitter:card", card),
        HeadTag::meta("name", "twitter:title", &title),
        HeadTag::meta("name", "twitter:description", &meta.description),
    ]);
    if let Some(image) = &meta.image {
        let src = absolute(config, &image.url);
        tags.push(HeadTag::meta("property", "og:image", &src));
        if let (Some(w), Some(h)) = (image.width, image.height) {
            tags.push(HeadTag::meta("property", "og:image:width", &w.to_string()));
            tags.push(HeadTag::meta("property", "og:image:height", &h.to_string()));
        }
        tags.push(HeadTag::meta("property", "og:image:alt", &image.alt));
        tags.push(HeadTag::meta("name", "twitter:image", &src));
    }
    for data in &meta.structured_data {
        tags.push(HeadTag {
            name: "script",
            attributes: vec![("type", "application/ld+json".to_owned())],
            text: Some(data.to_string()),
        });
    }
    tags
}

/// A `BreadcrumbList` from (name, path) pairs, paths made absolute.
pub fn breadcrumbs(config: &StoreConfig, trail: &[(String, String)]) -> Value {
    let items: Vec<Value> = trail
        .iter()
        .enumerate()
        .map(|(i, (name, path))| {
            json!({
                "@type": "ListItem",
                "position": i + 1,
                "name": name,
                "item": absolute(config, path),
            })
        })
        .collect();
    json!({ "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items })
}

/// What the prerender reads back after rendering a page: the tags of its `<head>`.
#[derive(Clone, Copy)]
pub struct HeadContext {
    tags: StoredValue<Vec<HeadTag>>,
}

impl HeadContext {
    /// Collects the head of the page rendered below (build time).
    pub fn provide() -> HeadContext {
        let context = HeadContext {
            tags: StoredValue::new(Vec::new()),
        };
        provide_context(context);
        context
    }

    /// The tags the page described itself with.
    pub fn tags(&self) -> Vec<HeadTag> {
        self.tags.get_value()
    }
}

/// Describes the current page: `meta` is tracked, so a page whose product or market changes
/// describes the new one. The path and market come from the URL.
pub fn use_page_meta(meta: impl Fn() -> PageMeta + Send + Sync + 'static) {
    let store = use_store().store();
    let config = Arc::new(store.config.clone());
    let market = use_market();
    let location = leptos_router::hooks::use_location();
    let tags = {
        let config = config.clone();
        Memo::new(move |_| {
            let path = location.pathname.get();
            let market = market.market.get();
            let rest = crate::hooks::path_without_market(&path, &config.markets).to_owned();
            // The page's market with its own default language: hreflang names markets.
            head_tags(&config, &market, &rest, &meta())
        })
    };
    if let Some(head) = use_context::<HeadContext>() {
        head.tags.set_value(tags.get_untracked());
        return;
    }
    Effect::new(move |_| tags.with(|tags| apply(tags)));
}

/// Replaces the page's Dhow head tags with `tags` (browser only).
fn apply(tags: &[HeadTag]) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(head) = document.head() else {
            return;
        };
        if let Ok(old) = document.query_selector_all("[data-dhow-head]") {
            for i in 0..old.length() {
                if let Some(node) = old.item(i)
                    && let Some(parent) = node.parent_node()
                {
                    let _ = parent.remove_child(&node);
                }
            }
        }
        for tag in tags {
            let Ok(element) = document.create_element(tag.name) else {
                continue;
            };
            let _ = element.set_attribute("data-dhow-head", "");
            for (key, value) in &tag.attributes {
                let _ = element.set_attribute(key, value);
            }
            if let Some(text) = &tag.text {
                element.set_text_content(Some(text));
                if tag.name == "title" {
                    document.set_title(text);
                }
            }
            let _ = head.append_child(&element);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = tags;
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_attribute(text: &str) -> String {
    escape_text(text).replace('"', "&quot;")
}

/// JSON inside `<script>`: `<` written as its escape, so no `</script>` can end it early.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> StoreConfig {
        let mut config = StoreConfig::from_json(include_str!("../../public/dhow.json"))
            .expect("demo configuration");
        config.url = Some("https://goods.example/".to_owned());
        config
    }

    #[test]
    fn every_market_has_its_own_hreflang() {
        let config = config();
        let mut seen = std::collections::BTreeSet::new();
        for market in &config.markets {
            assert!(seen.insert(hreflang(market)), "{}", hreflang(market));
        }
        let gb = config.market("gb").expect("gb");
        assert_eq!(hreflang(gb), "en-GB");
    }

    #[test]
    fn alternates_name_the_same_page_in_every_market_and_a_default() {
        let config = config();
        let de = config.market("de").expect("de").clone();
        let meta = PageMeta {
            title: "Leinenhemd".into(),
            description: "Ein Hemd".into(),
            indexable: true,
            ..PageMeta::default()
        };
        let tags = head_tags(&config, &de, "/products/linen-shirt", &meta);
        let html: Vec<String> = tags.iter().map(HeadTag::to_html).collect();
        assert!(html.contains(
            &"<link data-dhow-head rel=\"canonical\" href=\"https://goods.example/de/products/linen-shirt\">"
                .to_owned()
        ));
        assert!(html.contains(
            &"<link data-dhow-head rel=\"alternate\" hreflang=\"x-default\" href=\"https://goods.example/products/linen-shirt\">"
                .to_owned()
        ));
        let alternates = tags
            .iter()
            .filter(|t| {
                t.attributes
                    .iter()
                    .any(|(k, v)| *k == "rel" && v == "alternate")
            })
            .count();
        assert_eq!(alternates, config.markets.len() + 1);
        assert_eq!(
            html[0],
            "<title data-dhow-head>Leinenhemd · Dhow Goods</title>"
        );
    }

    #[test]
    fn text_and_json_cannot_break_out_of_their_tags() {
        let tag = HeadTag {
            name: "script",
            attributes: vec![("type", "application/ld+json".into())],
            text: Some(r#"{"name":"</script><script>alert(1)</script>"}"#.into()),
        };
        assert!(!tag.to_html()[..tag.to_html().len() - 9].contains("</script>"));
        let meta = HeadTag::meta("name", "description", "\"><script>");
        assert_eq!(
            meta.to_html(),
            "<meta data-dhow-head name=\"description\" content=\"&quot;&gt;&lt;script&gt;\">"
        );
    }

    #[test]
    fn pages_not_to_index_say_so_and_have_no_alternates() {
        let config = config();
        let us = config.default_market().expect("us").clone();
        let tags = head_tags(&config, &us, "/search", &PageMeta::default());
        assert!(tags.iter().any(|t| t.to_html().contains("noindex")));
        assert!(!tags.iter().any(|t| t.to_html().contains("hreflang")));
    }
}
