//! The `geokg` binary: parse the command line, run one subcommand, map errors to exit codes.

mod cli;

use std::process::ExitCode;

/// mimalloc, for Rust and (its `override` feature) for C and C++ alike: Oxigraph frees RocksDB's
/// error messages with this allocator, so the two must be one (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Asks Linux not to back this process's memory with transparent huge pages. mimalloc asks for
/// them, and the kernel then zeroes 2 MB at the first touch of any part of one: an ingest frees
/// and reallocates tens of MB for each bulk-loaded group, and zeroing took 5-8% of the CPU time
/// of a 10k-article ingest (perf: `clear_page_erms`; 2% after). Without them, 2 GB of news
/// peaked at 475 MB instead of 506 MB and 1 GB at 408 MB instead of 433 MB, in the same time.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: sets a flag of this process; the call takes no pointers.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    no_huge_pages();
    match cli::run() {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`geokg export | head`) is not an error.
            if e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)) {
                return ExitCode::SUCCESS;
            }
            eprintln!("geokg: error: {e:#}");
            ExitCode::from(1)
        }
    }
}
