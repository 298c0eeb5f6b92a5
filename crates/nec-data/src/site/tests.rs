use super::*;
use crate::load::parse;

fn data() -> (Programme, EditionsFile) {
    let read =
        |name: &str| std::fs::read_to_string(format!("{}/public/data/{name}", concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))).unwrap();
    (parse(&read("programme-2023.json")).unwrap(), parse(&read("editions.json")).unwrap())
}

const ORIGIN: &str = "https://nec.invalid";

#[test]
fn the_origin_must_be_public_https() {
    assert_eq!(site_origin("https://nec.invalid/").unwrap(), "https://nec.invalid");
    assert_eq!(site_origin("https://nec.invalid:8443").unwrap(), "https://nec.invalid:8443");
    for bad in [
        "http://nec.invalid",
        "https://127.0.0.1:8080",
        "https://localhost",
        "https://LOCALHOST:8080",
        "https://[::1]:8443",
        "https://0.0.0.0",
        "https://nec.invalid/site",
        "",
        "https://",
    ] {
        assert!(site_origin(bad).is_err(), "{bad} accepted");
    }
}

#[test]
fn every_page_has_its_own_description_in_each_language() {
    let (programme, editions) = data();
    let site = Site { origin: ORIGIN, programme: &programme, editions: &editions, programmes: std::slice::from_ref(&programme) };
    let mut paths: Vec<String> = crate::routes::Route::ALL.iter().map(|r| r.path().to_owned()).chain(["/404".to_owned()]).collect();
    paths.extend(programme.items.iter().map(|i| format!("/programme/{}", i.id)));
    paths.extend(editions.editions.iter().map(|e| format!("/editions/{}", e.year)));
    for lang in Lang::ALL {
        let mut seen = std::collections::HashSet::new();
        for path in &paths {
            let text = description(&site, path, lang).unwrap_or_else(|| panic!("{path}: no description"));
            assert!(text.chars().count() <= 320, "{path}: {text}");
            assert!(seen.insert(text.clone()), "{path} repeats a description: {text}");
        }
    }
    assert!(description(&site, "/programme/nope", Lang::Fr).is_none());
    assert!(description(&site, "/editions/1999", Lang::Fr).is_none());
    assert!(description(&site, "/nope", Lang::Fr).is_none());
    let party = description(&site, "/programme/grande-soiree", Lang::Fr).unwrap();
    assert!(party.starts_with("Grande soirée NEC — Jeudi 19 octobre 2023, 19 h 00."), "{party}");
    let party = description(&site, "/programme/grande-soiree", Lang::En).unwrap();
    assert!(party.starts_with("NEC evening party — Thursday 19 October 2023, 19:00."), "{party}");
    assert!(description(&site, "/infos-pratiques", Lang::En).unwrap().contains("17 place de la Bourse 33076 Bordeaux"));
}

