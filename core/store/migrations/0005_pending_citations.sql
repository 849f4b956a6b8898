-- core/store/migrations/0005_pending_citations.sql — participations that cite a consent the hub has not seen yet.
-- Portable SQL only (see 0001).

-- A member organisation's row may cite a consent (AF's Samtycke_ref = the signed form) before the förbund's
-- register carrying that consent is read. Such a participation is held here, unpublished and unlinked, until
-- the consent arrives (then it is applied as identified) or its grace period ends (then it is applied as
-- anonymous and this row is erased). `tag` is SHA-256 over the link key and the cited reference: it matches
-- only the cited consent's own person, and holds no number.
CREATE TABLE pending_citation (
    entity_key TEXT PRIMARY KEY,
    connector TEXT NOT NULL,
    organisation TEXT NOT NULL,
    source_key TEXT NOT NULL,
    tag TEXT NOT NULL,
    kon TEXT,
    fodelsear TEXT,
    fields TEXT NOT NULL,
    source_record_id BIGINT NOT NULL,
    held_at TEXT NOT NULL,
    expires_on TEXT NOT NULL,
    batch_id BIGINT NOT NULL
);
CREATE INDEX pending_citation_tag ON pending_citation (tag);
CREATE INDEX pending_citation_expires ON pending_citation (expires_on);
