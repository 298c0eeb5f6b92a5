use std::sync::Arc;

use leptos::prelude::*;

use crate::components::ErrorAlert;
use crate::data::LoadError;

/// Shows a data file's content once loaded: a polite loading message before, an alert with retry on error.
#[component]
pub fn DataView<T, V, F>(
    resource: LocalResource<Result<Arc<T>, LoadError>>,
    /// What is loading, e.g. "le programme".
    what: &'static str,
    /// Renders the loaded data.
    render: F,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn(Arc<T>) -> V + Send + Sync + 'static,
{
    let on_retry = Callback::new(move |()| resource.refetch());
    view! {
        {move || match resource.get() {
            None => view! { <p class="loading" role="status">{format!("Chargement de {what}…")}</p> }.into_any(),
            Some(Err(error)) => view! { <ErrorAlert what error on_retry/> }.into_any(),
            Some(Ok(data)) => render(data).into_any(),
        }}
    }
}
