// core/http/http_metrics.h — requests served by this instance, by route, method and status, for /metrics.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace finsam::http {

class HttpMetrics {
public:
    using Key = std::tuple<std::string, std::string, int>;  ///< route pattern ("unmatched" if none), method, status

    void count(const std::string& route, const std::string& method, int status) {
        std::lock_guard lock(mutex_);
        ++counts_[{route, method, status}];
    }

    std::map<Key, std::uint64_t> snapshot() const {
        std::lock_guard lock(mutex_);
        return counts_;
    }

private:
    mutable std::mutex mutex_;
    std::map<Key, std::uint64_t> counts_;
};

}  // namespace finsam::http
