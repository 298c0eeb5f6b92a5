//! Small accessible building blocks shared by the pages.

mod agenda_toggle;
pub mod announcer;
mod bar_chart;
mod copy_button;
mod data_view;
mod error_alert;
mod filter_group;
mod page;
mod site_footer;
mod site_header;
mod skip_link;
mod sources;
mod theme_switch;

pub use agenda_toggle::AgendaToggle;
pub use announcer::LiveRegion;
pub use bar_chart::BarChart;
pub use copy_button::CopyButton;
pub use data_view::DataView;
pub use error_alert::ErrorAlert;
pub use filter_group::FilterGroup;
pub use page::Page;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skip_link::SkipLink;
pub use sources::Sources;
pub use theme_switch::ThemeSwitch;
