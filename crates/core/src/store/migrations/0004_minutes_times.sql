-- Pejling schema 4: the secretary's times in the minutes.
--
-- A referat states when the meeting began ("Mødet påbegyndt kl.") and when the minutes were
-- read and the meeting adjourned ("Protokollen blev læst og mødet hævet kl."). Both are local
-- wall-clock times of the municipality, 'YYYY-MM-DDTHH:MM', like starts_at; null until the
-- secretary marks them. They are minutes content, so the meeting's audit trigger is recreated
-- to record them too.

ALTER TABLE meeting ADD COLUMN began_at TEXT
    CHECK (began_at IS NULL OR began_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]');
ALTER TABLE meeting ADD COLUMN adjourned_at TEXT
    CHECK (adjourned_at IS NULL OR adjourned_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]');

-- The adjournment never comes before the start. (A table CHECK cannot be added to an
-- existing table, so a trigger holds the rule for every writer.)
CREATE TRIGGER meeting_times_order_i BEFORE INSERT ON meeting
WHEN NEW.began_at IS NOT NULL AND NEW.adjourned_at IS NOT NULL AND NEW.adjourned_at < NEW.began_at
BEGIN SELECT RAISE(ABORT, 'a meeting cannot be adjourned before it began'); END;

CREATE TRIGGER meeting_times_order_u BEFORE UPDATE OF began_at, adjourned_at ON meeting
WHEN NEW.began_at IS NOT NULL AND NEW.adjourned_at IS NOT NULL AND NEW.adjourned_at < NEW.began_at
BEGIN SELECT RAISE(ABORT, 'a meeting cannot be adjourned before it began'); END;

DROP TRIGGER meeting_audit_u;

CREATE TRIGGER meeting_audit_u AFTER UPDATE ON meeting BEGIN
    INSERT INTO audit_log (actor, meeting_id, entity, entity_id, action, changes)
    SELECT pejling_actor(), NEW.id, 'meeting', NEW.id, 'update', c FROM (SELECT json_patch('{}', json_object(
        'title',        CASE WHEN OLD.title        IS NOT NEW.title        THEN NEW.title END,
        'kind',         CASE WHEN OLD.kind         IS NOT NEW.kind         THEN NEW.kind END,
        'starts_at',    CASE WHEN OLD.starts_at    IS NOT NEW.starts_at    THEN NEW.starts_at END,
        'ends_at',      CASE WHEN OLD.ends_at      IS NOT NEW.ends_at      THEN NEW.ends_at END,
        'place',        CASE WHEN OLD.place        IS NOT NEW.place        THEN NEW.place END,
        'status',       CASE WHEN OLD.status       IS NOT NEW.status       THEN NEW.status END,
        -- A cleared time is recorded as "" (json_patch drops nulls, which would lose it).
        'began_at',     CASE WHEN OLD.began_at     IS NOT NEW.began_at     THEN coalesce(NEW.began_at, '') END,
        'adjourned_at', CASE WHEN OLD.adjourned_at IS NOT NEW.adjourned_at THEN coalesce(NEW.adjourned_at, '') END)) AS c)
    WHERE c <> '{}';
END;
