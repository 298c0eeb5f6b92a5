//! An item of the programme in words: its day and time for the start of its heading, and its
//! facts (format, theme, place, access, speakers). Shared by the site's pages and the widget;
//! no web dependency.

use chrono::NaiveDate;

use crate::format::{self, capitalised};
use crate::model::{Item, Programme};

/// Day and time in words, for the hidden start of each item's heading: a screen-reader user
/// moving by heading hears day, time and title together.
pub fn when_words(item: &Item) -> String {
    let day = item.day.map_or_else(|| "Date à préciser".to_owned(), |d| capitalised(&format::long_date(d)));
    match (item.start, item.end) {
        (Some(s), Some(e)) if e.date_naive() != s.date_naive() => {
            format!("{day}, {} à {} le lendemain : ", format::event_time(s), format::event_time(e))
        }
        (Some(s), Some(e)) => format!("{day}, {} à {} : ", format::event_time(s), format::event_time(e)),
        (Some(s), None) => format!("{day}, à partir de {} : ", format::event_time(s)),
        _ => format!("{day}, horaire à préciser : "),
    }
}

/// Format, theme, access and speakers of an item, in words (never colour alone).
pub fn item_facts(programme: &Programme, item: &Item) -> String {
    let mut facts = Vec::new();
    if let Some(f) = item.format.as_deref().and_then(|id| programme.format(id)) {
        facts.push(format!("Format : {}", f.name));
    }
    if let Some(t) = item.theme.as_deref().and_then(|id| programme.theme(id)) {
        facts.push(format!("Thématique : {}", t.name));
    }
    facts.push(match programme.place_of(item) {
        Some(venue) => format!("Lieu : {}", venue.name),
        None => "Lieu : à préciser".to_owned(),
    });
    facts.push(format!("Accès : {}", item.access.label_fr().to_lowercase()));
    if !item.speakers.is_empty() {
        facts.push(format!("Intervenants : {}", format::list(&item.speakers)));
    }
    facts.join(" · ")
}

/// « Jeudi 19 octobre 2023 — Programme du jeudi », or « Date et horaire à préciser ».
pub fn day_heading(programme: &Programme, day: Option<NaiveDate>) -> String {
    match (day, day.and_then(|d| programme.day(d))) {
        (Some(d), Some(info)) => format!("{} — {}", capitalised(&format::long_date(d)), info.title),
        (Some(d), None) => capitalised(&format::long_date(d)),
        (None, _) => "Date et horaire à préciser".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;

    fn programme() -> Programme {
        parse(include_str!("../public/data/programme-2023.json")).expect("shipped programme is valid")
    }

    #[test]
    fn the_evening_says_it_ends_the_next_day() {
        let p = programme();
        let evening = p.items.iter().find(|i| i.id == "grande-soiree").expect("the evening");
        assert_eq!(when_words(evening), "Jeudi 19 octobre 2023, 19 h à 1 h le lendemain : ");
        assert!(item_facts(&p, evening).contains("Lieu : à préciser"), "{}", item_facts(&p, evening));
    }

    #[test]
    fn day_headings_name_the_day() {
        let p = programme();
        assert_eq!(day_heading(&p, Some("2023-10-19".parse().unwrap())), "Jeudi 19 octobre 2023 — Programme du jeudi");
        assert_eq!(day_heading(&p, None), "Date et horaire à préciser");
    }

    #[test]
    fn undated_items_say_so() {
        let p = programme();
        let item = p.items.iter().find(|i| i.day.is_none()).expect("an undated item");
        assert_eq!(when_words(item), "Date à préciser, horaire à préciser : ");
    }
}
