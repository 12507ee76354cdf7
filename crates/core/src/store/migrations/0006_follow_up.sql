-- Pejling schema 6: follow-up items (opfølgning) across meetings.
--
-- Until now every follow-up item was a question to the administration raised in a walk, so it
-- always had a meeting. A committee also follows up its decisions and things noted by hand
-- between meetings, so an item now belongs to its committee, and the meeting and agenda item
-- it came from are optional links back. `origin` says how it came about: 'question' (raised at
-- a walk step), 'decision' (from an agenda item's decision) or 'manual' (written by hand).
-- `answered_at` (local time 'YYYY-MM-DDTHH:MM', like meeting times) is when the item was
-- answered, so the committee's list can show what was answered since its last meeting.
--
-- SQLite cannot make a column nullable in place, so follow_up is rebuilt. Ids are kept, so the
-- search index (rowid id * 8 + 5) stays in step; the audit and search triggers go with the
-- old table and are created again unchanged. A follow-up's meeting must belong to its
-- committee, and an agenda item to its meeting: triggers hold both for every writer.
--
-- follow_up_agenda records which follow-up items were put on a meeting's agenda as the draft
-- item "Opfølgning", in the order they were listed there.

CREATE TABLE follow_up_new (
    id             INTEGER PRIMARY KEY,
    committee_id   INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    meeting_id     INTEGER REFERENCES meeting (id) ON DELETE CASCADE,
    agenda_item_id INTEGER REFERENCES agenda_item (id) ON DELETE CASCADE,
    origin         TEXT NOT NULL DEFAULT 'question' CHECK (origin IN ('question', 'decision', 'manual')),
    set_id         TEXT,
    question_id    TEXT,
    text           TEXT NOT NULL CHECK (length(trim(text)) > 0),
    asked_by       INTEGER REFERENCES person (id) ON DELETE SET NULL,
    owner          TEXT NOT NULL DEFAULT '',
    -- 'YYYY-MM-DD'
    due_date       TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'answered', 'closed')),
    answer         TEXT NOT NULL DEFAULT '',
    -- Local time 'YYYY-MM-DDTHH:MM'; set when the item is answered, cleared when it is reopened.
    answered_at    TEXT CHECK (answered_at IS NULL OR answered_at GLOB
                       '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((set_id IS NULL) = (question_id IS NULL)),
    CHECK (set_id IS NULL OR agenda_item_id IS NOT NULL),
    CHECK (agenda_item_id IS NULL OR meeting_id IS NOT NULL),
    CHECK ((origin = 'question') = (set_id IS NOT NULL)),
    CHECK (origin <> 'decision' OR agenda_item_id IS NOT NULL),
    FOREIGN KEY (agenda_item_id, set_id, question_id) REFERENCES walk_step (agenda_item_id, set_id, question_id)
) STRICT;

INSERT INTO follow_up_new (id, committee_id, meeting_id, agenda_item_id, origin, set_id, question_id, text,
                           asked_by, owner, due_date, status, answer, answered_at, created_at, updated_at)
SELECT f.id, m.committee_id, f.meeting_id, f.agenda_item_id,
       CASE WHEN f.set_id IS NOT NULL THEN 'question' WHEN f.agenda_item_id IS NOT NULL THEN 'decision' ELSE 'manual' END,
       f.set_id, f.question_id, f.text, f.asked_by, f.owner,
       CASE WHEN f.due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN f.due_date END,
       f.status, f.answer,
       -- Answered before this version: the last change is the best known time of the answer.
       CASE WHEN f.status IN ('answered', 'closed') AND f.answer <> ''
            THEN strftime('%Y-%m-%dT%H:%M', f.updated_at, 'localtime') END,
       f.created_at, f.updated_at
FROM follow_up f JOIN meeting m ON m.id = f.meeting_id;

DROP TABLE follow_up;
ALTER TABLE follow_up_new RENAME TO follow_up;

CREATE INDEX follow_up_committee ON follow_up (committee_id, status, due_date);
CREATE INDEX follow_up_meeting ON follow_up (meeting_id);
CREATE INDEX follow_up_item ON follow_up (agenda_item_id, set_id, question_id);

CREATE TRIGGER follow_up_committee_i BEFORE INSERT ON follow_up
WHEN NEW.meeting_id IS NOT NULL AND NEW.committee_id IS NOT (SELECT committee_id FROM meeting WHERE id = NEW.meeting_id)
  OR NEW.agenda_item_id IS NOT NULL AND NEW.meeting_id IS NOT (SELECT meeting_id FROM agenda_item WHERE id = NEW.agenda_item_id)
