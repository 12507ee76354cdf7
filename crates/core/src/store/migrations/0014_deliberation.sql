-- Did insight move the room? Two rounds of positions, reasons, points from every seat, a
-- timebox per question.
--
-- Rounds. A continuum question is answered once, or twice: before the discussion (round 1)
-- and after it (round 2). `continuum_position` always holds the round being taken now, so the
-- live session, the chair's panel and "Placeringer over tid" (the last round of each meeting)
-- work on it unchanged. Starting round 2 moves round 1's positions to `continuum_first_round`,
-- where they never change again, remembers whether round 1 had been revealed, and hides the
-- question for round 2. Both rounds are hidden until revealed.
--
-- Reasons. A position may carry a short reason (from the participant's phone, or typed by the
-- secretary); a skip keeps its own reason in skip_reason.
--
-- Points ("Hvad vil du belyse?"). During a step with a prompt (a TESK perspective) a
-- participant sends short points from the phone. The chair shows them on the room screen
-- (without names), merges duplicates into one, or turns one into a question to the
-- administration (the follow-up item it became is linked).
--
-- Timebox. Minutes planned per question; the time the walk spent at each step is added up as
-- the chair moves on (meeting_walk.step_started_at is when the current step was entered).
--
-- Every change to these tables is audited under the person who made it.

ALTER TABLE walk_step ADD COLUMN round INTEGER NOT NULL DEFAULT 1 CHECK (round IN (1, 2));
ALTER TABLE walk_step ADD COLUMN first_round_revealed INTEGER NOT NULL DEFAULT 0
    CHECK (first_round_revealed IN (0, 1));
ALTER TABLE walk_step ADD COLUMN timebox_minutes INTEGER
    CHECK (timebox_minutes IS NULL OR timebox_minutes BETWEEN 1 AND 240);
ALTER TABLE walk_step ADD COLUMN seconds_used INTEGER NOT NULL DEFAULT 0 CHECK (seconds_used >= 0);

ALTER TABLE meeting_walk ADD COLUMN step_started_at TEXT;

ALTER TABLE continuum_position ADD COLUMN reason TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 500);

-- Round 1 of a question answered twice, as it stood when round 2 began.
CREATE TABLE continuum_first_round (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    set_id         TEXT NOT NULL,
    question_id    TEXT NOT NULL,
    person_id      INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    value          INTEGER CHECK (value BETWEEN 0 AND 100),
    skip_reason    TEXT,
    reason         TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
    answered_at    TEXT NOT NULL,
    CHECK ((value IS NULL) <> (skip_reason IS NULL)),
    PRIMARY KEY (agenda_item_id, set_id, question_id, person_id),
    FOREIGN KEY (agenda_item_id, set_id, question_id) REFERENCES walk_step (agenda_item_id, set_id, question_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER continuum_first_round_immutable BEFORE UPDATE ON continuum_first_round
BEGIN SELECT RAISE(ABORT, 'a finished round does not change'); END;

CREATE TRIGGER continuum_first_round_audit_i AFTER INSERT ON continuum_first_round BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), (SELECT meeting_id FROM agenda_item WHERE id = NEW.agenda_item_id),
        'continuum_first_round', NEW.person_id, 'insert',
        json_object('agenda_item_id', NEW.agenda_item_id, 'set_id', NEW.set_id, 'question_id', NEW.question_id,
                    'value', NEW.value, 'skip_reason', NEW.skip_reason, 'reason', NEW.reason));
END;

CREATE TRIGGER walk_step_round_audit_u AFTER UPDATE ON walk_step
WHEN OLD.round IS NOT NEW.round OR OLD.timebox_minutes IS NOT NEW.timebox_minutes BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    SELECT pejling_actor(), (SELECT meeting_id FROM agenda_item WHERE id = NEW.agenda_item_id),
        'walk_step', NEW.agenda_item_id, 'update', c FROM (SELECT json_patch(
            json_object('set_id', NEW.set_id, 'question_id', NEW.question_id), json_object(
            'round',           CASE WHEN OLD.round IS NOT NEW.round THEN NEW.round END,
            'timebox_minutes', CASE WHEN OLD.timebox_minutes IS NOT NEW.timebox_minutes
                                    THEN coalesce(NEW.timebox_minutes, 0) END)) AS c);
END;

CREATE TRIGGER continuum_position_reason_audit_u AFTER UPDATE ON continuum_position
WHEN OLD.reason IS NOT NEW.reason BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), (SELECT meeting_id FROM agenda_item WHERE id = NEW.agenda_item_id),
        'continuum_position', NEW.person_id, 'update',
        json_object('agenda_item_id', NEW.agenda_item_id, 'set_id', NEW.set_id,
                    'question_id', NEW.question_id, 'reason', NEW.reason));
END;

-- A point sent at a step ("Hvad vil du belyse?").
CREATE TABLE walk_point (
    id             INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    set_id         TEXT NOT NULL,
    question_id    TEXT NOT NULL,
    -- Who sent it; null when typed by the secretary for the room.
    person_id      INTEGER REFERENCES person (id) ON DELETE SET NULL,
    text           TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 500),
    -- Shown on the room screen (never with a name).
    shown          INTEGER NOT NULL DEFAULT 0 CHECK (shown IN (0, 1)),
    -- Merged into another point as a duplicate: shown with it, counted with it.
    merged_into    INTEGER REFERENCES walk_point (id) ON DELETE SET NULL,
    -- The question to the administration it became.
    follow_up_id   INTEGER REFERENCES follow_up (id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (merged_into IS NULL OR merged_into <> id),
    FOREIGN KEY (agenda_item_id, set_id, question_id) REFERENCES walk_step (agenda_item_id, set_id, question_id)
) STRICT;

CREATE INDEX walk_point_step ON walk_point (agenda_item_id, set_id, question_id);
CREATE INDEX walk_point_merged ON walk_point (merged_into);

CREATE TRIGGER walk_point_audit_i AFTER INSERT ON walk_point BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), (SELECT meeting_id FROM agenda_item WHERE id = NEW.agenda_item_id),
        'walk_point', NEW.id, 'insert',
        json_object('agenda_item_id', NEW.agenda_item_id, 'set_id', NEW.set_id, 'question_id', NEW.question_id,
                    'person_id', NEW.person_id, 'text', NEW.text));
END;

CREATE TRIGGER walk_point_audit_u AFTER UPDATE ON walk_point BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    SELECT pejling_actor(), (SELECT meeting_id FROM agenda_item WHERE id = NEW.agenda_item_id),
        'walk_point', NEW.id, 'update', c FROM (SELECT json_patch('{}', json_object(
        'shown',        CASE WHEN OLD.shown IS NOT NEW.shown THEN NEW.shown END,
        'merged_into',  CASE WHEN OLD.merged_into IS NOT NEW.merged_into THEN coalesce(NEW.merged_into, 0) END,
        'follow_up_id', CASE WHEN OLD.follow_up_id IS NOT NEW.follow_up_id THEN coalesce(NEW.follow_up_id, 0) END,
        'text',         CASE WHEN OLD.text IS NOT NEW.text THEN NEW.text END)) AS c)
    WHERE c <> '{}';
END;

CREATE TRIGGER walk_point_audit_d AFTER DELETE ON walk_point BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), (SELECT meeting_id FROM agenda_item WHERE id = OLD.agenda_item_id),
        'walk_point', OLD.id, 'delete', json_object('text', OLD.text));
END;
