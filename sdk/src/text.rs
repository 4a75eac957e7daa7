//! Backend rich text as the plain paragraphs the model promises (`Product::description`): the
//! storefront renders text, never a backend's markup. Written once for every adapter. And case
//! folding for comparing what shoppers type with catalog text.

/// Tags that end a paragraph: their start or end becomes a blank line.
const BLOCKS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "blockquote",
    "section",
    "article",
    "hr",
];

/// Tags whose content is code, not text: dropped with them.
const HIDDEN: &[&str] = &["script", "style"];

/// HTML (or plain text) as paragraphs separated by blank lines: block tags end paragraphs, other
/// tags disappear, `<script>`/`<style>` content and comments are dropped, entities are decoded
/// (the named ones an editor writes and every numeric one), and whitespace is collapsed. A `<`
/// that starts no tag (`a < b`) is text. Hand-written: an HTML parser would weigh more than an
/// adapter, and descriptions need no more than this.
///
/// ```
/// use dhow_sdk::text::plain_text;
///
/// assert_eq!(
///     plain_text("<p>Soft <b>merino</b> &amp; silk.</p><p>Hand wash.</p>"),
///     "Soft merino & silk.\n\nHand wash."
/// );
/// assert_eq!(plain_text("sizes 1 < 2 > 0"), "sizes 1 < 2 > 0");
/// ```
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let (text, from_tag) = rest.split_at(start);
        out.push_str(text);
        let Some((name, after)) = tag(from_tag) else {
            // Not a tag: the `<` is text.
            out.push('<');
            rest = &from_tag[1..];
            continue;
        };
        rest = after;
        if BLOCKS.contains(&name.as_str()) {
            out.push_str("\n\n");
        } else if HIDDEN.contains(&name.as_str()) {
            let close = format!("</{name}");
            rest = match find_ignoring_case(rest, &close) {
                Some(at) => tag(&rest[at..]).map_or("", |(_, after)| after),
                None => "",
            };
        }
    }
    out.push_str(rest);
    decode_entities(&out)
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The tag at the start of `text` (which starts with `<`): its lowercase name (empty for
/// comments and declarations) and the text after it; `None` when this `<` starts no tag.
fn tag(text: &str) -> Option<(String, &str)> {
    let inner = &text[1..];
    if let Some(comment) = inner.strip_prefix("!--") {
        let end = comment.find("-->").map_or(comment.len(), |at| at + 3);
        return Some((String::new(), &comment[end..]));
    }
    let first = inner.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '/' || first == '!') {
        return None;
    }
    let end = inner.find('>')?;
    let name = inner[..end]
        .trim_start_matches(['/', '!'])
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    Some((name, &inner[end + 1..]))
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack.char_indices().map(|(at, _)| at).find(|&at| {
        haystack
            .get(at..at + needle.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(needle))
    })
}

/// Decodes `&name;` for the entities editors write and every `&#NN;` / `&#xHH;`; anything else
/// stays as written.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let decoded = after
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| entity(&after[..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace());
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "eacute" => 'é',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "times" => '×',
        _ => return None,
    })
}

/// `text` in lower case, by Unicode's default rules (`Straße` → `straße`, `ΟΔΟΣ` → `οδος`).
/// Every case-insensitive comparison in the SDK goes through here: in the browser, text that is
/// not ASCII is lower-cased by the browser's own `toLowerCase` (the same rules), which keeps
/// Unicode's case tables out of the wasm.
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    return js_sys::JsString::from(text).to_lower_case().into();
    #[cfg(not(target_arch = "wasm32"))]
    text.to_lowercase()
}

/// `text` in upper case, by Unicode's default rules (`straße` → `STRASSE`); see [`lowercase`].
pub fn uppercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_uppercase();
    }
    #[cfg(target_arch = "wasm32")]
    return js_sys::JsString::from(text).to_upper_case().into();
    #[cfg(not(target_arch = "wasm32"))]
    text.to_uppercase()
}

