// core/app/json_log_formatter.h — one JSON object per log line; identities redacted on the way out.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Formatter.h>
#include <map>
#include <string>

namespace finsam::app {

/// {"time","level","component","connector"?,"message","fields"?}. Loggers named "connector.<id>" fill
/// `connector`; a message parameter "fields" (a JSON object, see common::logWithFields) becomes `fields`. Every text
/// and field value goes through identity::redactLogText: no personnummer, token or secret, ever.
class JsonLogFormatter : public Poco::Formatter {
public:
    void format(const Poco::Message& message, std::string& text) override;
};

/// Routes every Poco logger to stderr through JsonLogFormatter at `level` (Poco level names), then sets the
/// level of each named component (logger name, e.g. "scheduler" or "connector.af") and its children.
void setupLogging(const std::string& level, const std::map<std::string, std::string>& components = {});

}  // namespace finsam::app
