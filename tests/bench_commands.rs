//! The benchmark commands the README gives, run small through the real binary: each prints the
//! figures it names. (How fast they are is measured by running them, not asserted here.)

mod common;
use common::*;

/// The number after `label` on the line that holds it.
fn figure(stdout: &str, label: &str) -> f64 {
    let line = stdout.lines().find(|l| l.contains(label)).unwrap_or_else(|| panic!("no '{label}' in:\n{stdout}"));
    let rest = &line[line.find(label).unwrap() + label.len()..];
    rest.split_whitespace().next().and_then(|w| w.parse().ok()).unwrap_or_else(|| panic!("no number after '{label}' in: {line}"))
}

#[test]
fn bench_ingest_and_query_print_their_figures() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store").to_string_lossy().to_string();
    let r = ok(&["bench", "ingest", "--docs", "60", "--store", &store]);
    assert_eq!(figure(&r.stdout, "documents"), 60.0, "{}", r.stdout);
    for label in ["text", "time", "throughput", "quads", "quads/s"] {
        assert!(figure(&r.stdout, label) > 0.0, "{label}: {}", r.stdout);
    }
    assert!(r.stdout.contains("s writing after the last document was extracted") && r.stdout.contains("s compacting the store at the end") && r.stdout.contains("peak memory"), "{}", r.stdout);
    // The store it wrote is a real store that `bench query` measures.
    let q = ok(&["bench", "query", "--store", &store, "--runs", "5"]);
    assert!(q.stdout.contains("relations-of, 5 entities drawn at random: p50 ") && q.stdout.contains("the 10 most connected entities"), "{}", q.stdout);
}

#[test]
fn bench_extract_and_scale_print_their_figures() {
    let r = ok(&["bench", "extract", "--docs", "20", "--rounds", "2"]);
    assert!(r.stdout.contains("the median of 2 rounds"), "{}", r.stdout);
    let line = r.stdout.lines().find(|l| l.trim_start().starts_with("generated")).unwrap_or_else(|| panic!("{}", r.stdout));
    assert!(line.contains(" MB/s (") && line.contains(" sentences/s") && line.contains("relations/doc"), "{line}");
    // The same articles as one document: one of them, as many sentences.
    let one = r.stdout.lines().find(|l| l.trim_start().starts_with("one document")).unwrap_or_else(|| panic!("{}", r.stdout));
    let count = |l: &str, what: &str| l.split(what).next().and_then(|h| h.split_whitespace().last()).and_then(|n| n.parse::<f64>().ok()).unwrap_or_else(|| panic!("{l}"));
    assert_eq!(count(one, " docs"), 1.0, "{one}");
    // (Each figure is rounded to a tenth: twenty times the one may be a unit off.)
    assert!((count(one, " sentences/doc") - 20.0 * count(line, " sentences/doc")).abs() <= 1.0, "{one}\n{line}");
    let s = ok(&["bench", "scale", "--sizes", "20,200", "--rounds", "2"]);
    assert!(s.stdout.contains("the median of 2 ingests"), "{}", s.stdout);
    assert!(s.stdout.contains("ingest s") && s.stdout.contains("p50 ms"), "{}", s.stdout);
    // Each size's row names the fastest and slowest of its two ingests.
    let row = s.stdout.lines().find(|l| l.trim_start().starts_with("200 ")).unwrap_or_else(|| panic!("{}", s.stdout));
    let range = row.split_whitespace().nth(3).unwrap_or_default();
    let (fastest, slowest) = range.split_once('-').unwrap_or_else(|| panic!("{row}"));
    assert!(fastest.parse::<f64>().unwrap() <= slowest.parse::<f64>().unwrap(), "{row}");
    assert!(s.stdout.contains("10x the articles took ") && s.stdout.contains("peak memory"), "{}", s.stdout);
}

/// The benchmarks' scratch stores go into the temp directory and are removed when the run ends,
/// also when it fails: a 4 GB ingest that ran out of disk had left 25 GB behind.
#[test]
fn bench_scratch_stores_are_removed_after_success_and_failure() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(bin()).args(args).env("TMPDIR", tmp.path()).output().expect("run geokg")
    };
    let left = || std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().path()).collect::<Vec<_>>();

    assert!(run(&["bench", "ingest", "--docs", "20"]).status.success());
    assert!(run(&["bench", "scale", "--sizes", "10", "--rounds", "1"]).status.success());
    assert_eq!(left(), Vec::<std::path::PathBuf>::new());

    // A store path that is a file: the ingest fails after the scratch directory is made.
    let not_a_dir = tempfile::NamedTempFile::new().unwrap();
    let failed = run(&["bench", "ingest", "--docs", "20", "--store", &not_a_dir.path().to_string_lossy()]);
    assert!(!failed.status.success());
    assert_eq!(left(), Vec::<std::path::PathBuf>::new(), "{}", String::from_utf8_lossy(&failed.stderr));
}
