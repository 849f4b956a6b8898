// core/store/store_stats.cpp — one COUNT per entity; active rows only (retracted rows are history).
// SPDX-License-Identifier: Apache-2.0
#include "core/store/store_stats.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace finsam::store {

namespace {

std::int64_t count(Database& database, const std::string& sql) {
    long long value = 0;
    soci::indicator indicator = soci::i_ok;
    database.session() << sql, soci::into(value, indicator);
    return indicator == soci::i_null ? 0 : value;
}

}  // namespace

StoreStats readStats(Database& database) {
    StoreStats stats;
    stats.persons = count(database, "SELECT COUNT(*) FROM person");
    // A report merged into another (duplicate_of) is the same participation: counted once, as its canonical.
    stats.deltaganden =
        count(database, "SELECT COUNT(*) FROM deltagande WHERE state = 'active' AND duplicate_of IS NULL");
    stats.anonymousDeltaganden = count(database, "SELECT COUNT(*) FROM deltagande WHERE state = 'active' AND "
                                                 "anonymous = 1 AND duplicate_of IS NULL");
    stats.duplicateReports =
        count(database, "SELECT COUNT(*) FROM deltagande WHERE state = 'active' AND duplicate_of IS NOT NULL");
    stats.ersattningsperioder = count(database, "SELECT COUNT(*) FROM ersattningsperiod WHERE state = 'active'");
    stats.samtycken = count(database, "SELECT COUNT(*) FROM samtycke WHERE state = 'active'");
    stats.insatser = count(database, "SELECT COUNT(*) FROM insats WHERE state = 'active'");
    stats.quarantined = count(database, "SELECT COUNT(*) FROM quarantine WHERE state = 'open'");
    stats.feedEvents = count(database, "SELECT COUNT(*) FROM feed_event");
    stats.feedHead = count(database, "SELECT COALESCE(MAX(seq), 0) FROM feed_event");
    return stats;
}

std::string StoreStats::toJson() const {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
    json.StartObject();
    json.Key("persons"); json.Int64(persons);
    json.Key("deltaganden"); json.Int64(deltaganden);
    json.Key("anonymous_deltaganden"); json.Int64(anonymousDeltaganden);
    json.Key("duplicate_reports"); json.Int64(duplicateReports);
    json.Key("ersattningsperioder"); json.Int64(ersattningsperioder);
    json.Key("samtycken"); json.Int64(samtycken);
    json.Key("insatser"); json.Int64(insatser);
    json.Key("quarantined"); json.Int64(quarantined);
    json.Key("feed_events"); json.Int64(feedEvents);
    json.Key("feed_head"); json.Int64(feedHead);
    json.EndObject();
    return buffer.GetString();
}

}  // namespace finsam::store
