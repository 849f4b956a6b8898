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

-- Events written before this migration get the förbund core/feed/event_scope.cpp would have given them.
UPDATE feed_event SET forbund = (
    SELECT i.organisation FROM insats i WHERE i.entity_key = feed_event.entity_key AND i.organisation LIKE 'forbund-%')
WHERE type LIKE 'insats.%';
UPDATE feed_event SET forbund = (
    SELECT b.organisation FROM insats_budget b
    WHERE b.entity_key = feed_event.entity_key AND b.organisation LIKE 'forbund-%')
WHERE type LIKE 'insats_budget.%';
UPDATE feed_event SET forbund = (
    SELECT MIN(i.organisation) FROM deltagande d JOIN insats i ON i.insats_id = d.insats_id
    WHERE d.entity_key = feed_event.entity_key AND i.organisation LIKE 'forbund-%')
WHERE type LIKE 'deltagande.%';
UPDATE feed_event SET forbund = (
    SELECT COALESCE((SELECT MIN(i.organisation) FROM insats i
                     WHERE i.insats_id = s.galler_insats AND i.organisation LIKE 'forbund-%'),
                    CASE WHEN s.organisation LIKE 'forbund-%' THEN s.organisation END)
    FROM samtycke s WHERE s.entity_key = feed_event.entity_key)
WHERE type LIKE 'samtycke.%';
