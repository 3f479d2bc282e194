//! The store: documents with their relation records in, an Oxigraph RocksDB store on disk out.
//!
//! New documents are bulk-loaded in large atomic groups ([`Writer`]). A document whose id is
//! stored goes through a transaction: if its content hash is the same, nothing changes; if its
//! content changed, its named graph is cleared, its evidence links are removed, and statements
//! left without evidence disappear with their direct triples. So ingesting twice changes nothing,
//! and re-ingesting an edited article is exact.

use super::model::{self, gk};
use crate::entities::EntityRef;
use crate::error::{Error, Result};
use crate::input::Document;
use crate::relations::Relation;
use crate::vocab::Vocabulary;
use oxigraph::io::RdfFormat;
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::QueryResults;
use oxigraph::store::{Store, StoreOptions, Transaction};
use rustc_hash::FxHashSet;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Counts of what an ingest added.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct IngestStats {
    pub documents: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub entities: usize,
    pub statements: usize,
    pub evidence: usize,
    pub removed_statements: usize,
}

impl std::ops::AddAssign for IngestStats {
    fn add_assign(&mut self, o: Self) {
        self.documents += o.documents;
        self.replaced += o.replaced;
        self.unchanged += o.unchanged;
        self.entities += o.entities;
        self.statements += o.statements;
        self.evidence += o.evidence;
        self.removed_statements += o.removed_statements;
    }
}

/// An Oxigraph store holding a geokg graph.
pub struct GraphStore {
    pub store: Store,
    pub path: PathBuf,
}

impl GraphStore {
    /// Opens (creating if needed) the store at `path` for reading and writing. One process
    /// writes a RocksDB store at a time; a second writer gets a clear error.
    pub fn open(path: &Path) -> Result<GraphStore> {
        let fds = fd_limit(MAX_OPEN_FILES + FD_RESERVE);
        if fds < MIN_FDS {
            return Err(Error::Store {
                path: path.to_path_buf(),
                message: format!("writing a store needs at least {MIN_FDS} open files, and this process may open {fds} (raise the limit: `ulimit -n 1024`)"),
            });
        }
        let options = StoreOptions::default().with_max_open_files(open_files_allowed(fds, MAX_OPEN_FILES, FD_RESERVE));
        let store = Store::open_with_options(path, options).map_err(|e| Error::Store {
            path: path.to_path_buf(),
            message: if e.to_string().contains("lock") {
                format!("cannot open for writing: another geokg process holds it ({e})")
            } else {
                e.to_string()
            },
        })?;
        remove_unfinished_loads(path)?;
        Ok(GraphStore { store, path: path.to_path_buf() })
    }

    /// Opens an existing store read-only; several readers may run beside one writer.
    pub fn open_read_only(path: &Path) -> Result<GraphStore> {
        if !path.join("CURRENT").exists() {
            return Err(Error::Store {
                path: path.to_path_buf(),
                message: "no geokg store here (run `geokg ingest` first, or pass --store DIR)".into(),
            });
        }
        let store = Store::open_read_only(path).map_err(|e| Error::Store { path: path.to_path_buf(), message: e.to_string() })?;
        Ok(GraphStore { store, path: path.to_path_buf() })
    }

    /// Makes sure the ontology graph is loaded.
    pub fn ensure_ontology(&self) -> Result<()> {
        let g = NamedNode::new_unchecked(model::ONTOLOGY_GRAPH);
        let marker = Quad::new(g.clone(), rdf::TYPE.into_owned(), NamedNode::new_unchecked(format!("{}Ontology", model::OWL)), GraphName::NamedNode(g.clone()));
        if self.store.contains(&marker)? {
            return Ok(());
        }
        self.store
            .load_from_slice(
                oxigraph::io::RdfParser::from_format(RdfFormat::Turtle).with_default_graph(g),
                model::ONTOLOGY_TTL.as_bytes(),
            )
            .map_err(|e| Error::Invalid(format!("data/ontology.ttl: {e}")))?;
        Ok(())
    }

