//! One file per route.

mod accessibility;
mod charter;
mod edition;
mod editions;
mod home;
mod not_found;
mod programme;

pub use accessibility::AccessibilityPage;
pub use charter::CharterPage;
pub use edition::EditionPage;
pub use editions::EditionsPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use programme::ProgrammePage;
