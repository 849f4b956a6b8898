// tests/generator/fk_truth.cpp — what a correct hub ends up with after reading an FK drop.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/fk_truth.h"

#include "tests/generator/json_output.h"
#include "tests/generator/text_encoding.h"

#include <algorithm>

namespace finsam::generator::fk {
namespace {

class HubModel {
public:
    Truth run(const std::vector<BatchFile>& files, const std::vector<std::int64_t>& lost,
              const VolumeResult& volume) {
        Truth truth;
        truth.lostBatches = lost;
        std::vector<const BatchFile*> order;
        for (const BatchFile& file : files) {
            order.push_back(&file);
        }
        std::vector<const VolumeFile*> volumeOrder;
        for (const VolumeFile& file : volume.files) {
            volumeOrder.push_back(&file);
        }
        // Paths sort as the hub lists them; volume batch names continue the world's numbering.
        std::size_t v = 0;
        std::stable_sort(order.begin(), order.end(),
                         [](const BatchFile* a, const BatchFile* b) { return a->path < b->path; });
        for (const BatchFile* file : order) {
            while (v < volumeOrder.size() && volumeOrder[v]->path < file->path) {
                truth.files.push_back(readVolume(*volumeOrder[v++]));
            }
            truth.files.push_back(read(*file));
        }
        while (v < volumeOrder.size()) {
            truth.files.push_back(readVolume(*volumeOrder[v++]));
        }
        truth.final = finalState(volume);
        return truth;
    }

private:
    FileOutcome start(const std::string& path, std::int64_t batch) {
        FileOutcome outcome;
        outcome.file = "fk/" + path;
        outcome.batch = batch;
        return outcome;
    }

    // Duplicate or gap; true when the batch is to be applied.
    bool sequence(FileOutcome& outcome) {
        if (outcome.batch <= lastApplied_) {
            outcome.outcome = "duplicate";
            return false;
        }
        for (std::int64_t n = lastApplied_ + 1; lastApplied_ > 0 && n < outcome.batch; ++n) {
            outcome.missingBefore.push_back(n);
        }
        outcome.outcome = "applied";
        lastApplied_ = outcome.batch;
        return true;
    }

    FileOutcome readVolume(const VolumeFile& file) {
        FileOutcome outcome = start(file.path, file.batch);
        outcome.details = file.details;
        outcome.omfattningSum = file.omfattningSum;
        sequence(outcome);
        return outcome;
    }

    FileOutcome read(const BatchFile& file) {
        FileOutcome outcome = start(file.path, file.batch.number);
        outcome.details = file.detailLinesWritten();
        for (const Detail& d : file.batch.details) {
            outcome.omfattningSum += d.omfattning;
        }
        outcome.fault = file.fault;
        if (!file.rejectReason.empty()) {
            outcome.outcome = "rejected";
            outcome.reason = file.rejectReason;
            outcome.line = file.rejectLine;
            return outcome;
        }
        if (!sequence(outcome)) {
            return outcome;
        }
        std::map<std::size_t, const QuarantinedDetail*> quarantined;
        for (const QuarantinedDetail& q : file.quarantined) {
            quarantined[q.detail] = &q;
        }
        for (std::size_t i = 0; i < file.batch.details.size(); ++i) {
            const Detail& d = file.batch.details[i];
            const std::size_t line = i + 2;
            if (const auto q = quarantined.find(i); q != quarantined.end()) {
                outcome.quarantined.push_back({line, d.arendeId, q->second->reason, q->second->fault});
                continue;
            }
            const std::string key = periodKey(d);
            const bool known = periods_.count(key) != 0;
            if (d.andring == 'M') {
                if (known) {
                    periods_.erase(key);
                    ++outcome.retracted;
                } else {
                    outcome.logged.push_back({line, d.arendeId, "makulering_of_unknown", file.fault});
                }
                continue;
            }
            if (d.andring == 'A' && !known) {
                outcome.logged.push_back({line, d.arendeId, "amendment_of_unknown", file.fault});
            }
            periods_[key] = d;
        }
        return outcome;
    }

    FinalState finalState(const VolumeResult& volume) const {
        FinalState final;
        for (const auto& [key, d] : periods_) {
            ++final.periods;
            final.ongoing += d.tom ? 0 : 1;
            final.omfattningSum += d.omfattning;
            final.protectedPeriods += d.skyddad ? 1 : 0;
            ++final.byFormanskod[fromLatin1(d.formanskod)];
        }
        final.periods += volume.periods;
        final.ongoing += volume.ongoing;
        final.omfattningSum += volume.omfattningSum;
        final.protectedPeriods += volume.protectedPeriods;
        for (const auto& [code, count] : volume.byFormanskod) {
            final.byFormanskod[code] += count;
        }
        return final;
    }

