// tests/generator/fk_writer.h — a world as FK's fixed-width benefit batches (fk-fixed.md), with
// the truth beside them.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/fk_faults.h"
#include "tests/generator/generator_options.h"
#include "tests/generator/world.h"

#include <filesystem>

namespace finsam::generator::fk {

/// The world's batch files with the faults planted; nothing written. Pure and deterministic.
PlannedFiles planDrop(const World& world, const GeneratorOptions& options);

/// One planned file's bytes: its lines, each ended by LF.
std::string renderFile(const BatchFile& file);

/// Writes <out>/fk/fk_ers_<orgnr>_<batch>.txt (old FK files below fk/ removed first), the volume
/// batches when --fk-detail-records asks for more records than the world has, and
/// <out>/truth/fk.json. Throws std::invalid_argument when --fk-detail-records is below the
/// world's own count or --fk-batch-records is below 1.
void writeDrop(const World& world, const GeneratorOptions& options,
               const std::filesystem::path& out);

}  // namespace finsam::generator::fk