#[test]
fn the_head_links_both_languages_and_the_share_card() {
    let (programme, editions) = data();
    let site = Site { origin: ORIGIN, programme: &programme, editions: &editions, programmes: std::slice::from_ref(&programme) };
    let tags = head(&site, "/en/charte", "The charter — Numérique en Commun[s]").unwrap();
    assert!(tags.starts_with("<!--page-->") && tags.ends_with("<!--/page-->"));
    for expected in [
        r#"<link rel="canonical" href="https://nec.invalid/en/charte">"#,
        r#"<link rel="alternate" hreflang="fr" href="https://nec.invalid/charte">"#,
        r#"<link rel="alternate" hreflang="en" href="https://nec.invalid/en/charte">"#,
        r#"<link rel="alternate" hreflang="x-default" href="https://nec.invalid/charte">"#,
        r#"<meta property="og:url" content="https://nec.invalid/en/charte">"#,
        r#"<meta property="og:title" content="The charter — Numérique en Commun[s]">"#,
        r#"<meta property="og:locale" content="en_GB">"#,
        r#"<meta property="og:image" content="https://nec.invalid/partage.png">"#,
        r#"<meta name="twitter:card" content="summary_large_image">"#,
    ] {
        assert!(tags.contains(expected), "{expected} missing in {tags}");
    }
    assert!(!tags.contains("ld+json"), "the charter shows no event");
    let home = head(&site, "/en", "Home").unwrap();
    assert!(home.contains(r#"<link rel="canonical" href="https://nec.invalid/en">"#), "{home}");
    let missing = head(&site, "/404", "Page introuvable").unwrap();
    assert!(!missing.contains("canonical") && !missing.contains("hreflang"));
    assert!(head(&site, "/en/nope", "x").is_none());
    // Text from the data is escaped.
    let quoted = head(&site, "/", "<\"&>").unwrap();
    assert!(quoted.contains(r#"content="&lt;&quot;&amp;&gt;""#));
}

#[test]
fn the_event_and_its_timed_sessions_in_json_ld() {
    let (programme, editions) = data();
    let site = Site { origin: ORIGIN, programme: &programme, editions: &editions, programmes: std::slice::from_ref(&programme) };
    let event: serde_json::Value = serde_json::from_str(&json_ld::for_page(&site, "/", Lang::Fr).unwrap()).unwrap();
    assert_eq!(event["@type"], "Event");
    assert_eq!(event["name"], "Numérique en Commun[s] 2023");
    assert_eq!(event["startDate"], "2023-10-19");
    assert_eq!(event["endDate"], "2023-10-20");
    assert_eq!(event["location"]["name"], "Palais de la Bourse");
    assert_eq!(event["location"]["address"]["streetAddress"], "17 place de la Bourse");
    assert_eq!(event["location"]["address"]["postalCode"], "33076");
    assert_eq!(event["location"]["address"]["addressLocality"], "Bordeaux");
    assert_eq!(event["organizer"][0]["name"], "Agence nationale de la cohésion des territoires (ANCT)");
    assert_eq!(event["eventAttendanceMode"], "https://schema.org/OfflineEventAttendanceMode");
    assert_eq!(event["isAccessibleForFree"], true);
    let english: serde_json::Value = serde_json::from_str(&json_ld::for_page(&site, "/", Lang::En).unwrap()).unwrap();
    assert_eq!(english["url"], "https://nec.invalid/en");

    let graph: serde_json::Value = serde_json::from_str(&json_ld::for_page(&site, "/programme", Lang::Fr).unwrap()).unwrap();
    let graph = graph["@graph"].as_array().unwrap();
    let timed = programme.items.iter().filter(|i| i.start.is_some()).count();
    assert_eq!(graph.len(), 1 + timed);
    for session in &graph[1..] {
        assert_eq!(session["superEvent"]["@id"], "https://nec.invalid/#evenement");
    }

    let party: serde_json::Value = serde_json::from_str(&json_ld::for_page(&site, "/programme/grande-soiree", Lang::En).unwrap()).unwrap();
    assert_eq!(party["@context"], "https://schema.org");
    assert_eq!(party["startDate"], "2023-10-19T19:00:00+02:00");
    assert_eq!(party["endDate"], "2023-10-20T01:00:00+02:00");
    assert_eq!(party["url"], "https://nec.invalid/en/programme/grande-soiree");
    // The party runs past closing time: its place is not said, the city only.
    assert_eq!(party["location"]["name"], "Bordeaux");
    assert_eq!(party["superEvent"]["name"], "Numérique en Commun[s] 2023");
    // No time, no event: nothing is invented.
    assert!(json_ld::for_page(&site, "/programme/dejeuner-jeudi", Lang::Fr).is_none());
}

#[test]
fn the_sitemap_lists_each_page_in_both_languages() {
    let routes: Vec<String> = ["/", "/en", "/charte", "/en/charte", "/404", "/en/404"].map(str::to_owned).to_vec();
    let xml = files::sitemap(ORIGIN, &routes);
    assert_eq!(xml.matches("<url>").count(), 4);
    assert!(xml.contains("<loc>https://nec.invalid/en/charte</loc>"));
    assert!(xml.contains(r#"<xhtml:link rel="alternate" hreflang="x-default" href="https://nec.invalid/"/>"#));
    assert!(!xml.contains("404"));
    assert_eq!(files::robots(ORIGIN).lines().last(), Some("Sitemap: https://nec.invalid/sitemap.xml"));
}

#[test]
fn shortened_cuts_after_a_word() {
    assert_eq!(shortened("un deux trois", 20), "un deux trois");
    assert_eq!(shortened("un deux trois", 9), "un deux…");
    assert_eq!(shortened("un  \n deux", 20), "un deux");
}
