-- Schema v5: answers from a labeling tool can be revised and withdrawn. An answer may name where it came from
-- (source: e.g. a Label Studio annotation) and which revision of it (revision: the annotation's update time), so a later
-- revision of the same source supersedes it and a deleted annotation withdraws it while its round is open. Nothing
-- acknowledged is lost: a superseded or withdrawn answer is kept in answer_history with why and when.
ALTER TABLE answers ADD COLUMN source TEXT;
ALTER TABLE answers ADD COLUMN revision TEXT;
CREATE INDEX answers_by_source ON answers (source) WHERE source IS NOT NULL;

CREATE TABLE answer_history (
    id               INTEGER PRIMARY KEY,
    answer_id        INTEGER NOT NULL,
    query_id         INTEGER NOT NULL REFERENCES queries(id),
    idempotency_key  TEXT NOT NULL,
    annotator        TEXT NOT NULL,
    verdict          TEXT NOT NULL CHECK (verdict IN ('confirm', 'correct', 'unsure')),
    label            INTEGER,
    elapsed_ms       INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    source           TEXT,
    revision         TEXT,
    ended_at         TEXT NOT NULL,
    ended_by         TEXT NOT NULL CHECK (ended_by IN ('revised', 'withdrawn'))
);
CREATE INDEX answer_history_by_query ON answer_history (query_id);
