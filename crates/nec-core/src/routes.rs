//! The site's pages, each named once: its French path (the English page is under `/en`), for the
//! header, the site map, the accessibility statement's sample and the pages' descriptions. The
//! router writes each path in `path!` (a macro that wants literals); a test checks that it routes
//! every one of them. Pages with a parameter (an item, an edition) belong to their section's route.

/// A page of the site with a fixed address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route {
    Home,
    Programme,
    MyProgramme,
    PracticalInfo,
    ProgrammeChanges,
    Charter,
    Editions,
    OpenData,
    Embed,
    Privacy,
    Accessibility,
    SiteMap,
}

impl Route {
    /// Every route, in the site map's order.
    pub const ALL: [Route; 12] = [
        Route::Home,
        Route::Programme,
        Route::PracticalInfo,
        Route::MyProgramme,
        Route::ProgrammeChanges,
        Route::Charter,
        Route::Editions,
        Route::OpenData,
        Route::Embed,
        Route::Privacy,
        Route::Accessibility,
        Route::SiteMap,
    ];

    /// Its French path; `Lang::path` gives the English one.
    pub const fn path(self) -> &'static str {
        match self {
            Route::Home => "/",
            Route::Programme => "/programme",
            Route::MyProgramme => "/mon-programme",
            Route::PracticalInfo => "/infos-pratiques",
            Route::ProgrammeChanges => crate::publications::CHANGES_PAGE,
            Route::Charter => "/charte",
            Route::Editions => "/editions",
            Route::OpenData => "/donnees",
            Route::Embed => "/integrer",
            Route::Privacy => "/donnees-personnelles",
            Route::Accessibility => "/accessibilite",
            Route::SiteMap => "/plan-du-site",
        }
    }

    /// The route at exactly this French path, if any.
    pub fn at(path: &str) -> Option<Route> {
        Route::ALL.into_iter().find(|route| route.path() == path)
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    /// The paths the router declares with `path!("…")` in src/lib.rs, without parameters.
    fn routed() -> Vec<String> {
        let lib = include_str!("../../../src/lib.rs");
        lib.split("path!(\"").skip(1).filter_map(|rest| rest.split_once('"')).map(|(path, _)| path.to_owned()).collect()
    }

    #[test]
    fn the_router_routes_every_route_and_no_other_fixed_page() {
        let routed = routed();
        for route in Route::ALL {
            assert!(routed.iter().any(|p| p == route.path()), "{} is not routed in src/lib.rs", route.path());
        }
        // The prefixes of nested routes, the parameterised pages and the test page aside.
        let unnamed: Vec<&String> = routed
            .iter()
            .filter(|p| !p.is_empty() && *p != "/en" && !p.contains(':') && *p != "/test/panique" && Route::at(p).is_none())
            .collect();
        assert!(unnamed.is_empty(), "routed in src/lib.rs but not a Route: {unnamed:?}");
    }

    #[test]
    fn paths_are_unique_and_found_back() {
        for route in Route::ALL {
            assert_eq!(Route::at(route.path()), Some(route));
        }
        assert_eq!(Route::at("/programme/grande-soiree"), None);
    }
}
