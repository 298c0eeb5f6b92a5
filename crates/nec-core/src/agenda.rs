//! "Mon programme": the visitor's own selection, kept on the device, shared by URL; overlaps
//! between chosen items; and what is on now and next. No web dependency.

use chrono::{DateTime, FixedOffset, Utc};

use crate::model::{Item, Programme};

/// The start of the localStorage keys of the selections, one per edition (`storage_key`).
pub const STORAGE_PREFIX: &str = "nec-mon-programme-";

/// The localStorage key of an edition's selection: `nec-mon-programme-2023`. Before editions were
/// data, the one selection was kept under 2023's key: it stays 2023's, in either format it was
/// written in (`parse_stored`), and no other edition reads it.
pub fn storage_key(year: i32) -> String {
    format!("{STORAGE_PREFIX}{year}")
}
/// The edition a localStorage key holds the selection of: 2023 for `nec-mon-programme-2023`.
pub fn stored_year(key: &str) -> Option<i32> {
    key.strip_prefix(STORAGE_PREFIX).filter(|year| year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))?.parse().ok()
}

/// The query parameter of a shared selection: `/mon-programme?partage=id1,id2`.
pub const SHARE_PARAM: &str = "partage";

/// The stored selection: each choice with what it was (`crate::chosen`).
pub use crate::chosen::{parse_stored, to_stored};

/// The value of the share parameter for a selection.
pub fn share_value(ids: &[String]) -> String {
    ids.join(",")
}

/// The ids of a shared selection that exist in the programme, in order, and how many did not.
pub fn parse_shared(value: &str, programme: &Programme) -> (Vec<String>, usize) {
    let mut known = Vec::new();
    let mut unknown = 0;
    for id in value.split(',').map(str::trim).filter(|id| !id.is_empty()) {
        if programme.items.iter().any(|i| i.id == id) {
            if !known.iter().any(|k| k == id) {
                known.push(id.to_owned());
            }
        } else {
            unknown += 1;
        }
    }
    (known, unknown)
}

/// The ids of a shared selection that the programme does not have, each once, in order: the
/// page names them rather than dropping them silently.
pub fn unknown_shared(value: &str, programme: &Programme) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    value
        .split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty() && !programme.items.iter().any(|i| i.id == *id) && seen.insert(*id))
        .map(str::to_owned)
        .collect()
}

/// The chosen items day by day, in time order within a day (see the sort key).
pub fn in_time_order<'a>(programme: &'a Programme, ids: &[String]) -> Vec<&'a Item> {
    let mut items: Vec<&Item> = programme.items.iter().filter(|i| ids.contains(&i.id)).collect();
    // Day by day as on the programme (a gathering of the off day before Thursday's items), the
    // items of a day without a time yet after its timed ones, items without a day last.
    let key = |i: &'a Item| (i.day.is_none(), i.day, i.start.is_none(), i.start, &i.title);
    items.sort_by(|a, b| key(a).cmp(&key(b)));
    items
}

/// Pairs of items whose times overlap. An item without an end counts as an instant; an item
/// that ends after midnight (the evening party, 19 h – 1 h) overlaps what starts before 1 h. A
/// cancelled item overlaps nothing.
pub fn overlaps<'a>(items: &[&'a Item]) -> Vec<(&'a Item, &'a Item)> {
    let span = |item: &Item| item.start.filter(|_| item.status.is_scheduled()).map(|s| (s, item.end.unwrap_or(s)));
    // One second after an instant; checked, as the data may hold chrono's very last second.
    let second_after =
        |t: DateTime<FixedOffset>| t.checked_add_signed(chrono::Duration::seconds(1)).unwrap_or(DateTime::<Utc>::MAX_UTC.fixed_offset());
    let mut pairs = Vec::new();
    for (i, a) in items.iter().enumerate() {
        for b in &items[i + 1..] {
            if let (Some((a_start, a_end)), Some((b_start, b_end))) = (span(a), span(b)) {
                let overlap = if a_start == a_end || b_start == b_end {
                    // an instant overlaps a span it falls inside, or another instant at the same time
                    (a_start >= b_start && a_start < b_end.max(second_after(b_start)))
                        || (b_start >= a_start && b_start < a_end.max(second_after(a_start)))
                } else {
                    a_start < b_end && b_start < a_end
                };
                if overlap {
                    pairs.push((*a, *b));
                }
            }
        }
    }
    pairs
}

/// What is on at `now`, and what starts next.
#[derive(Debug, PartialEq)]
pub struct NowNext<'a> {
    pub current: Vec<&'a Item>,
    pub next: Vec<&'a Item>,
}

