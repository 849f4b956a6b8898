// tests/generator/world_options.h — what the caller chooses: seed, size, förbund, years, profile.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

namespace finsam::generator {

struct WorldOptions {
    std::uint64_t seed = 1;
    int participants = 100;  ///< number of deltaganden (rows in deltaganden.csv), not of people
    std::string forbundSlug = "sthlm";
    int yearFrom = 2018;  ///< first budget year; deltaganden start from 1 January of it
    int yearTo = 2020;    ///< last budget year; the snapshot is taken on 31 December of it
    std::string profile = "national";  ///< the shares the world is shaped on (world_profile.h)
};

}  // namespace finsam::generator
