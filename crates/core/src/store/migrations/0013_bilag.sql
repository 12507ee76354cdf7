-- Pejling schema 13: bilag (attachments) on agenda items.
--
-- A bilag is a row here and a file in the workspace's content-addressed blob store
-- (`bilag/<first two hex digits>/<sha256>` beside the database; see `store::blobs`): the
-- database holds only its SHA-256, so large files never pass through the WAL and an ordinary
-- edit costs what it cost before. The same file attached twice is stored once.
--
-- Each bilag has its number within its item (position 0.., shown 1., 2., …), a title, an
-- optional document number from the ESDH system, and whether it is closed (left out of the
-- public version). Every change is in the audit log under the person who made it; the text
-- extracted from PDF and DOCX files is kept per page for search (`attachment_page`, kind 7 in
-- the search indexes' rowids `id * 8 + kind`, see 0005_search.sql).

CREATE TABLE attachment (
    id              INTEGER PRIMARY KEY,
    agenda_item_id  INTEGER NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL CHECK (position >= 0),
    title           TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
    document_number TEXT NOT NULL DEFAULT '' CHECK (length(document_number) <= 100),
    closed          INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
    file_name       TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    media_type      TEXT NOT NULL CHECK (media_type IN (
                        'application/pdf',
                        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
                        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
                        'image/png', 'image/jpeg')),
    sha256          TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    bytes           INTEGER NOT NULL CHECK (bytes > 0),
    uuid            TEXT NOT NULL,
    -- What text extraction found: pending until the background extraction has run.
    text_state      TEXT NOT NULL DEFAULT 'pending' CHECK (text_state IN (
                        'pending', 'text', 'no_text_layer', 'encrypted', 'damaged', 'not_extracted', 'too_large')),
    pages           INTEGER CHECK (pages IS NULL OR pages >= 0),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX attachment_item ON attachment (agenda_item_id, position);
CREATE INDEX attachment_sha ON attachment (sha256);
CREATE UNIQUE INDEX attachment_uuid ON attachment (agenda_item_id, uuid);

CREATE TRIGGER attachment_uuid_u BEFORE UPDATE OF uuid ON attachment WHEN OLD.uuid IS NOT NEW.uuid
BEGIN SELECT RAISE(ABORT, 'a stable id never changes'); END;

-- The text of each page (1-based) of a bilag, as extracted; searchable.
CREATE TABLE attachment_page (
    id            INTEGER PRIMARY KEY,
    attachment_id INTEGER NOT NULL REFERENCES attachment (id) ON DELETE CASCADE,
    page          INTEGER NOT NULL CHECK (page >= 1),
    text          TEXT NOT NULL,
    UNIQUE (attachment_id, page)
) STRICT;

CREATE TRIGGER search_attachment_page_i AFTER INSERT ON attachment_page BEGIN
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    SELECT NEW.id * 8 + 7, a.title, NEW.text, pejling_stem(a.title), pejling_stem(NEW.text)
    FROM attachment a WHERE a.id = NEW.attachment_id;
    INSERT INTO search_trigrams (rowid, title, body)
    SELECT rowid, title, body FROM search_words WHERE rowid = NEW.id * 8 + 7;
END;

CREATE TRIGGER search_attachment_page_d AFTER DELETE ON attachment_page BEGIN
    DELETE FROM search_words WHERE rowid = OLD.id * 8 + 7;
    DELETE FROM search_trigrams WHERE rowid = OLD.id * 8 + 7;
END;

-- A renamed bilag is found under its new title.
CREATE TRIGGER search_attachment_u AFTER UPDATE OF title ON attachment BEGIN
    DELETE FROM search_words WHERE rowid IN (SELECT id * 8 + 7 FROM attachment_page WHERE attachment_id = NEW.id);
    DELETE FROM search_trigrams WHERE rowid IN (SELECT id * 8 + 7 FROM attachment_page WHERE attachment_id = NEW.id);
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    SELECT p.id * 8 + 7, NEW.title, p.text, pejling_stem(NEW.title), pejling_stem(p.text)
    FROM attachment_page p WHERE p.attachment_id = NEW.id;
    INSERT INTO search_trigrams (rowid, title, body)
    SELECT p.id * 8 + 7, NEW.title, p.text FROM attachment_page p WHERE p.attachment_id = NEW.id;
END;

-- The audit log: what a person did to a bilag (the extracted text is the machine's, and not
-- audited; its state is).
CREATE TRIGGER attachment_audit_i AFTER INSERT ON attachment BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    SELECT pejling_actor(), a.meeting_id, 'attachment', NEW.id, 'insert',
        json_object('agenda_item_id', NEW.agenda_item_id, 'position', NEW.position, 'title', NEW.title,
                    'document_number', NEW.document_number, 'closed', NEW.closed, 'file_name', NEW.file_name,
                    'media_type', NEW.media_type, 'sha256', NEW.sha256, 'bytes', NEW.bytes, 'uuid', NEW.uuid)
    FROM agenda_item a WHERE a.id = NEW.agenda_item_id;
END;

CREATE TRIGGER attachment_audit_u AFTER UPDATE OF position, title, document_number, closed ON attachment BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    SELECT pejling_actor(), a.meeting_id, 'attachment', NEW.id, 'update', c
    FROM agenda_item a, (SELECT json_patch('{}', json_object(
        'position',        CASE WHEN OLD.position        IS NOT NEW.position        THEN NEW.position END,
        'title',           CASE WHEN OLD.title           IS NOT NEW.title           THEN NEW.title END,
        'document_number', CASE WHEN OLD.document_number IS NOT NEW.document_number THEN NEW.document_number END,
        'closed',          CASE WHEN OLD.closed          IS NOT NEW.closed          THEN NEW.closed END)) AS c)
    WHERE a.id = NEW.agenda_item_id AND c <> '{}';
END;

CREATE TRIGGER attachment_audit_d AFTER DELETE ON attachment BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), (SELECT meeting_id FROM agenda_item WHERE id = OLD.agenda_item_id),
        'attachment', OLD.id, 'delete', json_object('title', OLD.title, 'sha256', OLD.sha256, 'uuid', OLD.uuid));
END;

-- The file of a bilag never changes under its row: a new file is a new bilag.
CREATE TRIGGER attachment_file_fixed BEFORE UPDATE OF sha256, bytes, media_type, file_name, agenda_item_id ON attachment
BEGIN SELECT RAISE(ABORT, 'a bilag''s file never changes; attach a new one'); END;

-- Bilag of approved minutes are part of the record: no change, no removal.
CREATE TRIGGER attachment_locked_i BEFORE INSERT ON attachment
WHEN (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id WHERE a.id = NEW.agenda_item_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'the bilag of approved minutes are permanent'); END;
CREATE TRIGGER attachment_locked_u BEFORE UPDATE OF position, title, document_number, closed ON attachment
WHEN (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id WHERE a.id = OLD.agenda_item_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'the bilag of approved minutes are permanent'); END;
CREATE TRIGGER attachment_locked_d BEFORE DELETE ON attachment
WHEN (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id WHERE a.id = OLD.agenda_item_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'the bilag of approved minutes are permanent'); END;
