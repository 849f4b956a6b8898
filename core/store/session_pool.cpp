// core/store/session_pool.cpp — lazy open, bounded size, discard on failure.
// SPDX-License-Identifier: Apache-2.0
#include "core/store/session_pool.h"

namespace finsam::store {

SessionPool::SessionPool(StoreLocation location, std::size_t size) : location_(std::move(location)), size_(size) {}

SessionPool::Lease::~Lease() { pool_.release(std::move(database_), discard_); }

SessionPool::Lease SessionPool::acquire() {
    {
        Poco::Mutex::ScopedLock lock(mutex_);
        while (idle_.empty() && open_ >= size_) {
            available_.wait(mutex_);
        }
        if (!idle_.empty()) {
            auto database = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(database));
        }
        ++open_;
    }
    try {
        return Lease(*this, std::make_unique<Database>(location_));
    } catch (...) {
        Poco::Mutex::ScopedLock lock(mutex_);
        --open_;
        available_.signal();
        throw;
    }
}

void SessionPool::release(std::unique_ptr<Database> database, bool discard) {
    Poco::Mutex::ScopedLock lock(mutex_);
    if (discard || !database) {
        --open_;
    } else {
        idle_.push_back(std::move(database));
    }
    available_.signal();
}

}  // namespace finsam::store
