// connectors/forbund-csv/src/sheet_columns.cpp — header lists per sheet, in the spec's order.
// SPDX-License-Identifier: Apache-2.0
#include "sheet_columns.h"

namespace finsam::connectors::forbund_csv {

std::string_view sheetFile(SheetKind kind) {
    return kSheetFiles[static_cast<std::size_t>(kind)];
}

const std::vector<std::string_view>& expectedColumns(SheetKind kind) {
    using namespace column;
    // forbund-csv.md "insatser.csv"
    static const std::vector<std::string_view> kInsatser = {
        kInsatsId, kNamn, kInriktning, kUppfoljningsmetod, kStartdatum, kSlutdatum, kHuvudman,
        kMalgrupper, kBudgetar, kBudgetKr, kPlaneratAntal, kEsf, kAntalKvinnor, kAntalMan};
    // forbund-csv.md "deltaganden.csv"
    static const std::vector<std::string_view> kDeltaganden = {
        kDeltagandeId, kInsatsId, kPersonnummer, kAnonym, kKon, kFodelsear, kStartdatum,
        kSlutdatum, kRemitterandeAktor, kUtbildningsniva, kForsorjningFore,
        kTidOffentligForsorjning, kSysselsattningFore, kAvslutsanledning, kForsorjningEfter,
        kSysselsattningEfter, kSamtyckeId};
    // forbund-csv.md "samtycken.csv"
    static const std::vector<std::string_view> kSamtycken = {
        kSamtyckeId, kPersonnummer, kGaller, kParter, kKategorier,
        kAndamal, kGiltigtFran, kGiltigtTill, kAterkallat, kBlankett};
    switch (kind) {
        case SheetKind::kInsatser:
            return kInsatser;
        case SheetKind::kDeltaganden:
            return kDeltaganden;
        case SheetKind::kSamtycken:
            break;
    }
    return kSamtycken;
}

}  // namespace finsam::connectors::forbund_csv
