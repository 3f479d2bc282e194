//! A small reader for the project's tab-separated data files.
//!
//! Text in, rows out: `#` lines are comments, the first other line is the header, cells holding
//! several values separate them with `|`, an empty cell means unknown. Every row keeps its line
//! number so that errors can name `file:line`.

use crate::error::DataError;
use std::collections::HashMap;

/// A parsed table: its file name (for messages), its columns and its rows.
#[derive(Debug)]
pub struct Table {
    pub file: String,
    columns: HashMap<String, usize>,
    pub rows: Vec<Row>,
}

/// One data row with its 1-based line number.
#[derive(Debug)]
pub struct Row {
    pub line: usize,
    cells: Vec<String>,
}

impl Table {
    /// Parses `text`, requiring each of `required` columns in the header.
    pub fn parse(file: &str, text: &str, required: &[&str]) -> Result<Table, DataError> {
        let mut columns = None;
        let mut rows = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let raw = raw.trim_end_matches('\r');
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            let cells: Vec<String> = raw.split('\t').map(|c| c.trim().to_string()).collect();
            match &columns {
                None => {
                    let map: HashMap<String, usize> =
                        cells.iter().enumerate().map(|(i, c)| (c.clone(), i)).collect();
                    for r in required {
                        if !map.contains_key(*r) {
                            return Err(DataError::row(
                                file,
                                line,
                                format!("header has no column '{r}' (columns: {})", cells.join(", ")),
                            ));
                        }
                    }
                    columns = Some(map);
                }
                Some(map) => {
                    if cells.len() > map.len() {
                        return Err(DataError::row(
                            file,
                            line,
                            format!("{} cells, but the header has {} columns", cells.len(), map.len()),
                        ));
                    }
                    rows.push(Row { line, cells });
                }
            }
        }
        let columns = columns.ok_or_else(|| DataError::row(file, 1, "no header line"))?;
        Ok(Table {
            file: file.to_string(),
            columns,
            rows,
        })
    }

    pub fn column_index(&self, col: &str) -> Option<usize> {
        self.columns.get(col).copied()
    }

    /// The cell of `col` in `row`, or "" when the row is short or the column absent.
    pub fn get<'a>(&self, row: &'a Row, col: &str) -> &'a str {
        self.columns
            .get(col)
            .and_then(|&i| row.cells.get(i))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The cell, or `None` when empty.
    pub fn opt(&self, row: &Row, col: &str) -> Option<String> {
        let v = self.get(row, col);
        (!v.is_empty()).then(|| v.to_string())
    }

    /// A non-empty cell, or an error naming file, line and column.
    pub fn required<'a>(&self, row: &'a Row, col: &str) -> Result<&'a str, DataError> {
        let v = self.get(row, col);
        if v.is_empty() {
            Err(self.error(row, format!("empty '{col}'")))
        } else {
            Ok(v)
        }
    }

    /// The `|`-separated values of a cell.
    pub fn list<'a>(&self, row: &'a Row, col: &str) -> impl Iterator<Item = &'a str> {
        self.get(row, col).split('|').map(str::trim).filter(|s| !s.is_empty())
    }

    pub fn error(&self, row: &Row, message: impl Into<String>) -> DataError {
        DataError::row(&self.file, row.line, message)
    }
}
