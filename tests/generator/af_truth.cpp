// tests/generator/af_truth.cpp — what a correct hub ends up with after reading an AF drop in order.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/af_truth.h"

#include "tests/generator/af_codes.h"
#include "tests/generator/json_output.h"

#include <algorithm>
#include <set>

namespace finsam::generator::af {
namespace {

const std::string& endCell(const FileRow& row) {
    return row.cells[columnIndex(row.type == RowType::kErs ? "Ersattning_tom" : "Insats_slut")];
}

class HubModel {
public:
    Truth run(const std::vector<SnapshotFile>& files) {
        Truth truth;
        for (const SnapshotFile& file : files) {
            truth.files.push_back(read(file));
        }
        truth.final = finalState();
        return truth;
    }

private:
    FileOutcome read(const SnapshotFile& file) {
        FileOutcome outcome;
        outcome.file = "af/" + file.name;
        outcome.date = file.date;
        outcome.rows = file.rows.size();
        outcome.fault = file.fault;
        if (file.utf8) {
            outcome.applied = false;
            outcome.reason = "wrong_encoding";
            return outcome;
        }
        std::set<std::string> present;
        for (const FileRow& row : file.rows) {
            present.insert(row.radId);
        }
        const std::string window = formatIsoDate(windowStart(file.date));
        std::size_t due = 0;
        for (const auto& [id, end] : lastEnds_) {
            const bool agedOut = !end.empty() && end < window;
            due += agedOut ? 0 : 1;
            if (present.count(id) == 0) {
                (agedOut ? outcome.agedOut : outcome.withdrawn).push_back(id);
            }
        }
        if (!outcome.withdrawn.empty() && outcome.withdrawn.size() * 2 > due) {
            outcome.applied = false;
            outcome.reason = "shrink_guard";
            outcome.withdrawn.clear();
            outcome.agedOut.clear();
            return outcome;
        }
        std::map<std::size_t, const RowProblem*> problems;
        for (const RowProblem& problem : file.problems) {
            problems[problem.row] = &problem;
        }
        lastEnds_.clear();
        for (std::size_t i = 0; i < file.rows.size(); ++i) {
            const FileRow& row = file.rows[i];
            lastEnds_[row.radId] = endCell(row);
            if (const auto p = problems.find(i); p != problems.end()) {
                const RowProblem& problem = *p->second;
                outcome.quarantined.push_back(
                    {file.lineOf(i), problem.field.empty() ? 0 : file.positionOf(columnIndex(problem.field)),
                     problem.field, problem.reason, row.radId, problem.fault, problem.detail});
                continue;
            }
            auto held = state_.find(row.radId);
            if (held == state_.end()) {
                ++outcome.added;
                state_.emplace(row.radId, row);
            } else if (held->second.cells != row.cells) {
                ++outcome.changed;
                held->second = row;
            } else {
                ++outcome.unchanged;
            }
        }
        for (const std::string& id : outcome.withdrawn) {
            state_.erase(id);
        }
        return outcome;
    }

    FinalState finalState() const {
        FinalState final;
        for (const auto& [id, row] : state_) {
            const bool ongoing = endCell(row).empty();
            if (row.type == RowType::kErs) {
                ++final.ersPeriods;
                final.ersOngoing += ongoing ? 1 : 0;
                ++final.ersByCode[row.cells[columnIndex("Ersattning")]];
            } else {
                ++final.insParticipations;
                final.insOngoing += ongoing ? 1 : 0;
                final.insWithSamtyckeRef += row.cells[columnIndex("Samtycke_ref")].empty() ? 0 : 1;
            }
        }
        return final;
    }

