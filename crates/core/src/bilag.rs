//! Bilag (attachments to agenda items): the file types Pejling takes, how a file's type is
//! read from its content (never from its name alone), and the text extracted from PDF and
//! DOCX files for search.
//!
//! Extraction runs on bytes, never on the database, with bounds: only files within
//! [`MAX_BYTES`]; a DOCX's `word/document.xml` is read through a limit on its unpacked size
//! (a zip bomb stops at [`MAX_UNPACKED`]); PDF extraction (the `pdf-extract` crate, over
//! `lopdf`) runs on a thread of its own that is given [`EXTRACT_TIME`] and whose panic is
//! caught; at most [`MAX_PAGES`] pages and [`MAX_TEXT`] characters are kept. A PDF whose pages
//! carry no text is marked as having no text layer (Pejling does no OCR).

use std::io::Read;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::domain::Id;
use crate::error::{Error, Message, Result};

/// The largest file Pejling takes as a bilag. Stated in the UI.
pub const MAX_BYTES: u64 = 100 * 1024 * 1024;
/// How many bilag one agenda item may have.
pub const MAX_PER_ITEM: i64 = 100;
/// The most a DOCX's text part may unpack to.
pub const MAX_UNPACKED: u64 = 50 * 1024 * 1024;
/// How long extraction of one file may take before it is given up.
pub const EXTRACT_TIME: Duration = Duration::from_secs(30);
/// Pages and characters of text kept per bilag.
pub const MAX_PAGES: usize = 5_000;
pub const MAX_TEXT: usize = 5_000_000;

crate::domain::string_enum!(
    /// The kinds of file a bilag may be.
    MediaType {
        Pdf = "application/pdf",
        Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        Png = "image/png",
        Jpeg = "image/jpeg",
    }
);

impl MediaType {
    /// The file name extensions of each type.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            MediaType::Pdf => &["pdf"],
            MediaType::Docx => &["docx"],
            MediaType::Xlsx => &["xlsx"],
            MediaType::Pptx => &["pptx"],
            MediaType::Png => &["png"],
            MediaType::Jpeg => &["jpg", "jpeg"],
        }
    }

    /// Every extension Pejling takes (the file dialog's filter).
    pub fn all_extensions() -> Vec<&'static str> {
        MediaType::ALL.iter().flat_map(|m| m.extensions().iter().copied()).collect()
    }

    /// The short name a person knows the type by.
    pub fn short_name(self) -> &'static str {
        match self {
            MediaType::Pdf => "PDF",
            MediaType::Docx => "Word",
            MediaType::Xlsx => "Excel",
            MediaType::Pptx => "PowerPoint",
            MediaType::Png => "PNG",
            MediaType::Jpeg => "JPEG",
        }
    }

    fn from_extension(name: &str) -> Option<MediaType> {
        let ext = std::path::Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        MediaType::ALL.iter().copied().find(|m| m.extensions().contains(&ext.as_str()))
    }
}

crate::domain::string_enum!(
    /// What text extraction found in a bilag: `pending` (not yet read; it runs in the
    /// background after attaching), `text` (searchable), `no_text_layer` (a PDF without text,
    /// a scan: Pejling does no OCR), `encrypted` (an encrypted PDF), `damaged` (not readable as
    /// what it is), `not_extracted` (images, spreadsheets, presentations: not searched by
    /// content), `too_large` (extraction took too long or the text was too large).
    TextState {
        Pending = "pending",
        Text = "text",
        NoTextLayer = "no_text_layer",
        Encrypted = "encrypted",
        Damaged = "damaged",
        NotExtracted = "not_extracted",
        TooLarge = "too_large",
    }
);

/// A bilag as the UI and the documents see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Attachment {
    pub id: Id,
    pub agenda_item_id: Id,
    /// 1-based within its item.
    pub number: u32,
    pub title: String,
    /// The document number in the ESDH system, e.g. "2188929 - EMN-2018-00874"; may be empty.
    pub document_number: String,
    /// Closed bilag are left out of the public version.
    pub closed: bool,
    pub file_name: String,
    pub media_type: MediaType,
    pub sha256: String,
    pub bytes: u64,
    pub text_state: TextState,
    pub pages: Option<u32>,
}

/// A bilag's file for the viewer in the window.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AttachmentContent {
    pub media_type: MediaType,
    /// The MIME type, for a `Blob` in the webview.
    pub mime: String,
    pub base64: String,
}

/// The fields of a bilag a person may change; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, Serialize, Deserialize, specta::Type)]
pub struct AttachmentPatch {
    pub title: Option<String>,
    pub document_number: Option<String>,
    pub closed: Option<bool>,
}

