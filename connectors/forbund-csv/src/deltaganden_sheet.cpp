// connectors/forbund-csv/src/deltaganden_sheet.cpp — forbund-csv.md "deltaganden.csv": one row per
// participation.
// SPDX-License-Identifier: Apache-2.0
#include "row_reader.h"
#include "sheet_emitters.h"

namespace finsam::connectors::forbund_csv {

namespace {

namespace tk = sdk::toolkit;
using namespace column;

// "A row with a personnummer but Anonym = Ja is anonymous: the number is dropped unread".
bool isAnonymous(std::string_view anonym) {
    return anonym == "Ja" || anonym == "ja" || anonym == "JA";
}

std::vector<sdk::Field> deltagandeFields(RowReader& row, bool anonymous) {
    std::vector<sdk::Field> fields;
    row.addText(fields, "insats_id", kInsatsId);
    if (!anonymous) {
        // As sent: the identity stage parses it.
        row.addText(fields, "personnummer", kPersonnummer);
    }
    row.addText(fields, "anonym", kAnonym);
    row.addText(fields, "kon", kKon);
    row.addInteger(fields, "fodelsear", kFodelsear, tk::DigitGrouping::kNone);
    row.addDate(fields, "startdatum", kStartdatum);
    row.addDate(fields, "slutdatum", kSlutdatum);
    row.addText(fields, "remitterande_aktor", kRemitterandeAktor);
    row.addText(fields, "utbildningsniva", kUtbildningsniva);
    row.addList(fields, "forsorjning_fore", kForsorjningFore);
    row.addText(fields, "tid_offentlig_forsorjning", kTidOffentligForsorjning);
    row.addText(fields, "sysselsattning_fore", kSysselsattningFore);
    row.addText(fields, "avslutsanledning", kAvslutsanledning);
    row.addList(fields, "forsorjning_efter", kForsorjningEfter);
    row.addText(fields, "sysselsattning_efter", kSysselsattningEfter);
    row.addText(fields, "samtycke_ref", kSamtyckeId);
    return fields;
}

}  // namespace

void emitDeltaganden(const Sheet& sheet, sdk::RecordSink& sink) {
    SeenKeys seen;
    for (const auto& csvRow : sheet.rows()) {
        RowReader row(sheet, csvRow);
        row.identify("deltagande", row.keyCell(kDeltagandeId));
        if (!row.checkShape()) {
            sink.quarantine(row.problem());
            continue;
        }
        // Before anything quotes the row: an anonymous row's number must not travel, even in raw.
        const bool anonymous = isAnonymous(row.cell(kAnonym));
        if (anonymous) {
            row.blankRawCell(kPersonnummer);
        }
        const std::string id = row.require(kDeltagandeId);
        auto fields = deltagandeFields(row, anonymous);
        seen.check(row, id, kDeltagandeId, kDeltagandeId);
        if (!row.ok()) {
            sink.quarantine(row.problem());
            continue;
        }
        seen.add(id, csvRow.line);
        sink.accept(makeRecord(row, "deltagande", id, std::move(fields)));
    }
}

}  // namespace finsam::connectors::forbund_csv
