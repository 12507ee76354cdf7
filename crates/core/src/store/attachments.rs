//! Bilag: rows in `attachment` (see `migrations/0013_bilag.sql`), files in the blob store
//! (see [`super::blobs`]).

use std::collections::HashSet;
use std::path::Path;

use rusqlite::{params, Connection, Row};

use super::meetings::get_unlocked;
use super::{found, now_utc, Db, OptionalRow};
use crate::bilag::{self, Attachment, AttachmentPatch, Extracted, MediaType, TextState};
use crate::domain::Id;
use crate::error::{Error, Message, Result};
use crate::validate;

const SELECT: &str = "SELECT id, agenda_item_id, position, title, document_number, closed, file_name, media_type,
        sha256, bytes, text_state, pages
    FROM attachment";

fn row(r: &Row<'_>) -> rusqlite::Result<Attachment> {
    let position: u32 = r.get(2)?;
    let bytes: i64 = r.get(9)?;
    Ok(Attachment {
        id: r.get(0)?,
        agenda_item_id: r.get(1)?,
        number: position + 1,
        title: r.get(3)?,
        document_number: r.get(4)?,
        closed: r.get(5)?,
        file_name: r.get(6)?,
        media_type: r.get(7)?,
        sha256: r.get(8)?,
        bytes: bytes.max(0) as u64,
        text_state: r.get(10)?,
        pages: r.get(11)?,
    })
}

pub(crate) fn get(conn: &Connection, id: Id) -> Result<Attachment> {
    let a = conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], row).opt()?;
    found(a, "attachment", id)
}

pub(crate) fn list_for_item(conn: &Connection, item_id: Id) -> Result<Vec<Attachment>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE agenda_item_id = ?1 ORDER BY position, id"))?;
    let rows = stmt.query_map([item_id], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn meeting_of_item(conn: &Connection, item_id: Id) -> Result<Id> {
    let m =
        conn.query_row("SELECT meeting_id FROM agenda_item WHERE id = ?1", [item_id], |r| r.get::<_, Id>(0)).opt()?;
    found(m, "agenda_item", item_id)
}

fn renumber(conn: &Connection, ids: &[Id]) -> Result<()> {
    let mut stmt = conn
        .prepare_cached("UPDATE attachment SET position = ?2, updated_at = ?3 WHERE id = ?1 AND position IS NOT ?2")?;
    let now = now_utc();
    for (pos, id) in ids.iter().enumerate() {
        stmt.execute(params![id, pos as i64, now])?;
    }
    Ok(())
}

/// A new bilag's description, before its file is stored.
pub struct NewAttachment<'a> {
    pub file_name: &'a str,
    pub title: Option<&'a str>,
    pub document_number: Option<&'a str>,
    pub closed: bool,
}

impl Db {
    /// The bilag of one agenda item, in their order.
    pub fn list_attachments(&self, item_id: Id) -> Result<Vec<Attachment>> {
        list_for_item(&self.conn, item_id)
    }

