-- Pejling schema 1: committees, people and memberships, meetings, agenda items.
-- A shipped migration is never edited; later changes are new files.

CREATE TABLE committee (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- Case-folded name (Rust's Unicode lowercase, so "Ø" folds too): unique per workspace.
    name_key    TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('standing', 'task', 'finance', 'council', 'other')),
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE person (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    party      TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE membership (
    committee_id INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    role         TEXT NOT NULL CHECK (role IN ('chair', 'vice_chair', 'member', 'citizen_member', 'secretary', 'official')),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (committee_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX membership_person ON membership (person_id);

CREATE TABLE meeting (
    id           INTEGER PRIMARY KEY,
    committee_id INTEGER NOT NULL REFERENCES committee (id) ON DELETE RESTRICT,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind         TEXT NOT NULL CHECK (kind IN ('ordinary', 'theme')),
    -- Local wall-clock time of the municipality, 'YYYY-MM-DDTHH:MM'.
    starts_at    TEXT NOT NULL,
    ends_at      TEXT NOT NULL CHECK (ends_at > starts_at),
    place        TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'draft'
                 CHECK (status IN ('draft', 'agenda_sent', 'in_progress', 'closed', 'minutes_approved')),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX meeting_committee_start ON meeting (committee_id, starts_at);

CREATE TABLE agenda_item (
    id                 INTEGER PRIMARY KEY,
    meeting_id         INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    -- 0-based order within the meeting; the item's number is position + 1.
    position           INTEGER NOT NULL CHECK (position >= 0),
    title              TEXT NOT NULL CHECK (length(trim(title)) > 0),
    openness           TEXT NOT NULL DEFAULT 'open' CHECK (openness IN ('open', 'closed')),
    case_id            TEXT NOT NULL DEFAULT '',
    summary            TEXT NOT NULL DEFAULT '',
    background         TEXT NOT NULL DEFAULT '',
    recommendation     TEXT NOT NULL DEFAULT '',
    previous_decisions TEXT NOT NULL DEFAULT '',
    decision           TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX agenda_item_meeting_position ON agenda_item (meeting_id, position);
