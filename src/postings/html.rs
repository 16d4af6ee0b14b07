//! HTML to plain text for the posting scan: tags dropped (scripts, styles and comments with their
//! content), entities decoded, whitespace collapsed, and block elements turned into line breaks
//! so that list items, headings and paragraphs stay apart (required/preferred words count within
//! one sentence or list item).

/// Whether bytes look like an HTML document (for files without an `.html` name).
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    // Characters, not bytes: a cut inside a multi-byte character would lose the test.
    let head = head
        .chars()
        .take(14)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// The text of an HTML document, one block (paragraph, list item, heading) a line; list items
/// start with `- ` and headings with `# `, as in Markdown.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.bytes().position(|b| b == b'<' || b == b'&') {
        push_text(&mut out, &rest[..lt]);
        rest = &rest[lt..];
        if rest.starts_with('&') {
            let (decoded, used) = entity(rest);
            push_text(&mut out, &decoded);
            rest = &rest[used..];
            continue;
        }
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(end) = tag_end(rest) else {
            // A `<` that opens nothing ("a < b") is text.
            push_text(&mut out, "<");
            rest = &rest[1..];
            continue;
        };
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if !closing && matches!(name.as_str(), "script" | "style" | "template" | "head") {
            // Drop everything up to the matching close tag (or the end).
            rest = skip_element(rest, &name);
            continue;
        }
        match name.as_str() {
            "li" | "dt" | "dd" if !closing => new_line(&mut out, "- ", false),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if !closing => new_line(&mut out, "# ", true),
            "br" | "li" | "dt" | "dd" | "tr" | "title" | "h1" | "h2" | "h3" | "h4" | "h5"
            | "h6" => {
                new_line(&mut out, "", false);
            }
            // Paragraph breaks: a heading's "Nice to have:" holds for its list, not for the
            // paragraphs after it.
            "p" | "div" | "ul" | "ol" | "dl" | "table" | "section" | "article" | "header"
            | "footer" | "blockquote" | "pre" | "hr" | "main" | "nav" | "aside" | "form" => {
                new_line(&mut out, "", true);
            }
            "td" | "th" => push_text(&mut out, " "),
            _ => {}
        }
    }
    push_text(&mut out, rest);
    out
}

/// Where the tag that starts at `s[0] == '<'` ends (its `>`), skipping quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    // `<` must be followed by a letter, `/` or `!` to open a tag.
    if !bytes
        .get(1)
        .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'))
    {
        return None;
    }
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The rest after `</name>` (ASCII case ignored), or nothing if it never closes.
fn skip_element<'a>(rest: &'a str, name: &str) -> &'a str {
    let close = format!("</{name}");
    let bytes = rest.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr_lt(&bytes[from..]) {
        let at = from + i;
        if bytes.len() >= at + close.len()
            && bytes[at..at + close.len()].eq_ignore_ascii_case(close.as_bytes())
        {
            let after = &rest[at..];
            return after.find('>').map_or("", |end| &after[end + 1..]);
        }
        from = at + 1;
    }
    ""
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// Appends text with HTML's whitespace rule: any run of whitespace is one space.
fn push_text(out: &mut String, text: &str) {
    // ASCII whitespace only (a boundary between characters in UTF-8): other spaces (no-break)
    // are not words either, and the matcher treats them as separators anyway. A single space
    // after a word is copied with the text around it; only other whitespace (a line end, a
    // second space) cuts the copy. Most text has none in a block of 16 bytes, which is checked
    // without a branch per byte and passed over whole.
    const BLOCK: usize = 16;
    let bytes = text.as_bytes();
    // Whether the output, with the text not yet copied, ends where no space is wanted (empty, a
    // space or a line end).
    let mut spaced = out.is_empty() || out.ends_with([' ', '\n']);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(block) = bytes
            .get(i..i + BLOCK)
            .and_then(|b| <&[u8; BLOCK]>::try_from(b).ok())
            && !needs_cut(block, spaced)
        {
            spaced = block[BLOCK - 1] == b' ';
            i += BLOCK;
            continue;
        }
        for &b in &bytes[i..bytes.len().min(i + BLOCK)] {
            let white = b.is_ascii_whitespace();
            if white && (b != b' ' || spaced) {
                out.push_str(&text[start..i]);
                if !spaced {
                    out.push(' ');
                }
                start = i + 1;
                spaced = true;
            } else {
                spaced = white;
            }
            i += 1;
        }
    }
    out.push_str(&text[start..]);
}

/// Whether a block of text has whitespace other than single spaces (counting a space at its
/// start as a second one after `spaced` output).
fn needs_cut(block: &[u8; 16], spaced: bool) -> bool {
    let other = |b: u8| u8::from(matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r'));
    let mut cut = other(block[0]) | (u8::from(block[0] == b' ') & u8::from(spaced));
    for (&b, &before) in block[1..].iter().zip(block.iter()) {
        cut |= other(b) | (u8::from(b == b' ') & u8::from(before == b' '));
    }
    cut != 0
}

/// Starts a new line (once; with `blank`, after an empty line), then writes `marker`.
fn new_line(out: &mut String, marker: &str, blank: bool) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    if blank && !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str(marker);
}

