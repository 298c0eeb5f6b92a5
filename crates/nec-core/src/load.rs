//! Turning the text of a data file into checked model values, with errors a person can act on.

use std::fmt;

use serde::de::DeserializeOwned;

use crate::format;
use crate::json_path;
use crate::validate::{Problem, Validate};

/// The largest data file accepted, in bytes; the shipped ones weigh tens of kilobytes.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// Why a data file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataError {
    /// Larger than `MAX_FILE_BYTES` (its size in bytes): refused without parsing.
    TooLarge(usize),
    /// An HTML page, such as a host's error page or the site's own `index.html`.
    Html,
    /// Not JSON, or JSON of the wrong shape: only the first such problem can be known.
    Unreadable(Problem),
    /// Well-formed, but the validation pass found these problems.
    Invalid(Vec<Problem>),
}

impl DataError {
    /// Every problem, each with its JSON path.
    pub fn problems(&self) -> Vec<Problem> {
        let whole = |message: String| vec![Problem { path: "$".into(), message }];
        match self {
            DataError::TooLarge(size) => whole(format!(
                "le fichier pèse {}, plus que le maximum accepté ({})",
                format::bytes(*size as u64),
                format::bytes(MAX_FILE_BYTES as u64)
            )),
            DataError::Html => whole("le fichier est une page web (HTML), pas des données JSON".into()),
            DataError::Unreadable(problem) => vec![problem.clone()],
            DataError::Invalid(problems) => problems.clone(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems().iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

/// Refuses, before any parsing, a file too large or a web page served in its place.
pub fn refuse_before_parsing(text: &str) -> Result<(), DataError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(DataError::TooLarge(text.len()));
    }
    // JSON never starts with `<`: this is a web page served in place of the file.
    if text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).starts_with('<') {
        return Err(DataError::Html);
    }
    Ok(())
}

/// Checks the size, then parses and validates one data file.
pub fn parse<T: DeserializeOwned + Validate>(text: &str) -> Result<T, DataError> {
    refuse_before_parsing(text)?;
    let value: T = serde_json::from_str(text).map_err(|error: serde_json::Error| {
        let problem = if error.is_syntax() || error.is_eof() {
            let message = format!("le fichier n’est pas du JSON valide (ligne {}, colonne {})", error.line(), error.column());
            Problem { path: "$".to_owned(), message }
        } else {
            Problem { path: json_path::at(text, error.line(), error.column()), message: format!("valeur inattendue ({error})") }
        };
        DataError::Unreadable(problem)
    })?;
    let problems = value.problems();
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(DataError::Invalid(problems))
    }
}
