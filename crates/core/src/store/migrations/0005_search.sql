-- Pejling schema 5: Danish full-text search over everything the committee has written.
--
-- One search finds committees (name, description), meetings (title, place), agenda items
-- (title, case id, summary, background, recommendation, previous decisions, decision and the
-- walk plan's case texts), notes from the walk and questions to the administration
-- (follow-up items: question and answer). Two FTS5 indexes hold the text:
--
-- * `search_words`: whole words with `unicode61 remove_diacritics 0`, so "får" is not "far"
--   and "å" is not "a". Each text is stored twice: as written (title, body), and Danish-stemmed
--   by `pejling_stem()` (title_stem, body_stem) — a function the app registers on every
--   connection (Snowball's Danish stemmer), so "udvalgene" finds "udvalget".
-- * `search_trigrams`: the same raw text in trigrams (contentless), so "udvalg" finds
--   "Økonomiudvalgets": Danish writes compound words as one word.
--
-- A source row is one document in both indexes, under the rowid `id * 8 + kind`:
-- 1 committee, 2 meeting, 3 agenda item, 4 note (step_note), 5 follow-up. Triggers on the
-- source tables keep both indexes in step with every write, and deleted rows (also by
-- cascade) leave the indexes with them. Titles, ids and openness are looked up at search
-- time, so the indexes hold only text.

CREATE VIRTUAL TABLE search_words USING fts5(
    title, body, title_stem, body_stem,
    tokenize = 'unicode61 remove_diacritics 0'
);

-- Words in the title count more than words in the body; a word as written counts more than
-- one that only shares its stem.
INSERT INTO search_words (search_words, rank) VALUES ('rank', 'bm25(10.0, 2.0, 5.0, 1.0)');

CREATE VIRTUAL TABLE search_trigrams USING fts5(
    title, body,
    tokenize = 'trigram', content = '', contentless_delete = 1
);

INSERT INTO search_trigrams (search_trigrams, rank) VALUES ('rank', 'bm25(5.0, 1.0)');

-- An agenda item's searchable text: its fields, one per line, and its walk plan's case.
CREATE VIEW search_agenda_item_text (id, title, body) AS
SELECT a.id, a.title,
       concat_ws(char(10), a.case_id, a.summary, a.background, a.recommendation,
                 a.previous_decisions, a.decision, w.case_technology, w.case_problem)
FROM agenda_item a LEFT JOIN walk_plan w ON w.agenda_item_id = a.id;

-- Committees.
CREATE TRIGGER search_committee_i AFTER INSERT ON committee BEGIN
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    VALUES (NEW.id * 8 + 1, NEW.name, NEW.description, pejling_stem(NEW.name), pejling_stem(NEW.description));
    INSERT INTO search_trigrams (rowid, title, body) VALUES (NEW.id * 8 + 1, NEW.name, NEW.description);
END;

CREATE TRIGGER search_committee_u AFTER UPDATE OF name, description ON committee BEGIN
    DELETE FROM search_words WHERE rowid = OLD.id * 8 + 1;
    DELETE FROM search_trigrams WHERE rowid = OLD.id * 8 + 1;
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    VALUES (NEW.id * 8 + 1, NEW.name, NEW.description, pejling_stem(NEW.name), pejling_stem(NEW.description));
    INSERT INTO search_trigrams (rowid, title, body) VALUES (NEW.id * 8 + 1, NEW.name, NEW.description);
END;

CREATE TRIGGER search_committee_d AFTER DELETE ON committee BEGIN
    DELETE FROM search_words WHERE rowid = OLD.id * 8 + 1;
    DELETE FROM search_trigrams WHERE rowid = OLD.id * 8 + 1;
END;

-- Meetings.
CREATE TRIGGER search_meeting_i AFTER INSERT ON meeting BEGIN
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    VALUES (NEW.id * 8 + 2, NEW.title, NEW.place, pejling_stem(NEW.title), pejling_stem(NEW.place));
    INSERT INTO search_trigrams (rowid, title, body) VALUES (NEW.id * 8 + 2, NEW.title, NEW.place);
END;

CREATE TRIGGER search_meeting_u AFTER UPDATE OF title, place ON meeting BEGIN
    DELETE FROM search_words WHERE rowid = OLD.id * 8 + 2;
    DELETE FROM search_trigrams WHERE rowid = OLD.id * 8 + 2;
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    VALUES (NEW.id * 8 + 2, NEW.title, NEW.place, pejling_stem(NEW.title), pejling_stem(NEW.place));
    INSERT INTO search_trigrams (rowid, title, body) VALUES (NEW.id * 8 + 2, NEW.title, NEW.place);
END;

CREATE TRIGGER search_meeting_d AFTER DELETE ON meeting BEGIN
    DELETE FROM search_words WHERE rowid = OLD.id * 8 + 2;
    DELETE FROM search_trigrams WHERE rowid = OLD.id * 8 + 2;
END;

-- Agenda items, with their walk plan's case texts.
CREATE TRIGGER search_agenda_item_i AFTER INSERT ON agenda_item BEGIN
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    SELECT id * 8 + 3, title, body, pejling_stem(title), pejling_stem(body)
    FROM search_agenda_item_text WHERE id = NEW.id;
    INSERT INTO search_trigrams (rowid, title, body)
    SELECT rowid, title, body FROM search_words WHERE rowid = NEW.id * 8 + 3;
END;

CREATE TRIGGER search_agenda_item_u AFTER UPDATE OF title, case_id, summary, background, recommendation,
    previous_decisions, decision ON agenda_item BEGIN
    DELETE FROM search_words WHERE rowid = OLD.id * 8 + 3;
    DELETE FROM search_trigrams WHERE rowid = OLD.id * 8 + 3;
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    SELECT id * 8 + 3, title, body, pejling_stem(title), pejling_stem(body)
    FROM search_agenda_item_text WHERE id = NEW.id;
    INSERT INTO search_trigrams (rowid, title, body)
    SELECT rowid, title, body FROM search_words WHERE rowid = NEW.id * 8 + 3;
END;

CREATE TRIGGER search_agenda_item_d AFTER DELETE ON agenda_item BEGIN
    DELETE FROM search_words WHERE rowid = OLD.id * 8 + 3;
    DELETE FROM search_trigrams WHERE rowid = OLD.id * 8 + 3;
END;

-- A walk plan's case belongs to its agenda item's document. On a deleted plan the item is
-- written again without it (or not at all, when the item itself is being deleted).
CREATE TRIGGER search_walk_plan_i AFTER INSERT ON walk_plan BEGIN
    DELETE FROM search_words WHERE rowid = NEW.agenda_item_id * 8 + 3;
    DELETE FROM search_trigrams WHERE rowid = NEW.agenda_item_id * 8 + 3;
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    SELECT id * 8 + 3, title, body, pejling_stem(title), pejling_stem(body)
    FROM search_agenda_item_text WHERE id = NEW.agenda_item_id;
    INSERT INTO search_trigrams (rowid, title, body)
    SELECT rowid, title, body FROM search_words WHERE rowid = NEW.agenda_item_id * 8 + 3;
END;

CREATE TRIGGER search_walk_plan_u AFTER UPDATE OF case_technology, case_problem ON walk_plan BEGIN
    DELETE FROM search_words WHERE rowid = NEW.agenda_item_id * 8 + 3;
    DELETE FROM search_trigrams WHERE rowid = NEW.agenda_item_id * 8 + 3;
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    SELECT id * 8 + 3, title, body, pejling_stem(title), pejling_stem(body)
    FROM search_agenda_item_text WHERE id = NEW.agenda_item_id;
    INSERT INTO search_trigrams (rowid, title, body)
    SELECT rowid, title, body FROM search_words WHERE rowid = NEW.agenda_item_id * 8 + 3;
END;

CREATE TRIGGER search_walk_plan_d AFTER DELETE ON walk_plan BEGIN
    DELETE FROM search_words WHERE rowid = OLD.agenda_item_id * 8 + 3;
    DELETE FROM search_trigrams WHERE rowid = OLD.agenda_item_id * 8 + 3;
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    SELECT id * 8 + 3, title, body, pejling_stem(title), pejling_stem(body)
    FROM search_agenda_item_text WHERE id = OLD.agenda_item_id;
    INSERT INTO search_trigrams (rowid, title, body)
    SELECT rowid, title, body FROM search_words WHERE rowid = OLD.agenda_item_id * 8 + 3;
END;

-- Notes from the walk: the text is the body; the title shown is the agenda item's.
CREATE TRIGGER search_step_note_i AFTER INSERT ON step_note BEGIN
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    VALUES (NEW.id * 8 + 4, '', NEW.text, '', pejling_stem(NEW.text));
    INSERT INTO search_trigrams (rowid, title, body) VALUES (NEW.id * 8 + 4, '', NEW.text);
END;

CREATE TRIGGER search_step_note_u AFTER UPDATE OF text ON step_note BEGIN
    DELETE FROM search_words WHERE rowid = OLD.id * 8 + 4;
    DELETE FROM search_trigrams WHERE rowid = OLD.id * 8 + 4;
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    VALUES (NEW.id * 8 + 4, '', NEW.text, '', pejling_stem(NEW.text));
    INSERT INTO search_trigrams (rowid, title, body) VALUES (NEW.id * 8 + 4, '', NEW.text);
END;

CREATE TRIGGER search_step_note_d AFTER DELETE ON step_note BEGIN
    DELETE FROM search_words WHERE rowid = OLD.id * 8 + 4;
    DELETE FROM search_trigrams WHERE rowid = OLD.id * 8 + 4;
END;

-- Questions to the administration (follow-up items): the question, then the answer.
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

-- What was written before this version.
INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
SELECT id * 8 + 1, name, description, pejling_stem(name), pejling_stem(description) FROM committee;
INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
SELECT id * 8 + 2, title, place, pejling_stem(title), pejling_stem(place) FROM meeting;
INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
SELECT id * 8 + 3, title, body, pejling_stem(title), pejling_stem(body) FROM search_agenda_item_text;
INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
SELECT id * 8 + 4, '', text, '', pejling_stem(text) FROM step_note;
INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
SELECT id * 8 + 5, '', concat_ws(char(10), text, answer), '', pejling_stem(concat_ws(char(10), text, answer))
FROM follow_up;
INSERT INTO search_trigrams (rowid, title, body) SELECT rowid, title, body FROM search_words;
