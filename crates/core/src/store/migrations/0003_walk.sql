-- Pejling schema 3: the guided temamøde ("the walk").
--
-- A committee walks an agenda item through questions taken from versioned question sets:
-- it takes notes per question, raises questions to the administration, and places itself on
-- continuum questions. Minutes quote what the committee answered, so every walk reads its
-- question texts from the meeting's own frozen copy of each set version, never from the
-- library: a later set, or a later build with corrected built-ins, cannot change old minutes.
--
-- Step data (notes, positions, questions to the administration) is keyed by the stable
-- (agenda item, set, question) of its step, not by the step's index, so reordering a plan
-- keeps every note with its question. A step with data cannot be dropped from a plan: the
-- foreign keys to walk_step are checked at the end of each statement (NO ACTION), so deleting
-- a whole agenda item or meeting cascades cleanly while deleting one step with data fails.

-- Sets a user imported. Built-in sets are compiled into the app and not stored here.
-- (set_id, version) names one immutable content; a changed text is a new version.
CREATE TABLE question_set (
    set_id      TEXT NOT NULL CHECK (length(set_id) > 0),
    version     INTEGER NOT NULL CHECK (version >= 1),
    kind        TEXT NOT NULL CHECK (kind IN ('questions', 'continuum', 'phases')),
    -- The parsed set as canonical JSON: the authority for its content.
    content     TEXT NOT NULL CHECK (json_valid(content)),
    -- The TOML as imported, comments included, so it can be exported and edited again.
    source      TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (set_id, version)
) STRICT;

CREATE TRIGGER question_set_immutable BEFORE UPDATE ON question_set
BEGIN SELECT RAISE(ABORT, 'a question set version is immutable; import a new version'); END;

-- A meeting's frozen copy of each question set version its walk plans use.
CREATE TABLE meeting_question_set (
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    set_id     TEXT NOT NULL,
    version    INTEGER NOT NULL CHECK (version >= 1),
    content    TEXT NOT NULL CHECK (json_valid(content)),
    frozen_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (meeting_id, set_id, version)
) STRICT;

CREATE TRIGGER meeting_question_set_immutable BEFORE UPDATE ON meeting_question_set
BEGIN SELECT RAISE(ABORT, 'a frozen question set is immutable'); END;

