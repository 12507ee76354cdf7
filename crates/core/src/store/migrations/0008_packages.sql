-- Pejling schema 8: meeting packages (.pejling files) between machines.
--
-- A package carries a prepared meeting to another machine and what was taken there back
-- again. Row ids differ from database to database, so the rows a package names get a stable
-- identity: a random UUID (version 4) per committee, person, meeting, agenda item and
-- follow-up item (unique in the workspace; an item's and a follow-up's within its meeting,
-- so one package can be imported again as a copy with a new meeting id), backfilled here for every existing row and given to every new row by a
-- trigger (an ALTER TABLE cannot add a column with a non-constant default). Walk steps need
-- none: a step is already known by (agenda item, set, question) everywhere.
--
-- package_import keeps what the package a meeting was imported from had recorded (notes,
-- positions, questions to the administration, attendance, guests): the base that the return
-- package carries back, so a merge can tell "changed there" from "changed
-- here". package_merge records every merge into a meeting: whose package from which machine,
-- who merged it and when, and each change applied or conflict resolved, with its author.

ALTER TABLE committee ADD COLUMN uuid TEXT;
ALTER TABLE person ADD COLUMN uuid TEXT;
ALTER TABLE meeting ADD COLUMN uuid TEXT;
ALTER TABLE agenda_item ADD COLUMN uuid TEXT;
ALTER TABLE follow_up ADD COLUMN uuid TEXT;

UPDATE committee SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE uuid IS NULL;
UPDATE person SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE uuid IS NULL;
UPDATE meeting SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE uuid IS NULL;
UPDATE agenda_item SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE uuid IS NULL;
UPDATE follow_up SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE uuid IS NULL;

CREATE UNIQUE INDEX committee_uuid ON committee (uuid);
CREATE UNIQUE INDEX person_uuid ON person (uuid);
CREATE UNIQUE INDEX meeting_uuid ON meeting (uuid);
CREATE UNIQUE INDEX agenda_item_uuid ON agenda_item (meeting_id, uuid);
CREATE UNIQUE INDEX follow_up_uuid ON follow_up (meeting_id, uuid);

CREATE TRIGGER committee_uuid_i AFTER INSERT ON committee WHEN NEW.uuid IS NULL
BEGIN UPDATE committee SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = NEW.id; END;
CREATE TRIGGER person_uuid_i AFTER INSERT ON person WHEN NEW.uuid IS NULL
BEGIN UPDATE person SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = NEW.id; END;
CREATE TRIGGER meeting_uuid_i AFTER INSERT ON meeting WHEN NEW.uuid IS NULL
BEGIN UPDATE meeting SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = NEW.id; END;
CREATE TRIGGER agenda_item_uuid_i AFTER INSERT ON agenda_item WHEN NEW.uuid IS NULL
BEGIN UPDATE agenda_item SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = NEW.id; END;
CREATE TRIGGER follow_up_uuid_i AFTER INSERT ON follow_up WHEN NEW.uuid IS NULL
BEGIN UPDATE follow_up SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = NEW.id; END;

-- A stable id never changes once given.
CREATE TRIGGER committee_uuid_u BEFORE UPDATE OF uuid ON committee WHEN OLD.uuid IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a stable id never changes'); END;
CREATE TRIGGER person_uuid_u BEFORE UPDATE OF uuid ON person WHEN OLD.uuid IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a stable id never changes'); END;
CREATE TRIGGER meeting_uuid_u BEFORE UPDATE OF uuid ON meeting WHEN OLD.uuid IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a stable id never changes'); END;
CREATE TRIGGER agenda_item_uuid_u BEFORE UPDATE OF uuid ON agenda_item WHEN OLD.uuid IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a stable id never changes'); END;
CREATE TRIGGER follow_up_uuid_u BEFORE UPDATE OF uuid ON follow_up WHEN OLD.uuid IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a stable id never changes'); END;

CREATE TABLE package_import (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL UNIQUE REFERENCES meeting (id) ON DELETE CASCADE,
    package_id  TEXT NOT NULL,
    -- The machine and person the package came from, and when it was written there.
    source      TEXT NOT NULL,
    exported_by TEXT NOT NULL,
    exported_at TEXT NOT NULL,
    -- The package's records as imported (JSON): the base of a later merge.
    base        TEXT NOT NULL CHECK (json_valid(base)),
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE package_merge (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    package_id  TEXT NOT NULL,
    source      TEXT NOT NULL,
    exported_by TEXT NOT NULL,
    exported_at TEXT NOT NULL,
    merged_by   TEXT NOT NULL,
    merged_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- JSON array: every change applied and every conflict with its resolution and author.
    changes     TEXT NOT NULL CHECK (json_valid(changes))
) STRICT;

CREATE INDEX package_merge_meeting ON package_merge (meeting_id, id);

CREATE TRIGGER package_merge_permanent_u BEFORE UPDATE ON package_merge
BEGIN SELECT RAISE(ABORT, 'a merge record is permanent'); END;
CREATE TRIGGER package_merge_permanent_d BEFORE DELETE ON package_merge
WHEN EXISTS (SELECT 1 FROM meeting WHERE id = OLD.meeting_id)
BEGIN SELECT RAISE(ABORT, 'a merge record is permanent'); END;
