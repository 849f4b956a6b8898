// plugins/sdk/testkit/collecting_sink.cpp — the test double every connector's tests read batches
// through.
// SPDX-License-Identifier: Apache-2.0
#include "collecting_sink.h"

#include <iterator>
#include <utility>

namespace finsam::sdk::testkit {

namespace {

template <typename T>
void moveAppend(std::vector<T>& to, std::vector<T>& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

void Collected::append(Collected other) {
    moveAppend(records, other.records);
    moveAppend(problems, other.problems);
    moveAppend(rejections, other.rejections);
    moveAppend(snapshots, other.snapshots);
    moveAppend(warnings, other.warnings);
    moveAppend(folded, other.folded);
}

std::vector<Record> Collected::recordsOf(const std::string& entity) const {
    std::vector<Record> result;
    for (const auto& record : records) {
        if (record.entity == entity) {
            result.push_back(record);
        }
    }
    return result;
}

void CollectingSink::accept(Record record) {
    collected_.records.push_back(std::move(record));
}

void CollectingSink::quarantine(Problem problem) {
    collected_.problems.push_back(std::move(problem));
}

void CollectingSink::reject(RejectedSource source) {
    collected_.rejections.push_back(std::move(source));
}

void CollectingSink::snapshotComplete(const std::string& entity) {
    collected_.snapshots.push_back(entity);
}

void CollectingSink::warn(const std::string& message) {
    collected_.warnings.push_back(message);
}

void CollectingSink::acceptedWithoutRecord(const Position& position) {
    collected_.folded.push_back(position);
}

Collected CollectingSink::take() {
    return std::exchange(collected_, Collected{});
}

}  // namespace finsam::sdk::testkit