    std::map<std::string, FileRow> state_;          // Rad_id -> the version the hub holds
    std::map<std::string, std::string> lastEnds_;   // last applied snapshot: Rad_id -> shown end
};

void writeQuarantined(JsonOutput& json, const QuarantinedRow& q) {
    json.number("line", static_cast<std::int64_t>(q.line));
    json.number("column", static_cast<std::int64_t>(q.column));
    json.text("field", q.field);
    json.text("reason", q.reason);
    json.text("rad_id", q.radId);
    json.text("detail", q.detail);
}

void writeFiles(JsonOutput& json, const Truth& truth) {
    auto& w = json.writer();
    json.key("files");
    w.StartArray();
    for (const FileOutcome& file : truth.files) {
        w.StartObject();
        json.text("file", file.file);
        json.text("date", formatIsoDate(file.date));
        json.number("rows", static_cast<std::int64_t>(file.rows));
        json.text("outcome", file.applied ? "applied" : "rejected");
        if (!file.applied) {
            json.text("reason", file.reason);
            w.EndObject();
            continue;
        }
        json.number("added", static_cast<std::int64_t>(file.added));
        json.number("changed", static_cast<std::int64_t>(file.changed));
        json.number("unchanged", static_cast<std::int64_t>(file.unchanged));
        json.key("quarantined");
        w.StartArray();
        for (const QuarantinedRow& q : file.quarantined) {
            w.StartObject();
            writeQuarantined(json, q);
            w.EndObject();
        }
        w.EndArray();
        json.strings("withdrawn", file.withdrawn);
        json.strings("aged_out", file.agedOut);
        w.EndObject();
    }
    w.EndArray();
}

void writeFaults(JsonOutput& json, const Truth& truth, const std::vector<std::string>& withdrawnByFault) {
    auto& w = json.writer();
    json.key("faults");
    w.StartArray();
    for (const FileOutcome& file : truth.files) {
        for (const QuarantinedRow& q : file.quarantined) {
            w.StartObject();
            json.text("fault", q.fault);
            json.text("file", file.file);
            json.text("expect", "row_quarantined");
            writeQuarantined(json, q);
            w.EndObject();
        }
        if (!file.fault.empty()) {
            w.StartObject();
            json.text("fault", file.fault);
            json.text("file", file.file);
            json.text("expect", file.applied ? "applied" : "file_rejected");
            json.text("reason", file.reason);
            json.number("rows", static_cast<std::int64_t>(file.rows));
            w.EndObject();
        }
    }
    if (!withdrawnByFault.empty()) {
        const FileOutcome* where = nullptr;
        for (const FileOutcome& file : truth.files) {
            for (const std::string& id : file.withdrawn) {
                if (id == withdrawnByFault.front()) {
                    where = &file;
                }
            }
        }
        w.StartObject();
        json.text("fault", "withdrawal");
        json.text("file", where ? where->file : "");
        json.text("expect", "rows_withdrawn");
        json.strings("rad_ids", withdrawnByFault);
        w.EndObject();
    }
    w.EndArray();
}

void writeFinal(JsonOutput& json, const FinalState& final) {
    auto& w = json.writer();
    json.key("final");
    w.StartObject();
    json.number("rows", static_cast<std::int64_t>(final.ersPeriods + final.insParticipations));
    json.key("ers");
    w.StartObject();
    json.number("periods", static_cast<std::int64_t>(final.ersPeriods));
    json.number("ongoing", static_cast<std::int64_t>(final.ersOngoing));
    json.counts("by_code", final.ersByCode);
    w.EndObject();
    json.key("ins");
    w.StartObject();
    json.number("participations", static_cast<std::int64_t>(final.insParticipations));
    json.number("ongoing", static_cast<std::int64_t>(final.insOngoing));
    json.number("with_samtycke_ref", static_cast<std::int64_t>(final.insWithSamtyckeRef));
    w.EndObject();
    w.EndObject();
}

}  // namespace

Truth simulateHub(const std::vector<SnapshotFile>& files) {
    return HubModel().run(files);
}

std::string truthJson(const Truth& truth, const std::vector<std::string>& withdrawnByFault) {
    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    json.text("format", "af");
    json.number("aged_out_months", 13);
    writeFiles(json, truth);
    writeFaults(json, truth, withdrawnByFault);
    writeFinal(json, truth.final);
    w.EndObject();
    return json.document();
}

}  // namespace finsam::generator::af
