//! Long-run behaviour of `geokg ingest` through the real binary: progress output, --quiet,
//! and an ingest killed part-way that a second run completes to the same store.

mod common;
use common::*;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn plain_progress_lines_when_stderr_is_not_a_terminal() {
    let (_dir, store) = store();
    let r = ok(&["ingest", samples().to_str().unwrap(), "--store", &store]);
    let line = r.stderr.lines().find(|l| l.starts_with("geokg: progress: ")).unwrap_or_else(|| panic!("no progress line in:\n{}", r.stderr));
    assert!(line.contains(" documents, ") && line.contains(" MB/s, ") && line.contains(" relations"), "{line}");
    assert!(r.stderr.contains("documents added"), "{}", r.stderr);
    // The steps after the last document are announced in order; the summary comes after them.
    let at = |what: &str| r.stderr.find(what).unwrap_or_else(|| panic!("no {what:?} in:\n{}", r.stderr));
    let finishing = at("geokg: all read; writing the last groups while the store merges its indexes");
    let compacting = at("geokg: all written; compacting the store");
    assert!(finishing < compacting && compacting < at("documents added"), "{}", r.stderr);
}

/// With no document there is nothing to finish: no stage is announced, only the summary.
#[test]
fn an_empty_input_announces_no_stage() {
    let (dir, store) = store();
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let r = ok(&["ingest", empty.to_str().unwrap(), "--store", &store]);
    assert!(r.stderr.contains("nothing new") && !r.stderr.contains("all read") && !r.stderr.contains("compacting"), "{}", r.stderr);
}

#[test]
fn quiet_prints_nothing() {
    let (_dir, store) = store();
    let r = ok(&["ingest", samples().to_str().unwrap(), "--store", &store, "--quiet"]);
    assert_eq!(r.stderr, "");
}

fn canonical_dump(store: &str) -> Vec<String> {
    let mut lines: Vec<String> = ok(&["export", "--format", "nq", "--store", store]).stdout.lines().map(String::from).collect();
    lines.sort();
    lines
}

const COUNT_DOCUMENTS: &str = "SELECT (COUNT(?d) AS ?n) WHERE { ?d a gk:Document }";

fn document_count(store: &str) -> usize {
    count(store, COUNT_DOCUMENTS)
}

