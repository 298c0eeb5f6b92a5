//! Small accessible building blocks shared by the pages.

mod agenda_toggle;
pub mod announcer;
mod bar_chart;
mod copy_button;
mod data_table;
mod data_view;
mod disclosure;
mod error_alert;
mod filter_group;
mod offline_notice;
mod page;
mod quoted;
mod site_footer;
mod site_header;
mod skip_link;
mod sources;
mod theme_switch;
mod visually_hidden;

pub use agenda_toggle::AgendaToggle;
pub use announcer::LiveRegion;
pub use bar_chart::BarChart;
pub use copy_button::CopyButton;
pub use data_table::{DataTable, RowHeader};
pub use data_view::DataView;
pub use disclosure::Disclosure;
pub use error_alert::ErrorAlert;
pub use filter_group::FilterGroup;
pub use offline_notice::offline_notice;
pub use page::{focus_by_id, focus_if_lost, Page};
pub use quoted::Quoted;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skip_link::SkipLink;
pub use sources::Sources;
pub use theme_switch::ThemeSwitch;
pub use visually_hidden::VisuallyHidden;
