//! The command-line interface, as clap structs. Nothing here does work.

use clap::{Args, Parser, Subcommand};
use geokg::export::ExportFormat;
use geokg::sparql::ResultFormat;
use std::path::PathBuf;

/// Turns English news into a knowledge graph of geopolitical relations.
#[derive(Parser, Debug)]
#[command(name = "geokg", version, about, long_about = None)]
pub struct Cli {
    /// An extra dictionary file (same format as data/gazetteer/*.tsv); repeatable.
    #[arg(long, global = true, value_name = "FILE")]
    pub dict: Vec<PathBuf>,
    /// An extra cue pattern file (same format as data/patterns.tsv); repeatable.
    #[arg(long, global = true, value_name = "FILE")]
    pub patterns: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract relation records from articles and write them to stdout (no store needed).
    Extract(ExtractArgs),
    /// Extract relations and write them into the on-disk store.
    Ingest(IngestArgs),
    /// Run a SPARQL query against the store.
    Query(QueryArgs),
    /// Export the store: RDF (ttl, nt, nq), a CAMEO event table (events), the network (dot, svg, png, graphml, jsonld), or edge and node lists (csv, jsonl).
    Export(ExportArgs),
    /// Show, for one sentence, the mentions found, the cues that fired and why each candidate was kept or dropped.
    Explain(ExplainArgs),
    /// Generate a synthetic corpus and measure throughput, memory and query latency.
    Bench(BenchArgs),
    /// Serve the store over HTTP: a SPARQL 1.1 Protocol endpoint, the named queries, and a page.
    Serve(ServeArgs),
    /// The shortest relation paths between two entities, each hop with one evidence sentence.
    Path(PathArgs),
    /// An entity's ego network, as a table or in any export format.
    Neighbors(NeighborsArgs),
    /// Actors ranked by degree, PageRank or betweenness in the (filtered) graph.
    Rank(RankArgs),
    /// Per pair of actors: event counts and Goldstein sums for cooperation and conflict.
    Dyads(DyadsArgs),
    /// Score relation records against a gold relation file: precision, recall, F1.
    Eval(EvalArgs),
}

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// The gold file (TSV: subject, relation, object, polarity, modality, date, role, need, evidence).
    pub gold: PathBuf,
    /// The records (JSON Lines from `geokg extract`).
    pub records: PathBuf,
    /// Only the records of this document id.
    #[arg(long)]
    pub doc: Option<String>,
    /// List misses, wrong qualifiers and false positives.
    #[arg(long)]
    pub show: bool,
}

