// core/link/review_queue.h — probabilistic matches between the thresholds, waiting for a person's decision.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/consent/consent.h"
#include "core/link/duplicate_reports.h"
#include "core/store/database.h"
#include "core/store/entity_writer.h"

namespace finsam::link {

/// One scored pair as a reviewer sees it: persons, their organisations, the probability and which fields agree
/// (evidence: {"nummer":"close","fornamn":"exact",...}); never a value of a person.
struct ReviewItem {
    std::int64_t id = 0;
    std::string personA, personB;
    std::string organisationA, organisationB;
    double probability = 0;
    double weight = 0;
    std::string evidence;  ///< JSON object
    std::string status;    ///< review | linked | conflict | accepted | rejected
    std::string createdAt, updatedAt;
    std::string decidedBy;  ///< the token name of the reviewer; "" until decided
};

struct ReviewFilter {
    std::string status = "review";
    std::int64_t after = 0;  ///< ids above this
    int limit = 100;
};

class ReviewQueue {
public:
    ReviewQueue(store::Database& database, consent::WindowConfig window, const ReportPrecedence& precedence)
        : database_(database), window_(window), precedence_(precedence) {}

    std::vector<ReviewItem> list(const ReviewFilter& filter);
    std::optional<ReviewItem> find(std::int64_t id);

    enum class Outcome { kDecided, kNotFound, kAlreadyDecided };

    /// Accepts or rejects match `id` (in review, in conflict, or linked by the model) for `reviewer`, audits it, and
    /// re-decides the pair's links at once (accepted: linked when consent allows; rejected: apart). Runs in the
    /// caller's transaction, as its own batch (`batchId`, recorded with connector "review"); the link changes for
    /// the feed are appended to `changes`. A decided pair is never asked again.
    Outcome decide(std::int64_t id, bool accept, const std::string& reviewer, std::int64_t batchId,
                   std::vector<store::EntityChange>& changes);

private:
    store::Database& database_;
    consent::WindowConfig window_;
    const ReportPrecedence& precedence_;
};

}  // namespace finsam::link