/// Whether `a` and `b` are the same text but for case, comparing as [`lowercase`] does; ASCII
/// text (most of it) is compared without allocating.
pub fn eq_ignore_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    lowercase(a) == lowercase(b)
}

#[cfg(test)]
mod tests {
    use super::{eq_ignore_case, lowercase, plain_text, uppercase};

    #[test]
    fn case_follows_unicode_default_rules() {
        assert_eq!(lowercase("Merino CREW"), "merino crew");
        assert_eq!(lowercase("STRASSE Über"), "strasse über");
        // Final sigma: the word-final capital sigma lowers to ς.
        assert_eq!(lowercase("ΟΔΟΣ ΟΔΟΣ"), "οδος οδος");
        assert_eq!(lowercase("İstanbul"), "i\u{307}stanbul");
        assert_eq!(uppercase("straße"), "STRASSE");
        assert_eq!(uppercase("ab-12 ç"), "AB-12 Ç");
        assert!(eq_ignore_case("São Paulo", "SÃO PAULO"));
        assert!(eq_ignore_case("SAVE10", "save10"));
        assert!(!eq_ignore_case("SAVE10", "save1"));
        assert!(!eq_ignore_case("Øre", "ore"));
    }

    #[test]
    fn block_tags_make_paragraphs_and_inline_tags_disappear() {
        assert_eq!(
            plain_text("<h2>Care</h2><ul><li>Cold wash</li><li>Dry <em>flat</em></li></ul>"),
            "Care\n\nCold wash\n\nDry flat"
        );
        assert_eq!(plain_text("one<br>two<br/>three"), "one\n\ntwo\n\nthree");
        assert_eq!(plain_text("<DIV CLASS=\"x\">Up</DIV>"), "Up");
    }

    #[test]
    fn entities_are_decoded_once() {
        assert_eq!(
            plain_text("Fish &amp; chips &lt;b&gt; &#233;t&eacute; &#x2014; 5&nbsp;cm"),
            "Fish & chips <b> été — 5 cm"
        );
        // Decoded text is never read as markup again, and unknown entities stay.
        assert_eq!(
            plain_text("&amp;lt; &bogus; & alone"),
            "&lt; &bogus; & alone"
        );
        assert_eq!(
            plain_text("&#0; &#xD800; &#99999999;"),
            "&#0; &#xD800; &#99999999;"
        );
    }

    #[test]
    fn a_lone_angle_bracket_is_text() {
        assert_eq!(plain_text("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
        assert_eq!(plain_text("a <b"), "a <b");
        assert_eq!(plain_text("<"), "<");
    }

    #[test]
    fn code_and_comments_are_dropped() {
        assert_eq!(
            plain_text("<p>Hi<script>alert(1)</script> there<style>p{}</STYLE></p>"),
            "Hi there"
        );
        assert_eq!(plain_text("a<!-- <p>note</p> -->b"), "ab");
        assert_eq!(plain_text("a<script>never closed"), "a");
        assert_eq!(plain_text("a<!-- never closed"), "a");
    }

    #[test]
    fn whitespace_collapses_and_empty_paragraphs_go() {
        assert_eq!(
            plain_text("  <p>  Soft\n\t wool </p>\n<p> </p><p>Warm</p> "),
            "Soft wool\n\nWarm"
        );
        assert_eq!(plain_text(""), "");
        assert_eq!(plain_text("Plain text stays."), "Plain text stays.");
    }

    #[test]
    fn any_input_comes_out_without_markup_and_without_panicking() {
        for input in [
            "<<>>",
            "<a<b>c>",
            "&#;",
            "&;",
            "é<p>ü</p>",
            "<\u{1F600}>",
            "</>",
        ] {
            let text = plain_text(input);
            assert!(!text.contains("<p>"), "{input}: {text}");
        }
    }
}
