-- core/store/migrations/0002_consent_links_audit.sql — consent versions, cross-organisation links and the audit.
-- Portable SQL only (see 0001).

INSERT INTO hub_sequence (name, value) VALUES ('audit', 0);
INSERT INTO hub_sequence (name, value) VALUES ('samtycke_version', 0);

-- Every state a consent was ever recorded in: "was this link allowed on D?" is answered from the version
-- that stood on D. Payload is the pseudonymous canonical JSON (no identity values).
CREATE TABLE samtycke_version (
    id BIGINT PRIMARY KEY,
    entity_key TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    state TEXT NOT NULL,
    payload TEXT NOT NULL,
    batch_id BIGINT NOT NULL
);
CREATE INDEX samtycke_version_key ON samtycke_version (entity_key, id);

-- A link joins two organisation-scoped persons of different organisations while a consent allows it.
-- person_a < person_b. A dissolved link keeps its row: it is history, and the audit points at it.
CREATE TABLE person_link (
    person_a TEXT NOT NULL REFERENCES person (person_key),
    person_b TEXT NOT NULL REFERENCES person (person_key),
    purpose TEXT NOT NULL,
    consent_key TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    dissolved_at TEXT,
    PRIMARY KEY (person_a, person_b, purpose)
);
CREATE INDEX person_link_b ON person_link (person_b);

-- Append-only: every link, refusal, unlink, retraction and erasure, with the consent and rule behind it.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    person_a TEXT,
    person_b TEXT,
    consent_key TEXT,
    rule TEXT NOT NULL,
    detail TEXT NOT NULL,
    batch_id BIGINT NOT NULL
);
CREATE INDEX audit_log_person_a ON audit_log (person_a);
CREATE INDEX audit_log_person_b ON audit_log (person_b);


-- Candidate pairs for linking: the same link key value at another organisation.
CREATE INDEX link_key_value ON link_key (value, kind, key_id);

-- Skyddade personuppgifter: a one-way tag (SHA-256 of the link key) of every identity a source marked protected,
-- so later records of that identity, at any organisation, are anonymous on arrival. It is never joined to
-- anything but an incoming record's own key.
CREATE TABLE protected_identity (
    tag TEXT PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    batch_id BIGINT NOT NULL
);
