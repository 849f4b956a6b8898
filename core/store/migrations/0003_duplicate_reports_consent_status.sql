-- core/store/migrations/0003_duplicate_reports_consent_status.sql — duplicate reports of one participation; consent status.
-- Portable SQL only (see 0001).

-- A report merged into another is a duplicate: `duplicate_of` names the canonical deltagande, which is the one
-- counted. The canonical row's columns hold the resolved values; `reported` keeps what its own source delivered
-- (JSON, pseudonymous) whenever resolution changed it, so the next resolution starts from the delivery.
ALTER TABLE deltagande ADD COLUMN duplicate_of TEXT;
ALTER TABLE deltagande ADD COLUMN reported TEXT;
CREATE INDEX deltagande_report_group ON deltagande (insats_id, startdatum);
CREATE INDEX deltagande_duplicate_of ON deltagande (duplicate_of);

-- Fields on which the reports of one participation disagree, and which value the precedence kept.
-- Rewritten whenever the participation's reports change; the audit keeps the history.
CREATE TABLE deltagande_conflict (
    deltagande_key TEXT NOT NULL,
    field TEXT NOT NULL,
    kept_key TEXT NOT NULL,
    kept_value TEXT,
    other_key TEXT NOT NULL,
    other_value TEXT,
    rule TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    batch_id BIGINT NOT NULL,
    PRIMARY KEY (deltagande_key, other_key, field)
);

-- FHIR consents carry a status and a decision (permit or deny); NULL reads as an active permit (the register).
ALTER TABLE samtycke ADD COLUMN status TEXT;
ALTER TABLE samtycke ADD COLUMN beslut TEXT;
