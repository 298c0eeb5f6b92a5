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
