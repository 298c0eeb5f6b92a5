//! Programme filters and search: what the visitor chose, as it lives in the URL query, and the
//! items that match. No web dependency; the browser only reads and writes the query string.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::describe::text_piece;
use crate::format::{capitalised, lower};
use crate::locale::{Lang, Pieces};
use crate::model::{Item, Programme};

/// The day key of items announced without a day.
pub const UNDATED: &str = "a-preciser";
/// Items shown per page of results: keeps the page under its DOM budget at any programme size.
pub const PAGE_SIZE: usize = 15;

/// The filter state. Empty lists mean "all".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Dates as `YYYY-MM-DD`, or [`UNDATED`].
    pub days: Vec<String>,
    pub themes: Vec<String>,
    pub formats: Vec<String>,
    pub text: String,
    /// 1-based page of results.
    pub page: usize,
}

impl Filters {
    /// Reads the query pairs (`jour`, `theme`, `format`, `q`, `page`); unknown keys are ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut filters = Filters { page: 1, ..Filters::default() };
        // The values already taken, per list: a crafted link may hold hundreds of thousands.
        let mut seen: [HashSet<&str>; 3] = Default::default();
        for (key, raw_value) in pairs {
            let value = raw_value.trim();
            match key {
                TEXT_KEY => filters.text = raw_value.chars().take(200).collect(),
                PAGE_KEY => filters.page = value.parse().ok().filter(|p| *p > 0).unwrap_or(1),
                _ if value.is_empty() => {}
                _ => {
                    if let Some(list) = FilterList::ALL.into_iter().find(|list| list.key() == key) {
                        let seen = &mut seen[list as usize];
                        push_unique(seen, filters.values_mut(list), value);
                    }
                }
            }
        }
        filters
    }

    /// The query string (without `?`) that restores this state; empty when nothing is chosen.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        for list in FilterList::ALL {
            pairs.extend(self.values(list).iter().map(|v| (list.key(), v.as_str())));
        }
        // The text is kept as typed (a trailing space included) so the search box never eats it.
        if !self.text.trim().is_empty() {
            pairs.push((TEXT_KEY, &self.text));
        }
        let page = self.page.to_string();
        if self.page > 1 {
            pairs.push((PAGE_KEY, &page));
        }
        pairs.iter().map(|(k, v)| format!("{k}={}", encode_component(v))).collect::<Vec<_>>().join("&")
    }

    /// True when no filter and no search is active.
    pub fn is_empty(&self) -> bool {
        self.days.is_empty() && self.themes.is_empty() && self.formats.is_empty() && self.text.trim().is_empty()
    }

    /// How many boxes are ticked, in all groups: what the « Filtrer » disclosure says while closed.
    pub fn ticked(&self) -> usize {
        self.days.len() + self.themes.len() + self.formats.len()
    }

    /// A copy with one value of a list toggled, back on page 1.
    pub fn toggled(&self, list: FilterList, value: &str) -> Self {
        let mut next = self.clone();
        let values = next.values_mut(list);
        if let Some(i) = values.iter().position(|v| v == value) {
            values.remove(i);
        } else {
            values.push(value.to_owned());
        }
        next.page = 1;
        next
    }

    /// Whether `value` is checked in one group.
    pub fn has(&self, list: FilterList, value: &str) -> bool {
        self.values(list).iter().any(|v| v == value)
    }

    fn values(&self, list: FilterList) -> &[String] {
        match list {
            FilterList::Days => &self.days,
            FilterList::Themes => &self.themes,
            FilterList::Formats => &self.formats,
        }
    }

    fn values_mut(&mut self, list: FilterList) -> &mut Vec<String> {
        match list {
            FilterList::Days => &mut self.days,
            FilterList::Themes => &mut self.themes,
            FilterList::Formats => &mut self.formats,
        }
    }

    /// Whether an item passes every active filter and contains every word of the search.
    pub fn matches(&self, item: &Item, haystack: &str) -> bool {
        let day = item.day.map_or_else(|| UNDATED.to_owned(), |d| d.to_string());
        let in_list = |values: &[String], value: Option<&str>| values.is_empty() || value.is_some_and(|v| values.iter().any(|x| x == v));
        in_list(&self.days, Some(&day))
            && in_list(&self.themes, item.theme.as_deref())
            && in_list(&self.formats, item.format.as_deref())
            && words(&self.text).iter().all(|w| haystack.contains(w.as_str()))
    }
}