/// Decodes the entity at the start of `s` (`s[0] == '&'`): the text and how many bytes it used.
/// An unknown or malformed entity is the `&` itself.
fn entity(s: &str) -> (std::borrow::Cow<'static, str>, usize) {
    let body_end = s
        .char_indices()
        .skip(1)
        .take(32)
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '#'))
        .map_or(s.len().min(33), |(i, _)| i);
    let body = &s[1..body_end];
    let used = if s[body_end..].starts_with(';') {
        body_end + 1
    } else {
        body_end
    };
    let decoded = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse::<u32>().ok(),
        };
        // NUL and invalid code points become the replacement character, as browsers do.
        code.map(|c| {
            char::from_u32(c)
                .filter(|&c| c != '\0')
                .unwrap_or('\u{fffd}')
                .to_string()
                .into()
        })
    } else {
        named(body).map(std::borrow::Cow::Borrowed)
    };
    match decoded {
        Some(text) if !body.is_empty() => (text, used),
        _ => ("&".into(), 1),
    }
}

/// The named entities that turn up in job postings; others stay as written.
fn named(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "nbsp" | "ensp" | "emsp" | "thinsp" => " ",
        "ndash" => "\u{2013}",
        "mdash" => "\u{2014}",
        "lsquo" => "\u{2018}",
        "rsquo" => "\u{2019}",
        "ldquo" => "\u{201c}",
        "rdquo" => "\u{201d}",
        "hellip" => "\u{2026}",
        "bull" => "\u{2022}",
        "middot" => "\u{b7}",
        "copy" => "\u{a9}",
        "reg" => "\u{ae}",
        "trade" => "\u{2122}",
        "euro" => "\u{20ac}",
        "pound" => "\u{a3}",
        "eacute" => "\u{e9}",
        "egrave" => "\u{e8}",
        "aacute" => "\u{e1}",
        "agrave" => "\u{e0}",
        "uuml" => "\u{fc}",
        "ouml" => "\u{f6}",
        "auml" => "\u{e4}",
        "szlig" => "\u{df}",
        "ccedil" => "\u{e7}",
        "ntilde" => "\u{f1}",
        "plus" => "+",
        "sol" => "/",
        "colon" => ":",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `push_text` as it was before copying whole runs, to prove the two write the same.
    fn push_text_reference(out: &mut String, text: &str) {
        let bytes = text.as_bytes();
        let mut start = 0;
        while start < bytes.len() {
            let end = bytes[start..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(bytes.len(), |n| start + n);
            out.push_str(&text[start..end]);
            if end < bytes.len() && !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
            start = end + 1;
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        #[test]
        fn push_text_writes_what_the_reference_writes(
            before in "[ a\n]{0,2}",
            text in "([ \t\r\n\x0c]|[a-z.]{1,4}|[a-z]{1,6} |\\PC){0,40}",
        ) {
            let mut fast = before.clone();
            let mut slow = before;
            push_text(&mut fast, &text);
            push_text_reference(&mut slow, &text);
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn tags_scripts_styles_and_comments_are_dropped() {
        let text = to_text(
            "<html><head><title>x</title><style>p{}</style></head><body><script>var a = '<li>';</script>\
             <!-- AWS --><p>Hello <b>world</b></p><ul><li>One</li><li>Two &amp; three</li></ul></body></html>",
        );
        assert_eq!(text, "Hello world\n\n- One\n- Two & three\n\n");
    }

    #[test]
    fn entities_decode_and_bad_ones_stay() {
        assert_eq!(
            to_text("AI&#8209;102 &#x41;&#65; &bogus; a &amp b &#0; &#99999999;"),
            "AI\u{2011}102 AA &bogus; a & b \u{fffd} \u{fffd}"
        );
        assert_eq!(to_text("a < b > c &"), "a < b > c &");
    }

    #[test]
    fn html_is_recognised_by_its_start() {
        assert!(looks_like_html("\u{feff}\n <!DOCTYPE html><p>x"));
        assert!(looks_like_html("<HTML>"));
        assert!(!looks_like_html("<p>not a document</p>"));
        assert!(!looks_like_html(
            "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"
        ));
    }

    #[test]
    fn attributes_with_angle_brackets_do_not_end_the_tag() {
        assert_eq!(to_text("<a title=\"x > y\">link</a>"), "link");
    }

    #[test]
    fn unclosed_things_end_quietly() {
        assert_eq!(to_text("text <script> never closed"), "text ");
        assert_eq!(to_text("a <!-- never closed"), "a ");
        assert_eq!(to_text("<div class=\"x"), "<div class=\"x");
    }
}
