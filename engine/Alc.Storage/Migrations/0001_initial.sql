-- Schema v1: datasets, images, projects (correction campaigns), rounds, queries with leases, answers,
-- applied corrections, idempotency records, jobs, models and per-round metrics. Large arrays live in the
-- blob store; rows hold their SHA-256 names.
CREATE TABLE datasets (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

CREATE TABLE classes (
    dataset_id  INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    id          INTEGER NOT NULL CHECK (id BETWEEN 0 AND 254),
    name        TEXT NOT NULL,
    color       TEXT NOT NULL,
    PRIMARY KEY (dataset_id, id),
    UNIQUE (dataset_id, name)
);

CREATE TABLE images (
    id               INTEGER PRIMARY KEY,
    dataset_id       INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    stem             TEXT NOT NULL,
    split            TEXT NOT NULL CHECK (split IN ('train', 'val')),
    width            INTEGER NOT NULL CHECK (width > 0),
    height           INTEGER NOT NULL CHECK (height > 0),
    image_blob       TEXT NOT NULL,
    pseudo_blob      TEXT NOT NULL,
    superpixel_blob  TEXT NOT NULL,
    gt_blob          TEXT,
    UNIQUE (dataset_id, stem)
);

CREATE TABLE projects (
    id             INTEGER PRIMARY KEY,
    dataset_id     INTEGER NOT NULL REFERENCES datasets(id),
    name           TEXT NOT NULL UNIQUE,
    strategy_json  TEXT NOT NULL,
    oracle         TEXT NOT NULL CHECK (oracle IN ('none', 'gt')),
    created_at     TEXT NOT NULL
);

CREATE TABLE models (
    id               INTEGER PRIMARY KEY,
    project_id       INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    round_number     INTEGER NOT NULL,
    checkpoint_blob  TEXT NOT NULL,
    created_at       TEXT NOT NULL
);

CREATE TABLE rounds (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL CHECK (number >= 0),
    state       TEXT NOT NULL CHECK (state IN ('training', 'scoring', 'querying', 'closed')),
    model_id    INTEGER REFERENCES models(id),
    created_at  TEXT NOT NULL,
    closed_at   TEXT,
    UNIQUE (project_id, number)
);

CREATE TABLE queries (
    id                INTEGER PRIMARY KEY,
    round_id          INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    image_id          INTEGER NOT NULL REFERENCES images(id),
    pixel             INTEGER NOT NULL CHECK (pixel >= 0),
    superpixel_id     INTEGER NOT NULL,
    shown_label       INTEGER NOT NULL,
    score             REAL NOT NULL,
    lease_owner       TEXT,
    lease_expires_at  TEXT,
    answered          INTEGER NOT NULL DEFAULT 0 CHECK (answered IN (0, 1)),
    UNIQUE (round_id, image_id, pixel)
);
CREATE INDEX queries_open ON queries (round_id, answered, lease_expires_at);

CREATE TABLE answers (
    id               INTEGER PRIMARY KEY,
    query_id         INTEGER NOT NULL UNIQUE REFERENCES queries(id),
    idempotency_key  TEXT NOT NULL,
    annotator        TEXT NOT NULL,
    verdict          TEXT NOT NULL CHECK (verdict IN ('confirm', 'correct', 'unsure')),
    label            INTEGER CHECK (label IS NULL OR label BETWEEN 0 AND 254),
    elapsed_ms       INTEGER NOT NULL CHECK (elapsed_ms >= 0),
    created_at       TEXT NOT NULL,
    CHECK ((verdict = 'correct') = (label IS NOT NULL))
);
CREATE INDEX answers_by_key ON answers (idempotency_key);

CREATE TABLE applied_corrections (
    answer_id       INTEGER PRIMARY KEY REFERENCES answers(id),
    changed_pixels  INTEGER NOT NULL CHECK (changed_pixels >= 0),
    changes_blob    TEXT
);

CREATE TABLE idempotency (
    key            TEXT PRIMARY KEY,
    request_hash   TEXT NOT NULL,
    response_json  TEXT NOT NULL,
    created_at     TEXT NOT NULL
);

CREATE TABLE jobs (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    project_id   INTEGER REFERENCES projects(id) ON DELETE CASCADE,
    state        TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    progress     REAL NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
    message      TEXT,
    error        TEXT,
    created_at   TEXT NOT NULL,
    started_at   TEXT,
    finished_at  TEXT
);
CREATE INDEX jobs_by_state ON jobs (state);

CREATE TABLE round_metrics (
    round_id          INTEGER PRIMARY KEY REFERENCES rounds(id) ON DELETE CASCADE,
    clicks            INTEGER NOT NULL,
    bits              REAL NOT NULL,
    seconds           REAL NOT NULL,
    data_miou         REAL,
    model_miou        REAL,
    precision         REAL,
    recall            REAL,
    corrections_json  TEXT
);
