// core/common/log_fields.h — a log line with structured fields: the JSON log formatter (core/app) writes them
// as its "fields" object, redacted like the message.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Logger.h>
#include <Poco/Message.h>

#include <map>
#include <string>

namespace finsam::common {

/// Logs `text` with `fields` (string values) at `priority`, if the logger's level lets it through.
void logWithFields(Poco::Logger& logger, Poco::Message::Priority priority, const std::string& text,
                   const std::map<std::string, std::string>& fields);

}  // namespace finsam::common
