//! RDF: relation records in, quads out, stored in Oxigraph.
//!
//! - [`model`]: the vocabulary's IRIs and the mapping from records to quads;
//! - [`store`]: the on-disk store, with exact per-document replacement.
//!
//! The model, in the manner of Wikidata's truthy triples and full statements:
//!
//! - default graph: entities (type, label, Wikidata sameAs); one statement node per distinct fact
//!   (subject, relation, object, polarity, modality, date, role) as an `rdf:Statement` with CAMEO
//!   code, Goldstein value, QuadClass and location; `gk:hasEvidence` links to its evidence; and a
//!   direct triple `ent:a gk:rel ent:b` for each asserted, positive fact;
//! - one named graph per document (its IRI is the document's): the document's Dublin Core
//!   metadata and its evidence nodes (sentence, character span, rule, confidence);
//! - the graph `https://w3id.org/geokg/ontology`: `data/ontology.ttl`.
//!
//! No triple is stored in two graphs, so queries can use the union of all graphs as their
//! default graph without counting anything twice (Oxigraph 0.5 does not deduplicate the union).

pub mod model;
pub mod store;

pub use store::{GraphStore, IngestStats, Writer};
