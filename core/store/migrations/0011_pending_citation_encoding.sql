-- core/store/migrations/0011_pending_citation_encoding.sql — a held participation keeps its identity encoding.
-- SPDX-License-Identifier: Apache-2.0
-- Portable SQL only (see 0001).

-- A participation held for its consent (0005) is the only record of its identity the hub will ever get from
-- that delivery: the clear values are gone once the batch ends. Its keyed Bloom-filter encoding and blocking
-- tags (0010) wait with it and reach person_encoding when it is placed identified. Its tag holds the key id:
-- released under a later key (a rotation came between), it is placed without them, as no later key can compare
-- them. A held row that expires into anonymity is erased with them.
ALTER TABLE pending_citation ADD COLUMN encoding TEXT;
ALTER TABLE pending_citation ADD COLUMN blocking_tags TEXT;
