use leptos::prelude::*;
use leptos_router::location::Location;

use super::current_lang;
use crate::locale::Lang;
use crate::model::Text;

crate::texts! {
    note: "Les textes des données (titres, descriptions, chiffres, charte) sont traduits du français ; les noms propres restent en français. ",
        "The texts from the data (titles, descriptions, figures, charter) are translated from French; proper names stay in French. ";
    read_original: "Lire cette page en français", "Read this page in French";
    original: "Texte original en français", "Original French";
}

/// On an English page that shows data: says once, above it, that its texts are translations of
/// the French, with a link to the same page and query in French, where they are the original (one
/// step away, `hreflang="fr"`). Nothing on a French page, which stays as it was.
/// The link follows the router's address (`use_location`): the filters a visitor ticks on
/// `/en/programme` are kept on the French page.
pub fn translation_note(lang: Lang, location: &Location) -> Option<AnyView> {
    (lang == Lang::En).then(|| {
        let t = texts(lang);
        let (pathname, search) = (location.pathname, location.search);
        let href = move || {
            let pathname = pathname.get();
            let (_, page) = Lang::from_path(&pathname);
            let search = search.get();
            let search = search.trim_start_matches('?');
            let query = if search.is_empty() { String::new() } else { format!("?{search}") };
            format!("{}{query}", Lang::Fr.path(page))
        };
        view! {
            <p class="translated">
                {t.note}<a href=href hreflang="fr">
                    {t.read_original}
                </a>"."
            </p>
        }
        .into_any()
    })
}

/// « Original French »: on an English page, a native disclosure (`<details>`) holding the French of
/// the given texts that are shown translated, in `lang="fr"`, a paragraph each (an item's title and
/// description, a commitment's title and text). Nothing in French, or when none is translated.
#[component]
pub fn Original(texts: Vec<Text>) -> impl IntoView {
    let lang = current_lang();
    let originals: Vec<String> = texts.into_iter().filter(|text| text.get(lang).1 != Lang::Fr).map(|text| text.fr).collect();
    (lang != Lang::Fr && !originals.is_empty()).then(|| {
        let t = self::texts(lang);
        view! {
            <details class="original">
                <summary>{t.original}</summary>
                <div lang="fr">{originals.into_iter().map(|words| view! { <p>{words}</p> }).collect_view()}</div>
            </details>
        }
    })
}
