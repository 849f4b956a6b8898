// tests/fuzz/forbund_csv_fuzz.cpp — parseSet (forbund-csv: the register's three UTF-8 CSV sheets) on any
// bytes. The input holds insatser.csv, deltaganden.csv and samtycken.csv in that order, separated by the
// line kPartSeparator; a sheet the input does not reach is missing from the set.
// Invariants (forbund_csv_parser.h): a set is applied whole or refused whole (then every sheet is rejected,
// in order, and nothing else is emitted); no message quotes a ten-digit number of the input.
// SPDX-License-Identifier: Apache-2.0
#include <cstdint>
#include <string>

#include "forbund_csv_parser.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

constexpr const char* kTarget = "forbund_csv";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace finsam::connectors::forbund_csv;
    const std::string input(reinterpret_cast<const char*>(data), size);
    const auto parts = finsam::fuzz::splitParts(input, kSheetOrder.size());

    SheetFiles files;
    for (std::size_t i = 0; i < files.size(); ++i) {
        files[i].kind = kSheetOrder[i];
        files[i].path = "/drop/forbund/" + std::string(kSheetFiles[i]);
        if (i < parts.size()) {
            files[i].bytes = parts[i];
        } else {
            files[i].missing = true;
            files[i].readError = "No such file or directory";
        }
    }

    finsam::fuzz::CheckingSink sink(kTarget, finsam::fuzz::noInputNumber(input));
    parseSet(files, sink);

    if (!sink.rejected.empty()) {
        FUZZ_CHECK(kTarget, sink.rejected.size() == files.size(), "a refused set does not reject every sheet");
        for (std::size_t i = 0; i < files.size(); ++i) {
            FUZZ_CHECK(kTarget, sink.rejected[i].position.source == files[i].path, "sheets rejected out of order");
        }
        FUZZ_CHECK(kTarget,
                   sink.records.empty() && sink.problems.empty() && sink.completed.empty(),
                   "a refused set emitted rows or completed a snapshot");
        FUZZ_CHECK(kTarget, parts.size() >= files.size() || sink.rejected.back().code == "missing_sheet",
                   "a missing sheet is not rejected as missing");
    } else {
        FUZZ_CHECK(kTarget, parts.size() == files.size(), "a set with a missing sheet was applied");
        FUZZ_CHECK(kTarget, sink.completed.size() == 4, "an applied set did not complete its four snapshots");
    }
    for (const auto& record : sink.records) {
        FUZZ_CHECK(kTarget, !record.key.empty(), "a record without a key");
    }
    return 0;
}
