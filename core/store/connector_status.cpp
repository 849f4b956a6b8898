// core/store/connector_status.cpp — aggregates over batch, quarantine and connector_warning.
// SPDX-License-Identifier: Apache-2.0
#include "core/store/connector_status.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/store/row_text.h"

namespace finsam::store {

void writeStatusMembers(JsonWriter& json, const ConnectorStatus& status) {
    json.Key("connector"); json.String(status.connector);
    json.Key("batches"); json.Int64(status.batches);
    json.Key("last_committed_at");
    status.lastCommittedAt.empty() ? json.Null() : json.String(status.lastCommittedAt);
    json.Key("read"); json.Int64(status.totals.read);
    json.Key("accepted"); json.Int64(status.totals.accepted);
    json.Key("quarantined"); json.Int64(status.totals.quarantined);
    json.Key("rejected_rows"); json.Int64(status.totals.rejectedRows);
    json.Key("rejected_files"); json.Int64(status.totals.rejectedSources);
    json.Key("open_quarantine"); json.Int64(status.openQuarantine);
    json.Key("warnings_total"); json.Int64(status.warningsTotal);
    json.Key("recent_warnings");
    json.StartArray();
    for (const auto& warning : status.recentWarnings) {
        json.StartObject();
        json.Key("batch"); json.Int64(warning.batchId);
        json.Key("at"); json.String(warning.at);
        json.Key("message"); json.String(warning.message);
        json.EndObject();
    }
    json.EndArray();
}

namespace {

using Writer = JsonWriter;

void writeStatus(Writer& json, const ConnectorStatus& status) {
    json.StartObject();
    writeStatusMembers(json, status);
    json.EndObject();
}

}  // namespace

std::string ConnectorStatus::toJson() const {
    rapidjson::StringBuffer buffer;
    Writer json(buffer);
    writeStatus(json, *this);
    return buffer.GetString();
}

ConnectorStatus readConnectorStatus(Database& database, const std::string& connector, std::size_t recent) {
    ConnectorStatus status;
    status.connector = connector;
    auto& sql = database.session();
    soci::row totals;
    sql << "SELECT COUNT(*), MAX(committed_at), SUM(records_read), SUM(accepted), SUM(quarantined), "
           "SUM(rejected_rows), SUM(rejected_sources) FROM batch WHERE connector = :c",
        soci::use(connector), soci::into(totals);
    auto number = [&](std::size_t i) {
        const std::string text = cellText(totals, i);
        return text.empty() ? 0 : std::stoll(text);
    };
    status.batches = number(0);
    status.lastCommittedAt = cellText(totals, 1);
    status.totals = {number(2), number(3), number(4), number(5), number(6)};
    long long open = 0, warnings = 0;
    sql << "SELECT COUNT(*) FROM quarantine WHERE connector = :c AND state = 'open'", soci::use(connector),
        soci::into(open);
    sql << "SELECT COUNT(*) FROM connector_warning WHERE connector = :c", soci::use(connector), soci::into(warnings);
    status.openQuarantine = open;
    status.warningsTotal = warnings;
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT batch_id, at, message FROM connector_warning "
                                                   "WHERE connector = :c ORDER BY id DESC",
                                    soci::use(connector));
    for (const auto& row : rows) {
        if (status.recentWarnings.size() == recent) {
            break;
        }
        status.recentWarnings.push_back({std::stoll(cellText(row, 0)), cellText(row, 1), cellText(row, 2)});
    }
    return status;
}

std::string connectorStatusesJson(Database& database, const std::vector<std::string>& connectors) {
    rapidjson::StringBuffer buffer;
    Writer json(buffer);
    json.StartArray();
    for (const auto& connector : connectors) {
        writeStatus(json, readConnectorStatus(database, connector));
    }
    json.EndArray();
    return buffer.GetString();
}

}  // namespace finsam::store
