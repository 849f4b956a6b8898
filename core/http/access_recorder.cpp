// core/http/access_recorder.cpp — a queue drained by one flusher thread, once a second and on stop.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/access_recorder.h"

#include <Poco/Logger.h>

#include "core/common/clock.h"

namespace finsam::http {

AccessRecorder::AccessRecorder(store::SessionPool& sessions) : sessions_(sessions), flusher_([this] { run(); }) {}

AccessRecorder::~AccessRecorder() { stop(); }

void AccessRecorder::record(store::AccessEntry entry) {
    entry.at = common::nowUtcIso();
    std::lock_guard lock(mutex_);
    pending_.push_back(std::move(entry));
}

std::size_t AccessRecorder::flush() {
    std::lock_guard flushing(flushMutex_);
    std::vector<store::AccessEntry> entries;
    {
        std::lock_guard lock(mutex_);
        entries.swap(pending_);
    }
    if (entries.empty()) {
        return 0;
    }
    try {
        auto lease = sessions_.acquire();
        try {
            soci::transaction transaction(lease->session());
            store::AccessAudit(*lease).append(entries);
            transaction.commit();
        } catch (...) {
            lease.discard();
            throw;
        }
    } catch (const std::exception& e) {
        // Kept for the next flush: the audit must not lose entries because the store blinked.
        Poco::Logger::get("http").error(std::string("access audit not written yet: ") + e.what());
        std::lock_guard lock(mutex_);
        pending_.insert(pending_.begin(), entries.begin(), entries.end());
        return 0;
    }
    return entries.size();
}

void AccessRecorder::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) {
            return;
        }
        stopping_ = true;
    }
    wake_.notify_all();
    if (flusher_.joinable()) {
        flusher_.join();
    }
    flush();
}

void AccessRecorder::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_; });
        lock.unlock();
        flush();
        lock.lock();
    }
}

}  // namespace finsam::http
