//! Typed errors of the library. Each names the value at fault and where it was found
//! (`data/people.tsv:41: unknown country code 'RUSS'`); the command line adds context.

use std::path::PathBuf;

/// A problem in a dictionary or pattern file: the file, the line and what is wrong.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{file}:{line}: {message}")]
    Row {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
}

impl DataError {
    pub fn row(file: &str, line: usize, message: impl Into<String>) -> Self {
        DataError::Row {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

/// Errors of the library's stages.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Data(#[from] DataError),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("store {path}: {message}")]
    Store { path: PathBuf, message: String },
    #[error("storage: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("SPARQL syntax error: {0}")]
    SparqlSyntax(#[from] oxigraph::sparql::SparqlSyntaxError),
    #[error("SPARQL evaluation: {0}")]
    SparqlEvaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    #[error("SPARQL update: {0}")]
    SparqlUpdate(#[from] oxigraph::sparql::UpdateEvaluationError),
    #[error("{0}")]
    Invalid(String),
    #[error("write: {0}")]
    Write(#[from] std::io::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
