-- Pejling schema 7: the annual cycle (årshjul) and digitalisation projects through the five
-- phases of KL's model.
--
-- A committee's annual cycle is a list of fixed points, each a meeting that recurs every year
-- on a rule: the n-th (or last) weekday of a month ("2. tirsdag i september"), or a day of a
-- month ("1. juni"; a day the month lacks in a given year, e.g. 29 February, falls on the
-- month's last day). Creating a year's meetings records which entry made which meeting for
-- which year (`cycle_meeting`), so doing it twice creates nothing the second time.
--
-- A project stands in one phase (0 Identifikation … 4 Beslutning). Each phase holds what the
-- committee wrote about it (stakeholders, what was learned) and links to meetings and agenda
-- items (their decisions); every change of phase is kept with its time and who made it.

CREATE TABLE cycle_entry (
    id           INTEGER PRIMARY KEY,
    committee_id INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind         TEXT NOT NULL CHECK (kind IN ('ordinary', 'theme')),
    description  TEXT NOT NULL DEFAULT '',
    -- 'weekday': the `week`-th `weekday` of `month` (week 5 = the last one);
    -- 'date': day `day` of `month`.
    rule         TEXT NOT NULL CHECK (rule IN ('weekday', 'date')),
    month        INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    week         INTEGER NOT NULL DEFAULT 1 CHECK (week BETWEEN 1 AND 5),
    -- ISO weekday: 1 Monday … 7 Sunday.
    weekday      INTEGER NOT NULL DEFAULT 2 CHECK (weekday BETWEEN 1 AND 7),
    day          INTEGER NOT NULL DEFAULT 1 CHECK (day BETWEEN 1 AND 31),
    -- Local wall-clock times 'HH:MM' on the meeting's day.
    start_time   TEXT NOT NULL,
    end_time     TEXT NOT NULL CHECK (end_time > start_time),
    place        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX cycle_entry_committee ON cycle_entry (committee_id, month);

-- Which meeting an entry made for which year. A deleted meeting takes its row with it, so the
-- next run offers to create it again; a meeting moved to another day keeps it.
CREATE TABLE cycle_meeting (
    cycle_entry_id INTEGER NOT NULL REFERENCES cycle_entry (id) ON DELETE CASCADE,
    year           INTEGER NOT NULL,
    meeting_id     INTEGER NOT NULL UNIQUE REFERENCES meeting (id) ON DELETE CASCADE,
    PRIMARY KEY (cycle_entry_id, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE project (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description  TEXT NOT NULL DEFAULT '',
    -- The committee that follows the project. A committee with projects is not deleted.
    committee_id INTEGER NOT NULL REFERENCES committee (id) ON DELETE RESTRICT,
    phase        INTEGER NOT NULL DEFAULT 0 CHECK (phase BETWEEN 0 AND 4),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX project_committee ON project (committee_id);

-- What was written in each phase. A row exists for every phase of every project.
CREATE TABLE project_phase (
    project_id   INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    phase        INTEGER NOT NULL CHECK (phase BETWEEN 0 AND 4),
    stakeholders TEXT NOT NULL DEFAULT '',
    learnings    TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (project_id, phase)
) STRICT, WITHOUT ROWID;

-- A meeting, or one agenda item of it (and its decision), linked to a phase.
CREATE TABLE project_link (
    id             INTEGER PRIMARY KEY,
    project_id     INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    phase          INTEGER NOT NULL CHECK (phase BETWEEN 0 AND 4),
    meeting_id     INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    agenda_item_id INTEGER REFERENCES agenda_item (id) ON DELETE CASCADE,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE UNIQUE INDEX project_link_unique ON project_link (project_id, phase, meeting_id, coalesce(agenda_item_id, 0));
CREATE INDEX project_link_meeting ON project_link (meeting_id);

-- The project's history: its creation (from_phase NULL) and every change of phase.
CREATE TABLE project_phase_change (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    from_phase INTEGER CHECK (from_phase BETWEEN 0 AND 4),
    to_phase   INTEGER NOT NULL CHECK (to_phase BETWEEN 0 AND 4),
    note       TEXT NOT NULL DEFAULT '',
    actor      TEXT NOT NULL,
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX project_phase_change_project ON project_phase_change (project_id, id);

-- Projects are found by search like everything else the committee writes: rowid id * 8 + 6
-- in both indexes (see 0005_search.sql), title and description as written and stemmed.
CREATE TRIGGER search_project_i AFTER INSERT ON project BEGIN
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    VALUES (NEW.id * 8 + 6, NEW.title, NEW.description, pejling_stem(NEW.title), pejling_stem(NEW.description));
    INSERT INTO search_trigrams (rowid, title, body) VALUES (NEW.id * 8 + 6, NEW.title, NEW.description);
END;

CREATE TRIGGER search_project_u AFTER UPDATE OF title, description ON project BEGIN
    DELETE FROM search_words WHERE rowid = OLD.id * 8 + 6;
    DELETE FROM search_trigrams WHERE rowid = OLD.id * 8 + 6;
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    VALUES (NEW.id * 8 + 6, NEW.title, NEW.description, pejling_stem(NEW.title), pejling_stem(NEW.description));
    INSERT INTO search_trigrams (rowid, title, body) VALUES (NEW.id * 8 + 6, NEW.title, NEW.description);
END;

CREATE TRIGGER search_project_d AFTER DELETE ON project BEGIN
    DELETE FROM search_words WHERE rowid = OLD.id * 8 + 6;
    DELETE FROM search_trigrams WHERE rowid = OLD.id * 8 + 6;
END;