/// The file's type from its first bytes and, for the Office formats, its zip directory.
/// `None`: not a type Pejling takes.
pub fn sniff(bytes_head: &[u8], whole: Option<&[u8]>) -> Option<MediaType> {
    if bytes_head.starts_with(b"%PDF-") {
        return Some(MediaType::Pdf);
    }
    if bytes_head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(MediaType::Png);
    }
    if bytes_head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(MediaType::Jpeg);
    }
    if bytes_head.starts_with(b"PK\x03\x04") {
        let zip = zip::ZipArchive::new(std::io::Cursor::new(whole?)).ok()?;
        let has = |name: &str| zip.index_for_name(name).is_some();
        if !has("[Content_Types].xml") {
            return None;
        }
        if has("word/document.xml") {
            return Some(MediaType::Docx);
        }
        if has("xl/workbook.xml") {
            return Some(MediaType::Xlsx);
        }
        if has("ppt/presentation.xml") {
            return Some(MediaType::Pptx);
        }
    }
    None
}

/// Check that `bytes` are a file Pejling takes and that its name says what it is. The error
/// names the file and what its content really is.
pub fn check_type(file_name: &str, bytes: &[u8]) -> Result<MediaType> {
    let by_name = MediaType::from_extension(file_name);
    let by_content = sniff(&bytes[..bytes.len().min(16)], Some(bytes));
    match (by_name, by_content) {
        (Some(n), Some(c)) if n == c => Ok(c),
        (Some(n), Some(c)) => Err(Error::Validation(
            Message::new("error-attachment-type-mismatch")
                .field("file")
                .arg("file", file_name)
                .arg("expected", n.short_name())
                .arg("found", c.short_name()),
        )),
        (Some(n), None) => Err(Error::Validation(
            Message::new("error-attachment-not-that-type")
                .field("file")
                .arg("file", file_name)
                .arg("expected", n.short_name()),
        )),
        (None, _) => Err(Error::Validation(
            Message::new("error-attachment-type")
                .field("file")
                .arg("file", file_name)
                .arg("types", "PDF, DOCX, XLSX, PPTX, PNG, JPEG"),
        )),
    }
}

/// The refusal of a file over [`MAX_BYTES`], with the limit in MB.
pub fn too_large() -> Error {
    Error::Validation(Message::new("error-attachment-too-large").field("file").arg("max", MAX_BYTES / 1_048_576))
}

/// Extract the text of a file read from the blob store; a file that could not be read is
/// marked damaged.
pub fn extract_read(media_type: MediaType, bytes: Result<Vec<u8>>) -> Extracted {
    match bytes {
        Ok(bytes) => extract(media_type, bytes),
        Err(_) => Extracted::only(TextState::Damaged),
    }
}

/// What extraction found: the state and the text of each page (1-based order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub state: TextState,
    pub pages: Vec<String>,
}

impl Extracted {
    fn only(state: TextState) -> Extracted {
        Extracted { state, pages: Vec::new() }
    }
}

/// Extract the text of a bilag, within the bounds in the module's description.
pub fn extract(media_type: MediaType, bytes: Vec<u8>) -> Extracted {
    if bytes.len() as u64 > MAX_BYTES {
        return Extracted::only(TextState::TooLarge);
    }
    match media_type {
        MediaType::Pdf => extract_pdf(bytes),
        MediaType::Docx => extract_docx(&bytes),
        _ => Extracted::only(TextState::NotExtracted),
    }
}

fn bounded_pages(pages: Vec<String>) -> Extracted {
    let mut total = 0usize;
    let mut kept = Vec::new();
    for p in pages.into_iter().take(MAX_PAGES) {
        let p = normalise(&p);
        total += p.len();
        if total > MAX_TEXT {
            return Extracted { state: TextState::TooLarge, pages: kept };
        }
        kept.push(p);
    }
    let state = if kept.iter().all(|p| p.trim().is_empty()) { TextState::NoTextLayer } else { TextState::Text };
    Extracted { state, pages: kept }
}

/// Collapse runs of blank space, drop control characters (extractors emit form feeds and NULs).
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line: String = line.chars().filter(|c| !c.is_control() || *c == '\t').collect();
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank += 1;
            if blank == 1 && !out.is_empty() {
                out.push('\n');
            }
            continue;
        }
        blank = 0;
        out.push_str(&line);
        out.push('\n');
    }
    out.trim_end().to_owned()
}

fn extract_pdf(bytes: Vec<u8>) -> Extracted {
    let is_encrypted = lopdf::Document::load_mem(&bytes).map(|d| d.is_encrypted());
    match is_encrypted {
        Ok(true) => return Extracted::only(TextState::Encrypted),
        Err(lopdf::Error::Decryption(_)) => return Extracted::only(TextState::Encrypted),
        Err(_) => return Extracted::only(TextState::Damaged),
        Ok(false) => {}
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new().name("pejling-extract".into()).spawn(move || {
        let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(&bytes));
        let _ = tx.send(result);
    });
    if spawned.is_err() {
        return Extracted::only(TextState::TooLarge);
    }
    match rx.recv_timeout(EXTRACT_TIME) {
        Ok(Ok(Ok(pages))) => bounded_pages(pages),
        Ok(Ok(Err(_))) | Ok(Err(_)) => Extracted::only(TextState::Damaged),
        // Given up: the thread finishes on its own; its result is dropped.
        Err(_) => Extracted::only(TextState::TooLarge),
    }
}

