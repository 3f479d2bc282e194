//! Input: files, directories and stdin in; [`Document`]s out, one at a time.
//!
//! Accepted forms, chosen per file:
//! - plain text (`.txt`, `.text`, or anything not starting with `{`): the first line is the title;
//!   `Date:`, `Source:`, `URL:` and `Id:` lines right after it are metadata; the rest is the text.
//!   The document id is the file's path below the input root, without its extension.
//! - JSON Lines (`.jsonl`, `.ndjson`): one object per line with id, title, date, source, url, text.
//! - news-please JSON (`.json`): title, maintext, date_publish, url, source_domain; one object
//!   per file, an array of them, or one per line.
//! - `-`: stdin, sniffed as JSON Lines when it starts with `{`, else plain text.
//!
//! A record without an id is identified by its URL, or else by a hash of its text, so that
//! re-reading the same record gives the same id. A bad record becomes an [`InputError`] naming
//! its file and line; readers go on with the next one.

use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One news article.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Document {
    pub id: String,
    pub title: Option<String>,
    /// The publication date, YYYY-MM-DD (or YYYY-MM, YYYY).
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub text: String,
}

/// A record that could not be read: where, and why.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{path}:{line}: {message}")]
pub struct InputError {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl Document {
    /// A hash of the text and metadata, stored with the document so that re-ingesting an
    /// unchanged document is recognised and skipped.
    pub fn content_hash(&self) -> String {
        let mut h = Sha256::new();
        for part in [&self.title, &self.date, &self.source, &self.url] {
            h.update(part.as_deref().unwrap_or("").as_bytes());
            h.update([0u8]);
        }
        h.update(self.text.as_bytes());
        hex(&h.finalize()[..16])
    }
}

/// Bytes as lower-case hex digits. Content hashes and statement ids are written for every
/// document and record, so this writes digits directly rather than formatting each byte.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(2 * bytes.len());
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    out
}

fn short_hash(s: &str) -> String {
    hex(&Sha256::digest(s.as_bytes())[..8])
}

/// Options shared by every reader.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The article date to use when a record has none (`--date`).
    pub default_date: Option<String>,
}

type Docs = Box<dyn Iterator<Item = Result<Document, InputError>> + Send>;

/// Reads every input in order, lazily: directories are walked in sorted order, files are
/// streamed record by record, so memory does not grow with the corpus.
pub fn read_inputs(inputs: &[PathBuf], opts: &ReadOptions) -> Docs {
    let opts = opts.clone();
    let inputs = inputs.to_vec();
    Box::new(inputs.into_iter().flat_map(move |input| read_input(&input, &opts)))
}

fn read_input(input: &Path, opts: &ReadOptions) -> Docs {
    if input.as_os_str() == "-" {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
            return one_error("-", 0, format!("cannot read stdin: {e}"));
        }
        return read_bytes("-", "stdin", bytes, opts, None);
    }
    if input.is_dir() {
        let root = input.to_path_buf();
        let opts = opts.clone();
        let walk = walkdir::WalkDir::new(input)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        return Box::new(walk.flat_map(move |entry| -> Docs {
            match entry {
                Err(e) => {
                    let path = e.path().map(|p| p.display().to_string()).unwrap_or_default();
                    one_error(&path, 0, format!("cannot read: {e}"))
                }
                Ok(e) if e.file_type().is_file() && is_article_file(e.path()) => {
                    read_file(e.path(), &root, &opts)
                }
                Ok(_) => Box::new(std::iter::empty()),
            }
        }));
    }
    let root = input.parent().map(Path::to_path_buf).unwrap_or_default();
    read_file(input, &root, opts)
}

/// The total size in bytes of the files `read_inputs` would read, for a progress estimate;
/// `None` when stdin is among the inputs.
pub fn total_bytes(inputs: &[PathBuf]) -> Option<u64> {
    let mut total = 0;
    for input in inputs {
        if input.as_os_str() == "-" {
            return None;
        }
        if input.is_dir() {
            for e in walkdir::WalkDir::new(input).into_iter().flatten() {
                if e.file_type().is_file() && is_article_file(e.path()) {
                    total += e.metadata().map_or(0, |m| m.len());
                }
            }
        } else {
            total += std::fs::metadata(input).map_or(0, |m| m.len());
        }
    }
    Some(total)
}

fn is_article_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt" | "text" | "json" | "jsonl" | "ndjson")
    )
}

fn one_error(path: &str, line: usize, message: String) -> Docs {
    Box::new(std::iter::once(Err(InputError {
        path: path.to_string(),
        line,
        message,
    })))
}

