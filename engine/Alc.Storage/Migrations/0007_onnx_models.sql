-- Schema v7 (table onnx_models; "models" holds the rounds' checkpoints): ONNX models uploaded for the foundation-model front end (pseudo labels and SAM superpixels from the
-- user's own models). The file is a blob; the row keeps what validation read from it (its inputs and outputs as ONNX
-- Runtime reports them) and the declared pre-processing, so listing models never opens a session.
CREATE TABLE onnx_models (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    blob TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    signature TEXT NOT NULL,
    preprocessing TEXT NOT NULL,
    created_at TEXT NOT NULL
);
