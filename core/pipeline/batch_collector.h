// core/pipeline/batch_collector.h — the host's RecordSink: holds what one readBatch() produced.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <set>
#include <string>
#include <vector>

#include "finsam/sdk/connector.h"

namespace finsam::pipeline {

/// Everything a connector handed over during one readBatch(). Single-threaded, like the run it serves.
class BatchCollector : public sdk::RecordSink {
public:
    void accept(sdk::Record record) override { records.push_back(std::move(record)); }
    void quarantine(sdk::Problem problem) override { problems.push_back(std::move(problem)); }
    void reject(sdk::RejectedSource source) override { rejected.push_back(std::move(source)); }
    void snapshotComplete(const std::string& entity) override { snapshots.insert(entity); }
    void warn(const std::string& message) override { warnings.push_back(message); }
    void acceptedWithoutRecord(const sdk::Position& position) override { folded.push_back(position); }

    bool empty() const {
        return records.empty() && problems.empty() && rejected.empty() && snapshots.empty() && folded.empty();
    }

    std::vector<sdk::Record> records;
    std::vector<sdk::Problem> problems;
    std::vector<sdk::RejectedSource> rejected;
    std::set<std::string> snapshots;
    std::vector<std::string> warnings;
    std::vector<sdk::Position> folded;  ///< rows taken into account without a record of their own
};

}  // namespace finsam::pipeline
