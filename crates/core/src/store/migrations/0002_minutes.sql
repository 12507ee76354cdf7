-- Minutes as legal records: approvals with a fingerprint, permanent amendments, and an audit
-- log written by triggers, so no write path in any version of the code can bypass it.
-- `pejling_actor()` is a function the app registers on every connection: the name of the
-- person working (set in the app), recorded with each change.

CREATE TABLE minutes_approval (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE RESTRICT,
    person_id   INTEGER REFERENCES person (id) ON DELETE SET NULL,
    -- The approver's name and role as they were at approval.
    name        TEXT NOT NULL,
    role        TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    -- SHA-256 (hex) of the canonical minutes content that was approved.
    fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
    UNIQUE (meeting_id, person_id)
) STRICT;

CREATE TABLE minutes_amendment (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meeting (id) ON DELETE RESTRICT,
    agenda_item_id INTEGER REFERENCES agenda_item (id) ON DELETE RESTRICT,
    field          TEXT NOT NULL,
    old_text       TEXT NOT NULL,
    new_text       TEXT NOT NULL,
    reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    made_by        TEXT NOT NULL,
    made_at        TEXT NOT NULL
) STRICT;

CREATE TRIGGER minutes_approval_permanent_u BEFORE UPDATE ON minutes_approval
BEGIN SELECT RAISE(ABORT, 'minutes approvals are permanent'); END;
CREATE TRIGGER minutes_approval_permanent_d BEFORE DELETE ON minutes_approval
BEGIN SELECT RAISE(ABORT, 'minutes approvals are permanent'); END;
CREATE TRIGGER minutes_amendment_permanent_u BEFORE UPDATE ON minutes_amendment
BEGIN SELECT RAISE(ABORT, 'minutes amendments are permanent'); END;
CREATE TRIGGER minutes_amendment_permanent_d BEFORE DELETE ON minutes_amendment
BEGIN SELECT RAISE(ABORT, 'minutes amendments are permanent'); END;

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    actor      TEXT NOT NULL,
    -- No foreign keys: the log outlives what it describes.
    meeting_id INTEGER,
    entity     TEXT NOT NULL,
    entity_id  INTEGER NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    -- JSON object of the fields that changed, each with its new value.
    changes    TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_meeting ON audit_log (meeting_id, id);

CREATE TRIGGER audit_log_permanent_u BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_permanent_d BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TRIGGER meeting_audit_i AFTER INSERT ON meeting BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NEW.id, 'meeting', NEW.id, 'insert',
        json_object('title', NEW.title, 'kind', NEW.kind, 'starts_at', NEW.starts_at,
                    'ends_at', NEW.ends_at, 'place', NEW.place, 'status', NEW.status));
END;

CREATE TRIGGER meeting_audit_u AFTER UPDATE ON meeting BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    SELECT pejling_actor(), NEW.id, 'meeting', NEW.id, 'update', c FROM (SELECT json_patch('{}', json_object(
        'title',     CASE WHEN OLD.title     IS NOT NEW.title     THEN NEW.title END,
        'kind',      CASE WHEN OLD.kind      IS NOT NEW.kind      THEN NEW.kind END,
        'starts_at', CASE WHEN OLD.starts_at IS NOT NEW.starts_at THEN NEW.starts_at END,
        'ends_at',   CASE WHEN OLD.ends_at   IS NOT NEW.ends_at   THEN NEW.ends_at END,
        'place',     CASE WHEN OLD.place     IS NOT NEW.place     THEN NEW.place END,
        'status',    CASE WHEN OLD.status    IS NOT NEW.status    THEN NEW.status END)) AS c)
    WHERE c <> '{}';
END;

CREATE TRIGGER meeting_audit_d AFTER DELETE ON meeting BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), OLD.id, 'meeting', OLD.id, 'delete', json_object('title', OLD.title));
END;

CREATE TRIGGER agenda_item_audit_i AFTER INSERT ON agenda_item BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NEW.meeting_id, 'agenda_item', NEW.id, 'insert',
        json_object('title', NEW.title, 'position', NEW.position));
END;

CREATE TRIGGER agenda_item_audit_u AFTER UPDATE ON agenda_item BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    SELECT pejling_actor(), NEW.meeting_id, 'agenda_item', NEW.id, 'update', c FROM (SELECT json_patch('{}', json_object(
        'position',           CASE WHEN OLD.position           IS NOT NEW.position           THEN NEW.position END,
        'title',              CASE WHEN OLD.title              IS NOT NEW.title              THEN NEW.title END,
        'openness',           CASE WHEN OLD.openness           IS NOT NEW.openness           THEN NEW.openness END,
        'case_id',            CASE WHEN OLD.case_id            IS NOT NEW.case_id            THEN NEW.case_id END,
        'summary',            CASE WHEN OLD.summary            IS NOT NEW.summary            THEN NEW.summary END,
        'background',         CASE WHEN OLD.background         IS NOT NEW.background         THEN NEW.background END,
        'recommendation',     CASE WHEN OLD.recommendation     IS NOT NEW.recommendation     THEN NEW.recommendation END,
        'previous_decisions', CASE WHEN OLD.previous_decisions IS NOT NEW.previous_decisions THEN NEW.previous_decisions END,
        'decision',           CASE WHEN OLD.decision           IS NOT NEW.decision           THEN NEW.decision END)) AS c)
    WHERE c <> '{}';
END;

CREATE TRIGGER agenda_item_audit_d AFTER DELETE ON agenda_item BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), OLD.meeting_id, 'agenda_item', OLD.id, 'delete', json_object('title', OLD.title));
END;

-- A random, permanent id of this workspace: calendar UIDs are built from it, so a meeting
-- exported twice updates the same calendar entry, and two municipalities never collide.
CREATE TABLE workspace (
    id         TEXT NOT NULL PRIMARY KEY,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

INSERT INTO workspace (id) VALUES (lower(hex(randomblob(16))));
