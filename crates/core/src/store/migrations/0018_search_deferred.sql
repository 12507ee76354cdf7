-- Pejling schema 18: the search index is brought up to date after a save, not inside it
-- (issue 20: the search triggers cost three to six times the UPDATE they rode on, in every save
-- of a twenty-year archive).
--
-- Each search trigger deleted the changed document from both indexes (`search_words`,
-- `search_trigrams`, see `0016_search_size.sql`) and wrote it again, Danish stems and all,
-- inside the save's own transaction, so every autosave of an agenda item's text paid for
-- indexing the whole item twice over, and for FTS5's merging of the small segment it left.
-- From here on a trigger only notes which document is stale: its rowid in the indexes
-- (`id * 8 + kind`, as before) in `search_pending`, once however often it changes. The store
-- indexes the pending documents in a batch, from their source rows, in Rust-driven SQL
-- (`store::search::flush_pending`): before anything reads the indexes (search is never
-- stale), once the saves pause, when the database is closed, and when it is opened with
-- documents still pending (a crash leaves the queue in the file; nothing is lost). A pending
-- document whose source row is gone is only deleted from the indexes.
--
-- Every kind is deferred alike, deletes too: a deleted row's document leaves the indexes at
-- the next flush, which comes before any search. The audit triggers are untouched: every
-- change is still logged, in its own transaction, under its person.

CREATE TABLE search_pending (
    doc INTEGER PRIMARY KEY
);

-- A document already queued stays queued once. `ON CONFLICT DO NOTHING`, not `INSERT OR
-- IGNORE`: a trigger's OR clause gives way to the statement that fired it (an upsert's
-- update, say, which aborts on a conflict).

DROP TRIGGER search_committee_i;
DROP TRIGGER search_committee_u;
DROP TRIGGER search_committee_d;
DROP TRIGGER search_meeting_i;
DROP TRIGGER search_meeting_u;
DROP TRIGGER search_meeting_d;
DROP TRIGGER search_agenda_item_i;
DROP TRIGGER search_agenda_item_u;
DROP TRIGGER search_agenda_item_d;
DROP TRIGGER search_walk_plan_i;
DROP TRIGGER search_walk_plan_u;
DROP TRIGGER search_walk_plan_d;
DROP TRIGGER search_step_note_i;
DROP TRIGGER search_step_note_u;
DROP TRIGGER search_step_note_d;
DROP TRIGGER search_follow_up_i;
DROP TRIGGER search_follow_up_u;
DROP TRIGGER search_follow_up_d;
DROP TRIGGER search_project_i;
DROP TRIGGER search_project_u;
DROP TRIGGER search_project_d;
DROP TRIGGER search_attachment_page_i;
DROP TRIGGER search_attachment_page_d;
DROP TRIGGER search_attachment_u;

-- Committees (1).
CREATE TRIGGER search_committee_i AFTER INSERT ON committee BEGIN
    INSERT INTO search_pending (doc) VALUES (NEW.id * 8 + 1) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_committee_u AFTER UPDATE OF name, description ON committee BEGIN
    INSERT INTO search_pending (doc) VALUES (OLD.id * 8 + 1), (NEW.id * 8 + 1) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_committee_d AFTER DELETE ON committee BEGIN
    INSERT INTO search_pending (doc) VALUES (OLD.id * 8 + 1) ON CONFLICT DO NOTHING;
END;

-- Meetings (2).
CREATE TRIGGER search_meeting_i AFTER INSERT ON meeting BEGIN
    INSERT INTO search_pending (doc) VALUES (NEW.id * 8 + 2) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_meeting_u AFTER UPDATE OF title, place ON meeting BEGIN
    INSERT INTO search_pending (doc) VALUES (OLD.id * 8 + 2), (NEW.id * 8 + 2) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_meeting_d AFTER DELETE ON meeting BEGIN
    INSERT INTO search_pending (doc) VALUES (OLD.id * 8 + 2) ON CONFLICT DO NOTHING;
