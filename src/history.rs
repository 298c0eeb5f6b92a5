//! The edition history as series: what the chart, its table, its text alternative and the CSV
//! download are drawn from. No web dependency.

use crate::locale::Lang;
use crate::model::{EditionsFile, Metric};

/// The metrics the participation chart compares, in display order.
pub const CHART_METRICS: [Metric; 3] = [Metric::Attendees, Metric::Speakers, Metric::OnlineViewers];

/// One metric across the editions; `None` where the sources give no figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub metric: Metric,
    pub points: Vec<(i32, Option<u32>)>,
}

impl Series {
    pub fn of(file: &EditionsFile, metric: Metric) -> Self {
        let points = file.editions.iter().map(|e| (e.year, e.figure(metric).map(|f| f.value))).collect();
        Series { metric, points }
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
        let n = |value: u32| lang.number(value);
        let mut sentence = match known.as_slice() {
            [] => match lang {
                Lang::Fr => format!("{name} : aucun chiffre publié"),
                Lang::En => format!("{name}: no figure published"),
            },
            [(year, value)] => match lang {
                Lang::Fr => format!("{name} : {} en {year} seulement", n(*value)),
                Lang::En => format!("{name}: {} in {year} only", n(*value)),
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
                    Lang::Fr => format!("{name} : {direction}, de {} en {first_year} à {} en {last_year}", n(*first), n(*last)),
                    Lang::En => format!("{name}: {direction}, from {} in {first_year} to {} in {last_year}", n(*first), n(*last)),
                };
                let inner = &known[1..known.len() - 1];
                let (min_year, min) = known.iter().copied().min_by_key(|(_, v)| *v).unwrap_or((*first_year, *first));
                let (max_year, max) = known.iter().copied().max_by_key(|(_, v)| *v).unwrap_or((*last_year, *last));
                if inner.iter().any(|(y, _)| *y == min_year) && min < *first.min(last) {
                    s += &match lang {
                        Lang::Fr => format!(", avec un minimum de {} en {min_year}", n(min)),
                        Lang::En => format!(", with a low of {} in {min_year}", n(min)),
                    };
                }
                if inner.iter().any(|(y, _)| *y == max_year) && max > *first.max(last) {
                    s += &match lang {
                        Lang::Fr => format!(", avec un maximum de {} en {max_year}", n(max)),
                        Lang::En => format!(", with a high of {} in {max_year}", n(max)),
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

/// Every figure of every edition as CSV (RFC 4180, comma-separated, UTF-8), one row per figure.
pub fn figures_csv(file: &EditionsFile) -> String {
    let mut out = String::from("annee,ville,indicateur,valeur,libelle,approximatif,source\r\n");
    for edition in &file.editions {
        for figure in &edition.figures {
            let row = [
                edition.year.to_string(),
                edition.city().to_owned(),
                figure.metric.id().to_owned(),
                figure.value.to_string(),
                figure.label.fr.clone(),
                if figure.approximate { "oui" } else { "non" }.to_owned(),
                figure.source.clone(),
            ];
            out += &row.iter().map(|field| csv_field(field)).collect::<Vec<_>>().join(",");
            out += "\r\n";
        }
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
        parse(include_str!("../public/data/editions.json")).expect("shipped editions are valid")
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
        let single = Series { metric: Metric::Countries, points: vec![(2022, None), (2023, Some(12))] };
        assert_eq!(single.trend(Lang::Fr), "Pays représentés : 12 en 2023 seulement ; pas de chiffre pour 2022.");
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
        let single = Series { metric: Metric::Countries, points: vec![(2022, None), (2023, Some(12))] };
        assert_eq!(single.trend(Lang::En), "Countries represented: 12 in 2023 only; no figure for 2022.");
        let none = Series { metric: Metric::Speakers, points: vec![(2022, None)] };
        assert_eq!(none.trend(Lang::Fr), "Intervenants et intervenantes : aucun chiffre publié ; pas de chiffre pour 2022.");
        assert_eq!(none.trend(Lang::En), "Speakers: no figure published; no figure for 2022.");
        let falling = Series { metric: Metric::Venues, points: vec![(2021, Some(5)), (2022, Some(9)), (2023, Some(3))] };
        assert_eq!(falling.trend(Lang::En), "Venues: falling, from 5 in 2021 to 3 in 2023, with a high of 9 in 2022.");
        assert_eq!(falling.trend(Lang::Fr), "Lieux : en baisse, de 5 en 2021 à 3 en 2023, avec un maximum de 9 en 2022.");
    }

    #[test]
    fn csv_has_one_row_per_figure_and_quotes_what_needs_it() {
        let csv = figures_csv(&shipped());
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        let figures: usize = shipped().editions.iter().map(|e| e.figures.len()).sum();
        assert_eq!(lines.len(), figures + 1);
        assert_eq!(lines[1], "2018,Nantes,attendees,850,personnes présentes,non,002_68ca741a9dc257c3.txt");
        assert!(csv.contains("2022,Lens,expected_attendees,1000,professionnels attendus (« plus de 1 000 »),oui,"));
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
    }
}
