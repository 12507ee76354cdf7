//! Pejling's documents: a meeting's [`DocModel`] (built by the core from the database) rendered
//! to PDF and PDF/A through typst, DOCX, self-contained HTML and Markdown, and a [`Calendar`]
//! to iCalendar. This crate never opens the database: it renders what it is given, so the
//! formats cannot disagree and a renderer cannot read what the model withholds (a closed item
//! in the public version).

mod docx;
pub mod html;
pub mod ics;
mod markdown;
pub mod pdf;

pub use pejling_core::docmodel::{Audience, Calendar, CombinedAgenda, DocKind, DocModel, Format};
use pejling_core::error::Result;

/// Render a document model in `format`. A calendar is not a document model: [`Format::Ics`]
/// renders the `calendar`, which the caller builds for the same meeting.
pub fn render(model: &DocModel, format: Format, calendar: impl FnOnce() -> Result<Calendar>) -> Result<Vec<u8>> {
    match format {
        Format::Md => Ok(markdown::render(model).into_bytes()),
        Format::Html => Ok(html::render(model).into_bytes()),
        Format::Docx => docx::render(model),
        Format::Ics => Ok(ics::render(&calendar()?).into_bytes()),
        Format::Pdf | Format::Pdfa => pdf::Typesetter::new().pdf(model, format == Format::Pdfa),
    }
}

/// The samlet dagsorden: the agenda, then the bilag's PDF pages, as one PDF.
pub fn combined_agenda(combined: CombinedAgenda) -> Result<Vec<u8>> {
    pdf::Typesetter::new().pdf_with_files(&combined.model, false, combined.files)
}

#[cfg(test)]
mod tests {
    use super::pdf::Typesetter;

    /// The demo's bilag are committed PDFs (the core includes them and knows no typesetter);
    /// they must be what their typst sources make today. `UPDATE_DEMO_BILAG=1` rewrites them.
    #[test]
    fn demo_bilag_are_fresh() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo");
        let ts = Typesetter::new();
        for name in ["notat", "praesentation"] {
            let source = std::fs::read_to_string(dir.join(format!("{name}.typ"))).unwrap();
            let fresh = ts.pdf_from_source(&source).unwrap();
            let path = dir.join(format!("{name}.pdf"));
            if std::env::var_os("UPDATE_DEMO_BILAG").is_some() {
                std::fs::write(&path, &fresh).unwrap();
            }
            let committed = std::fs::read(&path).unwrap();
            assert!(
                committed == fresh,
                "assets/demo/{name}.pdf is not what {name}.typ makes today: run \
                 `UPDATE_DEMO_BILAG=1 cargo test -p pejling-documents demo_bilag_are_fresh` and commit it"
            );
        }
    }
}
