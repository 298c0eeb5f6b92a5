//! The edition history as series: what the chart, its table, its text alternative and the CSV
//! download are drawn from. No web dependency.

use crate::locale::Lang;
use crate::model::{EditionsFile, Metric, Qualifier};

/// The metrics the participation chart compares, in display order.
pub const CHART_METRICS: [Metric; 3] = [Metric::Attendees, Metric::Speakers, Metric::OnlineViewers];

/// One metric across the editions; `None` where the sources give no figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub metric: Metric,
    pub points: Vec<(i32, Option<u32>)>,
    /// The years whose figure the source bounds rather than states (« plus de 1 000 »).
    pub qualified: Vec<(i32, Qualifier)>,
}

impl Series {
    pub fn of(file: &EditionsFile, metric: Metric) -> Self {
        let points = file.editions.iter().map(|e| (e.year, e.figure(metric).map(|f| f.value))).collect();
        let qualified = file.editions.iter().filter_map(|e| Some((e.year, e.figure(metric)?.qualifier?))).collect();
        Series { metric, points, qualified }
    }

    /// How the source bounds `year`'s figure, if it does.
    pub fn qualifier(&self, year: i32) -> Option<Qualifier> {
        self.qualified.iter().find(|(y, _)| *y == year).map(|(_, q)| *q)
    }

    /// `year`'s figure as it is to be read: « plus de 1 000 », "about 20", « 850 ».
    pub fn amount(&self, lang: Lang, year: i32, value: u32) -> String {
        lang.amount(value, self.qualifier(year))
    }

    /// The largest value, for the chart's scale.
    pub fn max(&self) -> u32 {
        self.points.iter().filter_map(|(_, v)| *v).max().unwrap_or(0)
    }

    /// The trend in one sentence in `lang`, for the chart's text alternative.
    pub fn trend(&self, lang: Lang) -> String {
        let known: Vec<(i32, u32)> = self.points.iter().filter_map(|(y, v)| v.map(|v| (*y, v))).collect();
        let missing: Vec<String> = self.points.iter().filter(|(_, v)| v.is_none()).map(|(y, _)| y.to_string()).collect();
        let name = self.metric.label(lang);
        let n = |year: i32, value: u32| self.amount(lang, year, value);
        let mut sentence = match known.as_slice() {
            [] => match lang {
                Lang::Fr => format!("{name} : aucun chiffre publié"),
                Lang::En => format!("{name}: no figure published"),
            },
            [(year, value)] => match lang {
                Lang::Fr => format!("{name} : {} en {year} seulement", n(*year, *value)),
                Lang::En => format!("{name}: {} in {year} only", n(*year, *value)),
            },
            [(first_year, first), .., (last_year, last)] => {
                let direction = match (last.cmp(first), lang) {
                    (std::cmp::Ordering::Greater, Lang::Fr) => "en hausse",
                    (std::cmp::Ordering::Less, Lang::Fr) => "en baisse",
                    (std::cmp::Ordering::Equal, Lang::Fr) => "stable",
                    (std::cmp::Ordering::Greater, Lang::En) => "rising",
                    (std::cmp::Ordering::Less, Lang::En) => "falling",
                    (std::cmp::Ordering::Equal, Lang::En) => "stable",
                };
                let mut s = match lang {
                    Lang::Fr => format!(
                        "{name} : {direction}, de {} en {first_year} à {} en {last_year}",
                        n(*first_year, *first),
                        n(*last_year, *last)
                    ),
                    Lang::En => format!(
                        "{name}: {direction}, from {} in {first_year} to {} in {last_year}",
                        n(*first_year, *first),
                        n(*last_year, *last)
                    ),
                };
                let inner = &known[1..known.len() - 1];
                let (min_year, min) = known.iter().copied().min_by_key(|(_, v)| *v).unwrap_or((*first_year, *first));
                let (max_year, max) = known.iter().copied().max_by_key(|(_, v)| *v).unwrap_or((*last_year, *last));
                if inner.iter().any(|(y, _)| *y == min_year) && min < *first.min(last) {
                    s += &match lang {
                        Lang::Fr => format!(", avec un minimum de {} en {min_year}", n(min_year, min)),
                        Lang::En => format!(", with a low of {} in {min_year}", n(min_year, min)),
                    };
                }
                if inner.iter().any(|(y, _)| *y == max_year) && max > *first.max(last) {
                    s += &match lang {
                        Lang::Fr => format!(", avec un maximum de {} en {max_year}", n(max_year, max)),
                        Lang::En => format!(", with a high of {} in {max_year}", n(max_year, max)),
                    };
                }
                s
            }
        };
        if !missing.is_empty() {
            sentence += &match lang {
                Lang::Fr => format!(" ; pas de chiffre pour {}", lang.list(&missing)),
                Lang::En => format!("; no figure for {}", lang.list(&missing)),
            };
        }
        sentence + "."
    }
}

