// tests/generator/checks/generated_drop.h — runs the writers into a temp dir and reads back what
// they wrote, as a hub would find it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/checks/drop_files.h"
#include "tests/generator/generator_options.h"

#include <rapidjson/document.h>

#include <map>
#include <memory>
#include <string>

namespace finsam::generator::checks {

struct GeneratedDrop {
    TempDir dir;
    std::map<std::string, std::string> forbund;  ///< relative to forbund/
    std::map<std::string, std::string> af;       ///< relative to af/
    std::map<std::string, std::string> fk;       ///< relative to fk/
    std::map<std::string, std::string> kommun;   ///< relative to kommun/
    std::map<std::string, std::string> region;   ///< relative to region/
    rapidjson::Document world;
    rapidjson::Document indicators;
    rapidjson::Document afTruth;
    rapidjson::Document fkTruth;
    rapidjson::Document kommunTruth;
    rapidjson::Document regionTruth;
};

/// Builds the world and writes the förbund, AF, FK, kommun and region drops with their truth files.
std::unique_ptr<GeneratedDrop> generate(const GeneratorOptions& options);

GeneratorOptions optionsFor(std::uint64_t seed, int participants);

}  // namespace finsam::generator::checks
