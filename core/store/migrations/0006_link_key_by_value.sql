-- core/store/migrations/0006_link_key_by_value.sql — link keys indexed by their value first.
-- Portable SQL only (see 0001).

-- The value is an HMAC: uniformly random. The old key began with the organisation and a second index began
-- with the value, so every new person wrote two random places in two large indexes. One key that leads
-- with the value serves both lookups (by organisation and across organisations); the organisation gets a
-- small index of its own, which new rows only ever append to.
CREATE TABLE link_key_by_value (
    organisation TEXT NOT NULL,
    kind TEXT NOT NULL,
    key_id TEXT NOT NULL,
    value TEXT NOT NULL,
    person_key TEXT NOT NULL REFERENCES person (person_key),
    created_at TEXT NOT NULL,
    PRIMARY KEY (value, kind, key_id, organisation)
);
INSERT INTO link_key_by_value (organisation, kind, key_id, value, person_key, created_at)
    SELECT organisation, kind, key_id, value, person_key, created_at FROM link_key;
DROP TABLE link_key;
ALTER TABLE link_key_by_value RENAME TO link_key;
CREATE INDEX link_key_person ON link_key (person_key);
CREATE INDEX link_key_organisation ON link_key (organisation);
