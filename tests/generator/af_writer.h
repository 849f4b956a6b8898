// tests/generator/af_writer.h — a world as AF's daily FINSAM snapshots (af-csv.md), with the
// truth beside them.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/af_catalogue.h"
#include "tests/generator/af_snapshot_plan.h"
#include "tests/generator/generator_options.h"
#include "tests/generator/world.h"

#include <filesystem>
#include <string>
#include <vector>

namespace finsam::generator::af {

struct Drop {
    Catalogue catalogue;
    std::vector<SnapshotFile> files;             ///< in date order: the regular ones, then fault files
    std::vector<std::string> withdrawnByFault;  ///< Rad_ids the withdrawal fault removed
};

/// The whole drop, faults planted, nothing written. Pure and deterministic.
Drop planDrop(const World& world, const GeneratorOptions& options);

/// One file's bytes: Windows-1252 (UTF-8 for the utf8-file fault), ';', CRLF, quoting as planned.
std::string renderFile(const SnapshotFile& file);

/// Writes <out>/af/af_finsam_<orgnr>_<YYYYMMDD>.csv (each via .tmp and rename, old AF files
/// removed first) and <out>/truth/af.json.
void writeDrop(const World& world, const GeneratorOptions& options, const std::filesystem::path& out);

}  // namespace finsam::generator::af
