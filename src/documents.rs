//! A meeting's documents: the model the core builds, rendered by `pejling-documents`.

pub use pejling_core::docmodel::*;
pub use pejling_documents::{html, ics, pdf, render};

use crate::{Db, Id, Lang, Result};

/// Exporting a meeting's documents from the database: the core builds the model, the
/// documents crate renders it.
pub trait Export {
    /// Render a meeting's document in `format`.
    fn export(&self, meeting_id: Id, kind: DocKind, format: Format, audience: Audience, lang: Lang) -> Result<Vec<u8>>;

    /// The samlet dagsorden: the agenda, then every bilag's PDF pages, item by item (see
    /// [`Db::combined_agenda_model`]).
    fn export_combined_agenda(&self, meeting_id: Id, audience: Audience, lang: Lang) -> Result<Vec<u8>>;

    /// A committee's meetings (of one year, or all) as one `.ics` calendar.
    fn committee_calendar(&self, committee_id: Id, year: Option<i32>, lang: Lang) -> Result<String>;
}

impl Export for Db {
    fn export(&self, meeting_id: Id, kind: DocKind, format: Format, audience: Audience, lang: Lang) -> Result<Vec<u8>> {
        let model = self.document_model(meeting_id, kind, audience, lang)?;
        render(&model, format, || self.meeting_calendar_model(meeting_id, lang))
    }

    fn export_combined_agenda(&self, meeting_id: Id, audience: Audience, lang: Lang) -> Result<Vec<u8>> {
        pejling_documents::combined_agenda(self.combined_agenda_model(meeting_id, audience, lang)?)
    }

    fn committee_calendar(&self, committee_id: Id, year: Option<i32>, lang: Lang) -> Result<String> {
        Ok(ics::render(&self.committee_calendar_model(committee_id, year, lang)?))
    }
}