/// Every figure as CSV (RFC 4180, comma-separated, UTF-8), one row per figure: the national
/// editions' (« nationale », their year and every city the sources give: « Sud Charente /
/// Angoulême »), then the local NECs' (« NEC locaux », no year, no city); its bound (« environ »,
/// « plus de », or empty when exact) before its value; its source by file name.
pub fn figures_csv(file: &EditionsFile) -> String {
    let mut out = String::from("annee,edition,ville,indicateur,qualificatif,valeur,libelle,source\r\n");
    let national = file.editions.iter().flat_map(|e| e.figures.iter().map(move |f| (e.year.to_string(), "nationale", e.cities(), f)));
    let local = file.local_editions.figures.iter().map(|f| (String::new(), "NEC locaux", String::new(), f));
    for (year, kind, cities, figure) in national.chain(local) {
        let row = [
            year,
            kind.to_owned(),
            cities,
            figure.metric.id().to_owned(),
            figure.qualifier.map_or("", |q| q.words(Lang::Fr)).to_owned(),
            figure.value.to_string(),
            figure.label.fr.clone(),
            figure.source.clone(),
        ];
        out += &row.iter().map(|field| csv_field(field)).collect::<Vec<_>>().join(",");
        out += "\r\n";
    }
    out
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;

    fn shipped() -> EditionsFile {
        parse(include_str!("../../../public/data/editions.json")).expect("shipped editions are valid")
    }

    #[test]
    fn series_follow_the_editions_with_gaps_where_no_figure_exists() {
        let attendees = Series::of(&shipped(), Metric::Attendees);
        assert_eq!(
            attendees.points,
            [(2018, Some(850)), (2019, Some(800)), (2020, None), (2021, Some(400)), (2022, Some(1800)), (2023, Some(2000))]
        );
        assert_eq!(attendees.max(), 2000);
    }

    #[test]
    fn trends_state_direction_extremes_and_gaps() {
        let file = shipped();
        assert_eq!(
            Series::of(&file, Metric::Attendees).trend(Lang::Fr),
            "Personnes présentes : en hausse, de 850 en 2018 à 2\u{202F}000 en 2023, avec un minimum de 400 en 2021 ; pas de chiffre pour 2020."
        );
        assert_eq!(
            Series::of(&file, Metric::OnlineViewers).trend(Lang::Fr),
            "Personnes ayant suivi les directs en ligne : en hausse, de 4\u{202F}000 en 2020 à 6\u{202F}000 en 2022 ; pas de chiffre pour 2018, 2019 et 2023."
        );
        let single = Series { metric: Metric::Countries, points: vec![(2022, None), (2023, Some(12))], qualified: vec![] };
        assert_eq!(single.trend(Lang::Fr), "Pays représentés : 12 en 2023 seulement ; pas de chiffre pour 2022.");
    }

    #[test]
    fn approximate_figures_stay_approximate_in_the_trend() {
        let series = Series {
            metric: Metric::ExpectedAttendees,
            points: vec![(2021, Some(400)), (2022, Some(1000))],
            qualified: vec![(2022, Qualifier::MoreThan)],
        };
        assert_eq!(series.trend(Lang::Fr), "Personnes attendues : en hausse, de 400 en 2021 à plus de 1\u{202F}000 en 2022.");
        assert_eq!(series.trend(Lang::En), "People expected: rising, from 400 in 2021 to more than 1,000 in 2022.");
        let about = Series { metric: Metric::LocalOrganisers, points: vec![(2022, Some(20))], qualified: vec![(2022, Qualifier::About)] };
        assert_eq!(about.trend(Lang::Fr), "Acteurs locaux organisateurs : environ 20 en 2022 seulement.");
    }

    #[test]
    fn trends_in_english() {
        let file = shipped();
        assert_eq!(
            Series::of(&file, Metric::Attendees).trend(Lang::En),
            "People present: rising, from 850 in 2018 to 2,000 in 2023, with a low of 400 in 2021; no figure for 2020."
        );
        assert_eq!(
            Series::of(&file, Metric::OnlineViewers).trend(Lang::En),
            "People who watched the live streams: rising, from 4,000 in 2020 to 6,000 in 2022; no figure for 2018, 2019 and 2023."
        );
        let single = Series { metric: Metric::Countries, points: vec![(2022, None), (2023, Some(12))], qualified: vec![] };
        assert_eq!(single.trend(Lang::En), "Countries represented: 12 in 2023 only; no figure for 2022.");
        let none = Series { metric: Metric::Speakers, points: vec![(2022, None)], qualified: vec![] };
        assert_eq!(none.trend(Lang::Fr), "Intervenants et intervenantes : aucun chiffre publié ; pas de chiffre pour 2022.");
        assert_eq!(none.trend(Lang::En), "Speakers: no figure published; no figure for 2022.");
        let falling = Series { metric: Metric::Venues, points: vec![(2021, Some(5)), (2022, Some(9)), (2023, Some(3))], qualified: vec![] };
        assert_eq!(falling.trend(Lang::En), "Venues: falling, from 5 in 2021 to 3 in 2023, with a high of 9 in 2022.");
        assert_eq!(falling.trend(Lang::Fr), "Lieux : en baisse, de 5 en 2021 à 3 en 2023, avec un maximum de 9 en 2022.");
    }

    #[test]
    fn csv_has_one_row_per_figure_and_quotes_what_needs_it() {
        let csv = figures_csv(&shipped());
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        let file = shipped();
        let figures: usize = file.editions.iter().map(|e| e.figures.len()).sum::<usize>() + file.local_editions.figures.len();
        assert_eq!(lines.len(), figures + 1);
        assert_eq!(lines[1], "2018,nationale,Nantes,attendees,,850,personnes présentes,002_68ca741a9dc257c3.txt");
        assert!(csv.contains("\r\n2022,nationale,Lens,expected_attendees,plus de,1000,professionnels attendus,004_"), "{csv}");
        assert!(csv.contains("\r\n2021,nationale,Sud Charente / Angoulême,attendees,,400,"), "both accounts of the place: {csv}");
        assert!(csv.contains("\r\n,NEC locaux,,local_organisers,environ,20,acteurs locaux organisent leur propre NEC local,004_"), "{csv}");
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
    }
}
