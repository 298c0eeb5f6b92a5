//! Numérique en Commun[s]: what the site, the widget and the `nec-data` command share, with no
//! web dependency: the model and its validation, and the pure helpers the views call. Tested
//! natively. ARCHITECTURE.md has the map.

pub mod agenda;
pub mod chosen;
pub mod describe;
pub mod diff;
pub mod filters;
pub mod format;
pub mod history;
pub mod ics;
pub mod json_path;
pub mod load;
pub mod locale;
pub mod model;
pub mod phase;
pub mod publications;
pub mod rgaa;
pub mod routes;
pub mod typeset_html;
pub mod tz;
pub mod validate;
pub mod widget_options;
