// core/scheduler/connector_scheduler.cpp — one loop thread decides, one thread per run does the work on its own
// store connection; everything that must agree across instances (pauses, requests, leases, run history) is in
// the store.
// SPDX-License-Identifier: Apache-2.0
#include "core/scheduler/connector_scheduler.h"

#include <Poco/Delegate.h>
#include <Poco/Logger.h>

#include "core/common/clock.h"
#include "core/common/log_fields.h"
#include "core/pipeline/ingest_runner.h"
#include "core/scheduler/leased_run.h"
#include "core/scheduler/schedule.h"
#include "core/store/connector_control.h"
#include "core/store/connector_runs.h"

namespace finsam::scheduler {

namespace {

constexpr auto kTick = std::chrono::seconds(1);

}  // namespace

struct ConnectorScheduler::Run {
    std::thread thread;
    std::atomic<bool> done{false};
};

ConnectorScheduler::ConnectorScheduler(const config::HubConfig& hub, const store::StoreLocation& location,
                                       plugin_host::PluginHost& plugins, const identity::Pseudonymizer& pseudonymizer,
                                       feed::FeedSignal& signal, std::string owner)
    : hub_(hub),
      location_(location),
      plugins_(plugins),
      pseudonymizer_(pseudonymizer),
      signal_(signal),
      owner_(std::move(owner)),
      connectors_(hub.connectors) {}

ConnectorScheduler::~ConnectorScheduler() { stop(std::chrono::seconds(0)); }

void ConnectorScheduler::start() {
    watch(connectors_);
    thread_ = std::thread([this] { loop(); });
}

std::vector<config::ConnectorInstanceConfig> ConnectorScheduler::connectors() const {
    std::lock_guard lock(mutex_);
    return connectors_;
}

void ConnectorScheduler::replaceConnectors(std::vector<config::ConnectorInstanceConfig> connectors) {
    {
        std::lock_guard lock(mutex_);
        connectors_ = connectors;
    }
    watch(connectors);
    wake_.set();
}

std::size_t ConnectorScheduler::concurrencyLimit() const {
    // SQLite has one writer: two runs would only queue on its lock (and time out behind a long batch).
    return location_.backend == store::Backend::kSqlite
               ? 1
               : static_cast<std::size_t>(std::max(1, hub_.scheduler.maxConcurrentRuns));
}

// Forwards a watched folder's events to the scheduler (Poco events take member functions, not lambdas).
class ConnectorScheduler::FolderListener {
public:
    FolderListener(ConnectorScheduler& scheduler, std::string connector)
        : scheduler_(scheduler), connector_(std::move(connector)) {}
    void changed(const void*, const Poco::DirectoryWatcher::DirectoryEvent&) { scheduler_.onFolderChange(connector_); }

private:
    ConnectorScheduler& scheduler_;
    std::string connector_;
};

struct ConnectorScheduler::Watch {
    std::unique_ptr<FolderListener> listener;
    std::unique_ptr<Poco::DirectoryWatcher> watcher;  ///< declared last: stops before its listener goes

