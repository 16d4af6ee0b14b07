//! Reading `catalog.ron` as text, so that one bad entry is reported with its line and column and
//! skipped while the others load, and so that entries are written back exactly as they were:
//! the top-level items of a RON list, and the top-level fields of a RON struct.

/// A RON struct's top-level fields, as found by [`split_struct`].
#[derive(Debug, Default)]
pub(super) struct Fields<'a> {
    /// Each field's name, and its value's byte offset and text.
    pub fields: Vec<(&'a str, usize, &'a str)>,
    /// The struct is never closed.
    pub unclosed: bool,
}

/// Splits a RON struct `( name: value, ... )` into its fields, each value with its byte offset.
/// `None` if the text is not a struct.
pub(super) fn split_struct(text: &str) -> Option<Fields<'_>> {
    let bytes = text.as_bytes();
    let open = skip_blank(bytes, 0);
    if bytes.get(open) != Some(&b'(') {
        return None;
    }
    let mut out = Fields::default();
    let mut i = open + 1;
    loop {
        i = skip_blank(bytes, i);
        match bytes.get(i) {
            None => {
                out.unclosed = true;
                return Some(out);
            }
            Some(b')') => return Some(out),
            Some(_) => {}
        }
        let name_start = i;
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            i += 1;
        }
        let name = &text[name_start..i];
        i = skip_blank(bytes, i);
        if name.is_empty() || bytes.get(i) != Some(&b':') {
            return None;
        }
        let start = skip_blank(bytes, i + 1);
        let end = value_end(bytes, start);
        out.fields.push((name, start, text[start..end].trim_end()));
        i = end;
        if bytes.get(i) == Some(&b',') {
            i += 1;
        }
    }
}

