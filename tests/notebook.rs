//! The example notebook (examples/geokg.ipynb) executes without error with nbconvert, against
//! a store built from the samples and `geokg serve` on loopback, as a researcher would run it.

mod common;
use common::*;
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn the_example_notebook_runs() {
    let (dir, store) = store();
    ok(&["ingest", samples().to_str().unwrap(), "--store", &store, "--quiet"]);
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let bind = format!("127.0.0.1:{port}");
    let mut server = Command::new(bin()).args(["serve", "--store", &store, "--bind", &bind]).stderr(Stdio::null()).spawn().unwrap();
    let start = Instant::now();
    while TcpStream::connect(&bind).is_err() {
        assert!(start.elapsed() < Duration::from_secs(20), "server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    let notebook = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/geokg.ipynb");
    let out = Command::new("python3")
        .args(["-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=120", "--output-dir"])
        .arg(dir.path())
        .arg(&notebook)
        .current_dir(dir.path())
        .env("GEOKG_BIN", bin())
        .env("GEOKG_STORE", &store)
        .env("GEOKG_ENDPOINT", format!("http://{bind}/sparql"))
        .env("GEOKG_OUT", dir.path())
        .output()
        .expect("python3 with nbconvert");
    let _ = server.kill();
    let _ = server.wait();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dir.path().join("dyad-series.png").exists(), "the notebook drew the dyad time series");
    let executed = std::fs::read_to_string(dir.path().join("geokg.ipynb")).unwrap();
    assert!(executed.contains("visits") && executed.contains("Wang Yi"), "the evidence cell printed the fact's sentence");
}
