// tests/fuzz/fk_fixed_fuzz.cpp — fk-fixed (ISO-8859-1 fixed-width batch file) through the connector's own
// open() and readBatch(), the input being the one batch file in a scratch drop folder.
// Small batches (maxRecords 7) make a file take several batches; after every batch that stops inside the
// file the run is opened again from its checkpoint, as after a crash, so the resume path is read too.
// Invariants (batch_file_check.h, detail_record.h, message_text.h): no message, warning or log line holds a
// run of ten or more digits; a quarantined detail's raw line has no digit in its personnummer slot; a refused file
// emits no record; every checkpoint parses and is written back byte for byte; the run drains.
// SPDX-License-Identifier: Apache-2.0
#include <cstdint>
#include <string>

#include "checkpoint.h"
#include "fk_fixed_connector.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

constexpr const char* kTarget = "fk_fixed";
constexpr std::size_t kMaxRecords = 7;
constexpr int kMaxBatches = 1000;

// The personnummer slot (positions 2-13) of a quarantined detail line, counted in characters: raw is UTF-8.
void checkRaw(const std::string& raw) {
    if (raw.empty() || raw[0] != 'D') {
        return;
    }
    std::size_t characters = 0;
    for (std::size_t i = 0; i < raw.size() && characters < 13; ++i) {
        const auto byte = static_cast<unsigned char>(raw[i]);
        if ((byte & 0xC0) == 0x80) {
            continue;  // a continuation byte belongs to the character before
        }
        FUZZ_CHECK(kTarget, characters == 0 || byte < '0' || byte > '9',
                   "a quarantined line keeps a digit of its personnummer slot");
        ++characters;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace finsam;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const auto& dir = fuzz::scratchDir();
    fuzz::writeFile(dir / "fk_ers_2220001230_00000001.txt", bytes);

    connectors::fk_fixed::FkFixedConnector connector;
    const std::string settings =
        "{\"drop_dir\": \"" + dir.string() + "\", \"receiver_orgnr\": \"2220001230\"}";
    fuzz::CheckingSink sink(kTarget, fuzz::noLongDigitRun());
    fuzz::CheckingLogger logger(sink);
    sdk::Context context{"fk", "fk", dir.string(), &logger};
    sdk::Result error;
    auto run = connector.open(settings, "", context, error);
    FUZZ_CHECK(kTarget, run != nullptr, "open failed: " + error.message);

    for (int batch = 0;; ++batch) {
        FUZZ_CHECK(kTarget, batch < kMaxBatches, "the run does not drain");
        const auto outcome = run->readBatch(kMaxRecords, sink);
        sink.check("the run's failure message", outcome.result.message);
        FUZZ_CHECK(kTarget, outcome.result.status == sdk::Status::kOk,
                   "readBatch failed: " + outcome.result.message);
        const auto parsed = connectors::fk_fixed::Checkpoint::parse(outcome.checkpoint);
        FUZZ_CHECK(kTarget, parsed.has_value(), "the run's own checkpoint does not parse: " + outcome.checkpoint);
        FUZZ_CHECK(kTarget, parsed->toString() == outcome.checkpoint, "the checkpoint does not round-trip");
        if (outcome.drained) {
            break;
        }
        if (parsed->current) {
            // Stopped inside the file: resume from the checkpoint, as the host does after a crash.
            run = connector.open(settings, outcome.checkpoint, context, error);
            FUZZ_CHECK(kTarget, run != nullptr, "the run's own checkpoint is refused: " + error.message);
        }
    }
    for (const auto& problem : sink.problems) {
        checkRaw(problem.raw);
    }
    if (!sink.rejected.empty()) {
        FUZZ_CHECK(kTarget, sink.records.empty() && sink.problems.empty(), "a refused file emitted rows");
    }
    return 0;
}
