// plugins/sdk/testkit/collecting_logger.h — a Logger for Context::logger that keeps every line for
// assertions.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "finsam/sdk/connector.h"

namespace finsam::sdk::testkit {

class CollectingLogger : public Logger {
public:
    void log(Level level, const std::string& message) override {
        lines_.emplace_back(level, message);
    }

    const std::vector<std::pair<Level, std::string>>& lines() const { return lines_; }

private:
    std::vector<std::pair<Level, std::string>> lines_;
};

}  // namespace finsam::sdk::testkit
