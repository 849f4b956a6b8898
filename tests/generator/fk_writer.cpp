// tests/generator/fk_writer.cpp — a world as FK's fixed-width benefit batches (fk-fixed.md), with
// the truth beside them.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/fk_writer.h"

#include "tests/generator/faults.h"
#include "tests/generator/fk_truth.h"
#include "tests/generator/fk_volume.h"
#include "tests/generator/output_files.h"

#include <stdexcept>

namespace finsam::generator::fk {
namespace {

// Earlier runs' batches would otherwise be read with this run's.
void removeOldFiles(const std::filesystem::path& dir) {
    if (!std::filesystem::is_directory(dir)) {
        return;
    }
    std::vector<std::filesystem::path> old;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file() && entry.path().filename().string().rfind("fk_ers_", 0) == 0) {
            old.push_back(entry.path());
        }
    }
    for (const auto& path : old) {
        removeIfPresent(path);
    }
}

}  // namespace

PlannedFiles planDrop(const World& world, const GeneratorOptions& options) {
    std::vector<BatchFile> files;
    for (Batch& batch : buildWorldBatches(world, options)) {
        BatchFile file;
        file.path = batchFileName(world.forbund.organisationsnummer, batch.number);
        file.lines = renderLines(batch, world.forbund.organisationsnummer);
        file.batch = std::move(batch);
        files.push_back(std::move(file));
    }
    return plantFaults(std::move(files), world, faultsOf(options.faults, "fk"),
                       options.world.seed);
}

std::string renderFile(const BatchFile& file) {
    std::string text;
    for (const std::string& line : file.lines) {
        text += line;
        text += '\n';
    }
    return text;
}

void writeDrop(const World& world, const GeneratorOptions& options,
               const std::filesystem::path& out) {
    if (options.fk.batchRecords < 1) {
        throw std::invalid_argument("--fk-batch-records must be 1 or more");
    }
    const PlannedFiles planned = planDrop(world, options);
    std::int64_t worldDetails = 0;
    for (const BatchFile& file : planned.files) {
        if (file.path.rfind("redelivery/", 0) != 0) {  // a copy, not a record of its own
            worldDetails += file.detailLinesWritten();
        }
    }
    if (options.fk.detailRecords != 0 && options.fk.detailRecords < worldDetails) {
        throw std::invalid_argument("--fk-detail-records must be 0 or at least " +
                                    std::to_string(worldDetails) + ", the world's own records");
    }
    const std::filesystem::path dir = out / "fk";
    removeOldFiles(dir);
    auto isRedelivery = [](const BatchFile& file) { return file.path.rfind("redelivery/", 0) == 0; };
    for (const BatchFile& file : planned.files) {
        if (!isRedelivery(file)) {
            writeFileAtomically(dir / file.path, renderFile(file));
        }
    }
    VolumeResult volume;
    if (options.fk.detailRecords > worldDetails) {
        const Batch* last = nullptr;
        std::int64_t lastNumber = 0;
        for (const BatchFile& file : planned.files) {
            if (file.batch.number > lastNumber) {
                lastNumber = file.batch.number;
                last = &file.batch;
            }
        }
        for (const std::int64_t lost : planned.lostBatches) {
            lastNumber = std::max(lastNumber, lost);
        }
        VolumeRequest request;
        request.records = options.fk.detailRecords - worldDetails;
        request.perBatch = options.fk.batchRecords;
        request.firstBatch = lastNumber + 1;
        request.created = last ? last->created : world.asOf;
        request.firstFrom = makeDate(options.world.yearFrom - 3, 1, 1);
        request.asOf = world.asOf;
        request.seed = options.world.seed;
        request.receiver = world.forbund.organisationsnummer;
        volume = writeVolume(dir, request);
    }
    // A redelivery arrives after the batches it repeats.
    for (const BatchFile& file : planned.files) {
        if (isRedelivery(file)) {
            writeFileAtomically(dir / file.path, renderFile(file));
        }
    }
    writeFileAtomically(out / "truth" / "fk.json",
                        truthJson(simulateHub(planned.files, planned.lostBatches, volume)));
}

}  // namespace finsam::generator::fk
