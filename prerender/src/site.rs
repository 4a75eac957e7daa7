//! The whole site: which pages every market has, where each is written, the page around the
//! app's HTML (the shell Trunk built), and the sitemap and robots file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use dhow_app::head::{absolute, hreflang, market_path};
use dhow_app::i18n::{self, DEFAULT_LOCALE};
use dhow_app::snapshot::{CatalogSnapshot, SNAPSHOT_ELEMENT_ID, SNAPSHOT_VERSION};
use dhow_app::store::{Store, backend_fingerprint, file_error, open_store_reading};
use dhow_sdk::config::{BackendConfig, fill_placeholders};
use dhow_sdk::model::ProductQuery;
use dhow_sdk::{Backend, Market, StoreConfig};

use crate::Options;
use crate::pages::render;

/// What a run wrote.
pub struct Summary {
    /// Every HTML file.
    pub pages: usize,
    /// Pages listed in the sitemap (home, collections, products).
    pub indexable: usize,
    /// Markets rendered.
    pub markets: usize,
    /// Pages of the previous run removed because their page is gone from the catalog.
    pub removed: usize,
}

/// One page to write: its path without the market prefix and what kind it is.
#[derive(Clone, Debug, PartialEq, Eq)]
enum PageKind {
    /// Home, a collection or a product: in the sitemap, taken over by the app.
    Catalog,
    /// The search page's shell: results load in the browser.
    Search,
    /// The not-found page (`404.html`): what a host may serve for paths without a file.
    NotFound,
    /// Cart, checkout, order lookup: per shopper, rendered by the browser; with the message id
    /// of its title.
    ShopperPage(&'static str),
}

/// The file Trunk wrote, kept as the template of every page (the first run copies
/// `index.html` to it, before `index.html` becomes the home page).
const SHELL_FILE: &str = "shell.html";

/// The pages the last run wrote, one path per line relative to the site: a run removes those it
/// no longer writes (a product taken off the catalog loses its page when the prerender re-runs).
const PAGES_FILE: &str = "prerendered.txt";

/// Products asked per page when listing the whole catalog.
const LISTING_PAGE: u32 = 50;

pub async fn prerender(options: &Options) -> Result<Summary, String> {
    let config_text = std::fs::read_to_string(&options.config)
        .map_err(|e| format!("{}: {e}", options.config.display()))?;
    let config_text = expand_environment(&config_text)?;
    let mut config = StoreConfig::from_json(&config_text)
        .map_err(|e| format!("{}: {e}", options.config.display()))?;
    let unknown = unknown_fields(&config_text);
    if !unknown.is_empty() {
        return Err(format!(
            "{}: {} not a setting of the store (a misspelling?): the storefront would ignore {}",
            options.config.display(),
            unknown.join(", "),
            if unknown.len() == 1 { "it" } else { "them" }
        ));
    }
    if let Some(url) = &options.site_url {
        config.url = Some(url.clone());
    }
    let shell_path = options.dist.join(SHELL_FILE);
    if !shell_path.exists() {
        std::fs::copy(options.dist.join("index.html"), &shell_path)
            .map_err(|e| format!("{}: {e} (run trunk build first)", options.dist.display()))?;
    }
    // The local engine reads its catalog before the app can take a page over: fetched beside the
    // wasm. A network backend never reads that file, so its pages do not ask for it.
    let catalog = match &config.backend {
        BackendConfig::Local(local) => Some(local.catalog.clone()),
        _ => None,
    };
    let template = Template::read(&shell_path, catalog)?;
    let dist = options.dist.clone();
    let store = open_store_reading(config.clone(), move |url: &str| {
        let path = dist.join(url.trim_start_matches('/'));
        async move {
            std::fs::read_to_string(&path).map_err(|e| file_error(&path.display().to_string(), &e))
        }
    })
    .await
    .map_err(|e| format!("opening the backend: {e}"))?;
    let store = Rc::new(store);
    let fingerprint = backend_fingerprint(&config.backend);

    let chunks = ChunkFiles::read(&options.dist)?;
    let mut translations = BTreeMap::new();
    // Every file written, relative to the site (for the next run's clean-up).
    let mut files: BTreeSet<String> = BTreeSet::new();
    // Path without prefix → the markets it was written in (for the sitemap's alternates).
    let mut catalog_pages: BTreeMap<String, Vec<Market>> = BTreeMap::new();
    for market in &config.markets {
        let locale = market.locale.clone();
        if !translations.contains_key(&locale) {
            translations.insert(locale.clone(), locale_source(&options.dist, &locale)?);
        }
        let messages = &translations[&locale];
        for (rest, kind) in pages_of(&store, market).await? {
            let url = market_path(&config, market, &rest);
            let shell = match kind {
                PageKind::ShopperPage(title) => Some(title),
                _ => None,
            };
            let rendered = render(&store, messages, &url, shell).await?;
            let hydrate = matches!(kind, PageKind::Catalog | PageKind::Search);
            let snapshot = CatalogSnapshot {
                version: SNAPSHOT_VERSION,
                url: url.clone(),
                backend: fingerprint.clone(),
                locale: messages.0.clone(),
                hydrate,
                answers: if kind == PageKind::Catalog {
                    rendered.answers
                } else {
                    BTreeMap::new()
                },
                formatted: if hydrate {
                    rendered.formatted
                } else {
                    Default::default()
                },
            };
            let mut html = template.page(&rendered.body, &rendered.head, &snapshot);
            if let PageKind::ShopperPage(_) = kind {
                chunks.preload_into(&mut html, &rest);
            }
            let relative = file_for(&url);
            let file = options.dist.join(&relative);
            if let Some(dir) = file.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            std::fs::write(&file, html).map_err(|e| format!("{}: {e}", file.display()))?;
            files.insert(relative.to_string_lossy().into_owned());
            if kind == PageKind::Catalog {
                catalog_pages.entry(rest).or_default().push(market.clone());
            }
        }
    }
    let indexable = catalog_pages.values().map(Vec::len).sum();
    write(
        &options.dist.join("sitemap.xml"),
        &sitemap(&config, &catalog_pages),
    )?;
    write(&options.dist.join("robots.txt"), &robots(&config))?;
    let removed = remove_stale_pages(&options.dist, &files)?;
    Ok(Summary {
        pages: files.len(),
        removed,
        indexable,
        markets: config.markets.len(),
    })
}

/// The wasm chunks of the storefront (`wasm-chunks.json`, written by `scripts/split-wasm.mjs`):
/// which files each needs. A per-shopper page that lives in a chunk preloads them beside the main
/// module, so a deep link to the checkout does not wait for the main module to ask for them.
struct ChunkFiles(BTreeMap<String, Vec<String>>);

impl ChunkFiles {
    const FILE: &str = "wasm-chunks.json";

