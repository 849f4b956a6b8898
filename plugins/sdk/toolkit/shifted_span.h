// plugins/sdk/toolkit/shifted_span.h — where cells the header places may have moved to in a row of the wrong
// shape, so a connector can blank every cell a name or number may sit in before it hands the raw row over.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <optional>
#include <span>

namespace finsam::sdk::toolkit {

/// Cells `first` to `last`, both included, counted as the caller counts them (0- or 1-based).
struct CellSpan {
    std::size_t first = 0;
    std::size_t last = 0;

    bool contains(std::size_t cell) const { return cell >= first && cell <= last; }
    bool operator==(const CellSpan&) const = default;
};

/// The cells that the header puts at `cells` may occupy in a row of `rowWidth` cells under a header of
/// `headerWidth`. A missing cell moves every later cell one to the left and an extra one moves it one to the
/// right, and the row does not say where it lost or gained them: so the span from the lowest to the highest of
/// `cells` widens to the left by the number missing (never below 0) or to the right by the number extra. A row
/// of the header's width gets that span unchanged (it may then hold cells between `cells` that are not theirs).
/// nullopt when `cells` is empty.
std::optional<CellSpan> widenedSpan(std::span<const std::size_t> cells, std::size_t headerWidth,
                                    std::size_t rowWidth);

}  // namespace finsam::sdk::toolkit
