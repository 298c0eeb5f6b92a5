//! The validation pass: every problem in a data file, each with its JSON path and a
//! plain-language French message. Runs natively (`nec-data check`) and in the browser.

use std::collections::HashSet;
use std::fmt;

use chrono::{Datelike, Duration, NaiveDate};

use crate::model::{Catalogue, Charter, Disagreement, EditionsFile, Figure, Link, Note, Partners, Programme, Registration, Source};

/// One thing wrong with a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, as a JSON path: `$.items[3].end`.
    pub path: String,
    /// What, in plain French.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} : {}", self.path, self.message)
    }
}

/// A data file that can check itself after parsing.
pub trait Validate {
    /// Every problem found; empty when the data is sound.
    fn problems(&self) -> Vec<Problem>;
}

/// Collects problems while walking a file.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    sources: HashSet<String>,
}

/// The widget's own build reads only the parts of a programme it shows (Cargo feature
/// `widget-only`, `model::skipped`): the parts it skips, sources among them, are not checked.
const WIDGET_ONLY: bool = cfg!(feature = "widget-only");

impl Checker {
    fn with_sources(sources: &[Source]) -> Self {
        let mut checker = Checker::default();
        if WIDGET_ONLY {
            return checker;
        }
        checker.unique_ids("$.sources", sources.iter().map(|s| s.id.as_str()));
        for (i, source) in sources.iter().enumerate() {
            checker.text(&format!("$.sources[{i}].id"), &source.id);
            checker.text(&format!("$.sources[{i}].title"), &source.title);
            checker.optional_text(&format!("$.sources[{i}].headline"), source.headline.as_deref());
            checker.text(&format!("$.sources[{i}].citation"), &source.citation);
            let readable = [source.headline.as_deref(), Some(source.citation.fr.as_str()), source.citation.en.as_deref()];
            if readable.into_iter().flatten().any(|t| t.contains(".txt")) {
                checker
                    .push(format!("$.sources[{i}].citation"), "une citation se lit : qui parle, quel texte, quand ; pas le nom du fichier");
            }
        }
        checker.sources = sources.iter().map(|s| s.id.clone()).collect();
        checker
    }

    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem { path: path.into(), message: message.into() });
    }

    /// Required text must hold something other than spaces.
    fn text(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.push(path, "le texte est vide alors qu’il est obligatoire");
        }
    }

    fn optional_text(&mut self, path: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.text(path, value);
        }
    }

    /// Links leave the site, so only `https:` is allowed: no `http:`, no `javascript:`.
    fn https(&mut self, path: &str, url: &str) {
        if !is_https_address(url) {
            self.push(path, format!("le lien « {url} » doit être une adresse https:// complète"));
        }
    }

    fn link(&mut self, path: &str, link: &Link) {
        self.text(&format!("{path}.label"), &link.label);
        self.https(&format!("{path}.url"), &link.url);
    }

    fn source(&mut self, path: &str, id: &str) {
        if !WIDGET_ONLY && !self.sources.contains(id) {
            self.push(path, format!("la source « {id} » n’est pas déclarée dans $.sources"));
        }
    }

    /// Every fact names at least one declared source.
    fn source_list(&mut self, path: &str, ids: &[String]) {
        if WIDGET_ONLY {
            return;
        }
        if ids.is_empty() {
            self.push(path, "aucune source n’est indiquée");
        }
        for (i, id) in ids.iter().enumerate() {
            self.source(&format!("{path}[{i}]"), id);
        }
    }

    fn notes(&mut self, path: &str, notes: &[Note]) {
        for (i, note) in notes.iter().enumerate() {
            self.text(&format!("{path}[{i}].text"), &note.text);
            self.source_list(&format!("{path}[{i}].sources"), &note.sources);
        }
    }

    fn figures(&mut self, path: &str, figures: &[Figure]) {
        let mut seen = HashSet::new();
        for (i, figure) in figures.iter().enumerate() {
            let here = format!("{path}[{i}]");
            if !seen.insert(figure.metric) {
                self.push(&here, format!("le chiffre « {} » apparaît deux fois", figure.metric.id()));
            }
            if figure.value == 0 {
                self.push(format!("{here}.value"), "un chiffre publié ne peut pas être zéro");
            }
            self.text(&format!("{here}.label"), &figure.label);
            // An approximation is said by the qualifier, which every view, the table and the CSV
            // show with the number; in the label alone, the number would read as exact.
            // ASCII case only: std's Unicode case tables cost the wasm several KiB.
            let label = figure.label.fr.to_ascii_lowercase();
            if ["plus de", "moins de", "environ", "près de", "vingtaine", "dizaine", "centaine", "millier"]
                .iter()
                .any(|w| label.contains(w))
            {
                self.push(
                    format!("{here}.label"),
                    "le libellé dit que le chiffre est approché : dites-le par « qualifier » (« about », « more_than »), pas dans le libellé",
                );
            }
            self.source(&format!("{here}.source"), &figure.source);
        }
    }

    fn disagreements(&mut self, path: &str, disagreements: &[Disagreement]) {
        for (i, d) in disagreements.iter().enumerate() {
            let here = format!("{path}[{i}]");
            self.text(&format!("{here}.about"), &d.about);
            if d.accounts.len() < 2 {
                self.push(format!("{here}.accounts"), "un désaccord oppose au moins deux versions");
            }
            for (j, account) in d.accounts.iter().enumerate() {
                self.text(&format!("{here}.accounts[{j}].text"), &account.text);
                self.source_list(&format!("{here}.accounts[{j}].sources"), &account.sources);
            }
        }
    }

    /// Ids must be unique within their list; reports each repeat at the list's path.
    fn unique_ids<'a>(&mut self, path: &str, ids: impl IntoIterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for (i, id) in ids.into_iter().enumerate() {
            if !seen.insert(id) {
                self.push(format!("{path}[{i}]"), format!("l’identifiant « {id} » est déjà utilisé"));
            }
        }
    }

    fn email(&mut self, path: &str, email: &str) {
        if !is_email_address(email) {
            self.push(path, format!("l’adresse « {email} » n’est pas une adresse électronique"));
        }
    }
}

