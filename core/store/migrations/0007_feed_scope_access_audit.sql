-- core/store/migrations/0007_feed_scope_access_audit.sql — the förbund of each feed event (tokens limited to one
-- förbund read only its events) and the audit of person-level reads through the API.

-- NULL = förbund-neutral (person, ersättning, links): only tokens without a förbund limit see those.
ALTER TABLE feed_event ADD COLUMN forbund TEXT;
CREATE INDEX feed_event_forbund ON feed_event (forbund, seq);

INSERT INTO hub_sequence (name, value) VALUES ('access', 0);
CREATE TABLE access_audit (
    seq BIGINT PRIMARY KEY,
    at TEXT NOT NULL,
    token TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    query TEXT NOT NULL,
    rows_count BIGINT NOT NULL,
    forbund TEXT
);
CREATE INDEX access_audit_token ON access_audit (token, seq);
