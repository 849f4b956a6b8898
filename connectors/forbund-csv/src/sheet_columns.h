// connectors/forbund-csv/src/sheet_columns.h — the three sheets and their header names (forbund-
// csv.md).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <string_view>
#include <vector>

namespace finsam::connectors::forbund_csv {

enum class SheetKind { kInsatser, kDeltaganden, kSamtycken };

/// forbund-csv.md "Transport": the file names, in the order a set is applied (insatser first).
inline constexpr std::array<std::string_view, 3> kSheetFiles = {"insatser.csv", "deltaganden.csv",
                                                                "samtycken.csv"};
inline constexpr std::array<SheetKind, 3> kSheetOrder = {
    SheetKind::kInsatser, SheetKind::kDeltaganden, SheetKind::kSamtycken};

/// Source header names "with å ä ö exactly as below" (forbund-csv.md "Encoding and syntax").
namespace column {
// insatser.csv
inline constexpr std::string_view kInsatsId = "Insats-ID";
inline constexpr std::string_view kNamn = "Namn";
inline constexpr std::string_view kInriktning = "Inriktning";
inline constexpr std::string_view kUppfoljningsmetod = "Uppföljningsmetod";
inline constexpr std::string_view kStartdatum = "Startdatum";
inline constexpr std::string_view kSlutdatum = "Slutdatum";
inline constexpr std::string_view kHuvudman = "Huvudman";
inline constexpr std::string_view kMalgrupper = "Målgrupper";
inline constexpr std::string_view kBudgetar = "Budgetår";
inline constexpr std::string_view kBudgetKr = "Budget (kr)";
inline constexpr std::string_view kPlaneratAntal = "Planerat antal deltagare";
inline constexpr std::string_view kEsf = "ESF";
inline constexpr std::string_view kAntalKvinnor = "Antal kvinnor";
inline constexpr std::string_view kAntalMan = "Antal män";
// deltaganden.csv
inline constexpr std::string_view kDeltagandeId = "Deltagande-ID";
inline constexpr std::string_view kPersonnummer = "Personnummer";
inline constexpr std::string_view kAnonym = "Anonym";
inline constexpr std::string_view kKon = "Kön";
inline constexpr std::string_view kFodelsear = "Födelseår";
inline constexpr std::string_view kRemitterandeAktor = "Remitterande aktör";
inline constexpr std::string_view kUtbildningsniva = "Utbildningsnivå";
inline constexpr std::string_view kForsorjningFore = "Försörjning före";
inline constexpr std::string_view kTidOffentligForsorjning = "Tid i offentlig försörjning";
inline constexpr std::string_view kSysselsattningFore = "Sysselsättning före";
inline constexpr std::string_view kAvslutsanledning = "Avslutsanledning";
inline constexpr std::string_view kForsorjningEfter = "Försörjning efter";
inline constexpr std::string_view kSysselsattningEfter = "Sysselsättning efter";
inline constexpr std::string_view kSamtyckeId = "Samtycke-ID";
// samtycken.csv
inline constexpr std::string_view kGaller = "Gäller";
inline constexpr std::string_view kParter = "Parter";
inline constexpr std::string_view kKategorier = "Kategorier";
inline constexpr std::string_view kAndamal = "Ändamål";
inline constexpr std::string_view kGiltigtFran = "Giltigt från";
inline constexpr std::string_view kGiltigtTill = "Giltigt till";
inline constexpr std::string_view kAterkallat = "Återkallat";
inline constexpr std::string_view kBlankett = "Blankett";
}  // namespace column

/// The file name of `kind`.
std::string_view sheetFile(SheetKind kind);

/// Every column the spec lists for `kind`; a file missing one is rejected.
const std::vector<std::string_view>& expectedColumns(SheetKind kind);

}  // namespace finsam::connectors::forbund_csv
