// connectors/af-csv/tests/af_csv_test_support.h — drop folders written in AF's own bytes, and one run over them.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "run_to_drain.h"

namespace finsam::connectors::af_csv::testing {

inline constexpr const char* kOrgnr = "2220001230";
inline constexpr const char* kHeader =
    "Rad_id;Radtyp;Personnummer;Fornamn;Efternamn;Kon;Kontor;Skyddad;Sokandestatus;Ersattning;Ersattning_from;"
    "Ersattning_tom;Omfattning;Insatskod;Insats_start;Insats_slut;Avslutskod;Samtycke_ref";

std::filesystem::path fixtureDir(const std::string& name);

/// Writes af_finsam_<kOrgnr>_<date>.csv (date YYYYMMDD) with `header` and `rows`, CRLF, as raw bytes
/// (callers write Windows-1252 bytes, e.g. "\xF6" for ö).
void writeAfFile(const std::filesystem::path& dir, const std::string& date, const std::vector<std::string>& rows,
                 const std::string& header = kHeader);

/// An ERS row: id, number, type code, from, tom, omfattning.
std::string ers(const std::string& id, const std::string& number, const std::string& type, const std::string& from,
                const std::string& tom, const std::string& omfattning = "100");

/// An INS row: id, number, insats, start, slut, avslutskod, samtycke_ref.
std::string ins(const std::string& id, const std::string& number, const std::string& insats, const std::string& start,
                const std::string& slut = "", const std::string& avslut = "", const std::string& ref = "");

sdk::testkit::DrainOutcome runAf(const std::filesystem::path& dir, const std::string& checkpoint = "",
                                 const std::string& extraSettings = "");

}  // namespace finsam::connectors::af_csv::testing