/// Which checkbox group a value belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterList {
    Days,
    Themes,
    Formats,
}

/// The query key of the search text, and of the page of results.
pub const TEXT_KEY: &str = "q";
pub const PAGE_KEY: &str = "page";

impl FilterList {
    pub const ALL: [FilterList; 3] = [FilterList::Days, FilterList::Themes, FilterList::Formats];

    /// Its key in the address (`/programme?jour=2023-10-19&theme=…`) and its checkboxes' `name`.
    pub fn key(self) -> &'static str {
        match self {
            FilterList::Days => "jour",
            FilterList::Themes => "theme",
            FilterList::Formats => "format",
        }
    }

    /// The legend of its group of boxes, the same wherever they are (/programme, /integrer): plural,
    /// as several may be ticked.
    pub fn legend(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (FilterList::Days, Lang::Fr) => "Jours",
            (FilterList::Days, Lang::En) => "Days",
            (FilterList::Themes, Lang::Fr) => "Thématiques",
            (FilterList::Themes, Lang::En) => "Themes",
            (FilterList::Formats, _) => "Formats",
        }
    }

    /// Every key the programme's address may hold.
    pub fn query_keys() -> [&'static str; 5] {
        [FilterList::Days.key(), FilterList::Themes.key(), FilterList::Formats.key(), TEXT_KEY, PAGE_KEY]
    }
}

fn push_unique<'a>(seen: &mut HashSet<&'a str>, values: &mut Vec<String>, value: &'a str) {
    if seen.insert(value) {
        values.push(value.to_owned());
    }
}

fn words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// Lower case without accents, so "ecologie" finds "Écologie" and "mediation" finds "Médiation".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(lower) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            '’' | '\'' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The folded text search looks in for each item: title, description, theme, format (in French
/// and in English when translated), speakers.
pub fn search_index(programme: &Programme) -> Vec<String> {
    programme
        .items
        .iter()
        .map(|item| {
            let theme = item.theme.as_deref().and_then(|t| programme.theme(t)).map(|t| &t.name);
            let format = item.format.as_deref().and_then(|f| programme.format(f)).map(|f| &f.name);
            // Both languages: a visitor may search in either, whatever the page's language.
            let texts = [Some(&item.title), Some(&item.description), theme, format];
            let words: Vec<&str> = texts.into_iter().flatten().flat_map(|t| [Some(t.fr.as_str()), t.en.as_deref()]).flatten().collect();
            fold(&format!("{} {}", words.join(" "), item.speakers.join(" ")))
        })
        .collect()
}

/// The indices of the matching items, in programme order.
pub fn matching(programme: &Programme, index: &[String], filters: &Filters) -> Vec<usize> {
    programme.items.iter().zip(index).enumerate().filter(|(_, (item, haystack))| filters.matches(item, haystack)).map(|(i, _)| i).collect()
}

/// "/programme?jour=…" for a filter state.
pub fn programme_url(filters: &Filters) -> String {
    programme_url_at("/programme", filters)
}

/// Where an edition's programme lives: `/programme` for the current one (`None`), and each
/// edition's own stable address, `/editions/2023/programme`.
pub fn programme_base(edition: Option<i32>) -> String {
    edition.map_or_else(|| "/programme".to_owned(), |year| format!("/editions/{year}/programme"))
}

/// "<base>?jour=…" for a filter state, `base` a [`programme_base`].
pub fn programme_url_at(base: &str, filters: &Filters) -> String {
    let query = filters.to_query();
    if query.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{query}")
    }
}

/// The matching items day by day, then by time; items without a day or a time come last.
pub fn matching_in_order(programme: &Programme, index: &[String], filters: &Filters) -> Vec<usize> {
    let mut found = matching(programme, index, filters);
    found.sort_by_key(|&i| {
        let item = &programme.items[i];
        (item.day.is_none(), item.day, item.start.is_none(), item.start, i)
    });
    found
}

