// core/link/encoding_similarity.cpp — the popcount loops, compiled twice: with the POPCNT instruction and portable.
// SPDX-License-Identifier: Apache-2.0
#include "core/link/encoding_similarity.h"

namespace finsam::link {

namespace {

using identity::IdentityEncoding;
using identity::kEncodingWords;

// The loops are inlined into two callers of different targets. Debian builds for the x86-64 baseline, which lacks
// POPCNT; there __builtin_popcountll expands to a dozen instructions, in the target("popcnt") caller to one.
[[gnu::always_inline]] inline int ones(const IdentityEncoding& e) {
    int n = 0;
    for (std::size_t w = 0; w < kEncodingWords; ++w) {
        n += __builtin_popcountll(e.words[w]);
    }
    return n;
}

[[gnu::always_inline]] inline int common(const IdentityEncoding& a, const IdentityEncoding& b) {
    int n = 0;
    for (std::size_t w = 0; w < kEncodingWords; ++w) {
        n += __builtin_popcountll(a.words[w] & b.words[w]);
    }
    return n;
}

[[gnu::always_inline]] inline void diceLoop(const IdentityEncoding& q, const IdentityEncoding* c, std::size_t n,
                                            double* out) {
    const int own = ones(q);
    for (std::size_t i = 0; i < n; ++i) {
        const int sum = own + ones(c[i]);
        out[i] = sum == 0 ? 0.0 : 2.0 * common(q, c[i]) / sum;
    }
}

[[gnu::always_inline]] inline double segmentDice(const IdentityEncoding& a, identity::EncodedField fieldA,
                                                  const IdentityEncoding& b, identity::EncodedField fieldB) {
    const auto& segmentA = identity::kSegments[static_cast<int>(fieldA)];
    const auto& segmentB = identity::kSegments[static_cast<int>(fieldB)];
    int both = 0, sum = 0;
    for (int w = 0; w < segmentA.words; ++w) {
        const std::uint64_t x = a.words[segmentA.firstWord + w], y = b.words[segmentB.firstWord + w];
        both += __builtin_popcountll(x & y);
        sum += __builtin_popcountll(x) + __builtin_popcountll(y);
    }
    return sum == 0 ? 0.0 : 2.0 * both / sum;
}

[[gnu::always_inline]] inline FieldSimilarity fieldLoop(const IdentityEncoding& a, const IdentityEncoding& b) {
    using identity::EncodedField;
    FieldSimilarity similarity;
    for (std::size_t f = 0; f < identity::kEncodedFieldCount; ++f) {
        auto field = static_cast<EncodedField>(f);
        similarity.dice[f] =
            a.has(field) && b.has(field) ? segmentDice(a, field, b, field) : FieldSimilarity::kMissing;
    }
    // Given name and surname entered in each other's place: both name segments share one key (identity_encoder.h)
    // so they can be compared crosswise; the better reading wins.
    const auto given = EncodedField::kFornamn, sur = EncodedField::kEfternamn;
    if (a.has(given) && a.has(sur) && b.has(given) && b.has(sur)) {
        const double crossGiven = segmentDice(a, given, b, sur), crossSur = segmentDice(a, sur, b, given);
        if (crossGiven + crossSur > similarity.dice[int(given)] + similarity.dice[int(sur)]) {
            similarity.dice[int(given)] = crossGiven;
            similarity.dice[int(sur)] = crossSur;
        }
    }
    return similarity;
}

#if defined(__x86_64__)
#define FINSAM_POPCNT_TARGET __attribute__((target("popcnt")))
#else
#define FINSAM_POPCNT_TARGET
#endif

FINSAM_POPCNT_TARGET void diceHardware(const IdentityEncoding& q, const IdentityEncoding* c, std::size_t n,
                                       double* out) {
    diceLoop(q, c, n, out);
}
void dicePortable(const IdentityEncoding& q, const IdentityEncoding* c, std::size_t n, double* out) {
    diceLoop(q, c, n, out);
}
FINSAM_POPCNT_TARGET FieldSimilarity fieldsHardware(const IdentityEncoding& a, const IdentityEncoding& b) {
    return fieldLoop(a, b);
}
FieldSimilarity fieldsPortable(const IdentityEncoding& a, const IdentityEncoding& b) { return fieldLoop(a, b); }

}  // namespace

bool hardwarePopcount() {
#if defined(__x86_64__)
    static const bool supported = __builtin_cpu_supports("popcnt");
    return supported;
#else
    return false;
#endif
}

double dice(const IdentityEncoding& a, const IdentityEncoding& b) {
    double out = 0;
    diceMany(a, &b, 1, &out);
    return out;
}

void diceMany(const IdentityEncoding& query, const IdentityEncoding* candidates, std::size_t count, double* out) {
    hardwarePopcount() ? diceHardware(query, candidates, count, out) : dicePortable(query, candidates, count, out);
}

void diceManyPortable(const IdentityEncoding& query, const IdentityEncoding* candidates, std::size_t count,
                      double* out) {
    dicePortable(query, candidates, count, out);
}

FieldSimilarity compareFields(const IdentityEncoding& a, const IdentityEncoding& b) {
    return hardwarePopcount() ? fieldsHardware(a, b) : fieldsPortable(a, b);
}

}  // namespace finsam::link
