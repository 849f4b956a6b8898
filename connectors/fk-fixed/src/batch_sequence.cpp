// connectors/fk-fixed/src/batch_sequence.cpp — range bookkeeping for missing batch numbers.
// SPDX-License-Identifier: Apache-2.0
#include "batch_sequence.h"

#include <algorithm>

namespace finsam::connectors::fk_fixed {

BatchSequence::BatchSequence(std::int64_t lastApplied, std::vector<BatchRange> missing)
    : lastApplied_(lastApplied), missing_(std::move(missing)) {
    std::sort(missing_.begin(), missing_.end(),
              [](const BatchRange& a, const BatchRange& b) { return a.first < b.first; });
}

bool BatchSequence::isMissing(std::int64_t batch) const {
    return std::any_of(missing_.begin(), missing_.end(), [batch](const BatchRange& range) {
        return range.first <= batch && batch <= range.last;
    });
}

Arrival BatchSequence::classify(std::int64_t batch) const {
    if (batch == lastApplied_ + 1) {
        return Arrival::kNext;
    }
    if (batch > lastApplied_) {
        return Arrival::kAfterGap;
    }
    return isMissing(batch) ? Arrival::kLate : Arrival::kDuplicate;
}

std::vector<BatchRange> BatchSequence::accept(std::int64_t batch) {
    switch (classify(batch)) {
        case Arrival::kDuplicate:
            return {};
        case Arrival::kNext:
            lastApplied_ = batch;
            return {};
        case Arrival::kAfterGap: {
            const BatchRange gap{lastApplied_ + 1, batch - 1};
            missing_.push_back(gap);
            lastApplied_ = batch;
            return {gap};
        }
        case Arrival::kLate:
            break;
    }
    std::vector<BatchRange> rest;
    for (const auto& range : missing_) {
        if (batch < range.first || batch > range.last) {
            rest.push_back(range);
            continue;
        }
        if (range.first < batch) {
            rest.push_back({range.first, batch - 1});
        }
        if (batch < range.last) {
            rest.push_back({batch + 1, range.last});
        }
    }
    missing_ = std::move(rest);
    return {};
}

void BatchSequence::reopen(std::int64_t batch) {
    if (isMissing(batch) || batch > lastApplied_) {
        return;
    }
    missing_.push_back({batch, batch});
    std::sort(missing_.begin(), missing_.end(),
              [](const BatchRange& a, const BatchRange& b) { return a.first < b.first; });
}

std::string describeBatches(const std::vector<BatchRange>& ranges) {
    std::string text;
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        if (i > 0) {
            text += i + 1 == ranges.size() ? " and " : ", ";
        }
        text += std::to_string(ranges[i].first);
        if (ranges[i].last != ranges[i].first) {
            text += '-';
            text += std::to_string(ranges[i].last);
        }
    }
    return text.empty() ? "none" : text;
}

}  // namespace finsam::connectors::fk_fixed