/// A complete `https://` address: a host, no space or control character.
pub fn is_https_address(url: &str) -> bool {
    let host_ok = url.strip_prefix("https://").is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !host.contains(char::is_whitespace)
    });
    host_ok && !url.chars().any(char::is_control)
}

/// An e-mail address as people write it: someone, `@`, a domain with a dot, no space.
pub fn is_email_address(email: &str) -> bool {
    email.split_once('@').is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.') && !email.contains(char::is_whitespace))
}

impl Validate for EditionsFile {
    fn problems(&self) -> Vec<Problem> {
        let mut c = Checker::with_sources(&self.sources);
        let years: Vec<String> = self.editions.iter().map(|e| e.year.to_string()).collect();
        c.unique_ids("$.editions", years.iter().map(String::as_str));
        if self.editions.is_empty() {
            c.push("$.editions", "la liste des éditions est vide");
        }
        for (i, edition) in self.editions.iter().enumerate() {
            let here = format!("$.editions[{i}]");
            if edition.locations.is_empty() {
                c.push(format!("{here}.locations"), "aucun lieu n’est indiqué");
            }
            for (j, location) in edition.locations.iter().enumerate() {
                let at = format!("{here}.locations[{j}]");
                c.text(&format!("{at}.city"), &location.city);
                c.optional_text(&format!("{at}.venue"), location.venue.as_deref());
                c.optional_text(&format!("{at}.address"), location.address.as_deref());
                c.source_list(&format!("{at}.sources"), &location.sources);
            }
            if let Some(dates) = &edition.dates {
                if dates.end < dates.start {
                    c.push(format!("{here}.dates.end"), "la date de fin précède la date de début");
                }
                if dates.start.year() != edition.year {
                    c.push(format!("{here}.dates.start"), format!("la date ne tombe pas en {}", edition.year));
                }
                c.source_list(&format!("{here}.dates.sources"), &dates.sources);
            }
            c.figures(&format!("{here}.figures"), &edition.figures);
            c.notes(&format!("{here}.notes"), &edition.notes);
        }
        match self.edition(self.current) {
            None => c.push("$.current", format!("l’édition courante {} est absente de la liste des éditions", self.current)),
            Some(e) if e.programme.is_none() => {
                c.push("$.current", format!("l’édition courante {} n’a pas de programme (champ « programme » de l’édition)", self.current))
            }
            Some(_) => {}
        }
        for (i, edition) in self.editions.iter().enumerate() {
            if let Some(file) = edition.programme.as_deref().filter(|f| !crate::model::is_programme_file_name(f)) {
                c.push(
                    format!("$.editions[{i}].programme"),
                    format!("« {file} » n’est pas un nom de programme : programme-AAAA.json attendu"),
                );
            }
        }
        c.text("$.local_editions.description", &self.local_editions.description);
        c.figures("$.local_editions.figures", &self.local_editions.figures);
        c.notes("$.local_editions.notes", &self.local_editions.notes);
        c.disagreements("$.local_editions.disagreements", &self.local_editions.disagreements);
        c.problems
    }
}

