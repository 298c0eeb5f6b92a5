//! The edition history as series: what the chart, its table, its text alternative and the CSV
//! download are drawn from. No web dependency.

use crate::format;
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

    /// The trend in one French sentence, for the chart's text alternative.
    pub fn trend(&self) -> String {
        let known: Vec<(i32, u32)> = self.points.iter().filter_map(|(y, v)| v.map(|v| (*y, v))).collect();
        let missing: Vec<String> = self.points.iter().filter(|(_, v)| v.is_none()).map(|(y, _)| y.to_string()).collect();
        let name = self.metric.label(Lang::Fr);
        let mut sentence = match known.as_slice() {
            [] => format!("{name} : aucun chiffre publié"),
            [(year, value)] => format!("{name} : {} en {year} seulement", format::number(*value)),
            [(first_year, first), .., (last_year, last)] => {
                let direction = match last.cmp(first) {
                    std::cmp::Ordering::Greater => "en hausse",
                    std::cmp::Ordering::Less => "en baisse",
                    std::cmp::Ordering::Equal => "stable",
                };
                let mut s = format!(
                    "{name} : {direction}, de {} en {first_year} à {} en {last_year}",
                    format::number(*first),
                    format::number(*last)
                );
                let inner = &known[1..known.len() - 1];
                let (min_year, min) = known.iter().copied().min_by_key(|(_, v)| *v).unwrap_or((*first_year, *first));
                let (max_year, max) = known.iter().copied().max_by_key(|(_, v)| *v).unwrap_or((*last_year, *last));
                if inner.iter().any(|(y, _)| *y == min_year) && min < *first.min(last) {
                    s += &format!(", avec un minimum de {} en {min_year}", format::number(min));
                }
                if inner.iter().any(|(y, _)| *y == max_year) && max > *first.max(last) {
                    s += &format!(", avec un maximum de {} en {max_year}", format::number(max));
                }
                s
            }
        };
        if !missing.is_empty() {
            sentence += &format!(" ; pas de chiffre pour {}", format::list(&missing));
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
            Series::of(&file, Metric::Attendees).trend(),
            "Personnes présentes : en hausse, de 850 en 2018 à 2\u{202F}000 en 2023, avec un minimum de 400 en 2021 ; pas de chiffre pour 2020."
        );
        assert_eq!(
            Series::of(&file, Metric::OnlineViewers).trend(),
            "Personnes ayant suivi les directs en ligne : en hausse, de 4\u{202F}000 en 2020 à 6\u{202F}000 en 2022 ; pas de chiffre pour 2018, 2019 et 2023."
        );
        let single = Series { metric: Metric::Countries, points: vec![(2022, None), (2023, Some(12))] };
        assert_eq!(single.trend(), "Pays représentés : 12 en 2023 seulement ; pas de chiffre pour 2022.");
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
