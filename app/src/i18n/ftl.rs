//! The storefront's reader of Fluent (`.ftl`) files: the part of Fluent its locales use, in
//! a few kilobytes of code. A message's value is text with `{ $variable }` placeables and
//! `{ $variable -> [key] … *[other] … }` selectors, whose keys are plural categories (`one`,
//! `few`, …: cardinal rules of the locale, from the browser's `Intl.PluralRules` in the
//! browser) or exact numbers (`[0]`). Comments and blank lines are skipped.
//!
//! Anything else Fluent allows (terms, attributes, message references, functions, string
//! literals) is refused where it stands: that message is dropped and named in the errors, and
//! the rest of the file loads. The locale test checks that every shipped file reads whole and
//! that every message formats exactly as Fluent's reference implementation (`fluent-bundle`)
//! formats it, with the same arguments.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// A value for a message's `$variable`: text, or a whole number (which selectors match against
/// plural categories and exact keys). The storefront's messages count things; amounts of money
/// are formatted before they reach a message. Whole numbers keep float parsing and printing out
/// of the wasm.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(i64),
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::Text(text)
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::Text(text.to_owned())
    }
}

impl From<&String> for Value {
    fn from(text: &String) -> Value {
        Value::Text(text.clone())
    }
}

macro_rules! number_values {
    ($($ty:ty)*) => {$(
        impl From<$ty> for Value {
            fn from(number: $ty) -> Value {
                // Beyond i64 (a u64 or usize that large counts nothing a shop has): the largest.
                Value::Number(i64::try_from(number).unwrap_or(i64::MAX))
            }
        }
    )*};
}

number_values!(i8 i16 i32 i64 isize u8 u16 u32 u64 usize);

impl Value {
    fn write(&self, out: &mut String) {
        match self {
            Value::Text(text) => out.push_str(text),
            // Fluent writes numbers without grouping or locale digits: `1234`.
            Value::Number(number) => out.push_str(&number.to_string()),
        }
    }
}

/// A locale's plural rules: the cardinal category of a number in a locale (`zero`, `one`,
/// `two`, `few`, `many` or `other`).
pub type PluralRules = fn(&str, f64) -> Option<&'static str>;

/// One part of a message.
#[derive(Clone, Debug, PartialEq)]
enum Element {
    Text(String),
    Variable(String),
    Select {
        variable: String,
        variants: Vec<(Key, Vec<Element>)>,
        default: usize,
    },
}

#[derive(Clone, Debug, PartialEq)]
enum Key {
    Name(String),
    Number(i64),
}

/// A message that could not be read, by id (or by line where no id could be read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: Option<String>,
    pub reason: &'static str,
}

/// The messages of one `.ftl` file.
#[derive(Clone, Debug, Default)]
pub struct Messages {
    messages: HashMap<String, Vec<Element>>,
}

impl Messages {
    /// Reads a file. Messages it cannot read are left out and returned as errors; a message
    /// defined twice keeps its first definition (an error too).
    pub fn parse(source: &str) -> (Messages, Vec<ParseError>) {
        let mut parser = Parser {
            src: source.as_bytes(),
            text: source,
            pos: 0,
        };
        let mut messages = HashMap::new();
        let mut errors = Vec::new();
        while parser.pos < parser.src.len() {
            let start = parser.pos;
            match parser.peek() {
                Some(b'\n' | b'\r' | b' ' | b'\t') | Some(b'#') => parser.skip_line(),
                Some(c) if c.is_ascii_alphabetic() => {
                    let id = parser.identifier();
                    match parser.message_value() {
                        Ok(pattern) => match messages.entry(id) {
                            Entry::Occupied(first) => {
                                let id = Some(first.key().clone());
                                errors.push(parser.error(start, id, "defined twice"));
                            }
                            Entry::Vacant(slot) => {
                                slot.insert(pattern);
                            }
                        },
                        Err(reason) => {
                            errors.push(parser.error(start, Some(id), reason));
                            parser.skip_entry();
                        }
                    }
                }
                _ => {
                    errors.push(parser.error(start, None, "not a message or a comment"));
                    parser.skip_entry();
                }
            }
        }
        (Messages { messages }, errors)
    }

    /// Whether `id` is a message here.
    pub fn has(&self, id: &str) -> bool {
        self.messages.contains_key(id)
    }