    /// No file (a build without split points): nothing to preload.
    fn read(dist: &Path) -> Result<Self, String> {
        let path = dist.join(Self::FILE);
        if !path.exists() {
            return Ok(Self(BTreeMap::new()));
        }
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let invalid = |what: &str| format!("{}: {what}", path.display());
        let manifest: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| invalid(&e.to_string()))?;
        let chunks = manifest
            .get("chunks")
            .and_then(|c| c.as_object())
            .ok_or_else(|| invalid("no `chunks` object"))?;
        let mut files = BTreeMap::new();
        for (name, list) in chunks {
            let list = list
                .as_array()
                .and_then(|l| l.iter().map(|f| f.as_str().map(str::to_owned)).collect())
                .ok_or_else(|| invalid(&format!("`chunks.{name}` is not a list of file names")))?;
            files.insert(name.clone(), list);
        }
        Ok(Self(files))
    }

    /// Adds the preloads of the chunk `path` (without the market prefix) lives in, if any.
    fn preload_into(&self, html: &mut String, path: &str) {
        let chunk = match path {
            "/cart" => "cart",
            "/checkout" => "checkout",
            "/orders" => "orders",
            _ => return,
        };
        let Some(files) = self.0.get(chunk) else {
            return;
        };
        let links: String = files
            .iter()
            .map(|file| {
                format!(
                    "<link rel=\"preload\" href=\"/{file}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\">"
                )
            })
            .collect();
        if let Some(at) = html.find("</head>") {
            html.insert_str(at, &links);
        }
    }
}

