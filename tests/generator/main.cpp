// tests/generator/main.cpp — finsam-gen: writes synthetic partner drops for tests and the demo.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/af_writer.h"
#include "tests/generator/command_line.h"
#include "tests/generator/faults.h"
#include "tests/generator/fk_writer.h"
#include "tests/generator/forbund_writer.h"
#include "tests/generator/indicator_truth.h"
#include "tests/generator/kommun_writer.h"
#include "tests/generator/region_writer.h"
#include "tests/generator/output_files.h"
#include "tests/generator/world_builder.h"
#include "tests/generator/world_truth.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>

namespace {

using finsam::generator::GeneratorOptions;
using finsam::generator::World;

using FormatWriter =
    std::function<void(const World&, const GeneratorOptions&, const std::filesystem::path&)>;

struct Format {
    const char* description;
    FormatWriter write;
};

void writeForbund(const World& world, const GeneratorOptions& options,
                  const std::filesystem::path& out) {
    finsam::generator::writeForbundDrop(world, options.world.seed, out);
}

// One entry per partner format; every writer renders the same world, so the same people appear
// everywhere.
const std::map<std::string, Format>& formats() {
    static const std::map<std::string, Format> kFormats = {
        {"forbund",
         {"<out>/forbund/{insatser,deltaganden,samtycken}.csv + KLAR (forbund-csv.md)",
          writeForbund}},
        {"af",
         {"<out>/af/af_finsam_<orgnr>_<YYYYMMDD>.csv snapshots + truth/af.json (af-csv.md)",
          finsam::generator::af::writeDrop}},
        {"fk",
         {"<out>/fk/fk_ers_<orgnr>_<batch>.txt batches + truth/fk.json (fk-fixed.md)",
          finsam::generator::fk::writeDrop}},
        {"kommun",
         {"<out>/kommun/api/v1/.../page-NNNN.json + index.json + truth/kommun.json (kommun-api.md)",
          finsam::generator::kommun::writeDrop}},
        {"region",
         {"<out>/region/{EpisodeOfCare,Consent}/page-NNNN.json + index.json + truth/region.json "
          "(region-fhir.md)",
          finsam::generator::region::writeDrop}},
    };
    return kFormats;
}

void printUsage(std::ostream& out) {
    out << "usage: finsam-gen <format|all> --out DIR [options]\n"
           "Writes synthetic data (no real person's number) for one partner format, or all, plus\n"
           "DIR/truth/world.json, DIR/truth/indicators.json and DIR/truth/<format>.json. Same\n"
           "options, same bytes.\n"
        << finsam::generator::optionsHelp();
    for (const auto& fault : finsam::generator::allFaults()) {
        out << "  " << fault.format << " " << fault.name << ": " << fault.injects << "\n      -> "
            << fault.expected << "\n";
    }
    out << "formats:\n";
    for (const auto& [name, format] : formats()) {
        out << "  " << name << "  " << format.description << "\n";
    }
    out << "  all  every format above into one DIR\n";
}

int run(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        printUsage(argc < 2 ? std::cerr : std::cout);
        return argc < 2 ? 2 : 0;
    }
    const auto line = finsam::generator::parseCommandLine(argc, argv);
    std::vector<std::string> chosen;
    if (line.format == "all") {
        for (const auto& [name, format] : formats()) {
            chosen.push_back(name);
        }
    } else if (formats().count(line.format) != 0) {
        chosen.push_back(line.format);
        const auto own = finsam::generator::faultsOf(line.options.faults, line.format);
        if (own.size() != line.options.faults.size()) {
            throw std::invalid_argument("a --fault given belongs to another format than " +
                                        line.format);
        }
    } else {
        throw std::invalid_argument("unknown format '" + line.format + "'");
    }
    const World world = finsam::generator::buildWorld(line.options.world);
    const bool afRunsAnInsats =
        std::any_of(world.insatser.begin(), world.insatser.end(), [](const auto& insats) {
            return insats.huvudman == finsam::generator::Aktor::kAf;
        });
    if (!afRunsAnInsats && std::find(chosen.begin(), chosen.end(), "af") != chosen.end()) {
        // Insatser are taken in a fixed order; the first AF-run one joins from 125 deltaganden.
        std::cerr << "finsam-gen: note: no insats has AF as huvudman in this world, so the AF files "
                     "hold no INS rows (use --participants 125 or more)\n";
    }
    for (const std::string& name : chosen) {
        formats().at(name).write(world, line.options, line.out);
    }
    finsam::generator::writeFileAtomically(
        line.out / "truth" / "world.json",
        finsam::generator::worldTruthJson(world, line.options));
    finsam::generator::writeFileAtomically(
        line.out / "truth" / "indicators.json",
        finsam::generator::indicatorTruthJson(world, line.options.world));
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
