// core/store/access_audit.h — the append-only table of reads of person-level data through the API.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/store/database.h"

namespace finsam::store {

/// One read: the token's configured name (never the token), the route, its query, the rows returned.
struct AccessEntry {
    std::int64_t seq = 0;
    std::string at;        ///< UTC ISO 8601
    std::string token;     ///< the token's name in hub.json
    std::string endpoint;  ///< the route template, e.g. /v1/feed
    std::string query;     ///< the decoded query, name=value&…
    std::int64_t rows = 0;
    std::string forbund;   ///< the token's förbund limit, "" = none
};

class AccessAudit {
public:
    explicit AccessAudit(Database& database) : database_(database) {}

    /// Appends `entries` (seqs allocated here) in the caller's transaction.
    void append(std::vector<AccessEntry>& entries);

    /// The newest `limit` entries, newest first.
    std::vector<AccessEntry> recent(int limit);

private:
    Database& database_;
};

}  // namespace finsam::store
