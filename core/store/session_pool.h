// core/store/session_pool.h — a fixed set of store connections shared by request threads.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Condition.h>
#include <Poco/Mutex.h>

#include <memory>
#include <vector>

#include "core/store/database.h"

namespace finsam::store {

/// Hands out Database connections one thread at a time. Connections are opened lazily and replaced when a
/// use fails, so a restarted PostgreSQL is picked up again.
class SessionPool {
public:
    SessionPool(StoreLocation location, std::size_t size);

    /// A borrowed connection; returned to the pool when the lease ends.
    class Lease {
    public:
        Lease(SessionPool& pool, std::unique_ptr<Database> database) : pool_(pool), database_(std::move(database)) {}
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Database& operator*() { return *database_; }
        Database* operator->() { return database_.get(); }
        /// Drop this connection instead of returning it (after an error that may have broken it).
        void discard() { discard_ = true; }

    private:
        SessionPool& pool_;
        std::unique_ptr<Database> database_;
        bool discard_ = false;
    };

    /// Waits for a free connection; throws std::runtime_error when the store cannot be opened.
    Lease acquire();

private:
    void release(std::unique_ptr<Database> database, bool discard);

    StoreLocation location_;
    std::size_t size_;
    std::size_t open_ = 0;
    std::vector<std::unique_ptr<Database>> idle_;
    Poco::Mutex mutex_;
    Poco::Condition available_;
};

}  // namespace finsam::store
