-- A committee's kommissorium (its mandate): what the council asked it to do, as the committee
-- page shows it and the documents print it. Empty for a committee that has none written down.
ALTER TABLE committee ADD COLUMN mandate TEXT NOT NULL DEFAULT '';

-- Changes to the mandate are audited under the person who made them (the committee's other
-- fields are not records of a meeting; the mandate is what the minutes refer to).
CREATE TRIGGER committee_mandate_audit_u AFTER UPDATE OF mandate ON committee
WHEN NEW.mandate IS NOT OLD.mandate BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    VALUES (pejling_actor(), NULL, 'committee', NEW.id, 'update', json_object('mandate', NEW.mandate));
END;
