-- The principles and pejlemærker a committee has adopted from the frameworks library
-- (assets/frameworks, compiled into the app): by reference to the framework, its section and
-- the entry, so the texts stay the transcribed ones. Every adoption and withdrawal is in the
-- audit log under the person who made it.

CREATE TABLE committee_framework_entry (
    id           INTEGER PRIMARY KEY,
    committee_id INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    framework_id TEXT NOT NULL CHECK (length(framework_id) BETWEEN 1 AND 100),
    section_id   TEXT NOT NULL CHECK (length(section_id) BETWEEN 1 AND 100),
    entry_id     TEXT NOT NULL CHECK (length(entry_id) BETWEEN 1 AND 100),
    adopted_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (committee_id, framework_id, section_id, entry_id)
) STRICT;

CREATE TRIGGER committee_framework_entry_audit_i AFTER INSERT ON committee_framework_entry BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NULL, 'committee_framework_entry', NEW.id, 'insert',
        json_object('committee_id', NEW.committee_id, 'framework_id', NEW.framework_id,
                    'section_id', NEW.section_id, 'entry_id', NEW.entry_id));
END;

CREATE TRIGGER committee_framework_entry_audit_d AFTER DELETE ON committee_framework_entry BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NULL, 'committee_framework_entry', OLD.id, 'delete',
        json_object('committee_id', OLD.committee_id, 'framework_id', OLD.framework_id,
                    'section_id', OLD.section_id, 'entry_id', OLD.entry_id));
END;

-- KL's five cross-cutting recommendations (kl-catalogue, section `recommendations`) as a
-- checklist on a project: per recommendation whether the project has acted on it, and a note.
CREATE TABLE project_recommendation (
    project_id        INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    recommendation_id TEXT NOT NULL CHECK (length(recommendation_id) BETWEEN 1 AND 100),
    done              INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    note              TEXT NOT NULL DEFAULT '',
    updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (project_id, recommendation_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER project_recommendation_audit_i AFTER INSERT ON project_recommendation BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NULL, 'project_recommendation', NEW.project_id, 'insert',
        json_object('recommendation_id', NEW.recommendation_id, 'done', NEW.done, 'note', NEW.note));
END;

CREATE TRIGGER project_recommendation_audit_u AFTER UPDATE ON project_recommendation BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NULL, 'project_recommendation', NEW.project_id, 'update',
        json_object('recommendation_id', NEW.recommendation_id, 'done', NEW.done, 'note', NEW.note));
END;
