// connectors/forbund-csv/src/insatser_sheet.cpp — forbund-csv.md "insatser.csv": one row per insats
// and year.
// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <map>
#include <set>

#include "row_reader.h"
#include "safe_message.h"
#include "sheet_emitters.h"

namespace finsam::connectors::forbund_csv {

namespace {

namespace tk = sdk::toolkit;
using namespace column;

// "name, dates and classification must agree across an insats's rows" (forbund-csv.md
// "insatser.csv").
constexpr std::string_view kSharedColumns[] = {
    kNamn, kInriktning, kUppfoljningsmetod, kStartdatum, kSlutdatum, kHuvudman, kMalgrupper};

struct FirstRow {
    std::int64_t line = 0;
    std::vector<std::string> shared;  ///< kSharedColumns' values, Målgrupper as a sorted list
    std::vector<std::string> cells;   ///< the same cells as sent, for messages
};

// A quarantined row, held until the sheet is read: which entity it protects depends on later rows.
struct HeldProblem {
    sdk::Problem problem;
    std::string insatsId;
    std::string budgetKey;
};

std::vector<std::string> cellsOf(const RowReader& row) {
    std::vector<std::string> cells;
    for (auto header : kSharedColumns) {
        cells.emplace_back(row.cell(header));
    }
    return cells;
}

// Målgrupper is a set: "A;B" and "B; A" agree.
std::vector<std::string> sharedValues(const RowReader& row) {
    std::vector<std::string> values = cellsOf(row);
    auto items = tk::splitList(row.cell(kMalgrupper));
    std::sort(items.begin(), items.end());
    std::string joined;
    for (const auto& item : items) {
        joined += item + ";";
    }
    values[std::size(kSharedColumns) - 1] = joined;
    return values;
}

void checkConsistent(RowReader& row, const std::string& id, const FirstRow& first) {
    const auto shared = sharedValues(row);
    for (std::size_t i = 0; i < shared.size(); ++i) {
        if (shared[i] != first.shared[i]) {
            const auto header = kSharedColumns[i];
            row.fail(header, "inconsistent_insats",
                     std::string(header) + " " + tk::quoteForMessage(row.cell(header)) +
                         " differs from " + tk::quoteForMessage(first.cells[i]) + " on line " +
                         std::to_string(first.line) + " for insats " + tk::quoteForMessage(id));
            return;
        }
    }
}

std::vector<sdk::Field> insatsFields(RowReader& row) {
    std::vector<sdk::Field> fields;
    row.addText(fields, "insats_id", kInsatsId);
    row.addText(fields, "namn", kNamn);
    row.addText(fields, "inriktning", kInriktning);
    row.addText(fields, "uppfoljningsmetod", kUppfoljningsmetod);
    row.addDate(fields, "startdatum", kStartdatum);
    row.addDate(fields, "slutdatum", kSlutdatum);
    row.addText(fields, "huvudman", kHuvudman);
    row.addList(fields, "malgrupp", kMalgrupper);
    return fields;
}

// Head counts are filled only for "Endast antal" insatser; the validator, not the connector, checks
// that.
std::vector<sdk::Field> budgetFields(RowReader& row) {
    std::vector<sdk::Field> fields;
    row.addText(fields, "insats_id", kInsatsId);
    row.addInteger(fields, "budgetar", kBudgetar, tk::DigitGrouping::kNone);
    row.addAmount(fields, "budget_kr", kBudgetKr);
    row.addInteger(fields, "planerat_antal", kPlaneratAntal, tk::DigitGrouping::kAllowed);
    row.addText(fields, "esf", kEsf);
    row.addInteger(fields, "antal_kvinnor", kAntalKvinnor, tk::DigitGrouping::kAllowed);
    row.addInteger(fields, "antal_man", kAntalMan, tk::DigitGrouping::kAllowed);
    return fields;
}

// "<Insats-ID>/<Budgetår>", or "" when either part cannot be read.
std::string budgetKeyOf(const RowReader& row) {
    const auto id = row.keyCell(kInsatsId);
    const auto year = tk::parseInteger(row.keyCell(kBudgetar));
    return id.empty() || !year ? std::string() : std::string(id) + "/" + *year;
}

// An insats none of whose rows was accepted would be retracted by the snapshot: its first
// quarantined row names the insats; every other quarantined row names its budget year.
void quarantineHeld(std::vector<HeldProblem>& held, const std::map<std::string, FirstRow>& accepted,
                    sdk::RecordSink& sink) {
    std::set<std::string> named;
    for (auto& h : held) {
        const bool nameInsats = !h.insatsId.empty() && accepted.count(h.insatsId) == 0 &&
                                named.insert(h.insatsId).second;
        h.problem.entity = nameInsats ? "insats" : "insats_budget";
        h.problem.key = nameInsats ? h.insatsId : h.budgetKey;
        sink.quarantine(std::move(h.problem));
    }
}

}  // namespace

void emitInsatser(const Sheet& sheet, sdk::RecordSink& sink) {
    std::map<std::string, FirstRow> firstRows;
    SeenKeys budgetKeys;
    std::vector<HeldProblem> held;
    for (const auto& csvRow : sheet.rows()) {
        RowReader row(sheet, csvRow);
        const std::string id = row.keyCell(kInsatsId);
        const std::string budgetKey = budgetKeyOf(row);
        if (row.checkShape()) {
            row.require(kInsatsId);
            row.require(kBudgetar);
            auto insats = insatsFields(row);
            auto budget = budgetFields(row);
            budgetKeys.check(row, budgetKey, kBudgetar, "Insats-ID/Budgetår");
            auto first = firstRows.find(id);
            if (row.ok() && first != firstRows.end()) {
                checkConsistent(row, id, first->second);
            }
            if (row.ok()) {
                budgetKeys.add(budgetKey, csvRow.line);
                if (first == firstRows.end()) {
                    firstRows.emplace(id, FirstRow{csvRow.line, sharedValues(row), cellsOf(row)});
                    sink.accept(makeRecord(row, "insats", id, std::move(insats)));
                }
                sink.accept(makeRecord(row, "insats_budget", budgetKey, std::move(budget)));
                continue;
            }
        }
        held.push_back({row.problem(), id, budgetKey});
    }
    quarantineHeld(held, firstRows, sink);
}

}  // namespace finsam::connectors::forbund_csv
