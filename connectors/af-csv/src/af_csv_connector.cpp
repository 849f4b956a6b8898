// connectors/af-csv/src/af_csv_connector.cpp — drop folder scan, stale/duplicate files, the shrink guard, the
// snapshot diff, and the checkpoint that carries the last snapshot's rows.
// SPDX-License-Identifier: Apache-2.0
#include "af_csv_connector.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <tuple>

#include "af_csv_schema.h"
#include "af_file_name.h"
#include "af_file_reader.h"
#include "content_hash.h"
#include "file_read.h"
#include "snapshot_diff.h"

namespace finsam::connectors::af_csv {

namespace fs = std::filesystem;

namespace {

struct Candidate {
    std::string name;
    std::string date;
    bool operator<(const Candidate& other) const { return std::tie(date, name) < std::tie(other.date, other.name); }
};

}  // namespace

std::string AfCsvConnector::id() const { return kConnectorId; }

std::string AfCsvConnector::version() const { return kConnectorVersion; }

std::string AfCsvConnector::configSchema() const { return std::string(settingsSchemaText()); }

std::vector<std::string> AfCsvConnector::check(const std::string& settingsJson, const sdk::Context& context) const {
    return checkSettings(settingsJson, context.configDir);
}

std::unique_ptr<sdk::ConnectorRun> AfCsvConnector::open(const std::string& settingsJson,
                                                        const std::string& checkpoint,
                                                        const sdk::Context& context, sdk::Result& error) {
    std::vector<std::string> problems;
    auto settings = parseSettings(settingsJson, context.configDir, problems);
    if (!settings) {
        error = {sdk::Status::kInvalidConfig, problems.front()};
        return nullptr;
    }
    auto state = SnapshotState::parse(checkpoint);
    if (!state) {
        // Without the last snapshot's rows no withdrawal can be told from an ageing out: refuse rather than
        // guess, and let the operator reset the checkpoint knowingly.
        error = {sdk::Status::kInvalidConfig,
                 "af-csv: the stored checkpoint is not an af-csv checkpoint; reset it to read the drop folder anew"};
        return nullptr;
    }
    return std::make_unique<AfCsvRun>(std::move(*settings), std::move(*state), context.logger);
}

AfCsvRun::AfCsvRun(Settings settings, SnapshotState state, sdk::Logger* logger)
    : settings_(std::move(settings)), state_(std::move(state)), logger_(logger) {}

sdk::BatchOutcome AfCsvRun::readBatch(std::size_t /*maxRecords: a snapshot is one unit*/, sdk::RecordSink& sink) {
    sdk::BatchOutcome outcome;
    try {
        std::error_code error;
        if (!fs::is_directory(settings_.dropDir, error)) {
            outcome.result = {sdk::Status::kSourceUnavailable,
                              "drop folder " + settings_.dropDir.string() + " is not reachable"};
        } else {
            outcome.drained = !applyNext(sink);
        }
    } catch (const std::exception& e) {
        outcome.result = {sdk::Status::kInternalError, std::string("af-csv: ") + e.what()};
    }
    outcome.checkpoint = state_.toJson();
    return outcome;
}

bool AfCsvRun::applyNext(sdk::RecordSink& sink) {
    std::vector<Candidate> candidates;
    for (const auto& entry : fs::directory_iterator(settings_.dropDir)) {
        const std::string name = entry.path().filename().string();
        auto parsed = parseAfFileName(name);  // a *.tmp never parses: AF is still writing it
        if (entry.is_regular_file() && parsed && parsed->orgnr == settings_.forbundOrgnr) {
            candidates.push_back({name, parsed->date});
        }
    }
    std::sort(candidates.begin(), candidates.end());
    // Once the bounded list of applied files is full, files dated before everything it remembers were dealt
    // with long ago: they are neither read nor refused again (refusing would push the next one out, forever).
    std::string oldestRemembered;
    if (state_.applied.size() >= SnapshotState::kAppliedKept) {
        oldestRemembered = state_.date;
        for (const auto& file : state_.applied) {
            if (auto parsed = parseAfFileName(file.name); parsed && parsed->date < oldestRemembered) {
                oldestRemembered = parsed->date;
            }
        }
    }
    for (const auto& candidate : candidates) {
        const bool older = !state_.date.empty() && candidate.date < state_.date;
        if (older && (candidate.date < oldestRemembered ||
                      std::any_of(state_.applied.begin(), state_.applied.end(),
                                  [&](const FileRef& file) { return file.name == candidate.name; }))) {
            continue;  // an old file already dealt with: not even hashed again
        }
        std::string error;
        auto bytes = sdk::toolkit::readWholeFile(settings_.dropDir / candidate.name, error);
        if (!bytes) {
            sink.warn("AF snapshot of " + candidate.date + " not read: " + error);
            continue;
        }
        FileRef file{candidate.name, sdk::toolkit::sha256Hex(*bytes)};
        if (state_.wasApplied(file) || (state_.held == file && !settings_.acceptShrink)) {
            continue;
        }
        applyFile(file, candidate.date, *bytes, sink);
        return true;
    }
    return false;
}

void AfCsvRun::applyFile(const FileRef& file, const std::string& fileDate, const std::string& bytes,
                         sdk::RecordSink& sink) {
    auto finish = [&] {
        state_.markApplied(file);
        if (state_.held == file) {
            state_.held.reset();
        }
    };
    if (!state_.date.empty() && fileDate < state_.date) {
        sink.reject({{file.name, 0}, "stale_snapshot",
                     "the snapshot of " + fileDate + " is older than the last applied one (" + state_.date +
                         "): applying it would roll the hub back; nothing applied",
                     countDataRows(bytes)});
        finish();
        return;
    }
    AfFile parsed = readAfFile(bytes, file.name, fileDate);
    for (const auto& warning : parsed.warnings) {
        sink.warn(warning);
    }
    if (parsed.rejected) {
        sink.reject(std::move(*parsed.rejected));
        finish();  // AF sends a corrected file under a new date; the same bytes would be refused again
        return;
    }
    // Rad_ids present in the new snapshot. A quarantined row is present too: it keeps its earlier state. A row
    // whose Rad_id cannot be read at all could be any row: then nothing is withdrawn from this snapshot.
    std::map<std::string, RowState> current;
    bool unreadableRow = false;
    for (auto& row : parsed.rows) {
        if (row.id.empty()) {
            unreadableRow = true;
            continue;
        }
        if (current.count(row.id) != 0 && row.problem) {
            continue;  // already quarantined: it keeps its own line and reason
        }
        if (current.count(row.id) != 0) {
            row.problem = sdk::Problem{row.record ? row.record->position : sdk::Position{file.name, 0}, 0, "Rad_id",
                                       "duplicate_key", "Rad_id " + row.id + " occurs twice; the first row is used",
                                       row.record ? row.record->raw : "", row.record ? row.record->entity : "",
                                       row.id};
            row.record.reset();
            continue;
        }
        auto previous = state_.rows.find(row.id);
        current[row.id] = row.record || previous == state_.rows.end() ? row.state : previous->second;
    }
    SnapshotDiff diff;
    if (!state_.date.empty()) {
        diff = diffSnapshots(state_.rows, current, fileDate, settings_.agedOutMonths);
    }
    if (unreadableRow && !diff.withdrawn.empty()) {
        sink.warn("AF snapshot of " + fileDate + ": a row without a readable Rad_id; " +
                  std::to_string(diff.withdrawn.size()) + " withdrawal(s) not applied until a snapshot is whole");
        for (const auto& withdrawal : diff.withdrawn) {
            current[withdrawal.id] = state_.rows.at(withdrawal.id);  // still held as present
        }
        diff.withdrawn.clear();
    }
    if (diff.suspicious() && !settings_.acceptShrink) {
        sink.reject({{file.name, 0}, "shrink_guard",
                     "the snapshot of " + fileDate + " withdraws " + std::to_string(diff.withdrawn.size()) + " of the " +
                         std::to_string(diff.expected) +
                         " rows that should still be present: more than half, so nothing was applied. Check the "
                         "file with AF; to apply it, set accept_shrink: true for one run",
                     static_cast<std::int64_t>(parsed.rows.size())});
        state_.held = file;
        return;
    }
    for (auto& row : parsed.rows) {
        if (row.record) {
            sink.accept(std::move(*row.record));
        } else if (row.problem) {
            sink.quarantine(std::move(*row.problem));
        }
    }
    // Withdrawals are not rows of this file: line 0 says so, and the host does not count them as read rows.
    for (const auto& withdrawal : diff.withdrawn) {
        if (withdrawal.kind == 'E' || withdrawal.kind == 'I') {
            sink.accept({withdrawal.kind == 'E' ? "ersattningsperiod" : "deltagande", withdrawal.id,
                         sdk::Operation::kRetract, {}, {file.name, 0}, ""});
        }
    }
    if (!diff.withdrawn.empty() || diff.agedOut != 0) {
        sink.warn("AF snapshot of " + fileDate + ": " + std::to_string(diff.withdrawn.size()) +
                  " row(s) withdrawn by AF (retracted), " +
                  std::to_string(diff.agedOut) + " aged out (kept)");
    }
    state_.rows = std::move(current);
    state_.date = fileDate;
    finish();
}

}  // namespace finsam::connectors::af_csv
