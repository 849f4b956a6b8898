// tests/generator/command_line.cpp — finsam-gen's options, parsed into GeneratorOptions.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/command_line.h"

#include "tests/generator/faults.h"
#include "tests/generator/world_profile.h"

#include <Poco/NumberParser.h>

#include <algorithm>
#include <stdexcept>

namespace finsam::generator {
namespace {

int parseInt(const std::string& option, const std::string& text) {
    int value = 0;
    if (!Poco::NumberParser::tryParse(text, value)) {
        throw std::invalid_argument(option + " needs a whole number, got '" + text + "'");
    }
    return value;
}

std::int64_t parseCount(const std::string& option, const std::string& text) {
    Poco::Int64 value = 0;
    if (!Poco::NumberParser::tryParse64(text, value) || value < 0) {
        throw std::invalid_argument(option + " needs a non-negative whole number, got '" + text +
                                    "'");
    }
    return value;
}

std::uint64_t parseSeed(const std::string& text) {
    Poco::UInt64 value = 0;
    if (!Poco::NumberParser::tryParseUnsigned64(text, value)) {
        throw std::invalid_argument("--seed needs a non-negative whole number, got '" + text + "'");
    }
    return value;
}

std::string parseProfile(const std::string& text) {
    const auto& names = worldProfileNames();
    if (std::find(names.begin(), names.end(), text) == names.end()) {
        throw std::invalid_argument("--profile must be national or malmo, got '" + text + "'");
    }
    return text;
}

}  // namespace

CommandLine parseCommandLine(int argc, char** argv) {
    CommandLine line;
    line.format = argv[1];
    GeneratorOptions& o = line.options;
    for (int i = 2; i < argc; ++i) {
        const std::string option = argv[i];
        if (option == "--af-shuffle-columns") {
            o.af.shuffleColumns = true;
            continue;
        }
        if (i + 1 >= argc) {
            throw std::invalid_argument(option + " needs a value");
        }
        const std::string value = argv[++i];
        if (option == "--out") {
            line.out = value;
        } else if (option == "--seed") {
            o.world.seed = parseSeed(value);
        } else if (option == "--participants") {
            o.world.participants = parseInt(option, value);
        } else if (option == "--forbund-slug") {
            o.world.forbundSlug = value;
        } else if (option == "--year-from") {
            o.world.yearFrom = parseInt(option, value);
        } else if (option == "--year-to") {
            o.world.yearTo = parseInt(option, value);
        } else if (option == "--profile") {
            o.world.profile = parseProfile(value);
        } else if (option == "--af-snapshots") {
            o.af.snapshots = parseInt(option, value);
        } else if (option == "--af-step-days") {
            o.af.stepDays = parseInt(option, value);
        } else if (option == "--fk-detail-records") {
            o.fk.detailRecords = parseCount(option, value);
        } else if (option == "--fk-batch-records") {
            o.fk.batchRecords = parseCount(option, value);
        } else if (option == "--kommun-page-size") {
            o.kommun.pageSize = parseInt(option, value);
        } else if (option == "--region-page-size") {
            o.region.pageSize = parseInt(option, value);
        } else if (option == "--fault") {
            o.faults.insert(value);
        } else {
            throw std::invalid_argument("unknown option '" + option + "'");
        }
    }
    if (line.out.empty()) {
        throw std::invalid_argument("--out is required");
    }
    checkFaultNames(o.faults);
    return line;
}

const char* optionsHelp() {
    return "world:  --seed N (1)  --participants N (100 deltaganden)  --forbund-slug SLUG (sthlm)\n"
           "        --year-from YYYY (2018)  --year-to YYYY (2020)\n"
           "        --profile national|malmo (national: Sverige's shares; malmo: Malmö's)\n"
           "af:     --af-snapshots N (3)  --af-step-days N (1)  --af-shuffle-columns\n"
           "fk:     --fk-detail-records N (0 = the world's only; else the total, streamed)\n"
           "        --fk-batch-records N (1000000 per volume batch)\n"
           "kommun: --kommun-page-size N (500; the API allows 1-1000)\n"
           "region: --region-page-size N (200, the _count)\n"
           "faults: --fault NAME, repeatable:\n";
}

}  // namespace finsam::generator
