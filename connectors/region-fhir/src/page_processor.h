// connectors/region-fhir/src/page_processor.h — one accepted page against the committed cursor: which
// matches are new, what they become, and the cursor after the page.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "bundle_page.h"
#include "episode_mapper.h"
#include "finsam/sdk/connector.h"
#include "search_checkpoint.h"

namespace finsam::connectors::region_fhir {

struct PageOptions {
    EpisodeOptions episode;
    std::vector<std::string> hsaIds;  ///< settings.organisation_hsa_ids; empty = every unit
};

/// What a page held, for the log.
struct PageSummary {
    std::size_t matches = 0;
    std::size_t alreadyRead = 0;  ///< before `since`, or at `since` and in `seen` (counted when first read)
    std::size_t otherUnit = 0;    ///< episodes of a unit not in organisation_hsa_ids: accepted without a record
    std::size_t quarantined = 0;
    std::size_t records = 0;
    std::size_t outcomes = 0;     ///< OperationOutcome entries (server remarks)
};

/// Reads the matches of `page`, an answer of the `type` search fetched from `source`. A match the hub
/// already holds per `cursor` is skipped: updated before `since`, or at `since` with its
/// (type, id, versionId) in `seen`. Each other match gives its records, or one problem naming the JSON pointer
/// at fault (position: the page URL and the entry's 1-based place; a version repeated on the page is a
/// `duplicate_key` problem). A match whose records are all derived (line 0), and an episode of another unit,
/// is passed to acceptedWithoutRecord: so the host counts every match as accepted or quarantined. An id holding
/// a personnummer is quarantined and enters `seen` only as a stand-in (README "Checkpoint"). Returns `cursor`
/// with `since` raised to the page's highest meta.lastUpdated and `seen` holding the matches handled at that instant
/// (accepted, quarantined or skipped alike: the same version would be handled the same way again).
/// `next` and `refused` are left as they were: they are the run's.
SearchCursor applyPage(const BundlePage& page, const std::string& type, const std::string& source,
                       const SearchCursor& cursor, const PageOptions& options, sdk::RecordSink& sink,
                       PageSummary& summary);

}  // namespace finsam::connectors::region_fhir
