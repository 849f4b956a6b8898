// tests/generator/af_writer.cpp — a world as AF's daily FINSAM snapshots (af-csv.md), with the
// truth beside them.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/af_writer.h"

#include "tests/generator/af_codes.h"
#include "tests/generator/af_faults.h"
#include "tests/generator/af_truth.h"
#include "tests/generator/csv_writer.h"
#include "tests/generator/faults.h"
#include "tests/generator/output_files.h"
#include "tests/generator/text_encoding.h"

namespace finsam::generator::af {
namespace {

bool hasNonAscii(const std::string& text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            return true;
        }
    }
    return false;
}

// Old deliveries of an earlier run would otherwise mix with this one.
void removeOldFiles(const std::filesystem::path& dir) {
    if (!std::filesystem::is_directory(dir)) {
        return;
    }
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && name.rfind("af_finsam_", 0) == 0) {
            removeIfPresent(entry.path());
        }
    }
}

}  // namespace

Drop planDrop(const World& world, const GeneratorOptions& options) {
    const std::set<std::string> faults = faultsOf(options.faults, "af");
    const std::vector<Date> dates = snapshotDates(world, options.af);
    const std::uint64_t seed = options.world.seed;
    Drop drop;
    drop.catalogue = buildCatalogue(world, seed, dates);
    if (faults.count("withdrawal") != 0) {
        drop.withdrawnByFault = withdrawRealRows(drop.catalogue, dates, seed);
    }
    for (std::size_t k = 0; k < dates.size(); ++k) {
        drop.files.push_back(planSnapshot(world, drop.catalogue, seed, dates[k],
                                          options.af.shuffleColumns && k > 0));
    }
    plantFileFaults(drop.files, world, drop.catalogue, faults, seed, options.af.shuffleColumns);
    return drop;
}

std::string renderFile(const SnapshotFile& file) {
    CsvWriter csv(CsvDialect{';', "\r\n", false, file.quoteEveryField});
    std::vector<std::string> fields;
    for (const std::size_t column : file.order) {
        fields.push_back(columns()[column]);
    }
    csv.addRow(fields);
    for (const FileRow& row : file.rows) {
        fields.clear();
        for (const std::size_t column : file.order) {
            if (row.dropColumn != column) {
                fields.push_back(row.cells[column]);
            }
        }
        csv.addRow(fields);
    }
    std::string text = csv.text();
    if (file.trailingEmptyLine) {
        text += "\r\n";
    }
    if (!file.utf8) {
        return toWindows1252(text);
    }
    // Without a letter beyond ASCII the bytes would be valid Windows-1252 too: the BOM then gives
    // the encoding away, as Excel's "CSV UTF-8" does.
    return hasNonAscii(text) ? text : "\xEF\xBB\xBF" + text;
}

void writeDrop(const World& world, const GeneratorOptions& options, const std::filesystem::path& out) {
    const Drop drop = planDrop(world, options);
    const std::filesystem::path dir = out / "af";
    removeOldFiles(dir);
    for (const SnapshotFile& file : drop.files) {
        writeFileAtomically(dir / file.name, renderFile(file));
    }
    writeFileAtomically(out / "truth" / "af.json",
                        truthJson(simulateHub(drop.files), drop.withdrawnByFault));
}

}  // namespace finsam::generator::af