    /// A writer for one ingest run: batches of documents and their records in, written to the
    /// store in large atomic groups. `alt_labels` gives an entity's other names for
    /// `skos:altLabel`. Call [`Writer::flush`] at the end: what is not flushed is not written.
    pub fn writer<'a>(&'a self, alt_labels: &'a (dyn Fn(&EntityRef) -> Vec<String> + Sync)) -> Result<Writer<'a>> {
        let no_statements = self
            .store
            .quads_for_pattern(None, Some(rdf::TYPE), Some(gk("Statement").as_ref().into()), Some(GraphNameRef::DefaultGraph))
            .next()
            .is_none();
        Ok(Writer {
            gs: self,
            alt_labels,
            pending: group_buffer(),
            pending_docs: HashSet::new(),
            loading: None,
            loading_docs: HashSet::new(),
            statements: Statements { ids: FxHashSet::with_capacity_and_hasher(KNOWN_STATEMENTS, Default::default()), complete: no_statements },
            entities: HashSet::new(),
        })
    }

    /// Whether a document with this id is stored: one point lookup in the small index of graph
    /// names, instead of a scan of the document's graph.
    fn has_document(&self, id: &str) -> Result<bool> {
        Ok(self.store.contains_named_graph(model::document_iri(id).as_ref())?)
    }

    fn ingest_transaction(&self, batch: &[(Document, Vec<Relation>)], alt_labels: &dyn Fn(&EntityRef) -> Vec<String>) -> Result<IngestStats> {
        let mut stats = IngestStats::default();
        let (mut entities, mut statements) = (HashSet::new(), Statements::default());
        let mut tx = self.store.start_transaction()?;
        for (doc, relations) in batch {
            let d = model::document_iri(&doc.id);
            let g = GraphName::NamedNode(d.clone());
            let hash = doc.content_hash();
            let stored_hash = tx
                .quads_for_pattern(Some(d.as_ref().into()), Some(gk("contentHash").as_ref()), None, Some(g.as_ref()))
                .next()
                .transpose()?
                .map(|q| q.object);
            match stored_hash {
                Some(Term::Literal(l)) if l.value() == hash => {
                    stats.unchanged += 1;
                    continue;
                }
                Some(_) => {
                    stats.removed_statements += remove_document(&mut tx, &d)?;
                    stats.replaced += 1;
                    // The removal may have deleted entities and statements an earlier document
                    // of this batch wrote: ask the transaction again.
                    entities.clear();
                    statements.ids.clear();
                }
                None => stats.documents += 1,
            }
            let mut quads = Vec::new();
            let mut contains = |q: &Quad| -> Result<bool> { Ok(tx.contains(q)?) };
            add_document(doc, relations, &mut contains, alt_labels, &mut stats, &mut quads, &mut entities, &mut statements)?;
            tx.extend(quads.iter());
        }
        tx.commit()?;
        Ok(stats)
    }

    /// Compacts the on-disk indexes. Each bulk-loaded batch lands as new overlapping files, and
    /// until they are merged every index lookup must search all of them: on a 100k-article
    /// store, compaction made a one-entity query five times faster. It rewrites the whole store,
    /// so an ingest calls it only when it grew the store by a good part ([`needs_compaction`]).
    pub fn optimize(&self) -> Result<()> {
        Ok(self.store.optimize()?)
    }

    /// Writes what transactions left in memory to disk. Without it, every later process that
    /// opens the store replays the write-ahead log first: 96 MB of it, left by a run of
    /// replacements, made each query on the store of 1 GB of news start 3 s late.
    pub fn flush(&self) -> Result<()> {
        Ok(self.store.flush()?)
    }

    /// Bytes of index files on disk (the store's `*.sst` files), as RocksDB's background merges
    /// leave them at this moment.
    pub fn disk_size(&self) -> Result<u64> {
        let failed = |e: std::io::Error| Error::Store { path: self.path.clone(), message: format!("reading the store's files: {e}") };
        let mut total = 0;
        for entry in std::fs::read_dir(&self.path).map_err(failed)? {
            let entry = entry.map_err(failed)?;
            if entry.file_name().to_string_lossy().ends_with(".sst") {
                match entry.metadata() {
                    Ok(m) => total += m.len(),
                    // Merged away by a background compaction since the listing.
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(failed(e)),
                }
            }
        }
        Ok(total)
    }

    pub fn len(&self) -> Result<usize> {
        Ok(self.store.len()?)
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.store.is_empty()?)
    }
}

