//! PDF through typst used as a library: tagged for screen readers, Danish hyphenation, "Side
//! X af Y", fonts embedded (typst's bundled Libertinus Serif and DejaVu Sans Mono, so output
//! is identical on every machine), and a PDF/A-2a variant for archiving.
//!
//! The template is compiled into the binary; the data goes in as JSON. A [`Typesetter`]
//! holds the parsed fonts — loading them is the slow part — so build one and reuse it.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::layout::PagedDocument;
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use pejling_core::docmodel::DocModel;
use pejling_core::error::{Error, Message, Result};

const TEMPLATE: &str = include_str!("../../../assets/templates/document.typ");

/// Fonts and the standard library, loaded once.
pub struct Typesetter {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Default for Typesetter {
    fn default() -> Self {
        Self::new()
    }
}

impl Typesetter {
    pub fn new() -> Typesetter {
        let fonts: Vec<Font> =
            typst_assets::fonts().flat_map(|data| Font::iter(Bytes::new(data)).collect::<Vec<_>>()).collect();
        Typesetter {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }

    /// Typeset `model`; `archival` selects PDF/A-2a.
    pub fn pdf(&self, model: &DocModel, archival: bool) -> Result<Vec<u8>> {
        self.pdf_with_files(model, archival, HashMap::new())
    }

    /// Typeset a whole typst source of Pejling's own (the demo's bilag): no data, no files.
    pub fn pdf_from_source(&self, source: &str) -> Result<Vec<u8>> {
        let world = DocWorld {
            ts: self,
            main: Source::new(FileId::new(None, VirtualPath::new("/main.typ")), source.to_owned()),
            data: Bytes::new(Vec::new()),
            files: HashMap::new(),
        };
        let doc: PagedDocument = typst::compile(&world).output.map_err(|errs| typeset_error(&errs))?;
        typst_pdf::pdf(&doc, &PdfOptions { tagged: true, ..PdfOptions::default() }).map_err(|errs| typeset_error(&errs))
    }

    /// As [`Typesetter::pdf`], with files the template may embed (bilag PDFs, by their path
    /// without the leading slash: `bilag/<sha256>.pdf`).
    pub fn pdf_with_files(&self, model: &DocModel, archival: bool, files: HashMap<String, Vec<u8>>) -> Result<Vec<u8>> {
        let data = serde_json::to_vec(model).expect("document model serialises");
        let world = DocWorld {
            ts: self,
            main: Source::new(FileId::new(None, VirtualPath::new("/main.typ")), TEMPLATE.to_owned()),
            data: Bytes::new(data),
            files: files.into_iter().map(|(k, v)| (k, Bytes::new(v))).collect(),
        };
        let doc: PagedDocument = typst::compile(&world).output.map_err(|errs| typeset_error(&errs))?;
        let standards = if archival {
            PdfStandards::new(&[PdfStandard::A_2a]).map_err(|e| typeset_msg(e.to_string()))?
        } else {
            PdfStandards::default()
        };
        // PDF/A needs a creation date: the moment of export. Ordinary PDFs carry none, so the
        // same minutes always give the same bytes.
        let timestamp = archival
            .then(|| {
                let now = chrono::Utc::now();
                use chrono::{Datelike, Timelike};
                Datetime::from_ymd_hms(
                    now.year(),
                    now.month() as u8,
                    now.day() as u8,
                    now.hour() as u8,
                    now.minute() as u8,
                    now.second() as u8,
                )
                .map(typst_pdf::Timestamp::new_utc)
            })
            .flatten();
        let options = PdfOptions { standards, tagged: true, timestamp, ..PdfOptions::default() };
        typst_pdf::pdf(&doc, &options).map_err(|errs| typeset_error(&errs))
    }
}

fn typeset_msg(detail: String) -> Error {
    Error::Validation(Message::new("error-typeset").arg("detail", detail))
}

fn typeset_error(errs: &[typst::diag::SourceDiagnostic]) -> Error {
    typeset_msg(errs.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; "))
}

struct DocWorld<'a> {
    ts: &'a Typesetter,
    main: Source,
    data: Bytes,
    files: HashMap<String, Bytes>,
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.ts.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.ts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let path = id.vpath().as_rootless_path();
        if path == std::path::Path::new("data.json") {
            Ok(self.data.clone())
        } else if let Some(bytes) = path.to_str().and_then(|p| self.files.get(p)) {
            Ok(bytes.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.ts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        // Documents carry no creation date of their own, so the same minutes give the same PDF.
        None
    }
}
