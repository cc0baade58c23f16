-- Schema v8: jobs that work on a dataset rather than a round (kind 'pseudo-labels': an uploaded model labels a dataset's
-- photos into a new dataset). A job names the dataset it reads, the request it was queued with (JSON, so a requeued job
-- after a restart runs exactly what was asked), and the dataset it made once it succeeded.
ALTER TABLE jobs ADD COLUMN dataset_id INTEGER REFERENCES datasets(id) ON DELETE SET NULL;
ALTER TABLE jobs ADD COLUMN request TEXT;
ALTER TABLE jobs ADD COLUMN result_dataset_id INTEGER REFERENCES datasets(id) ON DELETE SET NULL;
