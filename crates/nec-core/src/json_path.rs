//! The JSON path (`$.items[3].start`) of the place where serde_json stopped on a value of the
//! wrong shape, found from the line and column it reports. What `serde_path_to_error` gives by
//! wrapping every visitor, without the second copy of the decoding code that costs: −9.1 KiB of
//! brotli for the site's wasm, −3.6 for the widget's (BENCHMARKS.md, « A data error's path »).

/// Where the scan is inside one container.
enum Frame {
    /// In an object: the last key read, and whether the next string is a key.
    Object { key: Option<String>, expects_key: bool },
    /// In an array: the index of the current element, and whether it has started.
    Array { index: usize, started: bool },
}

/// The path of what `text` holds at serde_json's `line` (from 1) and `column` (bytes after the
/// line's start): the key or element being read there, in the containers around it; `$` at the
/// top level or for a position outside the text. A container just opened, with no key or element
/// read yet, is the value refused: its path is the container's own.
pub fn at(text: &str, line: usize, column: usize) -> String {
    let Some(line_start) = line_start(text, line) else { return "$".to_owned() };
    let end = (line_start + column).min(text.len());
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let byte = bytes[i];
        if let Some(Frame::Array { started, .. }) = stack.last_mut() {
            if !matches!(byte, b' ' | b'\t' | b'\r' | b'\n' | b',' | b']') {
                *started = true;
            }
        }
        match byte {
            b'"' => {
                let close = closing_quote(bytes, i + 1);
                if let Some(Frame::Object { key, expects_key }) = stack.last_mut() {
                    if *expects_key {
                        *key = Some(unescaped(&text[i + 1..close]));
                        *expects_key = false;
                    }
                }
                i = close + 1;
                continue;
            }
            b'{' => stack.push(Frame::Object { key: None, expects_key: true }),
            b'[' => stack.push(Frame::Array { index: 0, started: false }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, expects_key }) => (*key, *expects_key) = (None, true),
                Some(Frame::Array { index, started }) => (*index, *started) = (*index + 1, false),
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::from("$");
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                path.push('.');
                path.push_str(key);
            }
            Frame::Object { key: None, .. } | Frame::Array { started: false, .. } => {}
            Frame::Array { index, .. } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// The byte at which line `line` (from 1) starts.
fn line_start(text: &str, line: usize) -> Option<usize> {
    if line <= 1 {
        return Some(0);
    }
    text.match_indices('\n').nth(line - 2).map(|(at, _)| at + 1)
}

/// The closing quote of the string whose text starts at `from` (after its opening quote), or the
/// text's end if it has none.
fn closing_quote(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return i,
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// A key's text as written between its quotes, unescaped as far as a path needs (`\"` and `\\`;
/// other escapes kept as written).
fn unescaped(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some(next @ ('"' | '\\'))) => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde_json's line and column for `needle`'s end in `text`.
    fn after(text: &str, needle: &str) -> (usize, usize) {
        let end = text.find(needle).unwrap() + needle.len();
        let line = text[..end].matches('\n').count() + 1;
        let column = end - text[..end].rfind('\n').map_or(0, |at| at + 1);
        (line, column)
    }

    #[test]
    fn finds_keys_and_indices() {
        let text = "{\n  \"items\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"start\": 42}\n  ],\n  \"venue\": {\"name\": \"x\"}\n}";
        let (line, column) = after(text, "42");
        assert_eq!(at(text, line, column), "$.items[1].start");
        let (line, column) = after(text, "\"name\"");
        assert_eq!(at(text, line, column), "$.venue.name");
        let (line, column) = after(text, "{\"id\": \"b\", \"start\": 42}");
        assert_eq!(at(text, line, column), "$.items[1]");
        let (line, column) = after(text, "\"items\": [");
        assert_eq!(at(text, line, column), "$.items", "a list refused as it opens");
        assert_eq!(at(text, 1, 0), "$");
        assert_eq!(at(text, 99, 0), "$");
    }

    #[test]
    fn strings_hold_brackets_and_quotes() {
        let text = r#"{"a": "x, ] } \" [", "b\"c": [1, "[", 3]}"#;
        let (line, column) = after(text, "3");
        assert_eq!(at(text, line, column), "$.b\"c[2]");
    }
}
