// core/link/encoding_similarity.h — Dice coefficients of keyed Bloom-filter encodings, on hardware popcount.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "core/identity/identity_encoding.h"

namespace finsam::link {

/// The same without the popcount instruction: the baseline the benchmark measures against.
void diceManyPortable(const identity::IdentityEncoding& query, const identity::IdentityEncoding* candidates,
                      std::size_t count, double* out);

/// Per-field Dice coefficients of two encodings; a field either lacks is missing (< 0).
struct FieldSimilarity {
    std::array<double, identity::kEncodedFieldCount> dice{};
    static constexpr double kMissing = -1.0;
};

/// Dice 2|A∧B| / (|A|+|B|) over all 1 024 bits (0 when both are empty).
double dice(const identity::IdentityEncoding& a, const identity::IdentityEncoding& b);

/// Dice of `query` against each of `candidates`, written to `out` (same length). The loop blocking and the
/// benchmark use: the popcount instruction is chosen once, not per pair.
void diceMany(const identity::IdentityEncoding& query, const identity::IdentityEncoding* candidates,
              std::size_t count, double* out);

/// Dice per field segment.
FieldSimilarity compareFields(const identity::IdentityEncoding& a, const identity::IdentityEncoding& b);

/// True when this CPU has the popcount instruction (x86-64 baseline does not guarantee it); the portable
/// fallback gives the same results, slower.
bool hardwarePopcount();

}  // namespace finsam::link
