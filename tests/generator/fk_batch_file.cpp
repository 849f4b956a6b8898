// tests/generator/fk_batch_file.cpp — one FK batch file as planned.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/fk_batch_file.h"

#include <cstdio>

namespace finsam::generator::fk {

std::int64_t BatchFile::detailLinesWritten() const {
    std::int64_t count = 0;
    for (const std::string& line : lines) {
        count += !line.empty() && line[0] == 'D' ? 1 : 0;
    }
    return count;
}

std::string batchFileName(const std::string& receiver, std::int64_t batch) {
    char text[64];
    std::snprintf(text, sizeof text, "fk_ers_%s_%08lld.txt", receiver.c_str(),
                  static_cast<long long>(batch));
    return text;
}

std::vector<std::string> renderLines(const Batch& batch, const std::string& receiver) {
    std::vector<std::string> lines;
    lines.push_back(headerLine(batch.created, batch.hour, batch.minute, batch.number, receiver));
    std::int64_t sum = 0;
    for (const Detail& detail : batch.details) {
        lines.push_back(detailLine(detail));
        sum += detail.omfattning;
    }
    lines.push_back(trailerLine(static_cast<std::int64_t>(batch.details.size()), sum));
    return lines;
}

}  // namespace finsam::generator::fk
