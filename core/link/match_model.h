// core/link/match_model.h — the Fellegi–Sunter model: agreement levels per field, m and u estimated by EM.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/link/encoding_similarity.h"

namespace finsam::link {

/// How well one field agrees, from its segment's Dice coefficient.
enum class Agreement : std::uint8_t { kMissing, kDisagree, kPartial, kClose, kExact };
constexpr std::size_t kAgreementLevels = 5;
std::string_view toString(Agreement level);

/// Dice → level. Exact ≥ 0.99 (the same tokens; Bloom collisions cannot lower it), close ≥ 0.80 (one mistyped digit
/// of a number: 9 of 11 positional bigrams kept; one letter of a name), partial ≥ 0.60 (a transposition, two typos,
/// a name's spelling variant), else disagree. Kön has no partial agreement.
Agreement agreementOf(identity::EncodedField field, double dice);

/// One pair's agreement per field, packed base 5: the key EM counts patterns by.
struct ComparisonPattern {
    std::array<Agreement, identity::kEncodedFieldCount> levels{};
    static ComparisonPattern of(const FieldSimilarity& similarity);
    std::uint16_t index() const;
    static ComparisonPattern fromIndex(std::uint16_t index);
};

/// P(pattern | match) and P(pattern | non-match) as products over fields (conditional independence), with the
/// share of candidate pairs that match (`prior`). A missing field contributes nothing either way.
class MatchModel {
public:
    /// Starting values: matches mostly agree exactly, non-matches mostly disagree. EM moves from here; a store too
    /// small to estimate from uses them as they are.
    static MatchModel initial();

    /// u from pairs drawn at random: how often each field agrees by chance. Blocked pairs cannot tell this: they
    /// were chosen for agreeing on the blocking fields. Each random pair counts by its posterior of being a
    /// non-match under this model (the E-step's weight), so the few matches drawn among them are left out: one
    /// match in 5 000 random pairs agreeing exactly on the number would otherwise read as the number's chance
    /// agreement, hundreds of times its true rate.
    MatchModel withChanceAgreement(const std::map<std::uint16_t, std::uint64_t>& randomPatternCounts) const;

    /// Expectation–maximisation of m and the prior over candidate pairs counted by pattern (Winkler 1988); u is
    /// estimated too unless `fixedU` (after withChanceAgreement). Stops when no parameter moves more than 1e-7
    /// or after `maxIterations`.
    static MatchModel estimate(const std::map<std::uint16_t, std::uint64_t>& patternCounts,
                               const MatchModel& start, bool fixedU, int maxIterations = 500);

    /// The same with some fields left out (`ignoredFields`, bit i = field i): their m stays as in `start`. Pairs
    /// of one blocking pass agree on the pass's fields by selection, so those fields say nothing there.
    static MatchModel estimateWithout(const std::map<std::uint16_t, std::uint64_t>& patternCounts,
                                      const MatchModel& start, std::uint8_t ignoredFields);

    /// Only the prior, m and u fixed.
    MatchModel withPriorFrom(const std::map<std::uint16_t, std::uint64_t>& patternCounts) const;
    MatchModel withPrior(double prior) const;
    /// m of `field` set from `other`.
    void takeM(const MatchModel& other, identity::EncodedField field);
    void averageM(const std::vector<MatchModel>& models, identity::EncodedField field);

    /// log2 m/u summed over the present fields.
    double weight(const ComparisonPattern& pattern) const;
    /// Posterior probability that the pair is a match.
    double probability(const ComparisonPattern& pattern) const;

    double prior() const { return prior_; }
    double m(identity::EncodedField field, Agreement level) const { return m_[int(field)][int(level)]; }
    double u(identity::EncodedField field, Agreement level) const { return u_[int(field)][int(level)]; }
    int iterations() const { return iterations_; }

    std::string toJson() const;
    static std::optional<MatchModel> fromJson(std::string_view json);

private:
    using Table = std::array<std::array<double, kAgreementLevels>, identity::kEncodedFieldCount>;
    double prior_ = 0.01;
    Table m_{};
    Table u_{};
    int iterations_ = 0;
};

}  // namespace finsam::link
