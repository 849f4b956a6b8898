-- core/store/migrations/0012_pending_citation_person.sql — whose a held participation is, as a tag of the
-- person's link key alone (a hash of the key, never the key), so that marking a person protected finds her held
-- rows through an index instead of hashing every held row's citation tag with every protected person's keys.
-- Rows held before this migration keep NULL and are matched by their citation tag as before.
ALTER TABLE pending_citation ADD COLUMN person_tag TEXT;
CREATE INDEX pending_citation_person ON pending_citation (person_tag);
