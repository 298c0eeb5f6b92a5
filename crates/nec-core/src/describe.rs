//! An item of the programme in words: its day and time for the start of its heading, and its
//! facts (format, theme, place, access, speakers). Shared by the site's pages and the widget;
//! no web dependency.

use chrono::NaiveDate;

use crate::format::{capitalised, lowercased};
use crate::locale::{Lang, Pieces};
use crate::model::{Item, Programme, Text};

/// Day and time in words, for the hidden start of each item's heading: a screen-reader user
/// moving by heading hears day, time and title together.
pub fn when_words(item: &Item, lang: Lang) -> String {
    let day = item.day.map_or_else(|| lang.words().undated.to_owned(), |d| capitalised(&lang.long_date(d)));
    // Only a screen reader reads these words: times written for the ear.
    let time = |t: chrono::DateTime<chrono::FixedOffset>| lang.spoken_time(t.time());
    match (lang, item.start, item.end) {
        (Lang::Fr, Some(s), Some(e)) if e.date_naive() != s.date_naive() => format!("{day}, de {} à {} le lendemain : ", time(s), time(e)),
        (Lang::Fr, Some(s), Some(e)) => format!("{day}, de {} à {} : ", time(s), time(e)),
        (Lang::Fr, Some(s), None) => format!("{day}, à partir de {} : ", time(s)),
        (Lang::Fr, ..) => format!("{day}, horaire non précisé : "),
        (Lang::En, Some(s), Some(e)) if e.date_naive() != s.date_naive() => format!("{day}, {} to {} the next day: ", time(s), time(e)),
        (Lang::En, Some(s), Some(e)) => format!("{day}, {} to {}: ", time(s), time(e)),
        (Lang::En, Some(s), None) => format!("{day}, from {}: ", time(s)),
        (Lang::En, ..) => format!("{day}, time not given: "),
    }
}

/// A data text in `lang`, or its French: one run of `Pieces`.
pub fn text_piece(text: &Text, lang: Lang) -> Pieces {
    let (words, in_lang) = text.get(lang);
    Pieces::of(words, in_lang)
}

crate::texts! {
    format: "Format : ", "Format: ";
    theme: "Thématique : ", "Theme: ";
    place: "Lieu : ", "Venue: ";
    place_unknown: "non précisé", "not given";
    access: "Accès : ", "Access: ";
    speakers: "Intervenants : ", "Speakers: ";
}

/// Format, theme, access and speakers of an item, in words (never colour alone).
pub fn item_facts(programme: &Programme, item: &Item, lang: Lang) -> Pieces {
    let t = texts(lang);
    let mut facts = Pieces::default();
    let mut fact = |label: &str, value: Pieces| {
        if !facts.0.is_empty() {
            facts.push(" · ", lang);
        }
        facts.push(label, lang).extend(value);
    };
    if let Some(f) = item.format.as_deref().and_then(|id| programme.format(id)) {
        fact(t.format, text_piece(&f.name, lang));
    }
    if let Some(theme) = item.theme.as_deref().and_then(|id| programme.theme(id)) {
        fact(t.theme, text_piece(&theme.name, lang));
    }
    match programme.place_of(item) {
        Some(venue) => fact(t.place, Pieces::of(venue.name.clone(), lang)),
        None => fact(t.place, Pieces::of(t.place_unknown, lang)),
    }
    fact(t.access, Pieces::of(lowercased(item.access.label(lang)), lang));
    if !item.speakers.is_empty() {
        fact(t.speakers, Pieces::of(lang.list(&item.speakers), lang));
    }
    facts
}

/// « Jeudi 19 octobre 2023 — Programme du jeudi », or « Date et horaire non précisés ».
pub fn day_heading(programme: &Programme, day: Option<NaiveDate>, lang: Lang) -> Pieces {
    match (day, day.and_then(|d| programme.day(d))) {
        (Some(d), Some(info)) => {
            let mut heading = Pieces::of(capitalised(&lang.long_date(d)) + " — ", lang);
            heading.extend(text_piece(&info.title, lang));
            heading
        }
        (Some(d), None) => Pieces::of(capitalised(&lang.long_date(d)), lang),
        (None, _) => Pieces::of(
            match lang {
                Lang::Fr => "Date et horaire non précisés",
                Lang::En => "Date and time not given",
            },
            lang,
        ),
    }
}

/// A programme's heading, its year from the data: « Programme 2023 », "2023 programme"; while the
/// current edition's is loading, « Programme ».
pub fn programme_heading(year: Option<i32>, lang: Lang) -> String {
    match (year, lang) {
        (Some(year), Lang::Fr) => format!("Programme {year}"),
        (Some(year), Lang::En) => format!("{year} programme"),
        (None, _) => "Programme".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;

    fn programme() -> Programme {
        parse(include_str!("../../../public/data/programme-2023.json")).expect("shipped programme is valid")
    }

    #[test]
    fn the_evening_says_it_ends_the_next_day() {
        let p = programme();
        let evening = p.items.iter().find(|i| i.id == "grande-soiree").expect("the evening");
        assert_eq!(when_words(evening, Lang::Fr), "Jeudi 19 octobre 2023, de 19 heures à 1 heure le lendemain : ");
        assert_eq!(when_words(evening, Lang::En), "Thursday 19 October 2023, 19:00 to 1:00 the next day: ");
        let facts = item_facts(&p, evening, Lang::Fr).plain();
        assert!(facts.contains("Lieu : non précisé"), "{facts}");
        // In English, the interface's words are English and the data's French is its own run.
        let facts = item_facts(&p, evening, Lang::En);
        assert_eq!(facts.0, [("Venue: not given · Access: registration required".to_owned(), Lang::En)]);
        let with_format = p.items.iter().find(|i| i.format.is_some()).expect("an item with a format");
        let facts = item_facts(&p, with_format, Lang::En);
        assert!(facts.0[0].0.starts_with("Format: ") && facts.0[0].1 == Lang::En, "{facts:?}");
        assert_eq!(facts.0.len(), 1, "a translated format name is English, in the same run: {facts:?}");
        assert!(facts.0[0].0.starts_with("Format: Plenary · "), "{facts:?}");
    }

    #[test]
    fn day_headings_name_the_day() {
        let p = programme();
        let thursday = Some("2023-10-19".parse().unwrap());
        assert_eq!(day_heading(&p, thursday, Lang::Fr).plain(), "Jeudi 19 octobre 2023 — Programme du jeudi");
        assert_eq!(day_heading(&p, None, Lang::Fr).plain(), "Date et horaire non précisés");
        assert_eq!(day_heading(&p, thursday, Lang::En).0, [("Thursday 19 October 2023 — Thursday’s programme".to_owned(), Lang::En)]);
    }

    #[test]
    fn undated_items_say_so() {
        let p = programme();
        let item = p.items.iter().find(|i| i.day.is_none()).expect("an undated item");
        assert_eq!(when_words(item, Lang::Fr), "Date non précisée, horaire non précisé : ");
        assert_eq!(when_words(item, Lang::En), "Date not given, time not given: ");
    }
}
