// plugins/mapped-csv/src/file_cursor.cpp — rows in file order; the same rows from the same
// position.
// SPDX-License-Identifier: Apache-2.0
#include "file_cursor.h"

namespace finsam::connectors::mapped_csv {

FileCursor::FileCursor(const Settings& settings, DataFile file, std::string name,
                       std::string sha256, std::size_t next)
    : settings_(settings),
      file_(std::move(file)),
      mapper_(settings_, file_),
      name_(std::move(name)),
      sha256_(std::move(sha256)),
      next_(std::min(next, file_.rows().size())) {
    // Resuming a snapshot mid-file: the keys of the rows already read still count as seen.
    for (std::size_t i = 0; i < next_ && settings_.mode == ChangeMode::kSnapshot; ++i) {
        if (auto result = mapper_.map(file_.rows()[i]); result.record) {
            checkDuplicate(*result.record, file_.rows()[i]);
        }
    }
}

std::optional<sdk::Problem> FileCursor::checkDuplicate(const sdk::Record& record,
                                                       const sdk::toolkit::CsvRecord& row) {
    if (settings_.mode != ChangeMode::kSnapshot) {
        return std::nullopt;  // in append mode later rows of a key update it
    }
    const auto [earlier, first] = seenKeys_.emplace(record.key, record.position.line);
    if (first) {
        return std::nullopt;
    }
    return mapper_.duplicateKey(record, row, earlier->second);
}

std::size_t FileCursor::emit(std::size_t limit, sdk::RecordSink& sink) {
    std::size_t given = 0;
    while (given < limit && !done()) {
        const auto& row = file_.rows()[next_];
        auto result = mapper_.map(row);
        ++next_;
        ++given;
        if (result.problem) {
            sink.quarantine(std::move(*result.problem));
            continue;
        }
        if (auto duplicate = checkDuplicate(*result.record, row)) {
            sink.quarantine(std::move(*duplicate));
            continue;
        }
        sink.accept(std::move(*result.record));
    }
    return given;
}

std::int64_t FileCursor::nextLine() const { return done() ? 0 : file_.rows()[next_].line; }

}  // namespace finsam::connectors::mapped_csv
