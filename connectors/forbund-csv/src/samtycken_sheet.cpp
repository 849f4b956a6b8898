// connectors/forbund-csv/src/samtycken_sheet.cpp — forbund-csv.md "samtycken.csv": the consent
// register.
// SPDX-License-Identifier: Apache-2.0
#include "row_reader.h"
#include "sheet_emitters.h"

namespace finsam::connectors::forbund_csv {

namespace {

using namespace column;

// "Gäller (an Insats-ID, or Förbundet for all its insatser)".
bool isWholeForbund(std::string_view galler) {
    return galler == "Förbundet" || galler == "förbundet";
}

std::vector<sdk::Field> samtyckeFields(RowReader& row) {
    std::vector<sdk::Field> fields;
    row.addText(fields, "personnummer", kPersonnummer);  // as sent; the identity stage parses it
    if (isWholeForbund(row.cell(kGaller))) {
        fields.push_back({"galler_forbund", "true", row.column(kGaller)});
    } else {
        row.addText(fields, "galler_insats", kGaller);
    }
    row.addList(fields, "parter", kParter);
    row.addList(fields, "kategorier", kKategorier);
    row.addList(fields, "andamal", kAndamal);
    row.addDate(fields, "giltigt_fran", kGiltigtFran);
    row.addDate(fields, "giltigt_till", kGiltigtTill);  // empty = until the follow-up window ends
    row.addDate(fields, "aterkallat", kAterkallat);     // "date or empty"
    row.addText(fields, "blankett", kBlankett);
    return fields;
}

}  // namespace

void emitSamtycken(const Sheet& sheet, sdk::RecordSink& sink) {
    SeenKeys seen;
    for (const auto& csvRow : sheet.rows()) {
        RowReader row(sheet, csvRow);
        row.identify("samtycke", row.keyCell(kSamtyckeId));
        if (!row.checkShape()) {
            sink.quarantine(row.problem());
            continue;
        }
        const std::string id = row.require(kSamtyckeId);
        auto fields = samtyckeFields(row);
        seen.check(row, id, kSamtyckeId, kSamtyckeId);
        if (!row.ok()) {
            sink.quarantine(row.problem());
            continue;
        }
        seen.add(id, csvRow.line);
        sink.accept(makeRecord(row, "samtycke", id, std::move(fields)));
    }
}

}  // namespace finsam::connectors::forbund_csv
