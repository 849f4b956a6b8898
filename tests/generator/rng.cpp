// tests/generator/rng.cpp — seeded random source, mapped by hand so it is the same everywhere.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/rng.h"

#include <cassert>
#include <cstdio>
#include <limits>

namespace finsam::generator {
namespace {

// SplitMix64 finaliser: spreads nearby seeds (1, 2, 3...) over the whole state space before
// mt19937_64.
std::uint64_t mix(std::uint64_t z) {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31U);
}

// FNV-1a: a stable hash of the tag (std::hash is implementation-defined).
std::uint64_t hashTag(std::string_view tag) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : tag) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

}  // namespace

Rng::Rng(std::uint64_t seed) : seed_(seed), engine_(mix(seed)) {}

Rng Rng::fork(std::string_view tag) const {
    return Rng(mix(seed_ ^ hashTag(tag)));
}

std::uint64_t Rng::next() {
    return engine_();
}

int Rng::uniformInt(int lo, int hi) {
    assert(lo <= hi);
    const std::uint64_t range =
        static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - static_cast<std::int64_t>(lo)) +
        1;
    // Rejection sampling: drop the top partial block so every residue is equally likely.
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                                std::numeric_limits<std::uint64_t>::max() % range;
    std::uint64_t value = next();
    while (value >= limit) {
        value = next();
    }
    return static_cast<int>(static_cast<std::int64_t>(lo) +
                            static_cast<std::int64_t>(value % range));
}

double Rng::unit() {
    // The top 53 bits fill a double's mantissa exactly.
    return static_cast<double>(next() >> 11U) * 0x1.0p-53;
}

bool Rng::chance(double p) {
    return unit() < p;
}

std::size_t Rng::weighted(const std::vector<int>& weights) {
    int total = 0;
    for (const int w : weights) {
        total += w > 0 ? w : 0;
    }
    assert(total > 0);
    int ticket = uniformInt(0, total - 1);
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (weights[i] <= 0) {
            continue;
        }
        if (ticket < weights[i]) {
            return i;
        }
        ticket -= weights[i];
    }
    return weights.size() - 1;
}

std::size_t Rng::weighted(std::initializer_list<int> weights) {
    return weighted(std::vector<int>(weights));
}

std::string hexToken(Rng& rng) {
    char text[32];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(rng.next()));
    return text;
}

}  // namespace finsam::generator
