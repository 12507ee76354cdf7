-- Pejling schema 16: a search index without copies of the text (issue 20: ≤ 8,000 bytes per
-- agenda item in a twenty-year archive, where the index used more room than the minutes).
--
-- `search_words` kept a copy of every text twice over (as written and Danish-stemmed) beside
-- its index; the source rows already hold the text. Both indexes are now contentless: they
-- hold the index alone, and search cuts its snippets from the source rows (`Db::search`).
-- Everything else is as in `0005_search.sql`: the columns, the tokenizers, the ranking and
-- the rowids `id * 8 + kind` (1 committee, 2 meeting, 3 agenda item, 4 note, 5 follow-up,
-- 6 project, 7 a page of a bilag). The triggers that copied the trigram text out of
-- `search_words` now read it from the source (the others only delete, or write both indexes
-- from the source already, and stay as they are).
--
-- The trigram index was the largest part of the file: it kept the position of every trigram.
-- It now keeps only which documents hold a trigram (`detail = none`): a part of a word is
-- asked for as all of its trigrams, and each document found is checked against its text.
--
-- `search_vocabulary` is the word index's own vocabulary, per column (fts5vocab): the words
-- "Mente du: …?" suggests for a mistyped one are the workspace's own.
--
-- The search triggers are the index's bookkeeping, not a person's change; the audit triggers
-- are untouched and still log every change.

DROP TRIGGER search_agenda_item_i;
DROP TRIGGER search_agenda_item_u;
DROP TRIGGER search_walk_plan_i;
DROP TRIGGER search_walk_plan_u;
DROP TRIGGER search_walk_plan_d;
DROP TRIGGER search_attachment_page_i;

DROP TABLE search_words;
DROP TABLE search_trigrams;

CREATE VIRTUAL TABLE search_words USING fts5(
    title, body, title_stem, body_stem,
    tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1
);

INSERT INTO search_words (search_words, rank) VALUES ('rank', 'bm25(10.0, 2.0, 5.0, 1.0)');

CREATE VIRTUAL TABLE search_trigrams USING fts5(
    title, body,
    tokenize = 'trigram', content = '', contentless_delete = 1, detail = none
);

INSERT INTO search_trigrams (search_trigrams, rank) VALUES ('rank', 'bm25(5.0, 1.0)');

CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(search_words, col);

-- Agenda items, with their walk plan's case texts.
CREATE TRIGGER search_agenda_item_i AFTER INSERT ON agenda_item BEGIN
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    SELECT id * 8 + 3, title, body, pejling_stem(title), pejling_stem(body)
    FROM search_agenda_item_text WHERE id = NEW.id;
    INSERT INTO search_trigrams (rowid, title, body)
    SELECT id * 8 + 3, title, body FROM search_agenda_item_text WHERE id = NEW.id;
END;

CREATE TRIGGER search_agenda_item_u AFTER UPDATE OF title, case_id, summary, background, recommendation,
    previous_decisions, decision ON agenda_item BEGIN
    DELETE FROM search_words WHERE rowid = OLD.id * 8 + 3;
    DELETE FROM search_trigrams WHERE rowid = OLD.id * 8 + 3;
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    SELECT id * 8 + 3, title, body, pejling_stem(title), pejling_stem(body)
    FROM search_agenda_item_text WHERE id = NEW.id;
    INSERT INTO search_trigrams (rowid, title, body)
    SELECT id * 8 + 3, title, body FROM search_agenda_item_text WHERE id = NEW.id;
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
    SELECT id * 8 + 3, title, body FROM search_agenda_item_text WHERE id = NEW.agenda_item_id;
END;

CREATE TRIGGER search_walk_plan_u AFTER UPDATE OF case_technology, case_problem ON walk_plan BEGIN
    DELETE FROM search_words WHERE rowid = NEW.agenda_item_id * 8 + 3;
    DELETE FROM search_trigrams WHERE rowid = NEW.agenda_item_id * 8 + 3;
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    SELECT id * 8 + 3, title, body, pejling_stem(title), pejling_stem(body)
    FROM search_agenda_item_text WHERE id = NEW.agenda_item_id;
    INSERT INTO search_trigrams (rowid, title, body)
    SELECT id * 8 + 3, title, body FROM search_agenda_item_text WHERE id = NEW.agenda_item_id;
END;

CREATE TRIGGER search_walk_plan_d AFTER DELETE ON walk_plan BEGIN
    DELETE FROM search_words WHERE rowid = OLD.agenda_item_id * 8 + 3;
    DELETE FROM search_trigrams WHERE rowid = OLD.agenda_item_id * 8 + 3;
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    SELECT id * 8 + 3, title, body, pejling_stem(title), pejling_stem(body)
    FROM search_agenda_item_text WHERE id = OLD.agenda_item_id;
    INSERT INTO search_trigrams (rowid, title, body)
    SELECT id * 8 + 3, title, body FROM search_agenda_item_text WHERE id = OLD.agenda_item_id;
END;

-- The pages of a bilag: its title and the page's text.
CREATE TRIGGER search_attachment_page_i AFTER INSERT ON attachment_page BEGIN
    INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
    SELECT NEW.id * 8 + 7, a.title, NEW.text, pejling_stem(a.title), pejling_stem(NEW.text)
    FROM attachment a WHERE a.id = NEW.attachment_id;
    INSERT INTO search_trigrams (rowid, title, body)
    SELECT NEW.id * 8 + 7, a.title, NEW.text FROM attachment a WHERE a.id = NEW.attachment_id;
END;

-- Everything written so far, indexed afresh.
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
INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
SELECT id * 8 + 6, title, description, pejling_stem(title), pejling_stem(description) FROM project;
INSERT INTO search_words (rowid, title, body, title_stem, body_stem)
SELECT p.id * 8 + 7, a.title, p.text, pejling_stem(a.title), pejling_stem(p.text)
FROM attachment_page p JOIN attachment a ON a.id = p.attachment_id;

INSERT INTO search_trigrams (rowid, title, body) SELECT id * 8 + 1, name, description FROM committee;
INSERT INTO search_trigrams (rowid, title, body) SELECT id * 8 + 2, title, place FROM meeting;
INSERT INTO search_trigrams (rowid, title, body) SELECT id * 8 + 3, title, body FROM search_agenda_item_text;
INSERT INTO search_trigrams (rowid, title, body) SELECT id * 8 + 4, '', text FROM step_note;
INSERT INTO search_trigrams (rowid, title, body)
SELECT id * 8 + 5, '', concat_ws(char(10), text, answer) FROM follow_up;
INSERT INTO search_trigrams (rowid, title, body) SELECT id * 8 + 6, title, description FROM project;
INSERT INTO search_trigrams (rowid, title, body)
SELECT p.id * 8 + 7, a.title, p.text FROM attachment_page p JOIN attachment a ON a.id = p.attachment_id;

-- Written in one go, the indexes are merged into as few segments as possible.
INSERT INTO search_words (search_words) VALUES ('optimize');
INSERT INTO search_trigrams (search_trigrams) VALUES ('optimize');
