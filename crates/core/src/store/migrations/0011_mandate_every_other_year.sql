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

-- A recurring meeting of the annual cycle may come every other year (as the DIS model's
-- conference): every_years 2, in the years first_year, first_year + 2, …; every_years 1 is every
-- year from first_year (1970, the cycle's first year, for the entries made before).
ALTER TABLE cycle_entry ADD COLUMN every_years INTEGER NOT NULL DEFAULT 1 CHECK (every_years IN (1, 2));
ALTER TABLE cycle_entry ADD COLUMN first_year INTEGER NOT NULL DEFAULT 1970 CHECK (first_year BETWEEN 1970 AND 2999);
