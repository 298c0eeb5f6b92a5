//! `budgets.json` (repository root): the weight budgets, read when compiling.

use serde::{Deserialize, Serialize};

/// The number after `"key":` in a JSON text, read when compiling (a missing key or a value that
/// is not a whole number fails the build): the page states a budget without the wasm carrying
/// the file or a parser for it. The first match counts, so a key must first appear at the top
/// level (a test compares every value with serde's reading).
pub const fn json_number(json: &str, key: &str) -> u32 {
    let (json, key) = (json.as_bytes(), key.as_bytes());
    let mut at = 0;
    while at + key.len() + 3 <= json.len() {
        let mut matches = json[at] == b'"' && json[at + key.len() + 1] == b'"' && json[at + key.len() + 2] == b':';
        let mut i = 0;
        while matches && i < key.len() {
            matches = json[at + 1 + i] == key[i];
            i += 1;
        }
        if matches {
            let mut digit = at + key.len() + 3;
            while digit < json.len() && json[digit] == b' ' {
                digit += 1;
            }
            let mut value = 0;
            let start = digit;
            while digit < json.len() && json[digit].is_ascii_digit() {
                value = value * 10 + (json[digit] - b'0') as u32;
                digit += 1;
            }
            assert!(digit > start, "budgets.json: not a whole number");
            return value;
        }
        at += 1;
    }
    panic!("budgets.json: key not found")
}

/// The weight budgets every route must keep, enforced by the browser tests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Budgets {
    pub description: String,
    /// What a route needs for its content to paint (its prerendered page and the style sheet),
    /// brotli-compressed, in KiB.
    pub content_before_wasm_brotli_kib: u32,
    /// First load of a route read without using the app (its page, style sheet and boot module,
    /// and the service worker's copy), brotli-compressed, in KiB.
    pub first_load_brotli_kib: u32,
    /// Requests of the page itself.
    pub requests: u32,
    /// Requests of the service worker during a first visit (its offline copy).
    pub service_worker_requests: u32,
    pub dom_elements: u32,
    /// What starting the app adds (its glue and wasm, the data it loads, the worker's copy of the
    /// rest), brotli-compressed, in KiB.
    pub app_start_brotli_kib: u32,
    /// Requests of that start: the page's and the worker's.
    pub app_start_requests: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_read_when_compiling_are_serdes() {
        let file = include_str!("../../../../budgets.json");
        let b: Budgets = serde_json::from_str(file).expect("budgets.json");
        let read = |key| json_number(file, key);
        assert_eq!(read("content_before_wasm_brotli_kib"), b.content_before_wasm_brotli_kib);
        assert_eq!(read("first_load_brotli_kib"), b.first_load_brotli_kib);
        assert_eq!(read("requests"), b.requests);
        assert_eq!(read("service_worker_requests"), b.service_worker_requests);
        assert_eq!(read("dom_elements"), b.dom_elements);
        assert_eq!(read("app_start_brotli_kib"), b.app_start_brotli_kib);
        assert_eq!(json_number(r#"{"a": 12, "b":3}"#, "b"), 3);
    }
}
