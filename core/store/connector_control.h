// core/store/connector_control.h — what IT staff asked of a connector (pause, run now, reprocess) and which
// instance runs it (its lease): tables connector_control and connector_lease (migration 0009).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

#include "core/store/database.h"

namespace finsam::store {

struct ControlState {
    bool paused = false;
    std::string runRequestedAt;        ///< "" = none pending
    std::string reprocessRequestedAt;  ///< "" = none pending
};

struct LeaseHolder {
    std::string owner;
    std::string until;
};

/// Statements on one connection (not thread-safe, like Database). Times are ISO 8601 UTC text
/// (common::nowUtcIso), which compare as text on both backends.
class ConnectorControl {
public:
    explicit ConnectorControl(Database& database) : database_(database) {}

    ControlState read(const std::string& connector);
    void setPaused(const std::string& connector, bool paused);
    /// A run as soon as an instance may; with `reprocess`, one that first re-reads the source from its start.
    void requestRun(const std::string& connector, bool reprocess);
    /// Clears the requests `seen` (a request made since stays pending).
    void clearRequests(const std::string& connector, const ControlState& seen);

    /// Takes or renews the lease until `until`: true when `owner` holds it now. Free when nobody holds it,
    /// or the holder's lease ran out (a dead instance).
    bool claimLease(const std::string& connector, const std::string& owner, const std::string& now,
                    const std::string& until);
    /// Takes the lease from `deadOwner`, whose process is known to be gone, whatever its expiry: true when
    /// `owner` holds it now (false when someone else took it first).
    bool takeOverLease(const std::string& connector, const std::string& deadOwner, const std::string& owner,
                       const std::string& until);
    /// Renews a lease `owner` holds; false (nothing changed) when it was lost.
    bool renewLease(const std::string& connector, const std::string& owner, const std::string& until);
    void releaseLease(const std::string& connector, const std::string& owner);
    /// Who holds the lease at `now`, if anyone.
    std::optional<LeaseHolder> leaseHolder(const std::string& connector, const std::string& now);

    /// Forgets the connector's checkpoint: its next run reads the source from the start.
    void resetCheckpoint(const std::string& connector);

private:
    void ensureRow(const std::string& connector);

    Database& database_;
};

}  // namespace finsam::store
