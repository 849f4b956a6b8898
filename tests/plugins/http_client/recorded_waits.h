// tests/plugins/http_client/recorded_waits.h — a sleeper that records the waits a Client asks for instead
// of sleeping, so back-off and Retry-After are asserted exactly and tests stay fast.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <vector>

#include "finsam/http_client/client.h"

namespace finsam::http_client::testing {

struct RecordedWaits {
    std::vector<std::chrono::milliseconds> waits;

    void attachTo(Client& client) {
        client.setSleeper([this](std::chrono::milliseconds wait) { waits.push_back(wait); });
    }
};

}  // namespace finsam::http_client::testing