/// Runs of consecutive items on the same day, as (day, item indices), in the order given.
pub fn by_day(programme: &Programme, indices: impl IntoIterator<Item = usize>) -> Vec<(Option<NaiveDate>, Vec<usize>)> {
    let mut groups: Vec<(Option<NaiveDate>, Vec<usize>)> = Vec::new();
    for i in indices {
        let day = programme.items[i].day;
        match groups.last_mut() {
            Some((d, list)) if *d == day => list.push(i),
            _ => groups.push((day, vec![i])),
        }
    }
    groups
}

/// The (value, label) checkboxes of one filter group: days with their title (and « Date à
/// préciser » when some items have no day), themes, formats.
pub fn filter_options(programme: &Programme, list: FilterList, lang: Lang) -> Vec<(String, Pieces)> {
    match list {
        FilterList::Days => {
            let mut days: Vec<(String, Pieces)> = programme
                .days
                .iter()
                .map(|d| {
                    let mut label = Pieces::of(format!("{} (", capitalised(&lang.long_date(d.date))), lang);
                    label.extend(text_piece(&d.title, lang)).push(")", lang);
                    (d.date.to_string(), label)
                })
                .collect();
            if !programme.undated_items().is_empty() {
                days.push((UNDATED.to_owned(), Pieces::of(lang.words().undated, lang)));
            }
            days
        }
        FilterList::Themes => programme.themes.iter().map(|t| (t.id.clone(), text_piece(&t.name, lang))).collect(),
        FilterList::Formats => programme.formats.iter().map(|f| (f.id.clone(), text_piece(&f.name, lang))).collect(),
    }
}

