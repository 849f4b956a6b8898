// core/pipeline/connector_logger.h — the sdk::Logger the host lends a connector: Poco logging, redacted.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Logger.h>

#include "core/identity/redactor.h"
#include "finsam/sdk/connector.h"

namespace finsam::pipeline {

class ConnectorLogger : public sdk::Logger {
public:
    explicit ConnectorLogger(const std::string& instanceId) : logger_(Poco::Logger::get("connector." + instanceId)) {}

    void log(Level level, const std::string& message) override {
        // A connector is untrusted with respect to what it writes: redact before anything leaves memory.
        std::string text = identity::redactIdentities(message);
        switch (level) {
            case Level::kDebug: logger_.debug(text); break;
            case Level::kInfo: logger_.information(text); break;
            case Level::kWarning: logger_.warning(text); break;
            case Level::kError: logger_.error(text); break;
        }
    }

private:
    Poco::Logger& logger_;
};

}  // namespace finsam::pipeline