/// Where a value starting at `i` ends: at the `,` or `)` that closes it at its own depth, or the
/// end of the text.
fn value_end(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < bytes.len() {
        if let Some(end) = skip_literal(bytes, i) {
            i = end;
            continue;
        }
        match bytes[i] {
            b'[' | b'(' | b'{' => depth += 1,
            b']' | b')' | b'}' | b',' if depth == 0 => return i,
            b']' | b')' | b'}' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// A RON list's top-level items, as found by [`split_list`].
#[derive(Debug, Default)]
pub(super) struct List<'a> {
    /// Each item's byte offset and text.
    pub items: Vec<(usize, &'a str)>,
    /// The end of the text, when the list is never closed.
    pub unclosed_at: Option<usize>,
    /// Where text after the closing `]` starts, if there is any.
    pub trailing_at: Option<usize>,
}

/// Splits a RON list into its top-level items, each with its byte offset, so that one bad entry
/// can be reported and skipped while the others load. Strings, raw strings, characters and
/// (nested) comments are respected. Blank text, or comments alone, is an empty list; `None` if the
/// text is something other than a list.
pub(super) fn split_list(text: &str) -> Option<List<'_>> {
    let bytes = text.as_bytes();
    let open = skip_blank(bytes, 0);
    if open == bytes.len() {
        return Some(List::default());
    }
    if bytes[open] != b'[' {
        return None;
    }
    let mut out = List::default();
    // The closers expected, innermost last; the first is the list's own `]`.
    let mut closers = vec![b']'];
    let mut item_start: Option<usize> = None;
    let mut push = |start: &mut Option<usize>, end: usize| {
        if let Some(s) = start.take() {
            out.items.push((s, text[s..end].trim_end()));
        }
    };
    let mut i = open + 1;
    while i < bytes.len() {
        if let Some(end) = skip_literal(bytes, i) {
            if closers.len() == 1 && item_start.is_none() && bytes[i] != b'/' {
                item_start = Some(i);
            }
            i = end;
            continue;
        }
        let c = bytes[i];
        match c {
            b'[' | b'(' | b'{' => {
                if closers.len() == 1 && item_start.is_none() {
                    item_start = Some(i);
                }
                closers.push(match c {
                    b'[' => b']',
                    b'(' => b')',
                    _ => b'}',
                });
            }
            b']' if closers.len() == 1 => {
                push(&mut item_start, i);
                let after = skip_blank(bytes, i + 1);
                out.trailing_at = (after < bytes.len()).then_some(after);
                return Some(out);
            }
            // A stray `)` or `}` between entries belongs to a bad entry, not to the list.
            b')' | b'}' if closers.len() == 1 => {
                item_start.get_or_insert(i);
            }
            b']' | b')' | b'}' => {
                // A mismatched closer still closes: the entry's parser reports the mismatch.
                closers.pop();
            }
            b',' if closers.len() == 1 => push(&mut item_start, i),
            c if closers.len() == 1 && item_start.is_none() && !c.is_ascii_whitespace() => {
                item_start = Some(i);
            }
            _ => {}
        }
        i += 1;
    }
    push(&mut item_start, bytes.len());
    out.unclosed_at = Some(bytes.len());
    Some(out)
}

/// The index after the whitespace and comments starting at `i`.
pub(super) fn skip_blank(bytes: &[u8], mut i: usize) -> usize {
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match (bytes.get(i), bytes.get(i + 1)) {
            (Some(b'/'), Some(b'/' | b'*')) => i = skip_literal(bytes, i).unwrap_or(bytes.len()),
            _ => return i,
        }
    }
}

/// If a string, raw string, character or comment starts at `i`, the index just after it (the
/// end of the text if it is never closed).
fn skip_literal(bytes: &[u8], i: usize) -> Option<usize> {
    let len = bytes.len();
    match (bytes[i], bytes.get(i + 1)) {
        (b'"', _) => {
            let mut j = i + 1;
            while j < len {
                match bytes[j] {
                    b'\\' => j += 2,
                    b'"' => return Some(j + 1),
                    _ => j += 1,
                }
            }
            Some(len)
        }
        // A character literal is short; a lone quote is left to the parser to report.
        (b'\'', _) => {
            let mut j = i + 1;
            while j < len && j <= i + 12 {
                match bytes[j] {
                    b'\\' => j += 2,
                    b'\'' if j > i + 1 => return Some(j + 1),
                    b'\n' => return None,
                    _ => j += 1,
                }
            }
            None
        }
        (b'r', Some(b'"' | b'#'))
            if i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_') =>
        {
            let hashes = bytes[i + 1..].iter().take_while(|&&b| b == b'#').count();
            let quote = i + 1 + hashes;
            if bytes.get(quote) != Some(&b'"') {
                return None;
            }
            let mut j = quote + 1;
            while j < len {
                if bytes[j] == b'"'
                    && bytes[j + 1..].iter().take_while(|&&b| b == b'#').count() >= hashes
                {
                    return Some(j + 1 + hashes);
                }
                j += 1;
            }
            Some(len)
        }
        (b'/', Some(b'/')) => Some(
            bytes[i..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(len, |p| i + p),
        ),
        (b'/', Some(b'*')) => {
            // Block comments nest in RON.
            let mut depth = 0usize;
            let mut j = i;
            while j + 1 < len {
                match (bytes[j], bytes[j + 1]) {
                    (b'/', b'*') => {
                        depth += 1;
                        j += 2;
                    }
                    (b'*', b'/') => {
                        depth -= 1;
                        j += 2;
                        if depth == 0 {
                            return Some(j);
                        }
                    }
                    _ => j += 1,
                }
            }
            Some(len)
        }
        _ => None,
    }
}

/// The file position of an error at `line:col` inside an item starting at byte `start`.
pub(super) fn position(text: &str, start: usize, line: usize, col: usize) -> (usize, usize) {
    let before = &text[..start];
    let item_line = before.matches('\n').count() + 1;
    let item_col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    if line <= 1 {
        (item_line, item_col + col.saturating_sub(1))
    } else {
        (item_line + line - 1, col)
    }
}
