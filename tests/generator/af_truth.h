// tests/generator/af_truth.h — what a correct hub ends up with after reading an AF drop in order.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/af_snapshot_plan.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace finsam::generator::af {

struct QuarantinedRow {
    std::size_t line = 0;
    std::size_t column = 0;  ///< 1-based position in that file's header; 0 = the whole row
    std::string field;
    std::string reason;
    std::string radId;
    std::string fault;
    std::string detail;
};

struct FileOutcome {
    std::string file;  ///< relative to the drop root, e.g. af/af_finsam_..._20201231.csv
    Date date;
    std::size_t rows = 0;
    bool applied = true;
    std::string reason;  ///< rejected: wrong_encoding or shrink_guard
    std::string fault;   ///< the fault that made it so, if any
    std::size_t added = 0;
    std::size_t changed = 0;
    std::size_t unchanged = 0;
    std::vector<QuarantinedRow> quarantined;
    std::vector<std::string> withdrawn;  ///< Rad_ids to retract
    std::vector<std::string> agedOut;    ///< Rad_ids the hub keeps
};

/// The hub's AF state after the last file: one entry per Rad_id it holds.
struct FinalState {
    std::size_t ersPeriods = 0;
    std::size_t ersOngoing = 0;  ///< no Ersattning_tom
    std::map<std::string, std::int64_t> ersByCode;
    std::size_t insParticipations = 0;
    std::size_t insOngoing = 0;  ///< no Insats_slut
    std::size_t insWithSamtyckeRef = 0;
};

struct Truth {
    std::vector<FileOutcome> files;
    FinalState final;
};

/// Reads the planned files like the spec says a hub must: in date order; a UTF-8 file is refused
/// whole; rows absent since the last applied snapshot are aged out (end before the 13-month
/// window: kept) or withdrawn (retracted); more withdrawals than half of the rows still due refuse
/// the file (shrink guard); a quarantined row is not applied but still counts as present, so the
/// hub keeps its previous version.
Truth simulateHub(const std::vector<SnapshotFile>& files);

/// truth/af.json: the outcomes, the expected result of each planted fault and the final state.
std::string truthJson(const Truth& truth, const std::vector<std::string>& withdrawnByFault);

}  // namespace finsam::generator::af