    /// Every bilag of a meeting, item by item.
    pub fn meeting_attachments(&self, meeting_id: Id) -> Result<Vec<Attachment>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT b.id, b.agenda_item_id, b.position, b.title, b.document_number, b.closed, b.file_name,
                    b.media_type, b.sha256, b.bytes, b.text_state, b.pages
             FROM attachment b JOIN agenda_item a ON a.id = b.agenda_item_id
             WHERE a.meeting_id = ?1 ORDER BY a.position, b.position, b.id",
        )?;
        let rows = stmt.query_map([meeting_id], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn get_attachment(&self, id: Id) -> Result<Attachment> {
        get(&self.conn, id)
    }

    /// Attach the file at `path` to an agenda item. The file must be within
    /// [`bilag::MAX_BYTES`] (checked before it is read) and its content must be what its name
    /// says. It is stored once in the workspace's blob store; the row is written in one
    /// transaction, its text extracted later ([`Db::extract_pending_attachment`]).
    pub fn attach_file(&mut self, item_id: Id, path: &Path, new: &NewAttachment<'_>) -> Result<Attachment> {
        let size = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                Error::Validation(Message::new("error-attachment-no-file").arg("file", path.display().to_string()))
            }
            _ => Error::Io(e),
        })?;
        if !size.is_file() {
            return Err(Error::Validation(
                Message::new("error-attachment-no-file").arg("file", path.display().to_string()),
            ));
        }
        if size.len() > bilag::MAX_BYTES {
            return Err(bilag::too_large());
        }
        let bytes = std::fs::read(path)?;
        self.attach_bytes(item_id, &bytes, new)
    }

    /// As [`Db::attach_file`], for bytes already read (a package, a drop in the window).
    pub fn attach_bytes(&mut self, item_id: Id, bytes: &[u8], new: &NewAttachment<'_>) -> Result<Attachment> {
        if bytes.len() as u64 > bilag::MAX_BYTES {
            return Err(bilag::too_large());
        }
        if bytes.is_empty() {
            return Err(Error::Validation(Message::new("error-attachment-empty").arg("file", new.file_name)));
        }
        let file_name = bilag::clean_file_name(new.file_name);
        let media_type = bilag::check_type(&file_name, bytes)?;
        let title = match new.title.map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => validate::required(t, "title", 300)?,
            None => bilag::default_title(&file_name),
        };
        let document_number = validate::optional(new.document_number.unwrap_or(""), "document_number", 100)?;
        // Checked before the file is stored: a refused bilag leaves no file behind.
        {
            let meeting_id = meeting_of_item(&self.conn, item_id)?;
            get_unlocked(&self.conn, meeting_id)?;
        }
        let sha = self.blobs.put(bytes)?;
        let result = self.write(|tx| {
            let meeting_id = meeting_of_item(tx, item_id)?;
            get_unlocked(tx, meeting_id)?;
            let n: i64 =
                tx.query_row("SELECT count(*) FROM attachment WHERE agenda_item_id = ?1", [item_id], |r| r.get(0))?;
            validate::room_for_one(n, bilag::MAX_PER_ITEM, "error-too-many-attachments")?;
            let state = match media_type {
                MediaType::Pdf | MediaType::Docx => TextState::Pending,
                _ => TextState::NotExtracted,
            };
            tx.execute(
                "INSERT INTO attachment (agenda_item_id, position, title, document_number, closed, file_name,
                     media_type, sha256, bytes, uuid, text_state)
                 VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM attachment WHERE agenda_item_id = ?1),
                     ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    item_id,
                    title,
                    document_number,
                    new.closed,
                    file_name,
                    media_type,
                    sha,
                    bytes.len() as i64,
                    crate::packages::new_uuid(),
                    state
                ],
            )?;
            get(tx, tx.last_insert_rowid())
        });
        if result.is_err() {
            self.remove_unreferenced_blobs()?;
        }
        result
    }

    /// Change a bilag's title, document number or openness. Refused once the minutes are
    /// approved.
    pub fn update_attachment(&mut self, id: Id, patch: &AttachmentPatch) -> Result<Attachment> {
        let title = patch.title.as_deref().map(|t| validate::required(t, "title", 300)).transpose()?;
        let number =
            patch.document_number.as_deref().map(|n| validate::optional(n, "document_number", 100)).transpose()?;
        self.write(|tx| {
            let a = get(tx, id)?;
            get_unlocked(tx, meeting_of_item(tx, a.agenda_item_id)?)?;
            tx.execute(
                "UPDATE attachment SET title = coalesce(?2, title), document_number = coalesce(?3, document_number),
                     closed = coalesce(?4, closed), updated_at = ?5 WHERE id = ?1",
                params![id, title, number, patch.closed, now_utc()],
            )?;
            get(tx, id)
        })
    }

    /// Move a bilag to `to_number` (1-based, clamped) within its item; returns the item's bilag.
    pub fn move_attachment(&mut self, id: Id, to_number: u32) -> Result<Vec<Attachment>> {
        self.write(|tx| {
            let a = get(tx, id)?;
            get_unlocked(tx, meeting_of_item(tx, a.agenda_item_id)?)?;
            let mut ids: Vec<Id> =
                list_for_item(tx, a.agenda_item_id)?.iter().map(|b| b.id).filter(|b| *b != id).collect();
            let at = (to_number.max(1) as usize - 1).min(ids.len());
            ids.insert(at, id);
            renumber(tx, &ids)?;
            list_for_item(tx, a.agenda_item_id)
        })
    }

    /// Remove a bilag; the ones after it move up a number. Its file is removed when no other
    /// bilag has the same content (backups keep their own copy).
    pub fn detach(&mut self, id: Id) -> Result<Vec<Attachment>> {
        let list = self.write(|tx| {
            let a = get(tx, id)?;
            get_unlocked(tx, meeting_of_item(tx, a.agenda_item_id)?)?;
            tx.execute("DELETE FROM attachment WHERE id = ?1", [id])?;
            let ids: Vec<Id> = list_for_item(tx, a.agenda_item_id)?.iter().map(|b| b.id).collect();
            renumber(tx, &ids)?;
            list_for_item(tx, a.agenda_item_id)
        })?;
        self.remove_unreferenced_blobs()?;
        Ok(list)
    }

    /// The bytes of a bilag's file, checked against its SHA-256.
    pub fn attachment_bytes(&self, id: Id) -> Result<(Attachment, Vec<u8>)> {
        let a = get(&self.conn, id)?;
        let bytes = self.blobs.get(&a.sha256)?;
        Ok((a, bytes))
    }

    /// The bytes of the file with this SHA-256 (documents that embed bilag, packages).
    pub fn blob(&self, sha: &str) -> Result<Vec<u8>> {
        self.blobs.get(sha)
    }

    pub fn blobs(&self) -> &super::blobs::BlobStore {
        &self.blobs
    }

    /// Every SHA-256 a bilag row refers to.
    pub fn referenced_blobs(&self) -> Result<HashSet<String>> {
        referenced_in(&self.conn)
    }

    /// Remove blob files no bilag refers to any more; returns how many.
    pub fn remove_unreferenced_blobs(&self) -> Result<usize> {
        let referenced = self.referenced_blobs()?;
        self.blobs.remove_unreferenced(&referenced)
    }

    /// The next bilag whose text has not been read yet: its id, type and SHA-256.
    pub fn next_pending_attachment(&self) -> Result<Option<(Id, MediaType, String)>> {
        self.conn
            .query_row(
                "SELECT id, media_type, sha256 FROM attachment WHERE text_state = 'pending' ORDER BY id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .opt()
    }

    /// Store what extraction found for a bilag (and for every other bilag with the same file).
    pub fn save_extracted(&mut self, sha: &str, found: &Extracted) -> Result<()> {
        // The machine's reading of a file, not a person's edit: the audit log is not touched
        // (the triggers audit title, number, openness and position only).
        self.write(|tx| {
            let ids: Vec<Id> = {
                let mut stmt = tx.prepare_cached("SELECT id FROM attachment WHERE sha256 = ?1")?;
                let rows = stmt.query_map([sha], |r| r.get(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
                rows
            };
            for id in ids {
                tx.execute("DELETE FROM attachment_page WHERE attachment_id = ?1", [id])?;
                let mut ins =
                    tx.prepare_cached("INSERT INTO attachment_page (attachment_id, page, text) VALUES (?1, ?2, ?3)")?;
                for (i, text) in found.pages.iter().enumerate() {
                    if !text.trim().is_empty() {
                        ins.execute(params![id, i as i64 + 1, text])?;
                    }
                }
                let pages = (!found.pages.is_empty()).then_some(found.pages.len() as i64);
                tx.execute(
                    "UPDATE attachment SET text_state = ?2, pages = coalesce(?3, pages) WHERE id = ?1",
                    params![id, found.state, pages],
                )?;
            }
            Ok(())
        })
    }

    /// Read the text of one pending bilag (extraction runs on the bytes, outside any
    /// transaction). Returns `false` when none was pending. The CLI and tests call this in a
    /// loop; the app runs it through `Ctx::extract_pending_attachments` (the `pejling` crate) so the
    /// database is not held while a file is read.
    pub fn extract_pending_attachment(&mut self) -> Result<bool> {
        let Some((_, media_type, sha)) = self.next_pending_attachment()? else { return Ok(false) };
        let found = bilag::extract_read(media_type, self.blobs.get(&sha));
        self.save_extracted(&sha, &found)?;
        Ok(true)
    }
}

pub(crate) fn referenced_in(conn: &Connection) -> Result<HashSet<String>> {
    let mut stmt = conn.prepare_cached("SELECT DISTINCT sha256 FROM attachment")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<HashSet<_>>>()?;
    Ok(rows)
}
