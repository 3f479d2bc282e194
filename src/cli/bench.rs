//! `geokg bench`: the corpus generator and the benchmarks. Figures go to stdout.

use super::args::{BenchArgs, BenchCommand, Cli};
use super::{extractor, Reader};
use anyhow::{Context, Result};
use geokg::bench::{self, Generator};
use geokg::input::{Document, ReadOptions};
use geokg::pipeline::Stage;
use geokg::rdf::GraphStore;
use geokg::relations::Extractor;
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

const RELATIONS_OF: &str = include_str!("../../queries/relations-of.rq");

pub fn run(cli: &Cli, a: &BenchArgs) -> Result<ExitCode> {
    let ex = extractor(cli)?;
    match &a.command {
        BenchCommand::Gen { docs, seed, output } => {
            let out: Box<dyn Write> = match output {
                Some(f) => Box::new(std::fs::File::create(f).with_context(|| format!("creating {}", f.display()))?),
                None => Box::new(std::io::stdout().lock()),
            };
            let mut out = BufWriter::new(out);
            for d in Generator::new(&ex, *seed).take(*docs) {
                serde_json::to_writer(&mut out, &d)?;
                writeln!(out)?;
            }
            out.flush()?;
        }
        BenchCommand::Extract { docs, seed, input, repeat, rounds } => {
            let generated: Vec<Document> = Generator::new(&ex, *seed).take(*docs).collect();
            println!("extraction on one thread, the median of {rounds} round{}", if *rounds == 1 { "" } else { "s" });
            print_extract("generated", &bench::measure_extract(&ex, &generated, *rounds));
            if let Some(one) = bench::as_one_document(&generated) {
                print_extract("one document", &bench::measure_extract(&ex, std::slice::from_ref(&one), *rounds));
            }
            if !input.is_empty() {
                let mut reader = Reader::new(input, &ReadOptions::default());
                let base: Vec<Document> = reader.by_ref().collect();
                let corpus: Vec<Document> = (0..*repeat).flat_map(|_| base.iter().cloned()).collect();
                print_extract(&format!("input x{repeat}"), &bench::measure_extract(&ex, &corpus, *rounds));
            }
        }
        BenchCommand::Ingest { docs, mb, seed, store, batch } => {
            let tmp = tempdir()?;
            let path = store.clone().unwrap_or_else(|| tmp.path().join("store"));
            eprintln!("geokg: bench: the store is {}", path.display());
            let limit = mb.map(|m| m * 1_000_000);
            let mut bytes = 0u64;
            let gen = Generator::new(&ex, *seed).take_while(|d| match limit {
                Some(l) => {
                    bytes += d.text.len() as u64;
                    bytes <= l
                }
                None => true,
            });
            let gen: Box<dyn Iterator<Item = Document>> = if limit.is_some() { Box::new(gen) } else { Box::new(gen.take(*docs)) };
            let r = ingest_once(&ex, &path, gen, *batch)?;
            println!("ingest into an on-disk store ({} threads)", rayon::current_num_threads());
            println!("  documents      {}", r.documents);
            println!("  text           {:.1} MB", r.mb);
            println!("  time           {:.1} s", r.secs);
            println!("    of which     {:.1} s writing after the last document was extracted (the last groups, and RocksDB's merges)", r.finishing_secs);
            println!("    and          {:.1} s compacting the store at the end", r.compaction_secs);
            println!("  throughput     {:.2} MB/s", r.mb / r.secs);
            println!("  quads          {}", r.quads);
            println!("  quads/s        {:.0}", r.quads as f64 / r.secs);
            println!("  peak memory    {}", bench::peak_rss_mb().map_or("unknown".into(), |m| format!("{m:.0} MB")));
        }
        BenchCommand::Query { store, runs } => {
            let gs = GraphStore::open_read_only(store)?;
            let (p50, p95, n) = query_latency(&gs, *runs)?;
            println!("relations-of, {n} entities drawn at random: p50 {p50:.1} ms, p95 {p95:.1} ms");
            let (p50, p95, n) = hub_latency(&gs)?;
            println!("relations-of, the {n} most connected entities: p50 {p50:.1} ms, p95 {p95:.1} ms");
        }
        BenchCommand::Scale { sizes, seed, rounds } => {
            if *rounds > 1 {
                println!("ingest times: the median of {rounds} ingests, each into a new store (fastest-slowest)");
            }
            println!("{:>9}  {:>9}  {:>9}  {:>11}  {:>8}  {:>10}  {:>9}  {:>9}  {:>9}", "articles", "MB", "ingest s", "range s", "MB/s", "quads", "p50 ms", "p95 ms", "hubs p50");
            let mut prev: Option<(usize, f64)> = None;
            let mut growth = Vec::new();
            for &n in sizes {
                let mut times = Vec::new();
                for round in 1..=*rounds {
                    let tmp = tempdir()?;
                    let path = tmp.path().join("store");
                    let r = ingest_once(&ex, &path, Generator::new(&ex, *seed).take(n), 256)?;
                    times.push(Duration::from_secs_f64(r.secs));
                    if round == *rounds {
                        let gs = GraphStore::open_read_only(&path)?;
                        let (p50, p95, _) = query_latency(&gs, 200)?;
                        let (hub50, _, _) = hub_latency(&gs)?;
                        drop(gs);
                        let secs = bench::median(&times).as_secs_f64();
                        let range = format!("{:.1}-{:.1}", times.iter().min().unwrap_or(&Duration::ZERO).as_secs_f64(), times.iter().max().unwrap_or(&Duration::ZERO).as_secs_f64());
                        println!("{:>9}  {:>9.1}  {:>9.1}  {:>11}  {:>8.2}  {:>10}  {:>9.1}  {:>9.1}  {:>9.1}", n, r.mb, secs, range, r.mb / secs, r.quads, p50, p95, hub50);
                        if let Some((pn, ps)) = prev {
                            growth.push(format!("{}x the articles took {:.1}x the time", n / pn.max(1), secs / ps));
                        }
                        prev = Some((n, secs));
                    }
                }
            }
            for g in growth {
                println!("{g}");
            }
            println!("peak memory {}", bench::peak_rss_mb().map_or("unknown".into(), |m| format!("{m:.0} MB")));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_extract(name: &str, f: &bench::ExtractFigures) {
    let (slowest, fastest) = f.mb_per_s_range();
    println!(
        "  {name:<12} {:>6} docs  {:>7.1} MB  {:>6.2} s  {:>6.1} MB/s ({slowest:.1}-{fastest:.1})  {:>9.0} sentences/s  | {:.1} sentences/doc, {:.1} words/sentence, {:.2} names/sentence, {:.0}% sentences with an event, {:.1} relations/doc",
        f.documents,
        f.bytes as f64 / 1e6,
        f.elapsed().as_secs_f64(),
        f.mb_per_s(),
        f.sentences_per_s(),
        f.sentences as f64 / f.documents.max(1) as f64,
        f.words as f64 / f.sentences.max(1) as f64,
        f.mentions as f64 / f.sentences.max(1) as f64,
        100.0 * f.relation_sentences as f64 / f.sentences.max(1) as f64,
        f.relations as f64 / f.documents.max(1) as f64,
    );
}

/// A scratch directory for a benchmark's store, removed when dropped: after a run, or when it
/// fails (a full disk) and the error is returned. A 4 GB ingest leaves some 25 GB there.
fn tempdir() -> Result<tempfile::TempDir> {
    tempfile::Builder::new().prefix("geokg-bench-").tempdir().context("creating the benchmark's scratch directory")
}

struct IngestRun {
    documents: usize,
    mb: f64,
    secs: f64,
    /// Of `secs`, the time from the last document extracted to the final compaction (the last
    /// groups written, and the wait for RocksDB's merges), and the final compaction's.
    finishing_secs: f64,
    compaction_secs: f64,
    quads: usize,
}

fn ingest_once(ex: &Extractor, path: &Path, docs: impl Iterator<Item = Document>, batch: usize) -> Result<IngestRun> {
    let store = GraphStore::open(path)?;
    store.ensure_ontology()?;
    let start = Instant::now();
    let (mut finishing_start, mut compaction_start) = (None, None);
    let p = geokg::pipeline::ingest(ex, &store, docs, batch, false, |p| match p.stage {
        Stage::Reading => {}
        Stage::Finishing => finishing_start = Some(Instant::now()),
        Stage::Compacting => compaction_start = Some(Instant::now()),
    })?;
    let end = Instant::now();
    let secs = (end - start).as_secs_f64();
    let compaction_secs = compaction_start.map_or(0.0, |t| (end - t).as_secs_f64());
    let finishing_secs = finishing_start.map_or(0.0, |t| (compaction_start.unwrap_or(end) - t).as_secs_f64());
    Ok(IngestRun { documents: p.documents, mb: p.bytes as f64 / 1e6, secs, finishing_secs, compaction_secs, quads: store.len()? })
}

/// Runs relations-of for `runs` entities drawn at random (seeded) from those with statements;
/// returns p50, p95 (ms) and how many ran. A query's cost grows with the entity's degree, so
/// `geokg bench query` also reports the ten most connected entities on their own.
fn query_latency(gs: &GraphStore, runs: usize) -> Result<(f64, f64, usize)> {
    let all = entities(gs, "SELECT DISTINCT ?e WHERE { ?st rdf:subject ?e }")?;
    let mut rng = bench::Rng::new(7);
    let sample: Vec<Term> = (0..runs.min(all.len())).map(|_| all[rng.below(all.len())].clone()).collect();
    latency(gs, &sample)
}

fn hub_latency(gs: &GraphStore) -> Result<(f64, f64, usize)> {
    let hubs = entities(gs, "SELECT ?e (COUNT(?st) AS ?n) WHERE { ?st rdf:subject ?e } GROUP BY ?e ORDER BY DESC(?n) LIMIT 10")?;
    latency(gs, &hubs)
}

fn entities(gs: &GraphStore, q: &str) -> Result<Vec<Term>> {
    let mut out = Vec::new();
    if let QueryResults::Solutions(s) = geokg::sparql::prepare(q, None)?.on_store(&gs.store).execute()? {
        for sol in s {
            if let Some(t @ Term::NamedNode(_)) = sol?.get("e") {
                out.push(t.clone());
            }
        }
    }
    Ok(out)
}

fn latency(gs: &GraphStore, entities: &[Term]) -> Result<(f64, f64, usize)> {
    let mut times: Vec<Duration> = Vec::new();
    for e in entities {
        let start = Instant::now();
        let q = geokg::sparql::prepare_with(RELATIONS_OF, &[("entity".to_string(), e.clone())], None)?;
        if let QueryResults::Solutions(s) = q.on_store(&gs.store).execute()? {
            for sol in s {
                sol?;
            }
        }
        times.push(start.elapsed());
    }
    times.sort();
    Ok((bench::percentile_ms(&times, 50.0), bench::percentile_ms(&times, 95.0), times.len()))
}
