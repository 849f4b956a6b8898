// tests/generator/fk_batch_file.h — one FK batch file as planned: its content, its lines as
// written and what a hub must do with it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/fk_changes.h"

#include <string>
#include <vector>

namespace finsam::generator::fk {

/// A detail record the hub must quarantine on its own (the file is still applied).
struct QuarantinedDetail {
    std::size_t detail = 0;  ///< index into Batch::details; its line is detail + 2
    std::string reason;
    std::string fault;
};

struct BatchFile {
    std::string path;  ///< relative to <out>/fk/, e.g. fk_ers_2220001230_00000007.txt
    Batch batch;       ///< the content as FK meant it
    std::vector<std::string> lines;  ///< as written, ISO-8859-1, without LF
    std::string fault;               ///< a file-level fault it carries
    std::string rejectReason;        ///< non-empty: the hub must reject the whole file
    std::size_t rejectLine = 0;      ///< 1-based line the rejection names
    std::vector<QuarantinedDetail> quarantined;

    /// D lines actually in the file (a short or misplaced one still counts).
    std::int64_t detailLinesWritten() const;
};

/// fk_ers_<receiver>_<batch, 8 digits>.txt
std::string batchFileName(const std::string& receiver, std::int64_t batch);

/// Header, details, trailer with the correct count and omfattning sum.
std::vector<std::string> renderLines(const Batch& batch, const std::string& receiver);

}  // namespace finsam::generator::fk
