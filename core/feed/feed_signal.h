// core/feed/feed_signal.h — wakes long polls when this instance commits feed events.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace finsam::feed {

/// A generation counter with a condition variable. Other instances on a shared PostgreSQL do not notify it:
/// waiters also wake at their poll interval and look at the store themselves.
class FeedSignal {
public:
    std::uint64_t generation() const {
        std::lock_guard lock(mutex_);
        return generation_;
    }

    void notify() {
        {
            std::lock_guard lock(mutex_);
            ++generation_;
        }
        changed_.notify_all();
    }

    /// Waits until the generation differs from `seen` or `timeout` passes; returns the generation.
    std::uint64_t waitFor(std::uint64_t seen, std::chrono::milliseconds timeout) const {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, timeout, [&] { return generation_ != seen; });
        return generation_;
    }

private:
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::uint64_t generation_ = 0;
};

}  // namespace finsam::feed
