// core/store/connector_control.cpp — portable SQL; the affected row count decides a lease.
// SPDX-License-Identifier: Apache-2.0
#include "core/store/connector_control.h"

#include "core/common/clock.h"

namespace finsam::store {

namespace {

bool changedOne(soci::statement& statement) {
    statement.execute(true);
    return statement.get_affected_rows() == 1;
}

}  // namespace

void ConnectorControl::ensureRow(const std::string& connector) {
    database_.execute("INSERT INTO connector_control (connector, paused, updated_at) VALUES (:p0, 0, :p1) "
                      "ON CONFLICT (connector) DO NOTHING",
                      {connector, common::nowUtcIso()});
}

ControlState ConnectorControl::read(const std::string& connector) {
    ControlState state;
    auto row = database_.queryRow(
        "SELECT paused, run_requested_at, reprocess_requested_at FROM connector_control WHERE connector = :p0",
        {connector}, 3);
    if (row) {
        state.paused = (*row)[0].value_or("0") != "0";
        state.runRequestedAt = (*row)[1].value_or("");
        state.reprocessRequestedAt = (*row)[2].value_or("");
    }
    return state;
}

void ConnectorControl::setPaused(const std::string& connector, bool paused) {
    ensureRow(connector);
    database_.execute("UPDATE connector_control SET paused = :p0, updated_at = :p1 WHERE connector = :p2",
                      {paused ? "1" : "0", common::nowUtcIso(), connector});
}

void ConnectorControl::requestRun(const std::string& connector, bool reprocess) {
    ensureRow(connector);
    const std::string now = common::nowUtcIso();
    database_.execute("UPDATE connector_control SET run_requested_at = :p0, updated_at = :p1 WHERE connector = :p2",
                      {now, now, connector});
    if (reprocess) {
        database_.execute("UPDATE connector_control SET reprocess_requested_at = :p0 WHERE connector = :p1",
                          {now, connector});
    }
}

void ConnectorControl::clearRequests(const std::string& connector, const ControlState& seen) {
    if (!seen.runRequestedAt.empty()) {
        database_.execute("UPDATE connector_control SET run_requested_at = NULL WHERE connector = :p0 "
                          "AND run_requested_at = :p1",
                          {connector, seen.runRequestedAt});
    }
    if (!seen.reprocessRequestedAt.empty()) {
        database_.execute("UPDATE connector_control SET reprocess_requested_at = NULL WHERE connector = :p0 "
                          "AND reprocess_requested_at = :p1",
                          {connector, seen.reprocessRequestedAt});
    }
}

bool ConnectorControl::claimLease(const std::string& connector, const std::string& owner, const std::string& now,
                                  const std::string& until) {
    database_.execute("INSERT INTO connector_lease (connector) VALUES (:p0) ON CONFLICT (connector) DO NOTHING",
                      {connector});
    soci::statement update =
        (database_.session().prepare << "UPDATE connector_lease SET owner = :o, lease_until = :u WHERE connector = :c "
                                        "AND (owner IS NULL OR owner = :o2 OR lease_until IS NULL OR lease_until < :n)",
         soci::use(owner), soci::use(until), soci::use(connector), soci::use(owner), soci::use(now));
    return changedOne(update);
}

bool ConnectorControl::takeOverLease(const std::string& connector, const std::string& deadOwner,
                                     const std::string& owner, const std::string& until) {
    soci::statement update =
        (database_.session().prepare << "UPDATE connector_lease SET owner = :o, lease_until = :u WHERE connector = :c "
                                        "AND owner = :d",
         soci::use(owner), soci::use(until), soci::use(connector), soci::use(deadOwner));
    return changedOne(update);
}

bool ConnectorControl::renewLease(const std::string& connector, const std::string& owner, const std::string& until) {
    soci::statement update =
        (database_.session().prepare << "UPDATE connector_lease SET lease_until = :u WHERE connector = :c AND owner = :o",
         soci::use(until), soci::use(connector), soci::use(owner));
    return changedOne(update);
}

void ConnectorControl::releaseLease(const std::string& connector, const std::string& owner) {
    database_.execute("UPDATE connector_lease SET owner = NULL, lease_until = NULL WHERE connector = :p0 AND owner = :p1",
                      {connector, owner});
}

std::optional<LeaseHolder> ConnectorControl::leaseHolder(const std::string& connector, const std::string& now) {
    auto row = database_.queryRow("SELECT owner, lease_until FROM connector_lease WHERE connector = :p0 AND "
                                  "owner IS NOT NULL AND lease_until >= :p1",
                                  {connector, now}, 2);
    if (!row) {
        return std::nullopt;
    }
    return LeaseHolder{(*row)[0].value_or(""), (*row)[1].value_or("")};
}

void ConnectorControl::resetCheckpoint(const std::string& connector) {
    database_.execute("DELETE FROM connector_checkpoint WHERE connector = :p0", {connector});
}

}  // namespace finsam::store
