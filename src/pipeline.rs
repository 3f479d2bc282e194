//! The ingest pipeline: documents in (streamed), relations extracted in parallel one batch at a
//! time (output order kept), the batches written to the store in large atomic groups
//! ([`crate::rdf::Writer`]).
//!
//! Memory is bounded by the batch size and the group size, whatever the corpus size. A run killed
//! at any moment leaves the store as it was after its last commit; running it again skips the
//! documents already stored (same id, same content hash) and completes the job, with the same
//! result as an uninterrupted run.

use crate::entities::EntityRef;
use crate::error::Result;
use crate::input::Document;
use crate::rdf::store::needs_compaction;
use crate::rdf::{GraphStore, IngestStats};
use crate::relations::{Extractor, Relation};
use rayon::prelude::*;

/// Where an ingest stands, reported after each batch and at the start of each later stage.
#[derive(Debug, Default, Clone)]
pub struct Progress {
    pub documents: usize,
    /// Bytes of article text (and titles) read so far.
    pub bytes: u64,
    pub relations: usize,
    /// What the store gained; filled in when the run ends.
    pub stats: IngestStats,
    /// Documents the extractor failed on (a bug in a rule), by id.
    pub failed: Vec<String>,
    /// The step the run is in.
    pub stage: Stage,
}

/// The steps of an ingest, in order.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Documents are read, extracted and written.
    #[default]
    Reading,
    /// Every document is read and extracted: the last groups are being written, and the store
    /// is made durable, which waits until RocksDB has merged its unmerged index files (a minute
    /// at the end of 1 GB of news).
    Finishing,
    /// Everything is written and the store's indexes are being compacted, the run's last step.
    Compacting,
}

/// Extracts one document; a panic in a rule is caught and becomes an error for that document
/// only, so that one odd article cannot stop a run over years of news.
pub fn extract_guarded(ex: &Extractor, doc: &Document) -> std::result::Result<Vec<Relation>, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ex.extract(doc)))
        .map_err(|_| format!("document '{}': internal error in the extractor", doc.id))
}

/// Runs the pipeline over `docs`, calling `on_batch` after each batch is extracted, and once
/// more at the start of each later [`Stage`]. At the end, if anything was written, it flushes
/// the store, and compacts it when the run grew it by a good part ([`needs_compaction`]) or
/// `always_compact` is set.
///
/// Extraction and writing overlap: a writer thread stores one batch while the next is
/// extracted, with at most one batch waiting between them.
pub fn ingest(
    ex: &Extractor,
    store: &GraphStore,
    docs: impl Iterator<Item = Document>,
    batch_size: usize,
    always_compact: bool,
    mut on_batch: impl FnMut(&Progress),
) -> Result<Progress> {
    let gaz = &ex.gazetteer;
    let alt_labels = |e: &EntityRef| -> Vec<String> { gaz.by_id(&e.id).map(|i| gaz.get(i).aliases.clone()).unwrap_or_default() };
    let mut progress = Progress::default();
    let size_before = store.disk_size()?;
    let (to_writer, batches) = std::sync::mpsc::sync_channel::<Vec<(Document, Vec<Relation>)>>(1);
    let written = std::thread::scope(|s| {
        let writer = s.spawn(move || -> Result<IngestStats> {
            let mut writer = store.writer(&alt_labels)?;
            let mut stats = IngestStats::default();
            for batch in batches {
                stats += writer.write(&batch)?;
            }
            writer.flush()?;
            Ok(stats)
        });
        let mut docs = docs.peekable();
        while docs.peek().is_some() {
            let chunk: Vec<Document> = docs.by_ref().take(batch_size.max(1)).collect();
            progress.documents += chunk.len();
            progress.bytes += chunk.iter().map(|d| (d.text.len() + d.title.as_ref().map_or(0, String::len)) as u64).sum::<u64>();
            let extracted: Vec<(Document, std::result::Result<Vec<Relation>, String>)> = chunk
                .into_par_iter()
                .map(|d| {
                    let r = extract_guarded(ex, &d);
                    (d, r)
                })
                .collect();
            let mut batch = Vec::with_capacity(extracted.len());
            for (d, r) in extracted {
                match r {
                    Ok(r) => {
                        progress.relations += r.len();
                        batch.push((d, r));
                    }
                    Err(_) => progress.failed.push(d.id),
                }
            }
            // The writer stopped on an error: it is reported below.
            if to_writer.send(batch).is_err() {
                break;
            }
            on_batch(&progress);
        }
        if progress.documents > 0 && docs.peek().is_none() {
            progress.stage = Stage::Finishing;
            on_batch(&progress);
        }
        drop(to_writer);
        writer.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    });
    progress.stats = written?;
    let wrote = progress.stats.documents + progress.stats.replaced > 0;
    if wrote {
        store.flush()?;
    }
    if always_compact || (wrote && needs_compaction(size_before, store.disk_size()?)) {
        progress.stage = Stage::Compacting;
        on_batch(&progress);
        store.optimize()?;
    }
    Ok(progress)
}
