// tests/generator/checks/replay.cpp — the specs' hub rules applied to the files as read.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/checks/replay.h"

#include "tests/generator/checks/af_spec_check.h"
#include "tests/generator/checks/fk_spec_check.h"

#include <chrono>
#include <cstdio>

namespace finsam::generator::checks {
namespace {

std::string endOf(const AfFile& file, const AfRow& row) {
    return file.value(row, file.value(row, "Radtyp") == "INS" ? "Insats_slut" : "Ersattning_tom");
}

}  // namespace

std::string windowStartOf(const std::string& fileDate) {
    using namespace std::chrono;
    const year_month_day date{year{std::stoi(fileDate.substr(0, 4))},
                              month{static_cast<unsigned>(std::stoi(fileDate.substr(5, 2)))},
                              day{static_cast<unsigned>(std::stoi(fileDate.substr(8, 2)))}};
    const year_month shifted = year_month{date.year(), date.month()} - months{13};
    year_month_day start{shifted / date.day()};
    if (!start.ok()) {
        start = year_month_day{shifted / last};
    }
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(start.year()),
                  static_cast<unsigned>(start.month()), static_cast<unsigned>(start.day()));
    return text;
}

AfReplay replayAf(const std::map<std::string, std::string>& files) {
    AfReplay replay;
    std::map<std::string, std::map<std::string, std::string>> state;
    std::map<std::string, std::string> lastEnds;
    for (const auto& [name, bytes] : files) {
        const AfFile file = checkAfFile(name, bytes);
        ReplayedFile outcome{name, "applied", "", {}, {}, {}};
        if (file.utf8) {
            outcome.outcome = "rejected";
            outcome.reason = "wrong_encoding";
            replay.files.push_back(outcome);
            continue;
        }
        std::set<std::string> present;
        for (const AfRow& row : file.rows) {
            present.insert(file.value(row, "Rad_id"));
        }
        const std::string window = windowStartOf(file.date);
        std::size_t due = 0;
        for (const auto& [id, end] : lastEnds) {
            const bool aged = !end.empty() && end < window;
            due += aged ? 0 : 1;
            if (present.count(id) == 0) {
                (aged ? outcome.agedOut : outcome.withdrawn).insert(id);
            }
        }
        if (!outcome.withdrawn.empty() && outcome.withdrawn.size() * 2 > due) {
            replay.files.push_back({name, "rejected", "shrink_guard", {}, {}, {}});
            continue;
        }
        std::set<std::size_t> badLines;
        for (const AfRowProblem& problem : file.problems) {
            badLines.insert(problem.line);
        }
        lastEnds.clear();
        for (const AfRow& row : file.rows) {
            const std::string id = file.value(row, "Rad_id");
            lastEnds[id] = endOf(file, row);
            if (badLines.count(row.line) != 0) {
                continue;
            }
            auto& held = state[id];
            held.clear();
            for (std::size_t i = 0; i < file.header.size(); ++i) {
                held[file.header[i]] = row.fields[i];
            }
        }
        for (const std::string& id : outcome.withdrawn) {
            state.erase(id);
        }
        replay.files.push_back(outcome);
    }
    for (const auto& [id, row] : state) {
        if (row.at("Radtyp") == "ERS") {
            ++replay.ersPeriods;
            replay.ersOngoing += row.at("Ersattning_tom").empty() ? 1 : 0;
            ++replay.ersByCode[row.at("Ersattning")];
        } else {
            ++replay.insParticipations;
            replay.insOngoing += row.at("Insats_slut").empty() ? 1 : 0;
            replay.insWithSamtyckeRef += row.at("Samtycke_ref").empty() ? 0 : 1;
        }
    }
    return replay;
}

FkReplay replayFk(const std::map<std::string, std::string>& files) {
    FkReplay replay;
    std::map<std::string, FkDetailRecord> periods;
    std::int64_t last = 0;
    for (const auto& [path, bytes] : files) {
        const FkFile file = checkFkFile(path, bytes);
        ReplayedFile outcome{path, "applied", "", {}, {}, {}};
        if (!file.rejectReason.empty()) {
            outcome.outcome = "rejected";
            outcome.reason = file.rejectReason;
        } else if (file.batch <= last) {
            outcome.outcome = "duplicate";
        } else {
            for (std::int64_t n = last + 1; last > 0 && n < file.batch; ++n) {
                outcome.missingBefore.push_back(n);
            }
            last = file.batch;
            for (const FkDetailRecord& d : file.details) {
                const std::string key = d.arendeId + "@" + d.from;
                if (d.andring == 'M') {
                    periods.erase(key);
                } else {
                    periods[key] = d;
                }
            }
        }
        replay.files.push_back(outcome);
    }
    for (const auto& [key, d] : periods) {
        ++replay.periods;
        replay.ongoing += d.tom.empty() ? 1 : 0;
        replay.omfattningSum += d.omfattning;
        replay.protectedPeriods += d.skyddad ? 1 : 0;
        ++replay.byFormanskod[d.formanskod];
    }
    return replay;
}

}  // namespace finsam::generator::checks
