//! Renders one page of the storefront to HTML with Leptos natively, in passes: each pass
//! records the catalog answers it lacked, they are fetched through the backend, and the next
//! pass renders with them.

use std::collections::BTreeMap;
use std::rc::Rc;

use dhow_app::format::{self, Formatted};
use dhow_app::head::{HeadContext, HeadTag};
use dhow_app::i18n::{Translations, provide_i18n_with};
use dhow_app::snapshot::{Answers, SnapshotContext};
use dhow_app::store::Store;
use dhow_app::{ShopperPageShell, Storefront};
use leptos::prelude::*;
use leptos_router::location::RequestUrl;

/// A page's rendering: the app's HTML, its head, and the answers it was rendered from.
pub struct RenderedPage {
    /// What goes inside `#dhow-root`.
    pub body: String,
    /// The tags of the page's `<head>`.
    pub head: Vec<HeadTag>,
    /// Every catalog answer the page used, by key.
    pub answers: Answers,
    /// The money and names it formatted in its locale.
    pub formatted: Formatted,
}

/// How many passes a page may take: each adds the answers the previous one lacked (a page
/// whose content depends on an answer that depends on another needs more than two).
const MAX_PASSES: usize = 4;

/// Renders the page at `url` in the language of `translations` (locale, Fluent source).
/// `shell`: a per-shopper page, rendered as header and footer around a loading state, with the
/// title of that message id.
pub async fn render(
    store: &Rc<Store>,
    translations: &(String, String),
    url: &str,
    shell: Option<&'static str>,
) -> Result<RenderedPage, String> {
    let mut answers = BTreeMap::new();
    for _ in 0..MAX_PASSES {
        let (page, pending) = render_pass(store, translations, url, shell, answers);
        if pending.is_empty() {
            return Ok(page);
        }
        answers = page.answers;
        for (key, fetch) in pending {
            let value = fetch()
                .await
                .map_err(|error| format!("{url}: reading the catalog failed ({key}): {error}"))?;
            answers.insert(key, value);
        }
    }
    Err(format!(
        "{url}: still missing catalog answers after {MAX_PASSES} passes"
    ))
}

fn render_pass(
    store: &Rc<Store>,
    (locale, source): &(String, String),
    url: &str,
    shell: Option<&'static str>,
    answers: Answers,
) -> (RenderedPage, Vec<dhow_app::snapshot::PendingAnswer>) {
    let owner = Owner::new_root(None);
    let result = owner.with(|| {
        provide_context(RequestUrl::new(url));
        let snapshot = SnapshotContext::provide_recording(answers);
        let head = HeadContext::provide();
        provide_i18n_with(Translations::new(locale, source));
        if let Some(title) = shell {
            provide_context(ShopperPageShell { title });
        }
        let store = store.clone();
        format::start_recording(locale);
        let body = view! { <Storefront store=store/> }.to_html();
        let page = RenderedPage {
            body,
            head: head.tags(),
            answers: snapshot.answers(),
            formatted: format::take_recorded(),
        };
        (page, snapshot.take_pending())
    });
    owner.cleanup();
    result
}