    std::int64_t lastApplied_ = 0;
    std::map<std::string, Detail> periods_;
};

void writeNotes(JsonOutput& json, const char* name, const std::vector<DetailNote>& notes) {
    auto& w = json.writer();
    json.key(name);
    w.StartArray();
    for (const DetailNote& note : notes) {
        w.StartObject();
        json.number("line", static_cast<std::int64_t>(note.line));
        json.text("arende_id", note.arendeId);
        json.text("reason", note.reason);
        w.EndObject();
    }
    w.EndArray();
}

void writeNumbers(JsonOutput& json, const char* name, const std::vector<std::int64_t>& numbers) {
    auto& w = json.writer();
    json.key(name);
    w.StartArray();
    for (const std::int64_t n : numbers) {
        w.Int64(n);
    }
    w.EndArray();
}

void writeFiles(JsonOutput& json, const Truth& truth) {
    auto& w = json.writer();
    json.key("files");
    w.StartArray();
    for (const FileOutcome& file : truth.files) {
        w.StartObject();
        json.text("file", file.file);
        json.number("batch", file.batch);
        json.number("details", file.details);
        json.number("omfattning_sum", file.omfattningSum);
        json.text("outcome", file.outcome);
        if (file.outcome == "rejected") {
            json.text("reason", file.reason);
            json.number("line", static_cast<std::int64_t>(file.line));
        }
        if (file.outcome == "applied") {
            writeNumbers(json, "missing_before", file.missingBefore);
            writeNotes(json, "quarantined", file.quarantined);
            writeNotes(json, "logged", file.logged);
            json.number("retracted", static_cast<std::int64_t>(file.retracted));
        }
        w.EndObject();
    }
    w.EndArray();
}

void writeFaults(JsonOutput& json, const Truth& truth) {
    auto& w = json.writer();
    json.key("faults");
    w.StartArray();
    for (const FileOutcome& file : truth.files) {
        if (file.fault.empty()) {
            continue;
        }
        w.StartObject();
        json.text("fault", file.fault);
        json.text("file", file.file);
        json.number("batch", file.batch);
        if (file.outcome == "rejected") {
            json.text("expect", "file_rejected");
            json.text("reason", file.reason);
            json.number("line", static_cast<std::int64_t>(file.line));
            json.number("rows", file.details);
        } else if (file.outcome == "duplicate") {
            json.text("expect", "skipped_duplicate");
        } else if (!file.quarantined.empty()) {
            json.text("expect", "record_quarantined");
            json.number("line", static_cast<std::int64_t>(file.quarantined.front().line));
            json.text("reason", file.quarantined.front().reason);
            json.text("arende_id", file.quarantined.front().arendeId);
        } else {
            json.text("expect", "record_ignored_and_logged");
            for (const DetailNote& note : file.logged) {
                if (note.reason == "makulering_of_unknown" && note.fault == file.fault) {
                    json.number("line", static_cast<std::int64_t>(note.line));
                    json.text("reason", note.reason);
                    json.text("arende_id", note.arendeId);
                }
            }
        }
        w.EndObject();
    }
    for (const std::int64_t lost : truth.lostBatches) {
        w.StartObject();
        json.text("fault", "batch-gap");
        json.number("batch", lost);
        json.text("expect", "gap_warning");
        for (const FileOutcome& file : truth.files) {
            if (std::find(file.missingBefore.begin(), file.missingBefore.end(), lost) !=
                file.missingBefore.end()) {
                json.text("warned_by", file.file);
            }
        }
        w.EndObject();
    }
    w.EndArray();
}

}  // namespace

Truth simulateHub(const std::vector<BatchFile>& files, const std::vector<std::int64_t>& lost,
                  const VolumeResult& volume) {
    return HubModel().run(files, lost, volume);
}

std::string truthJson(const Truth& truth) {
    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    json.text("format", "fk");
    json.text("order", "files by path below fk/: batch number order, redelivery/ last");
    writeFiles(json, truth);
    writeNumbers(json, "lost_batches", truth.lostBatches);
    writeFaults(json, truth);
    json.key("final");
    w.StartObject();
    json.number("periods", truth.final.periods);
    json.number("ongoing", truth.final.ongoing);
    json.number("omfattning_sum", truth.final.omfattningSum);
    json.number("protected_periods", truth.final.protectedPeriods);
    json.counts("by_formanskod", truth.final.byFormanskod);
    w.EndObject();
    w.EndObject();
    return json.document();
}

}  // namespace finsam::generator::fk
