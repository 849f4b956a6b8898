// connectors/forbund-csv/src/forbund_csv_parser.h — one complete drop set (three sheets) to the
// sink.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>

#include "finsam/sdk/connector.h"
#include "sheet.h"

namespace finsam::connectors::forbund_csv {

/// The three sheet files of one set, in kSheetOrder.
using SheetFiles = std::array<SheetFile, 3>;

/// Applies a set per forbund-csv.md "Transport": all three sheets, insatser first, or nothing. When
/// any sheet is missing or unreadable as a whole, every sheet is rejected (the broken ones with
/// their reason, the healthy ones as set_incomplete) and no record is emitted. Otherwise each
/// sheet's rows are emitted (row problems quarantined) followed by snapshotComplete() for the
/// entities the sheet feeds: forbund-csv.md "Change model" is a full snapshot. Messages never carry
/// cell values that may be identities.
void parseSet(const SheetFiles& files, sdk::RecordSink& sink);

}  // namespace finsam::connectors::forbund_csv
