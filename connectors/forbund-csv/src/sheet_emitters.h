// connectors/forbund-csv/src/sheet_emitters.h — each healthy sheet's rows to records, row problems
// to quarantine.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "finsam/sdk/connector.h"
#include "sheet.h"

namespace finsam::connectors::forbund_csv {

/// forbund-csv.md "insatser.csv": entities insats (one per Insats-ID, from its first good row) and
/// insats_budget (key "<Insats-ID>/<Budgetår>").
void emitInsatser(const Sheet& sheet, sdk::RecordSink& sink);

/// forbund-csv.md "deltaganden.csv": entity deltagande, key Deltagande-ID.
void emitDeltaganden(const Sheet& sheet, sdk::RecordSink& sink);

/// forbund-csv.md "samtycken.csv": entity samtycke, key Samtycke-ID.
void emitSamtycken(const Sheet& sheet, sdk::RecordSink& sink);

}  // namespace finsam::connectors::forbund_csv
