//! `charter.json`: the charter and its engagements.

use serde::{Deserialize, Serialize};

use super::{Note, Source, Text};

/// `charter.json`: the five engagements of the NEC charter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Charter {
    pub sources: Vec<Source>,
    pub title: Text,
    pub introduction: Text,
    pub engagements: Vec<Engagement>,
    pub licence: Licence,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Engagement {
    pub number: u32,
    pub title: Text,
    pub text: Text,
    pub sources: Vec<String>,
}

/// The licence engagement n°3 names for everything NEC produces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Licence {
    pub name: String,
    pub url: String,
    pub engagement: u32,
    pub sources: Vec<String>,
}