/// Percent-encodes a query value (UTF-8), leaving only unreserved characters as they are.
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;

    fn programme() -> Programme {
        parse(include_str!("../../../public/data/programme-2023.json")).expect("shipped programme is valid")
    }

    fn titles(p: &Programme, filters: &Filters) -> Vec<String> {
        matching(p, &search_index(p), filters).into_iter().map(|i| p.items[i].title.fr.clone()).collect()
    }

    #[test]
    fn ticked_counts_boxes_of_every_group_but_not_the_search() {
        let filters = Filters::from_pairs([("jour", "2023-10-19"), ("theme", "inclusion"), ("format", "atelier"), ("q", "data")]);
        assert_eq!(filters.ticked(), 3);
        assert_eq!(Filters::from_pairs([("q", "data")]).ticked(), 0);
    }

    #[test]
    fn results_come_day_by_day_and_in_runs_per_day() {
        let p = programme();
        let found = matching_in_order(&p, &search_index(&p), &Filters::default());
        let groups = by_day(&p, found.iter().copied());
        let days: Vec<Option<NaiveDate>> = groups.iter().map(|(d, _)| *d).collect();
        assert_eq!(
            days,
            [Some("2023-10-18".parse().unwrap()), Some("2023-10-19".parse().unwrap()), Some("2023-10-20".parse().unwrap()), None]
        );
        assert_eq!(groups.iter().map(|(_, l)| l.len()).sum::<usize>(), p.items.len());
        let days = filter_options(&p, FilterList::Days, Lang::Fr);
        assert_eq!(days.last().map(|(v, l)| (v.as_str(), l.plain())), Some((UNDATED, "Date non précisée".to_owned())));
        assert_eq!(days[1].1.plain(), "Jeudi 19 octobre 2023 (Programme du jeudi)");
        let days = filter_options(&p, FilterList::Days, Lang::En);
        assert_eq!(days.last().map(|(_, l)| l.plain()), Some("Date not given".to_owned()));
        assert_eq!(days[1].1 .0, [("Thursday 19 October 2023 (Thursday’s programme)".to_owned(), Lang::En)]);
    }

    #[test]
    fn search_ignores_case_and_accents() {
        let mut p = programme();
        p.items[0].theme = Some("ecologie-soutenabilite".into());
        p.items[1].title = "Médiation numérique".into();
        let search = |q: &str| titles(&p, &Filters { text: q.into(), ..Filters::default() });
        assert_eq!(search("ecologie"), [p.items[0].title.clone()], "finds the theme « Écologie & soutenabilité »");
        assert_eq!(search("MEDIATION"), ["Médiation numérique"]);
        assert_eq!(search("souverainete"), ["Le programme Accélérateur d’initiatives citoyennes (AIC)"]);
        assert_eq!(search("déjeuner"), search("dejeuner"));
        assert_eq!(search("dejeuner").len(), 2);
        assert_eq!(search("soiree nec"), ["Grande soirée NEC"], "every word must match");
        assert!(search("beta.gouv").contains(&"L’approche Startups d’État auprès des acteurs publics territoriaux".to_owned()));
    }

    #[test]
    fn filters_combine_and_an_empty_list_means_all() {
        let p = programme();
        let all = titles(&p, &Filters::default());
        assert_eq!(all.len(), p.items.len());
        let thursday = Filters { days: vec!["2023-10-19".into()], ..Filters::default() };
        assert_eq!(titles(&p, &thursday).len(), 5);
        let plenary_thursday = Filters { formats: vec!["pleniere".into()], ..thursday.clone() };
        assert_eq!(titles(&p, &plenary_thursday), ["Plénière"]);
        let undated = Filters { days: vec![UNDATED.into()], ..Filters::default() };
        assert_eq!(titles(&p, &undated).len(), 3);
        let two_days = Filters { days: vec!["2023-10-18".into(), "2023-10-20".into()], ..Filters::default() };
        assert_eq!(titles(&p, &two_days).len(), 5);
    }

    #[test]
    fn query_string_round_trips_and_ignores_junk() {
        let filters = Filters {
            days: vec!["2023-10-19".into()],
            themes: vec!["communs-souverainete".into()],
            formats: vec![],
            text: "médiation & co".into(),
            page: 2,
        };
        let query = filters.to_query();
        assert_eq!(query, "jour=2023-10-19&theme=communs-souverainete&q=m%C3%A9diation%20%26%20co&page=2");
        assert_eq!(programme_url_at(&programme_base(Some(2023)), &filters), format!("/editions/2023/programme?{query}"));
        assert_eq!(programme_url_at(&programme_base(None), &Filters::default()), "/programme");
        let pairs = [("jour", "2023-10-19"), ("theme", "communs-souverainete"), ("q", "médiation & co"), ("page", "2"), ("utm", "x")];
        assert_eq!(Filters::from_pairs(pairs), filters);
        assert_eq!(Filters::from_pairs([("page", "-3"), ("jour", "")]), Filters { page: 1, ..Filters::default() });
        assert_eq!(Filters { page: 1, ..Filters::default() }.to_query(), "");
    }

    /// A crafted link can hold hundreds of thousands of values: repeats are dropped in linear
    /// time. (Pairwise, 40,000 distinct values took 5 s; this case would take minutes.)
    #[test]
    fn a_huge_query_is_read_in_linear_time() {
        let days: Vec<String> = (0..200_000).map(|i| format!("2023-10-{i}")).collect();
        let pairs: Vec<(&str, &str)> = days.iter().chain(&days).map(|d| ("jour", d.as_str())).collect();
        let started = std::time::Instant::now();
        assert_eq!(Filters::from_pairs(pairs).days, days);
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "took {:?}", started.elapsed());
    }

    #[test]
    fn places_are_the_venue_only_where_the_sources_allow_it() {
        let p = programme();
        let place = |id: &str| p.place_of(p.items.iter().find(|i| i.id == id).unwrap()).map(|v| v.name.as_str());
        assert_eq!(place("pleniere-jeudi"), Some("Palais de la Bourse"));
        assert_eq!(place("dejeuner-cloture"), Some("Palais de la Bourse"));
        assert_eq!(place("grande-soiree"), None, "runs past the venue's closing time");
        assert_eq!(place("off-beta-tour"), None, "the off day is only said to be in Bordeaux");
        assert_eq!(place("dinum-startups-etat"), None, "no day announced");
        assert_eq!(place("cocktail-jeudi"), None, "no time and no place in the texts");
        assert_eq!(place("dejeuner-jeudi"), None, "no time and no place in the texts");
    }

    #[test]
    fn toggling_a_value_adds_or_removes_it_and_goes_back_to_page_one() {
        let start = Filters { page: 3, ..Filters::default() };
        let on = start.toggled(FilterList::Themes, "communs-souverainete");
        assert_eq!((on.themes.clone(), on.page), (vec!["communs-souverainete".to_owned()], 1));
        assert!(on.toggled(FilterList::Themes, "communs-souverainete").themes.is_empty());
    }
}
