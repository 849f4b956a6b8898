-- core/store/migrations/0001_initial.sql — the canonical schema (architecture §2) for SQLite and PostgreSQL alike.
-- Portable SQL only: TEXT dates (ISO 8601), BIGINT ids allocated from hub_sequence, no serial types, and
-- BIGINT for partner numbers (INTEGER is 32-bit on PostgreSQL but 64-bit on SQLite).

CREATE TABLE hub_sequence (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO hub_sequence (name, value) VALUES ('feed', 0);
INSERT INTO hub_sequence (name, value) VALUES ('batch', 0);
INSERT INTO hub_sequence (name, value) VALUES ('source_record', 0);

CREATE TABLE organisation (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    organisationsnummer TEXT,
    valid_from TEXT,
    valid_to TEXT
);

CREATE TABLE forbund (
    id TEXT PRIMARY KEY REFERENCES organisation (id),
    name TEXT NOT NULL,
    organisationsnummer TEXT
);

CREATE TABLE forbund_member (
    forbund_id TEXT NOT NULL REFERENCES forbund (id),
    organisation_id TEXT NOT NULL REFERENCES organisation (id),
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    PRIMARY KEY (forbund_id, organisation_id, valid_from)
);

CREATE TABLE forbund_kommun (
    forbund_id TEXT NOT NULL REFERENCES forbund (id),
    kommunkod TEXT NOT NULL,
    stadsdel TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (forbund_id, kommunkod, stadsdel)
);

CREATE TABLE batch (
    id BIGINT PRIMARY KEY,
    connector TEXT NOT NULL,
    started_at TEXT NOT NULL,
    committed_at TEXT NOT NULL,
    records_read BIGINT NOT NULL,
    accepted BIGINT NOT NULL,
    quarantined BIGINT NOT NULL,
    rejected_rows BIGINT NOT NULL,
    rejected_sources BIGINT NOT NULL,
    checkpoint TEXT NOT NULL
);
CREATE INDEX batch_connector ON batch (connector, id);

CREATE TABLE connector_checkpoint (
    connector TEXT PRIMARY KEY,
    checkpoint TEXT NOT NULL,
    batch_id BIGINT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE source_record (
    id BIGINT PRIMARY KEY,
    connector TEXT NOT NULL,
    batch_id BIGINT NOT NULL,
    source TEXT NOT NULL,
    line BIGINT NOT NULL,
    entity TEXT NOT NULL,
    payload_hash TEXT NOT NULL,
    received_at TEXT NOT NULL,
    outcome TEXT NOT NULL
);
CREATE INDEX source_record_batch ON source_record (batch_id);

CREATE TABLE quarantine (
    id BIGINT PRIMARY KEY,
    connector TEXT NOT NULL,
    batch_id BIGINT NOT NULL,
    source TEXT NOT NULL,
    line BIGINT NOT NULL,
    column_no INTEGER NOT NULL,
    field TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX quarantine_connector ON quarantine (connector, state);

CREATE TABLE rejected_source (
    batch_id BIGINT NOT NULL,
    connector TEXT NOT NULL,
    source TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    rows_count BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (batch_id, source)
);

CREATE TABLE person (
    person_key TEXT PRIMARY KEY,
    kon TEXT,
    fodelsear BIGINT,
    protected INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE link_key (
    organisation TEXT NOT NULL,
    kind TEXT NOT NULL,
    key_id TEXT NOT NULL,
    value TEXT NOT NULL,
    person_key TEXT NOT NULL REFERENCES person (person_key),
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation, kind, key_id, value)
);
CREATE INDEX link_key_person ON link_key (person_key);

CREATE TABLE insats (
    entity_key TEXT PRIMARY KEY,
    connector TEXT NOT NULL,
    organisation TEXT NOT NULL,
    insats_id TEXT NOT NULL,
    namn TEXT,
    inriktning TEXT,
    uppfoljningsmetod TEXT,
    startdatum TEXT,
    slutdatum TEXT,
    huvudman TEXT,
    malgrupp TEXT,
    state TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    source_record_id BIGINT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX insats_connector ON insats (connector, state);
CREATE INDEX insats_id ON insats (insats_id);

CREATE TABLE insats_budget (
    entity_key TEXT PRIMARY KEY,
    connector TEXT NOT NULL,
    organisation TEXT NOT NULL,
    insats_id TEXT NOT NULL,
    budgetar BIGINT,
    budget_kr TEXT,
    planerat_antal BIGINT,
    esf TEXT,
    antal_kvinnor BIGINT,
    antal_man BIGINT,
    state TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    source_record_id BIGINT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX insats_budget_connector ON insats_budget (connector, state);

CREATE TABLE deltagande (
    entity_key TEXT PRIMARY KEY,
    connector TEXT NOT NULL,
    organisation TEXT NOT NULL,
    insats_id TEXT NOT NULL,
    person_key TEXT REFERENCES person (person_key),
    anonymous INTEGER NOT NULL,
    kon TEXT,
    fodelsear BIGINT,
    startdatum TEXT,
    slutdatum TEXT,
    remitterande_aktor TEXT,
    utbildningsniva TEXT,
    forsorjning_fore TEXT,
    tid_offentlig_forsorjning TEXT,
    sysselsattning_fore TEXT,
    avslutsanledning TEXT,
    forsorjning_efter TEXT,
    sysselsattning_efter TEXT,
    samtycke_ref TEXT,
    state TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    source_record_id BIGINT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX deltagande_connector ON deltagande (connector, state);
CREATE INDEX deltagande_person ON deltagande (person_key);

CREATE TABLE samtycke (
    entity_key TEXT PRIMARY KEY,
    connector TEXT NOT NULL,
    organisation TEXT NOT NULL,
    person_key TEXT REFERENCES person (person_key),
    galler_insats TEXT,
    galler_forbund TEXT,
    parter TEXT,
    kategorier TEXT,
    andamal TEXT,
    giltigt_fran TEXT,
    giltigt_till TEXT,
    aterkallat TEXT,
    blankett TEXT,
    state TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    source_record_id BIGINT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX samtycke_connector ON samtycke (connector, state);
CREATE INDEX samtycke_person ON samtycke (person_key);

CREATE TABLE ersattningsperiod (
    entity_key TEXT PRIMARY KEY,
    connector TEXT NOT NULL,
    organisation TEXT NOT NULL,
    person_key TEXT REFERENCES person (person_key),
    ersattningstyp TEXT,
    omfattning BIGINT,
    from_datum TEXT,
    tom_datum TEXT,
    arende_id TEXT,
    state TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    source_record_id BIGINT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ersattningsperiod_connector ON ersattningsperiod (connector, state);
CREATE INDEX ersattningsperiod_person ON ersattningsperiod (person_key);

CREATE TABLE feed_event (
    seq BIGINT PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    occurred_at TEXT NOT NULL,
    type TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    payload TEXT NOT NULL,
    batch_id BIGINT NOT NULL
);
CREATE INDEX feed_event_entity ON feed_event (entity_key);
