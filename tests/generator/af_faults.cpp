// tests/generator/af_faults.cpp — plants the AF faults (faults.h) in a planned drop.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/af_faults.h"

#include "tests/generator/af_codes.h"
#include "tests/generator/identity_spelling.h"
#include "tests/generator/rng.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace finsam::generator::af {
namespace {

constexpr std::size_t kMinRowsForWithdrawal = 5;  // 2 withdrawals stay under half of what is due

Rng faultRng(std::uint64_t seed, const std::string& fault) {
    return Rng(seed).fork("af-fault-" + fault);
}

// A row of `file` that `fits` and no other fault has taken.
std::size_t pickRow(Rng& rng, const SnapshotFile& file, std::set<std::size_t>& taken,
                    const std::string& fault, const std::function<bool(const FileRow&)>& fits) {
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < file.rows.size(); ++i) {
        if (taken.count(i) == 0 && fits(file.rows[i])) {
            candidates.push_back(i);
        }
    }
    if (candidates.empty()) {
        throw std::invalid_argument("fault " + fault + ": the last AF snapshot has no row to put "
                                    "it in (try more --participants)");
    }
    const std::size_t row = rng.pick(candidates);
    taken.insert(row);
    return row;
}

std::string& cell(FileRow& row, const char* column) {
    return row.cells[columnIndex(column)];
}

void plantBadDate(SnapshotFile& file, std::set<std::size_t>& taken, std::uint64_t seed) {
    Rng rng = faultRng(seed, "bad-date");
    const std::size_t i = pickRow(rng, file, taken, "bad-date", [](const FileRow&) { return true; });
    FileRow& row = file.rows[i];
    const char* column = row.type == RowType::kErs ? "Ersattning_from" : "Insats_start";
    // The 30th of February: right shape, impossible day.
    std::string& value = cell(row, column);
    value = value.substr(0, 4) + "-02-30";
    file.problems.push_back({i, column, "bad_value", "bad-date",
                             std::string(column) + " " + value + " is not a date"});
}

void plantBadPersonnummer(SnapshotFile& file, std::set<std::size_t>& taken, std::uint64_t seed) {
    Rng rng = faultRng(seed, "bad-personnummer");
    // Protected rows are anonymous before the number is ever checked: use an identified one.
    const std::size_t i = pickRow(rng, file, taken, "bad-personnummer", [](const FileRow& row) {
        return row.cells[columnIndex("Skyddad")].empty();
    });
    std::string& number = cell(file.rows[i], "Personnummer");
    number = withWrongCheckDigit(number);
    file.problems.push_back({i, "Personnummer", "invalid_personnummer", "bad-personnummer",
                             "Luhn check digit is wrong"});
}

void plantUnknownCode(SnapshotFile& file, std::set<std::size_t>& taken, std::uint64_t seed) {
    Rng rng = faultRng(seed, "unknown-code");
    const std::size_t i = pickRow(rng, file, taken, "unknown-code",
                                  [](const FileRow& row) { return row.type == RowType::kErs; });
    cell(file.rows[i], "Ersattning") = "XYZ";
    file.problems.push_back(
        {i, "Ersattning", "unknown_code", "unknown-code", "Ersattning code XYZ is not mapped"});
}

void plantWrongFieldCount(SnapshotFile& file, std::set<std::size_t>& taken, std::uint64_t seed) {
    Rng rng = faultRng(seed, "wrong-field-count");
    const std::size_t i = pickRow(rng, file, taken, "wrong-field-count",
                                  [](const FileRow&) { return true; });
    file.rows[i].dropColumn = file.order.back();
    file.problems.push_back({i, "", "wrong_shape", "wrong-field-count",
                             "row has " + std::to_string(file.order.size() - 1) +
                                 " fields, the header has " + std::to_string(file.order.size())});
}

}  // namespace

std::vector<std::string> withdrawRealRows(Catalogue& catalogue, const std::vector<Date>& dates,
                                          std::uint64_t seed) {
    if (dates.size() < 2) {
        throw std::invalid_argument("fault withdrawal needs --af-snapshots 2 or more");
    }
    const Date previous = dates[dates.size() - 2];
    const Date last = dates.back();
    std::vector<std::size_t> ers;
    std::vector<std::size_t> ins;
    std::size_t due = 0;
    for (std::size_t i = 0; i < catalogue.rows.size(); ++i) {
        const CatalogueRow& row = catalogue.rows[i];
        if (!presentOn(row, previous) || !presentOn(row, last)) {
            continue;
        }
        ++due;
        if (row.benefit || row.deltagande) {
            (row.type == RowType::kErs ? ers : ins).push_back(i);
        }
    }
    if (due < kMinRowsForWithdrawal || ers.size() + ins.size() < 2) {
        throw std::invalid_argument("fault withdrawal needs more AF rows (try more --participants)");
    }
    Rng rng = faultRng(seed, "withdrawal");
    std::vector<std::size_t> chosen;
    if (!ers.empty() && !ins.empty()) {
        chosen = {rng.pick(ers), rng.pick(ins)};
    } else {
        std::vector<std::size_t>& pool = ers.empty() ? ins : ers;
        rng.shuffle(pool);
        chosen = {pool[0], pool[1]};
    }
    std::vector<std::string> ids;
    for (const std::size_t i : chosen) {
        catalogue.rows[i].withdrawnOn = last;
        ids.push_back(catalogue.rows[i].radId);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

void plantFileFaults(std::vector<SnapshotFile>& files, const World& world,
                     const Catalogue& catalogue, const std::set<std::string>& faults,
                     std::uint64_t seed, bool shuffleColumns) {
    SnapshotFile& last = files.back();
    std::set<std::size_t> taken;
    if (faults.count("bad-date") != 0) {
        plantBadDate(last, taken, seed);
    }
    if (faults.count("bad-personnummer") != 0) {
        plantBadPersonnummer(last, taken, seed);
    }
    if (faults.count("unknown-code") != 0) {
        plantUnknownCode(last, taken, seed);
    }
    if (faults.count("wrong-field-count") != 0) {
        plantWrongFieldCount(last, taken, seed);
    }
    std::sort(last.problems.begin(), last.problems.end(),
              [](const RowProblem& a, const RowProblem& b) { return a.row < b.row; });
    Date next = last.date;
    const bool shuffle = shuffleColumns && files.size() > 1;
    if (faults.count("utf8-file") != 0) {
        next = addDays(next, 1);
        SnapshotFile file = planSnapshot(world, catalogue, seed, next, shuffle);
        file.utf8 = true;
        file.fault = "utf8-file";
        files.push_back(std::move(file));
    }
    if (faults.count("shrink") != 0) {
        next = addDays(next, 1);
        SnapshotFile file = planSnapshot(world, catalogue, seed, next, shuffle);
        Rng rng = faultRng(seed, "shrink");
        rng.shuffle(file.rows);
        file.rows.resize(file.rows.size() / 3);
        std::sort(file.rows.begin(), file.rows.end(),
                  [](const FileRow& a, const FileRow& b) { return a.radId < b.radId; });
        file.fault = "shrink";
        files.push_back(std::move(file));
    }
}

}  // namespace finsam::generator::af