END;

-- Agenda items (3), whose document includes their walk plan's case texts.
CREATE TRIGGER search_agenda_item_i AFTER INSERT ON agenda_item BEGIN
    INSERT INTO search_pending (doc) VALUES (NEW.id * 8 + 3) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_agenda_item_u AFTER UPDATE OF title, case_id, summary, background, recommendation,
    previous_decisions, decision ON agenda_item BEGIN
    INSERT INTO search_pending (doc) VALUES (OLD.id * 8 + 3), (NEW.id * 8 + 3) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_agenda_item_d AFTER DELETE ON agenda_item BEGIN
    INSERT INTO search_pending (doc) VALUES (OLD.id * 8 + 3) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_walk_plan_i AFTER INSERT ON walk_plan BEGIN
    INSERT INTO search_pending (doc) VALUES (NEW.agenda_item_id * 8 + 3) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_walk_plan_u AFTER UPDATE OF case_technology, case_problem ON walk_plan BEGIN
    INSERT INTO search_pending (doc) VALUES (NEW.agenda_item_id * 8 + 3) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_walk_plan_d AFTER DELETE ON walk_plan BEGIN
    INSERT INTO search_pending (doc) VALUES (OLD.agenda_item_id * 8 + 3) ON CONFLICT DO NOTHING;
END;

-- Notes from the walk (4).
CREATE TRIGGER search_step_note_i AFTER INSERT ON step_note BEGIN
    INSERT INTO search_pending (doc) VALUES (NEW.id * 8 + 4) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_step_note_u AFTER UPDATE OF text ON step_note BEGIN
    INSERT INTO search_pending (doc) VALUES (OLD.id * 8 + 4), (NEW.id * 8 + 4) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_step_note_d AFTER DELETE ON step_note BEGIN
    INSERT INTO search_pending (doc) VALUES (OLD.id * 8 + 4) ON CONFLICT DO NOTHING;
END;

-- Questions to the administration (5).
CREATE TRIGGER search_follow_up_i AFTER INSERT ON follow_up BEGIN
    INSERT INTO search_pending (doc) VALUES (NEW.id * 8 + 5) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_follow_up_u AFTER UPDATE OF text, answer ON follow_up BEGIN
    INSERT INTO search_pending (doc) VALUES (OLD.id * 8 + 5), (NEW.id * 8 + 5) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_follow_up_d AFTER DELETE ON follow_up BEGIN
    INSERT INTO search_pending (doc) VALUES (OLD.id * 8 + 5) ON CONFLICT DO NOTHING;
END;

-- Projects (6).
CREATE TRIGGER search_project_i AFTER INSERT ON project BEGIN
    INSERT INTO search_pending (doc) VALUES (NEW.id * 8 + 6) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_project_u AFTER UPDATE OF title, description ON project BEGIN
    INSERT INTO search_pending (doc) VALUES (OLD.id * 8 + 6), (NEW.id * 8 + 6) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_project_d AFTER DELETE ON project BEGIN
    INSERT INTO search_pending (doc) VALUES (OLD.id * 8 + 6) ON CONFLICT DO NOTHING;
END;

-- The pages of a bilag (7), whose documents include the bilag's title.
CREATE TRIGGER search_attachment_page_i AFTER INSERT ON attachment_page BEGIN
    INSERT INTO search_pending (doc) VALUES (NEW.id * 8 + 7) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_attachment_page_d AFTER DELETE ON attachment_page BEGIN
    INSERT INTO search_pending (doc) VALUES (OLD.id * 8 + 7) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER search_attachment_u AFTER UPDATE OF title ON attachment BEGIN
    INSERT INTO search_pending (doc)
    SELECT id * 8 + 7 FROM attachment_page WHERE attachment_id = NEW.id ON CONFLICT DO NOTHING;
END;
