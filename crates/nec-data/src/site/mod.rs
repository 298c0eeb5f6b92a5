//! What the open web reads of the site, written at build time from the data (no wasm): each
//! page's `<head>` (description, canonical address, `hreflang` alternates, Open Graph and Twitter
//! card, schema.org JSON-LD), `sitemap.xml` and `robots.txt`. `nec-data site` runs it on the
//! routes the prerender found (scripts/prerender.mjs). Native only, no web dependency.
//!
//! Every absolute address comes from the site's public origin (`NEC_SITE_ORIGIN`), checked by
//! [`site_origin`]: a release never carries a loopback address.

pub mod exports;
pub mod feed;
pub mod files;
pub mod json_ld;
pub mod sequences;

use crate::format::capitalised;
use crate::locale::Lang;
use crate::model::{EditionsFile, Programme};
use crate::routes::Route;

/// The share image the build writes (1200 × 630, scripts/prerender.mjs), at the site's root.
pub const SHARE_IMAGE: &str = "/partage.png";
/// Where the Event's JSON-LD node lives: the home page.
pub const EVENT_ID: &str = "/#evenement";

/// What the build needs to write a page's head: its origin and data.
pub struct Site<'a> {
    pub origin: &'a str,
    /// The current edition's programme (`editions.json`'s `current`).
    pub programme: &'a Programme,
    pub editions: &'a EditionsFile,
    /// Every edition's programme, the current one included: `/editions/<year>/programme…`.
    pub programmes: &'a [Programme],
}

/// An edition's programme address, `/editions/2023/programme[/<id>]`: its year and the same
/// page's address under `/programme`.
pub fn edition_programme_path(path: &str) -> Option<(i32, String)> {
    let rest = path.strip_prefix("/editions/")?;
    let (year, rest) = rest.split_once('/')?;
    let tail = rest.strip_prefix("programme")?;
    (tail.is_empty() || tail.starts_with('/')).then_some(())?;
    Some((year.parse().ok()?, format!("/programme{tail}")))
}

/// The address a page is canonical at, without its language prefix: the current edition's
/// programme pages are canonical under `/programme`, every other page at its own address.
pub fn canonical_path(site: &Site, path: &str) -> String {
    match edition_programme_path(path) {
        Some((year, current)) if year == site.editions.current => current,
        _ => path.to_owned(),
    }
}

/// Checks the site's public origin: `https://host[:port]`, no path, no loopback or unspecified
/// address. Returns it without a trailing `/`; the problem in French otherwise.
pub fn site_origin(value: &str) -> Result<String, String> {
    let value = value.trim().trim_end_matches('/');
    let Some(host_port) = value.strip_prefix("https://") else {
        return Err(format!("NEC_SITE_ORIGIN doit commencer par https:// (reçu « {value} »)"));
    };
    if host_port.is_empty() || host_port.contains(['/', '?', '#', '@', ' ']) {
        return Err(format!("NEC_SITE_ORIGIN doit être une origine, sans chemin (reçu « {value} »)"));
    }
    let host = if host_port.starts_with('[') {
        host_port.split(']').next().unwrap_or_default().trim_start_matches('[').to_owned()
    } else {
        host_port.split(':').next().unwrap_or_default().to_ascii_lowercase()
    };
    let loopback = host == "localhost"
        || host.ends_with(".localhost")
        || host.starts_with("127.")
        || host == "0.0.0.0"
        || host == "::1"
        || host == "::"
        || host.eq_ignore_ascii_case("0:0:0:0:0:0:0:1");
    if loopback {
        return Err(format!("NEC_SITE_ORIGIN ne peut pas être une adresse locale (reçu « {value} ») : c’est l’adresse publique du site"));
    }
    Ok(value.to_owned())
}

