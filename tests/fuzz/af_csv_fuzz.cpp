// tests/fuzz/af_csv_fuzz.cpp — readAfFile (af-csv: Windows-1252 CSV snapshot) on any bytes.
// Invariants (af_file_reader.h): a file is refused whole or read whole; a refusal counts the file's data
// rows; no message names the file (its name holds the förbund's organisationsnummer) or quotes a
// ten-digit number of the input; every row that could be mapped is a record or a problem, not both.
// SPDX-License-Identifier: Apache-2.0
#include <cstdint>
#include <string>

#include "af_file_reader.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

constexpr const char* kTarget = "af_csv";
constexpr const char* kSource = "af_finsam_2220001230_20201231.csv";
constexpr const char* kOrgnr = "2220001230";

void checkMessage(const std::string& input, const std::string& what, const std::string& message) {
    FUZZ_CHECK(kTarget, message.find(kOrgnr) == std::string::npos, what + " names the file: " + message);
    FUZZ_CHECK(kTarget, !finsam::fuzz::quotesInputNumber(message, input),
               what + " quotes a ten-digit number of the input: " + message);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace finsam::connectors::af_csv;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const AfFile file = readAfFile(bytes, kSource, "2020-12-31");

    for (const auto& warning : file.warnings) {
        checkMessage(bytes, "a warning", warning);
    }
    if (file.rejected) {
        FUZZ_CHECK(kTarget, file.rows.empty(), "a refused file still has rows");
        FUZZ_CHECK(kTarget, !file.rejected->code.empty(), "a refusal without a code");
        FUZZ_CHECK(kTarget, file.rejected->rows == countDataRows(bytes), "a refusal miscounts the data rows");
        checkMessage(bytes, "the refusal", file.rejected->message);
        return 0;
    }
    for (const auto& row : file.rows) {
        FUZZ_CHECK(kTarget, row.record.has_value() != row.problem.has_value(),
                   "a row is not exactly one of record and problem");
        if (row.problem) {
            FUZZ_CHECK(kTarget, !row.problem->code.empty(), "a problem without a code");
            FUZZ_CHECK(kTarget, row.problem->position.line > 0, "a problem without its line");
            checkMessage(bytes, "a problem", row.problem->message);
        } else {
            FUZZ_CHECK(kTarget, !row.record->entity.empty() && !row.record->key.empty(),
                       "a record without entity or key");
            FUZZ_CHECK(kTarget, row.record->position.line > 0, "a record without its line");
        }
    }
    return 0;
}
