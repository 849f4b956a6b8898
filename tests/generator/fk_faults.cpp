// tests/generator/fk_faults.cpp — plants the FK faults (faults.h) in the world's batch files.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/fk_faults.h"

#include "tests/generator/faults.h"
#include "tests/generator/identity_spelling.h"
#include "tests/generator/rng.h"
#include "tests/generator/text_encoding.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <stdexcept>

namespace finsam::generator::fk {
namespace {

bool needsDetail(const std::string& fault) {
    return fault == "short-line" || fault == "out-of-order";
}

// Batch index per fault: distinct, never the first or last batch.
std::map<std::string, std::size_t> chooseTargets(const std::vector<BatchFile>& files,
                                                 const std::set<std::string>& faults,
                                                 std::uint64_t seed) {
    std::map<std::string, std::size_t> targets;
    std::set<std::size_t> taken;
    for (const FaultInfo& info : allFaults()) {
        const std::string name = info.name;
        if (faults.count(name) == 0) {
            continue;
        }
        std::vector<std::size_t> candidates;
        for (std::size_t i = 1; i + 1 < files.size(); ++i) {
            if (taken.count(i) == 0 && (!needsDetail(name) || !files[i].batch.details.empty())) {
                candidates.push_back(i);
            }
        }
        if (candidates.empty()) {
            throw std::invalid_argument("fault " + name +
                                        ": too few FK batches for the faults asked for (try "
                                        "more years or --participants)");
        }
        Rng rng = Rng(seed).fork("fk-fault-" + name);
        targets[name] = rng.pick(candidates);
        taken.insert(targets[name]);
    }
    return targets;
}

// A plausible person for a planted record: an identified one, so the number itself is fine.
const Person& somePerson(Rng& rng, const World& world) {
    std::vector<std::size_t> candidates;
    for (std::size_t p = 0; p < world.people.size(); ++p) {
        if (!world.people[p].skyddad) {
            candidates.push_back(p);
        }
    }
    if (candidates.empty()) {
        throw std::invalid_argument("FK detail faults need at least one person");
    }
    return world.people[rng.pick(candidates)];
}

std::string plantedArendeId(Date created, const char* code, int serial) {
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%s-%07d", yearOf(created), code, 9000000 + serial);
    return text;
}

void addDetail(BatchFile& file, Rng& rng, Detail detail, const std::string& fault,
               const std::string& reason, const std::string& receiver) {
    auto& details = file.batch.details;
    const auto at = static_cast<std::size_t>(rng.uniformInt(0, static_cast<int>(details.size())));
    details.insert(details.begin() + static_cast<std::ptrdiff_t>(at), std::move(detail));
    if (!reason.empty()) {
        file.quarantined.push_back({at, reason, fault});
    }
    file.fault = fault;
    file.lines = renderLines(file.batch, receiver);
}

void plantDetailFault(BatchFile& file, const std::string& fault, const World& world,
                      std::uint64_t seed) {
    Rng rng = Rng(seed).fork("fk-fault-" + fault + "-record");
    const Person& person = somePerson(rng, world);
    const std::string& receiver = world.forbund.organisationsnummer;
    Detail detail;
    detail.personnummer = twelveDigits(person.personnummer);
    detail.omfattning = 100;
    const Date created = file.batch.created;
    if (fault == "unknown-formanskod") {
        // Ö is one byte in ISO-8859-1, so the line stays 100 characters.
        detail.formanskod = toLatin1("ÖVR");
        detail.from = addDays(created, -rng.uniformInt(10, 25));
        detail.arendeId = plantedArendeId(created, "OVR", 1);
        addDetail(file, rng, detail, fault, "unknown_code", receiver);
    } else if (fault == "tom-before-from") {
        detail.formanskod = "SJP";
        detail.from = addDays(created, -rng.uniformInt(10, 25));
        detail.tom = addDays(detail.from, -rng.uniformInt(1, 30));
        detail.arendeId = plantedArendeId(created, "SJP", 2);
        addDetail(file, rng, detail, fault, "end_before_start", receiver);
    } else {  // makulering-of-unknown: nothing to quarantine, the hub ignores and logs it
        detail.formanskod = "RHP";
        detail.from = addDays(created, -rng.uniformInt(30, 90));
        detail.arendeId = plantedArendeId(created, "RHP", 3);
        detail.andring = 'M';
        addDetail(file, rng, detail, fault, "", receiver);
    }
}

void reject(BatchFile& file, const std::string& fault, const std::string& reason,
            std::size_t line) {
    file.fault = fault;
    file.rejectReason = reason;
    file.rejectLine = line;
}

void plantLineFault(BatchFile& file, const std::string& fault, std::uint64_t seed) {
    auto& lines = file.lines;
    std::int64_t sum = 0;
    for (const Detail& detail : file.batch.details) {
        sum += detail.omfattning;
    }
    const auto count = static_cast<std::int64_t>(file.batch.details.size());
    if (fault == "short-line") {
        Rng rng = Rng(seed).fork("fk-fault-short-line-line");
        const auto index = static_cast<std::size_t>(rng.uniformInt(1, static_cast<int>(count)));
        // What an editor that trims trailing blanks leaves behind.
        lines[index].erase(lines[index].find_last_not_of(' ') + 1);
        reject(file, fault, "line_length", index + 1);
    } else if (fault == "missing-trailer") {
        lines.pop_back();
        reject(file, fault, "missing_trailer", lines.size());
    } else if (fault == "count-mismatch") {
        lines.back() = trailerLine(count + 1, sum);
        reject(file, fault, "count_mismatch", lines.size());
    } else if (fault == "sum-mismatch") {
        lines.back() = trailerLine(count, sum + 25);
        reject(file, fault, "sum_mismatch", lines.size());
    } else if (fault == "out-of-order") {
        std::swap(lines[lines.size() - 1], lines[lines.size() - 2]);
        reject(file, fault, "out_of_order", lines.size());
    }
}

BatchFile redelivery(const BatchFile& original, const std::string& receiver) {
    BatchFile copy = original;
    copy.batch.hour = 18;
    copy.batch.minute = 30;
    copy.lines[0] = headerLine(copy.batch.created, copy.batch.hour, copy.batch.minute,
                               copy.batch.number, receiver);
    char name[64];
    std::snprintf(name, sizeof name, "redelivery/fk_ers_%s_%08lld01.txt", receiver.c_str(),
                  static_cast<long long>(copy.batch.number));
    copy.path = name;
    copy.fault = "duplicate-batch";
    return copy;
}

}  // namespace

PlannedFiles plantFaults(std::vector<BatchFile> files, const World& world,
                         const std::set<std::string>& faults, std::uint64_t seed) {
    const auto targets = chooseTargets(files, faults, seed);
    for (const auto& [fault, index] : targets) {
        if (fault == "unknown-formanskod" || fault == "tom-before-from" ||
            fault == "makulering-of-unknown") {
            plantDetailFault(files[index], fault, world, seed);
        } else {
            plantLineFault(files[index], fault, seed);
        }
    }
    PlannedFiles planned;
    std::optional<BatchFile> copy;
    if (const auto t = targets.find("duplicate-batch"); t != targets.end()) {
        copy = redelivery(files[t->second], world.forbund.organisationsnummer);
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto gap = targets.find("batch-gap");
        if (gap != targets.end() && gap->second == i) {
            planned.lostBatches.push_back(files[i].batch.number);
            continue;
        }
        planned.files.push_back(std::move(files[i]));
    }
    if (copy) {
        planned.files.push_back(std::move(*copy));
    }
    return planned;
}

}  // namespace finsam::generator::fk
