use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::locale::{Lang, Pieces};
use crate::model::Text;

/// The page's language, from the path (`/en/…` is English), for everything under the `Router`;
/// keeps `<html lang>` in step with it on every navigation (the boot script sets it first).
pub fn provide_lang() {
    let pathname = use_location().pathname;
    let lang = Memo::new(move |_| Lang::from_path(&pathname.get()).0);
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().code());
        }
    });
    provide_context(lang);
}

/// The language of what is being rendered: the page's, or a widget's own (French when unsaid).
pub fn use_lang() -> Memo<Lang> {
    use_context::<Memo<Lang>>().unwrap_or_else(|| Memo::new(|_| Lang::Fr))
}

/// The language once, for a page or a widget: a change of language is a navigation to another
/// route (`/programme` → `/en/programme`), which renders the page anew.
pub fn current_lang() -> Lang {
    use_lang().get_untracked()
}

/// A data text in `lang`, or its French inside `lang="fr"` when it has no translation (RGAA 8.7).
pub fn text_view(text: &Text, lang: Lang) -> AnyView {
    let (words, in_lang) = text.get(lang);
    run_view(words.to_owned(), in_lang, lang)
}

/// Mixed text, each run not in the page's language inside its own `lang`.
pub fn pieces_view(pieces: Pieces, lang: Lang) -> AnyView {
    pieces.0.into_iter().map(|(words, in_lang)| run_view(words, in_lang, lang)).collect_view().into_any()
}

fn run_view(words: String, in_lang: Lang, lang: Lang) -> AnyView {
    if in_lang == lang {
        words.into_any()
    } else {
        view! { <span lang=in_lang.code()>{words}</span> }.into_any()
    }
}