/// `None` outside the edition (before its first day or after its last item).
pub fn now_and_next(programme: &Programme, now: DateTime<FixedOffset>) -> Option<NowNext<'_>> {
    let first_day = programme.days.iter().map(|d| d.date).min()?;
    let last_moment = programme.items.iter().filter_map(|i| i.end.or(i.start)).max()?;
    if crate::tz::in_paris(now).date_naive() < first_day || now > last_moment {
        return None;
    }
    // A cancelled item is neither on now nor next.
    let held = || programme.items.iter().filter(|i| i.status.is_scheduled());
    let current: Vec<&Item> = held().filter(|i| matches!((i.start, i.end), (Some(s), Some(e)) if s <= now && now < e)).collect();
    let next_start = held().filter_map(|i| i.start).filter(|s| *s > now).min();
    let next: Vec<&Item> = match next_start {
        Some(at) => held().filter(|i| i.start == Some(at)).collect(),
        None => Vec::new(),
    };
    Some(NowNext { current, next })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;

    fn programme() -> Programme {
        parse(include_str!("../../../public/data/programme-2023.json")).expect("shipped programme is valid")
    }

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn ids(items: &[&Item]) -> Vec<String> {
        items.iter().map(|i| i.id.clone()).collect()
    }

    #[test]
    fn a_selection_stored_before_editions_were_data_stays_2023s_in_either_format() {
        // The one key of before is 2023's key: nothing to move, nothing lost.
        assert_eq!(storage_key(2023), "nec-mon-programme-2023");
        assert_eq!(storage_key(2099), "nec-mon-programme-2099");
        assert!(storage_key(2099).starts_with(STORAGE_PREFIX));
        let p = programme();
        // The former format, an array of ids: each a choice whose past the programme fills in.
        let mut former = parse_stored(r#"["grande-soiree","pleniere-jeudi"]"#).expect("the former format is read");
        assert_eq!(former.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["grande-soiree", "pleniere-jeudi"]);
        assert!(former.iter().all(|c| c.was.is_none()));
        assert!(crate::chosen::fill(&p, &mut former));
        assert!(former.iter().all(|c| c.was.is_some()));
        // Today's format, objects with what each choice was: read back as written.
        let party = p.items.iter().find(|i| i.id == "grande-soiree").unwrap();
        let today = vec![crate::chosen::Chosen::of(&p, party)];
        assert_eq!(parse_stored(&to_stored(&today)), Some(today));
    }

    #[test]
    fn stored_selection_survives_a_round_trip_and_corrupt_text_is_refused() {
        use crate::chosen::Chosen;
        let selection = vec![Chosen::id("grande-soiree"), Chosen::id("pleniere-jeudi")];
        assert_eq!(parse_stored(&to_stored(&selection)), Some(selection));
        assert_eq!(parse_stored("[\"a\",\"a\",\"b\"]"), Some(vec![Chosen::id("a"), Chosen::id("b")]));
        assert_eq!(parse_stored("{oops"), None);
        assert_eq!(parse_stored("[1, 2]"), None);
    }

    #[test]
    fn shared_selection_keeps_known_ids_and_counts_the_others() {
        let p = programme();
        let (known, unknown) = parse_shared("grande-soiree, inconnu,,pleniere-jeudi,grande-soiree", &p);
        assert_eq!(known, ["grande-soiree", "pleniere-jeudi"]);
        assert_eq!(unknown, 1);
        assert_eq!(share_value(&known), "grande-soiree,pleniere-jeudi");
        assert_eq!(unknown_shared("inconnu,grande-soiree,autre, inconnu", &p), ["inconnu", "autre"]);
    }

    #[test]
    fn selection_is_listed_day_by_day_with_untimed_items_last() {
        let p = programme();
        let chosen: Vec<String> = ["dinum-startups-etat", "grande-soiree", "accueil-jeudi", "off-beta-tour"].map(String::from).to_vec();
        assert_eq!(ids(&in_time_order(&p, &chosen)), ["off-beta-tour", "accueil-jeudi", "grande-soiree", "dinum-startups-etat"]);
    }

    #[test]
    fn overlaps_include_the_evening_that_crosses_midnight() {
        let mut p = programme();
        let mut late = p.items.iter().find(|i| i.id == "accueil-vendredi").unwrap().clone();
        late.id = "apres-minuit".into();
        late.start = Some(at("2023-10-20T00:30:00+02:00"));
        late.end = Some(at("2023-10-20T02:00:00+02:00"));
        p.items.push(late);
        let chosen: Vec<String> = ["grande-soiree", "apres-minuit", "accueil-vendredi", "dejeuner-cloture"].map(String::from).to_vec();
        let items = in_time_order(&p, &chosen);
        let pairs: Vec<(String, String)> = overlaps(&items).into_iter().map(|(a, b)| (a.id.clone(), b.id.clone())).collect();
        assert_eq!(pairs, [("grande-soiree".to_owned(), "apres-minuit".to_owned())]);
        p.items.iter_mut().find(|i| i.id == "grande-soiree").unwrap().status = crate::model::ItemStatus::Cancelled;
        assert!(overlaps(&in_time_order(&p, &chosen)).is_empty(), "a cancelled item overlaps nothing");
    }

    #[test]
    fn an_instant_overlaps_the_span_it_falls_in() {
        let mut p = programme();
        p.items.iter_mut().find(|i| i.id == "accueil-vendredi").unwrap().start = Some(at("2023-10-20T13:00:00+02:00"));
        let chosen: Vec<String> = ["accueil-vendredi", "dejeuner-cloture"].map(String::from).to_vec();
        assert_eq!(overlaps(&in_time_order(&p, &chosen)).len(), 1);
    }

    /// Found by crates/nec-data/tests/fuzz.rs: an instant on chrono's last second has no second after it.
    #[test]
    fn instants_on_the_last_representable_second_do_not_overflow() {
        let mut p = programme();
        let last: DateTime<FixedOffset> = "+262142-12-31T23:59:59Z".parse().unwrap();
        for item in p.items.iter_mut().filter(|i| ["accueil-vendredi", "dejeuner-cloture"].contains(&i.id.as_str())) {
            (item.start, item.end) = (Some(last), None);
        }
        let chosen: Vec<String> = ["accueil-vendredi", "dejeuner-cloture"].map(String::from).to_vec();
        assert_eq!(overlaps(&in_time_order(&p, &chosen)).len(), 1, "two instants at the same time overlap");
    }

    /// The stored text can be anything up to the storage quota: repeats are dropped in linear
    /// time. (Pairwise, 40,000 distinct ids took 5 s; this case would take minutes.)
    #[test]
    fn a_huge_stored_selection_is_read_in_linear_time() {
        let ids: Vec<crate::chosen::Chosen> = (0..200_000).map(|i| crate::chosen::Chosen::id(&format!("id-{i}"))).collect();
        let text = to_stored(&[ids.clone(), ids.clone()].concat());
        let started = std::time::Instant::now();
        assert_eq!(parse_stored(&text), Some(ids));
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "took {:?}", started.elapsed());
    }

    #[test]
    fn now_and_next_follow_the_clock() {
        let p = programme();
        let before = now_and_next(&p, at("2023-10-17T12:00:00+02:00"));
        assert_eq!(before, None);
        // The clock gives UTC: 22:30 UTC on the 17th is already the 18th, the first day, in Paris.
        assert_eq!(now_and_next(&p, at("2023-10-17T21:30:00Z")), None);
        assert!(now_and_next(&p, at("2023-10-17T22:30:00Z")).is_some());
        let morning = now_and_next(&p, at("2023-10-19T10:00:00+02:00")).unwrap();
        assert!(morning.current.is_empty());
        assert_eq!(ids(&morning.next), ["pleniere-jeudi"]);
        let night = now_and_next(&p, at("2023-10-20T00:30:00+02:00")).unwrap();
        assert_eq!(ids(&night.current), ["grande-soiree"]);
        assert_eq!(ids(&night.next), ["accueil-vendredi"]);
        let lunch = now_and_next(&p, at("2023-10-20T13:00:00+02:00")).unwrap();
        assert_eq!(ids(&lunch.current), ["dejeuner-cloture"]);
        assert!(lunch.next.is_empty());
        assert_eq!(now_and_next(&p, at("2023-10-20T16:00:00+02:00")), None);
        // Synthetic: the party cancelled is neither on nor next.
        let mut cancelled = programme();
        cancelled.items.iter_mut().find(|i| i.id == "grande-soiree").unwrap().status = crate::model::ItemStatus::Cancelled;
        let night = now_and_next(&cancelled, at("2023-10-20T00:30:00+02:00")).unwrap();
        assert!(night.current.is_empty());
        let evening = now_and_next(&cancelled, at("2023-10-19T18:00:00+02:00")).unwrap();
        assert_eq!(ids(&evening.next), ["accueil-vendredi"]);
    }

    #[test]
    fn a_stored_key_names_its_edition() {
        assert_eq!(stored_year(&storage_key(2023)), Some(2023));
        assert_eq!(stored_year("nec-mon-programme-2099"), Some(2099));
        for other in ["nec-theme", "nec-mon-programme-", "nec-mon-programme-23", "nec-mon-programme-2023-old", "nec-mon-programme-+202"] {
            assert_eq!(stored_year(other), None, "{other}");
        }
    }
}
