//! geokg turns English news into a knowledge graph of geopolitical relations.
//!
//! The pipeline, one module per stage, each knowing only the one before it:
//!
//! ```text
//! input      files, directories, stdin           -> Document
//! text       Document.text                       -> sentences and tokens (byte spans)
//! entities   sentences + gazetteer (data/)       -> mentions resolved to entities
//! relations  mentions + cue patterns (data/)     -> Relation records (the extractor)
//! rdf        Relation records                    -> quads in an Oxigraph store
//! sparql     SPARQL text + store                 -> results in table/CSV/TSV/JSON/XML
//! queries    the named query library (queries/*.rq) and parameter resolution
//! server     HTTP requests -> SPARQL protocol, named queries, the page for people
//! export     store                               -> Turtle, N-Triples, N-Quads, Graphviz DOT
//! pipeline   documents -> extract (parallel) -> store, in batches, with progress
//! analytics  the projection -> filtered views, paths, neighbourhoods, rankings, dyads
//! bench      a synthetic news corpus and the throughput, memory and latency benchmarks
//! eval       gold relation files + records -> precision, recall, F1
//! ```
//!
//! The extractor is usable without a store: [`relations::Extractor::extract`] maps a
//! [`input::Document`] to a `Vec<Relation>`.

pub mod analytics;
pub mod bench;
pub mod dates;
pub mod entities;
pub mod error;
pub mod eval;
pub mod export;
pub mod input;
pub mod pipeline;
pub mod queries;
pub mod rdf;
pub mod server;
pub mod relations;
pub mod sparql;
pub mod text;
pub mod tsv;
pub mod vocab;

pub use error::{DataError, Error};
pub use input::Document;
pub use relations::{Extractor, Relation};
