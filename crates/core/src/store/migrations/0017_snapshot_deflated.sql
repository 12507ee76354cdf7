-- Issue 20: an approval's snapshot of the approved minutes was JSON text, some 2 KB per agenda
-- item of a twenty-year archive (a fifth of the file). It is kept deflated from now on, in
-- `snapshot_deflated`; `snapshot` stays only as the column older versions wrote, and is
-- emptied here. The fingerprint is still the SHA-256 of the JSON text.
ALTER TABLE minutes_approval ADD COLUMN snapshot_deflated BLOB;

-- Approvals are permanent; the rewrite below changes how the snapshot is stored, not what it
-- says, and the trigger is back as it was before the migration ends.
DROP TRIGGER minutes_approval_permanent_u;
UPDATE minutes_approval SET snapshot_deflated = pejling_deflate(snapshot), snapshot = NULL
WHERE snapshot IS NOT NULL;
CREATE TRIGGER minutes_approval_permanent_u BEFORE UPDATE ON minutes_approval
BEGIN SELECT RAISE(ABORT, 'minutes approvals are permanent'); END;
