-- Pejling schema 9: a record nobody can quietly break.
--
-- The audit log gets columns of its own for who made a change and how it came here: the
-- role of the person working (actor_role: sekretær, formand, …, from the machine's identity
-- or the CLI's --role) and, for a change merged from a meeting package, its author there
-- (author), the machine the package came from (via_package) and who merged it (merged_by).
-- Until now a merged change's provenance was text in `actor`, cut at 500 characters. The
-- columns take their values from functions the app registers on every connection, as
-- `actor` does through pejling_actor(), so every audit trigger of every version fills them
-- without being rewritten. SQLite cannot add a column with such a default in place, so the
-- log is rebuilt (ids kept) and its append-only triggers are created again.
--
-- An approval stores a snapshot of the approved document (JSON: committee, the names and
-- roles of everyone it names, and the record itself with people by id); its fingerprint is
-- the snapshot's SHA-256, so a later rename changes no approved referat, and `verify` can
-- say what differs.
--
-- Every change is audited: committees, people, memberships, attendance (now its removal
-- too), guests, imported question sets, a meeting's frozen sets, package imports and merges,
-- approvals and amendments. And what approved minutes recorded stays: a person named in
-- approved minutes' attendance is never deleted, and that attendance never changes.

CREATE TABLE audit_log_new (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    actor       TEXT NOT NULL,
    actor_role  TEXT DEFAULT (pejling_actor_role())
                CHECK (actor_role IS NULL OR actor_role IN ('chair', 'vice_chair', 'member', 'citizen_member', 'secretary', 'official')),
    author      TEXT DEFAULT (pejling_author()),
    via_package TEXT DEFAULT (pejling_via_package()),
    merged_by   TEXT DEFAULT (pejling_merged_by()),
    -- No foreign keys: the log outlives what it describes.
    meeting_id  INTEGER,
    entity      TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    -- JSON object of the fields that changed, each with its new value.
    changes     TEXT NOT NULL
) STRICT;

INSERT INTO audit_log_new (id, at, actor, actor_role, author, via_package, merged_by, meeting_id, entity, entity_id, action, changes)
SELECT id, at, actor, NULL, NULL, NULL, NULL, meeting_id, entity, entity_id, action, changes FROM audit_log;

-- Every audit trigger names audit_log: in legacy mode the rename leaves them as they are (they
-- find the new table under the old name) instead of checking them against the dropped one.
PRAGMA legacy_alter_table = ON;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
PRAGMA legacy_alter_table = OFF;

CREATE INDEX audit_log_meeting ON audit_log (meeting_id, id);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);

CREATE TRIGGER audit_log_permanent_u BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_permanent_d BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

ALTER TABLE minutes_approval ADD COLUMN snapshot TEXT CHECK (snapshot IS NULL OR json_valid(snapshot));

-- Committees, people and memberships.
CREATE TRIGGER committee_audit_i AFTER INSERT ON committee BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NULL, 'committee', NEW.id, 'insert',
        json_object('name', NEW.name, 'kind', NEW.kind, 'description', NEW.description));
END;

CREATE TRIGGER committee_audit_u AFTER UPDATE ON committee BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    SELECT pejling_actor(), NULL, 'committee', NEW.id, 'update', c FROM (SELECT json_patch('{}', json_object(
        'name',        CASE WHEN OLD.name        IS NOT NEW.name        THEN NEW.name END,
        'kind',        CASE WHEN OLD.kind        IS NOT NEW.kind        THEN NEW.kind END,
        'description', CASE WHEN OLD.description IS NOT NEW.description THEN NEW.description END)) AS c)
    WHERE c <> '{}';
END;

CREATE TRIGGER committee_audit_d AFTER DELETE ON committee BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NULL, 'committee', OLD.id, 'delete', json_object('name', OLD.name));
END;

CREATE TRIGGER person_audit_i AFTER INSERT ON person BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NULL, 'person', NEW.id, 'insert', json_object('name', NEW.name, 'party', NEW.party));
END;

CREATE TRIGGER person_audit_u AFTER UPDATE ON person BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    SELECT pejling_actor(), NULL, 'person', NEW.id, 'update', c FROM (SELECT json_patch('{}', json_object(
        'name',  CASE WHEN OLD.name  IS NOT NEW.name  THEN NEW.name END,
        'party', CASE WHEN OLD.party IS NOT NEW.party THEN coalesce(NEW.party, '') END)) AS c)
    WHERE c <> '{}';
END;

CREATE TRIGGER person_audit_d AFTER DELETE ON person BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NULL, 'person', OLD.id, 'delete', json_object('name', OLD.name));
END;

CREATE TRIGGER membership_audit_i AFTER INSERT ON membership BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NULL, 'membership', NEW.person_id, 'insert',
        json_object('committee_id', NEW.committee_id, 'role', NEW.role));
