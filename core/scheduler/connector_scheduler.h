// core/scheduler/connector_scheduler.h — serve's scheduler: runs each enabled connector instance on its
// schedule, on request (API) and when its drop folder changes, a few at a time, never two runs of one
// connector at once (also across instances on one PostgreSQL: the lease), backing off from failures.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/DirectoryWatcher.h>
#include <Poco/Event.h>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/config/hub_config.h"
#include "core/feed/feed_signal.h"
#include "core/identity/pseudonymizer.h"
#include "core/plugin_host/plugin_host.h"
#include "core/store/database.h"

namespace finsam::scheduler {

class ConnectorScheduler {
public:
    /// `hub` (store, batch size, consent window, plugin dirs) must outlive the scheduler; its connector list is
    /// only the first one (see replaceConnectors).
    ConnectorScheduler(const config::HubConfig& hub, const store::StoreLocation& location,
                       plugin_host::PluginHost& plugins, const identity::Pseudonymizer& pseudonymizer,
                       feed::FeedSignal& signal, std::string owner);
    ~ConnectorScheduler();
    ConnectorScheduler(const ConnectorScheduler&) = delete;
    ConnectorScheduler& operator=(const ConnectorScheduler&) = delete;

    void start();

    /// SIGHUP: the new instance list takes effect at once for runs not yet started; a run in flight finishes
    /// under the config it started with.
    void replaceConnectors(std::vector<config::ConnectorInstanceConfig> connectors);
    std::vector<config::ConnectorInstanceConfig> connectors() const;

    /// Look again now (a run was requested through the API).
    void wake() { wake_.set(); }

    /// Starts nothing more and asks runs to stop after their batch in flight. True when every run ended
    /// within `grace`; false when some are still inside a batch (the caller then exits without them: their
    /// transactions roll back and the next start re-reads those batches).
    bool stop(std::chrono::seconds grace);

    const std::string& owner() const { return owner_; }

private:
    struct Run;
    class FolderListener;
    struct Watch;

    void loop();
    void tick(store::Database& control);
    void dispatch(const config::ConnectorInstanceConfig& instance, const std::string& trigger, bool reprocess,
                  const std::string& runRequestedAt, const std::string& reprocessRequestedAt);
    void reap();
    void watch(const std::vector<config::ConnectorInstanceConfig>& connectors);
    void onFolderChange(const std::string& connector);
    std::size_t concurrencyLimit() const;

    const config::HubConfig& hub_;
    store::StoreLocation location_;
    plugin_host::PluginHost& plugins_;
    const identity::Pseudonymizer& pseudonymizer_;
    feed::FeedSignal& signal_;
    const std::string owner_;

    mutable std::mutex mutex_;  ///< guards connectors_, runs_, watches_ and changedAt_
    std::vector<config::ConnectorInstanceConfig> connectors_;
    std::map<std::string, std::unique_ptr<Run>> runs_;  ///< by connector id: runs in this instance
    std::map<std::string, std::unique_ptr<Watch>> watches_;
    std::map<std::string, std::chrono::steady_clock::time_point> changedAt_;  ///< last change in a watched folder
    std::chrono::steady_clock::time_point lastRenewal_{};

    std::atomic<bool> stopping_{false};
    std::atomic<bool> stopRuns_{false};
    Poco::Event wake_;
    std::thread thread_;
};

}  // namespace finsam::scheduler
