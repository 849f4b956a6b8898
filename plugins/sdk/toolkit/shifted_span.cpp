// plugins/sdk/toolkit/shifted_span.cpp
// SPDX-License-Identifier: Apache-2.0
#include "shifted_span.h"

#include <algorithm>

namespace finsam::sdk::toolkit {

std::optional<CellSpan> widenedSpan(std::span<const std::size_t> cells, std::size_t headerWidth,
                                    std::size_t rowWidth) {
    if (cells.empty()) {
        return std::nullopt;
    }
    const auto [lowest, highest] = std::minmax_element(cells.begin(), cells.end());
    CellSpan span{*lowest, *highest};
    if (rowWidth < headerWidth) {
        span.first -= std::min(span.first, headerWidth - rowWidth);
    } else {
        span.last += rowWidth - headerWidth;
    }
    return span;
}

}  // namespace finsam::sdk::toolkit