    ~Watch() {
        if (watcher) {
            watcher->itemAdded -= Poco::delegate(listener.get(), &FolderListener::changed);
            watcher->itemModified -= Poco::delegate(listener.get(), &FolderListener::changed);
            watcher->itemMovedTo -= Poco::delegate(listener.get(), &FolderListener::changed);
            watcher->itemRemoved -= Poco::delegate(listener.get(), &FolderListener::changed);
            watcher.reset();
        }
    }
};

void ConnectorScheduler::watch(const std::vector<config::ConnectorInstanceConfig>& connectors) {
    auto& logger = Poco::Logger::get("scheduler");
    std::map<std::string, std::unique_ptr<Watch>> watches;
    for (const auto& instance : connectors) {
        if (!instance.enabled || !instance.schedule.watch) {
            continue;
        }
        try {
            auto entry = std::make_unique<Watch>();
            entry->listener = std::make_unique<FolderListener>(*this, instance.id);
            entry->watcher = std::make_unique<Poco::DirectoryWatcher>(
                instance.schedule.watchDir, Poco::DirectoryWatcher::DW_FILTER_ENABLE_ALL, 2);
            entry->watcher->itemAdded += Poco::delegate(entry->listener.get(), &FolderListener::changed);
            entry->watcher->itemModified += Poco::delegate(entry->listener.get(), &FolderListener::changed);
            entry->watcher->itemMovedTo += Poco::delegate(entry->listener.get(), &FolderListener::changed);
            entry->watcher->itemRemoved += Poco::delegate(entry->listener.get(), &FolderListener::changed);
            watches.emplace(instance.id, std::move(entry));
        } catch (const std::exception& e) {
            logger.warning("connector " + instance.id + ": cannot watch " + instance.schedule.watchDir + ": " +
                           e.what() + "; it runs on its schedule only");
        }
    }
    {
        std::lock_guard lock(mutex_);
        std::swap(watches_, watches);
    }
    // The old watchers stop here, outside the lock their threads may be waiting for.
}

void ConnectorScheduler::onFolderChange(const std::string& connector) {
    std::lock_guard lock(mutex_);
    changedAt_[connector] = std::chrono::steady_clock::now();
    wake_.set();
}

void ConnectorScheduler::loop() {
    auto& logger = Poco::Logger::get("scheduler");
    std::unique_ptr<store::Database> control;
    while (!stopping_.load()) {
        try {
            if (!control) {
                control = std::make_unique<store::Database>(location_);
            }
            tick(*control);
        } catch (const std::exception& e) {
            // The store is unreachable or a statement failed: drop the connection and try again next tick.
            logger.error(std::string("scheduler: ") + e.what());
            control.reset();
        }
        wake_.tryWait(std::chrono::duration_cast<std::chrono::milliseconds>(kTick).count());
    }
}

void ConnectorScheduler::tick(store::Database& database) {
    reap();
    store::ConnectorControl controls(database);
    const auto now = Clock::now();
    std::vector<config::ConnectorInstanceConfig> connectors;
    std::size_t running = 0;
    std::vector<std::string> runningHere;
    {
        std::lock_guard lock(mutex_);
        connectors = connectors_;
        running = runs_.size();
        for (const auto& [id, run] : runs_) {
            runningHere.push_back(id);
        }
    }
    // A batch longer than the lease must not lose it: renew for the runs in this instance a few times a lease.
    const auto leaseLength = std::chrono::seconds(hub_.scheduler.leaseSeconds);
    if (std::chrono::steady_clock::now() - lastRenewal_ > leaseLength / 3) {
        for (const auto& id : runningHere) {
            controls.renewLease(id, owner_, common::isoUtcIn(leaseLength));
        }
        lastRenewal_ = std::chrono::steady_clock::now();
    }
    for (const auto& instance : connectors) {
        if (!instance.enabled || running >= concurrencyLimit()) {
            continue;
        }
        {
            std::lock_guard lock(mutex_);
            if (runs_.count(instance.id) != 0) {
                continue;
            }
        }
        const auto control = controls.read(instance.id);
        if (control.paused) {
            continue;
        }
        // Running on another instance: look again next tick, without a run thread and connection for nothing.
        if (auto held = controls.leaseHolder(instance.id, common::nowUtcIso());
            held && held->owner != owner_ && !deadOnThisHost(held->owner)) {
            continue;
        }
        std::string trigger;
        if (!control.reprocessRequestedAt.empty()) {
            trigger = "reprocess";
        } else if (!control.runRequestedAt.empty()) {
            trigger = "manual";
        } else {
            bool settled = false;
            {
                std::lock_guard lock(mutex_);
                auto changed = changedAt_.find(instance.id);
                settled = changed != changedAt_.end() &&
                          std::chrono::steady_clock::now() - changed->second >=
                              std::chrono::seconds(hub_.scheduler.watchSettleSeconds);
            }
            if (settled && intoWindow(instance.schedule, now) == now) {
                trigger = "watch";
            } else {
                if (nextRunFromHistory(database, hub_, instance, now) > now) {
                    continue;
                }
                trigger = "schedule";
            }
        }
        // Another instance may still take the lease first: then the run thread ends at once, and this instance
        // asks again next tick. Requests stay pending until a run that served them ends.
        dispatch(instance, trigger, trigger == "reprocess", control.runRequestedAt, control.reprocessRequestedAt);
        ++running;
    }
}

void ConnectorScheduler::dispatch(const config::ConnectorInstanceConfig& instance, const std::string& trigger,
                                  bool reprocess, const std::string& runRequestedAt,
                                  const std::string& reprocessRequestedAt) {
    auto run = std::make_unique<Run>();
    Run* slot = run.get();
    {
        std::lock_guard lock(mutex_);
        if (trigger == "watch") {
            changedAt_.erase(instance.id);
        }
        runs_[instance.id] = std::move(run);
    }
    slot->thread = std::thread([this, instance, trigger, reprocess, runRequestedAt, reprocessRequestedAt, slot] {
        auto& logger = Poco::Logger::get("scheduler");
        try {
            store::Database database(location_);
            pipeline::IngestRunner runner(database, plugins_, hub_, pseudonymizer_);
            LeasedRun leased(database, runner, owner_, std::chrono::seconds(hub_.scheduler.leaseSeconds));
            RunRequest request;
            request.trigger = trigger;
            request.reprocess = reprocess;
            request.stop = &stopRuns_;
            request.afterBatch = [this](const pipeline::IngestSummary&) { signal_.notify(); };
            auto summary = leased.run(instance, request);
            if (summary) {
                store::ConnectorControl(database).clearRequests(instance.id,
                                                                {false, runRequestedAt, reprocessRequestedAt});
                std::map<std::string, std::string> fields = {
                    {"connector", instance.id},
                    {"trigger", trigger},
                    {"read", std::to_string(summary->counts.read)},
                    {"accepted", std::to_string(summary->counts.accepted)},
                    {"quarantined", std::to_string(summary->counts.quarantined)},
                    {"rejected_rows", std::to_string(summary->counts.rejectedRows)},
                    {"batches", std::to_string(summary->batches)},
                    {"events", std::to_string(summary->events)},
                    {"seconds", std::to_string(summary->elapsedSeconds)}};
                if (!summary->error.empty()) {
                    fields["error"] = summary->error;
                }
                const bool quiet = summary->batches == 0 && summary->error.empty();
                common::logWithFields(logger,
                                      !summary->error.empty() ? Poco::Message::PRIO_ERROR
                                      : quiet                 ? Poco::Message::PRIO_DEBUG
                                                              : Poco::Message::PRIO_INFORMATION,
                                      summary->error.empty() ? "run finished" : "run failed", fields);
            } else {
                logger.debug("connector " + instance.id + ": running on " + leased.holder(instance.id));
            }
        } catch (const std::exception& e) {
            logger.error("connector " + instance.id + ": " + e.what());
        }
        slot->done.store(true);
        wake_.set();
    });
}

void ConnectorScheduler::reap() {
    std::vector<std::unique_ptr<Run>> finished;
    {
        std::lock_guard lock(mutex_);
        for (auto it = runs_.begin(); it != runs_.end();) {
            if (it->second->done.load()) {
                finished.push_back(std::move(it->second));
                it = runs_.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (auto& run : finished) {
        run->thread.join();
    }
}

bool ConnectorScheduler::stop(std::chrono::seconds grace) {
    stopping_.store(true);
    stopRuns_.store(true);
    wake_.set();
    if (thread_.joinable()) {
        thread_.join();
    }
    const auto deadline = std::chrono::steady_clock::now() + grace;
    while (true) {
        reap();
        std::lock_guard lock(mutex_);
        if (runs_.empty()) {
            break;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            for (auto& [id, run] : runs_) {
                Poco::Logger::get("scheduler").warning("connector " + id +
                                                       ": batch in flight abandoned at stop; it is read again "
                                                       "from the committed checkpoint on the next start");
                run->thread.detach();
                run.release();  // the detached thread still writes its done flag; the process is about to exit
            }
            runs_.clear();
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    {
        std::map<std::string, std::unique_ptr<Watch>> watches;
        {
            std::lock_guard lock(mutex_);
            std::swap(watches_, watches);
        }
    }
    return true;
}

}  // namespace finsam::scheduler