/// Whether an ingest that took the store's index files from `before` to `after` bytes should end
/// by compacting the store: when it added at least a quarter of what was there. Compaction
/// rewrites the whole store, so after a small run it would cost far more than the run (79 s to
/// compact the 4.5 GB store of 1 GB of news after 50 replaced articles); this bound keeps it
/// within five times what the run wrote. What a small run leaves unmerged slows queries (a
/// relations-of median of 76 ms instead of 43 ms after 2,000 articles were added to 100,000)
/// until a later run compacts, or `ingest --compact`.
pub fn needs_compaction(before: u64, after: u64) -> bool {
    after > before && after - before >= before / 4
}

/// Files RocksDB keeps open at most, to read the store's indexes. Each open file holds its index
/// in memory: a 4 GB ingest that let RocksDB keep every file open (the machine allowed 20,000)
/// held up to 3,946 and peaked at 567 MB; bounded at 1,024 it peaked at 511 MB in 1,519 s, and
/// at 512 at 521 MB in 1,676 s.
const MAX_OPEN_FILES: u64 = 1024;

/// File descriptors left for everything else: the bulk loader's new files, merges being written,
/// the write-ahead log, the input. Oxigraph leaves 48 by default, and a stock Debian session
/// allows 1,024 descriptors: a 4 GB ingest then failed after 600 MB with "Too many open files"
/// (and a 50k-article ingest under a limit of 128).
const FD_RESERVE: u64 = 512;

/// Fewer descriptors than this and a long ingest runs out: merging many unmerged files holds
/// them all open, whatever RocksDB's own limit. Under a limit of 64 a 20k-article ingest failed
/// part-way; under 128 a 50k-article one used at most 94.
const MIN_FDS: u64 = 256;

/// How many files RocksDB may keep open, of `limit` descriptors: at most `cap`, leaving
/// `reserve` (or half of them, under a low limit) for the rest.
fn open_files_allowed(limit: u64, cap: u64, reserve: u64) -> u32 {
    let reserve = reserve.min(limit / 2);
    u32::try_from(limit.saturating_sub(reserve).min(cap)).unwrap_or(u32::MAX)
}

/// The process's limit on open file descriptors, first raised towards `wanted` if it is lower
/// and the hard limit allows, as servers do: a session's hard limit is usually far higher than
/// its soft one (1,024 on a stock Debian or Ubuntu).
#[cfg(unix)]
fn fd_limit(wanted: u64) -> u64 {
    let mut lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit and setrlimit read and write the one struct passed, which lives here.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) != 0 {
            return wanted;
        }
        let (soft, hard) = (u64::from(lim.rlim_cur), u64::from(lim.rlim_max));
        if soft >= wanted || hard <= soft {
            return soft;
        }
        let raised = libc::rlimit { rlim_cur: wanted.min(hard) as libc::rlim_t, rlim_max: lim.rlim_max };
        if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
            return wanted.min(hard);
        }
        soft
    }
}

#[cfg(not(unix))]
fn fd_limit(wanted: u64) -> u64 {
    wanted
}

/// Deletes the files of bulk loads that never finished. Oxigraph's bulk loader writes its files
/// (`bulk-*.sst`) into the store's directory and hands them to RocksDB when it commits; a process
/// killed before that leaves them behind, and RocksDB never looks at them. Called with the
/// store's lock held, so no other writer is loading them.
fn remove_unfinished_loads(dir: &Path) -> Result<()> {
    let failed = |e: std::io::Error| Error::Store { path: dir.to_path_buf(), message: format!("removing the files of an unfinished load: {e}") };
    for entry in std::fs::read_dir(dir).map_err(failed)? {
        let entry = entry.map_err(failed)?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-") && name.ends_with(".sst") {
            std::fs::remove_file(entry.path()).map_err(failed)?;
        }
    }
    Ok(())
}

/// Quads of new documents held before they are bulk-loaded together (a group closes after the
/// document that reaches this size). Each bulk load lands in RocksDB as new files that every
/// later lookup searches until compaction merges them, so loads should not be small; but one
/// group is loading while the next is made, so both are in memory, and the loader's working
/// memory grows with the group. On 100,000 generated articles (2026-11-29, two runs each):
/// groups closed only at the end of a batch of 256 articles (some 75,000 quads) peaked at
/// 364-373 MB in 121-125 s; closed after the document that reaches 48,000, 291-301 MB in
/// 126-132 s; 64,000, 311-334 MB in 129-140 s.
const GROUP_QUADS: usize = 48_000;

