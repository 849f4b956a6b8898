-- core/store/migrations/0010_probabilistic_linkage.sql — probabilistic linkage (core/link/README.md).
-- SPDX-License-Identifier: Apache-2.0

-- A person's keyed Bloom-filter encoding (core/identity/identity_encoder.h) under the key `key_id`: 2 hex digits
-- of which fields it holds, 256 of bits. Never a clear value; erased with the person's link keys.
CREATE TABLE person_encoding (
    person_key TEXT PRIMARY KEY,
    organisation TEXT NOT NULL,
    key_id TEXT NOT NULL,
    encoding TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX person_encoding_key ON person_encoding (key_id);

-- Blocking tags: "<pass>:" and a truncated HMAC. Persons sharing one are compared.
CREATE TABLE person_block (
    tag TEXT NOT NULL,
    person_key TEXT NOT NULL,
    PRIMARY KEY (tag, person_key)
);
CREATE INDEX person_block_person ON person_block (person_key);

-- Scored pairs of persons of different organisations, person_a < person_b. status: linked (at or above the upper
-- threshold), review (between the thresholds, waiting for a person), accepted / rejected (a reviewer's decision:
-- never asked again, never re-scored). evidence: JSON agreement level per field, never a value.
CREATE TABLE person_match (
    id BIGINT PRIMARY KEY,
    person_a TEXT NOT NULL,
    person_b TEXT NOT NULL,
    probability DOUBLE PRECISION NOT NULL,
    weight DOUBLE PRECISION NOT NULL,
    evidence TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    decided_by TEXT,
    UNIQUE (person_a, person_b)
);
CREATE INDEX person_match_b ON person_match (person_b);
CREATE INDEX person_match_status ON person_match (status);
INSERT INTO hub_sequence (name, value) VALUES ('person_match', 0);

-- The Fellegi–Sunter model per key (JSON, core/link/match_model.h) and how many encodings it was estimated on:
-- re-estimated when they have doubled.
CREATE TABLE linkage_model (
    key_id TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    encodings BIGINT NOT NULL,
    estimated_at TEXT NOT NULL
);

-- How a link was found: deterministic (a shared link key) or probabilistic (a match, with its probability).
ALTER TABLE person_link ADD COLUMN method TEXT NOT NULL DEFAULT 'deterministic';
ALTER TABLE person_link ADD COLUMN match_probability DOUBLE PRECISION;
