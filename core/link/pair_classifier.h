// core/link/pair_classifier.h — blocking, scoring and the two thresholds: the probabilistic matcher without a store.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/identity/identity_encoding.h"
#include "core/link/match_model.h"

namespace finsam::link {

/// A record as matching sees it: an encoding, its blocking tags and the group it belongs to (its organisation;
/// a benchmark's file). Records of one group are never paired.
struct EncodedRecord {
    std::string group;
    identity::IdentityEncoding encoding;
    std::vector<std::string> tags;
};

/// Pairs of records of different groups that share a blocking tag, each once, (lower index, higher index).
std::vector<std::pair<std::size_t, std::size_t>> candidatePairs(const std::vector<EncodedRecord>& records);

/// `count` pairs of records of different groups drawn at random (reproducibly from `seed`): the chance agreement
/// the model's u is measured on.
std::vector<std::pair<std::size_t, std::size_t>> randomPairs(const std::vector<EncodedRecord>& records,
                                                             std::size_t count, std::uint64_t seed);

/// Below these the model is not estimated (MatchModel::initial()), or a blocking pass does not estimate m.
constexpr std::size_t kMinimumRecordsToEstimate = 1000;
constexpr std::size_t kMinimumPairsPerPass = 200;

/// The model for these records: u from 200 000 random pairs (chance agreement, less the matches among them); m
/// by EM within each blocking pass, leaving out the fields the pass selected on, averaged over the passes; the
/// prior as the expected matches among all cross-group pairs.
MatchModel estimateModel(const std::vector<EncodedRecord>& records,
                         const std::vector<std::pair<std::size_t, std::size_t>>& candidates);

/// Thresholds on the posterior match probability.
struct MatchThresholds {
    double upper = 0.90;  ///< at or above: link (when consent allows)
    double lower = 0.50;  ///< at or above, below upper: review; below: apart
};

enum class MatchClass { kApart, kReview, kLink };
MatchClass classify(double probability, const MatchThresholds& thresholds);
std::string_view toString(MatchClass match);

struct ScoredPair {
    std::size_t a = 0;
    std::size_t b = 0;
    ComparisonPattern pattern;
    double weight = 0;
    double probability = 0;
};

/// The pattern counts EM estimates from.
std::map<std::uint16_t, std::uint64_t> countPatterns(const std::vector<EncodedRecord>& records,
                                                     const std::vector<std::pair<std::size_t, std::size_t>>& pairs);

/// Scores the pairs and keeps those at or above `lower`, as the hub does (probabilistic_linker.h): pairwise, so
/// the outcome does not depend on the order records arrive in.
std::vector<ScoredPair> scorePairs(const std::vector<EncodedRecord>& records,
                                   const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
                                   const MatchModel& model, double lower);

}  // namespace finsam::link
