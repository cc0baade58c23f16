-- Schema v6: a running job records the stage it is in and how far that stage has got, beside its overall progress,
-- so a client shows "auto-correcting 40 %" and an overall fraction that only moves forward.
ALTER TABLE jobs ADD COLUMN stage TEXT;
ALTER TABLE jobs ADD COLUMN stage_progress REAL NOT NULL DEFAULT 0;