/// The vector a group's quads are made in, with room for the last document's quads past
/// [`GROUP_QUADS`], so that it is not copied as it grows.
fn group_buffer() -> Vec<Quad> {
    Vec::with_capacity(GROUP_QUADS + GROUP_QUADS / 4)
}

/// The bulk loader's batch for a group of `quads`, in its unit ("megabytes", a thousand quads
/// each): the whole group, or for a group of twice [`GROUP_QUADS`] or more (one long document)
/// equal batches of about that size.
fn batch_megabytes(quads: usize) -> usize {
    let batches = (quads / GROUP_QUADS).max(1);
    quads / batches / 1000 + 1
}

/// Entities remembered as written, at most, before the memory is emptied and they are looked up
/// in the store again.
const KNOWN_ENTITIES: usize = 100_000;

/// Statements remembered as written, at most, before the memory is emptied and the store is
/// asked again. The set is made at this size (46 MB: 2^22 slots of a 10-byte id and a control
/// byte) and emptied in place, so it never grows by copying itself. A gigabyte of generated news
/// makes 960,000 statements. Until 2026-11-29 the set held a million ids as u128 (16 bytes each,
/// 36 MB): a 2 GB ingest then forgot them half way and asked the store for the rest, and took
/// 780 s; remembering four million took 608 s.
const KNOWN_STATEMENTS: usize = 3_500_000;

/// The statements an ingest has written, by id. `complete` while the store held no statement when
/// the run began and none has been forgotten or removed since: a statement missing here is then
/// missing from the store too, and the store is not asked. On a store of 60k articles, store
/// lookups took 14% of an ingest's CPU time, each one searching every level of the index; an
/// article makes one for its id and some ten for its statements.
#[derive(Default)]
struct Statements {
    /// Statement ids (80 bits, see `model::statement_key`).
    ids: FxHashSet<model::StatementId>,
    complete: bool,
}

impl Statements {
    /// Empties the set (keeping its memory); from now on the store is asked.
    fn forget(&mut self) {
        self.ids.clear();
        self.complete = false;
    }
}

/// Writes one ingest run. Batches whose documents are all new are held and bulk-loaded in
/// groups of about [`GROUP_QUADS`] quads through Oxigraph's bulk loader, which is atomic and
/// several times faster than a transaction. A batch that holds a stored document (a re-run, an
/// edited article) goes through a transaction, which can read what it replaces.
///
/// The store only ever holds whole groups and whole transactions, so an ingest killed at any
/// moment leaves it as it was after its last commit.
pub struct Writer<'a> {
    gs: &'a GraphStore,
    alt_labels: &'a (dyn Fn(&EntityRef) -> Vec<String> + Sync),
    /// Quads of the documents not yet loaded, and those documents' ids.
    pending: Vec<Quad>,
    pending_docs: HashSet<String>,
    /// The group being loaded on its own thread while the next one is made, and its documents.
    loading: Option<std::thread::JoinHandle<Result<()>>>,
    loading_docs: HashSet<String>,
    /// The statements written in this run (pending or loaded).
    statements: Statements,
    /// Type quads of entities known to be stored or pending: the store is not asked twice about
    /// the states and leaders that most articles name.
    entities: HashSet<Quad>,
}

