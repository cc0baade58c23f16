-- Schema v2: a job names the round it works for, so a restarted engine can resume the round's state machine.
ALTER TABLE jobs ADD COLUMN round_id INTEGER REFERENCES rounds(id) ON DELETE CASCADE;
CREATE INDEX jobs_by_round ON jobs (round_id);
