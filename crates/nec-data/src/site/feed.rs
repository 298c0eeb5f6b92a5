//! The Atom feed (RFC 4287) of the programme's publications, `modifications-du-programme.atom`,
//! written by `nec-data site` beside the sitemap: one entry per publication, in French, newest
//! first, each linking to its place on « Modifications du programme ».

use super::escape;
use crate::locale::Lang;
use crate::model::{Programme, Publication};
use crate::publications::describe;

pub use crate::publications::{CHANGES_PAGE, FEED};

/// A publication's anchor on the page: its rank, oldest first, from 1 (the record only grows).
pub fn anchor(rank: usize) -> String {
    format!("publication-{rank}")
}

/// A day as an Atom date: midnight on Paris's clock.
fn stamp(date: chrono::NaiveDate) -> String {
    let midnight = date.and_hms_opt(0, 0, 0).and_then(crate::tz::from_paris);
    midnight.map_or_else(|| format!("{date}T00:00:00Z"), |m| m.to_rfc3339())
}

fn entry_text(publication: &Publication) -> String {
    let mut lines: Vec<String> = publication.note.iter().map(|n| n.fr.clone()).collect();
    if publication.changes.is_empty() {
        lines.push("Aucune modification d’élément du programme.".to_owned());
    }
    lines.extend(publication.changes.iter().map(|c| format!("- {}", describe(c, Lang::Fr, true).plain())));
    lines.join("\n")
}

/// The feed, with absolute addresses from `origin`.
pub fn atom(origin: &str, programme: &Programme) -> String {
    let year = programme.edition.year;
    let page = format!("{origin}{CHANGES_PAGE}");
    let updated = programme.publications.iter().map(|p| p.date).max().map_or_else(|| stamp(chrono::NaiveDate::MIN), stamp);
    let mut xml = format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n",
            "  <id>{origin}{feed}</id>\n",
            "  <title>Modifications du programme {year} — Numérique en Commun[s]</title>\n",
            "  <subtitle>Chaque publication du programme et ce qu’elle a changé.</subtitle>\n",
            "  <updated>{updated}</updated>\n",
            "  <author><name>Numérique en Commun[s]</name><uri>{origin}/</uri></author>\n",
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{origin}{feed}\"/>\n",
            "  <link rel=\"alternate\" type=\"text/html\" hreflang=\"fr\" href=\"{page}\"/>\n",
        ),
        origin = escape(origin),
        feed = FEED,
        year = year,
        updated = updated,
        page = escape(&page),
    );
    let mut ranked: Vec<(usize, &Publication)> = programme.publications.iter().enumerate().map(|(i, p)| (i + 1, p)).collect();
    ranked.reverse();
    for (rank, publication) in ranked {
        let link = format!("{page}#{}", anchor(rank));
        let title = match publication.changes.len() {
            0 => format!("Publication du {}", lang_date(publication)),
            1 => format!("Publication du {} : 1 modification", lang_date(publication)),
            n => format!("Publication du {} : {n} modifications", lang_date(publication)),
        };
        xml.push_str(&format!(
            "  <entry>\n    <id>{link}</id>\n    <title>{}</title>\n    <updated>{}</updated>\n    <link rel=\"alternate\" \
             type=\"text/html\" href=\"{link}\"/>\n    <content type=\"text\">{}</content>\n  </entry>\n",
            escape(&title),
            stamp(publication.date),
            escape(&entry_text(publication)),
            link = escape(&link),
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

fn lang_date(publication: &Publication) -> String {
    Lang::Fr.day_month_year(publication.date)
}
