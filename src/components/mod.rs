//! Small accessible building blocks shared by the pages.

mod bar_chart;
mod data_view;
mod error_alert;
mod page;
mod site_footer;
mod site_header;
mod skip_link;
mod sources;

pub use bar_chart::BarChart;
pub use data_view::DataView;
pub use error_alert::ErrorAlert;
pub use page::Page;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skip_link::SkipLink;
pub use sources::Sources;
