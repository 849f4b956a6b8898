// tests/generator/swedish_format.h — numbers as a Swedish-locale spreadsheet displays them.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

namespace finsam::generator {

enum class ThousandsSeparator { kSpace, kNoBreakSpace };

/// `ore` (SEK × 100) as "1 250 000" or, when there are öre, "8 423,50": groups of three separated
/// by a space or U+00A0 (what Excel writes in a Swedish locale), decimal comma. Negative amounts
/// get a leading '-'.
std::string formatSwedishAmount(std::int64_t ore, ThousandsSeparator separator);

}  // namespace finsam::generator
