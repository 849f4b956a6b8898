// tests/generator/protection_generator.cpp — who has skyddade personuppgifter.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/protection_generator.h"

#include <algorithm>
#include <vector>

namespace finsam::generator {
namespace {

constexpr double kShareProtected = 0.05;

}  // namespace

void assignProtection(Rng rng, World& world) {
    std::vector<char> identified(world.people.size(), 0);
    for (const Deltagande& d : world.deltaganden) {
        if (!d.anonymous) {
            identified[d.person] = 1;
        }
    }
    std::vector<std::size_t> anonymous;
    for (std::size_t p = 0; p < world.people.size(); ++p) {
        if (identified[p] == 0) {
            anonymous.push_back(p);
        }
    }
    if (anonymous.empty()) {
        return;
    }
    const auto count = std::max<std::size_t>(
        1, static_cast<std::size_t>(kShareProtected * static_cast<double>(anonymous.size()) + 0.5));
    rng.shuffle(anonymous);
    for (std::size_t k = 0; k < count; ++k) {
        world.people[anonymous[k]].skyddad = true;
    }
}

}  // namespace finsam::generator
