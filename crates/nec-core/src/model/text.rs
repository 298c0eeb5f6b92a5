//! Texts of the data (French, optionally translated) and the seed sources they cite.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{dates, Metric};
use crate::locale::Lang;

/// A text of the data, in French, with an optional English translation. In JSON it is either a
/// string (French, as every file was written) or `{ "fr": "…", "en": "…" }` with `en` optional.
/// It reads as its French text (`Deref<Target = str>`): search, sorting, the calendar export and
/// validation keep working on French; views ask [`Text::get`] for the page's language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Text {
    pub fr: String,
    pub en: Option<String>,
}

impl Text {
    /// The French text, which every text has.
    pub fn as_str(&self) -> &str {
        &self.fr
    }

    /// The text in `lang` if there is one, else the French, with the language it is really in:
    /// when that differs from the page's, the view marks it `lang="fr"` (RGAA 8.7).
    pub fn get(&self, lang: Lang) -> (&str, Lang) {
        match (lang, self.en.as_deref()) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => (en, Lang::En),
            _ => (&self.fr, Lang::Fr),
        }
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.fr
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.fr)
    }
}

impl From<&str> for Text {
    fn from(fr: &str) -> Self {
        Text { fr: fr.to_owned(), en: None }
    }
}

impl From<String> for Text {
    fn from(fr: String) -> Self {
        Text { fr, en: None }
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.fr == other
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        *self == other.fr
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.fr == *other
    }
}

/// The object form of a [`Text`]: a typo such as `"eng"` is an error, not a lost translation.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct Translated {
    /// The French text, always required: French is the site's first language.
    fr: String,
    /// Its English translation, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    en: Option<String>,
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.en {
            None => serializer.serialize_str(&self.fr),
            Some(en) => Translated { fr: self.fr.clone(), en: Some(en.clone()) }.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> serde::de::Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("un texte, ou un objet { \"fr\": …, \"en\": … }")
            }
            fn visit_str<E: serde::de::Error>(self, fr: &str) -> Result<Text, E> {
                Ok(Text::from(fr))
            }
            fn visit_string<E: serde::de::Error>(self, fr: String) -> Result<Text, E> {
                Ok(Text { fr, en: None })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Text, A::Error> {
                let Translated { fr, en } = Translated::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                if en.as_deref().is_some_and(|en| en.trim().is_empty()) {
                    return Err(serde::de::Error::custom("la traduction anglaise « en » est vide : retirez-la ou remplissez-la"));
                }
                Ok(Text { fr, en })
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Un texte en français, ou un objet avec sa traduction anglaise facultative.",
            "anyOf": [{ "type": "string" }, generator.subschema_for::<Translated>()]
        })
    }
}

/// One of the source texts the data was taken from (a file of `shared/seeds/`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The seed file name, used as the reference everywhere else (the data, the CSV), never shown
    /// as a citation.
    pub id: String,
    /// What the text is, in French: a summary for the catalogue.
    pub title: String,
    /// The title the text gives itself, quoted as written (French), if it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// How a reader weighs it: who speaks, what kind of text, only as far as the text says so
    /// (« entretien avec Caroline Corbal (ANCT), non daté »). Shown after the headline and
    /// before the date.
    pub citation: Text,
    /// Publication date, when the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "dates::optional_day")]
    pub date: Option<NaiveDate>,
}

/// The catalogue entries of `ids`, in that order; an unknown id (which validation rejects) is left out.
pub fn cite(catalogue: &[Source], ids: &[String]) -> Vec<Source> {
    ids.iter().filter_map(|id| catalogue.iter().find(|s| &s.id == id).cloned()).collect()
}

/// A remark on the data, such as two sources that disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: Text,
    /// The figure the note qualifies, if any: such notes go under the figures' table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<Metric>,
    pub sources: Vec<String>,
}

/// An external link. Always `https:`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: Text,
    pub url: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(json: &str) -> Result<Text, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn a_text_is_a_string_or_a_translated_object() {
        assert_eq!(text(r#""Plénière""#), Ok(Text::from("Plénière")));
        let both = text(r#"{ "fr": "Plénière", "en": "Plenary" }"#).unwrap();
        assert_eq!(both.get(Lang::En), ("Plenary", Lang::En));
        assert_eq!(both.get(Lang::Fr), ("Plénière", Lang::Fr));
        let french_only = text(r#"{ "fr": "Plénière" }"#).unwrap();
        assert_eq!(french_only.get(Lang::En), ("Plénière", Lang::Fr), "no translation: French, and said so");
        assert_eq!(&*both, "Plénière", "reads as French everywhere else");
        for json in [r#"{"fr":"Plénière","en":"Plenary"}"#, r#""Plénière""#] {
            assert_eq!(serde_json::to_string(&text(json).unwrap()).unwrap(), json, "written back as read");
        }
    }

    #[test]
    fn a_bad_text_is_an_error() {
        assert!(text(r#"{ "en": "Plenary" }"#).unwrap_err().contains("missing field `fr`"));
        assert!(text(r#"{ "fr": "Plénière", "eng": "Plenary" }"#).unwrap_err().contains("unknown field `eng`"));
        assert!(text(r#"{ "fr": "Plénière", "en": " " }"#).unwrap_err().contains("traduction anglaise"));
        assert!(text("12").unwrap_err().contains("un texte, ou un objet"));
    }
}
