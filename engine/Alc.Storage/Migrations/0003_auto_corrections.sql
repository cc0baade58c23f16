-- Schema v3: automated correction and region checks (the default strategy). Per round, the labels the automated
-- correction changed (a blob of pixel changes, replayed before the round's answers) and what it measured; a query
-- with a region_blob is a region check, whose answer covers those pixels instead of its superpixel.
CREATE TABLE auto_corrections (
    round_id        INTEGER PRIMARY KEY REFERENCES rounds(id) ON DELETE CASCADE,
    changed_pixels  INTEGER NOT NULL CHECK (changed_pixels >= 0),
    changes_blob    TEXT NOT NULL,
    record_json     TEXT NOT NULL
);

ALTER TABLE queries ADD COLUMN region_blob TEXT;
