// plugins/sdk/toolkit/personnummer_scan.h — finding a real personnummer inside a value that must never carry one.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace finsam::sdk::toolkit {

/// True when `text` holds a valid personnummer or samordningsnummer anywhere, in any spelling people write: 10 or
/// 12 digits; or 6 or 8 digits, one to four separators ('-', '+', space, tab, '.', Unicode dashes, no-break
/// space), then 4 digits; digit runs are whole (no longer run matches). Valid: a real birth date (day + 60 for a
/// samordningsnummer; a 10-digit form in either century) and the right check digit, so an organisation number
/// (month 20 or more) or a date range does not trip it. Canonical UUIDs (8-4-4-4-12 hex) are passed over: their
/// groups look like a valid number by chance about once in 20 000, and never mean one.
/// For keys and free text, which the hub stores and publishes as they are.
bool holdsPersonnummer(std::string_view text);

}  // namespace finsam::sdk::toolkit