impl Writer<'_> {
    /// Adds a batch of documents and their records; returns what it adds.
    pub fn write(&mut self, batch: &[(Document, Vec<Relation>)]) -> Result<IngestStats> {
        let mut ids = HashSet::new();
        for (doc, _) in batch {
            // A stored document, or the same id twice: the transaction decides, in order.
            let held = self.pending_docs.contains(&doc.id) || self.loading_docs.contains(&doc.id);
            if !ids.insert(doc.id.as_str()) || held || self.gs.has_document(&doc.id)? {
                self.flush()?;
                // A replacement may remove entities and statements: forget what was known.
                self.entities.clear();
                self.statements.forget();
                return self.gs.ingest_transaction(batch, self.alt_labels);
            }
        }
        let mut stats = IngestStats::default();
        let gs = self.gs;
        let mut contains = |q: &Quad| -> Result<bool> { Ok(gs.store.contains(q)?) };
        for (doc, relations) in batch {
            stats.documents += 1;
            self.pending_docs.insert(doc.id.clone());
            add_document(doc, relations, &mut contains, self.alt_labels, &mut stats, &mut self.pending, &mut self.entities, &mut self.statements)?;
            // Checked after each document, not each batch: a batch of 256 articles makes some
            // 37,000 quads, so groups closed at batch ends held up to 85,000.
            if self.pending.len() >= GROUP_QUADS {
                self.start_load()?;
            }
        }
        Ok(stats)
    }

    /// Bulk-loads the pending documents, atomically, and waits until every group is stored.
    pub fn flush(&mut self) -> Result<()> {
        self.start_load()?;
        self.wait()
    }

    /// Starts loading the pending documents as one atomic group on a thread of its own, once the
    /// group before is stored: groups are committed in order, so a killed run leaves whole groups.
    /// Loading overlaps with making the next group and extracting the next batches; on 2 cores
    /// the writer otherwise waited for each load (a quarter of an ingest's CPU time) with the
    /// extractor stalled behind it.
    fn start_load(&mut self) -> Result<()> {
        self.wait()?;
        if self.pending.is_empty() {
            return Ok(());
        }
        let quads = std::mem::replace(&mut self.pending, group_buffer());
        self.loading_docs = std::mem::take(&mut self.pending_docs);
        let store = self.gs.store.clone();
        self.loading = Some(std::thread::spawn(move || -> Result<()> {
            // One batch at a time on one thread, sized to the group. By default the loader sets
            // aside room for a million quads (some 150 MB) for each group, whatever its size: on
            // 100,000 articles the ingest then peaked at 408-434 MB instead of 364-373 MB. A group
            // that one long document makes twice as large or more is loaded in batches of about
            // GROUP_QUADS, still committed at once: one document of 14.7 MB peaked at 621 MB in
            // a single batch, and at 397 MB in batches.
            let mut loader = store.bulk_loader().with_num_threads(1).with_max_memory_size_in_megabytes(batch_megabytes(quads.len()));
            loader.load_quads(quads)?;
            Ok(loader.commit()?)
        }));
        // Forgetting what was written is only safe once it is stored, so that the store can be
        // asked instead.
        if self.statements.ids.len() >= KNOWN_STATEMENTS || self.entities.len() > KNOWN_ENTITIES {
            self.wait()?;
            if self.statements.ids.len() >= KNOWN_STATEMENTS {
                self.statements.forget();
            }
            if self.entities.len() > KNOWN_ENTITIES {
                self.entities.clear();
            }
        }
        Ok(())
    }

    /// Waits for the group being loaded, if any, and reports its error.
    fn wait(&mut self) -> Result<()> {
        if let Some(load) = self.loading.take() {
            load.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            self.loading_docs.clear();
        }
        Ok(())
    }
}

/// The quads one document adds: its metadata and evidence, and the entities and statements
/// that neither `contains` (the store) nor `entities` (type quads) and `statements` (known to be
/// written) hold yet. New ones join the sets.
#[allow(clippy::too_many_arguments)]
fn add_document(
    doc: &Document,
    relations: &[Relation],
    contains: &mut dyn FnMut(&Quad) -> Result<bool>,
    alt_labels: &dyn Fn(&EntityRef) -> Vec<String>,
    stats: &mut IngestStats,
    quads: &mut Vec<Quad>,
    entities: &mut HashSet<Quad>,
    statements: &mut Statements,
) -> Result<()> {
    let vocab = Vocabulary::builtin();
    model::document_quads(doc, quads);
    for r in relations {
        // An entity joins `entities` when first met, so the store is asked about it once.
        for e in [&r.subject, &r.object].into_iter().chain(r.location.as_ref()) {
            let q = Quad::new(model::entity_iri(&e.id), rdf::TYPE.into_owned(), gk(e.etype.as_str()), GraphName::DefaultGraph);
            if entities.contains(&q) {
                continue;
            }
            if !contains(&q)? {
                stats.entities += 1;
                model::entity_quads(e, &alt_labels(e), quads);
            }
            entities.insert(q);
        }
        let symmetric = vocab.get(&r.relation).is_some_and(|d| d.symmetric);
        let id = model::statement_key(r, symmetric).0;
        let st = model::statement_iri(&id);
        // A statement joins `statements` when first written, so each is counted once.
        if !statements.ids.contains(&id)
            && (statements.complete || !contains(&Quad::new(st.clone(), rdf::TYPE.into_owned(), gk("Statement"), GraphName::DefaultGraph))?)
        {
            statements.ids.insert(id);
            model::statement_quads(r, symmetric, quads);
            stats.statements += 1;
        }
        model::evidence_quads(r, &st, quads);
        stats.evidence += 1;
    }
    Ok(())
}

