// plugins/mapped-csv/src/file_cursor.h — how far one loaded file has been read, across batches.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "data_file.h"
#include "finsam/sdk/connector.h"
#include "mapped_csv_settings.h"
#include "row_mapper.h"

namespace finsam::connectors::mapped_csv {

/// A loaded file and the index of its next data row. Not copyable or movable: the row mapper keeps
/// references into it.
class FileCursor {
public:
    /// Starts at data row `next` (0-based), e.g. from a checkpoint. `settings` must outlive it.
    FileCursor(const Settings& settings, DataFile file, std::string name, std::string sha256,
               std::size_t next);
    FileCursor(const FileCursor&) = delete;
    FileCursor& operator=(const FileCursor&) = delete;

    /// Gives the sink at most `limit` rows (each an accepted record or a quarantined problem) and
    /// returns how many it gave.
    std::size_t emit(std::size_t limit, sdk::RecordSink& sink);

    bool done() const { return next_ >= file_.rows().size(); }
    std::size_t next() const { return next_; }
    /// Physical line of the next data row, 0 when done: a checkpoint records it to notice a file
    /// that reads differently than when the checkpoint was written.
    std::int64_t nextLine() const;
    const std::string& name() const { return name_; }
    const std::string& sha256() const { return sha256_; }

private:
    /// In a snapshot a key stands once; returns the problem for a repeat, after remembering a
    /// first.
    std::optional<sdk::Problem> checkDuplicate(const sdk::Record& record, const sdk::toolkit::CsvRecord& row);

    const Settings& settings_;
    DataFile file_;
    RowMapper mapper_;
    std::string name_;
    std::string sha256_;
    std::size_t next_ = 0;
    std::map<std::string, std::int64_t> seenKeys_;  ///< snapshot mode: key -> first line
};

}  // namespace finsam::connectors::mapped_csv
