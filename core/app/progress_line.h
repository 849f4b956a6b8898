// core/app/progress_line.h — `finsam-hub ingest` progress on stderr: a bar with rows, rate and ETA redrawn in
// place on a terminal; the same text as plain lines (at most one a second) when stderr is not a terminal.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

#include "core/pipeline/ingest_runner.h"

namespace finsam::app {

class ProgressLine {
public:
    ProgressLine(std::ostream& out, bool terminal) : out_(out), terminal_(terminal) {}

    /// A connector starts. Its expected rows are estimated from the lines of the files in settings.drop_dir,
    /// if it has one (files an earlier run read count too: the ETA is then pessimistic, never hidden work).
    void begin(const config::ConnectorInstanceConfig& instance);
    void update(const pipeline::IngestSummary& sofar);
    /// The connector ended (summary nullptr: it did not run).
    void end(const pipeline::IngestSummary* summary = nullptr);

    /// The text of one update, without terminal control characters (for tests).
    static std::string render(const std::string& connector, std::int64_t rows, std::int64_t expected, double seconds,
                              std::int64_t batches, bool bar);  // bar: with the bar and percentage

private:
    std::ostream& out_;
    bool terminal_;
    std::string connector_;
    std::int64_t expected_ = 0;
    std::chrono::steady_clock::time_point lastPlain_{};
    bool drawn_ = false;
};

/// Lines in the regular files of `dir` (not recursive into hidden files); 0 when it cannot be read.
std::int64_t countLinesIn(const std::string& dir);

}  // namespace finsam::app
