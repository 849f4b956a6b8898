-- core/store/migrations/0004_connector_warnings.sql — what a connector warned about, kept with its batch, so
-- the connector status shows it (e.g. fk-fixed's missing batch numbers) after the log has rolled.
-- Portable SQL only (see 0001).

INSERT INTO hub_sequence (name, value) VALUES ('connector_warning', 0);

CREATE TABLE connector_warning (
    id BIGINT PRIMARY KEY,
    connector TEXT NOT NULL,
    batch_id BIGINT NOT NULL,
    at TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX connector_warning_connector ON connector_warning (connector, id);
