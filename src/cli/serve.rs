//! `geokg serve`: the store over HTTP, answered by a pool of threads calling
//! [`geokg::server::handle`].

use super::args::ServeArgs;
use super::default_store;
use anyhow::{anyhow, Result};
use geokg::rdf::GraphStore;
use geokg::server::{self, Config, Request};
use std::io::Read;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

pub fn run(a: &ServeArgs) -> Result<ExitCode> {
    let path = a.store.clone().unwrap_or_else(default_store);
    let store = if a.allow_update { GraphStore::open(&path)? } else { GraphStore::open_read_only(&path)? };
    let cfg = Config {
        allow_update: a.allow_update,
        timeout: Duration::from_secs_f64(a.timeout.max(0.001)),
        max_body: a.max_body,
        ..Config::default()
    };
    let http = Arc::new(tiny_http::Server::http(&a.bind).map_err(|e| anyhow!("cannot listen on {}: {e}", a.bind))?);
    eprintln!(
        "geokg: serving {} at http://{}/ (SPARQL endpoint /sparql, {}; Ctrl-C stops)",
        path.display(),
        a.bind,
        if a.allow_update { "updates allowed" } else { "read-only" }
    );
    let store = Arc::new(store);
    let workers: Vec<_> = (0..a.threads)
        .map(|_| {
            let (http, store, cfg) = (http.clone(), store.clone(), cfg.clone());
            std::thread::spawn(move || {
                while let Ok(mut req) = http.recv() {
                    let mut body = Vec::new();
                    let _ = req.as_reader().take(cfg.max_body as u64 + 1).read_to_end(&mut body);
                    let request = Request {
                        method: req.method().to_string(),
                        url: req.url().to_string(),
                        headers: req.headers().iter().map(|h| (h.field.as_str().as_str().to_ascii_lowercase(), h.value.as_str().to_string())).collect(),
                        body,
                    };
                    let resp = server::handle(&store.store, &cfg, &request);
                    let mut out = tiny_http::Response::from_data(resp.body).with_status_code(tiny_http::StatusCode(resp.status));
                    for (k, v) in resp.headers {
                        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
                            out = out.with_header(h);
                        }
                    }
                    let _ = req.respond(out);
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(ExitCode::SUCCESS)
}
