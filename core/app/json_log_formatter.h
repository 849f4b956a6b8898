// core/app/json_log_formatter.h — one JSON object per log line; identities redacted on the way out.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Formatter.h>

namespace finsam::app {

/// {"time","level","component","connector"?,"message"}. Loggers named "connector.<id>" fill `connector`.
class JsonLogFormatter : public Poco::Formatter {
public:
    void format(const Poco::Message& message, std::string& text) override;
};

/// Routes every Poco logger to stderr through JsonLogFormatter at `level` (Poco level names).
void setupLogging(const std::string& level);

}  // namespace finsam::app
