//! Tests of `chosen`: the stored format, its migration, and what became of each choice. The
//! changed programmes are synthetic, made from the shipped one.

use super::*;
use crate::load::parse;

fn programme() -> Programme {
    parse(include_str!("../../../public/data/programme-2023.json")).expect("shipped programme is valid")
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn item_mut<'a>(p: &'a mut Programme, id: &str) -> &'a mut Item {
    p.items.iter_mut().find(|i| i.id == id).unwrap()
}

#[test]
fn the_former_format_is_migrated_without_loss() {
    let old = r#"["grande-soiree","atelier-supprime-depuis","grande-soiree"]"#;
    let chosen = parse_stored(old).unwrap();
    assert_eq!(chosen, [Chosen::id("grande-soiree"), Chosen::id("atelier-supprime-depuis")]);
    let mut chosen = chosen;
    assert!(fill(&programme(), &mut chosen), "the known id gets its past");
    assert_eq!(chosen[0].was.as_ref().unwrap().title, "Grande soirée NEC");
    assert_eq!(chosen[1].was, None, "an id already gone stays, its past unknown");
    assert!(!fill(&programme(), &mut chosen), "nothing more to fill");
    assert_eq!(parse_stored(&to_stored(&chosen)), Some(chosen.clone()), "the new format reads back");
    let p = programme();
    assert!(matches!(fate(&p, &chosen[1]), Fate::Gone { was: None }));
}

#[test]
fn the_stored_format_is_plain_json_and_corrupt_text_is_refused() {
    let p = programme();
    let party = p.items.iter().find(|i| i.id == "grande-soiree").unwrap();
    let text = to_stored(&[Chosen::of(&p, party)]);
    assert_eq!(
        text,
        r#"[{"id":"grande-soiree","was":{"title":{"fr":"Grande soirée NEC","en":"NEC evening party"},"day":"2023-10-19","start":"2023-10-19T19:00:00+02:00","end":"2023-10-20T01:00:00+02:00"}}]"#
    );
    for bad in ["{oops", "[1, 2]", r#"[{"title":"x"}]"#, r#"[{"id":"a","was":{"title":"t","start":"demain"}}]"#, "{}", ""] {
        assert_eq!(parse_stored(bad), None, "{bad}");
    }
    let mixed = parse_stored(r#"["a",{"id":"b","sequence":2},{"id":"a"}]"#).unwrap();
    assert_eq!(mixed, [Chosen::id("a"), Chosen { id: "b".into(), was: None, sequence: 2 }]);
}

#[test]
fn a_choice_says_it_moved_was_cancelled_or_is_gone() {
    let before = programme();
    let chosen: Vec<Chosen> = ["pleniere-jeudi", "grande-soiree", "dejeuner-cloture", "accueil-jeudi"]
        .map(|id| Chosen::of(&before, before.items.iter().find(|i| i.id == id).unwrap()))
        .to_vec();
    let mut after = before.clone();
    item_mut(&mut after, "pleniere-jeudi").start = Some(at("2023-10-19T14:00:00+02:00"));
    item_mut(&mut after, "grande-soiree").status = ItemStatus::Cancelled;
    item_mut(&mut after, "dejeuner-cloture").title = Text::from("Déjeuner de clôture (synthétique)");
    after.items.retain(|i| i.id != "accueil-jeudi");

    let Fate::Changed { item, was, moved: true, renamed: false, place: false } = fate(&after, &chosen[0]) else { panic!("moved") };
    assert_eq!((was.start, item.start), (Some(at("2023-10-19T11:30:00+02:00")), Some(at("2023-10-19T14:00:00+02:00"))));
    assert!(matches!(fate(&after, &chosen[1]), Fate::Cancelled { .. }));
    assert!(matches!(fate(&after, &chosen[2]), Fate::Changed { renamed: true, moved: false, .. }));
    let Fate::Gone { was: Some(was) } = fate(&after, &chosen[3]) else { panic!("gone") };
    assert_eq!(was.title, "Accueil NEC", "what it was is still known");
    assert_eq!(was.place.as_deref(), Some("Palais de la Bourse"));
    // Nothing changed, or the same instant written in UTC: the same.
    assert!(matches!(fate(&before, &chosen[0]), Fate::Same(_)));
    let mut in_utc = before.clone();
    item_mut(&mut in_utc, "pleniere-jeudi").start = Some(at("2023-10-19T09:30:00Z"));
    assert!(matches!(fate(&in_utc, &chosen[0]), Fate::Same(_)));
}

#[test]
fn keeping_a_move_acknowledges_it_and_bumps_the_sequence() {
    let before = programme();
    let mut choice = Chosen::of(&before, before.items.iter().find(|i| i.id == "pleniere-jeudi").unwrap());
    let mut after = before.clone();
    item_mut(&mut after, "pleniere-jeudi").start = Some(at("2023-10-19T14:00:00+02:00"));
    assert_eq!(sequence(&after, &choice), 1, "a move not kept yet already bumps the calendar's SEQUENCE");
    keep(&after, &mut choice);
    assert!(matches!(fate(&after, &choice), Fate::Same(_)));
    assert_eq!((choice.sequence, sequence(&after, &choice)), (1, 1));
    item_mut(&mut after, "pleniere-jeudi").start = Some(at("2023-10-19T15:00:00+02:00"));
    assert_eq!(sequence(&after, &choice), 2, "moved again");
    // Keeping a cancelled item: it stays chosen, cancelled, no longer reported as news.
    let mut party = Chosen::of(&before, before.items.iter().find(|i| i.id == "grande-soiree").unwrap());
    item_mut(&mut after, "grande-soiree").status = ItemStatus::Cancelled;
    keep(&after, &mut party);
    assert!(matches!(fate(&after, &party), Fate::Same(i) if i.status == ItemStatus::Cancelled));
}