crate::texts! {
    charter: "La charte de Numérique en Commun[s] : les engagements des organisateurs et des partenaires, et sa licence.",
        "The Numérique en Commun[s] charter: the commitments of its organisers and partners, and its licence.";
    editions: "Les éditions nationales de Numérique en Commun[s] depuis 2018 et les NEC locaux : lieux, dates et chiffres, avec leurs sources.",
        "The national editions of Numérique en Commun[s] since 2018 and the local NECs: places, dates and figures, with their sources.";
    open_data: "Les données ouvertes de Numérique en Commun[s] : programme, éditions, charte et exports pour les agendas et les applications de conférence, avec leurs schémas et leur licence.",
        "Numérique en Commun[s] open data: programme, editions, charter and exports for calendars and conference apps, with their schemas and licence.";
    embed: "Intégrer le programme, la charte ou l’historique de Numérique en Commun[s] dans votre site : le code à copier.",
        "Embed the Numérique en Commun[s] programme, charter or history in your website: the code to copy.";
    accessibility: "Déclaration d’accessibilité du site de Numérique en Commun[s] : état de conformité au RGAA 4.1, non-conformités et recours.",
        "Accessibility statement of the Numérique en Commun[s] website: RGAA 4.1 compliance status, non-compliances and remedies.";
    privacy: "Données personnelles : ce que le site de Numérique en Commun[s] garde sur votre appareil, et comment l’effacer.",
        "Personal data: what the Numérique en Commun[s] website keeps on your device, and how to erase it.";
    changes: "Modifications du programme de Numérique en Commun[s] : chaque publication, datée, et ce qu’elle a changé.",
        "Changes to the Numérique en Commun[s] programme: each publication, dated, and what it changed.";
    site_map: "Plan du site de Numérique en Commun[s] : toutes ses pages.",
        "Site map of the Numérique en Commun[s] website: all its pages.";
    not_found: "Cette page de Numérique en Commun[s] est introuvable.",
        "This Numérique en Commun[s] page cannot be found.";
}

/// The page's own description, for `<meta name="description">` and the share card; `path` is a
/// route without its language prefix (`/programme/grande-soiree`). `None` for an unknown route.
pub fn description(site: &Site, path: &str, lang: Lang) -> Option<String> {
    if let Some((year, same)) = edition_programme_path(path) {
        let programme = site.programmes.iter().find(|p| p.edition.year == year)?;
        return description(&Site { programme, ..*site }, &same, lang);
    }
    let t = texts(lang);
    let p = site.programme;
    let year = p.edition.year;
    let city = &p.edition.city;
    let days = match (p.days.first(), p.days.last()) {
        (Some(first), Some(last)) => lang.date_span(first.date, last.date),
        _ => String::new(),
    };
    let Some(route) = Route::at(path) else {
        if path == "/404" {
            return Some(t.not_found.to_owned());
        }
        if let Some(id) = path.strip_prefix("/programme/") {
            return item_description(site, id, lang);
        }
        let year: i32 = path.strip_prefix("/editions/")?.parse().ok()?;
        return edition_description(site, year, lang);
    };
    // Every route has its own: a new one does not compile until it says what it is.
    let text = match route {
        Route::Home => match lang {
            Lang::Fr => format!(
                "Numérique en Commun[s] : le programme de l’édition {year} à {city}, la charte et l’historique des éditions depuis {}.",
                first_year(site)
            ),
            Lang::En => format!(
                "Numérique en Commun[s]: the programme of the {year} edition in {city}, the charter and the history of the editions since {}.",
                first_year(site)
            ),
        },
        Route::Programme => match lang {
            Lang::Fr => format!(
                "Programme {year} de Numérique en Commun[s] à {city}, {days} : {} éléments, par jour, thématique et format.",
                p.items.len()
            ),
            Lang::En => {
                format!("The {year} Numérique en Commun[s] programme in {city}, {days}: {} items, by day, theme and format.", p.items.len())
            }
        },
        Route::MyProgramme => match lang {
            Lang::Fr => format!("Mon programme : les éléments du programme {year} de Numérique en Commun[s] que vous avez choisis, gardés sur cet appareil, à exporter dans votre agenda."),
            Lang::En => format!("My programme: the items of the {year} Numérique en Commun[s] programme you chose, kept on this device, to export to your calendar."),
        },
        Route::PracticalInfo => match lang {
            Lang::Fr => format!(
                "Venir à Numérique en Commun[s] {year} : {}, {} ; horaires, transports, inscription et repas.",
                p.venue.name, p.venue.address
            ),
            Lang::En => format!(
                "Coming to Numérique en Commun[s] {year}: {}, {}; opening hours, transport, registration and meals.",
                p.venue.name, p.venue.address
            ),
        },
        Route::Charter => t.charter.to_owned(),
        Route::Editions => t.editions.to_owned(),
        Route::OpenData => t.open_data.to_owned(),
        Route::Embed => t.embed.to_owned(),
        Route::Accessibility => t.accessibility.to_owned(),
        Route::Privacy => t.privacy.to_owned(),
        Route::SiteMap => t.site_map.to_owned(),
        Route::ProgrammeChanges => t.changes.to_owned(),
    };
    Some(text)
}

