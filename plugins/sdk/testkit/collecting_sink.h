// plugins/sdk/testkit/collecting_sink.h — a RecordSink that keeps everything a connector gives it,
// in order.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "finsam/sdk/connector.h"

namespace finsam::sdk::testkit {

/// Everything one or more batches produced, in the order the connector produced it.
struct Collected {
    std::vector<Record> records;
    std::vector<Problem> problems;
    std::vector<RejectedSource> rejections;
    std::vector<std::string> snapshots;  ///< entities passed to snapshotComplete()
    std::vector<std::string> warnings;
    std::vector<Position> folded;  ///< rows passed to acceptedWithoutRecord()

    /// Appends `other` (a later batch) to this.
    void append(Collected other);
    /// Records of `entity` only.
    std::vector<Record> recordsOf(const std::string& entity) const;
};

/// Stores what it is given; tests inspect collected() or take() it. Not thread-safe, like any sink.
class CollectingSink : public RecordSink {
public:
    void accept(Record record) override;
    void quarantine(Problem problem) override;
    void reject(RejectedSource source) override;
    void snapshotComplete(const std::string& entity) override;
    void warn(const std::string& message) override;
    void acceptedWithoutRecord(const Position& position) override;

    const Collected& collected() const { return collected_; }
    /// Hands over what was collected and starts empty again.
    Collected take();

private:
    Collected collected_;
};

}  // namespace finsam::sdk::testkit
