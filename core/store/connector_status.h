// core/store/connector_status.h — per connector: its batches, what it read, what waits in quarantine, its warnings.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/store/batch_log.h"
#include "core/store/database.h"

namespace finsam::store {

struct ConnectorWarning {
    std::int64_t batchId = 0;
    std::string at;
    std::string message;  ///< redacted when it was stored
};

struct ConnectorStatus {
    std::string connector;
    std::int64_t batches = 0;
    std::string lastCommittedAt;  ///< of the newest batch, "" before the first
    BatchCounts totals;           ///< over every batch
    std::int64_t openQuarantine = 0;
    std::int64_t warningsTotal = 0;
    std::vector<ConnectorWarning> recentWarnings;  ///< newest first

    std::string toJson() const;
};

/// The status of connector instance `connector`, with at most `recent` of its latest warnings.
ConnectorStatus readConnectorStatus(Database& database, const std::string& connector, std::size_t recent = 20);

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

/// The status's members (connector, batches, counts, quarantine, warnings) into an object being written.
void writeStatusMembers(JsonWriter& json, const ConnectorStatus& status);

/// A JSON array of the statuses of `connectors`, in that order.
std::string connectorStatusesJson(Database& database, const std::vector<std::string>& connectors);

}  // namespace finsam::store
