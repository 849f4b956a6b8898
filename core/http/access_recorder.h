// core/http/access_recorder.h — the audit of person-level reads: who read what, when, and how many rows.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "core/store/access_audit.h"
#include "core/store/session_pool.h"

namespace finsam::http {

/// Collects access entries from request threads and writes them in one transaction per second, so a feed
/// read never waits for a write lock held by an ingest batch. stop() (and the destructor) writes what is
/// left; a crash loses at most the last second of entries.
class AccessRecorder {
public:
    explicit AccessRecorder(store::SessionPool& sessions);
    ~AccessRecorder();
    AccessRecorder(const AccessRecorder&) = delete;
    AccessRecorder& operator=(const AccessRecorder&) = delete;

    /// Queues one entry; its time is set now.
    void record(store::AccessEntry entry);

    /// Writes everything queued so far; returns how many entries were written.
    std::size_t flush();

    void stop();

private:
    void run();

    store::SessionPool& sessions_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<store::AccessEntry> pending_;
    bool stopping_ = false;
    std::mutex flushMutex_;  ///< one flush at a time keeps entries in order
    std::thread flusher_;
};

}  // namespace finsam::http
