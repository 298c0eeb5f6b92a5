//! What the `/integrer` builder writes for a partner to paste: the element and its loader, the
//! iframe for sites that strip scripts, and the iframe's height listener.

use super::{WidgetOptions, WidgetView, DEFAULT_HEADING_LEVEL, ELEMENT, HEIGHT_MESSAGE, LOADER};
use crate::locale::Lang;

impl WidgetOptions {
    /// The attributes that differ from the defaults, in a stable order, lists space-separated.
    pub fn attributes(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![("view", self.view.id().to_owned())];
        if self.view == WidgetView::Programme {
            for (name, list) in [("theme", &self.themes), ("day", &self.days), ("format", &self.formats)] {
                if !list.is_empty() {
                    out.push((name, list.join(" ")));
                }
            }
        }
        if self.heading_level != DEFAULT_HEADING_LEVEL {
            out.push(("heading-level", self.heading_level.to_string()));
        }
        if let Some(src) = &self.data_src {
            out.push(("data-src", src.clone()));
        }
        if self.lang != Lang::Fr {
            out.push(("lang", self.lang.code().to_owned()));
        }
        out
    }

    /// `/embed/programme.html?theme=…`: the same options for the iframe page (a plain file, so
    /// any static host serves it).
    pub fn embed_path(&self) -> String {
        let query: Vec<String> = self
            .attributes()
            .into_iter()
            .filter(|(name, _)| *name != "view")
            .map(|(name, value)| format!("{name}={}", crate::filters::encode_component(&value)))
            .collect();
        let path = format!("/embed/{}.html", self.view.id());
        if query.is_empty() {
            path
        } else {
            format!("{path}?{}", query.join("&"))
        }
    }

    /// The snippet a partner pastes: the loader, then the element (`site` is the site's origin).
    pub fn element_snippet(&self, site: &str) -> String {
        let attributes: String = self.attributes().iter().map(|(name, value)| format!(" {name}=\"{}\"", escape_attribute(value))).collect();
        format!("<script type=\"module\" src=\"{site}/{LOADER}\"></script>\n<{ELEMENT}{attributes}></{ELEMENT}>")
    }

    /// The iframe for sites that strip scripts. Its `title` says what it shows.
    pub fn iframe_snippet(&self, site: &str) -> String {
        format!(
            "<iframe src=\"{}\" title=\"{}\" height=\"900\" loading=\"lazy\"></iframe>",
            escape_attribute(&format!("{site}{}", self.embed_path())),
            escape_attribute(self.view.frame_title(self.lang))
        )
    }
}

/// The height listener a host page may add beside the iframe: it trusts only messages from the
/// site's origin (`site`) coming from one of its own embedded frames, and bounds the height.
pub fn height_listener_snippet(site: &str) -> String {
    let script: String = include_str!("../../../../scripts/shipped/widget/height-listener.js")
        .lines()
        .filter(|line| !line.starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect();
    format!("<script>\n{}</script>", script.replace("__SITE__", site).replace("__MESSAGE__", HEIGHT_MESSAGE))
}

/// Text for a double-quoted HTML attribute.
pub fn escape_attribute(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> (WidgetOptions, Vec<String>) {
        let (options, problems) = WidgetOptions::from_pairs(pairs.iter().copied());
        (options, problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn english_snippets_say_lang_en() {
        let (o, _) = read(&[("view", "programme"), ("theme", "ecologie-soutenabilite"), ("lang", "en")]);
        assert_eq!(
            o.element_snippet("https://nec.example"),
            "<script type=\"module\" src=\"https://nec.example/widget.js\"></script>\n<nec-widget view=\"programme\" theme=\"ecologie-soutenabilite\" lang=\"en\"></nec-widget>"
        );
        let back: Vec<(&str, String)> = o.attributes();
        let (again, problems) = WidgetOptions::from_pairs(back.iter().map(|(n, v)| (*n, v.as_str())));
        assert!(problems.is_empty());
        assert_eq!(again, o);
        assert_eq!(o.embed_path(), "/embed/programme.html?theme=ecologie-soutenabilite&lang=en");
        assert_eq!(
            o.iframe_snippet("https://nec.example"),
            "<iframe src=\"https://nec.example/embed/programme.html?theme=ecologie-soutenabilite&amp;lang=en\" title=\"Numérique en Commun[s] programme\" height=\"900\" loading=\"lazy\"></iframe>"
        );
        let charter = WidgetOptions { view: WidgetView::Charter, lang: Lang::En, ..WidgetOptions::default() };
        assert_eq!(charter.embed_path(), "/embed/charte.html?lang=en");
        assert!(charter.iframe_snippet("https://nec.example").contains("title=\"Numérique en Commun[s] charter\""));
    }

    #[test]
    fn snippets_round_trip_through_the_reader() {
        let (o, _) = read(&[("view", "programme"), ("theme", "ecologie-soutenabilite"), ("day", "2023-10-19"), ("heading-level", "3")]);
        let snippet = o.element_snippet("https://nec.example");
        assert_eq!(
            snippet,
            "<script type=\"module\" src=\"https://nec.example/widget.js\"></script>\n<nec-widget view=\"programme\" theme=\"ecologie-soutenabilite\" day=\"2023-10-19\" heading-level=\"3\"></nec-widget>"
        );
        let back: Vec<(&str, String)> = o.attributes();
        let (again, problems) = WidgetOptions::from_pairs(back.iter().map(|(n, v)| (*n, v.as_str())));
        assert!(problems.is_empty());
        assert_eq!(again, o);
        assert_eq!(o.embed_path(), "/embed/programme.html?theme=ecologie-soutenabilite&day=2023-10-19&heading-level=3");
        assert_eq!(
            o.iframe_snippet("https://nec.example"),
            "<iframe src=\"https://nec.example/embed/programme.html?theme=ecologie-soutenabilite&amp;day=2023-10-19&amp;heading-level=3\" title=\"Programme de Numérique en Commun[s]\" height=\"900\" loading=\"lazy\"></iframe>"
        );
    }

    #[test]
    fn other_views_drop_programme_filters() {
        let o = WidgetOptions { view: WidgetView::Charter, themes: vec!["x".into()], ..WidgetOptions::default() };
        assert_eq!(o.attributes(), [("view", "charte".to_owned())]);
        assert_eq!(o.embed_path(), "/embed/charte.html");
    }

    #[test]
    fn the_listener_checks_origin_and_source() {
        let s = height_listener_snippet("https://nec.example");
        assert!(s.contains("event.origin !== 'https://nec.example'"));
        assert!(s.contains("frame.contentWindow === event.source"));
        assert!(s.contains(HEIGHT_MESSAGE));
        assert_eq!(
            s,
            "<script>\naddEventListener('message', (event) => {\n  if (event.origin !== 'https://nec.example' || event.data?.type !== 'nec-widget:height') return;\n  const height = Math.min(Math.max(Number(event.data.height) || 0, 100), 20000);\n  for (const frame of document.querySelectorAll('iframe[src^=\"https://nec.example/embed/\"]')) {\n    if (frame.contentWindow === event.source) frame.style.height = height + 'px';\n  }\n});\n</script>"
        );
    }
}