-- The walk plan of an agenda item: the case under discussion, and its steps.
CREATE TABLE walk_plan (
    agenda_item_id  INTEGER PRIMARY KEY REFERENCES agenda_item (id) ON DELETE CASCADE,
    case_technology TEXT NOT NULL DEFAULT '',
    case_problem    TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- One question of a walk. One version per set per item.
CREATE TABLE walk_step (
    agenda_item_id INTEGER NOT NULL REFERENCES walk_plan (agenda_item_id) ON DELETE CASCADE,
    set_id         TEXT NOT NULL,
    question_id    TEXT NOT NULL,
    set_version    INTEGER NOT NULL CHECK (set_version >= 1),
    group_id       TEXT NOT NULL,
    -- 0-based order in the walk.
    step           INTEGER NOT NULL CHECK (step >= 0),
    -- The positions on this (continuum) question are shown to the room.
    revealed       INTEGER NOT NULL DEFAULT 0 CHECK (revealed IN (0, 1)),
    PRIMARY KEY (agenda_item_id, set_id, question_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX walk_step_order ON walk_step (agenda_item_id, step);

-- Where a meeting's walk is, and whether positions are shown with names.
CREATE TABLE meeting_walk (
    meeting_id      INTEGER PRIMARY KEY REFERENCES meeting (id) ON DELETE CASCADE,
    current_item_id INTEGER REFERENCES agenda_item (id) ON DELETE SET NULL,
    current_step    INTEGER NOT NULL DEFAULT 0 CHECK (current_step >= 0),
    positions_named INTEGER NOT NULL DEFAULT 0 CHECK (positions_named IN (0, 1)),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Recorded attendance. A committee member without a row is present; when the minutes are
-- approved every member's attendance is written down, so a later change of the committee's
-- membership does not change who attended.
CREATE TABLE attendance (
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    status     TEXT NOT NULL CHECK (status IN ('present', 'absent', 'apologies')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (meeting_id, person_id)
) STRICT, WITHOUT ROWID;

-- People at the meeting who are not committee members: experts, citizens, officials from
-- elsewhere. Named only; they take no positions.
CREATE TABLE meeting_guest (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    affiliation TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX meeting_guest_meeting ON meeting_guest (meeting_id);

-- The secretary's note on one step.
CREATE TABLE step_note (
    id             INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    set_id         TEXT NOT NULL,
    question_id    TEXT NOT NULL,
    text           TEXT NOT NULL,
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (agenda_item_id, set_id, question_id),
    FOREIGN KEY (agenda_item_id, set_id, question_id) REFERENCES walk_step (agenda_item_id, set_id, question_id)
) STRICT;

-- Follow-up items. Today each is a question to the administration raised at a walk step;
-- owner, due date, status and answer are there for following them up across meetings.
-- The step columns are null for a follow-up not raised at a step.
CREATE TABLE follow_up (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    agenda_item_id INTEGER REFERENCES agenda_item (id) ON DELETE CASCADE,
    set_id         TEXT,
    question_id    TEXT,
    text           TEXT NOT NULL CHECK (length(trim(text)) > 0),
    asked_by       INTEGER REFERENCES person (id) ON DELETE SET NULL,
    owner          TEXT NOT NULL DEFAULT '',
    -- 'YYYY-MM-DD'
    due_date       TEXT,
    status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'answered', 'closed')),
    answer         TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((set_id IS NULL) = (question_id IS NULL)),
    CHECK (set_id IS NULL OR agenda_item_id IS NOT NULL),
    FOREIGN KEY (agenda_item_id, set_id, question_id) REFERENCES walk_step (agenda_item_id, set_id, question_id)
) STRICT;

CREATE INDEX follow_up_meeting ON follow_up (meeting_id);
CREATE INDEX follow_up_item ON follow_up (agenda_item_id, set_id, question_id);
CREATE INDEX follow_up_status ON follow_up (status, due_date);

-- A participant's position on a continuum question: 0 (extreme left) to 100 (extreme
-- right), or skipped with a reason (which may be empty).
CREATE TABLE continuum_position (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    set_id         TEXT NOT NULL,
    question_id    TEXT NOT NULL,
    person_id      INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    value          INTEGER CHECK (value BETWEEN 0 AND 100),
    skip_reason    TEXT,
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((value IS NULL) <> (skip_reason IS NULL)),
    PRIMARY KEY (agenda_item_id, set_id, question_id, person_id),
    FOREIGN KEY (agenda_item_id, set_id, question_id) REFERENCES walk_step (agenda_item_id, set_id, question_id)
) STRICT, WITHOUT ROWID;

-- Audit: notes, questions to the administration and attendance are minutes content.
CREATE TRIGGER step_note_audit_i AFTER INSERT ON step_note BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), (SELECT meeting_id FROM agenda_item WHERE id = NEW.agenda_item_id),
        'step_note', NEW.id, 'insert',
        json_object('agenda_item_id', NEW.agenda_item_id, 'set_id', NEW.set_id,
                    'question_id', NEW.question_id, 'text', NEW.text));
END;

CREATE TRIGGER step_note_audit_u AFTER UPDATE ON step_note WHEN OLD.text IS NOT NEW.text BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), (SELECT meeting_id FROM agenda_item WHERE id = NEW.agenda_item_id),
        'step_note', NEW.id, 'update', json_object('text', NEW.text));
END;

CREATE TRIGGER step_note_audit_d AFTER DELETE ON step_note BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), (SELECT meeting_id FROM agenda_item WHERE id = OLD.agenda_item_id),
        'step_note', OLD.id, 'delete', json_object('text', OLD.text));
END;

CREATE TRIGGER follow_up_audit_i AFTER INSERT ON follow_up BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NEW.meeting_id, 'follow_up', NEW.id, 'insert',
        json_object('agenda_item_id', NEW.agenda_item_id, 'set_id', NEW.set_id,
                    'question_id', NEW.question_id, 'text', NEW.text, 'asked_by', NEW.asked_by));
END;

CREATE TRIGGER follow_up_audit_u AFTER UPDATE ON follow_up BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    SELECT pejling_actor(), NEW.meeting_id, 'follow_up', NEW.id, 'update', c FROM (SELECT json_patch('{}', json_object(
        'text',     CASE WHEN OLD.text     IS NOT NEW.text     THEN NEW.text END,
        'asked_by', CASE WHEN OLD.asked_by IS NOT NEW.asked_by THEN NEW.asked_by END,
        'owner',    CASE WHEN OLD.owner    IS NOT NEW.owner    THEN NEW.owner END,
        'due_date', CASE WHEN OLD.due_date IS NOT NEW.due_date THEN NEW.due_date END,
        'status',   CASE WHEN OLD.status   IS NOT NEW.status   THEN NEW.status END,
        'answer',   CASE WHEN OLD.answer   IS NOT NEW.answer   THEN NEW.answer END)) AS c)
    WHERE c <> '{}';
END;

CREATE TRIGGER follow_up_audit_d AFTER DELETE ON follow_up BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), OLD.meeting_id, 'follow_up', OLD.id, 'delete', json_object('text', OLD.text));
END;

CREATE TRIGGER attendance_audit_i AFTER INSERT ON attendance BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NEW.meeting_id, 'attendance', NEW.person_id, 'insert',
        json_object('status', NEW.status));
END;

CREATE TRIGGER attendance_audit_u AFTER UPDATE ON attendance WHEN OLD.status IS NOT NEW.status BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NEW.meeting_id, 'attendance', NEW.person_id, 'update',
        json_object('status', NEW.status));
END;
