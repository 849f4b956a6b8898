// tests/generator/rng.h — seeded random source, mapped by hand so it is the same everywhere.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace finsam::generator {

/// A deterministic random stream. The engine (std::mt19937_64) is fully specified by the standard;
/// the std distributions are not (their algorithms differ between standard libraries), so every
/// mapping from raw bits to a value is written here by hand. Not thread-safe; one stream per
/// concern.
class Rng {
public:
    explicit Rng(std::uint64_t seed);

    /// An independent stream for one concern (e.g. "insatser", "forbund-writer"), derived from this
    /// stream's seed and `tag` only. Adding a new concern later therefore never shifts the values
    /// an existing one draws.
    Rng fork(std::string_view tag) const;

    std::uint64_t next();
    /// Uniform in [lo, hi], both inclusive. Precondition: lo <= hi.
    int uniformInt(int lo, int hi);
    /// Uniform in [0, 1).
    double unit();
    /// True with probability `p`.
    bool chance(double p);
    /// Index i with probability weights[i] / sum(weights). Precondition: at least one positive
    /// weight.
    std::size_t weighted(const std::vector<int>& weights);
    std::size_t weighted(std::initializer_list<int> weights);

    /// Fisher–Yates with uniformInt, so the permutation is the same everywhere (std::shuffle is
    /// not).
    template <typename T>
    void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) {
            const auto j = static_cast<std::size_t>(uniformInt(0, static_cast<int>(i) - 1));
            std::swap(items[i - 1], items[j]);
        }
    }

    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(uniformInt(0, static_cast<int>(items.size()) - 1))];
    }

private:
    std::uint64_t seed_;
    std::mt19937_64 engine_;
};

/// 16 lower-case hex digits from one draw: an opaque token (cursors, search ids).
std::string hexToken(Rng& rng);

}  // namespace finsam::generator
