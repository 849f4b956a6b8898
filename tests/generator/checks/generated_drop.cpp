// tests/generator/checks/generated_drop.cpp — runs the writers into a temp dir and reads back.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/checks/generated_drop.h"

#include "tests/generator/af_writer.h"
#include "tests/generator/fk_writer.h"
#include "tests/generator/forbund_writer.h"
#include "tests/generator/indicator_truth.h"
#include "tests/generator/kommun_writer.h"
#include "tests/generator/region_writer.h"
#include "tests/generator/output_files.h"
#include "tests/generator/world_builder.h"
#include "tests/generator/world_truth.h"

namespace finsam::generator::checks {

std::unique_ptr<GeneratedDrop> generate(const GeneratorOptions& options) {
    auto drop = std::make_unique<GeneratedDrop>();
    const auto& out = drop->dir.path();
    const World world = buildWorld(options.world);
    writeForbundDrop(world, options.world.seed, out);
    af::writeDrop(world, options, out);
    fk::writeDrop(world, options, out);
    kommun::writeDrop(world, options, out);
    region::writeDrop(world, options, out);
    writeFileAtomically(out / "truth" / "world.json", worldTruthJson(world, options));
    writeFileAtomically(out / "truth" / "indicators.json",
                        indicatorTruthJson(world, options.world));
    drop->forbund = readTree(out / "forbund");
    drop->af = readTree(out / "af");
    drop->fk = readTree(out / "fk");
    drop->kommun = readTree(out / "kommun");
    drop->region = readTree(out / "region");
    drop->world = readJson(out / "truth" / "world.json");
    drop->indicators = readJson(out / "truth" / "indicators.json");
    drop->afTruth = readJson(out / "truth" / "af.json");
    drop->fkTruth = readJson(out / "truth" / "fk.json");
    drop->kommunTruth = readJson(out / "truth" / "kommun.json");
    drop->regionTruth = readJson(out / "truth" / "region.json");
    return drop;
}

GeneratorOptions optionsFor(std::uint64_t seed, int participants) {
    GeneratorOptions options;
    options.world.seed = seed;
    options.world.participants = participants;
    return options;
}

}  // namespace finsam::generator::checks
