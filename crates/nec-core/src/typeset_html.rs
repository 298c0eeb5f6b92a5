//! French typography on HTML written at build time (`nec-render`, the pages Leptos renders
//! natively): what nec-views' `typeset` does to the browser's text nodes, done to the runs of
//! text between the tags of the HTML. Each run is one text node, as the browser parses it; its
//! language is its nearest element's `lang`, else the page's; code and what is typed
//! (`VERBATIM`), attributes and comments are left as they are.
//!
//! The runs are typeset as written, entities included: [`typography`] changes only a space next
//! to « : ; ? ! « » », a digit or « h », and the characters the HTML escapes (`& < > " '`)
//! are none of them, nor is a space ever inside an entity.

use crate::format::typography;

/// What is written for a machine, or typed by the visitor: left as it is.
const VERBATIM: [&str; 7] = ["code", "pre", "textarea", "script", "style", "kbd", "samp"];
/// The same elements as a CSS selector, for the browser's `typeset` (nec-views).
pub const VERBATIM_SELECTOR: &str = "code, pre, textarea, script, style, kbd, samp";
/// Elements without content, hence without a closing tag.
const VOID: [&str; 13] = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// `html` with French typography on its French text; `french`: the page's language is French.
pub fn typeset_html(html: &str, french: bool) -> String {
    struct Open {
        name: String,
        french: bool,
        verbatim: bool,
    }
    let mut open: Vec<Open> = Vec::new();
    let mut out = String::with_capacity(html.len() + html.len() / 32);
    let mut rest = html;
    while !rest.is_empty() {
        if !rest.starts_with('<') {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            let in_french = open.last().map_or(french, |o| o.french && !o.verbatim);
            out.push_str(&if in_french && text.contains(' ') { typography(text) } else { text.to_owned() });
            rest = &rest[end..];
            continue;
        }
        let end = markup_end(rest);
        let tag = &rest[..end];
        out.push_str(tag);
        rest = &rest[end..];
        if let Some(closing) = tag.strip_prefix("</") {
            let name = closing.trim_end_matches('>').trim().to_ascii_lowercase();
            if let Some(at) = open.iter().rposition(|o| o.name == name) {
                open.truncate(at);
            }
        } else if !tag.starts_with("<!") && !tag.ends_with("/>") {
            let name = tag[1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect::<String>().to_ascii_lowercase();
            if VOID.contains(&name.as_str()) {
                continue;
            }
            let parent = open.last();
            open.push(Open {
                french: lang_of(tag).map_or(parent.map_or(french, |o| o.french), |lang| lang.to_ascii_lowercase().starts_with("fr")),
                verbatim: VERBATIM.contains(&name.as_str()) || parent.is_some_and(|o| o.verbatim),
                name,
            });
        }
    }
    out
}

/// The length of the tag or comment `markup` starts with: to the `>` outside quotes (`-->` for a
/// comment), or all of it.
fn markup_end(markup: &str) -> usize {
    if markup.starts_with("<!--") {
        return markup.find("-->").map_or(markup.len(), |i| i + 3);
    }
    let mut quote = None;
    for (i, c) in markup.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if q == c => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    markup.len()
}

/// The value of a start tag's `lang` attribute, if it has one.
fn lang_of(tag: &str) -> Option<&str> {
    let at = tag.find(" lang=\"")? + " lang=\"".len();
    tag[at..].split('"').next()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NBSP: &str = "\u{A0}";
    const NNBSP: &str = "\u{202F}";

    #[test]
    fn the_browser_leaves_the_same_elements_alone() {
        assert_eq!(VERBATIM.join(", "), VERBATIM_SELECTOR);
    }

    #[test]
    fn french_text_gets_its_spaces_and_markup_is_kept() {
        let html = r#"<p class="a">Accessibilité : totalement conforme<!> </p><a href="/x?a=1&amp;b=2" aria-label="Garder : « X »">« Plénière »</a>"#;
        let expected = format!(
            r#"<p class="a">Accessibilité{NBSP}: totalement conforme<!> </p><a href="/x?a=1&amp;b=2" aria-label="Garder : « X »">«{NNBSP}Plénière{NNBSP}»</a>"#
        );
        assert_eq!(typeset_html(html, true), expected);
    }

    #[test]
    fn english_runs_code_and_english_pages_keep_their_spacing() {
        let html = r#"<p>Note : <span lang="en">Note : yes</span> fin !</p><code>a : b</code><pre><b>c : d</b></pre><p>e : f</p>"#;
        let expected = format!(
            r#"<p>Note{NBSP}: <span lang="en">Note : yes</span> fin{NNBSP}!</p><code>a : b</code><pre><b>c : d</b></pre><p>e{NBSP}: f</p>"#
        );
        assert_eq!(typeset_html(html, true), expected);
        assert_eq!(typeset_html("<p>Time : 9 h 00</p>", false), "<p>Time : 9 h 00</p>");
        let back = format!(r#"<p lang="fr">Heure{NBSP}: 9{NBSP}h{NBSP}00</p>"#);
        assert_eq!(typeset_html(r#"<p lang="fr">Heure : 9 h 00</p>"#, false), back);
    }

    #[test]
    fn void_elements_entities_and_quoted_brackets_do_not_lose_the_language() {
        let html = r#"<div lang="en"><input value="a > b"><br>x : y</div><p>2 000 &amp; plus ; <img alt="<">z ?</p>"#;
        let expected =
            format!(r#"<div lang="en"><input value="a > b"><br>x : y</div><p>2{NNBSP}000 &amp; plus{NNBSP}; <img alt="<">z{NNBSP}?</p>"#);
        assert_eq!(typeset_html(html, true), expected);
    }
}
