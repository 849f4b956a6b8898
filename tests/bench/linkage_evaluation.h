// tests/bench/linkage_evaluation.h — linkage quality on FEBRL 4 and on generated people with injected errors:
// shared by bench_linkage (which prints and times it) and test_link (which holds the quality line).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/identity/identity_encoder.h"
#include "core/link/match_model.h"
#include "core/link/pair_classifier.h"

namespace finsam::bench {

/// Records with their truth: records with the same `entity` are the same person.
struct LabelledRecords {
    std::vector<link::EncodedRecord> records;
    std::vector<std::string> entity;
    std::vector<std::string> error;  ///< the injected error ("" = none): typo, transposition, samordning, missing
};

struct Quality {
    std::size_t records = 0;
    std::size_t truePairs = 0;
    std::size_t candidatePairs = 0;
    double pairsPerRecord = 0;
    double blockingRecall = 0;  ///< true pairs that share a blocking tag
    int emIterations = 0;
    std::size_t linked = 0;     ///< pairs at or above the upper threshold
    std::size_t linkedTrue = 0;
    std::size_t review = 0;     ///< pairs between the thresholds
    std::size_t reviewTrue = 0;
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    /// Per injected error: true pairs of that error linked / true pairs of that error.
    std::map<std::string, std::pair<std::size_t, std::size_t>> recallByError;
    double compareSeconds = 0;  ///< field comparison and scoring of the candidate pairs
    link::MatchModel model = link::MatchModel::initial();
};

/// FEBRL 4 from `directory` (dataset4a.csv, dataset4b.csv): soc_sec_id as the number, given_name, surname,
/// date_of_birth. Throws std::runtime_error naming the file and line of a malformed row.
LabelledRecords loadFebrl4(const std::string& directory, const identity::IdentityEncoder& encoder);

/// Two organisations' records of generated people (finsam-gen's person model): `people` persons, 70% at both.
/// The second organisation's record of a share of them carries one injected error: a mistyped digit (the check
/// digit recomputed, so it passes validation), two adjacent digits transposed, a samordningsnummer later replaced
/// by a personnummer, or no number at all. Names are given where the partner has them (AF and the region).
LabelledRecords generatedPeople(int people, std::uint64_t seed, const identity::IdentityEncoder& encoder);

/// Blocking, EM, pairwise scoring (as the hub scores) and the thresholds, measured against the truth.
Quality evaluate(const LabelledRecords& data, const link::MatchThresholds& thresholds);

/// A test key chain (never a deployment's).
identity::Pseudonymizer evaluationPseudonymizer();

}  // namespace finsam::bench
