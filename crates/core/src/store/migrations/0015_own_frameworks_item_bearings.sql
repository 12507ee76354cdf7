-- A committee's own principles and pejlemærker, written the same way as Gentofte's (a title
-- and a text), beside those it adopts from the library (committee_framework_entry); and the
-- pejlemærker an agenda item is weighed against.
--
-- An agenda item keeps a copy of each chosen pejlemærke's title and text as they read when it
-- was chosen, like a meeting's frozen copy of a question set: the dagsorden and the referat
-- name what the item was weighed against, even if the committee later rewrites or withdraws a
-- pejlemærke. `source_key` says where it came from: `<framework>/<section>/<entry>` for one
-- from the library, `own/<id>` for one of the committee's own.
-- Every change is in the audit log under the person who made it.

CREATE TABLE committee_own_entry (
    id           INTEGER PRIMARY KEY,
    committee_id INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('principle', 'bearing')),
    title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    text         TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 200000),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX committee_own_entry_committee ON committee_own_entry (committee_id, kind);

CREATE TRIGGER committee_own_entry_audit_i AFTER INSERT ON committee_own_entry BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NULL, 'committee_own_entry', NEW.id, 'insert',
        json_object('committee_id', NEW.committee_id, 'kind', NEW.kind, 'title', NEW.title, 'text', NEW.text));
END;

CREATE TRIGGER committee_own_entry_audit_u AFTER UPDATE ON committee_own_entry BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    SELECT pejling_actor(), NULL, 'committee_own_entry', NEW.id, 'update', c FROM (SELECT json_patch('{}', json_object(
        'kind',  CASE WHEN OLD.kind  IS NOT NEW.kind  THEN NEW.kind END,
        'title', CASE WHEN OLD.title IS NOT NEW.title THEN NEW.title END,
        'text',  CASE WHEN OLD.text  IS NOT NEW.text  THEN NEW.text END)) AS c)
    WHERE c <> '{}';
END;

CREATE TRIGGER committee_own_entry_audit_d AFTER DELETE ON committee_own_entry BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NULL, 'committee_own_entry', OLD.id, 'delete',
        json_object('committee_id', OLD.committee_id, 'kind', OLD.kind, 'title', OLD.title, 'text', OLD.text));
END;

CREATE TABLE agenda_item_bearing (
    id             INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    source_key     TEXT NOT NULL CHECK (length(source_key) BETWEEN 1 AND 400),
    title_da       TEXT NOT NULL CHECK (length(title_da) BETWEEN 1 AND 500),
    title_en       TEXT NOT NULL CHECK (length(title_en) BETWEEN 1 AND 500),
    text_da        TEXT NOT NULL DEFAULT '',
    text_en        TEXT NOT NULL DEFAULT '',
    chosen_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (agenda_item_id, source_key)
) STRICT;

CREATE TRIGGER agenda_item_bearing_audit_i AFTER INSERT ON agenda_item_bearing BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), (SELECT meeting_id FROM agenda_item WHERE id = NEW.agenda_item_id),
        'agenda_item_bearing', NEW.id, 'insert',
        json_object('agenda_item_id', NEW.agenda_item_id, 'source_key', NEW.source_key, 'title', NEW.title_da));
END;

CREATE TRIGGER agenda_item_bearing_audit_d AFTER DELETE ON agenda_item_bearing BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), (SELECT meeting_id FROM agenda_item WHERE id = OLD.agenda_item_id),
        'agenda_item_bearing', OLD.id, 'delete',
        json_object('agenda_item_id', OLD.agenda_item_id, 'source_key', OLD.source_key, 'title', OLD.title_da));
END;