impl Validate for Charter {
    fn problems(&self) -> Vec<Problem> {
        let mut c = Checker::with_sources(&self.sources);
        c.text("$.title", &self.title);
        c.text("$.introduction", &self.introduction);
        let numbers: Vec<String> = self.engagements.iter().map(|e| e.number.to_string()).collect();
        c.unique_ids("$.engagements", numbers.iter().map(String::as_str));
        for (i, engagement) in self.engagements.iter().enumerate() {
            let here = format!("$.engagements[{i}]");
            c.text(&format!("{here}.title"), &engagement.title);
            c.text(&format!("{here}.text"), &engagement.text);
            c.source_list(&format!("{here}.sources"), &engagement.sources);
        }
        if !self.engagements.iter().any(|e| e.number == self.licence.engagement) {
            c.push("$.licence.engagement", format!("l’engagement n°{} n’existe pas dans la charte", self.licence.engagement));
        }
        c.text("$.licence.name", &self.licence.name);
        c.https("$.licence.url", &self.licence.url);
        c.source_list("$.licence.sources", &self.licence.sources);
        c.notes("$.notes", &self.notes);
        c.problems
    }
}

impl Validate for Programme {
    fn problems(&self) -> Vec<Problem> {
        let mut c = Checker::with_sources(&self.sources);
        let edition = &self.edition;
        c.text("$.edition.name", &edition.name);
        c.text("$.edition.city", &edition.city);
        c.text("$.edition.status", &edition.status);
        if !WIDGET_ONLY {
            c.text("$.edition.summary", &edition.summary);
            c.link("$.edition.website", &edition.website);
            c.text("$.venue.address", &self.venue.address);
        }
        c.source_list("$.edition.sources", &edition.sources);

        c.text("$.venue.name", &self.venue.name);
        if self.venue.closes <= self.venue.opens {
            c.push("$.venue.closes", "l’heure de fermeture précède l’heure d’ouverture");
        }
        for (i, line) in self.venue.transport.iter().enumerate() {
            c.text(&format!("$.venue.transport[{i}]"), line);
        }
        c.source_list("$.venue.sources", &self.venue.sources);

        if !WIDGET_ONLY {
            c.registration(&self.registration);
        }

        let days: HashSet<NaiveDate> = self.days.iter().map(|d| d.date).collect();
        let day_ids: Vec<String> = self.days.iter().map(|d| d.date.to_string()).collect();
        c.unique_ids("$.days", day_ids.iter().map(String::as_str));
        if self.days.is_empty() {
            c.push("$.days", "le programme n’a aucune journée");
        }
        for (i, day) in self.days.iter().enumerate() {
            let here = format!("$.days[{i}]");
            if day.date.year() != edition.year {
                c.push(format!("{here}.date"), format!("le {} ne tombe pas en {}, l’année de l’édition", day.date, edition.year));
            }
            c.text(&format!("{here}.title"), &day.title);
            c.optional_text(&format!("{here}.description"), day.description.as_deref());
            if let Some(email) = &day.contact_email {
                c.email(&format!("{here}.contact_email"), email);
            }
            c.source_list(&format!("{here}.sources"), &day.sources);
        }

        for (i, meal) in self.meals.iter().enumerate().filter(|_| !WIDGET_ONLY) {
            let here = format!("$.meals[{i}]");
            if !days.contains(&meal.day) {
                c.push(format!("{here}.day"), format!("le {} n’est pas une journée du programme", meal.day));
            }
            c.text(&format!("{here}.text"), &meal.text);
            c.source_list(&format!("{here}.sources"), &meal.sources);
        }

        c.unique_ids("$.themes", self.themes.iter().map(|t| t.id.as_str()));
        for (i, theme) in self.themes.iter().enumerate() {
            c.text(&format!("$.themes[{i}].id"), &theme.id);
            c.text(&format!("$.themes[{i}].name"), &theme.name);
            c.optional_text(&format!("$.themes[{i}].lead_partner"), theme.lead_partner.as_ref().map(|t| t.as_str()));
            c.source_list(&format!("$.themes[{i}].sources"), &theme.sources);
        }
        c.unique_ids("$.formats", self.formats.iter().map(|f| f.id.as_str()));
        for (i, format) in self.formats.iter().enumerate() {
            c.text(&format!("$.formats[{i}].id"), &format.id);
            c.text(&format!("$.formats[{i}].name"), &format.name);
            if !WIDGET_ONLY && (format.durations_minutes.is_empty() || format.durations_minutes.contains(&0)) {
                c.push(format!("$.formats[{i}].durations_minutes"), "chaque durée doit être d’au moins une minute");
            }
            c.source_list(&format!("$.formats[{i}].sources"), &format.sources);
        }

        // The edition spans its first day at 00:00 to the day after its last day at 06:00,
        // so the evening party that ends at 01:00 the next morning still fits.
        let first = self.days.iter().map(|d| d.date).min();
        let last = self.days.iter().map(|d| d.date).max();
        c.unique_ids("$.items", self.items.iter().map(|i| i.id.as_str()));
        for (i, item) in self.items.iter().enumerate() {
            let here = format!("$.items[{i}]");
            c.text(&format!("{here}.id"), &item.id);
            c.text(&format!("{here}.title"), &item.title);
            c.text(&format!("{here}.description"), &item.description);
            if let Some(day) = item.day {
                if !days.contains(&day) {
                    c.push(format!("{here}.day"), format!("le {day} n’est pas une journée du programme"));
                }
            }
            if let Some(start) = item.start {
                match item.day {
                    None => c.push(format!("{here}.day"), "un élément qui a un horaire doit avoir une journée"),
                    Some(day) if start.date_naive() != day => c.push(
                        format!("{here}.start"),
                        format!("le début ({}) ne tombe pas le {day}, la journée de l’élément", start.date_naive()),
                    ),
                    Some(_) => {}
                }
            }
            if let (Some(first), Some(last)) = (first, last) {
                for (field, time) in [("start", item.start), ("end", item.end)] {
                    let Some(time) = time else { continue };
                    let local = time.naive_local();
                    let too_early = local.date() < first;
                    // Checked: on chrono's last date there is no day after, hence no upper bound.
                    let end = last.checked_add_signed(Duration::days(1)).and_then(|d| d.and_hms_opt(6, 0, 0));
                    let too_late = end.is_some_and(|end| local > end);
                    if too_early || too_late {
                        c.push(
                            format!("{here}.{field}"),
                            format!("{} tombe en dehors des journées de l’édition ({first} au {last})", time.to_rfc3339()),
                        );
                    }
                }
            }
            match (item.start, item.end) {
                (Some(start), Some(end)) if end <= start => c.push(
                    format!("{here}.end"),
                    format!("la fin ({}) n’est pas après le début ({})", end.to_rfc3339(), start.to_rfc3339()),
                ),
                (None, Some(_)) => c.push(format!("{here}.start"), "une heure de fin est donnée sans heure de début"),
                _ => {}
            }
            if let Some(theme) = &item.theme {
                if self.theme(theme).is_none() {
                    c.push(format!("{here}.theme"), format!("la thématique « {theme} » n’existe pas dans $.themes"));
                }
            }
            if let Some(format) = &item.format {
                if self.format(format).is_none() {
                    c.push(format!("{here}.format"), format!("le format « {format} » n’existe pas dans $.formats"));
                }
            }
            for (j, speaker) in item.speakers.iter().enumerate() {
                c.text(&format!("{here}.speakers[{j}]"), speaker);
            }
            for (j, link) in item.links.iter().enumerate() {
                c.link(&format!("{here}.links[{j}]"), link);
            }
            c.source_list(&format!("{here}.sources"), &item.sources);
        }

        if !WIDGET_ONLY {
            c.partners(&self.partners);
            c.problems.extend(crate::publications::problems(self));
        }
        c.problems
    }
}