/// Removes the pages the previous run wrote and this one did not, and records this run's.
/// `index.html` is never left missing: it is the fallback for every unknown path.
fn remove_stale_pages(dist: &Path, files: &BTreeSet<String>) -> Result<usize, String> {
    let list = dist.join(PAGES_FILE);
    let previous = std::fs::read_to_string(&list).unwrap_or_default();
    let mut removed = 0;
    for stale in previous
        .lines()
        .filter(|f| !f.is_empty() && !files.contains(*f))
    {
        // Only paths this program writes: relative, inside the site, ending in .html.
        let path = Path::new(stale);
        if path.is_absolute()
            || path
                .components()
                .any(|c| !matches!(c, std::path::Component::Normal(_)))
            || path.extension().is_none_or(|e| e != "html")
        {
            continue;
        }
        let file = dist.join(path);
        if stale == "index.html" {
            std::fs::copy(dist.join(SHELL_FILE), &file)
                .map_err(|e| format!("{}: {e}", file.display()))?;
            continue;
        }
        if std::fs::remove_file(&file).is_ok() {
            removed += 1;
            // Directories left empty go too (an error means not empty, or already gone).
            let mut dir = file.parent();
            while let Some(d) = dir.filter(|d| *d != dist) {
                if std::fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
    }
    let mut text: String = files.iter().map(|f| format!("{f}\n")).collect();
    if text.is_empty() {
        text.push('\n');
    }
    write(&list, &text)?;
    Ok(removed)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The locale a market's pages are written in and its Fluent source, from the built site
/// (`locales/<tag>/main.ftl`, as the browser loads it). A market speaking a language the
/// storefront does not ship shows the default one, as the browser does.
fn locale_source(dist: &Path, locale: &str) -> Result<(String, String), String> {
    let shown = if i18n::LOCALES.iter().any(|(tag, _)| *tag == locale) {
        locale
    } else {
        DEFAULT_LOCALE
    };
    let path = dist.join("locales").join(shown).join("main.ftl");
    let source = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((shown.to_owned(), source))
}

/// Every page of a market: home, each collection, each product, search, not-found, and the
/// per-shopper pages.
async fn pages_of(store: &Rc<Store>, market: &Market) -> Result<Vec<(String, PageKind)>, String> {
    let mut pages = vec![("/".to_owned(), PageKind::Catalog)];
    let collections = store
        .backend
        .collections(market)
        .await
        .map_err(|e| format!("market {}: collections: {e}", market.id))?;
    for collection in collections {
        if let Some(handle) = url_safe(&collection.handle) {
            pages.push((format!("/collections/{handle}"), PageKind::Catalog));
        }
    }
    let mut page = 0;
    loop {
        let query = ProductQuery {
            page,
            per_page: LISTING_PAGE,
            ..ProductQuery::default()
        };
        let found = store
            .backend
            .products(market, &query)
            .await
            .map_err(|e| format!("market {}: products: {e}", market.id))?;
        for product in &found.products {
            match url_safe(&product.handle) {
                Some(handle) => pages.push((format!("/products/{handle}"), PageKind::Catalog)),
                None => eprintln!(
                    "dhow-prerender: skipped product handle {:?} (not URL-safe)",
                    product.handle
                ),
            }
        }
        page += 1;
        if found.products.is_empty()
            || u64::from(page) * u64::from(LISTING_PAGE) >= u64::from(found.total)
        {
            break;
        }
    }
    pages.push(("/search".to_owned(), PageKind::Search));
    pages.push(("/404".to_owned(), PageKind::NotFound));
    for (shopper, title) in [
        ("/cart", "cart-title"),
        ("/checkout", "checkout-title"),
        ("/orders", "order-lookup-title"),
    ] {
        pages.push((shopper.to_owned(), PageKind::ShopperPage(title)));
    }
    Ok(pages)
}

/// A handle usable as a file name and path segment as it is: ASCII letters, digits, `-`, `_`,
/// `.` (not only dots).
fn url_safe(handle: &str) -> Option<&str> {
    let ok = !handle.is_empty()
        && !handle.bytes().all(|b| b == b'.')
        && handle
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    ok.then_some(handle)
}

/// The file a URL path is written to: `/` → `index.html`, `/de/` → `de/index.html`,
/// `/de/products/x` → `de/products/x.html`, `/404` → `404.html`.
fn file_for(url: &str) -> PathBuf {
    let trimmed = url.trim_start_matches('/');
    if trimmed.is_empty() {
        PathBuf::from("index.html")
    } else if let Some(dir) = trimmed.strip_suffix('/') {
        Path::new(dir).join("index.html")
    } else {
        PathBuf::from(format!("{trimmed}.html"))
    }
}

/// The fields of a store configuration that no setting reads, as paths (`image_host`,
/// `backend.urll`, `markets.2.langauges`). The browser skips what it does not know, so the build
/// is where a misspelt setting is caught. Keys starting with `$` (`$schema`, `$comment`) are
/// notes for people and editors, not settings.
fn unknown_fields(text: &str) -> Vec<String> {
    let mut unknown = Vec::new();
    let mut reader = serde_json::Deserializer::from_str(text);
    let _: Result<StoreConfig, _> = serde_ignored::deserialize(&mut reader, |path| {
        let path = path.to_string();
        if !path
            .rsplit('.')
            .next()
            .is_some_and(|key| key.starts_with('$'))
        {
            unknown.push(path);
        }
    });
    unknown
}

/// `${NAME}` in the configuration, filled from the environment (a brand's CI keeps its keys
/// there): an unset name is an error, not an empty value.
fn expand_environment(text: &str) -> Result<String, String> {
    fill_placeholders(text, |name| std::env::var(name).ok()).map_err(|e| e.to_string())
}

/// The page Trunk built, cut where each page's own parts go.
struct Template {
    /// What comes before `<html>` (the doctype).
    doctype: String,
    /// What `<head>` holds up to `</head>`, without the shell's own title and description.
    head: String,
    /// From `</head>` up to and including `<div id="dhow-root">`.
    before_root: String,
    /// From the root's closing tag up to `</body>`.
    after_root: String,
    /// `</body>` and the rest.
    end: String,
    /// The local engine's catalog file, preloaded by every page; none for a network backend.
    catalog: Option<String>,
}

const ROOT_OPEN: &str = "<div id=\"dhow-root\">";
const ROOT_END_MARK: &str = "<!--/dhow-root-->";

impl Template {
    fn read(path: &Path, catalog: Option<String>) -> Result<Template, String> {
        let html = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let missing =
            |what: &str| format!("{}: no {what} (app/index.html changed?)", path.display());
        let html_open = html.find("<html").ok_or_else(|| missing("<html"))?;
        let html_tag_end = html_open
            + html[html_open..]
                .find('>')
                .ok_or_else(|| missing("<html>"))?;
        let head_end = html.find("</head>").ok_or_else(|| missing("</head>"))?;
        let root = html.find(ROOT_OPEN).ok_or_else(|| missing(ROOT_OPEN))?;
        let root_end = html
            .find(ROOT_END_MARK)
            .ok_or_else(|| missing(ROOT_END_MARK))?;
        let body_end = html.rfind("</body>").ok_or_else(|| missing("</body>"))?;
        let mut head = html[html_tag_end + 1..head_end].to_owned();
        for (open, close) in [("<title>", "</title>"), ("<meta name=\"description\"", ">")] {
            if let Some(start) = head.find(open)
                && let Some(len) = head[start..].find(close)
            {
                head.replace_range(start..start + len + close.len(), "");
            }
        }
        Ok(Template {
            doctype: html[..html_open].to_owned(),
            head,
            before_root: html[head_end..root + ROOT_OPEN.len()].to_owned(),
            after_root: html[root_end..body_end].to_owned(),
            end: html[body_end..].to_owned(),
            catalog,
        })
    }

    fn page(
        &self,
        body: &str,
        head: &[dhow_app::head::HeadTag],
        snapshot: &CatalogSnapshot,
    ) -> String {
        let locale = &snapshot.locale;
        let dir = if i18n::is_rtl(locale) { "rtl" } else { "ltr" };
        let mut html = String::with_capacity(body.len() + 16 * 1024);
        html.push_str(&self.doctype);
        html.push_str(&format!("<html lang=\"{locale}\" dir=\"{dir}\">"));
        html.push_str(&self.head);
        if let Some(catalog) = &self.catalog {
            html.push_str(&format!(
                "<link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\">",
                xml_escape(catalog)
            ));
        }
        if locale != DEFAULT_LOCALE {
            // The app needs the page's messages before it can take the page over.
            html.push_str(&format!(
                "<link rel=\"preload\" href=\"/locales/{locale}/main.ftl\" as=\"fetch\" crossorigin=\"anonymous\">"
            ));
        }
        for tag in head {
            html.push_str(&tag.to_html());
        }
        html.push_str(&self.before_root);
        html.push_str(body);
        html.push_str(&self.after_root);
        html.push_str(&format!(
            "<script type=\"application/json\" id=\"{SNAPSHOT_ELEMENT_ID}\">{}</script>",
            snapshot.to_script_json()
        ));
        html.push_str(&self.end);
        html
    }
}

/// Every catalog page of every market, each with its alternates in the other markets.
fn sitemap(config: &StoreConfig, pages: &BTreeMap<String, Vec<Market>>) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let default = config.default_market().ok();
    for (rest, markets) in pages {
        for market in markets {
            xml.push_str("  <url>\n");
            xml.push_str(&format!(
                "    <loc>{}</loc>\n",
                xml_escape(&absolute(config, &market_path(config, market, rest)))
            ));
            for other in markets {
                xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    hreflang(other),
                    xml_escape(&absolute(config, &market_path(config, other, rest)))
                ));
            }
            if let Some(default) = default.filter(|d| markets.iter().any(|m| m.id == d.id)) {
                xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n",
                    xml_escape(&absolute(config, &market_path(config, default, rest)))
                ));
            }
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

fn robots(config: &StoreConfig) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    for market in &config.markets {
        for private in ["/cart", "/checkout", "/orders", "/account"] {
            text.push_str(&format!(
                "Disallow: {}\n",
                market_path(config, market, private)
            ));
        }
    }
    text.push_str(&format!(
        "\nSitemap: {}\n",
        absolute(config, "/sitemap.xml")
    ));
    text
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_setting_no_field_reads_is_named() {
        // The configurations this repository ships and tests with.
        for file in [
            "public/dhow.json",
            "e2e/config/medusa.json",
            "e2e/config/vendure.json",
        ] {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(file);
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(unknown_fields(&text), Vec::<String>::new(), "{file}");
        }
        let config = |extra: &str, backend_extra: &str, market_extra: &str| {
            format!(
                r#"{{ "name": "Goods", {extra}
                  "backend": {{ "kind": "local", "catalog": "/catalog.json" {backend_extra} }},
                  "default_market": "us",
                  "markets": [{{ "id": "us", "country": "US", "locale": "en-US", "currency": "USD",
                                "tax_display": "exclusive", "duty_terms": "paid_at_checkout" {market_extra} }}] }}"#
            )
        };
        assert_eq!(unknown_fields(&config("", "", "")), Vec::<String>::new());
        assert_eq!(
            unknown_fields(&config(r#""image_host": ["https://cdn.example"],"#, "", "")),
            ["image_host"]
        );
        assert_eq!(
            unknown_fields(&config(
                "",
                r#", "urll": "x""#,
                r#", "langauges": ["de-DE"]"#
            )),
            ["backend.urll", "markets.0.langauges"]
        );
        // Notes for people and editors are not settings.
        assert_eq!(
            unknown_fields(&config(
                r#""$schema": "dhow.schema.json", "$comment": "x","#,
                "",
                ""
            )),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_rerun_removes_the_pages_it_no_longer_writes_and_nothing_else() {
        let dist = std::env::temp_dir().join(format!("dhow-prerender-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(dist.join("de/products")).unwrap();
        for file in [
            "shell.html",
            "index.html",
            "app.wasm",
            "de/products/a.html",
            "de/products/b.html",
        ] {
            std::fs::write(dist.join(file), file).unwrap();
        }
        let set = |files: &[&str]| {
            files
                .iter()
                .map(|f| (*f).to_owned())
                .collect::<BTreeSet<_>>()
        };
        let first = set(&["index.html", "de/products/a.html", "de/products/b.html"]);
        assert_eq!(remove_stale_pages(&dist, &first).unwrap(), 0);
        // The next run no longer has product b, nor any German page at all after that.
        assert_eq!(
            remove_stale_pages(&dist, &set(&["index.html", "de/products/a.html"])).unwrap(),
            1
        );
        assert!(!dist.join("de/products/b.html").exists());
        assert!(dist.join("de/products/a.html").exists());
        std::fs::write(
            dist.join(PAGES_FILE),
            "de/products/a.html\n../outside.html\napp.wasm\nindex.html\n",
        )
        .unwrap();
        assert_eq!(remove_stale_pages(&dist, &set(&[])).unwrap(), 1);
        assert!(!dist.join("de").exists(), "empty directories go too");
        // What it did not write stays, and the fallback page is the shell again.
        assert!(dist.join("app.wasm").exists());
        assert_eq!(
            std::fs::read_to_string(dist.join("index.html")).unwrap(),
            "shell.html"
        );
        std::fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn pages_map_to_files_any_static_host_serves() {
        assert_eq!(file_for("/"), PathBuf::from("index.html"));
        assert_eq!(file_for("/de/"), PathBuf::from("de/index.html"));
        assert_eq!(
            file_for("/de/products/x"),
            PathBuf::from("de/products/x.html")
        );
        assert_eq!(file_for("/products/x"), PathBuf::from("products/x.html"));
        assert_eq!(file_for("/404"), PathBuf::from("404.html"));
    }

    #[test]
    fn handles_that_are_not_url_safe_are_skipped() {
        assert_eq!(url_safe("linen-shirt"), Some("linen-shirt"));
        for bad in ["", "..", "a/b", "ü", "a b", "x?y"] {
            assert_eq!(url_safe(bad), None, "{bad}");
        }
    }

    #[test]
    fn configuration_placeholders_come_from_the_environment() {
        // SAFETY: tests in this module do not read this variable concurrently.
        unsafe { std::env::set_var("DHOW_PRERENDER_TEST_KEY", "pk_123") };
        assert_eq!(
            expand_environment("{\"k\": \"${DHOW_PRERENDER_TEST_KEY}\"}").as_deref(),
            Ok("{\"k\": \"pk_123\"}")
        );
        assert!(expand_environment("${DHOW_PRERENDER_UNSET_NAME}").is_err());
        assert!(expand_environment("${unclosed").is_err());
    }
}