BEGIN SELECT RAISE(ABORT, 'a follow-up item''s meeting and agenda item belong to its committee'); END;

CREATE TRIGGER follow_up_committee_u BEFORE UPDATE OF committee_id, meeting_id, agenda_item_id ON follow_up
WHEN NEW.meeting_id IS NOT NULL AND NEW.committee_id IS NOT (SELECT committee_id FROM meeting WHERE id = NEW.meeting_id)
  OR NEW.agenda_item_id IS NOT NULL AND NEW.meeting_id IS NOT (SELECT meeting_id FROM agenda_item WHERE id = NEW.agenda_item_id)
BEGIN SELECT RAISE(ABORT, 'a follow-up item''s meeting and agenda item belong to its committee'); END;

-- Audit (as in schema 3; the new fields are recorded too).
CREATE TRIGGER follow_up_audit_i AFTER INSERT ON follow_up BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NEW.meeting_id, 'follow_up', NEW.id, 'insert',
        json_object('committee_id', NEW.committee_id, 'agenda_item_id', NEW.agenda_item_id, 'origin', NEW.origin,
                    'set_id', NEW.set_id, 'question_id', NEW.question_id, 'text', NEW.text,
                    'asked_by', NEW.asked_by, 'owner', NEW.owner, 'due_date', NEW.due_date));
END;

CREATE TRIGGER follow_up_audit_u AFTER UPDATE ON follow_up BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    SELECT pejling_actor(), NEW.meeting_id, 'follow_up', NEW.id, 'update', c FROM (SELECT json_patch('{}', json_object(
        'text',        CASE WHEN OLD.text        IS NOT NEW.text        THEN NEW.text END,
        'asked_by',    CASE WHEN OLD.asked_by    IS NOT NEW.asked_by    THEN NEW.asked_by END,
        'owner',       CASE WHEN OLD.owner       IS NOT NEW.owner       THEN NEW.owner END,
        -- A cleared date is recorded as "" (json_patch drops nulls, which would lose it).
        'due_date',    CASE WHEN OLD.due_date    IS NOT NEW.due_date    THEN coalesce(NEW.due_date, '') END,
        'status',      CASE WHEN OLD.status      IS NOT NEW.status      THEN NEW.status END,
        'answer',      CASE WHEN OLD.answer      IS NOT NEW.answer      THEN NEW.answer END,
        'answered_at', CASE WHEN OLD.answered_at IS NOT NEW.answered_at THEN coalesce(NEW.answered_at, '') END)) AS c)
    WHERE c <> '{}';
END;

CREATE TRIGGER follow_up_audit_d AFTER DELETE ON follow_up BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), OLD.meeting_id, 'follow_up', OLD.id, 'delete', json_object('text', OLD.text));
END;

-- Search (as in schema 5): the question or item, then the answer.
CREATE TRIGGER search_follow_up_i AFTER INSERT ON follow_up BEGIN
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    VALUES (NEW.id * 8 + 5, '', concat_ws(char(10), NEW.text, NEW.answer), '',
            pejling_stem(concat_ws(char(10), NEW.text, NEW.answer)));
    INSERT INTO search_trigrams (rowid, title, body)
    VALUES (NEW.id * 8 + 5, '', concat_ws(char(10), NEW.text, NEW.answer));
END;

CREATE TRIGGER search_follow_up_u AFTER UPDATE OF text, answer ON follow_up BEGIN
    DELETE FROM search_words WHERE rowid = OLD.id * 8 + 5;
    DELETE FROM search_trigrams WHERE rowid = OLD.id * 8 + 5;
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    VALUES (NEW.id * 8 + 5, '', concat_ws(char(10), NEW.text, NEW.answer), '',
            pejling_stem(concat_ws(char(10), NEW.text, NEW.answer)));
    INSERT INTO search_trigrams (rowid, title, body)
    VALUES (NEW.id * 8 + 5, '', concat_ws(char(10), NEW.text, NEW.answer));
END;

CREATE TRIGGER search_follow_up_d AFTER DELETE ON follow_up BEGIN
    DELETE FROM search_words WHERE rowid = OLD.id * 8 + 5;
    DELETE FROM search_trigrams WHERE rowid = OLD.id * 8 + 5;
END;

-- Follow-up items listed under a meeting's agenda item "Opfølgning".
CREATE TABLE follow_up_agenda (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    follow_up_id   INTEGER NOT NULL REFERENCES follow_up (id) ON DELETE CASCADE,
    -- 0-based order in the item's list.
    position       INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (agenda_item_id, follow_up_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX follow_up_agenda_follow_up ON follow_up_agenda (follow_up_id);