fn read_file(path: &Path, root: &Path, opts: &ReadOptions) -> Docs {
    let shown = path.display().to_string();
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return one_error(&shown, 0, format!("cannot open: {e}")),
    };
    if matches!(ext, "jsonl" | "ndjson") {
        return Box::new(JsonLines::new(shown, Box::new(BufReader::new(file)), opts.clone()));
    }
    let mut bytes = Vec::new();
    if let Err(e) = BufReader::new(file).read_to_end(&mut bytes) {
        return one_error(&shown, 0, format!("cannot read: {e}"));
    }
    let rel = path.strip_prefix(root).unwrap_or(path).with_extension("");
    let id = rel.to_string_lossy().replace('\\', "/");
    let hint = match ext {
        "json" => Some(true),
        "txt" | "text" => Some(false),
        _ => None,
    };
    read_bytes(&shown, &id, bytes, opts, hint)
}

/// Reads a whole file's bytes: JSON when `json` says so or the content starts with `{`/`[`.
fn read_bytes(shown: &str, id: &str, bytes: Vec<u8>, opts: &ReadOptions, json: Option<bool>) -> Docs {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    let is_json = json.unwrap_or(matches!(first, Some(b'{') | Some(b'[')));
    if !is_json {
        let result = match String::from_utf8(bytes) {
            Ok(text) => plain_text(shown, id, &text, opts),
            Err(e) => Err(InputError {
                path: shown.to_string(),
                line: line_of_byte(e.as_bytes(), e.utf8_error().valid_up_to()),
                message: "invalid UTF-8".into(),
            }),
        };
        return Box::new(std::iter::once(result));
    }
    // A whole-file JSON value (one news-please object, or an array), else JSON Lines.
    if let Ok(text) = std::str::from_utf8(&bytes) {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
            let shown = shown.to_string();
            let opts = opts.clone();
            return match value {
                serde_json::Value::Array(items) => Box::new(
                    items
                        .into_iter()
                        .enumerate()
                        .map(move |(i, v)| json_document(&shown, i + 1, v, &opts))
                        .collect::<Vec<_>>()
                        .into_iter(),
                ),
                v => Box::new(std::iter::once(json_document(&shown, 1, v, &opts))),
            };
        }
    }
    Box::new(JsonLines::new(
        shown.to_string(),
        Box::new(std::io::Cursor::new(bytes)),
        opts.clone(),
    ))
}

fn line_of_byte(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count()
}

fn plain_text(shown: &str, id: &str, text: &str, opts: &ReadOptions) -> Result<Document, InputError> {
    let err = |line, message: &str| InputError {
        path: shown.to_string(),
        line,
        message: message.to_string(),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let title = lines.next().map(|l| l.trim().to_string()).filter(|t| !t.is_empty());
    let mut offset = title.as_ref().map_or(0, |_| text.find('\n').map_or(text.len(), |i| i + 1));
    let mut doc = Document {
        id: id.to_string(),
        title,
        date: None,
        source: None,
        url: None,
        text: String::new(),
    };
    let mut line_no = 1;
    for line in lines {
        let Some((key, value)) = line.split_once(':') else { break };
        let value = value.trim();
        match key.trim().to_ascii_lowercase().as_str() {
            "date" => doc.date = Some(normalise_date(value).ok_or_else(|| err(line_no + 1, &format!("bad date '{value}'")))?),
            "source" => doc.source = Some(value.to_string()),
            "url" => doc.url = Some(value.to_string()),
            "id" => doc.id = value.to_string(),
            _ => break,
        }
        line_no += 1;
        offset += line.len();
    }
    doc.text = text[offset..].trim().to_string();
    if doc.text.is_empty() {
        // A single line is the text itself, not a title ("echo '...' | geokg extract -").
        match doc.title.take() {
            Some(line) if line_no == 1 => doc.text = line,
            _ => return Err(err(1, "no text")),
        }
    }
    if doc.date.is_none() {
        doc.date = opts.default_date.clone();
    }
    Ok(doc)
}

/// Accepts YYYY-MM-DD, YYYY-MM or YYYY, optionally followed by a time (`2017-11-06 04:20:00`,
/// `2017-11-06T04:20:00Z`), and returns the date part.
pub fn normalise_date(s: &str) -> Option<String> {
    let s = s.trim();
    let date = s.split(['T', ' ']).next()?;
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let ok = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&m.parse::<u32>().ok()?),
        [y, m, d] => {
            digits(y, 4)
                && digits(m, 2)
                && digits(d, 2)
                && (1..=12).contains(&m.parse::<u32>().ok()?)
                && (1..=31).contains(&d.parse::<u32>().ok()?)
        }
        _ => false,
    };
    ok.then(|| date.to_string())
}