/// Whether the store (as the transaction sees it) still holds an asserted, positive statement of
/// the triple. Asked in SPARQL, which joins on the store's internal ids: listing a subject's
/// statements through `quads_for_pattern` decodes every statement IRI, one lookup each, and on a
/// 1 GB store that made a replaced article cost a second.
fn triple_supported(tx: &Transaction<'_>, s: &NamedNode, p: &NamedNode, o: &NamedNode) -> Result<bool> {
    let ask = format!(
        "# {}\nASK {{ ?st rdf:subject {s} ; rdf:predicate {p} ; rdf:object {o} ; gk:polarity gk:positive ; gk:modality gk:asserted }}",
        crate::sparql::DEFAULT_GRAPH_ONLY
    );
    match crate::sparql::prepare(&ask, None)?.on_transaction(tx).execute()? {
        QueryResults::Boolean(b) => Ok(b),
        _ => Err(Error::Invalid("an ASK query gave no boolean".into())),
    }
}

/// Clears a document's graph and unlinks its evidence; statements without evidence left are
/// deleted, and so are direct triples no asserted positive statement supports any more.
/// Returns how many statements were deleted.
fn remove_document(tx: &mut Transaction<'_>, d: &NamedNode) -> Result<usize> {
    let g = GraphName::NamedNode(d.clone());
    let dg = GraphNameRef::DefaultGraph;
    // Each evidence node of the document names it (`gk:document`); the statements it supports
    // link to it with `gk:hasEvidence`, found through the object index.
    let evidence: Vec<Term> = tx
        .quads_for_pattern(None, Some(gk("document").as_ref()), Some(d.as_ref().into()), Some(g.as_ref()))
        .map(|q| q.map(|q| q.subject.into()))
        .collect::<std::result::Result<_, _>>()?;
    let has_evidence = gk("hasEvidence");
    let mut affected = HashSet::new();
    for ev in &evidence {
        let links: Vec<Quad> = tx.quads_for_pattern(None, Some(has_evidence.as_ref()), Some(ev.as_ref()), Some(dg)).collect::<std::result::Result<_, _>>()?;
        for link in links {
            if let NamedOrBlankNode::NamedNode(st) = &link.subject {
                affected.insert(st.clone());
            }
            tx.remove(&link);
        }
    }
    tx.clear_graph(g.as_ref())?;
    tx.remove_named_graph(d.as_ref())?;
    let mut removed = 0;
    let mut triples_to_check = HashMap::new();
    let mut entities = HashSet::new();
    for st in affected {
        let still = tx.quads_for_pattern(Some(st.as_ref().into()), Some(has_evidence.as_ref()), None, Some(dg)).next().is_some();
        if still {
            continue;
        }
        let props: Vec<Quad> = tx.quads_for_pattern(Some(st.as_ref().into()), None, None, Some(dg)).collect::<std::result::Result<_, _>>()?;
        let get = |p: NamedNodeRef<'_>| props.iter().find(|q| q.predicate.as_ref() == p).map(|q| q.object.clone());
        if let (Some(Term::NamedNode(s)), Some(Term::NamedNode(p)), Some(Term::NamedNode(o))) = (get(rdf::SUBJECT), get(rdf::PREDICATE), get(rdf::OBJECT)) {
            triples_to_check.insert((s, p, o), ());
        }
        for q in &props {
            if q.predicate.as_ref() == rdf::SUBJECT || q.predicate.as_ref() == rdf::OBJECT || q.predicate == gk("location") {
                if let Term::NamedNode(e) = &q.object {
                    entities.insert(e.clone());
                }
            }
            tx.remove(q);
        }
        removed += 1;
    }
    // A direct triple stays while some asserted, positive statement of it has evidence.
    let vocab = Vocabulary::builtin();
    for ((s, p, o), ()) in triples_to_check {
        if !triple_supported(tx, &s, &p, &o)? {
            tx.remove(&Quad::new(s.clone(), p.clone(), o.clone(), GraphName::DefaultGraph));
            let local = p.as_str().strip_prefix(model::GK).unwrap_or("");
            if vocab.get(local).is_some_and(|d| d.symmetric) {
                tx.remove(&Quad::new(o.clone(), p.clone(), s.clone(), GraphName::DefaultGraph));
            }
        }
    }
    // An entity no statement mentions any more leaves with its description, so that a store
    // after replacement equals one built from the new version alone.
    for e in entities {
        let term: Term = e.clone().into();
        let used = [rdf::SUBJECT.into_owned(), rdf::OBJECT.into_owned(), gk("location")]
            .iter()
            .any(|p| tx.quads_for_pattern(None, Some(p.as_ref()), Some(term.as_ref()), Some(dg)).next().is_some());
        if !used {
            let desc: Vec<Quad> = tx.quads_for_pattern(Some(e.as_ref().into()), None, None, Some(dg)).collect::<std::result::Result<_, _>>()?;
            for q in &desc {
                tx.remove(q);
            }
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::model::{self, statement_iri, STMT};
    use super::{batch_megabytes, needs_compaction, open_files_allowed, Document, GraphStore, GROUP_QUADS};

    /// A group is one batch unless one long document made it twice the size or more; then its
    /// batches are about GROUP_QUADS each, and hold it all.
    #[test]
    fn a_long_document_is_loaded_in_batches() {
        for (quads, batches) in [(10, 1), (GROUP_QUADS, 1), (GROUP_QUADS + 200, 1), (2 * GROUP_QUADS - 1, 1), (300_000, 6), (1_000_000, 20)] {
            let per_batch = batch_megabytes(quads) * 1000;
            assert_eq!(quads.div_ceil(per_batch), batches, "{quads} quads");
        }
    }

    /// The ids the ingest remembers are the whole id its IRIs carry: every byte, in order.
    #[test]
    fn statement_ids_keep_all_their_bytes() {
        let local = |id| statement_iri(&id).as_str().strip_prefix(STMT).unwrap().to_string();
        assert_eq!(local([0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99]), "00112233445566778899");
        assert_eq!(local([0xff, 0xee, 0xdd, 0xcc, 0xbb, 0xaa, 0x99, 0x88, 0x77, 0x66]), "ffeeddccbbaa99887766");
        assert_ne!(local([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]), local([0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    }

    #[test]
    fn rocksdb_keeps_at_most_its_cap_of_files_and_leaves_a_reserve() {
        // A raised stock limit, a generous machine, a hard limit of 1,024, the minimum.
        assert_eq!(open_files_allowed(1536, 1024, 512), 1024);
        assert_eq!(open_files_allowed(20_000, 1024, 512), 1024);
        assert_eq!(open_files_allowed(1024, 1024, 512), 512);
        assert_eq!(open_files_allowed(256, 1024, 512), 128);
    }

    /// A batch that makes more quads than a group is loaded in several groups, closed between
    /// documents: only the quads of the documents after the last full group are still held.
    #[test]
    fn a_large_batch_is_loaded_in_groups_closed_between_documents() {
        let dir = tempfile::tempdir().unwrap();
        let gs = GraphStore::open(dir.path()).unwrap();
        let no_labels = |_: &crate::entities::EntityRef| Vec::new();
        let doc = |i| Document { id: format!("d{i}"), title: Some(format!("Title {i}")), date: Some("2024-05-16".into()), source: None, url: None, text: format!("Article {i}.") };
        let batch: Vec<(Document, Vec<crate::relations::Relation>)> = (0..25_000).map(|i| (doc(i), Vec::new())).collect();
        let mut quads = Vec::new();
        model::document_quads(&batch[0].0, &mut quads);
        let (per_doc, total) = (quads.len(), quads.len() * batch.len());
        assert!(GROUP_QUADS % per_doc == 0 && total > 2 * GROUP_QUADS, "groups must close exactly, the batch span several");

        let mut w = gs.writer(&no_labels).unwrap();
        let stats = w.write(&batch).unwrap();
        assert_eq!(w.pending.len(), total % GROUP_QUADS);
        w.flush().unwrap();
        assert_eq!(stats.documents, batch.len());
        assert_eq!(gs.store.len().unwrap(), total);
    }

    #[test]
    fn compaction_only_after_a_run_that_grew_the_store_by_a_quarter() {
        for (before, after, expected) in [(0, 1, true), (0, 0, false), (100, 125, true), (100, 124, false), (100, 90, false), (1 << 30, 3 << 30, true)] {
            assert_eq!(needs_compaction(before, after), expected, "{before} -> {after}");
        }
    }
}
