//! Turning the text of a data file into checked model values, with errors a person can act on.

use std::fmt;

use serde::de::DeserializeOwned;

use crate::validate::{Problem, Validate};

/// Why a data file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataError {
    /// Not JSON, or JSON of the wrong shape: only the first such problem can be known.
    Unreadable(Problem),
    /// Well-formed, but the validation pass found these problems.
    Invalid(Vec<Problem>),
}

impl DataError {
    /// Every problem, each with its JSON path.
    pub fn problems(&self) -> &[Problem] {
        match self {
            DataError::Unreadable(problem) => std::slice::from_ref(problem),
            DataError::Invalid(problems) => problems,
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

/// Parses and validates one data file.
pub fn parse<T: DeserializeOwned + Validate>(text: &str) -> Result<T, DataError> {
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        let message = if inner.is_syntax() || inner.is_eof() {
            format!(
                "le fichier n’est pas du JSON valide (ligne {}, colonne {})",
                inner.line(),
                inner.column()
            )
        } else {
            format!("valeur inattendue ({inner})")
        };
        let path = if path == "." || inner.is_syntax() || inner.is_eof() { "$".to_owned() } else { format!("$.{path}") };
        DataError::Unreadable(Problem { path, message })
    })?;
    let problems = value.problems();
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(DataError::Invalid(problems))
    }
}
