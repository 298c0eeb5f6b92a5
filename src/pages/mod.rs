//! One file per route.

mod accessibility;
mod charter;
mod edition;
mod editions;
mod embed_builder;
mod home;
mod my_programme;
mod my_programme_changes;
mod not_found;
mod open_data;
mod panic_test;
mod practical_info;
mod privacy;
mod programme;
mod programme_changes;
mod programme_item;
mod site_map;

pub use accessibility::AccessibilityPage;
pub use charter::CharterPage;
pub use edition::EditionPage;
pub use editions::EditionsPage;
pub use embed_builder::EmbedBuilderPage;
pub use home::HomePage;
pub use my_programme::MyProgrammePage;
pub use not_found::NotFoundPage;
pub use open_data::OpenDataPage;
pub use panic_test::PanicTestPage;
pub use practical_info::PracticalInfoPage;
pub use privacy::PrivacyPage;
pub use programme::ProgrammePage;
pub use programme_changes::ProgrammeChangesPage;
pub use programme_item::ProgrammeItemPage;
pub use site_map::SiteMapPage;
