//! Helpers shared by the integration tests: run the real binary, build stores in temp dirs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_geokg")
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

pub fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples")
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn geokg(args: &[&str]) -> Run {
    geokg_in(args, None)
}

pub fn geokg_in(args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = Command::new(bin());
    cmd.args(args).env_remove("GEOKG_STORE").stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    let mut child = cmd.spawn().expect("run geokg");
    if let Some(input) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    let Output { status, stdout, stderr } = child.wait_with_output().unwrap();
    Run { code: status.code().unwrap_or(-1), stdout: String::from_utf8(stdout).unwrap(), stderr: String::from_utf8(stderr).unwrap() }
}

/// Runs and asserts success.
pub fn ok(args: &[&str]) -> Run {
    let r = geokg(args);
    assert_eq!(r.code, 0, "geokg {args:?} failed:\n{}", r.stderr);
    r
}

/// A fresh store directory (inside a temp dir that lives as long as the returned guard).
pub fn store() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store").to_string_lossy().to_string();
    (dir, path)
}

/// The rows of a CSV result without its header.
pub fn csv_rows(stdout: &str) -> Vec<Vec<String>> {
    stdout.lines().skip(1).filter(|l| !l.is_empty()).map(|l| l.split(',').map(|c| c.trim().to_string()).collect()).collect()
}

/// The number a `SELECT (COUNT(...) AS ?n)` query gives on the store.
pub fn count(store: &str, query: &str) -> usize {
    let r = ok(&["query", query, "--store", store, "--format", "csv"]);
    csv_rows(&r.stdout)[0][0].parse().unwrap_or_else(|_| panic!("no count in:\n{}", r.stdout))
}

pub fn quad_count(store: &str) -> usize {
    ok(&["export", "--format", "nq", "--store", store]).stdout.lines().filter(|l| !l.trim().is_empty()).count()
}