/// The first edition's year (2018).
fn first_year(site: &Site) -> i32 {
    site.editions.editions.iter().map(|e| e.year).min().unwrap_or(site.programme.edition.year)
}

fn item_description(site: &Site, id: &str, lang: Lang) -> Option<String> {
    let p = site.programme;
    let item = p.items.iter().find(|i| i.id == id)?;
    let title = item.title.get(lang).0;
    let day = item.day.map(|d| capitalised(&lang.long_date(d)));
    let time = item.start.map(|s| lang.event_time(s));
    let when = match (day, time) {
        (Some(day), Some(time)) => format!("{day}, {time}"),
        (Some(day), None) => day,
        (None, _) => lang.words().undated.to_owned(),
    };
    let (text, text_lang) = item.description.get(lang);
    let year = p.edition.year;
    Some(match lang {
        // The description is French: an English page gives it only if the data has it in English.
        _ if text_lang == lang => format!("{title} — {when}. {}", shortened(text, 200)),
        Lang::Fr => format!("{title} — {when}. Programme {year} de Numérique en Commun[s], {}.", p.edition.city),
        Lang::En => format!("{title} — {when}. Numérique en Commun[s] {year} programme, {}.", p.edition.city),
    })
}

fn edition_description(site: &Site, year: i32, lang: Lang) -> Option<String> {
    let edition = site.editions.editions.iter().find(|e| e.year == year)?;
    let cities = edition.cities();
    let dates = edition.dates.as_ref().map(|d| lang.date_span(d.start, d.end));
    Some(match (lang, dates) {
        (Lang::Fr, Some(dates)) => format!("L’édition {year} de Numérique en Commun[s] à {cities}, {dates} : lieu, chiffres et sources."),
        (Lang::Fr, None) => format!("L’édition {year} de Numérique en Commun[s] à {cities} : lieu, chiffres et sources."),
        (Lang::En, Some(dates)) => {
            format!("The {year} edition of Numérique en Commun[s] in {cities}, {dates}: place, figures and sources.")
        }
        (Lang::En, None) => format!("The {year} edition of Numérique en Commun[s] in {cities}: place, figures and sources."),
    })
}

/// At most `max` characters, cut after a word, with « … » when cut.
pub fn shortened(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ']))
}

