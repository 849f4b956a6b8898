// core/store/batch_durations.cpp — one aggregate query per connector; the bounds are literals of ours.
// SPDX-License-Identifier: Apache-2.0
#include "core/store/batch_durations.h"

#include "core/store/row_text.h"

namespace finsam::store {

const std::vector<double>& batchDurationBuckets() {
    static const std::vector<double> bounds = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};
    return bounds;
}

BatchDurations readBatchDurations(Database& database, const std::string& connector) {
    std::string sql = "SELECT COUNT(duration_ms), COALESCE(SUM(duration_ms), 0)";
    for (double bound : batchDurationBuckets()) {
        sql += ", COALESCE(SUM(CASE WHEN duration_ms <= " + std::to_string(static_cast<long long>(bound * 1000)) +
               " THEN 1 ELSE 0 END), 0)";
    }
    sql += " FROM batch WHERE connector = :c";
    soci::row row;
    database.session() << sql, soci::use(connector), soci::into(row);
    auto number = [&](std::size_t i) {
        const std::string text = cellText(row, i);
        return text.empty() ? 0 : std::stoll(text);
    };
    BatchDurations durations;
    durations.count = number(0);
    durations.sumSeconds = static_cast<double>(number(1)) / 1000.0;
    for (std::size_t i = 0; i < batchDurationBuckets().size(); ++i) {
        durations.cumulative.push_back(number(2 + i));
    }
    return durations;
}

std::int64_t storeSizeBytes(Database& database) {
    long long bytes = 0;
    if (database.backend() == Backend::kSqlite) {
        long long pages = 0, pageSize = 0;
        database.session() << "PRAGMA page_count", soci::into(pages);
        database.session() << "PRAGMA page_size", soci::into(pageSize);
        bytes = pages * pageSize;
    } else {
        database.session() << "SELECT pg_database_size(current_database())", soci::into(bytes);
    }
    return bytes;
}

}  // namespace finsam::store
