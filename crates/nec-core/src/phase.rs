//! Where an edition stands in time, by a clock: to come, under way, or over. A page about a past
//! edition says it took place, with its registration closed (issue 25).

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::locale::Lang;
use crate::model::Programme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Before its first day.
    Before,
    /// From its first day to the end of its last timed item.
    During,
    /// Over.
    After,
}

impl Phase {
    /// Where `programme`'s edition stands at `now`; to come when the programme has no days.
    pub fn at(programme: &Programme, now: DateTime<FixedOffset>) -> Phase {
        let Some((first, last)) = days(programme) else { return Phase::Before };
        // The last moment the programme gives, else the end of its last day.
        let over = match programme.items.iter().filter_map(|i| i.end.or(i.start)).max() {
            Some(end) => now > end,
            None => now.date_naive() > last,
        };
        if now.date_naive() < first {
            Phase::Before
        } else if over {
            Phase::After
        } else {
            Phase::During
        }
    }

    /// Its name in the page (`data-phase`), which the boot script compares with its own clock.
    pub fn code(self) -> &'static str {
        match self {
            Phase::Before => "before",
            Phase::During => "during",
            Phase::After => "after",
        }
    }
}

/// « Cette édition a eu lieu du 18 au 20 octobre 2023. », "This edition took place on 18–20
/// October 2023."; nothing for a programme without days.
pub fn took_place(programme: &Programme, lang: Lang) -> Option<String> {
    let (first, last) = days(programme)?;
    let span = lang.date_span(first, last);
    Some(match lang {
        Lang::Fr => {
            let article = match (last - first).num_days() {
                0 => "le",
                1 => "les",
                _ => "du",
            };
            format!("Cette édition a eu lieu {article} {span}.")
        }
        Lang::En => format!("This edition took place on {span}."),
    })
}

/// The edition's first and last days.
pub fn days(programme: &Programme) -> Option<(NaiveDate, NaiveDate)> {
    let dates = programme.days.iter().map(|d| d.date);
    Some((dates.clone().min()?, dates.max()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;

    fn programme() -> Programme {
        parse(include_str!("../../../public/data/programme-2023.json")).expect("shipped programme is valid")
    }

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).expect("a test date")
    }

    #[test]
    fn the_2023_edition_is_to_come_under_way_then_over() {
        let p = programme();
        assert_eq!(Phase::at(&p, at("2023-09-01T10:00:00+02:00")), Phase::Before);
        assert_eq!(Phase::at(&p, at("2023-10-17T23:59:00+02:00")), Phase::Before);
        assert_eq!(Phase::at(&p, at("2023-10-18T09:00:00+02:00")), Phase::During);
        assert_eq!(Phase::at(&p, at("2023-10-20T12:00:00+02:00")), Phase::During);
        assert_eq!(Phase::at(&p, at("2023-10-21T09:00:00+02:00")), Phase::After);
        assert_eq!(Phase::at(&p, at("2026-12-06T15:00:00+01:00")), Phase::After);
        assert_eq!(days(&p), Some((NaiveDate::from_ymd_opt(2023, 10, 18).unwrap(), NaiveDate::from_ymd_opt(2023, 10, 20).unwrap())));
    }

    #[test]
    fn a_past_edition_says_when_it_took_place() {
        let mut p = programme();
        assert_eq!(took_place(&p, Lang::Fr).as_deref(), Some("Cette édition a eu lieu du 18 au 20 octobre 2023."));
        assert_eq!(took_place(&p, Lang::En).as_deref(), Some("This edition took place on 18–20 October 2023."));
        p.days.retain(|d| d.date.to_string() != "2023-10-18");
        assert_eq!(took_place(&p, Lang::Fr).as_deref(), Some("Cette édition a eu lieu les 19 et 20 octobre 2023."));
        p.days.truncate(1);
        assert_eq!(took_place(&p, Lang::Fr).as_deref(), Some("Cette édition a eu lieu le 19 octobre 2023."));
        p.days.clear();
        assert_eq!(took_place(&p, Lang::Fr), None);
    }

    #[test]
    fn without_times_an_edition_is_over_the_day_after_its_last() {
        let mut p = programme();
        for item in &mut p.items {
            (item.start, item.end) = (None, None);
        }
        assert_eq!(Phase::at(&p, at("2023-10-20T23:00:00+02:00")), Phase::During);
        assert_eq!(Phase::at(&p, at("2023-10-21T00:30:00+02:00")), Phase::After);
        p.days.clear();
        assert_eq!(Phase::at(&p, at("2026-12-06T15:00:00+01:00")), Phase::Before);
    }
}
