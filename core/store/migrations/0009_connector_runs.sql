-- core/store/migrations/0009_connector_runs.sql — operating connectors (core/scheduler/): who runs each one,
-- what each run did, and what IT staff asked for. Kept in the store so any `serve` instance (and the CLI) sees
-- the same state, and it survives restarts. Portable SQL only (see 0001).

-- A pause holds the connector until resumed; a run request is served by whichever instance gets the lease
-- next; a reprocess request re-reads the source from its start once (POST /v1/admin/connectors/{id}/…).
CREATE TABLE connector_control (
    connector TEXT PRIMARY KEY,
    paused INTEGER NOT NULL,
    run_requested_at TEXT,
    reprocess_requested_at TEXT,
    updated_at TEXT NOT NULL
);

-- Only `owner` runs the connector while `lease_until` is in the future. Every batch commit renews it in its
-- own transaction and fails when the lease was lost, so two instances never commit batches of one connector.
CREATE TABLE connector_lease (
    connector TEXT PRIMARY KEY,
    owner TEXT,
    lease_until TEXT
);

-- One row per run (a drain of one connector): by serve's scheduler, by `finsam-hub ingest` or on request.
-- status: running | ok | failed | stopped | abandoned (its runner died; found by the next run).
CREATE TABLE connector_run (
    id BIGINT PRIMARY KEY,
    connector TEXT NOT NULL,
    runner TEXT NOT NULL,
    trigger_kind TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,
    records_read BIGINT NOT NULL,
    accepted BIGINT NOT NULL,
    quarantined BIGINT NOT NULL,
    rejected_rows BIGINT NOT NULL,
    rejected_sources BIGINT NOT NULL,
    batches BIGINT NOT NULL,
    events BIGINT NOT NULL,
    error TEXT
);
CREATE INDEX connector_run_connector ON connector_run (connector, id);
INSERT INTO hub_sequence (name, value) VALUES ('connector_run', 0);

-- Batch durations for the /metrics histogram; NULL for batches committed before this migration.
ALTER TABLE batch ADD COLUMN duration_ms BIGINT;
