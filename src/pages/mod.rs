//! One file per route.

mod accessibility;
mod charter;
mod edition;
mod editions;
mod home;
mod not_found;
mod open_data;
mod programme;

pub use accessibility::AccessibilityPage;
pub use charter::CharterPage;
pub use edition::EditionPage;
pub use editions::EditionsPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use open_data::OpenDataPage;
pub use programme::ProgrammePage;
