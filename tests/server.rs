//! `geokg serve` on loopback, queried by real clients: curl, Python's SPARQLWrapper and rdflib,
//! 32 concurrent raw HTTP clients, and headless Chromium for the page.

mod common;
use common::*;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    base: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A server over a store built from the samples.
fn start(extra: &[&str]) -> Server {
    let (dir, store) = store();
    ok(&["ingest", samples().to_str().unwrap(), "--store", &store, "--quiet"]);
    let port = free_port();
    let bind = format!("127.0.0.1:{port}");
    let mut args = vec!["serve", "--store", &store, "--bind", &bind];
    args.extend_from_slice(extra);
    let child = Command::new(bin()).args(&args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    let start = Instant::now();
    while TcpStream::connect(&bind).is_err() {
        assert!(start.elapsed() < Duration::from_secs(20), "server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Server { child, base: format!("http://{bind}"), _dir: dir }
}

/// curl: (status, headers and body).
fn curl(args: &[&str]) -> (u16, String) {
    let out = Command::new("curl").args(["-s", "-i"]).args(args).output().expect("curl is installed");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let status = text.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, text)
}

const VISITORS: &str = "SELECT ?visitor WHERE { ?v gk:visits ent:russia ; rdfs:label ?visitor }";

#[test]
fn sparql_protocol_with_curl() {
    let s = start(&[]);
    let url = format!("{}/sparql", s.base);
    // GET with Accept negotiation.
    let (st, r) = curl(&["-G", &url, "--data-urlencode", &format!("query={VISITORS}"), "-H", "Accept: application/sparql-results+json"]);
    assert_eq!(st, 200, "{r}");
    assert!(r.contains("application/sparql-results+json") && r.contains("\"Wang Yi\""), "{r}");
    assert!(r.contains("Access-Control-Allow-Origin: *"), "{r}");
    let (_, r) = curl(&["-G", &url, "--data-urlencode", &format!("query={VISITORS}"), "-H", "Accept: application/sparql-results+xml"]);
    assert!(r.contains(">Wang Yi</literal>"), "{r}");
    let (_, r) = curl(&["-G", &url, "--data-urlencode", &format!("query={VISITORS}"), "--data-urlencode", "format=csv"]);
    assert!(r.contains("visitor\r\nWang Yi"), "{r}");
    // POST, as a SPARQL body and as a form.
    let (st, r) = curl(&["-X", "POST", &url, "-H", "Content-Type: application/sparql-query", "-H", "Accept: text/tab-separated-values", "--data-binary", VISITORS]);
    assert_eq!(st, 200, "{r}");
    assert!(r.contains("\"Wang Yi\""), "{r}");
    let (st, r) = curl(&["-X", "POST", &url, "--data-urlencode", &format!("query={VISITORS}"), "-H", "Accept: application/sparql-results+json"]);
    assert_eq!(st, 200, "{r}");
    // A named query by path.
    let (st, r) = curl(&[&format!("{}/queries/who-visited?country=Russia&format=json", s.base)]);
    assert_eq!(st, 200, "{r}");
    assert!(r.contains("Moscow"), "{r}");
    // Errors: a bad query (400 with the parser's message), a long GET (414 saying POST), an update.
    let (st, r) = curl(&["-G", &url, "--data-urlencode", "query=SELECT ?x WHERE { ?x"]);
    assert_eq!(st, 400, "{r}");
    assert!(r.contains("error at 1:"), "{r}");
    let long = format!("query=SELECT * WHERE {{ ?s ?p ?o FILTER(?o != \"{}\") }}", "x".repeat(20_000));
    let (st, r) = curl(&["-G", &url, "--data-urlencode", &long]);
    assert_eq!(st, 414, "{}", &r[..200.min(r.len())]);
    assert!(r.contains("POST"));
    let (st, _) = curl(&["-X", "POST", &url, "-H", "Content-Type: application/sparql-update", "--data-binary", "CLEAR ALL"]);
    assert_eq!(st, 403);
    let (st, r) = curl(&["-G", &url, "--data-urlencode", "query=ASK { ?s gk:visits ?o }"]);
    assert_eq!(st, 200);
    assert!(r.contains("true"), "the store is intact: {r}");
    // Preflight for browser tools.
    let (st, r) = curl(&["-X", "OPTIONS", &url, "-H", "Origin: http://example.org", "-H", "Access-Control-Request-Method: POST"]);
    assert!(st == 204 || st == 200, "{r}");
    assert!(r.contains("Access-Control-Allow-Methods"), "{r}");
}

#[test]
fn notebook_clients_sparqlwrapper_and_rdflib() {
    let s = start(&[]);
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients.py");
    let out = Command::new("python3").arg(script).arg(&s.base).output().expect("python3");
    let log = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{log}");
    assert!(log.contains("SPARQLWrapper default (XML, GET): ok") && log.contains("SPARQLWrapper JSON: ok") && log.contains("rdflib CONSTRUCT: ok"), "{log}");
}

fn raw_get(addr: &str, path: &str) -> std::io::Result<String> {
    let mut c = TcpStream::connect(addr)?;
    c.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(c, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/sparql-results+json\r\nConnection: close\r\n\r\n")?;
    let mut s = String::new();
    c.read_to_string(&mut s)?;
    Ok(s)
}

#[test]
fn thirty_two_clients_for_ten_seconds() {
    let s = start(&[]);
    let addr = s.base.trim_start_matches("http://").to_string();
    let q = "/sparql?query=SELECT%20%3Fvisitor%20WHERE%20%7B%20%3Fv%20gk%3Avisits%20ent%3Arussia%20%3B%20rdfs%3Alabel%20%3Fvisitor%20%7D";
    let deadline = Instant::now() + Duration::from_secs(10);
    let handles: Vec<_> = (0..32)
        .map(|i| {
            let addr = addr.clone();
            std::thread::spawn(move || {
                let (mut n, mut bad) = (0u32, Vec::new());
                while Instant::now() < deadline && n < 10_000 {
                    let path = if i % 2 == 0 { q.to_string() } else { "/queries/who-visited?country=russia&format=json".to_string() };
                    match raw_get(&addr, &path) {
                        Ok(r) if r.starts_with("HTTP/1.1 200") && r.contains("Wang Yi") => n += 1,
                        Ok(r) => bad.push(r.chars().take(200).collect::<String>()),
                        Err(e) => bad.push(e.to_string()),
                    }
                }
                (n, bad)
            })
        })
        .collect();
    let mut total = 0;
    for h in handles {
        let (n, bad) = h.join().unwrap();
        assert!(bad.is_empty(), "wrong answers: {:?}", &bad[..bad.len().min(3)]);
        total += n;
    }
    assert!(total > 32, "only {total} answers");
    let r = raw_get(&addr, q).unwrap();
    assert!(r.starts_with("HTTP/1.1 200") && r.contains("Wang Yi"), "not serving after the load: {r}");
}

#[test]
fn a_query_past_the_timeout_is_cancelled() {
    let s = start(&["--timeout", "0.2"]);
    let heavy = "query=SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let started = Instant::now();
    let (st, r) = curl(&["-G", &format!("{}/sparql", s.base), "--data-urlencode", heavy]);
    assert!(st == 503 || st == 408, "{r}");
    assert!(r.contains("timeout"), "{r}");
    assert!(started.elapsed() < Duration::from_secs(20));
    let (st, _) = curl(&["-G", &format!("{}/sparql", s.base), "--data-urlencode", "query=ASK {}"]);
    assert_eq!(st, 200, "still serving");
}

#[test]
fn the_page_shows_a_named_query_in_headless_chromium() {
    let s = start(&[]);
    let chromium = ["chromium", "chromium-browser"].into_iter().find(|c| Command::new(c).arg("--version").output().is_ok()).expect("Debian's chromium package is installed");
    let dir = tempfile::tempdir().unwrap();
    let url = format!("{}/?named=who-visited&param-country=Russia", s.base);
    let flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--virtual-time-budget=8000",
    ];
    let profile = format!("--user-data-dir={}", dir.path().join("profile").display());
    let dom = Command::new(chromium).args(flags).arg(&profile).arg("--dump-dom").arg(&url).output().unwrap();
    let html = String::from_utf8_lossy(&dom.stdout);
    assert!(html.contains("id=\"result-table\"") && html.contains("Wang Yi") && html.contains("Moscow"), "{}", &html[..html.len().min(3000)]);
    let png = dir.path().join("page.png");
    let shot = Command::new(chromium).args(flags).arg(&profile).arg(format!("--screenshot={}", png.display())).arg("--window-size=1200,900").arg(&url).output().unwrap();
    assert!(png.exists(), "{}", String::from_utf8_lossy(&shot.stderr));
    assert!(std::fs::metadata(&png).unwrap().len() > 10_000);
    // Keep a copy for people to look at.
    let _ = std::fs::copy(&png, std::env::temp_dir().join("geokg-page.png"));
}