/// Escapes text for an HTML attribute value or text node.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The page's head tags, between `<!--page-->` and `<!--/page-->` (the service worker's shell
/// drops them, scripts/service-worker.mjs): description, canonical address, alternates, Open
/// Graph, Twitter card and, where the page shows the event or a session, its JSON-LD. `route`
/// is the address with its language prefix; `title` the page's `<title>` as the app set it.
/// `None` for an address the site does not know.
pub fn head(site: &Site, route: &str, title: &str) -> Option<String> {
    let (lang, path) = Lang::from_path(route);
    let description = description(site, path, lang)?;
    let origin = site.origin;
    let canonical = canonical_path(site, path);
    let url = |lang: Lang| format!("{origin}{}", lang.path(&canonical));
    let mut tags = vec![format!(r#"<meta name="description" content="{}">"#, escape(&description))];
    // The not-found page answers every unknown address: no canonical, no alternates.
    if path != "/404" {
        tags.push(format!(r#"<link rel="canonical" href="{}">"#, url(lang)));
        for other in Lang::ALL {
            tags.push(format!(r#"<link rel="alternate" hreflang="{}" href="{}">"#, other.code(), url(other)));
        }
        tags.push(format!(r#"<link rel="alternate" hreflang="x-default" href="{}">"#, url(Lang::Fr)));
        tags.push(format!(r#"<meta property="og:url" content="{}">"#, url(lang)));
    }
    let (locale, other_locale) = match lang {
        Lang::Fr => ("fr_FR", "en_GB"),
        Lang::En => ("en_GB", "fr_FR"),
    };
    let image = format!("{origin}{SHARE_IMAGE}");
    tags.extend([
        r#"<meta property="og:type" content="website">"#.to_owned(),
        r#"<meta property="og:site_name" content="Numérique en Commun[s]">"#.to_owned(),
        format!(r#"<meta property="og:title" content="{}">"#, escape(title)),
        format!(r#"<meta property="og:description" content="{}">"#, escape(&description)),
        format!(r#"<meta property="og:locale" content="{locale}">"#),
        format!(r#"<meta property="og:locale:alternate" content="{other_locale}">"#),
        format!(r#"<meta property="og:image" content="{image}">"#),
        r#"<meta property="og:image:type" content="image/png">"#.to_owned(),
        r#"<meta property="og:image:width" content="1200">"#.to_owned(),
        r#"<meta property="og:image:height" content="630">"#.to_owned(),
        format!(r#"<meta property="og:image:alt" content="{}">"#, escape(&share_image_alt(site.programme, lang))),
        r#"<meta name="twitter:card" content="summary_large_image">"#.to_owned(),
        format!(r#"<meta name="twitter:title" content="{}">"#, escape(title)),
        format!(r#"<meta name="twitter:description" content="{}">"#, escape(&description)),
        format!(r#"<meta name="twitter:image" content="{image}">"#),
    ]);
    tags.push(format!(r#"<link rel="manifest" href="{}">"#, manifest_path(lang)));
    if path == "/programme" || path == feed::CHANGES_PAGE {
        let title = match lang {
            Lang::Fr => "Modifications du programme (Atom)",
            Lang::En => "Changes to the programme (Atom, in French)",
        };
        tags.push(format!(r#"<link rel="alternate" type="application/atom+xml" title="{title}" href="{origin}{}">"#, feed::FEED));
    }
    if let Some(data) = json_ld::for_page(site, path, lang).filter(|_| canonical == path) {
        tags.push(format!(r#"<script type="application/ld+json">{data}</script>"#));
    }
    Some(format!("<!--page-->{}<!--/page-->", tags.concat()))
}

/// The manifest of a language's pages.
pub fn manifest_path(lang: Lang) -> String {
    lang.path("/manifest.webmanifest")
}

/// What the share image shows, in words (its `og:image:alt`), and the text drawn on it.
pub fn share_image_alt(programme: &Programme, lang: Lang) -> String {
    let e = &programme.edition;
    let days = match (programme.days.iter().find(|d| d.kind == crate::model::DayKind::Main), programme.days.last()) {
        (Some(first), Some(last)) => lang.date_span(first.date, last.date),
        _ => String::new(),
    };
    match lang {
        Lang::Fr => format!("Numérique en Commun[s] {} — {}, {days}", e.year, e.city),
        Lang::En => format!("Numérique en Commun[s] {} — {}, {days}", e.year, e.city),
    }
}

#[cfg(test)]
mod tests;
