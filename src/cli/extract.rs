//! `geokg extract`: articles in, relation records (JSON Lines or TSV) out on stdout.

use super::args::{Cli, ExtractArgs, RecordFormat};
use super::{exit_for, extractor, read_options, Reader};
use geokg::pipeline::extract_guarded;
use anyhow::Result;
use geokg::Relation;
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

/// Documents extracted in parallel per chunk; output keeps input order.
const CHUNK: usize = 64;

pub fn run(cli: &Cli, a: &ExtractArgs) -> Result<ExitCode> {
    let opts = read_options(&a.date)?;
    let ex = extractor(cli)?;
    let mut reader = Reader::new(&a.inputs, &opts);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if a.format == RecordFormat::Tsv {
        writeln!(out, "doc\tsentence\tsubject\trelation\tobject\tpolarity\tmodality\tdate\trole\tlocation\tcameo\tgoldstein\tquad_class\tconfidence\trule\tspan_start\tspan_end\tevidence")?;
    }
    loop {
        let chunk: Vec<_> = reader.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let results: Vec<Result<Vec<Relation>, String>> = chunk.par_iter().map(|d| extract_guarded(&ex, d)).collect();
        for e in results.iter().filter_map(|r| r.as_ref().err()) {
            eprintln!("geokg: skipped {e} (please report it with this document)");
            reader.bad += 1;
        }
        for r in results.iter().flatten().flatten() {
            match a.format {
                RecordFormat::Jsonl => {
                    serde_json::to_writer(&mut out, r)?;
                    writeln!(out)?;
                }
                RecordFormat::Tsv => writeln!(out, "{}", tsv_row(r))?,
            }
        }
    }
    out.flush()?;
    Ok(exit_for(reader.bad))
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn tsv_row(r: &Relation) -> String {
    let opt = |o: &Option<String>| o.as_deref().map(clean).unwrap_or_default();
    [
        clean(&r.doc),
        r.sentence.to_string(),
        clean(&r.subject.label),
        r.relation.clone(),
        clean(&r.object.label),
        r.polarity.as_str().into(),
        r.modality.as_str().into(),
        opt(&r.date),
        opt(&r.role),
        r.location.as_ref().map(|l| clean(&l.label)).unwrap_or_default(),
        opt(&r.cameo),
        r.goldstein.map(|g| g.to_string()).unwrap_or_default(),
        r.quad_class.map(|q| q.to_string()).unwrap_or_default(),
        format!("{:.2}", r.confidence),
        r.rule.clone(),
        r.span[0].to_string(),
        r.span[1].to_string(),
        clean(&r.evidence),
    ]
    .join("\t")
}