    /// The ids of every message.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.messages.keys().map(String::as_str)
    }

    /// The message `id` with `args`, or `None` when there is no such message. A variable with
    /// no argument is written `{$name}`, as Fluent writes it. `isolate` wraps every placeable of
    /// a message with more than one part in first-strong isolation marks (U+2068 … U+2069), as
    /// Fluent does for right-to-left text.
    pub fn format(
        &self,
        id: &str,
        args: &[(&str, Value)],
        isolate: bool,
        locale: &str,
        plural: PluralRules,
    ) -> Option<String> {
        let pattern = self.messages.get(id)?;
        let mut out = String::new();
        let context = Context {
            args,
            isolate,
            locale,
            plural,
        };
        context.write(pattern, &mut out);
        Some(out)
    }
}

struct Context<'a> {
    args: &'a [(&'a str, Value)],
    isolate: bool,
    locale: &'a str,
    plural: PluralRules,
}

impl Context<'_> {
    fn arg(&self, name: &str) -> Option<&Value> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    fn write(&self, pattern: &[Element], out: &mut String) {
        let isolate = self.isolate && pattern.len() > 1;
        for element in pattern {
            match element {
                Element::Text(text) => out.push_str(text),
                Element::Variable(name) => {
                    if isolate {
                        out.push('\u{2068}');
                    }
                    match self.arg(name) {
                        Some(value) => value.write(out),
                        None => {
                            out.push_str("{$");
                            out.push_str(name);
                            out.push('}');
                        }
                    }
                    if isolate {
                        out.push('\u{2069}');
                    }
                }
                Element::Select {
                    variable,
                    variants,
                    default,
                } => {
                    if isolate {
                        out.push('\u{2068}');
                    }
                    let chosen = self
                        .select(self.arg(variable), variants)
                        .unwrap_or(*default);
                    self.write(&variants[chosen].1, out);
                    if isolate {
                        out.push('\u{2069}');
                    }
                }
            }
        }
    }

    /// The first variant whose key matches: the same text, the same number, or the number's
    /// plural category.
    fn select(&self, value: Option<&Value>, variants: &[(Key, Vec<Element>)]) -> Option<usize> {
        let value = value?;
        variants.iter().position(|(key, _)| match (key, value) {
            (Key::Name(key), Value::Text(text)) => key == text,
            (Key::Number(key), Value::Number(number)) => key == number,
            (Key::Name(key), Value::Number(number)) => {
                (self.plural)(self.locale, *number as f64) == Some(key.as_str())
            }
            (Key::Number(_), Value::Text(_)) => false,
        })
    }
}

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
}