fn json_document(shown: &str, line: usize, v: serde_json::Value, opts: &ReadOptions) -> Result<Document, InputError> {
    let err = |message: String| InputError {
        path: shown.to_string(),
        line,
        message,
    };
    let serde_json::Value::Object(map) = v else {
        return Err(err("expected a JSON object".into()));
    };
    let s = |k: &str| -> Option<String> {
        match map.get(k) {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            _ => None,
        }
    };
    let text = s("text").or_else(|| s("maintext")).ok_or_else(|| err("no text".into()))?;
    let date = match s("date").or_else(|| s("date_publish")) {
        Some(d) => Some(normalise_date(&d).ok_or_else(|| err(format!("bad date '{d}'")))?),
        None => opts.default_date.clone(),
    };
    let url = s("url");
    let id = s("id").unwrap_or_else(|| match &url {
        Some(u) => format!("url-{}", short_hash(u)),
        None => format!("sha-{}", short_hash(&text)),
    });
    Ok(Document {
        id,
        title: s("title"),
        date,
        source: s("source").or_else(|| s("source_domain")),
        url,
        text,
    })
}

/// Streams a JSON Lines reader, one record per line.
struct JsonLines {
    path: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    opts: ReadOptions,
    buf: Vec<u8>,
}

impl JsonLines {
    fn new(path: String, reader: Box<dyn BufRead + Send>, opts: ReadOptions) -> Self {
        JsonLines {
            path,
            reader,
            line: 0,
            opts,
            buf: Vec::new(),
        }
    }
}

impl Iterator for JsonLines {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.buf.clear();
            self.line += 1;
            let err = |line, message: String| InputError {
                path: self.path.clone(),
                line,
                message,
            };
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    let e = err(self.line, format!("cannot read: {e}"));
                    self.buf.clear();
                    // Stop after a read error: the rest of the stream is unreliable.
                    self.reader = Box::new(std::io::empty());
                    return Some(Err(e));
                }
            }
            let Ok(text) = std::str::from_utf8(&self.buf) else {
                return Some(Err(err(self.line, "invalid UTF-8".into())));
            };
            if text.trim().is_empty() {
                continue;
            }
            return Some(match serde_json::from_str::<serde_json::Value>(text) {
                Ok(v) => json_document(&self.path, self.line, v, &self.opts),
                Err(e) => Err(err(self.line, format!("invalid JSON: {e}"))),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(shown: &str, bytes: &[u8], json: Option<bool>) -> Vec<Result<Document, InputError>> {
        read_bytes(shown, "x", bytes.to_vec(), &ReadOptions::default(), json).collect()
    }

    #[test]
    fn hex_digits_are_two_per_byte_and_lower_case() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa0, 0xff, 0x3c]), "000fa0ff3c");
        assert_eq!(hex(&[]), "");
    }

    #[test]
    fn plain_text_title_and_metadata() {
        let d = docs("a.txt", b"Leaders meet\nDate: 2024-05-16\nSource: test\n\nFirst line.\nSecond.", Some(false));
        let d = d[0].as_ref().unwrap();
        assert_eq!(d.title.as_deref(), Some("Leaders meet"));
        assert_eq!(d.date.as_deref(), Some("2024-05-16"));
        assert_eq!(d.source.as_deref(), Some("test"));
        assert_eq!(d.text, "First line.\nSecond.");
    }

    #[test]
    fn jsonl_bad_line_is_reported_and_skipped() {
        let input = b"{\"id\":\"a\",\"text\":\"x\"}\n{oops\n{\"id\":\"c\",\"text\":\"y\"}\n{\"id\":\"d\"}\n";
        let d = docs("f.jsonl", input, None);
        assert_eq!(d.len(), 4);
        assert_eq!(d[0].as_ref().unwrap().id, "a");
        let e = d[1].as_ref().unwrap_err();
        assert_eq!((e.path.as_str(), e.line), ("f.jsonl", 2));
        assert_eq!(d[2].as_ref().unwrap().id, "c");
        assert_eq!(d[3].as_ref().unwrap_err().message, "no text");
    }

    #[test]
    fn invalid_utf8_names_line() {
        let d = docs("f.jsonl", b"{\"text\":\"ok\"}\n{\"text\":\"\xff\"}\n", None);
        assert_eq!(d[1].as_ref().unwrap_err().line, 2);
        assert_eq!(d[1].as_ref().unwrap_err().message, "invalid UTF-8");
    }

    #[test]
    fn news_please_object() {
        let j = br#"{"title":"T","maintext":"Body.","date_publish":"2017-11-06 04:20:00","url":"http://x/1","source_domain":"x"}"#;
        let d = docs("n.json", j, Some(true));
        let d = d[0].as_ref().unwrap();
        assert_eq!(d.date.as_deref(), Some("2017-11-06"));
        assert_eq!(d.source.as_deref(), Some("x"));
        assert!(d.id.starts_with("url-"));
    }

    #[test]
    fn dates_are_validated() {
        assert_eq!(normalise_date("2024-05-16T10:00:00Z").as_deref(), Some("2024-05-16"));
        assert_eq!(normalise_date("2024-05").as_deref(), Some("2024-05"));
        assert_eq!(normalise_date("2024-13-01"), None);
        assert_eq!(normalise_date("yesterday"), None);
    }
}