END;

CREATE TRIGGER membership_audit_u AFTER UPDATE ON membership WHEN OLD.role IS NOT NEW.role BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NULL, 'membership', NEW.person_id, 'update',
        json_object('committee_id', NEW.committee_id, 'role', NEW.role));
END;

CREATE TRIGGER membership_audit_d AFTER DELETE ON membership BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NULL, 'membership', OLD.person_id, 'delete',
        json_object('committee_id', OLD.committee_id, 'role', OLD.role));
END;

-- Attendance (insert and update are audited since schema 3), guests.
CREATE TRIGGER attendance_audit_d AFTER DELETE ON attendance BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), OLD.meeting_id, 'attendance', OLD.person_id, 'delete', json_object('status', OLD.status));
END;

CREATE TRIGGER meeting_guest_audit_i AFTER INSERT ON meeting_guest BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NEW.meeting_id, 'meeting_guest', NEW.id, 'insert',
        json_object('name', NEW.name, 'affiliation', NEW.affiliation));
END;

CREATE TRIGGER meeting_guest_audit_u AFTER UPDATE ON meeting_guest BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    SELECT pejling_actor(), NEW.meeting_id, 'meeting_guest', NEW.id, 'update', c FROM (SELECT json_patch('{}', json_object(
        'name',        CASE WHEN OLD.name        IS NOT NEW.name        THEN NEW.name END,
        'affiliation', CASE WHEN OLD.affiliation IS NOT NEW.affiliation THEN NEW.affiliation END)) AS c)
    WHERE c <> '{}';
END;

CREATE TRIGGER meeting_guest_audit_d AFTER DELETE ON meeting_guest BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), OLD.meeting_id, 'meeting_guest', OLD.id, 'delete', json_object('name', OLD.name));
END;

-- Question sets: an imported version, and a meeting's frozen copy.
CREATE TRIGGER question_set_audit_i AFTER INSERT ON question_set BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NULL, 'question_set', NEW.rowid, 'insert',
        json_object('set_id', NEW.set_id, 'version', NEW.version, 'kind', NEW.kind, 'imported_by', NEW.imported_by));
END;

CREATE TRIGGER question_set_audit_d AFTER DELETE ON question_set BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NULL, 'question_set', OLD.rowid, 'delete',
        json_object('set_id', OLD.set_id, 'version', OLD.version));
END;

CREATE TRIGGER meeting_question_set_audit_i AFTER INSERT ON meeting_question_set BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NEW.meeting_id, 'meeting_question_set', NEW.rowid, 'insert',
        json_object('set_id', NEW.set_id, 'version', NEW.version));
END;

-- Packages, approvals and amendments.
CREATE TRIGGER package_import_audit_i AFTER INSERT ON package_import BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NEW.meeting_id, 'package_import', NEW.id, 'insert',
        json_object('package_id', NEW.package_id, 'source', NEW.source, 'exported_by', NEW.exported_by,
                    'exported_at', NEW.exported_at));
END;

CREATE TRIGGER package_merge_audit_i AFTER INSERT ON package_merge BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NEW.meeting_id, 'package_merge', NEW.id, 'insert',
        json_object('package_id', NEW.package_id, 'source', NEW.source, 'exported_by', NEW.exported_by,
                    'exported_at', NEW.exported_at, 'merged_by', NEW.merged_by));
END;

CREATE TRIGGER minutes_approval_audit_i AFTER INSERT ON minutes_approval BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NEW.meeting_id, 'minutes_approval', NEW.id, 'insert',
        json_object('name', NEW.name, 'role', NEW.role, 'fingerprint', NEW.fingerprint));
END;

CREATE TRIGGER minutes_amendment_audit_i AFTER INSERT ON minutes_amendment BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NEW.meeting_id, 'minutes_amendment', NEW.id, 'insert',
        json_object('agenda_item_id', NEW.agenda_item_id, 'field', NEW.field, 'new_text', NEW.new_text,
                    'reason', NEW.reason));
END;

-- What approved minutes recorded stays.
CREATE TRIGGER person_in_approved_minutes_d BEFORE DELETE ON person
WHEN EXISTS (SELECT 1 FROM attendance a JOIN meeting m ON m.id = a.meeting_id
             WHERE a.person_id = OLD.id AND m.status = 'minutes_approved')
BEGIN SELECT RAISE(ABORT, 'a person named in approved minutes is kept'); END;

CREATE TRIGGER attendance_approved_u BEFORE UPDATE ON attendance
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'the attendance of approved minutes is permanent'); END;

CREATE TRIGGER attendance_approved_d BEFORE DELETE ON attendance
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'the attendance of approved minutes is permanent'); END;
