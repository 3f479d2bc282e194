//! The bundled dictionaries are sound, and users' --dict files extend them with clear errors.

mod common;
use common::*;
use geokg::entities::gazetteer::{is_qid, Gazetteer};
use geokg::entities::EntityType;
use std::collections::HashSet;

#[test]
fn countries_have_unique_valid_codes_and_ids() {
    let g = Gazetteer::load(&[]).unwrap();
    let mut codes = HashSet::new();
    let mut countries = 0;
    for e in &g.entities {
        if let Some(q) = &e.wikidata {
            assert!(is_qid(q), "{}: bad Wikidata id {q}", e.id);
        }
        if e.etype == EntityType::Country {
            countries += 1;
            let code = e.iso3.as_deref().unwrap_or_else(|| panic!("{} has no ISO code", e.id));
            assert!(code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()), "{}: {code}", e.id);
            assert!(codes.insert(code.to_string()), "ISO code {code} used twice");
        }
    }
    // 193 UN members, 2 observers, Taiwan, Kosovo, Western Sahara, 4 historical states.
    assert!(countries >= 202, "{countries} countries");
    for name in ["Soviet Union", "Taiwan", "Kosovo", "Western Sahara", "Palestine", "Yugoslavia", "East Germany", "Czechoslovakia"] {
        assert!(g.entities.iter().any(|e| e.label == name && e.etype == EntityType::Country), "{name} missing");
    }
}

#[test]
fn offices_are_ordered_and_refer_to_people() {
    let g = Gazetteer::load(&[]).unwrap();
    assert!(g.offices.len() > 1000);
    for o in &g.offices {
        assert_eq!(g.get(o.person).etype, EntityType::Person);
        if let (Some(s), Some(e)) = (&o.start, &o.end) {
            let n = s.len().min(e.len());
            assert!(s[..n] <= e[..n], "{}: {} from {s} to {e}", g.get(o.person).id, o.role);
        }
    }
}

#[test]
fn user_dictionary_adds_entries() {
    let dir = tempfile::tempdir().unwrap();
    let people = dir.path().join("my-people.tsv");
    std::fs::write(&people, "id\tname\taliases\tgender\twikidata\nzara-okafor\tZara Okafor\t\tf\t\n").unwrap();
    let offices = dir.path().join("my-offices.tsv");
    std::fs::write(&offices, "person\trole\tof\tstart\tend\nzara-okafor\tForeign Minister\tNGA\t2031-01-01\t\n").unwrap();
    let r = geokg_in(
        &["--dict", people.to_str().unwrap(), "--dict", offices.to_str().unwrap(), "extract", "-", "--date", "2031-05-02"],
        Some("Zara Okafor met Chinese officials in Beijing on Tuesday."),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\"label\":\"Zara Okafor\""), "{}", r.stdout);
    assert!(r.stdout.contains("\"relation\":\"meetsWith\""), "{}", r.stdout);
}

#[test]
fn bad_dictionary_row_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let offices = dir.path().join("bad-offices.tsv");
    std::fs::write(&offices, "# my offices\nperson\trole\tof\tstart\tend\nvladimir-putin\tPresident\tRUSS\t2000\t\n").unwrap();
    let r = geokg_in(&["--dict", offices.to_str().unwrap(), "extract", "-"], Some("text"));
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains(&format!("{}:3: unknown country code 'RUSS' in column 'of'", offices.display())), "{}", r.stderr);
}

#[test]
fn parties_are_organisations_of_their_states() {
    let g = Gazetteer::load(&[]).unwrap();
    let parties: Vec<_> = g.entities.iter().filter(|e| e.category.as_deref() == Some("party")).collect();
    assert!(parties.len() >= 80, "{} parties", parties.len());
    for p in &parties {
        assert_eq!(p.etype, EntityType::Organization, "{}", p.id);
    }
    let country = |id: &str| g.by_id(id).and_then(|i| g.get(i).country).map(|c| g.get(c).label.clone());
    assert_eq!(country("fianna-fail").as_deref(), Some("Ireland"));
    assert_eq!(country("zanu-pf").as_deref(), Some("Zimbabwe"));
    // Names several states' parties share have no state.
    assert_eq!(country("labour-party"), None);
    // Unaccented spellings find the same party.
    for (written, id) in [("Fianna Fail", "fianna-fail"), ("Sinn Fein", "sinn-fein"), ("Bloc Quebecois", "bloc-quebecois")] {
        let hits = g.find_names(written);
        assert!(hits.iter().any(|&(a, b, h)| a == 0 && b == written.len() && h.iter().any(|h| g.get(h.entity).id == id)), "{written}");
    }
}