/// Which part of the graph to use; shared by export, path, neighbors, rank and dyads.
#[derive(Args, Debug, Clone)]
pub struct GraphFilter {
    /// Only relations dated on or after this date (YYYY[-MM[-DD]]).
    #[arg(long)]
    pub from: Option<String>,
    /// Only relations dated on or before this date.
    #[arg(long)]
    pub to: Option<String>,
    /// Only these relations (repeatable).
    #[arg(long)]
    pub relation: Vec<String>,
    /// Only these QuadClasses, 1-4 (repeatable).
    #[arg(long)]
    pub quad_class: Vec<u8>,
    /// Only entities of these types: Country, Person, Organization, City, Region (repeatable).
    #[arg(long = "type")]
    pub etype: Vec<String>,
    /// Only relations supported by at least this many sentences.
    #[arg(long, default_value_t = 0)]
    pub min_evidence: u32,
    /// The store directory [default: $GEOKG_STORE or ./geokg-store].
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct PathArgs {
    pub from_entity: String,
    pub to_entity: String,
    #[arg(long, default_value_t = 3)]
    pub max_hops: usize,
    #[arg(long, default_value_t = 3)]
    pub k: usize,
    #[command(flatten)]
    pub filter: GraphFilter,
}

#[derive(Args, Debug)]
pub struct NeighborsArgs {
    pub entity: String,
    #[arg(long, default_value_t = 1)]
    pub depth: usize,
    /// table, or an export format (dot, svg, png, csv, jsonl, graphml).
    #[arg(long, default_value = "table")]
    pub format: String,
    /// For csv and jsonl: the node list instead of the edge list.
    #[arg(long)]
    pub nodes: bool,
    #[command(flatten)]
    pub filter: GraphFilter,
}

#[derive(Args, Debug)]
pub struct RankArgs {
    #[arg(long, value_enum, default_value = "degree")]
    pub by: geokg::analytics::Centrality,
    /// How many to show.
    #[arg(long, default_value_t = 20)]
    pub top: usize,
    #[command(flatten)]
    pub filter: GraphFilter,
}

#[derive(Args, Debug)]
pub struct DyadsArgs {
    /// Output as CSV instead of an aligned table.
    #[arg(long)]
    pub csv: bool,
    #[command(flatten)]
    pub filter: GraphFilter,
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: String,
    /// The store directory [default: $GEOKG_STORE or ./geokg-store].
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// Seconds a query may run before it is cancelled (503).
    #[arg(long, default_value_t = 30.0)]
    pub timeout: f64,
    /// Accept SPARQL updates (opens the store for writing, so no ingest can run beside it).
    #[arg(long)]
    pub allow_update: bool,
    /// Worker threads answering requests.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: u16,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 1 << 20)]
    pub max_body: usize,
}

#[derive(Args, Debug)]
pub struct BenchArgs {
    #[command(subcommand)]
    pub command: BenchCommand,
}

#[derive(Subcommand, Debug)]
pub enum BenchCommand {
    /// Write a synthetic news corpus (JSON Lines) built from the dictionaries and cue patterns.
    Gen {
        #[arg(long, default_value_t = 1000)]
        docs: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Write to this file instead of stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Extraction throughput on one thread (MB/s, sentences/s), on the generated corpus, on the
    /// same corpus joined into one document, and on --input files repeated --repeat times.
    Extract {
        #[arg(long, default_value_t = 5000)]
        docs: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Real articles to measure as well (any input form geokg reads).
        #[arg(long)]
        input: Vec<PathBuf>,
        #[arg(long, default_value_t = 50)]
        repeat: usize,
        /// Times to extract each corpus; the median round is reported, with the slowest and
        /// fastest in brackets. Single runs on a shared machine vary by a few percent.
        #[arg(long, default_value_t = 3, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
        rounds: usize,
    },
    /// End-to-end ingest into an on-disk store: MB/s of text, quads/s, peak memory.
    Ingest {
        /// Number of generated articles.
        #[arg(long, default_value_t = 10000, conflicts_with = "mb")]
        docs: usize,
        /// Generate articles until this many MB of text instead.
        #[arg(long)]
        mb: Option<u64>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The store to write [default: a temporary directory, removed afterwards].
        #[arg(long, value_name = "DIR")]
        store: Option<PathBuf>,
        #[arg(long, default_value_t = 256)]
        batch: usize,
    },
    /// Latency (p50, p95) of the relations-of query for many entities of a store.
    Query {
        #[arg(long, value_name = "DIR")]
        store: PathBuf,
        #[arg(long, default_value_t = 200)]
        runs: usize,
    },
    /// Ingest time and query latency at growing corpus sizes, and how they grow.
    Scale {
        #[arg(long, value_delimiter = ',', default_value = "1000,10000,100000")]
        sizes: Vec<usize>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Ingests of each size, each into a new store; the median time is reported and used for
        /// the growth, with the fastest and slowest beside it. Queries run on the last store.
        #[arg(long, default_value_t = 1, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
        rounds: usize,
    },
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Files or directories (.txt, .json, .jsonl), or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: RecordFormat,
    /// The article date to use when an input has none (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RecordFormat {
    Jsonl,
    Tsv,
}

#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Files or directories (.txt, .json, .jsonl), or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The store directory [default: $GEOKG_STORE or ./geokg-store].
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// The article date to use when an input has none (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<String>,
    /// Documents extracted together, in parallel, before they are written. New documents are
    /// committed in groups of about 50,000 quads; documents that replace stored ones, in one
    /// transaction per batch.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: u32,
    /// Compact the store at the end, even when the run added little to it (or nothing). Without
    /// it, only a run that grows the store by a quarter or more compacts it. Compaction rewrites
    /// the whole store (some 10-20 s per GB) and makes later queries faster.
    #[arg(long)]
    pub compact: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Args, Debug)]
pub struct QueryArgs {
    /// The SPARQL query (or use --file or --name).
    #[arg(conflicts_with_all = ["file", "name", "list"])]
    pub query: Option<String>,
    /// Read the query from a file.
    #[arg(long, short, conflicts_with_all = ["name", "list"])]
    pub file: Option<PathBuf>,
    /// Run a named query of the library (see --list).
    #[arg(long, short, conflicts_with = "list")]
    pub name: Option<String>,
    /// A parameter of the query, NAME=VALUE; an entity is given by label, id or IRI. Repeatable.
    #[arg(long, short, value_name = "NAME=VALUE")]
    pub param: Vec<String>,
    /// List the named queries and their parameters.
    #[arg(long)]
    pub list: bool,
    /// Output format [default: an aligned table on a terminal, CSV otherwise].
    #[arg(long, value_enum)]
    pub format: Option<ResultFormat>,
    /// The store directory [default: $GEOKG_STORE or ./geokg-store].
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// For the network formats: only this entity's neighbourhood (see --depth).
    #[arg(long)]
    pub entity: Option<String>,
    /// With --entity: how many hops around it.
    #[arg(long, default_value_t = 1)]
    pub depth: usize,
    #[command(flatten)]
    pub filter: GraphFilter,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// For csv and jsonl: the node list instead of the edge list.
    #[arg(long)]
    pub nodes: bool,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// The sentence (or short text) to explain.
    pub sentence: String,
    /// The article date that relative dates resolve against (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<String>,
}
