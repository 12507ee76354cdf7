-- The live session's part of the audit log: which participant, from which device.
--
-- Every position a participant writes from their own device, and every decision on who
-- may take which name (approved by the chair, admitted by `serve --admit-all`, taken with a
-- personal one-time code the chair handed out, refused, released, blocked), is one row in audit_log (written by the store, not by a trigger) and
-- one row here beside it, naming the participant and the device. The device is known to
-- one session only: `session` is a random id of that session (never its join code),
-- `device_id` the device's number in it, `device_label` its kind, browser and address as
-- the chair saw them.
CREATE TABLE audit_live (
    audit_id     INTEGER PRIMARY KEY REFERENCES audit_log (id),
    session      TEXT NOT NULL,
    person_id    INTEGER NOT NULL,
    person_name  TEXT NOT NULL,
    device_id    INTEGER NOT NULL,
    device_label TEXT NOT NULL,
    address      TEXT NOT NULL,
    event        TEXT NOT NULL
        CHECK (event IN ('approved', 'admitted', 'code', 'refused', 'released', 'blocked', 'position'))
) STRICT;

CREATE INDEX audit_live_person ON audit_live (person_id, audit_id);

CREATE TRIGGER audit_live_permanent_u BEFORE UPDATE ON audit_live
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_live_permanent_d BEFORE DELETE ON audit_live
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