/// A DOCX's text: the `<w:t>` runs of `word/document.xml`, a paragraph per line, page breaks
/// (`<w:br w:type="page"/>`, `<w:lastRenderedPageBreak/>`) starting a new page.
fn extract_docx(bytes: &[u8]) -> Extracted {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Extracted::only(TextState::Damaged);
    };
    let Ok(part) = zip.by_name("word/document.xml") else { return Extracted::only(TextState::Damaged) };
    if part.size() > MAX_UNPACKED {
        return Extracted::only(TextState::TooLarge);
    }
    let mut xml = Vec::new();
    // The declared size may lie: the reader is bounded as well.
    if part.take(MAX_UNPACKED + 1).read_to_end(&mut xml).is_err() {
        return Extracted::only(TextState::Damaged);
    }
    if xml.len() as u64 > MAX_UNPACKED {
        return Extracted::only(TextState::TooLarge);
    }
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(&xml[..]);
    let mut pages = vec![String::new()];
    let mut in_text = false;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.name().as_ref() == b"w:t" => in_text = true,
            Ok(Event::End(e)) if e.name().as_ref() == b"w:t" => in_text = false,
            Ok(Event::End(e)) if e.name().as_ref() == b"w:p" => pages.last_mut().expect("one page").push('\n'),
            Ok(Event::Empty(e)) if e.name().as_ref() == b"w:tab" => pages.last_mut().expect("one page").push('\t'),
            Ok(Event::Empty(e)) if e.name().as_ref() == b"w:br" => {
                let page_break =
                    e.attributes().flatten().any(|a| a.key.as_ref() == b"w:type" && a.value.as_ref() == b"page");
                if page_break {
                    pages.push(String::new());
                } else {
                    pages.last_mut().expect("one page").push('\n');
                }
            }
            Ok(Event::Text(t)) if in_text => {
                let Ok(text) = t.decode() else { return Extracted::only(TextState::Damaged) };
                let text = quick_xml::escape::unescape(&text).map(|c| c.into_owned()).unwrap_or(text.into_owned());
                pages.last_mut().expect("one page").push_str(&text);
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                // Entity references between text pieces (&amp; and friends).
                let name: &[u8] = &r;
                let s = match name {
                    b"amp" => "&",
                    b"lt" => "<",
                    b"gt" => ">",
                    b"quot" => "\"",
                    b"apos" => "'",
                    _ => "",
                };
                pages.last_mut().expect("one page").push_str(s);
            }
            Ok(Event::Eof) => break,
            Err(_) => return Extracted::only(TextState::Damaged),
            _ => {}
        }
        buf.clear();
    }
    bounded_pages(pages)
}

/// A file name a person may see and Pejling may write: the last part of a path, without
/// control characters, at most 255 characters.
pub fn clean_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = last.chars().filter(|c| !c.is_control()).take(255).collect();
    let cleaned = cleaned.trim().to_owned();
    if cleaned.is_empty() {
        "bilag".to_owned()
    } else {
        cleaned
    }
}

/// The title a bilag gets when none is given: its file name without the extension.
pub fn default_title(file_name: &str) -> String {
    let stem = std::path::Path::new(file_name).file_stem().and_then(|s| s.to_str()).unwrap_or(file_name);
    let t = stem.replace('_', " ");
    let t = t.trim();
    if t.is_empty() {
        file_name.to_owned()
    } else {
        t.chars().take(300).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_is_read_from_content() {
        let png = b"\x89PNG\r\n\x1a\n0000000000";
        assert_eq!(check_type("billede.png", png).unwrap(), MediaType::Png);
        let e = check_type("notat.pdf", png).unwrap_err();
        assert!(e.to_string().contains("notat.pdf"), "{e}");
        assert!(check_type("virus.exe", png).is_err());
        assert!(check_type("tom.pdf", b"hello").is_err());
    }

    #[test]
    fn titles_and_names() {
        assert_eq!(default_title("Input_fra gruppearbejde.pdf"), "Input fra gruppearbejde");
        assert_eq!(clean_file_name("C:\\Users\\x\\Notat.docx"), "Notat.docx");
        assert_eq!(clean_file_name("/tmp/a\u{7}b.pdf"), "ab.pdf");
    }

    #[test]
    fn normalise_collapses_blank_space() {
        assert_eq!(normalise("  a   b \n\n\n\x0c c \n"), "a b\n\nc");
    }
}
