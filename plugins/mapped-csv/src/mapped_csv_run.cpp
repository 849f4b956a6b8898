// plugins/mapped-csv/src/mapped_csv_run.cpp — which file, how much of it, and what the checkpoint
// says.
// SPDX-License-Identifier: Apache-2.0
#include "mapped_csv_run.h"

#include <exception>
#include <filesystem>
#include <limits>

#include "content_hash.h"
#include "drop_listing.h"
#include "file_read.h"

namespace finsam::connectors::mapped_csv {

namespace tk = sdk::toolkit;

MappedCsvRun::MappedCsvRun(Settings settings, FileCheckpoint checkpoint, sdk::Logger* logger)
    : settings_(std::move(settings)), checkpoint_(std::move(checkpoint)), logger_(logger) {}

void MappedCsvRun::log(sdk::Logger::Level level, const std::string& message) const {
    if (logger_ != nullptr) {
        logger_->log(level, "mapped-csv: " + message);
    }
}

sdk::BatchOutcome MappedCsvRun::readBatch(std::size_t maxRecords, sdk::RecordSink& sink) {
    const FileCheckpoint before = checkpoint_;
    sdk::BatchOutcome outcome;
    try {
        outcome = readOnce(maxRecords, sink);
    } catch (const std::exception& e) {
        outcome.result = {sdk::Status::kInternalError, std::string("mapped-csv: ") + e.what()};
    }
    if (outcome.result.status != sdk::Status::kOk) {
        // The host does not commit a failed batch: forget what this one did, so a retry repeats it.
        checkpoint_ = before;
        cursor_.reset();
        outcome.checkpoint = checkpoint_.toString();
    }
    return outcome;
}

sdk::BatchOutcome MappedCsvRun::readOnce(std::size_t maxRecords, sdk::RecordSink& sink) {
    sdk::BatchOutcome outcome;
    outcome.checkpoint = checkpoint_.toString();
    const auto listing = listDropFolder(settings_.dropDir, settings_.filePattern);
    if (!listing.reachable) {
        outcome.result = {
            sdk::Status::kSourceUnavailable,
            "drop folder " + settings_.dropDir.string() + " is not reachable: " + listing.error};
        return outcome;
    }
    std::string why;
    if (!cursor_ && checkpoint_.reading && !resume(sink, why)) {
        outcome.result = {sdk::Status::kSourceUnavailable, why};
        return outcome;
    }
    if (!cursor_) {
        switch (openNext(listing.names, sink, why)) {
            case Next::kOpened:
                break;
            case Next::kRejected:
                outcome.checkpoint = checkpoint_.toString();
                return outcome;  // one rejection is a batch of its own; look again next time
            case Next::kNone:
                outcome.drained = true;
                outcome.checkpoint = checkpoint_.toString();
                return outcome;
            case Next::kUnreadable:
                outcome.result = {sdk::Status::kSourceUnavailable, why};
                return outcome;
        }
    }
    const std::size_t limit = settings_.mode == ChangeMode::kSnapshot
                                  ? std::numeric_limits<std::size_t>::max()
                                  : std::max<std::size_t>(maxRecords, 1);
    cursor_->emit(limit, sink);
    if (cursor_->done()) {
        finishFile(sink);
    } else {
        checkpoint_.reading =
            FilePosition{cursor_->name(), cursor_->sha256(),
                         static_cast<std::int64_t>(cursor_->next()), cursor_->nextLine()};
    }
    outcome.checkpoint = checkpoint_.toString();
    return outcome;
}

void MappedCsvRun::finishFile(sdk::RecordSink& sink) {
    if (settings_.mode == ChangeMode::kSnapshot) {
        sink.snapshotComplete(settings_.entity);
    }
    checkpoint_.applied[cursor_->name()] = cursor_->sha256();
    checkpoint_.reading.reset();
    cursor_.reset();
}

// The checkpoint says a file was partly read. Resume only the very same content at the very same
// row; false (with `why`) when the file is there but cannot be read now.
bool MappedCsvRun::resume(sdk::RecordSink& sink, std::string& why) {
    const FilePosition position = *checkpoint_.reading;
    checkpoint_.reading.reset();
    const auto path = settings_.dropDir / position.file;
    std::string error;
    const auto bytes = tk::readWholeFile(path, error);
    std::error_code existsError;
    if (!bytes && (std::filesystem::exists(path, existsError) || existsError)) {
        why = "file " + position.file + " in " + settings_.dropDir.string() +
              " was partly read and cannot be read now: " + error;
        return false;  // perhaps a permission being fixed: retry rather than skip its rows
    }
    if (!bytes) {
        sink.warn(position.file + " was partly read and is gone; its remaining rows are not read");
        return true;
    }
    const std::string sha256 = tk::sha256Hex(*bytes);
    if (sha256 != position.sha256) {
        sink.warn(position.file +
                  " changed after it was partly read; it is read again as a new file");
        return true;
    }
    FileRejection rejection;
    auto file = DataFile::load(path.string(), *bytes, settings_, rejection);
    if (!file) {
        return true;  // the settings changed under it: the scan below refuses it with the reason
    }
    cursor_ = std::make_unique<FileCursor>(settings_, std::move(*file), position.file, sha256,
                                           static_cast<std::size_t>(position.offset));
    if (cursor_->nextLine() != position.line) {
        sink.warn(position.file + ": the checkpoint's row " + std::to_string(position.offset) +
                  " is no longer on line " + std::to_string(position.line) +
                  " (were the settings changed?); the file is read again from its first row");
        cursor_.reset();
    }
    return true;
}

MappedCsvRun::Next MappedCsvRun::openNext(const std::vector<std::string>& names,
                                          sdk::RecordSink& sink, std::string& why) {
    for (const auto& name : names) {
        const auto path = settings_.dropDir / name;
        if (auto known = hashes_.find(path); known && checkpoint_.isApplied(name, *known)) {
            continue;
        }
        const auto stamp = FileStamp::of(path);
        std::string error;
        const auto bytes = tk::readWholeFile(path, error);
        std::error_code gone;
        if (!bytes && !std::filesystem::exists(path, gone) && !gone) {
            continue;  // renamed or removed since the listing: nothing to read
        }
        if (!bytes || !stamp) {
            why = "file " + name + " in " + settings_.dropDir.string() +
                  " cannot be read: " + (bytes ? std::string("cannot be examined") : error);
            return Next::kUnreadable;
        }
        const std::string sha256 = tk::sha256Hex(*bytes);
        hashes_.remember(path, *stamp, sha256);
        if (checkpoint_.isApplied(name, sha256)) {
            continue;
        }
        FileRejection rejection;
        auto file = DataFile::load(path.string(), *bytes, settings_, rejection);
        if (!file) {
            sdk::RejectedSource rejected;
            rejected.position = {path.string(), 0};
            rejected.code = rejection.code;
            rejected.message = rejection.message;
            rejected.rows = rejection.rows;
            sink.reject(std::move(rejected));
            checkpoint_.applied[name] = sha256;
            log(sdk::Logger::Level::kWarning, name + " rejected: " + rejection.code);
            return Next::kRejected;
        }
        log(sdk::Logger::Level::kInfo,
            "reading " + name + " (" + std::to_string(file->rows().size()) + " rows)");
        cursor_ = std::make_unique<FileCursor>(settings_, std::move(*file), name, sha256, 0);
        return Next::kOpened;
    }
    return Next::kNone;
}

}  // namespace finsam::connectors::mapped_csv
