//! Bilag commands that need more than one core call: file dialogs, files dropped in the
//! window, the bytes the PDF viewer shows, opening a file in the system's program, and the
//! background reading of their text.

use crate::documents::Export as _;
use base64::Engine;

use super::{Ctx, Res};
use crate::bilag::{self, Attachment, AttachmentContent, MediaType};
use crate::error::{Error, Message};
use crate::store::NewAttachment;
use crate::{ApiError, Id};

impl Ctx {
    /// Ask for a file and attach it to the item; `None` when the user cancelled.
    pub fn attach_with_dialog(&self, agenda_item_id: Id) -> Res<Option<Vec<Attachment>>> {
        let Some(path) = self.platform.pick_file("Bilag", &MediaType::all_extensions()) else { return Ok(None) };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let new = NewAttachment { file_name: &name, title: None, document_number: None, closed: false };
        self.with(|db| {
            db.attach_file(agenda_item_id, &path, &new)?;
            db.list_attachments(agenda_item_id)
        })
        .map(Some)
    }

    /// Attach a file dropped on the item in the window: its name and its bytes (base64), as
    /// the webview read them from the drop. The webview never learns a path.
    pub fn attach_dropped(&self, agenda_item_id: Id, file_name: &str, content_base64: &str) -> Res<Vec<Attachment>> {
        // Bounded before decoding: base64 is 4 characters per 3 bytes.
        if content_base64.len() as u64 / 4 * 3 > bilag::MAX_BYTES + 3 {
            return Err(bilag::too_large().into());
        }
        let bytes = base64::engine::general_purpose::STANDARD.decode(content_base64.trim()).map_err(|_| {
            ApiError::from(Error::Validation(Message::new("error-attachment-empty").arg("file", file_name)))
        })?;
        let new = NewAttachment { file_name, title: None, document_number: None, closed: false };
        self.with(|db| {
            db.attach_bytes(agenda_item_id, &bytes, &new)?;
            db.list_attachments(agenda_item_id)
        })
    }

    /// The samlet dagsorden (agenda and PDF bilag in one PDF), saved where the user says.
    pub fn export_combined_agenda(
        &self,
        meeting_id: Id,
        audience: crate::documents::Audience,
        lang: crate::Lang,
    ) -> Res<Option<String>> {
        let (bytes, name) = self.with(|db| {
            let bytes = db.export_combined_agenda(meeting_id, audience, lang)?;
            let name =
                db.document_file_name(meeting_id, crate::documents::DocKind::Agenda, crate::documents::Format::Pdf)?;
            Ok((bytes, name.replacen("dagsorden-", "samlet-dagsorden-", 1)))
        })?;
        self.save_with_dialog(&name, &bytes)
    }

    /// A bilag's file for the viewer (PDF pages, images), base64.
    pub fn attachment_content(&self, id: Id) -> Res<AttachmentContent> {
        let (a, bytes) = self.with(|db| db.attachment_bytes(id))?;
        Ok(AttachmentContent {
            media_type: a.media_type,
            mime: a.media_type.as_str().to_owned(),
            base64: base64::engine::general_purpose::STANDARD.encode(bytes),
        })
    }

    /// Open a bilag in the system's program for its type (Word, Excel, …): a read-only copy
    /// is written to the temporary folder and handed to the system. The webview gets no path.
    pub fn open_attachment(&self, id: Id) -> Res<()> {
        let (a, bytes) = self.with(|db| db.attachment_bytes(id))?;
        let dir = std::env::temp_dir().join("pejling-bilag").join(&a.sha256[..16]);
        std::fs::create_dir_all(&dir).map_err(|e| ApiError::from(Error::Io(e)))?;
        let path = dir.join(bilag::clean_file_name(&a.file_name));
        if !path.exists() {
            std::fs::write(&path, &bytes).map_err(|e| ApiError::from(Error::Io(e)))?;
            if let Ok(meta) = std::fs::metadata(&path) {
                let mut perms = meta.permissions();
                perms.set_readonly(true);
                let _ = std::fs::set_permissions(&path, perms);
            }
        }
        self.platform.open_file(&path).map_err(|e| ApiError::from(Error::Io(std::io::Error::other(e))))
    }

    /// Read the text of every bilag not yet read, one at a time, without holding the
    /// database while a file is read. Returns how many were read. The UI calls it after
    /// attaching and at start (a bilag attached just before a crash is read then).
    pub fn extract_pending_attachments(&self) -> Res<u32> {
        let mut done = 0;
        loop {
            let next = self.with(|db| {
                let Some((_, media_type, sha)) = db.next_pending_attachment()? else { return Ok(None) };
                Ok(Some((media_type, db.blob(&sha), sha)))
            })?;
            let Some((media_type, bytes, sha)) = next else { return Ok(done) };
            let found = bilag::extract_read(media_type, bytes);
            self.with(|db| db.save_extracted(&sha, &found))?;
            done += 1;
        }
    }
}
