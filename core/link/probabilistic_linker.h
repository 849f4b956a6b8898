// core/link/probabilistic_linker.h — after a batch, scores its persons against persons of other organisations
// whose numbers differ (architecture §4): links above the upper threshold, queues review between the thresholds.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "core/link/match_model.h"
#include "core/link/pair_classifier.h"
#include "core/store/database.h"

namespace finsam::link {

/// A match only makes two persons counterparts (LinkEngine::counterparts); whether they are linked is the
/// consent's decision, exactly as for a shared link key. Runs inside the caller's transaction.
///
/// For each touched person with an encoding: candidates are persons of other organisations sharing a blocking
/// tag and no link key. Each is scored by the Fellegi–Sunter model, and every pair at or above the lower
/// threshold is kept in person_match (`linked` or `review`). An earlier undecided match that no longer holds is
/// dropped. A reviewer's decision (`accepted`, `rejected`) is never touched again. Persons who share a number
/// but whose names both disagree and whose birth dates differ (a reused number) are kept as `conflict`: not
/// counterparts until a reviewer accepts them.
///
/// Why the outcome does not depend on the order sources are read in:
/// - A pair is scored whenever either person is touched, so its last score is on both final encodings.
/// - Scores are pairwise: there is no "best candidate" that a later arrival could displace.
/// - The model changes only when an operator estimates it (`finsam-hub linkage --estimate`), which then
///   re-scores every pair. Until then the documented starting values are used (MatchModel::initial()).
class ProbabilisticLinker {
public:
    ProbabilisticLinker(store::Database& database, MatchThresholds thresholds)
        : database_(database), thresholds_(thresholds) {}

    /// Persons whose matches changed: their links must be re-decided.
    std::set<std::string> match(const std::set<std::string>& touchedPersons);

    /// The stored model for `keyId`, else MatchModel::initial().
    MatchModel model(const std::string& keyId);

    /// Estimates the model from every encoding under `keyId` (EM, pair_classifier.h) and stores it.
    MatchModel estimate(const std::string& keyId, std::size_t& encodingsUsed);

    /// Every person with an encoding: what match() takes to re-score the whole store.
    std::set<std::string> everyEncodedPerson();

private:
    store::Database& database_;
    MatchThresholds thresholds_;
};

/// Evidence of a pair as stored and shown to reviewers: {"nummer":"close","fornamn":"exact",...}. Agreement levels
/// only, never a value.
std::string evidenceJson(const ComparisonPattern& pattern);

}  // namespace finsam::link
