//! `nec-data site <data dir> <built dir>`: what the release build writes from the data for the
//! open web (crates/nec-data/src/site/). Reads the site's public origin from `NEC_SITE_ORIGIN` (refused if
//! missing, not `https:` or a loopback address) and, on standard input, the pages the prerender
//! wrote as JSON, `[{"route": "/en/charte", "title": "…"}, …]`. Writes `sitemap.xml` and
//! `robots.txt` and the Atom feed of the publications into the built folder and prints each page's head tags as JSON,
//! `{"heads": {"/en/charte": "<!--page-->…<!--/page-->"}, …}`, for scripts/prerender.mjs to put in
//! place, with what it draws (the share image's text, the icons) and the theme colours. Also
//! writes the web app manifests, `manifest.webmanifest` and `en/manifest.webmanifest`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use nec_data::export::CATALOGUE_PATH;
use nec_data::load::parse;
use nec_data::locale::Lang;
use nec_data::model::{Catalogue, CatalogueFile, EditionsFile, Programme};
use nec_data::site::exports::all;
use nec_data::site::sequences::{self, Ledger, LEDGER_PATH};
use nec_data::site::{canonical_path, feed, files, head, manifest_path, share_image_alt, site_origin, Site};

#[derive(serde::Deserialize)]
struct Page {
    route: String,
    title: String,
}

pub fn main(data: &Path, out: &Path) -> ExitCode {
    match run(data, out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("nec-data site : {message}");
            ExitCode::FAILURE
        }
    }
}

/// The origin and the data, read and validated as the app reads them: `editions.json`, and each
/// edition's programme; the current one is first.
fn load(data: &Path) -> Result<(String, Vec<Programme>, EditionsFile), String> {
    let origin = site_origin(&std::env::var("NEC_SITE_ORIGIN").map_err(|_| {
        "NEC_SITE_ORIGIN manque : donnez l’adresse publique du site, par exemple NEC_SITE_ORIGIN=https://… trunk build --release".to_owned()
    })?)?;
    let editions: EditionsFile = parse(&read(&data.join("editions.json"))?).map_err(|e| format!("editions.json: {e}"))?;
    let mut programmes = Vec::new();
    for (year, file) in editions.programmes() {
        let programme: Programme = parse(&read(&data.join(file))?).map_err(|e| format!("{file}: {e}"))?;
        if programme.edition.year != year {
            return Err(format!("{file} : le programme de {}, pas de {year}", programme.edition.year));
        }
        programmes.push(programme);
    }
    let current = programmes
        .iter()
        .position(|p| p.edition.year == editions.current)
        .ok_or("editions.json : l’édition courante n’a pas de programme")?;
    programmes.swap(0, current);
    Ok((origin, programmes, editions))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// `nec-data exports <data dir> <built dir>`: the calendars and schedules into `<built>/data/`,
/// each added to the built catalogue (`data/catalogue.json`) with its size, for `/donnees`.
/// Refused while `calendriers.json` is out of date: a changed item must carry a new `SEQUENCE`.
pub fn exports(data: &Path, out: &Path) -> ExitCode {
    let run = || -> Result<usize, String> {
        let (origin, programmes, editions) = load(data)?;
        let site = Site { origin: &origin, programme: &programmes[0], editions: &editions, programmes: &programmes };
        let programme = site.programme;
        let ledger: Ledger = serde_json::from_str(&read(&data.join(LEDGER_PATH))?).map_err(|e| format!("{LEDGER_PATH}: {e}"))?;
        if sequences::updated(&ledger, programme) != ledger {
            return Err(format!("{LEDGER_PATH} est périmé : le programme a changé ; lancez `nec-data export public/data`"));
        }
        let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let stamp = chrono::DateTime::from_timestamp(i64::try_from(seconds).unwrap_or(0), 0).unwrap_or_default();
        let catalogue_path = out.join("data").join(CATALOGUE_PATH);
        let mut catalogue: Catalogue = parse(&read(&catalogue_path)?).map_err(|e| format!("{CATALOGUE_PATH}: {e}"))?;
        let files = all(&site, &ledger, stamp);
        for file in &files {
            std::fs::write(out.join("data").join(&file.path), &file.content).map_err(|e| format!("{}: {e}", file.path))?;
            catalogue.files.retain(|f| f.path != file.path);
            catalogue.files.push(CatalogueFile {
                path: file.path.clone(),
                title: file.title.clone(),
                media_type: file.media_type.into(),
                bytes: file.content.len() as u64,
                schema: None,
            });
        }
        let text = serde_json::to_string_pretty(&catalogue).map_err(|e| e.to_string())? + "\n";
        std::fs::write(&catalogue_path, text).map_err(|e| format!("{CATALOGUE_PATH}: {e}"))?;
        Ok(files.len())
    };
    match run() {
        Ok(count) => {
            println!("nec-data exports : {count} fichiers dans data/");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("nec-data exports : {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(data: &Path, out: &Path) -> Result<(), String> {
    let (origin, programmes, editions) = load(data)?;
    let site = Site { origin: &origin, programme: &programmes[0], editions: &editions, programmes: &programmes };

    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).map_err(|e| format!("entrée illisible ({e})"))?;
    let pages: Vec<Page> = serde_json::from_str(&input).map_err(|e| format!("entrée : {e}"))?;
    let mut heads = BTreeMap::new();
    for page in &pages {
        let tags = head(&site, &page.route, &page.title).ok_or_else(|| format!("{} : page inconnue, pas de description", page.route))?;
        heads.insert(page.route.clone(), tags);
    }
    // The sitemap lists canonical addresses only.
    let routes: Vec<String> =
        pages.iter().map(|p| p.route.clone()).filter(|r| canonical_path(&site, Lang::from_path(r).1) == Lang::from_path(r).1).collect();
    let write = |name: &str, content: &str| std::fs::write(out.join(name), content).map_err(|e| format!("{name}: {e}"));
    write(files::SITEMAP, &files::sitemap(&origin, &routes))?;
    write("robots.txt", &files::robots(&origin))?;
    write(&feed::FEED[1..], &feed::atom(&origin, site.programme))?;
    std::fs::create_dir_all(out.join("en")).map_err(|e| format!("en/: {e}"))?;
    for lang in Lang::ALL {
        write(&manifest_path(lang)[1..], &files::manifest(lang))?;
    }
    // What the build draws: the share image's lines, the icons.
    let share = Lang::ALL.map(|lang| share_image_alt(site.programme, lang));
    let icons = files::ICONS.map(|(file, size, maskable)| serde_json::json!({ "file": file, "size": size, "maskable": maskable }));
    let theme = [files::THEME_LIGHT, files::THEME_DARK];
    let output = serde_json::json!({ "heads": heads, "share": share, "icons": icons, "theme": theme });
    println!("{}", serde_json::to_string(&output).map_err(|e| e.to_string())?);
    Ok(())
}
