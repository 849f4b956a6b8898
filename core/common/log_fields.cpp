// core/common/log_fields.cpp — fields travel as one message parameter holding a JSON object (Poco 1.11
// messages cannot list their parameters).
// SPDX-License-Identifier: Apache-2.0
#include "core/common/log_fields.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace finsam::common {

void logWithFields(Poco::Logger& logger, Poco::Message::Priority priority, const std::string& text,
                   const std::map<std::string, std::string>& fields) {
    if (!logger.is(priority)) {
        return;
    }
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
    json.StartObject();
    for (const auto& [name, value] : fields) {
        json.Key(name.c_str());
        json.String(value);
    }
    json.EndObject();
    Poco::Message message(logger.name(), text, priority);
    message.set("fields", buffer.GetString());
    logger.log(message);
}

}  // namespace finsam::common
