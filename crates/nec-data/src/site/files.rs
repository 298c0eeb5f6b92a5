//! The site's files for crawlers: `sitemap.xml` (every page in both languages, each with its
//! `xhtml:link` alternates) and `robots.txt` naming it.

use super::escape;
use crate::locale::Lang;

pub const SITEMAP: &str = "sitemap.xml";

/// The sitemap of `routes` (addresses with or without `/en`, as the prerender found them): each
/// page once per language, with its `fr`, `en` and `x-default` alternates. The not-found page
/// is left out.
pub fn sitemap(origin: &str, routes: &[String]) -> String {
    let mut paths: Vec<&str> = routes.iter().map(|r| Lang::from_path(r).1).filter(|p| !p.ends_with("/404")).collect();
    paths.sort_unstable();
    paths.dedup();
    let mut xml = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
    ));
    let url = |lang: Lang, path: &str| escape(&format!("{origin}{}", lang.path(path)));
    for path in paths {
        for lang in Lang::ALL {
            xml.push_str(&format!("  <url>\n    <loc>{}</loc>\n", url(lang, path)));
            for other in Lang::ALL {
                xml.push_str(&format!("    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n", other.code(), url(other, path)));
            }
            xml.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n  </url>\n",
                url(Lang::Fr, path)
            ));
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Every crawler may read everything but the test page; the sitemap is named.
pub fn robots(origin: &str) -> String {
    format!("User-agent: *\nDisallow: /test/\n\nSitemap: {origin}/{SITEMAP}\n")
}

/// The web app manifest of a language (`/manifest.webmanifest`, `/en/manifest.webmanifest`):
/// one app (`id`), opening on the home page in that language, standalone, with the icons the
/// build draws (scripts/prerender.mjs). Relative addresses: the manifest works at any origin.
pub fn manifest(lang: Lang) -> String {
    let (description, start) = match lang {
        Lang::Fr => ("Le programme de Numérique en Commun[s], la charte et les éditions, même sans réseau.", "/"),
        Lang::En => ("The Numérique en Commun[s] programme, charter and editions, even offline.", "/en"),
    };
    let icon = |src: &str, size: u32, purpose: &str| serde_json::json!({ "src": src, "sizes": format!("{size}x{size}"), "type": "image/png", "purpose": purpose });
    let value = serde_json::json!({
        "id": "/",
        "name": "Numérique en Commun[s]",
        "short_name": "NEC",
        "description": description,
        "lang": lang.code(),
        "dir": "ltr",
        "start_url": start,
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_LIGHT,
        "background_color": THEME_LIGHT,
        "icons": [
            icon(ICONS[0].0, ICONS[0].1, "any"),
            icon(ICONS[1].0, ICONS[1].1, "any"),
            icon(ICONS[2].0, ICONS[2].1, "maskable"),
        ],
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

/// The page backgrounds of style/main.css, light and dark: the browser's bar matches the page.
pub const THEME_LIGHT: &str = "#ffffff";
pub const THEME_DARK: &str = "#161616";
/// The icons the build draws: file, size, maskable (the mark inside the safe zone, full bleed).
pub const ICONS: [(&str, u32, bool); 3] =
    [("/icone-192.png", 192, false), ("/icone-512.png", 512, false), ("/icone-masquable-512.png", 512, true)];
