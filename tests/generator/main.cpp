// tests/generator/main.cpp — finsam-gen: writes synthetic partner drops for tests and the demo.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/forbund_writer.h"
#include "tests/generator/world_builder.h"

#include <Poco/NumberParser.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>

namespace {

using finsam::generator::World;
using finsam::generator::WorldOptions;

using FormatWriter = std::function<void(const World&, std::uint64_t, const std::filesystem::path&)>;

struct Format {
    const char* description;
    FormatWriter write;
};

// One entry per partner format; every writer renders the same world, so the same people appear
// everywhere.
const std::map<std::string, Format>& formats() {
    static const std::map<std::string, Format> kFormats = {
        {"forbund",
         {"<out>/forbund/{insatser,deltaganden,samtycken}.csv + KLAR (forbund-csv.md)",
          finsam::generator::writeForbundDrop}},
    };
    return kFormats;
}

void printUsage(std::ostream& out) {
    out << "usage: finsam-gen <format> --out DIR [--seed N] [--participants N] [--forbund-slug "
           "SLUG]\n"
           "                  [--year-from YYYY] [--year-to YYYY]\n"
           "Writes synthetic data (no real person's number) for one partner format.\n"
           "Same options, same bytes. Defaults: --seed 1 --participants 100 --forbund-slug sthlm\n"
           "--year-from 2018 --year-to 2020. --participants counts deltaganden.\nformats:\n";
    for (const auto& [name, format] : formats()) {
        out << "  " << name << "  " << format.description << "\n";
    }
}

int parseInt(const std::string& option, const std::string& text) {
    int value = 0;
    if (!Poco::NumberParser::tryParse(text, value)) {
        throw std::invalid_argument(option + " needs a whole number, got '" + text + "'");
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

int run(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        printUsage(argc < 2 ? std::cerr : std::cout);
        return argc < 2 ? 2 : 0;
    }
    const auto format = formats().find(argv[1]);
    if (format == formats().end()) {
        throw std::invalid_argument(std::string("unknown format '") + argv[1] + "'");
    }
    WorldOptions options;
    std::filesystem::path out;
    for (int i = 2; i < argc; ++i) {
        const std::string option = argv[i];
        if (i + 1 >= argc) {
            throw std::invalid_argument(option + " needs a value");
        }
        const std::string value = argv[++i];
        if (option == "--out") {
            out = value;
        } else if (option == "--seed") {
            options.seed = parseSeed(value);
        } else if (option == "--participants") {
            options.participants = parseInt(option, value);
        } else if (option == "--forbund-slug") {
            options.forbundSlug = value;
        } else if (option == "--year-from") {
            options.yearFrom = parseInt(option, value);
        } else if (option == "--year-to") {
            options.yearTo = parseInt(option, value);
        } else {
            throw std::invalid_argument("unknown option '" + option + "'");
        }
    }
    if (out.empty()) {
        throw std::invalid_argument("--out is required");
    }
    const World world = finsam::generator::buildWorld(options);
    format->second.write(world, options.seed, out);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::invalid_argument& e) {
        std::cerr << "finsam-gen: " << e.what() << "\n";
        printUsage(std::cerr);
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "finsam-gen: " << e.what() << "\n";
        return 1;
    }
}
