// core/store/access_audit.cpp — bulk appends (one statement per flush) and the newest entries.
// SPDX-License-Identifier: Apache-2.0
#include "core/store/access_audit.h"

namespace finsam::store {

void AccessAudit::append(std::vector<AccessEntry>& entries) {
    if (entries.empty()) {
        return;
    }
    std::int64_t seq = database_.allocate("access", static_cast<std::int64_t>(entries.size()));
    std::vector<long long> seqs, rows;
    std::vector<std::string> ats, tokens, endpoints, queries, forbunds;
    std::vector<soci::indicator> forbundIndicators;
    for (auto& entry : entries) {
        entry.seq = seq++;
        seqs.push_back(entry.seq);
        ats.push_back(entry.at);
        tokens.push_back(entry.token);
        endpoints.push_back(entry.endpoint);
        queries.push_back(entry.query);
        rows.push_back(entry.rows);
        forbunds.push_back(entry.forbund);
        forbundIndicators.push_back(entry.forbund.empty() ? soci::i_null : soci::i_ok);
    }
    database_.session() << "INSERT INTO access_audit (seq, at, token, endpoint, query, rows_count, forbund) "
                           "VALUES (:s, :a, :t, :e, :q, :r, :f)",
        soci::use(seqs), soci::use(ats), soci::use(tokens), soci::use(endpoints), soci::use(queries),
        soci::use(rows), soci::use(forbunds, forbundIndicators);
}

std::vector<AccessEntry> AccessAudit::recent(int limit) {
    std::vector<AccessEntry> entries;
    soci::rowset<soci::row> rows = (database_.session().prepare
                                        << "SELECT seq, at, token, endpoint, query, rows_count, forbund FROM "
                                           "access_audit ORDER BY seq DESC LIMIT :l",
                                    soci::use(limit));
    for (const auto& row : rows) {
        AccessEntry entry;
        entry.seq = row.get<long long>(0);
        entry.at = row.get<std::string>(1);
        entry.token = row.get<std::string>(2);
        entry.endpoint = row.get<std::string>(3);
        entry.query = row.get<std::string>(4);
        entry.rows = row.get<long long>(5);
        entry.forbund = row.get_indicator(6) == soci::i_null ? "" : row.get<std::string>(6);
        entries.push_back(std::move(entry));
    }
    return entries;
}

}  // namespace finsam::store
