//! `nec-data site <data dir> <built dir>`: what the release build writes from the data for the
//! open web (src/site/). Reads the site's public origin from `NEC_SITE_ORIGIN` (refused if
//! missing, not `https:` or a loopback address) and, on standard input, the pages the prerender
//! wrote as JSON, `[{"route": "/en/charte", "title": "…"}, …]`. Writes `sitemap.xml` and
//! `robots.txt` into the built folder and prints each page's head tags as JSON,
//! `{"/en/charte": "<!--page-->…<!--/page-->"}`, for scripts/prerender.mjs to put in place.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use nec_web::load::parse;
use nec_web::model::{EditionsFile, Programme};
use nec_web::site::{files, head, site_origin, Site};

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

/// The programme the site shows: the data folder's `programme-<year>.json` of the latest year.
pub fn programme_file(data: &Path) -> Result<std::path::PathBuf, String> {
    let entries = std::fs::read_dir(data).map_err(|e| format!("{}: {e}", data.display()))?;
    let mut found: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("programme-") && n.ends_with(".json")))
        .collect();
    found.sort();
    found.pop().ok_or_else(|| format!("{} : aucun programme-AAAA.json", data.display()))
}

fn run(data: &Path, out: &Path) -> Result<(), String> {
    let origin = site_origin(&std::env::var("NEC_SITE_ORIGIN").map_err(|_| {
        "NEC_SITE_ORIGIN manque : donnez l’adresse publique du site, par exemple NEC_SITE_ORIGIN=https://… trunk build --release".to_owned()
    })?)?;
    let read = |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let programme_path = programme_file(data)?;
    let programme: Programme = parse(&read(&programme_path)?).map_err(|e| format!("{}: {e}", programme_path.display()))?;
    let editions: EditionsFile = parse(&read(&data.join("editions.json"))?).map_err(|e| format!("editions.json: {e}"))?;
    let site = Site { origin: &origin, programme: &programme, editions: &editions };

    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).map_err(|e| format!("entrée illisible ({e})"))?;
    let pages: Vec<Page> = serde_json::from_str(&input).map_err(|e| format!("entrée : {e}"))?;
    let mut heads = BTreeMap::new();
    for page in &pages {
        let tags = head(&site, &page.route, &page.title).ok_or_else(|| format!("{} : page inconnue, pas de description", page.route))?;
        heads.insert(page.route.clone(), tags);
    }
    let routes: Vec<String> = pages.iter().map(|p| p.route.clone()).collect();
    let write = |name: &str, content: &str| std::fs::write(out.join(name), content).map_err(|e| format!("{name}: {e}"));
    write(files::SITEMAP, &files::sitemap(&origin, &routes))?;
    write("robots.txt", &files::robots(&origin))?;
    println!("{}", serde_json::to_string(&heads).map_err(|e| e.to_string())?);
    Ok(())
}