#[test]
fn killed_ingest_resumes_to_the_same_store() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let n = 4000;
    ok(&["bench", "gen", "--docs", &n.to_string(), "--seed", "11", "-o", corpus.to_str().unwrap()]);
    let corpus = corpus.to_str().unwrap();

    // An uninterrupted run.
    let whole = dir.path().join("whole").to_string_lossy().to_string();
    ok(&["ingest", corpus, "--store", &whole, "--quiet"]);
    assert_eq!(document_count(&whole), n);

    // A run killed with SIGKILL part-way, then run again.
    let resumed = dir.path().join("resumed").to_string_lossy().to_string();
    let mut child = Command::new(bin())
        .args(["ingest", corpus, "--store", &resumed, "--batch", "20", "--quiet"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once a first group of documents is committed (a reader beside the writer sees
    // them), long before the end.
    let start = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        let r = geokg(&["query", COUNT_DOCUMENTS, "--store", &resumed, "--format", "csv"]);
        let stored = if r.code == 0 { csv_rows(&r.stdout)[0][0].parse().unwrap_or(0) } else { 0 };
        if stored > 0 || start.elapsed() > Duration::from_secs(20) {
            break;
        }
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the ingest finished before it could be killed; use a larger corpus");
    let partial = document_count(&resumed);
    assert!(partial > 0 && partial < n, "killed run stored {partial} of {n} documents");

    // A kill during a bulk load leaves its unfinished files in the store's directory (how
    // often depends on timing, so one is planted); the next run removes them.
    let unfinished = std::path::Path::new(&resumed).join("bulk-1234.sst");
    std::fs::write(&unfinished, b"an unfinished load").unwrap();
    let r = ok(&["ingest", corpus, "--store", &resumed]);
    let left: Vec<_> = std::fs::read_dir(&resumed).unwrap().filter_map(|e| e.ok()).map(|e| e.file_name()).filter(|n| n.to_string_lossy().starts_with("bulk-")).collect();
    assert!(left.is_empty(), "files of unfinished loads left in the store: {left:?}");
    assert!(r.stderr.contains(&format!("{partial} unchanged")), "{}", r.stderr);
    assert_eq!(quad_count(&resumed), quad_count(&whole));
    assert!(canonical_dump(&resumed) == canonical_dump(&whole), "the resumed store differs from the uninterrupted one");
}

#[test]
fn a_small_run_into_a_larger_store_does_not_compact_it() {
    // Compaction rewrites the whole store: a run that adds little to a large store skips it, and
    // what it wrote is stored all the same.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    ok(&["bench", "gen", "--docs", "400", "--seed", "5", "-o", corpus.to_str().unwrap()]);
    let (corpus, samples) = (corpus.to_str().unwrap(), samples());
    let samples = samples.to_str().unwrap();
    let store = dir.path().join("store").to_string_lossy().to_string();
    let first = ok(&["ingest", corpus, "--store", &store]);
    assert!(first.stderr.contains("compacting the store"), "a run into an empty store compacts it:\n{}", first.stderr);
    let small = ok(&["ingest", samples, "--store", &store]);
    assert!(small.stderr.contains("documents added") && !small.stderr.contains("compacting"), "{}", small.stderr);
    let both = dir.path().join("both").to_string_lossy().to_string();
    ok(&["ingest", corpus, samples, "--store", &both, "--quiet"]);
    assert!(canonical_dump(&store) == canonical_dump(&both), "the store differs from one built in one run");
}

/// Runs geokg under `sh` with the file-descriptor limit set first (`ulimit` arguments).
fn geokg_with_fd_limit(ulimit: &str, args: &[&str]) -> std::process::Output {
    let mut script = format!("ulimit {ulimit} && exec \"$0\"");
    for i in 1..=args.len() {
        script.push_str(&format!(" \"${i}\""));
    }
    Command::new("sh").arg("-c").arg(script).arg(bin()).args(args).output().unwrap()
}

#[test]
fn a_low_soft_file_limit_is_raised_and_a_low_hard_one_refused() {
    let (_dir, raised_store) = store();
    let (_dir2, refused_store) = store();
    let samples = samples();
    let samples = samples.to_str().unwrap();
    // Soft limit only: raised towards what RocksDB needs (the hard limit allows it).
    let raised = geokg_with_fd_limit("-S -n 100", &["ingest", "--quiet", "--store", &raised_store, samples]);
    assert!(raised.status.success(), "{}", String::from_utf8_lossy(&raised.stderr));
    assert!(quad_count(&raised_store) > 0);
    // Hard limit too: refused at once, with a clear error and no crash.
    let refused = geokg_with_fd_limit("-n 100", &["ingest", "--quiet", "--store", &refused_store, samples]);
    let err = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(1), "{err}");
    assert!(err.contains("needs at least 256 open files") && err.contains("may open 100"), "{err}");
}

#[test]
fn a_second_writer_gets_a_clear_error_not_a_crash() {
    // RocksDB's error messages are freed by the Rust allocator (oxigraph 0.5.13), so geokg's
    // allocator must be the one C code allocates with too: before it was, this crashed (SIGSEGV).
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    ok(&["bench", "gen", "--docs", "3000", "--seed", "2", "-o", corpus.to_str().unwrap()]);
    let store = dir.path().join("store").to_string_lossy().to_string();
    let mut first = Command::new(bin())
        .args(["ingest", corpus.to_str().unwrap(), "--store", &store, "--batch", "20", "--quiet"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !std::path::Path::new(&store).join("LOCK").exists() && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let second = geokg(&["ingest", samples().to_str().unwrap(), "--store", &store, "--quiet"]);
    let still_running = first.try_wait().unwrap().is_none();
    first.wait().unwrap();
    assert!(still_running, "the first ingest ended before the second began; give it more work");
    assert_eq!(second.code, 1, "{}", second.stderr);
    assert!(second.stderr.contains("another geokg process holds it"), "{}", second.stderr);
}
