//! The path of a value of the wrong shape, as `load::parse` reports it from serde_json's line and
//! column (`json_path`), is the one `serde_path_to_error` finds by tracking every visitor: checked
//! on every value of the shipped files, each replaced in turn by one of another type, and on an
//! unknown key added to every object.

use std::path::Path;

use nec_data::load::{parse, DataError};
use nec_data::model::{Charter, EditionsFile, Programme};
use nec_data::validate::Validate;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

fn shipped_value(name: &str) -> Value {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("public/data").join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// The JSON pointer of every value in `value`, containers included, the root left out.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let here = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                out.push(here.clone());
                pointers(child, here, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let here = format!("{at}/{i}");
                out.push(here.clone());
                pointers(child, here, out);
            }
        }
        _ => {}
    }
}

/// A value of another type than `value`.
fn other_type(value: &Value) -> Value {
    match value {
        Value::String(_) => json!(7),
        Value::Number(_) | Value::Bool(_) | Value::Null => json!("x"),
        Value::Array(_) => json!({ "a": 1 }),
        Value::Object(_) => json!([1]),
    }
}

/// `serde_path_to_error`'s path for the first value of the wrong shape in `text`, as `$.a[1].b`.
fn tracked_path<T: DeserializeOwned>(text: &str) -> Option<String> {
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    let error = serde_path_to_error::deserialize::<_, T>(deserializer).err()?;
    let path = error.path().to_string();
    Some(if path == "." { "$".to_owned() } else { format!("$.{path}") })
}

/// Compares both paths for each broken copy of `value`; returns how many copies were refused.
fn same_paths<T: DeserializeOwned + Validate>(value: &Value) -> usize {
    let mut all = Vec::new();
    pointers(value, String::new(), &mut all);
    let mut refused = 0;
    for pointer in &all {
        let mut broken = value.clone();
        let target = broken.pointer_mut(pointer).unwrap();
        *target = other_type(target);
        compare::<T>(&serde_json::to_string_pretty(&broken).unwrap(), pointer, &mut refused);
        let mut extended = value.clone();
        if let Some(Value::Object(map)) = extended.pointer_mut(pointer) {
            map.insert("inconnu".to_owned(), json!(1));
            compare::<T>(&serde_json::to_string(&extended).unwrap(), pointer, &mut refused);
        }
    }
    refused
}

fn compare<T: DeserializeOwned + Validate>(text: &str, pointer: &str, refused: &mut usize) {
    let Some(mut expected) = tracked_path::<T>(text) else { return };
    // What serde_json calls a syntax error (some refusals inside a value read as any JSON) is
    // said of the whole file, with its line and column.
    if serde_json::from_str::<T>(text).err().is_some_and(|e| e.is_syntax() || e.is_eof()) {
        expected = "$".to_owned();
    }
    *refused += 1;
    match parse::<T>(text) {
        Err(DataError::Unreadable(problem)) => assert_eq!(problem.path, expected, "{pointer} broken: {}", problem.message),
        Err(other) => panic!("{pointer} broken: serde refuses it at {expected}, parse gives {other:?}"),
        Ok(_) => panic!("{pointer} broken: serde refuses it at {expected}, parse accepts it"),
    }
}

#[test]
fn the_programme_paths_are_serde_path_to_error_s() {
    assert!(same_paths::<Programme>(&shipped_value("programme-2023.json")) > 500);
}

#[test]
fn the_editions_paths_are_serde_path_to_error_s() {
    assert!(same_paths::<EditionsFile>(&shipped_value("editions.json")) > 100);
}

#[test]
fn the_charter_paths_are_serde_path_to_error_s() {
    assert!(same_paths::<Charter>(&shipped_value("charter.json")) > 20);
}
