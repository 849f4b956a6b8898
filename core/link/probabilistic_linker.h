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
/// consent's decision, exactly as for a shared link key. Runs inside the batch's transaction.
///
/// For each touched person with an encoding: candidates are persons of other organisations sharing a blocking
/// tag and no link key; each is scored by the Fellegi–Sunter model; the best per organisation at or above the
/// lower threshold is kept in person_match (`linked` or `review`), an earlier undecided match that no longer
/// holds is dropped, and a reviewer's decision (`accepted`, `rejected`) is never touched again. Persons who share
/// a number but whose names both disagree and whose birth dates differ (a reused number) are kept as `conflict`:
/// not counterparts until a reviewer accepts them.
/// The model is estimated from the store's encodings (pair_classifier.h) and re-estimated when they double.
class ProbabilisticLinker {
public:
    ProbabilisticLinker(store::Database& database, MatchThresholds thresholds)
        : database_(database), thresholds_(thresholds) {}

    /// Persons whose matches changed: their links must be re-decided.
    std::set<std::string> match(const std::set<std::string>& touchedPersons);

    /// The model for `keyId`: the stored one, or estimated now (and stored) when there is none or the encodings
    /// have doubled since.
    MatchModel model(const std::string& keyId);

private:
    store::Database& database_;
    MatchThresholds thresholds_;
};

/// Evidence of a pair as stored and shown to reviewers: {"nummer":"close","fornamn":"exact",...}. Agreement levels
/// only, never a value.
std::string evidenceJson(const ComparisonPattern& pattern);

}  // namespace finsam::link