type Parsed<T> = Result<T, &'static str>;

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn error(&self, at: usize, message: Option<String>, reason: &'static str) -> ParseError {
        let line = 1 + self.src[..at].iter().filter(|&&b| b == b'\n').count();
        ParseError {
            line,
            message,
            reason,
        }
    }

    fn skip_line(&mut self) {
        while let Some(c) = self.peek() {
            self.pos += 1;
            if c == b'\n' {
                break;
            }
        }
    }

    /// Past a broken entry: to the next line that starts a message or a comment.
    fn skip_entry(&mut self) {
        self.skip_line();
        while let Some(c) = self.peek() {
            if c.is_ascii_alphabetic() || c == b'#' {
                break;
            }
            self.skip_line();
        }
    }

    fn identifier(&mut self) -> String {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == b'-' || c == b'_' {
                self.pos += 1;
            } else {
                break;
            }
        }
        self.text[start..self.pos].to_owned()
    }

    fn skip_inline_blank(&mut self) {
        while self.peek() == Some(b' ') {
            self.pos += 1;
        }
    }

    /// Spaces, tabs and line ends.
    fn skip_blank(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// After an id: ` = ` and the value, to the end of the message.
    fn message_value(&mut self) -> Parsed<Vec<Element>> {
        self.skip_inline_blank();
        if self.peek() != Some(b'=') {
            return Err("expected = after the message id");
        }
        self.pos += 1;
        let pattern = self.pattern()?;
        if pattern.is_empty() {
            return Err("the message has no value");
        }
        // What follows the value must be the end of its line, and no attribute (an indented
        // line starting with a dot) may follow.
        self.skip_inline_blank();
        match self.peek() {
            None | Some(b'\n') | Some(b'\r') => {}
            _ => return Err("unexpected text after the value"),
        }
        let mut next_line = self.src[self.pos..]
            .iter()
            .skip_while(|&&b| b == b'\r' || b == b'\n')
            .skip_while(|&&b| b == b' ');
        if next_line.next() == Some(&b'.') {
            return Err("attributes are not supported");
        }
        Ok(pattern)
    }

    /// At the start of a line: whether it continues the pattern being read (an indented line
    /// that does not start a variant or close a placeable), and how far it is indented. Blank
    /// lines continue it when an indented line follows them.
    fn continuation(&self) -> Option<usize> {
        let mut at = self.pos;
        loop {
            let line_start = at;
            while self.src.get(at) == Some(&b' ') {
                at += 1;
            }
            let indent = at - line_start;
            match self.src.get(at) {
                Some(b'\r') if self.src.get(at + 1) == Some(&b'\n') => at += 2,
                Some(b'\n') => at += 1,
                Some(b'[' | b'*' | b'.' | b'}') | None => return None,
                Some(_) if indent > 0 => return Some(line_start),
                Some(_) => return None,
            }
        }
    }

    /// A pattern (a message's value or a variant's), inline after `=` or `]` and on the
    /// indented lines that follow. Leading blank lines are dropped, the lines' common
    /// indentation removed and trailing blanks trimmed, as Fluent does.
    fn pattern(&mut self) -> Parsed<Vec<Element>> {
        // Lines: each a list of parts, with the indentation the line starts with (None for the
        // inline first line, which is not counted in the common indentation).
        enum Part {
            Text(String),
            Element(Element),
        }
        let mut lines: Vec<(Option<usize>, Vec<Part>)> = Vec::new();
        self.skip_inline_blank();
        let mut indent = None;
        loop {
            let mut parts = Vec::new();
            let mut text = String::new();
            loop {
                match self.peek() {
                    None | Some(b'\n') => break,
                    Some(b'\r') if self.src.get(self.pos + 1) == Some(&b'\n') => break,
                    Some(b'{') => {
                        if !text.is_empty() {
                            parts.push(Part::Text(std::mem::take(&mut text)));
                        }
                        self.pos += 1;
                        parts.push(Part::Element(self.placeable()?));
                    }
                    Some(b'}') => {
                        if lines.is_empty() && parts.is_empty() && text.is_empty() {
                            break;
                        }
                        return Err("an unmatched } in text");
                    }
                    Some(_) => {
                        // To the next brace or line end (a lone carriage return is text).
                        let rest = &self.text[self.pos..];
                        let end = rest
                            .char_indices()
                            .skip(1)
                            .find(|(_, c)| matches!(c, '{' | '}' | '\n' | '\r'))
                            .map_or(rest.len(), |(i, _)| i);
                        text.push_str(&rest[..end]);
                        self.pos += end;
                    }
                }
            }
            if !text.is_empty() {
                parts.push(Part::Text(text));
            }
            lines.push((indent, parts));
            // The line ends here: does the pattern go on?
            let line_end = self.pos;
            match self.peek() {
                Some(b'\r') => self.pos += 2,
                Some(b'\n') => self.pos += 1,
                _ => break,
            }
            match self.continuation() {
                Some(line_start) => {
                    // Blank lines between are lines of the pattern.
                    while self.pos < line_start {
                        lines.push((None, Vec::new()));
                        self.skip_line();
                    }
                    let spaces = self.src[self.pos..]
                        .iter()
                        .take_while(|&&b| b == b' ')
                        .count();
                    self.pos += spaces;
                    indent = Some(spaces);
                }
                None => {
                    self.pos = line_end;
                    break;
                }
            }
        }
        // Leading blank lines (the value starts on the next line) are not part of it.
        while lines.first().is_some_and(|(_, parts)| parts.is_empty()) {
            lines.remove(0);
        }
        let common = lines
            .iter()
            .filter(|(_, parts)| !parts.is_empty())
            .filter_map(|(indent, _)| *indent)
            .min()
            .unwrap_or(0);
        let mut elements: Vec<Element> = Vec::new();
        let push_text = |elements: &mut Vec<Element>, text: &str| {
            if text.is_empty() {
                return;
            }
            if let Some(Element::Text(last)) = elements.last_mut() {
                last.push_str(text);
            } else {
                elements.push(Element::Text(text.to_owned()));
            }
        };
        for (i, (indent, parts)) in lines.into_iter().enumerate() {
            if i > 0 {
                push_text(&mut elements, "\n");
            }
            if let Some(indent) = indent
                && !parts.is_empty()
            {
                push_text(&mut elements, &" ".repeat(indent.saturating_sub(common)));
            }
            for part in parts {
                match part {
                    Part::Text(text) => push_text(&mut elements, &text),
                    Part::Element(element) => elements.push(element),
                }
            }
        }
        if let Some(Element::Text(last)) = elements.last_mut() {
            let kept = last.trim_end_matches([' ', '\t', '\n', '\r']).len();
            last.truncate(kept);
            if last.is_empty() {
                elements.pop();
            }
        }
        Ok(elements)
    }

    /// After `{`: a variable, or a selector on one, to the closing `}`.
    fn placeable(&mut self) -> Parsed<Element> {
        self.skip_blank();
        match self.peek() {
            Some(b'$') => self.pos += 1,
            Some(b'-') => return Err("terms are not supported"),
            Some(b'"') => return Err("string literals are not supported"),
            Some(c) if c.is_ascii_digit() => return Err("number literals are not supported"),
            Some(c) if c.is_ascii_uppercase() => return Err("functions are not supported"),
            Some(c) if c.is_ascii_alphabetic() => {
                return Err("message references are not supported");
            }
            _ => return Err("expected a $variable in { }"),
        }
        let variable = self.identifier();
        if variable.is_empty() {
            return Err("expected a variable name after $");
        }
        self.skip_blank();
        match self.peek() {
            Some(b'}') => {
                self.pos += 1;
                Ok(Element::Variable(variable))
            }
            Some(b'-') if self.src.get(self.pos + 1) == Some(&b'>') => {
                self.pos += 2;
                self.select(variable)
            }
            _ => Err("expected } or -> after the variable"),
        }
    }

    /// After `->`: the variants, one of them the default (`*[…]`), to the closing `}`.
    fn select(&mut self, variable: String) -> Parsed<Element> {
        let mut variants = Vec::new();
        let mut default = None;
        loop {
            self.skip_blank();
            match self.peek() {
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                Some(b'*') => {
                    if default.is_some() {
                        return Err("more than one default variant");
                    }
                    default = Some(variants.len());
                    self.pos += 1;
                    if self.peek() != Some(b'[') {
                        return Err("expected [ after *");
                    }
                }
                Some(b'[') => {}
                _ => return Err("expected a variant [key] or }"),
            }
            self.pos += 1;
            self.skip_inline_blank();
            let start = self.pos;
            while let Some(c) = self.peek() {
                if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.') {
                    self.pos += 1;
                } else {
                    break;
                }
            }
            let name = &self.text[start..self.pos];
            let key = match name.as_bytes().first() {
                Some(c) if c.is_ascii_digit() || *c == b'-' => {
                    if name.contains('.') {
                        return Err("decimal variant keys are not supported");
                    }
                    Key::Number(name.parse().map_err(|_| "a variant key is not a number")?)
                }
                Some(c) if c.is_ascii_alphabetic() => Key::Name(name.to_owned()),
                _ => return Err("expected a variant key"),
            };
            self.skip_inline_blank();
            if self.peek() != Some(b']') {
                return Err("expected ] after the variant key");
            }
            self.pos += 1;
            let value = self.pattern()?;
            variants.push((key, value));
        }
        let Some(default) = default else {
            return Err("a selector needs a default variant *[…]");
        };
        Ok(Element::Select {
            variable,
            variants,
            default,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english(_: &str, n: f64) -> Option<&'static str> {
        Some(if n == 1.0 { "one" } else { "other" })
    }

    fn format(source: &str, id: &str, args: &[(&str, Value)]) -> String {
        let (messages, errors) = Messages::parse(source);
        assert!(errors.is_empty(), "{errors:?}");
        messages
            .format(id, args, false, "en-US", english)
            .expect("message")
    }

    #[test]
    fn text_variables_and_plurals() {
        let source = "# comment\n\nhello = Hello, { $name }!\ncount = { $n ->\n    [0] none\n    [one] one item\n   *[other] { $n } items\n}\n";
        assert_eq!(
            format(source, "hello", &[("name", "Ana".into())]),
            "Hello, Ana!"
        );
        assert_eq!(format(source, "count", &[("n", 0.into())]), "none");
        assert_eq!(format(source, "count", &[("n", 1.into())]), "one item");
        assert_eq!(format(source, "count", &[("n", 12.into())]), "12 items");
        // No argument: the default variant, and the variable written as Fluent writes it.
        assert_eq!(format(source, "count", &[]), "{$n} items");
    }

    #[test]
    fn unsupported_syntax_drops_only_that_message() {
        let source = "a = A\nb = { -brand }\nc = { NUMBER($n) }\nd = D\n    .title = T\ne = { other }\nf = F\n";
        let (messages, errors) = Messages::parse(source);
        let broken: Vec<_> = errors.iter().filter_map(|e| e.message.as_deref()).collect();
        assert_eq!(broken, ["b", "c", "d", "e"]);
        assert!(messages.has("a") && messages.has("f"));
        assert!(!messages.has("b"));
    }

    /// A file cut anywhere (a download that stopped) or mangled never panics the reader, and
    /// whatever it cannot read is dropped, not the messages before it.
    #[test]
    fn a_cut_or_mangled_file_never_panics() {
        let source = include_str!("../../../locales/ar/main.ftl");
        let (whole, errors) = Messages::parse(source);
        assert!(errors.is_empty(), "{errors:?}");
        let mut cuts = 0;
        for (at, _) in source.char_indices().step_by(7) {
            let (cut, _) = Messages::parse(&source[..at]);
            assert!(cut.ids().all(|id| whole.has(id)));
            cuts += 1;
        }
        assert!(cuts > 1000);
        // Cut where an entry starts: every message before the cut is there, whole.
        let mut before: Vec<String> = Vec::new();
        for (at, _) in source.match_indices('\n') {
            let rest = &source[at + 1..];
            if rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '#') {
                let (cut, errors) = Messages::parse(&source[..at + 1]);
                assert!(errors.is_empty(), "cut at {at}: {errors:?}");
                assert_eq!(cut.ids().count(), before.len(), "cut at {at}");
                for id in &before {
                    let args = [("count", 103.into())];
                    assert_eq!(
                        cut.format(id, &args, true, "ar", english),
                        whole.format(id, &args, true, "ar", english)
                    );
                }
            }
            if let Some(id) = rest.split(" =").next().filter(|id| {
                id.starts_with(|c: char| c.is_ascii_alphabetic()) && !id.contains([' ', '\n'])
            }) {
                before.push(id.to_string());
            }
        }
        assert!(before.len() > 200);
        // Bytes of the file swapped for others that matter to the syntax, deterministically.
        let specials = [
            '{', '}', '[', ']', '*', '$', '-', '>', '\n', '\r', ' ', '.', '=', '#',
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..300 {
            let mut text: Vec<char> = source.chars().collect();
            for _ in 0..8 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let at = (state % text.len() as u64) as usize;
                text[at] = specials[(state >> 32) as usize % specials.len()];
            }
            let text: String = text.into_iter().collect();
            let (messages, _) = Messages::parse(&text);
            for id in messages.ids() {
                let _ = messages.format(id, &[("count", 3.into())], true, "ar", english);
            }
        }
    }

    #[test]
    fn a_selector_without_default_is_refused() {
        let (messages, errors) =
            Messages::parse("x = { $n ->\n    [one] a\n    [other] b\n}\ny = Y\n");
        assert_eq!(errors.len(), 1);
        assert!(!messages.has("x") && messages.has("y"));
    }

    #[test]
    fn isolation_marks_around_placeables_of_longer_messages() {
        let (messages, _) = Messages::parse("a = { $x }\nb = Total { $x }\n");
        let args = [("x", Value::from("5"))];
        assert_eq!(
            messages.format("a", &args, true, "ar", english).unwrap(),
            "5"
        );
        assert_eq!(
            messages.format("b", &args, true, "ar", english).unwrap(),
            "Total \u{2068}5\u{2069}"
        );
    }
}