impl Checker {
    fn registration(&mut self, registration: &Registration) {
        self.text("$.registration.conditions", &registration.conditions);
        if registration.links.is_empty() {
            self.push("$.registration.links", "aucun lien d’inscription");
        }
        for (i, link) in registration.links.iter().enumerate() {
            self.link(&format!("$.registration.links[{i}]"), link);
        }
        self.source_list("$.registration.sources", &registration.sources);
        self.disagreements("$.registration.disagreements", &registration.disagreements);
    }

    fn partners(&mut self, partners: &Partners) {
        for (list, entries) in [("organisers", &partners.organisers), ("partners", &partners.partners)] {
            for (i, partner) in entries.iter().enumerate() {
                self.text(&format!("$.partners.{list}[{i}].name"), &partner.name);
                if let Some(url) = &partner.url {
                    self.https(&format!("$.partners.{list}[{i}].url"), url);
                }
            }
        }
        for (i, event) in partners.associated_events.iter().enumerate() {
            self.text(&format!("$.partners.associated_events[{i}]"), event);
        }
        self.source_list("$.partners.sources", &partners.sources);
    }
}

impl Validate for Catalogue {
    fn problems(&self) -> Vec<Problem> {
        let mut c = Checker::default();
        c.link("$.licence", &self.licence);
        c.unique_ids("$.files", self.files.iter().map(|f| f.path.as_str()));
        for (i, file) in self.files.iter().enumerate() {
            let here = format!("$.files[{i}]");
            c.text(&format!("{here}.path"), &file.path);
            c.text(&format!("{here}.title"), &file.title);
            c.text(&format!("{here}.media_type"), &file.media_type);
            if let Some(schema) = &file.schema {
                c.text(&format!("{here}.schema.path"), &schema.path);
            }
        }
        c.problems
    }
}
