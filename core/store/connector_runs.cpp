// core/store/connector_runs.cpp — portable SQL over connector_run.
// SPDX-License-Identifier: Apache-2.0
#include "core/store/connector_runs.h"

#include "core/common/clock.h"
#include "core/store/row_text.h"

namespace finsam::store {

namespace {

constexpr const char* kColumns =
    "id, connector, runner, trigger_kind, started_at, finished_at, status, records_read, accepted, quarantined, "
    "rejected_rows, rejected_sources, batches, events, error";

std::int64_t number(const soci::row& row, std::size_t i) {
    const std::string text = cellText(row, i);
    return text.empty() ? 0 : std::stoll(text);
}

}  // namespace

std::int64_t ConnectorRuns::start(const std::string& connector, const std::string& runner,
                                  const std::string& trigger) {
    soci::transaction transaction(database_.session());
    const std::int64_t id = database_.allocate("connector_run", 1);
    const std::string now = common::nowUtcIso();
    database_.execute("UPDATE connector_run SET status = 'abandoned', finished_at = :p0 WHERE connector = :p1 "
                      "AND status = 'running'",
                      {now, connector});
    database_.execute("INSERT INTO connector_run (id, connector, runner, trigger_kind, started_at, status, "
                      "records_read, accepted, quarantined, rejected_rows, rejected_sources, batches, events) "
                      "VALUES (:p0, :p1, :p2, :p3, :p4, 'running', 0, 0, 0, 0, 0, 0, 0)",
                      {std::to_string(id), connector, runner, trigger, now});
    transaction.commit();
    return id;
}

void ConnectorRuns::finish(const ConnectorRun& run) {
    database_.execute(
        "UPDATE connector_run SET finished_at = :p0, status = :p1, records_read = :p2, accepted = :p3, "
        "quarantined = :p4, rejected_rows = :p5, rejected_sources = :p6, batches = :p7, events = :p8, error = :p9 "
        "WHERE id = :p10",
        {common::nowUtcIso(), run.status, std::to_string(run.counts.read), std::to_string(run.counts.accepted),
         std::to_string(run.counts.quarantined), std::to_string(run.counts.rejectedRows),
         std::to_string(run.counts.rejectedSources), std::to_string(run.batches), std::to_string(run.events),
         run.error.empty() ? std::nullopt : std::optional(run.error), std::to_string(run.id)});
}

std::vector<ConnectorRun> ConnectorRuns::select(const std::string& where, const std::string& connector,
                                                std::size_t limit) {
    std::vector<ConnectorRun> runs;
    soci::rowset<soci::row> rows =
        (database_.session().prepare << "SELECT " << kColumns << " FROM connector_run WHERE connector = :c" << where
                                     << " ORDER BY id DESC LIMIT " << limit,
         soci::use(connector));
    for (const auto& row : rows) {
        ConnectorRun run;
        run.id = number(row, 0);
        run.connector = cellText(row, 1);
        run.runner = cellText(row, 2);
        run.trigger = cellText(row, 3);
        run.startedAt = cellText(row, 4);
        run.finishedAt = cellText(row, 5);
        run.status = cellText(row, 6);
        run.counts = {number(row, 7), number(row, 8), number(row, 9), number(row, 10), number(row, 11)};
        run.batches = number(row, 12);
        run.events = number(row, 13);
        run.error = cellText(row, 14);
        runs.push_back(std::move(run));
    }
    return runs;
}

std::vector<ConnectorRun> ConnectorRuns::recent(const std::string& connector, std::size_t limit) {
    return select("", connector, limit);
}

std::optional<ConnectorRun> ConnectorRuns::lastEnded(const std::string& connector) {
    auto runs = select(" AND status <> 'running'", connector, 1);
    return runs.empty() ? std::nullopt : std::optional(runs.front());
}

std::optional<ConnectorRun> ConnectorRuns::lastSucceeded(const std::string& connector) {
    auto runs = select(" AND status = 'ok'", connector, 1);
    return runs.empty() ? std::nullopt : std::optional(runs.front());
}

std::int64_t ConnectorRuns::consecutiveFailures(const std::string& connector) {
    long long failures = 0;
    database_.session() << "SELECT COUNT(*) FROM connector_run WHERE connector = :c AND status = 'failed' AND id > "
                           "(SELECT COALESCE(MAX(id), 0) FROM connector_run WHERE connector = :c2 "
                           "AND status IN ('ok', 'stopped'))",
        soci::use(connector), soci::use(connector), soci::into(failures);
    return failures;
}

}  // namespace finsam::store
